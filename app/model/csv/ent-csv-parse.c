/* ent-csv-parse.c: the rows of an import file as schools with their counts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The header says which file it is (the Ministry's dataset, with either of
 * its headers, or the template) and where its columns are. Only the rows of
 * the selection are kept and validated, so that an oddity elsewhere in the
 * national file does not block an import; the structure (UTF-8, quotes,
 * header) is checked everywhere. The rows of one school gather into one
 * EntCsvSchool: its counts by school year, its name of the latest rentrée,
 * and the rentrées it appears in (it opened or closed when the file has
 * others).
 *
 * School names are kept as the Ministry gives them ("ECOLE ELEMENTAIRE
 * PUBLIQUE JULES FERRY"): the upper-case official names have lost their
 * accents, and any re-casing would guess; keeping them as given also lets a
 * user find a school in the Ministry's data by its name. Commune names take
 * the spelling the user typed in the selection, else the file's (the merge
 * prefers the document's own spelling of that commune).
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>

#include "ent-csv-import-private.h"
#include "ent-csv-match.h"
#include "ent-csv-reader.h"
#include "ent-school.h"
#include "ent-text.h"
#include "ent-validate.h"

typedef enum
{
  COL_RENTREE,
  COL_COMMUNE,
  COL_UAI,
  COL_DENOMINATION,
  COL_PATRONYME,
  COL_SECTEUR,
  COL_TOTAL,
  COL_POSTAL_CODE,
  COL_COMMUNE_INSEE, /* field exports: holds the postal code in 2024–2026 */
  COL_DEPARTEMENT,
  COL_NAME,        /* template */
  COL_INSEE,       /* template */
  N_COLS
} Column;

/* Header names after header_key (): lower case, no accents, '_' between words. */
static const char * const column_aliases[N_COLS][4] = {
  [COL_RENTREE]      = { "rentree_scolaire", NULL },
  [COL_COMMUNE]      = { "commune", NULL },
  [COL_UAI]          = { "numero_de_l_ecole", "numero_ecole", "uai", NULL },
  [COL_DENOMINATION] = { "denomination_principale", NULL },
  [COL_PATRONYME]    = { "patronyme", NULL },
  [COL_SECTEUR]      = { "secteur", NULL },
  [COL_TOTAL]        = { "nombre_total_d_eleves", "nombre_total_eleves", NULL },
  [COL_POSTAL_CODE]  = { "code_postal", NULL },
  [COL_COMMUNE_INSEE] = { "code_commune_insee", NULL },
  [COL_DEPARTEMENT]  = { "code_departement", "code_du_departement", NULL },
  [COL_NAME]         = { "ecole", "nom", "name", NULL },
  [COL_INSEE]        = { "insee", "code_insee", NULL },
};

/* How a column is named in messages: the label header's name, then the field name. */
static const char * const column_names[N_COLS] = {
  [COL_RENTREE]      = "Rentrée scolaire (rentree_scolaire)",
  [COL_COMMUNE]      = "Commune (commune)",
  [COL_UAI]          = "Numéro de l'école (numero_ecole)",
  [COL_DENOMINATION] = "Dénomination principale (denomination_principale)",
  [COL_PATRONYME]    = "Patronyme (patronyme)",
  [COL_SECTEUR]      = "Secteur (secteur)",
  [COL_TOTAL]        = "Nombre total d'élèves (nombre_total_eleves)",
  [COL_POSTAL_CODE]  = "Code Postal (code_postal)",
  [COL_COMMUNE_INSEE] = "code_commune_insee",
  [COL_DEPARTEMENT]  = "Code département (code_departement)",
  [COL_NAME]         = "école",
  [COL_INSEE]        = "insee",
};

typedef struct
{
  int    school_year;
  int    column;      /* index in the record */
  char  *header;      /* as written in the file */
} YearColumn;

/* A school being gathered from the rows. */
typedef struct
{
  EntCsvSchool  school;
  GArray       *counts;      /* EntCsvCount */
  int           name_year;   /* rentrée whose name was kept */
  int           first_seen;  /* rentrées it appears in, secret counts included */
  int           last_seen;
} RawSchool;

typedef struct
{
  EntCsvReader           reader;
  EntCsvMatcher          match;
  const EntCsvSelection *selection;

  EntCsvFormat           format;
  int                    columns[N_COLS];  /* -1 when absent */
  GArray                *year_columns;     /* YearColumn (template) */

  GPtrArray             *schools;    /* RawSchool, first appearance order */
  GHashTable            *by_key;     /* key → RawSchool */
  guint                  n_private_skipped;
  int                    first_year; /* rentrées of the file's rows (official), 0: none */
  int                    last_year;
} Parser;

/* Helpers: text */

/* Lower case, no accents, '_' between words: "Numéro de l'école" → "numero_de_l_ecole". */
static char *
header_key (const char *text)
{
  return ent_csv_make_key (text, '_');
}

/* The level a "Dénomination principale" names: « ECOLE MATERNELLE PUBLIQUE »,
 * « École élémentaire », « ECOLE PRIMAIRE PRIVEE », or the abbreviations of
 * the Ministry's directory (« E.M.PU », « E.E.PR », « E.P.PU »). Anything
 * else (« GROUPE SCOLAIRE », empty) names none: UNKNOWN, never an error, the
 * user sets it in the Pupils page. */
static EntSchoolLevel
denomination_level (const char *text)
{
  g_autofree char *key = ent_csv_make_key (text, '_');
  g_auto(GStrv) words = g_strsplit (key, "_", -1);
  gboolean maternelle = FALSE;
  gboolean elementaire = FALSE;
  gboolean primaire = FALSE;

  for (guint i = 0; words[i] != NULL; i++)
    {
      maternelle = maternelle || g_str_equal (words[i], "maternelle");
      elementaire = elementaire || g_str_equal (words[i], "elementaire");
      primaire = primaire || g_str_equal (words[i], "primaire");
    }
  /* "e_m_pu": école maternelle publique */
  if (words[0] != NULL && g_str_equal (words[0], "e") && words[1] != NULL)
    {
      maternelle = maternelle || g_str_equal (words[1], "m");
      elementaire = elementaire || g_str_equal (words[1], "e");
      primaire = primaire || g_str_equal (words[1], "p");
    }

  /* a school with both kinds of classes is what "primaire" means */
  if (primaire || (maternelle && elementaire))
    return ENT_SCHOOL_LEVEL_PRIMAIRE;
  if (maternelle)
    return ENT_SCHOOL_LEVEL_MATERNELLE;
  if (elementaire)
    return ENT_SCHOOL_LEVEL_ELEMENTAIRE;
  return ENT_SCHOOL_LEVEL_UNKNOWN;
}

/* A count the Ministry keeps secret (under 5 pupils): an empty total, "ss",
 * "s", "nc", "<5" (SPEC 12). */
static gboolean
is_secret_count (const char *text)
{
  static const char * const secret[] = { "", "ss", "s", "nc", "<5", "< 5", NULL };

  for (guint i = 0; secret[i] != NULL; i++)
    if (g_ascii_strcasecmp (text, secret[i]) == 0)
      return TRUE;
  return FALSE;
}

/* "2023", "2023-09-01", "2023/2024", "2023-09-01T00:00:00+02:00" → 2023. */
static gboolean
parse_year_prefix (const char *text,
                   int        *out_year)
{
  int year = 0;

  for (guint i = 0; i < 4; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      year = year * 10 + (text[i] - '0');
    }

  if (text[4] != '\0' && text[4] != '-' && text[4] != '/' && text[4] != 'T' && text[4] != ' ')
    return FALSE;

  *out_year = year;
  return TRUE;
}

/* A template's year column: "2023", or "2023-2024" / "2023/2024". */
static gboolean
parse_year_header (const char *text,
                   int        *out_year)
{
  int second;

  if (!parse_year_prefix (text, out_year))
    return FALSE;
  if (text[4] == '\0')
    return TRUE;
  if ((text[4] == '-' || text[4] == '/') && parse_year_prefix (text + 5, &second) &&
      text[9] == '\0' && second == *out_year + 1)
    return TRUE;
  return FALSE;
}

/* g_set_str () is GLib 2.76. */
static void
replace_string (char       **field,
                const char  *value)
{
  char *copy = g_strdup (value);

  g_free (*field);
  *field = copy;
}

/* Helpers: rows */

/* Column @column of the current row, "" when the file or the row has none. */
static const char *
row_field (Parser *self,
           Column  column)
{
  return ent_csv_reader_get_field (&self->reader, self->columns[column]);
}

static gboolean fail_row (Parser        *self,
                          GError       **error,
                          EntModelError  code,
                          const char    *column,
                          const char    *format,
                          ...) G_GNUC_PRINTF (5, 6);

/* An error on the current row (@column: nullable), see ent_csv_reader_fail_at(). */
static gboolean
fail_row (Parser        *self,
          GError       **error,
          EntModelError  code,
          const char    *column,
          const char    *format,
          ...)
{
  g_autofree char *detail = NULL;
  va_list args;

  va_start (args, format);
  detail = g_strdup_vprintf (format, args);
  va_end (args);

  return ent_csv_reader_fail_at (&self->reader, error, code, self->reader.record_line, column,
                                 "%s", detail);
}

static void warn_row (Parser     *self,
                      const char *format,
                      ...) G_GNUC_PRINTF (2, 3);

/* A warning on the current row. */
static void
warn_row (Parser     *self,
          const char *format,
          ...)
{
  g_autofree char *detail = NULL;
  va_list args;

  va_start (args, format);
  detail = g_strdup_vprintf (format, args);
  va_end (args);

  ent_csv_reader_warn (&self->reader, self->reader.record_line, "%s", detail);
}

/* A name of the file (school, commune, INSEE code) that the loader would
 * refuse (SPEC 10.5) is refused here, where the line is known. */
static gboolean
check_name (Parser      *self,
            const char  *text,
            const char  *column,
            GError     **error)
{
  g_autoptr(GError) reason = NULL;

  if (ent_validate_name (text, &reason))
    return TRUE;
  return fail_row (self, error, reason->code, column, "%s", reason->message);
}

static void
raw_school_free (gpointer data)
{
  RawSchool *raw = data;

  g_free (raw->school.uai);
  g_free (raw->school.name);
  g_free (raw->school.commune);
  g_free (raw->school.commune_insee);
  g_free (raw->school.postal_code);
  g_array_unref (raw->counts);
  g_free (raw);
}

static void
year_column_clear (gpointer data)
{
  YearColumn *column = data;

  g_free (column->header);
}

static void
parser_clear (Parser *self)
{
  ent_csv_reader_clear (&self->reader);
  ent_csv_matcher_clear (&self->match);
  g_clear_pointer (&self->year_columns, g_array_unref);
  g_clear_pointer (&self->by_key, g_hash_table_unref);
  g_clear_pointer (&self->schools, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Parser, parser_clear)

/* Reads the header line and finds the columns. */
static gboolean
read_header (Parser  *self,
             GError **error)
{
  EntCsvMatcher *match = &self->match;
  gboolean got;
  guint n;

  if (!ent_csv_reader_next (&self->reader, &got, error))
    return FALSE;
  if (!got)
    return ent_csv_reader_fail_at (&self->reader, error, ENT_MODEL_ERROR_PARSE, 1, NULL,
                                   _("the file is empty: a header line is expected"));

  for (guint c = 0; c < N_COLS; c++)
    self->columns[c] = -1;

  n = ent_csv_reader_get_n_fields (&self->reader);
  for (guint i = 0; i < n; i++)
    {
      const char *text = ent_csv_reader_get_field (&self->reader, i);
      g_autofree char *key = header_key (text);
      YearColumn year_column;

      for (guint c = 0; c < N_COLS; c++)
        if (self->columns[c] < 0 && g_strv_contains (column_aliases[c], key))
          self->columns[c] = i;

      if (parse_year_header (text, &year_column.school_year))
        {
          year_column.column = i;
          year_column.header = g_strdup (text);
          g_array_append_val (self->year_columns, year_column);
        }
    }

  if (self->columns[COL_RENTREE] >= 0)
    {
      static const Column required[] = {
        COL_COMMUNE, COL_UAI, COL_DENOMINATION, COL_SECTEUR, COL_TOTAL,
      };

      self->format = ENT_CSV_FORMAT_OFFICIAL;
      for (guint i = 0; i < G_N_ELEMENTS (required); i++)
        if (self->columns[required[i]] < 0)
          return fail_row (self, error, ENT_MODEL_ERROR_MISSING, NULL,
                           _("the column “%s” is missing"), column_names[required[i]]);
      /* SPEC 12: the 2024–2026 field exports have no code_postal, and put
       * the postal code in code_commune_insee */
      if (self->columns[COL_POSTAL_CODE] < 0)
        self->columns[COL_POSTAL_CODE] = self->columns[COL_COMMUNE_INSEE];
      if (ent_csv_matcher_has_postal_codes (match) && self->columns[COL_POSTAL_CODE] < 0)
        return fail_row (self, error, ENT_MODEL_ERROR_MISSING, NULL,
                         _("the column “%s” is missing (needed to select by postal code)"),
                         column_names[COL_POSTAL_CODE]);
      if (ent_csv_matcher_has_departements (match) && self->columns[COL_DEPARTEMENT] < 0)
        return fail_row (self, error, ENT_MODEL_ERROR_MISSING, NULL,
                         _("the column “%s” is missing (needed to select by département)"),
                         column_names[COL_DEPARTEMENT]);
      if (!ent_csv_matcher_has_communes (match) && !ent_csv_matcher_has_postal_codes (match) &&
          !ent_csv_matcher_has_uais (match) && !ent_csv_matcher_has_departements (match))
        return fail_row (self, error, ENT_MODEL_ERROR_MISSING, NULL,
                         _("this file lists the schools of all of France: give the commune, "
                           "the postal code, the UAI or the département of the schools to import"));
      return TRUE;
    }

  if (self->columns[COL_NAME] >= 0 || self->columns[COL_UAI] >= 0 || self->year_columns->len > 0)
    {
      self->format = ENT_CSV_FORMAT_TEMPLATE;
      if (self->columns[COL_NAME] < 0)
        return fail_row (self, error, ENT_MODEL_ERROR_MISSING, NULL,
                         _("the column “%s” is missing"), "école");
      if (self->columns[COL_UAI] < 0)
        return fail_row (self, error, ENT_MODEL_ERROR_MISSING, NULL,
                         _("the column “%s” is missing"), "uai");
      if (self->year_columns->len == 0)
        return fail_row (self, error, ENT_MODEL_ERROR_MISSING, NULL,
                         _("no school year column (such as “2023”)"));
      if (self->columns[COL_COMMUNE] < 0 && ent_csv_matcher_has_communes (match) &&
          match->commune_keys[1] != NULL)
        return fail_row (self, error, ENT_MODEL_ERROR_MISSING, NULL,
                         _("the column “%s” is missing (needed to import several communes)"),
                         "commune");
      for (guint i = 0; i < self->year_columns->len; i++)
        {
          YearColumn *a = &g_array_index (self->year_columns, YearColumn, i);
          g_autoptr(GError) reason = NULL;

          if (!ent_validate_count_school_year (a->school_year, &reason))
            return fail_row (self, error, reason->code, a->header, "%s", reason->message);
          for (guint j = 0; j < i; j++)
            if (g_array_index (self->year_columns, YearColumn, j).school_year == a->school_year)
              return fail_row (self, error, ENT_MODEL_ERROR_DUPLICATE, a->header,
                               _("school year %d has two columns"), a->school_year);
        }
      return TRUE;
    }

  return fail_row (self, error, ENT_MODEL_ERROR_MISSING, NULL,
                   _("neither the Ministry’s dataset (no column “%s”) nor the template "
                     "(no column “%s”, “%s” or a school year)"),
                   column_names[COL_RENTREE], "école", "uai");
}

static gboolean
parse_count (Parser      *self,
             const char  *text,
             const char  *column,
             gint64      *out_count,
             GError     **error)
{
  gint64 count;

  if (text[0] == '\0')
    return fail_row (self, error, ENT_MODEL_ERROR_MISSING, column,
                     _("the number of pupils is missing"));
  if (!g_ascii_string_to_signed (text, 10, G_MININT64, G_MAXINT64, &count, NULL))
    return fail_row (self, error, ENT_MODEL_ERROR_INVALID_VALUE, column,
                     _("“%s” is not a whole number of pupils"), text);
  if (count < 0)
    return fail_row (self, error, ENT_MODEL_ERROR_OUT_OF_RANGE, column,
                     _("%" PRId64 " pupils is negative"), count);
  if (count > ENT_MAX_PUPILS_PER_SCHOOL)
    return fail_row (self, error, ENT_MODEL_ERROR_OUT_OF_RANGE, column,
                     _("%" PRId64 " pupils is more than %d in one school"),
                     count, ENT_MAX_PUPILS_PER_SCHOOL);

  *out_count = count;
  return TRUE;
}

static gboolean
check_uai (Parser      *self,
           char        *uai,
           gboolean     required,
           GError     **error)
{
  const char *column = self->format == ENT_CSV_FORMAT_TEMPLATE ? "uai" : column_names[COL_UAI];

  for (char *p = uai; *p != '\0'; p++)
    *p = g_ascii_toupper (*p);

  if (uai[0] == '\0' && required)
    return fail_row (self, error, ENT_MODEL_ERROR_MISSING, column,
                     _("the school has no UAI"));
  if (!ent_uai_is_valid (uai))
    return fail_row (self, error, ENT_MODEL_ERROR_INVALID_VALUE, column,
                     _("“%s” is not a UAI (7 digits and a letter, e.g. 0590123A)"), uai);
  return TRUE;
}

/* The school of @uai (or of @name in @commune when there is no UAI), created
 * on first use. */
static RawSchool *
lookup_school (Parser     *self,
               const char *uai,
               const char *name,
               const char *commune)
{
  g_autofree char *key = NULL;
  RawSchool *raw;

  if (uai[0] != '\0')
    key = g_strdup (uai);
  else
    key = ent_csv_name_key (commune, name);

  raw = g_hash_table_lookup (self->by_key, key);
  if (raw != NULL)
    return raw;

  raw = g_new0 (RawSchool, 1);
  raw->school.uai = g_strdup (uai);
  raw->school.name = g_strdup (name);
  raw->school.commune = g_strdup (commune);
  raw->school.commune_insee = g_strdup ("");
  raw->school.postal_code = g_strdup ("");
  raw->school.is_public = TRUE;
  raw->counts = g_array_new (FALSE, FALSE, sizeof (EntCsvCount));
  raw->name_year = G_MININT;
  g_ptr_array_add (self->schools, raw);
  g_hash_table_insert (self->by_key, g_steal_pointer (&key), raw);
  return raw;
}

static gboolean
add_count (Parser      *self,
           RawSchool   *raw,
           int          school_year,
           gint64       pupils,
           const char  *column,
           GError     **error)
{
  EntCsvCount count = { school_year, pupils, self->reader.record_line };

  for (guint i = 0; i < raw->counts->len; i++)
    {
      EntCsvCount *other = &g_array_index (raw->counts, EntCsvCount, i);

      if (other->school_year == school_year)
        return fail_row (self, error, ENT_MODEL_ERROR_DUPLICATE, column,
                         _("the school %s already has a count for the rentrée %d, on line %d"),
                         raw->school.uai[0] != '\0' ? raw->school.uai : raw->school.name,
                         school_year, other->line);
    }

  g_array_append_val (raw->counts, count);
  return TRUE;
}

/* The school year of a rentrée, or an error naming the column. */
static gboolean
parse_rentree (Parser      *self,
               const char  *text,
               int         *out_year,
               GError     **error)
{
  g_autoptr(GError) reason = NULL;

  if (!parse_year_prefix (text, out_year))
    return fail_row (self, error, ENT_MODEL_ERROR_INVALID_VALUE, column_names[COL_RENTREE],
                     _("“%s” is not a rentrée (a year such as 2023 or a date such as 2023-09-01)"),
                     text);
  if (!ent_validate_count_school_year (*out_year, &reason))
    return fail_row (self, error, reason->code, column_names[COL_RENTREE],
                     "%s", reason->message);
  return TRUE;
}

static void
note_seen (RawSchool *raw,
           int        year)
{
  if (raw->first_seen == 0 || year < raw->first_seen)
    raw->first_seen = year;
  if (year > raw->last_seen)
    raw->last_seen = year;
}

static gboolean
read_official_row (Parser  *self,
                   GError **error)
{
  EntCsvMatcher *matcher = &self->match;
  const char *commune = row_field (self, COL_COMMUNE);
  const char *postal = row_field (self, COL_POSTAL_CODE);
  const char *secteur;
  const char *rentree;
  const char *total;
  g_autofree char *secteur_key = NULL;
  g_autofree char *uai = NULL;
  g_autofree char *name = NULL;
  g_autofree char *clean_commune = NULL;
  RawSchool *raw;
  int match = 0;
  int year;
  gboolean is_public;

  /* the rentrées the file covers, every row (SPEC 12: a school missing from
   * the later ones has closed) */
  rentree = row_field (self, COL_RENTREE);
  if (parse_year_prefix (rentree, &year) && ent_validate_count_school_year (year, NULL))
    {
      if (self->first_year == 0 || year < self->first_year)
        self->first_year = year;
      if (year > self->last_year)
        self->last_year = year;
    }

  if (ent_csv_matcher_has_communes (matcher) &&
      (match = ent_csv_matcher_match_commune (matcher, commune)) == 0)
    return TRUE;
  /* spelled as the file spells a commune (other selectors may still leave it out) */
  if (match > 0)
    matcher->commune_hits[match - 1]++;
  if (ent_csv_matcher_has_postal_codes (matcher) &&
      !ent_csv_matcher_match_postal_code (matcher, postal))
    return TRUE;
  if (ent_csv_matcher_has_departements (matcher) &&
      !ent_csv_matcher_match_departement (matcher, row_field (self, COL_DEPARTEMENT)))
    return TRUE;
  if (ent_csv_matcher_has_uais (matcher) &&
      !ent_csv_matcher_match_uai (matcher, row_field (self, COL_UAI)))
    return TRUE;

  /* SPEC 12: PUBLIC / PRIVE, Public / Privé, Privé sous contrat… */
  secteur = row_field (self, COL_SECTEUR);
  secteur_key = header_key (secteur);
  if (g_str_has_prefix (secteur_key, "public"))
    is_public = TRUE;
  else if (g_str_has_prefix (secteur_key, "priv"))
    is_public = FALSE;
  else
    {
      g_autofree char *shown = ent_text_escape_controls (secteur, FALSE);

      warn_row (self,
                /* Translators: a value of the file's "Secteur" column */
                _("sector “%s” is neither public nor private: the row is left out"), shown);
      return TRUE;
    }

  if (!is_public && !self->selection->include_private)
    {
      self->n_private_skipped++;
      return TRUE;
    }

  uai = g_strdup (row_field (self, COL_UAI));
  if (!check_uai (self, uai, TRUE, error))
    return FALSE;
  if (!parse_rentree (self, rentree, &year, error))
    return FALSE;

  {
    g_autofree char *joined = g_strconcat (row_field (self, COL_DENOMINATION),
                                           " ",
                                           row_field (self, COL_PATRONYME),
                                           NULL);
    name = ent_csv_clean_text (joined);
    if (name[0] == '\0')
      replace_string (&name, uai);
  }
  clean_commune = ent_csv_clean_text (commune);
  if (!check_name (self, name, column_names[COL_DENOMINATION], error) ||
      !check_name (self, clean_commune, column_names[COL_COMMUNE], error))
    return FALSE;

  raw = lookup_school (self, uai, name, ent_csv_matcher_spelling (matcher, match, clean_commune));
  note_seen (raw, year);

  total = row_field (self, COL_TOTAL);
  if (is_secret_count (total))
    {
      g_autofree char *shown = ent_text_escape_controls (total, FALSE);

      if (shown[0] == '\0')
        warn_row (self,
                  /* Translators: UAI, school year as 2023/2024 */
                  _("the number of pupils of %s in %d/%d is secret (empty): unknown, "
                    "it will be projected"), uai, year, year + 1);
      else
        warn_row (self,
                  /* Translators: UAI, school year as 2023/2024, the file's mark such as "ss" */
                  _("the number of pupils of %s in %d/%d is secret (“%s”): unknown, "
                    "it will be projected"), uai, year, year + 1, shown);
      for (guint i = 0; i < raw->counts->len; i++)
        if (g_array_index (raw->counts, EntCsvCount, i).school_year == year)
          return fail_row (self, error, ENT_MODEL_ERROR_DUPLICATE, column_names[COL_RENTREE],
                           _("the school %s already has a count for the rentrée %d, on line %d"),
                           uai, year, g_array_index (raw->counts, EntCsvCount, i).line);
    }
  else
    {
      gint64 pupils;

      if (!parse_count (self, total, column_names[COL_TOTAL], &pupils, error) ||
          !add_count (self, raw, year, pupils, column_names[COL_RENTREE], error))
        return FALSE;
    }

  /* the name and postal code of the latest rentrée */
  if (year > raw->name_year)
    {
      g_autofree char *code = ent_csv_normalize_postal_code (postal);

      raw->name_year = year;
      replace_string (&raw->school.name, name);
      replace_string (&raw->school.postal_code, code);
      raw->school.is_public = is_public;
      raw->school.level = denomination_level (row_field (self, COL_DENOMINATION));
    }

  return TRUE;
}

static gboolean
read_template_row (Parser  *self,
                   GError **error)
{
  g_autofree char *name = ent_csv_clean_text (row_field (self, COL_NAME));
  g_autofree char *uai = g_strdup (row_field (self, COL_UAI));
  g_autofree char *commune = NULL;
  EntCsvMatcher *matcher = &self->match;
  RawSchool *raw;
  int match = 0;

  if (self->columns[COL_COMMUNE] >= 0)
    {
      commune = ent_csv_clean_text (row_field (self, COL_COMMUNE));
      if (ent_csv_matcher_has_communes (matcher) &&
          (match = ent_csv_matcher_match_commune (matcher, commune)) == 0)
        return TRUE;
    }
  else
    {
      commune = g_strdup (matcher->commune_spellings[0] != NULL ? matcher->commune_spellings[0]
                                                                : "");
    }

  if (ent_csv_matcher_has_postal_codes (matcher) && self->columns[COL_POSTAL_CODE] >= 0 &&
      !ent_csv_matcher_match_postal_code (matcher, row_field (self, COL_POSTAL_CODE)))
    return TRUE;

  if (name[0] == '\0')
    return fail_row (self, error, ENT_MODEL_ERROR_MISSING, "école",
                     _("the school has no name"));
  if (!check_name (self, name, "école", error) ||
      !check_name (self, commune, "commune", error))
    return FALSE;
  if (!check_uai (self, uai, FALSE, error))
    return FALSE;

  raw = lookup_school (self, uai, name, ent_csv_matcher_spelling (matcher, match, commune));
  replace_string (&raw->school.name, name);

  if (self->columns[COL_INSEE] >= 0)
    {
      const char *insee = row_field (self, COL_INSEE);

      if (!check_name (self, insee, "insee", error))
        return FALSE;
      replace_string (&raw->school.commune_insee, insee);
    }
  if (self->columns[COL_POSTAL_CODE] >= 0)
    {
      g_autofree char *code = ent_csv_normalize_postal_code (row_field (self, COL_POSTAL_CODE));

      replace_string (&raw->school.postal_code, code);
    }

  for (guint i = 0; i < self->year_columns->len; i++)
    {
      YearColumn *column = &g_array_index (self->year_columns, YearColumn, i);
      const char *text = ent_csv_reader_get_field (&self->reader, column->column);
      gint64 pupils;

      if (text[0] == '\0')
        continue;
      if (is_secret_count (text))
        {
          g_autofree char *shown = ent_text_escape_controls (text, FALSE);

          warn_row (self,
                    _("the number of pupils of %s in %d/%d is secret (“%s”): unknown, "
                      "it will be projected"), name, column->school_year,
                    column->school_year + 1, shown);
          continue;
        }
      if (!parse_count (self, text, column->header, &pupils, error) ||
          !add_count (self, raw, column->school_year, pupils, column->header, error))
        return FALSE;
    }

  return TRUE;
}

static int
compare_counts (gconstpointer a,
                gconstpointer b)
{
  const EntCsvCount *x = a;
  const EntCsvCount *y = b;

  return (x->school_year > y->school_year) - (x->school_year < y->school_year);
}

static EntCsvImport *
parser_finish (Parser *self)
{
  EntCsvImport *result = g_new0 (EntCsvImport, 1);

  result->format = self->format;
  result->n_private_skipped = self->n_private_skipped;
  result->keep_unmatched = self->selection->keep_unmatched;
  result->warnings = ent_csv_reader_steal_warnings (&self->reader);
  result->n_schools = self->schools->len;
  result->schools = g_new0 (EntCsvSchool, MAX (self->schools->len, 1));

  for (guint i = 0; i < self->schools->len; i++)
    {
      RawSchool *raw = g_ptr_array_index (self->schools, i);
      EntCsvSchool *school = &result->schools[i];

      g_array_sort (raw->counts, compare_counts);
      *school = raw->school;
      school->uai = g_steal_pointer (&raw->school.uai);
      school->name = g_steal_pointer (&raw->school.name);
      school->commune = g_steal_pointer (&raw->school.commune);
      school->commune_insee = g_steal_pointer (&raw->school.commune_insee);
      school->postal_code = g_steal_pointer (&raw->school.postal_code);
      /* SPEC 3: a school absent from the file's earlier rentrées opened at its
       * first; absent from the later ones, it closed after its last */
      school->opens = ENT_SCHOOL_YEAR_NONE;
      school->closes = ENT_SCHOOL_YEAR_NONE;
      if (self->format == ENT_CSV_FORMAT_OFFICIAL && raw->first_seen > self->first_year)
        school->opens = raw->first_seen;
      if (self->format == ENT_CSV_FORMAT_OFFICIAL && raw->last_seen > 0 &&
          raw->last_seen < self->last_year)
        school->closes = raw->last_seen + 1;
      school->n_counts = raw->counts->len;
      school->counts = (EntCsvCount *) g_array_free (g_steal_pointer (&raw->counts), FALSE);
      raw->counts = g_array_new (FALSE, FALSE, sizeof (EntCsvCount));
    }

  return result;
}

/* Public API (ent-csv-import.h) */

/**
 * ent_csv_import_parse:
 * @bytes: the file's content
 * @display_name: the file's name for messages
 * @selection: (nullable): which rows to import
 * @error: an ENT_MODEL_ERROR naming the file, the line and the column
 *
 * Returns: (transfer full) (nullable): the schools found, or %NULL on error.
 */
EntCsvImport *
ent_csv_import_parse (GBytes                *bytes,
                      const char            *display_name,
                      const EntCsvSelection *selection,
                      GError               **error)
{
  static const EntCsvSelection no_selection = { 0 };
  g_auto(Parser) parser = { 0 };
  EntCsvMatcher *matcher = &parser.match;
  const char *name;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (selection == NULL)
    selection = &no_selection;

  if (!ent_csv_reader_init (&parser.reader, bytes, display_name, error))
    return NULL;
  name = parser.reader.name;

  parser.selection = selection;
  ent_csv_matcher_init (matcher, selection);
  parser.year_columns = g_array_new (FALSE, FALSE, sizeof (YearColumn));
  g_array_set_clear_func (parser.year_columns, year_column_clear);
  parser.schools = g_ptr_array_new_with_free_func (raw_school_free);
  parser.by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (!read_header (&parser, error))
    return NULL;

  for (;;)
    {
      gboolean got;

      if (!ent_csv_reader_next (&parser.reader, &got, error))
        return NULL;
      if (!got)
        break;

      if (parser.format == ENT_CSV_FORMAT_OFFICIAL)
        {
          if (!read_official_row (&parser, error))
            return NULL;
        }
      else
        {
          if (!read_template_row (&parser, error))
            return NULL;
        }
    }

  /* SPEC 12: a commune that matches nothing names the closest ones of the file */
  if (parser.format == ENT_CSV_FORMAT_OFFICIAL)
    for (guint i = 0; matcher->commune_keys[i] != NULL; i++)
      if (matcher->commune_hits[i] == 0)
        {
          g_autofree char *closest = ent_csv_matcher_describe_closest (matcher,
                                                                       matcher->commune_keys[i]);

          if (closest[0] != '\0')
            /* Translators: file name, a commune as typed, then communes of the file */
            g_set_error (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_MISSING,
                         _("%s: no school matches “%s”; the closest communes of the file are %s"),
                         name, matcher->commune_spellings[i], closest);
          else
            g_set_error (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_MISSING,
                         _("%s: no school matches “%s”"), name,
                         matcher->commune_spellings[i]);
          return NULL;
        }

  if (parser.schools->len == 0)
    {
      g_autofree char *wanted = ent_csv_matcher_describe (matcher);

      if (wanted[0] == '\0')
        /* Translators: file name */
        g_set_error (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_MISSING,
                     _("%s: the file lists no school"), name);
      else if (parser.n_private_skipped > 0)
        /* Translators: file name, communes or postal codes, a count */
        g_set_error (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_MISSING,
                     g_dngettext (GETTEXT_PACKAGE,
                                  "%s: no public school matches “%s” (%u private school was left out)",
                                  "%s: no public school matches “%s” (%u private schools were left out)",
                                  parser.n_private_skipped),
                     name, wanted, parser.n_private_skipped);
      else
        /* Translators: file name, communes or postal codes */
        g_set_error (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_MISSING,
                     _("%s: no school matches “%s”"), name, wanted);
      return NULL;
    }

  return parser_finish (&parser);
}
