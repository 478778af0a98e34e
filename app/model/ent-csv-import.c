/* ent-csv-import.c: pupil counts from the Ministry's open data, or from a template CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The file is checked to be UTF-8 as a whole (else read as Windows-1252, what
 * French Excel writes, with a warning), then read record by record with
 * a small RFC 4180 reader (quotes, doubled quotes, separators and line breaks
 * inside quotes, CRLF). Only the rows of the selected communes are kept and
 * validated, so that an oddity elsewhere in the national file does not block
 * an import; the structure (UTF-8, quotes, header) is checked everywhere.
 *
 * School names are kept as the Ministry gives them ("ECOLE ELEMENTAIRE
 * PUBLIQUE JULES FERRY"): the upper-case official names have lost their
 * accents, and any re-casing would guess; keeping them as given also lets a
 * user find a school in the Ministry's data by its name. Commune names take
 * the spelling the user typed in the selection, else the document's own
 * spelling of that commune, else the file's.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <inttypes.h>

#include "ent-budget.h"
#include "ent-contract.h"
#include "ent-csv-import.h"
#include "ent-error.h"
#include "ent-money.h"
#include "ent-school.h"
#include "ent-text.h"
#include "ent-validate.h"

#define MAX_COLUMNS 4096

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

struct _EntCsvImport
{
  EntCsvFormat  format;
  guint         n_schools;
  EntCsvSchool *schools;
  guint         n_private_skipped;
  gboolean      keep_unmatched;
  char        **warnings;
};

typedef struct
{
  const char            *name;       /* display name */
  const char            *p;
  const char            *end;
  char                   separator;
  int                    line;       /* physical line at p */

  /* current record: NUL-terminated fields one after another in buf */
  GString               *buf;
  GArray                *offsets;    /* guint */
  int                    record_line;

  const EntCsvSelection *selection;
  char                 **commune_keys;   /* of selection->communes, "" skipped → NULL entries removed */
  char                 **commune_spellings; /* trimmed, as the document will say them */
  char                 **postal_codes;   /* normalized */
  char                 **uais;           /* upper case */
  char                 **departements;   /* normalized */
  GHashTable            *commune_cache;  /* raw commune → GINT (selection index + 1, 0: none) */
  guint                 *commune_hits;   /* rows that matched each selected commune */

  EntCsvFormat           format;
  int                    columns[N_COLS];  /* -1 when absent */
  GArray                *year_columns;     /* YearColumn (template) */

  GPtrArray             *schools;    /* RawSchool, first appearance order */
  GHashTable            *by_key;     /* key → RawSchool */
  guint                  n_private_skipped;
  GPtrArray             *warnings;   /* char * */
  int                    first_year; /* rentrées of the file's rows (official), 0: none */
  int                    last_year;
} Parser;

/* Helpers: text */

static gboolean
is_mark (gunichar c)
{
  switch (g_unichar_type (c))
    {
    case G_UNICODE_SPACING_MARK:
    case G_UNICODE_ENCLOSING_MARK:
    case G_UNICODE_NON_SPACING_MARK:
      return TRUE;
    default:
      return FALSE;
    }
}

/* NFD, marks dropped, case-folded, runs of other characters → @joiner. */
static char *
make_key (const char *text,
          char        joiner)
{
  g_autofree char *nfd = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean pending = FALSE;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return g_strdup ("");

  nfd = g_utf8_normalize (text, -1, G_NORMALIZE_NFD);
  if (nfd == NULL)
    return g_strdup ("");

  for (const char *p = nfd; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_mark (c))
        continue;
      if (g_unichar_isalnum (c))
        {
          if (pending && out->len > 0)
            g_string_append_c (out, joiner);
          pending = FALSE;
          g_string_append_unichar (out, c);
        }
      else
        {
          pending = TRUE;
        }
    }

  return g_utf8_casefold (out->str, out->len);
}

static char *
header_key (const char *text)
{
  return make_key (text, '_');
}

/* Control characters (line breaks inside quotes, tabs) and runs of spaces
 * become one space; trimmed. */
static char *
clean_text (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean pending = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if ((guchar) *p <= ' ' || *p == 0x7f)
        {
          pending = TRUE;
          continue;
        }
      if (pending && out->len > 0)
        g_string_append_c (out, ' ');
      pending = FALSE;
      g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

/* "1000" (a leading zero lost by a spreadsheet) → "01000"; trimmed. */
static char *
normalize_postal_code (const char *text)
{
  g_autofree char *code = g_strstrip (g_strdup (text));
  gboolean digits = strlen (code) == 4;

  for (guint i = 0; digits && code[i] != '\0'; i++)
    digits = g_ascii_isdigit (code[i]);

  if (digits)
    return g_strconcat ("0", code, NULL);
  return g_steal_pointer (&code);
}

/* "059" → "59", "2a" → "2A", "971" stays: the département as the selection
 * and the file may spell it. */
static char *
normalize_departement (const char *text)
{
  g_autofree char *code = g_ascii_strup (text, -1);
  const char *p;

  g_strstrip (code);
  p = code;
  while (p[0] == '0' && p[1] != '\0')
    p++;
  return g_strdup (p);
}

/* Windows-1252 bytes 0x80–0x9F (0: undefined). */
static const gunichar cp1252_high[32] = {
  0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
  0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

/* @text as UTF-8 from Windows-1252, or NULL with the offset of a byte that
 * Windows-1252 leaves undefined. */
static char *
decode_windows_1252 (const char *text,
                     gsize       length,
                     gsize      *out_length,
                     gsize      *out_bad_offset)
{
  GString *out = g_string_sized_new (length + length / 8 + 1);

  for (gsize i = 0; i < length; i++)
    {
      guchar c = (guchar) text[i];

      if (c < 0x80)
        {
          g_string_append_c (out, (char) c);
        }
      else if (c < 0xa0)
        {
          if (cp1252_high[c - 0x80] == 0)
            {
              *out_bad_offset = i;
              g_string_free (out, TRUE);
              return NULL;
            }
          g_string_append_unichar (out, cp1252_high[c - 0x80]);
        }
      else
        {
          g_string_append_unichar (out, c);
        }
    }
  *out_length = out->len;
  return g_string_free (out, FALSE);
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

/* Levenshtein distance of two short keys (bytes: keys are case-folded
 * without accents, mostly ASCII). */
static guint
edit_distance (const char *a,
               const char *b)
{
  gsize n = strlen (a), m = strlen (b);
  g_autofree guint *row = g_new (guint, m + 1);

  for (gsize j = 0; j <= m; j++)
    row[j] = j;
  for (gsize i = 1; i <= n; i++)
    {
      guint diagonal = row[0];

      row[0] = i;
      for (gsize j = 1; j <= m; j++)
        {
          guint above = row[j];
          guint best = MIN (row[j] + 1, row[j - 1] + 1);

          row[j] = MIN (best, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
          diagonal = above;
        }
    }
  return row[m];
}

/* How far a commune of the file is from a typed one: a name that starts
 * with the typed words ("saint andre" → "saint andre lez lille") is close. */
static guint
commune_distance (const char *typed,
                  const char *candidate)
{
  gsize length = strlen (typed);

  if (g_str_has_prefix (candidate, typed) && candidate[length] == ' ')
    return 1;
  if (g_str_has_prefix (typed, candidate) && typed[strlen (candidate)] == ' ')
    return 1;
  return edit_distance (typed, candidate);
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

/* Helpers: errors */

static gboolean fail_at (Parser        *self,
                         GError       **error,
                         EntModelError  code,
                         int            line,
                         const char    *column,
                         const char    *format,
                         ...) G_GNUC_PRINTF (6, 7);

/* "FILE:LINE: column “COLUMN”: DETAIL", or "FILE:LINE: DETAIL". */
static gboolean
fail_at (Parser        *self,
         GError       **error,
         EntModelError  code,
         int            line,
         const char    *column,
         const char    *format,
         ...)
{
  g_autofree char *detail = NULL;
  va_list args;

  va_start (args, format);
  detail = g_strdup_vprintf (format, args);
  va_end (args);

  if (column != NULL)
    /* Translators: file name, line number, column name, what is wrong */
    g_set_error (error, ENT_MODEL_ERROR, code, _("%s:%d: column “%s”: %s"),
                 self->name, line, column, detail);
  else
    /* Translators: file name, line number, what is wrong */
    g_set_error (error, ENT_MODEL_ERROR, code, _("%s:%d: %s"),
                 self->name, line, detail);
  return FALSE;
}

static void add_warning (Parser     *self,
                         int         line,
                         const char *format,
                         ...) G_GNUC_PRINTF (3, 4);

/* "FILE:LINE: DETAIL" (line 0: "FILE: DETAIL"), kept for the preview and the report. */
static void
add_warning (Parser     *self,
             int         line,
             const char *format,
             ...)
{
  g_autofree char *detail = NULL;
  va_list args;

  va_start (args, format);
  detail = g_strdup_vprintf (format, args);
  va_end (args);

  if (line > 0)
    g_ptr_array_add (self->warnings, g_strdup_printf (_("%s:%d: %s"), self->name, line, detail));
  else
    /* Translators: file name, what is worth a look */
    g_ptr_array_add (self->warnings, g_strdup_printf (_("%s: %s"), self->name, detail));
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
  return fail_at (self, error, reason->code, self->record_line, column, "%s", reason->message);
}

static int
line_of_offset (const char *text,
                gsize       offset)
{
  int line = 1;

  for (gsize i = 0; i < offset; i++)
    if (text[i] == '\n')
      line++;
  return line;
}

/* Helpers: records */

static guint
record_n_fields (Parser *self)
{
  return self->offsets->len;
}

/* Field @index of the current record, "" when the record is shorter. */
static const char *
record_field (Parser *self,
              int     index)
{
  if (index < 0 || (guint) index >= self->offsets->len)
    return "";
  return self->buf->str + g_array_index (self->offsets, guint, index);
}

static gboolean
record_is_blank (Parser *self)
{
  for (guint i = 0; i < self->offsets->len; i++)
    if (record_field (self, i)[0] != '\0')
      return FALSE;
  return TRUE;
}

/* Reads the next record into buf/offsets, each field trimmed of ASCII spaces.
 * *out_got is FALSE at the end of the input. */
static gboolean
read_record (Parser    *self,
             gboolean  *out_got,
             GError   **error)
{
  *out_got = FALSE;
  if (self->p >= self->end)
    return TRUE;

  g_string_truncate (self->buf, 0);
  g_array_set_size (self->offsets, 0);
  self->record_line = self->line;

  for (;;)
    {
      guint offset = self->buf->len;

      if (self->offsets->len >= MAX_COLUMNS)
        return fail_at (self, error, ENT_MODEL_ERROR_PARSE, self->record_line, NULL,
                        _("more than %d columns"), MAX_COLUMNS);
      g_array_append_val (self->offsets, offset);

      /* leading spaces before an opening quote */
      {
        const char *q = self->p;

        while (q < self->end && (*q == ' ' || *q == '\t'))
          q++;
        if (q < self->end && *q == '"')
          self->p = q;
      }

      if (self->p < self->end && *self->p == '"')
        {
          self->p++;
          for (;;)
            {
              if (self->p >= self->end)
                return fail_at (self, error, ENT_MODEL_ERROR_PARSE, self->record_line, NULL,
                                _("a quoted field is not closed (a “\"” is missing)"));
              if (*self->p == '"')
                {
                  if (self->p + 1 < self->end && self->p[1] == '"')
                    {
                      g_string_append_c (self->buf, '"');
                      self->p += 2;
                      continue;
                    }
                  self->p++;
                  break;
                }
              if (*self->p == '\n')
                self->line++;
              g_string_append_c (self->buf, *self->p);
              self->p++;
            }
        }

      /* unquoted text, or anything after a closing quote (kept, leniently) */
      while (self->p < self->end && *self->p != self->separator &&
             *self->p != '\n' && *self->p != '\r')
        {
          g_string_append_c (self->buf, *self->p);
          self->p++;
        }

      g_string_append_c (self->buf, '\0');

      if (self->p >= self->end)
        break;
      if (*self->p == self->separator)
        {
          self->p++;
          if (self->p < self->end)
            continue;
          /* a separator ends the input: one last empty field */
          offset = self->buf->len;
          g_array_append_val (self->offsets, offset);
          g_string_append_c (self->buf, '\0');
          break;
        }
      if (*self->p == '\r')
        {
          self->p++;
          if (self->p < self->end && *self->p == '\n')
            self->p++;
        }
      else
        {
          self->p++;
        }
      self->line++;
      break;
    }

  for (guint i = 0; i < self->offsets->len; i++)
    g_strstrip (self->buf->str + g_array_index (self->offsets, guint, i));

  *out_got = TRUE;
  return TRUE;
}

/* Next non-blank record. */
static gboolean
read_data_record (Parser    *self,
                  gboolean  *out_got,
                  GError   **error)
{
  for (;;)
    {
      if (!read_record (self, out_got, error))
        return FALSE;
      if (!*out_got || !record_is_blank (self))
        return TRUE;
    }
}

/* Helpers: parser */

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
  if (self->buf != NULL)
    g_string_free (g_steal_pointer (&self->buf), TRUE);
  g_clear_pointer (&self->offsets, g_array_unref);
  g_clear_pointer (&self->commune_keys, g_strfreev);
  g_clear_pointer (&self->commune_spellings, g_strfreev);
  g_clear_pointer (&self->postal_codes, g_strfreev);
  g_clear_pointer (&self->uais, g_strfreev);
  g_clear_pointer (&self->departements, g_strfreev);
  g_clear_pointer (&self->commune_cache, g_hash_table_unref);
  g_clear_pointer (&self->commune_hits, g_free);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);
  g_clear_pointer (&self->year_columns, g_array_unref);
  g_clear_pointer (&self->by_key, g_hash_table_unref);
  g_clear_pointer (&self->schools, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Parser, parser_clear)

static void
parser_init_selection (Parser                *self,
                       const EntCsvSelection *selection)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) spellings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) uais = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) departements = g_ptr_array_new_with_free_func (g_free);

  self->selection = selection;

  for (guint i = 0; selection != NULL && selection->uais != NULL &&
                    selection->uais[i] != NULL; i++)
    {
      char *uai = g_ascii_strup (selection->uais[i], -1);

      g_strstrip (uai);
      if (uai[0] == '\0')
        g_free (uai);
      else
        g_ptr_array_add (uais, uai);
    }

  for (guint i = 0; selection != NULL && selection->departements != NULL &&
                    selection->departements[i] != NULL; i++)
    {
      char *code = normalize_departement (selection->departements[i]);

      if (code[0] == '\0')
        g_free (code);
      else
        g_ptr_array_add (departements, code);
    }

  for (guint i = 0; selection != NULL && selection->communes != NULL &&
                    selection->communes[i] != NULL; i++)
    {
      char *key = ent_csv_commune_key (selection->communes[i]);

      if (key[0] == '\0')
        {
          g_free (key);
          continue;
        }
      g_ptr_array_add (keys, key);
      /* " Roubaix" from a list split without trimming must not become the
       * commune's name in the document */
      g_ptr_array_add (spellings, clean_text (selection->communes[i]));
    }

  for (guint i = 0; selection != NULL && selection->postal_codes != NULL &&
                    selection->postal_codes[i] != NULL; i++)
    {
      char *code = normalize_postal_code (selection->postal_codes[i]);

      if (code[0] == '\0')
        {
          g_free (code);
          continue;
        }
      g_ptr_array_add (codes, code);
    }

  /* An empty array has no storage yet: steal would give NULL, not an empty vector. */
  g_ptr_array_add (keys, NULL);
  g_ptr_array_add (spellings, NULL);
  g_ptr_array_add (codes, NULL);
  g_ptr_array_add (uais, NULL);
  g_ptr_array_add (departements, NULL);
  self->uais = (char **) g_ptr_array_free (g_steal_pointer (&uais), FALSE);
  self->departements = (char **) g_ptr_array_free (g_steal_pointer (&departements), FALSE);
  self->commune_hits = g_new0 (guint, keys->len);
  self->commune_keys = (char **) g_ptr_array_free (g_steal_pointer (&keys), FALSE);
  self->commune_spellings = (char **) g_ptr_array_free (g_steal_pointer (&spellings), FALSE);
  self->postal_codes = (char **) g_ptr_array_free (g_steal_pointer (&codes), FALSE);
}

static gboolean
has_commune_selection (Parser *self)
{
  return self->commune_keys[0] != NULL;
}

static gboolean
has_postal_selection (Parser *self)
{
  return self->postal_codes[0] != NULL;
}

static gboolean
has_uai_selection (Parser *self)
{
  return self->uais[0] != NULL;
}

static gboolean
has_departement_selection (Parser *self)
{
  return self->departements[0] != NULL;
}

static gboolean
match_departement (Parser     *self,
                   const char *code)
{
  g_autofree char *normal = normalize_departement (code);

  return g_strv_contains ((const char * const *) self->departements, normal);
}

static gboolean
match_uai (Parser     *self,
           const char *uai)
{
  char upper[16];
  gsize i;

  for (i = 0; uai[i] != '\0' && i < sizeof upper - 1; i++)
    upper[i] = g_ascii_toupper (uai[i]);
  upper[i] = '\0';
  return g_strv_contains ((const char * const *) self->uais, upper);
}

/* Index + 1 of the selected commune @commune matches, 0 if none. */
static int
match_commune (Parser     *self,
               const char *commune)
{
  gpointer value;
  g_autofree char *key = NULL;
  int match = 0;

  if (g_hash_table_lookup_extended (self->commune_cache, commune, NULL, &value))
    return GPOINTER_TO_INT (value);

  key = ent_csv_commune_key (commune);
  for (guint i = 0; self->commune_keys[i] != NULL; i++)
    if (g_str_equal (key, self->commune_keys[i]))
      {
        match = i + 1;
        break;
      }

  g_hash_table_insert (self->commune_cache, g_strdup (commune), GINT_TO_POINTER (match));
  return match;
}

static gboolean
match_postal_code (Parser     *self,
                   const char *code)
{
  g_autofree char *normal = normalize_postal_code (code);

  return g_strv_contains ((const char * const *) self->postal_codes, normal);
}

/* Reads the header line and finds the columns. */
static gboolean
read_header (Parser  *self,
             GError **error)
{
  gboolean got;
  guint n;

  /* The separator: ';' unless the first line has none and has ',' or a tab. */
  {
    const char *eol = memchr (self->p, '\n', self->end - self->p);
    gsize length = (eol != NULL ? eol : self->end) - self->p;

    self->separator = ';';
    if (memchr (self->p, ';', length) == NULL)
      {
        if (memchr (self->p, '\t', length) != NULL)
          self->separator = '\t';
        else if (memchr (self->p, ',', length) != NULL)
          self->separator = ',';
      }
  }

  if (!read_data_record (self, &got, error))
    return FALSE;
  if (!got)
    return fail_at (self, error, ENT_MODEL_ERROR_PARSE, 1, NULL,
                    _("the file is empty: a header line is expected"));

  for (guint c = 0; c < N_COLS; c++)
    self->columns[c] = -1;

  n = record_n_fields (self);
  for (guint i = 0; i < n; i++)
    {
      const char *text = record_field (self, i);
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
          return fail_at (self, error, ENT_MODEL_ERROR_MISSING, self->record_line, NULL,
                          _("the column “%s” is missing"), column_names[required[i]]);
      /* SPEC 12: the 2024–2026 field exports have no code_postal, and put
       * the postal code in code_commune_insee */
      if (self->columns[COL_POSTAL_CODE] < 0)
        self->columns[COL_POSTAL_CODE] = self->columns[COL_COMMUNE_INSEE];
      if (has_postal_selection (self) && self->columns[COL_POSTAL_CODE] < 0)
        return fail_at (self, error, ENT_MODEL_ERROR_MISSING, self->record_line, NULL,
                        _("the column “%s” is missing (needed to select by postal code)"),
                        column_names[COL_POSTAL_CODE]);
      if (has_departement_selection (self) && self->columns[COL_DEPARTEMENT] < 0)
        return fail_at (self, error, ENT_MODEL_ERROR_MISSING, self->record_line, NULL,
                        _("the column “%s” is missing (needed to select by département)"),
                        column_names[COL_DEPARTEMENT]);
      if (!has_commune_selection (self) && !has_postal_selection (self) &&
          !has_uai_selection (self) && !has_departement_selection (self))
        return fail_at (self, error, ENT_MODEL_ERROR_MISSING, self->record_line, NULL,
                        _("this file lists the schools of all of France: give the commune, "
                          "the postal code, the UAI or the département of the schools to import"));
      return TRUE;
    }

  if (self->columns[COL_NAME] >= 0 || self->columns[COL_UAI] >= 0 || self->year_columns->len > 0)
    {
      self->format = ENT_CSV_FORMAT_TEMPLATE;
      if (self->columns[COL_NAME] < 0)
        return fail_at (self, error, ENT_MODEL_ERROR_MISSING, self->record_line, NULL,
                        _("the column “%s” is missing"), "école");
      if (self->columns[COL_UAI] < 0)
        return fail_at (self, error, ENT_MODEL_ERROR_MISSING, self->record_line, NULL,
                        _("the column “%s” is missing"), "uai");
      if (self->year_columns->len == 0)
        return fail_at (self, error, ENT_MODEL_ERROR_MISSING, self->record_line, NULL,
                        _("no school year column (such as “2023”)"));
      if (self->columns[COL_COMMUNE] < 0 && has_commune_selection (self) &&
          self->commune_keys[1] != NULL)
        return fail_at (self, error, ENT_MODEL_ERROR_MISSING, self->record_line, NULL,
                        _("the column “%s” is missing (needed to import several communes)"),
                        "commune");
      for (guint i = 0; i < self->year_columns->len; i++)
        {
          YearColumn *a = &g_array_index (self->year_columns, YearColumn, i);
          g_autoptr(GError) reason = NULL;

          if (!ent_validate_count_school_year (a->school_year, &reason))
            return fail_at (self, error, reason->code, self->record_line, a->header,
                            "%s", reason->message);
          for (guint j = 0; j < i; j++)
            if (g_array_index (self->year_columns, YearColumn, j).school_year == a->school_year)
              return fail_at (self, error, ENT_MODEL_ERROR_DUPLICATE, self->record_line,
                              a->header, _("school year %d has two columns"), a->school_year);
        }
      return TRUE;
    }

  return fail_at (self, error, ENT_MODEL_ERROR_MISSING, self->record_line, NULL,
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
    return fail_at (self, error, ENT_MODEL_ERROR_MISSING, self->record_line, column,
                    _("the number of pupils is missing"));
  if (!g_ascii_string_to_signed (text, 10, G_MININT64, G_MAXINT64, &count, NULL))
    return fail_at (self, error, ENT_MODEL_ERROR_INVALID_VALUE, self->record_line, column,
                    _("“%s” is not a whole number of pupils"), text);
  if (count < 0)
    return fail_at (self, error, ENT_MODEL_ERROR_OUT_OF_RANGE, self->record_line, column,
                    _("%" PRId64 " pupils is negative"), count);
  if (count > ENT_MAX_PUPILS_PER_SCHOOL)
    return fail_at (self, error, ENT_MODEL_ERROR_OUT_OF_RANGE, self->record_line, column,
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
    return fail_at (self, error, ENT_MODEL_ERROR_MISSING, self->record_line, column,
                    _("the school has no UAI"));
  if (!ent_uai_is_valid (uai))
    return fail_at (self, error, ENT_MODEL_ERROR_INVALID_VALUE, self->record_line, column,
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
    {
      key = g_strdup (uai);
    }
  else
    {
      g_autofree char *commune_key = ent_csv_commune_key (commune);
      g_autofree char *name_key = make_key (name, ' ');

      key = g_strconcat ("\n", commune_key, "\n", name_key, NULL);
    }

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
  EntCsvCount count = { school_year, pupils, self->record_line };

  for (guint i = 0; i < raw->counts->len; i++)
    {
      EntCsvCount *other = &g_array_index (raw->counts, EntCsvCount, i);

      if (other->school_year == school_year)
        return fail_at (self, error, ENT_MODEL_ERROR_DUPLICATE, self->record_line, column,
                        _("the school %s already has a count for the rentrée %d, on line %d"),
                        raw->school.uai[0] != '\0' ? raw->school.uai : raw->school.name,
                        school_year, other->line);
    }

  g_array_append_val (raw->counts, count);
  return TRUE;
}

/* The commune of a selected row: the selection's spelling when it matched one. */
static const char *
commune_spelling (Parser     *self,
                  int         match,
                  const char *as_given)
{
  return match > 0 ? self->commune_spellings[match - 1] : as_given;
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
    return fail_at (self, error, ENT_MODEL_ERROR_INVALID_VALUE, self->record_line,
                    column_names[COL_RENTREE],
                    _("“%s” is not a rentrée (a year such as 2023 or a date such as 2023-09-01)"),
                    text);
  if (!ent_validate_count_school_year (*out_year, &reason))
    return fail_at (self, error, reason->code, self->record_line, column_names[COL_RENTREE],
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
  const char *commune = record_field (self, self->columns[COL_COMMUNE]);
  const char *postal = record_field (self, self->columns[COL_POSTAL_CODE]);
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
  rentree = record_field (self, self->columns[COL_RENTREE]);
  if (parse_year_prefix (rentree, &year) && ent_validate_count_school_year (year, NULL))
    {
      if (self->first_year == 0 || year < self->first_year)
        self->first_year = year;
      if (year > self->last_year)
        self->last_year = year;
    }

  if (has_commune_selection (self) && (match = match_commune (self, commune)) == 0)
    return TRUE;
  /* spelled as the file spells a commune (other selectors may still leave it out) */
  if (match > 0)
    self->commune_hits[match - 1]++;
  if (has_postal_selection (self) && !match_postal_code (self, postal))
    return TRUE;
  if (has_departement_selection (self) &&
      !match_departement (self, record_field (self, self->columns[COL_DEPARTEMENT])))
    return TRUE;
  if (has_uai_selection (self) && !match_uai (self, record_field (self, self->columns[COL_UAI])))
    return TRUE;

  /* SPEC 12: PUBLIC / PRIVE, Public / Privé, Privé sous contrat… */
  secteur = record_field (self, self->columns[COL_SECTEUR]);
  secteur_key = header_key (secteur);
  if (g_str_has_prefix (secteur_key, "public"))
    is_public = TRUE;
  else if (g_str_has_prefix (secteur_key, "priv"))
    is_public = FALSE;
  else
    {
      g_autofree char *shown = ent_text_escape_controls (secteur, FALSE);

      add_warning (self, self->record_line,
                   /* Translators: a value of the file's "Secteur" column */
                   _("sector “%s” is neither public nor private: the row is left out"), shown);
      return TRUE;
    }

  if (!is_public && !self->selection->include_private)
    {
      self->n_private_skipped++;
      return TRUE;
    }

  uai = g_strdup (record_field (self, self->columns[COL_UAI]));
  if (!check_uai (self, uai, TRUE, error))
    return FALSE;
  if (!parse_rentree (self, rentree, &year, error))
    return FALSE;

  {
    g_autofree char *joined = g_strconcat (record_field (self, self->columns[COL_DENOMINATION]),
                                           " ",
                                           record_field (self, self->columns[COL_PATRONYME]),
                                           NULL);
    name = clean_text (joined);
    if (name[0] == '\0')
      replace_string (&name, uai);
  }
  clean_commune = clean_text (commune);
  if (!check_name (self, name, column_names[COL_DENOMINATION], error) ||
      !check_name (self, clean_commune, column_names[COL_COMMUNE], error))
    return FALSE;

  raw = lookup_school (self, uai, name, commune_spelling (self, match, clean_commune));
  note_seen (raw, year);

  total = record_field (self, self->columns[COL_TOTAL]);
  if (is_secret_count (total))
    {
      g_autofree char *shown = ent_text_escape_controls (total, FALSE);

      if (shown[0] == '\0')
        add_warning (self, self->record_line,
                     /* Translators: UAI, school year as 2023/2024 */
                     _("the number of pupils of %s in %d/%d is secret (empty): unknown, "
                       "it will be projected"), uai, year, year + 1);
      else
        add_warning (self, self->record_line,
                     /* Translators: UAI, school year as 2023/2024, the file's mark such as "ss" */
                     _("the number of pupils of %s in %d/%d is secret (“%s”): unknown, "
                       "it will be projected"), uai, year, year + 1, shown);
      for (guint i = 0; i < raw->counts->len; i++)
        if (g_array_index (raw->counts, EntCsvCount, i).school_year == year)
          return fail_at (self, error, ENT_MODEL_ERROR_DUPLICATE, self->record_line,
                          column_names[COL_RENTREE],
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
      g_autofree char *code = normalize_postal_code (postal);

      raw->name_year = year;
      replace_string (&raw->school.name, name);
      replace_string (&raw->school.postal_code, code);
      raw->school.is_public = is_public;
    }

  return TRUE;
}

static gboolean
read_template_row (Parser  *self,
                   GError **error)
{
  g_autofree char *name = clean_text (record_field (self, self->columns[COL_NAME]));
  g_autofree char *uai = g_strdup (record_field (self, self->columns[COL_UAI]));
  g_autofree char *commune = NULL;
  RawSchool *raw;
  int match = 0;

  if (self->columns[COL_COMMUNE] >= 0)
    {
      commune = clean_text (record_field (self, self->columns[COL_COMMUNE]));
      if (has_commune_selection (self) && (match = match_commune (self, commune)) == 0)
        return TRUE;
    }
  else
    {
      commune = g_strdup (self->commune_spellings[0] != NULL ? self->commune_spellings[0] : "");
    }

  if (has_postal_selection (self) && self->columns[COL_POSTAL_CODE] >= 0 &&
      !match_postal_code (self, record_field (self, self->columns[COL_POSTAL_CODE])))
    return TRUE;

  if (name[0] == '\0')
    return fail_at (self, error, ENT_MODEL_ERROR_MISSING, self->record_line, "école",
                    _("the school has no name"));
  if (!check_name (self, name, "école", error) ||
      !check_name (self, commune, "commune", error))
    return FALSE;
  if (!check_uai (self, uai, FALSE, error))
    return FALSE;

  raw = lookup_school (self, uai, name, commune_spelling (self, match, commune));
  replace_string (&raw->school.name, name);

  if (self->columns[COL_INSEE] >= 0)
    {
      const char *insee = record_field (self, self->columns[COL_INSEE]);

      if (!check_name (self, insee, "insee", error))
        return FALSE;
      replace_string (&raw->school.commune_insee, insee);
    }
  if (self->columns[COL_POSTAL_CODE] >= 0)
    {
      g_autofree char *code = normalize_postal_code (record_field (self, self->columns[COL_POSTAL_CODE]));

      replace_string (&raw->school.postal_code, code);
    }

  for (guint i = 0; i < self->year_columns->len; i++)
    {
      YearColumn *column = &g_array_index (self->year_columns, YearColumn, i);
      const char *text = record_field (self, column->column);
      gint64 pupils;

      if (text[0] == '\0')
        continue;
      if (is_secret_count (text))
        {
          g_autofree char *shown = ent_text_escape_controls (text, FALSE);

          add_warning (self, self->record_line,
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

static char *
describe_selection (Parser *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; self->commune_spellings[i] != NULL; i++)
    g_string_append_printf (text, "%s%s", i > 0 ? ", " : "", self->commune_spellings[i]);
  for (guint i = 0; self->postal_codes[i] != NULL; i++)
    g_string_append_printf (text, "%s%s", text->len > 0 ? ", " : "", self->postal_codes[i]);
  for (guint i = 0; self->uais[i] != NULL; i++)
    g_string_append_printf (text, "%s%s", text->len > 0 ? ", " : "", self->uais[i]);
  for (guint i = 0; self->departements[i] != NULL; i++)
    g_string_append_printf (text, "%s%s", text->len > 0 ? ", " : "", self->departements[i]);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

typedef struct
{
  const char *name;
  guint       distance;
} Candidate;

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *x = a;
  const Candidate *y = b;

  if (x->distance != y->distance)
    return x->distance < y->distance ? -1 : 1;
  return g_strcmp0 (x->name, y->name);
}

/* "« ST ANDRE LEZ LILLE », « SAINT AMAND »…": the five communes of the file
 * closest to @key, quoted, or "" when the file named none. */
static char *
describe_closest (Parser     *self,
                  const char *key)
{
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  GHashTableIter iter;
  gpointer raw;

  g_hash_table_iter_init (&iter, self->commune_cache);
  while (g_hash_table_iter_next (&iter, &raw, NULL))
    {
      char *candidate_key = ent_csv_commune_key (raw);
      Candidate candidate = { raw, 0 };

      if (candidate_key[0] == '\0')
        {
          g_free (candidate_key);
          continue;
        }
      /* (an equal key already there is freed by the table) */
      if (!g_hash_table_add (seen, candidate_key))
        continue;
      candidate.distance = commune_distance (key, candidate_key);
      g_array_append_val (candidates, candidate);
    }
  g_array_sort (candidates, compare_candidates);

  for (guint i = 0; i < MIN (candidates->len, 5); i++)
    {
      g_autofree char *clean = clean_text (g_array_index (candidates, Candidate, i).name);
      g_autofree char *shown = ent_text_escape_controls (clean, FALSE);

      /* Translators: a list separator, then a quoted commune */
      g_string_append_printf (text, i > 0 ? _(", “%s”") : _("“%s”"), shown);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
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
  g_ptr_array_add (self->warnings, NULL);
  result->warnings = (char **) g_ptr_array_free (g_steal_pointer (&self->warnings), FALSE);
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

/* Helpers: merging */

typedef struct
{
  GHashTable *by_uai;       /* uai → EntSchool (first one) */
  GHashTable *by_name;      /* "\ncommune key\nname key" → EntSchool (no UAI) */
  GHashTable *spellings;    /* commune key → the document's spelling */
} DocumentIndex;

static void
document_index_clear (DocumentIndex *self)
{
  g_clear_pointer (&self->by_uai, g_hash_table_unref);
  g_clear_pointer (&self->by_name, g_hash_table_unref);
  g_clear_pointer (&self->spellings, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (DocumentIndex, document_index_clear)

static char *
name_key (const char *commune,
          const char *name)
{
  g_autofree char *commune_key = ent_csv_commune_key (commune);
  g_autofree char *school_key = make_key (name, ' ');

  return g_strconcat ("\n", commune_key, "\n", school_key, NULL);
}

static void
document_index_init (DocumentIndex *self,
                     EntDocument   *document)
{
  GListModel *schools = ent_document_get_schools (document);
  guint n = g_list_model_get_n_items (schools);

  self->by_uai = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->spellings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EntSchool) school = g_list_model_get_item (schools, i);
      const char *uai = ent_school_get_uai (school);
      const char *commune = ent_school_get_commune (school);
      char *upper = g_ascii_strup (uai, -1);
      char *commune_key = ent_csv_commune_key (commune);

      if (upper[0] != '\0' && !g_hash_table_contains (self->by_uai, upper))
        g_hash_table_insert (self->by_uai, upper, g_object_ref (school));
      else
        g_free (upper);

      if (uai[0] == '\0')
        {
          char *key = name_key (commune, ent_school_get_name (school));

          if (!g_hash_table_contains (self->by_name, key))
            g_hash_table_insert (self->by_name, key, g_object_ref (school));
          else
            g_free (key);
        }

      if (!g_hash_table_contains (self->spellings, commune_key))
        g_hash_table_insert (self->spellings, commune_key, g_strdup (commune));
      else
        g_free (commune_key);
    }
}

static EntSchool *
document_index_lookup (DocumentIndex      *self,
                       const EntCsvSchool *school)
{
  g_autofree char *key = NULL;

  if (school->uai[0] != '\0')
    return g_hash_table_lookup (self->by_uai, school->uai);

  key = name_key (school->commune, school->name);
  return g_hash_table_lookup (self->by_name, key);
}

static EntCsvChange *
change_new (EntCsvChangeKind  kind,
            const char       *uai,
            const char       *name,
            const char       *commune,
            int               school_year,
            gint64            old_count,
            gint64            new_count)
{
  EntCsvChange *change = g_new0 (EntCsvChange, 1);

  change->kind = kind;
  change->uai = g_strdup (uai);
  change->name = g_strdup (name);
  change->commune = g_strdup (commune);
  change->school_year = school_year;
  change->old_count = old_count;
  change->new_count = new_count;
  return change;
}

typedef enum
{
  COUNT_KEPT,
  COUNT_AFTER,    /* a school year after the contract */
  COUNT_BEFORE,   /* before the contract, and not the latest before it */
} CountFate;

/* SPEC 12: counts of school years after the contract are ignored, and before
 * it only the latest is kept (the base of a projection). */
static CountFate
count_fate (const EntCsvSchool *school,
            guint               index,
            EntContract        *contract)
{
  int first = ent_contract_get_first_school_year (contract);
  int last = first + ent_contract_get_school_years (contract) - 1;
  int year = school->counts[index].school_year;

  if (year > last)
    return COUNT_AFTER;
  if (year < first && index + 1 < school->n_counts && school->counts[index + 1].school_year < first)
    return COUNT_BEFORE;
  return COUNT_KEPT;
}

static EntCountSource
import_source (const EntCsvImport *self)
{
  /* a template is typed by a person; the Ministry's file is open data */
  return self->format == ENT_CSV_FORMAT_OFFICIAL ? ENT_COUNT_SOURCE_OPEN_DATA
                                                 : ENT_COUNT_SOURCE_MANUAL;
}

/* The opening and closing years the file gives @school, each kept only when
 * it changes @existing (nullable) and leaves every count of the school, known
 * or imported, where the school is open. */
static void
plan_span (const EntCsvSchool *school,
           EntSchool          *existing,
           int                *out_opens,
           int                *out_closes)
{
  int opens = existing != NULL ? ent_school_get_opens (existing) : ENT_SCHOOL_YEAR_NONE;
  int closes = existing != NULL ? ent_school_get_closes (existing) : ENT_SCHOOL_YEAR_NONE;
  int new_opens = school->opens != ENT_SCHOOL_YEAR_NONE ? school->opens : opens;
  int new_closes = school->closes != ENT_SCHOOL_YEAR_NONE ? school->closes : closes;
  gboolean fits = ent_validate_school_span (new_opens, new_closes, NULL);

  for (guint k = 0; fits && existing != NULL && k < ent_school_get_n_known (existing); k++)
    {
      int year;

      ent_school_get_nth_known (existing, k, &year, NULL);
      fits = ent_validate_count_in_span (new_opens, new_closes, year, NULL);
    }

  *out_opens = fits && new_opens != opens ? new_opens : ENT_SCHOOL_YEAR_NONE;
  *out_closes = fits && new_closes != closes ? new_closes : ENT_SCHOOL_YEAR_NONE;
}

/* Public API */

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
  g_autofree char *decoded = NULL;
  const char *text;
  const char *invalid;
  gsize length;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (selection == NULL)
    selection = &no_selection;

  parser.name = display_name != NULL ? display_name : "?";
  text = g_bytes_get_data (bytes, &length);
  if (text == NULL)
    text = "";

  if (length > ENT_CSV_IMPORT_MAX_SIZE)
    {
      fail_at (&parser, error, ENT_MODEL_ERROR_PARSE, 1, NULL,
               _("the file is larger than %d MB"), ENT_CSV_IMPORT_MAX_SIZE / (1024 * 1024));
      return NULL;
    }

  parser.warnings = g_ptr_array_new_with_free_func (g_free);

  /* SPEC 12: not UTF-8 is read as Windows-1252, what French Excel writes */
  if (!g_utf8_validate_len (text, length, &invalid))
    {
      int line = line_of_offset (text, invalid - text);
      gsize bad_offset = 0;
      gsize decoded_length = 0;

      decoded = decode_windows_1252 (text, length, &decoded_length, &bad_offset);
      if (decoded == NULL)
        {
          fail_at (&parser, error, ENT_MODEL_ERROR_PARSE, line_of_offset (text, bad_offset), NULL,
                   _("the file is neither UTF-8 nor Windows-1252 text: open it in a "
                     "spreadsheet or a text editor and save it again as “CSV UTF-8”"));
          return NULL;
        }
      add_warning (&parser, line,
                   _("the file is not UTF-8: it was read as Windows-1252 (what Excel writes "
                     "in French); check the accents of the names"));
      text = decoded;
      length = decoded_length;
    }

  parser.p = text;
  parser.end = text + length;
  parser.line = 1;
  if (length >= 3 && memcmp (text, "\xef\xbb\xbf", 3) == 0)
    parser.p += 3;

  parser.buf = g_string_new (NULL);
  parser.offsets = g_array_new (FALSE, FALSE, sizeof (guint));
  parser.commune_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  parser.year_columns = g_array_new (FALSE, FALSE, sizeof (YearColumn));
  g_array_set_clear_func (parser.year_columns, year_column_clear);
  parser.schools = g_ptr_array_new_with_free_func (raw_school_free);
  parser.by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  parser_init_selection (&parser, selection);

  if (!read_header (&parser, error))
    return NULL;

  for (;;)
    {
      gboolean got;

      if (!read_data_record (&parser, &got, error))
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
    for (guint i = 0; parser.commune_keys[i] != NULL; i++)
      if (parser.commune_hits[i] == 0)
        {
          g_autofree char *closest = describe_closest (&parser, parser.commune_keys[i]);

          if (closest[0] != '\0')
            /* Translators: file name, a commune as typed, then communes of the file */
            g_set_error (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_MISSING,
                         _("%s: no school matches “%s”; the closest communes of the file are %s"),
                         parser.name, parser.commune_spellings[i], closest);
          else
            g_set_error (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_MISSING,
                         _("%s: no school matches “%s”"), parser.name,
                         parser.commune_spellings[i]);
          return NULL;
        }

  if (parser.schools->len == 0)
    {
      g_autofree char *wanted = describe_selection (&parser);

      if (wanted[0] == '\0')
        /* Translators: file name */
        g_set_error (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_MISSING,
                     _("%s: the file lists no school"), parser.name);
      else if (parser.n_private_skipped > 0)
        /* Translators: file name, communes or postal codes, a count */
        g_set_error (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_MISSING,
                     g_dngettext (GETTEXT_PACKAGE,
                                  "%s: no public school matches “%s” (%u private school was left out)",
                                  "%s: no public school matches “%s” (%u private schools were left out)",
                                  parser.n_private_skipped),
                     parser.name, wanted, parser.n_private_skipped);
      else
        /* Translators: file name, communes or postal codes */
        g_set_error (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_MISSING,
                     _("%s: no school matches “%s”"), parser.name, wanted);
      return NULL;
    }

  return parser_finish (&parser);
}

/**
 * ent_csv_import_load_file:
 *
 * Reads @file, refusing one larger than %ENT_CSV_IMPORT_MAX_SIZE, and parses it
 * under its display name.
 *
 * Returns: (transfer full) (nullable): the schools found, or %NULL on error.
 */
EntCsvImport *
ent_csv_import_load_file (GFile                 *file,
                          const EntCsvSelection *selection,
                          GCancellable          *cancellable,
                          GError               **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GByteArray) data = g_byte_array_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  guint8 chunk[64 * 1024];

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = g_file_get_parse_name (file);
  stream = g_file_read (file, cancellable, &local_error);
  if (stream == NULL)
    {
      /* Translators: file name, system message */
      g_set_error (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_IO, _("%s: %s"),
                   name, local_error->message);
      return NULL;
    }

  for (;;)
    {
      gssize n = g_input_stream_read (G_INPUT_STREAM (stream), chunk, sizeof chunk,
                                      cancellable, &local_error);

      if (n < 0)
        {
          g_set_error (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_IO, _("%s: %s"),
                       name, local_error->message);
          return NULL;
        }
      if (n == 0)
        break;
      if (data->len + (gsize) n > ENT_CSV_IMPORT_MAX_SIZE)
        {
          /* Translators: file name, a size */
          g_set_error (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_PARSE,
                       _("%s: the file is larger than %d MB"),
                       name, ENT_CSV_IMPORT_MAX_SIZE / (1024 * 1024));
          return NULL;
        }
      g_byte_array_append (data, chunk, n);
    }

  bytes = g_byte_array_free_to_bytes (g_steal_pointer (&data));
  return ent_csv_import_parse (bytes, name, selection, error);
}

void
ent_csv_import_free (EntCsvImport *self)
{
  if (self == NULL)
    return;

  g_strfreev (self->warnings);
  for (guint i = 0; i < self->n_schools; i++)
    {
      g_free (self->schools[i].uai);
      g_free (self->schools[i].name);
      g_free (self->schools[i].commune);
      g_free (self->schools[i].commune_insee);
      g_free (self->schools[i].postal_code);
      g_free (self->schools[i].counts);
    }
  g_free (self->schools);
  g_free (self);
}

EntCsvFormat
ent_csv_import_get_format (const EntCsvImport *self)
{
  g_return_val_if_fail (self != NULL, ENT_CSV_FORMAT_OFFICIAL);

  return self->format;
}

guint
ent_csv_import_get_n_schools (const EntCsvImport *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_schools;
}

const EntCsvSchool *
ent_csv_import_get_school (const EntCsvImport *self,
                           guint               index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->n_schools, NULL);

  return &self->schools[index];
}

guint
ent_csv_import_get_n_private_skipped (const EntCsvImport *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_private_skipped;
}

const char * const *
ent_csv_import_get_warnings (const EntCsvImport *self)
{
  static const char * const none[] = { NULL };

  g_return_val_if_fail (self != NULL, none);

  return self->warnings != NULL ? (const char * const *) self->warnings : none;
}

char **
ent_csv_import_dup_communes (const EntCsvImport *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < self->n_schools; i++)
    {
      char *key = ent_csv_commune_key (self->schools[i].commune);

      if (g_hash_table_add (seen, key))
        g_strv_builder_add (builder, self->schools[i].commune);
    }

  return g_strv_builder_end (builder);
}

/**
 * ent_csv_import_preview:
 *
 * Returns: (transfer full) (element-type EntCsvChange): the changes, owning them.
 */
GPtrArray *
ent_csv_import_preview (const EntCsvImport *self,
                        EntDocument        *document)
{
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func ((GDestroyNotify) ent_csv_change_free);
  g_autoptr(GHashTable) matched = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) communes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(DocumentIndex) index = { 0 };
  EntContract *contract;
  GListModel *schools;
  guint n;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (ENT_IS_DOCUMENT (document), NULL);

  document_index_init (&index, document);
  contract = ent_document_get_contract (document);

  for (guint i = 0; i < self->n_schools; i++)
    {
      const EntCsvSchool *school = &self->schools[i];
      EntSchool *existing = document_index_lookup (&index, school);
      const char *uai = school->uai;
      const char *name = school->name;
      const char *commune = school->commune;
      int opens, closes;

      g_hash_table_add (communes, ent_csv_commune_key (school->commune));

      if (existing == NULL)
        {
          g_autofree char *commune_key = ent_csv_commune_key (school->commune);
          const char *spelling = g_hash_table_lookup (index.spellings, commune_key);

          if (spelling != NULL)
            commune = spelling;
          g_ptr_array_add (changes, change_new (ENT_CSV_CHANGE_NEW_SCHOOL, uai, name, commune,
                                                0, -1, -1));
        }
      else
        {
          g_hash_table_add (matched, existing);
          uai = ent_school_get_uai (existing);
          name = ent_school_get_name (existing);
          commune = ent_school_get_commune (existing);
        }

      for (guint c = 0; c < school->n_counts; c++)
        {
          const EntCsvCount *count = &school->counts[c];
          CountFate fate = count_fate (school, c, contract);
          EntCsvChangeKind kind;
          gint64 old_count = -1;

          if (fate == COUNT_AFTER)
            kind = ENT_CSV_CHANGE_IGNORED_AFTER;
          else if (fate == COUNT_BEFORE)
            kind = ENT_CSV_CHANGE_IGNORED_BEFORE;
          else if (existing == NULL ||
                   !ent_school_get_known_pupils (existing, count->school_year, &old_count))
            kind = ENT_CSV_CHANGE_NEW_COUNT, old_count = -1;
          else if (old_count != count->pupils)
            kind = ENT_CSV_CHANGE_CHANGED_COUNT;
          else
            kind = ENT_CSV_CHANGE_UNCHANGED;

          g_ptr_array_add (changes, change_new (kind, uai, name, commune, count->school_year,
                                                old_count, count->pupils));
        }

      plan_span (school, existing, &opens, &closes);
      if (opens != ENT_SCHOOL_YEAR_NONE)
        g_ptr_array_add (changes, change_new (ENT_CSV_CHANGE_OPENS, uai, name, commune,
                                              opens, -1, -1));
      if (closes != ENT_SCHOOL_YEAR_NONE)
        g_ptr_array_add (changes, change_new (ENT_CSV_CHANGE_CLOSES, uai, name, commune,
                                              closes, -1, -1));
    }

  schools = ent_document_get_schools (document);
  n = g_list_model_get_n_items (schools);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EntSchool) school = g_list_model_get_item (schools, i);
      g_autofree char *commune_key = ent_csv_commune_key (ent_school_get_commune (school));
      gboolean replaced;

      if (g_hash_table_contains (matched, school) ||
          !g_hash_table_contains (communes, commune_key))
        continue;

      replaced = !self->keep_unmatched && ent_school_get_uai (school)[0] == '\0';
      g_ptr_array_add (changes, change_new (replaced ? ENT_CSV_CHANGE_REPLACED
                                                     : ENT_CSV_CHANGE_NOT_IN_FILE,
                                            ent_school_get_uai (school),
                                            ent_school_get_name (school),
                                            ent_school_get_commune (school),
                                            0, -1, -1));
    }

  return g_steal_pointer (&changes);
}

/**
 * ent_csv_change_describe:
 *
 * Returns: (transfer full): e.g. "ECOLE PRIMAIRE X (0590001A), 2023/2024: 120 → 125 pupils"
 */
char *
ent_csv_change_describe (const EntCsvChange *change)
{
  g_autofree char *school = NULL;
  g_autofree char *old_count = NULL;
  g_autofree char *new_count = NULL;

  g_return_val_if_fail (change != NULL, NULL);

  if (change->uai != NULL && change->uai[0] != '\0')
    school = g_strdup_printf ("%s (%s)", change->name, change->uai);
  else
    school = g_strdup (change->name);
  old_count = ent_count_format (MAX (change->old_count, 0));
  new_count = ent_count_format (MAX (change->new_count, 0));

  switch (change->kind)
    {
    case ENT_CSV_CHANGE_NEW_SCHOOL:
      /* Translators: school name (UAI), commune */
      return g_strdup_printf (_("New school: %s, %s"), school, change->commune);
    case ENT_CSV_CHANGE_NEW_COUNT:
      /* Translators: school, school year as 2023/2024, a count */
      return g_strdup_printf (_("%s, %d/%d: %s pupils (new)"), school,
                              change->school_year, change->school_year + 1, new_count);
    case ENT_CSV_CHANGE_CHANGED_COUNT:
      /* Translators: school, school year as 2023/2024, old and new counts */
      return g_strdup_printf (_("%s, %d/%d: %s → %s pupils"), school,
                              change->school_year, change->school_year + 1,
                              old_count, new_count);
    case ENT_CSV_CHANGE_UNCHANGED:
      /* Translators: school, school year as 2023/2024, a count */
      return g_strdup_printf (_("%s, %d/%d: %s pupils (unchanged)"), school,
                              change->school_year, change->school_year + 1, new_count);
    case ENT_CSV_CHANGE_REPLACED:
      /* Translators: school, commune */
      return g_strdup_printf (_("%s, %s: no UAI, replaced by the imported schools"),
                              school, change->commune);
    case ENT_CSV_CHANGE_IGNORED_AFTER:
      /* Translators: school, school year as 2023/2024, a count */
      return g_strdup_printf (_("%s, %d/%d: %s pupils, after the contract: ignored"), school,
                              change->school_year, change->school_year + 1, new_count);
    case ENT_CSV_CHANGE_IGNORED_BEFORE:
      /* Translators: school, school year as 2023/2024, a count */
      return g_strdup_printf (_("%s, %d/%d: %s pupils, before the contract and not the latest: "
                                "ignored"), school,
                              change->school_year, change->school_year + 1, new_count);
    case ENT_CSV_CHANGE_OPENS:
      /* Translators: school, a year */
      return g_strdup_printf (_("%s: opened at the rentrée %d (absent from the file before)"),
                              school, change->school_year);
    case ENT_CSV_CHANGE_CLOSES:
      /* Translators: school, a year */
      return g_strdup_printf (_("%s: closed from the rentrée %d (absent from the file since)"),
                              school, change->school_year);
    case ENT_CSV_CHANGE_NOT_IN_FILE:
    default:
      /* Translators: school, commune */
      return g_strdup_printf (_("%s, %s: not in the file, kept (check that its pupils are "
                                "not counted twice)"), school, change->commune);
    }
}

void
ent_csv_change_free (EntCsvChange *change)
{
  if (change == NULL)
    return;

  g_free (change->uai);
  g_free (change->name);
  g_free (change->commune);
  g_free (change);
}

/**
 * ent_csv_import_apply:
 *
 * Returns: the number of counts added or changed.
 */
guint
ent_csv_import_apply (const EntCsvImport *self,
                      EntDocument        *document)
{
  g_auto(DocumentIndex) index = { 0 };
  g_autoptr(GHashTable) matched = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) communes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) replaced = g_ptr_array_new_with_free_func (g_object_unref);
  EntCountSource source = import_source (self);
  EntContract *contract;
  GListModel *schools;
  guint n_changed = 0;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (ENT_IS_DOCUMENT (document), 0);

  document_index_init (&index, document);
  contract = ent_document_get_contract (document);

  /* the aggregate lines to replace, found before any school is added */
  for (guint i = 0; i < self->n_schools; i++)
    {
      EntSchool *existing = document_index_lookup (&index, &self->schools[i]);

      g_hash_table_add (communes, ent_csv_commune_key (self->schools[i].commune));
      if (existing != NULL)
        g_hash_table_add (matched, existing);
    }
  schools = ent_document_get_schools (document);
  for (guint i = 0; !self->keep_unmatched && i < g_list_model_get_n_items (schools); i++)
    {
      g_autoptr(EntSchool) school = g_list_model_get_item (schools, i);
      g_autofree char *commune_key = ent_csv_commune_key (ent_school_get_commune (school));

      if (ent_school_get_uai (school)[0] == '\0' &&
          !g_hash_table_contains (matched, school) &&
          g_hash_table_contains (communes, commune_key))
        g_ptr_array_add (replaced, g_steal_pointer (&school));
    }

  for (guint i = 0; i < self->n_schools; i++)
    {
      const EntCsvSchool *csv = &self->schools[i];
      EntSchool *existing = document_index_lookup (&index, csv);
      g_autoptr(EntSchool) school = NULL;
      int opens, closes;

      plan_span (csv, existing, &opens, &closes);

      if (existing == NULL)
        {
          g_autofree char *commune_key = ent_csv_commune_key (csv->commune);
          const char *spelling = g_hash_table_lookup (index.spellings, commune_key);

          if (spelling == NULL)
            {
              spelling = csv->commune;
              g_hash_table_insert (index.spellings, g_steal_pointer (&commune_key),
                                   g_strdup (spelling));
            }

          school = ent_school_new (csv->name, spelling);
          ent_school_set_uai (school, csv->uai);
          ent_school_set_commune_insee (school, csv->commune_insee);
          if (csv->uai[0] != '\0')
            g_hash_table_insert (index.by_uai, g_strdup (csv->uai), g_object_ref (school));
          else
            g_hash_table_insert (index.by_name, name_key (spelling, csv->name),
                                 g_object_ref (school));
        }

      for (guint c = 0; c < csv->n_counts; c++)
        {
          gint64 old_count;
          EntSchool *target = school != NULL ? school : existing;

          if (count_fate (csv, c, contract) != COUNT_KEPT)
            continue;
          if (!ent_school_get_known_pupils (target, csv->counts[c].school_year, &old_count) ||
              old_count != csv->counts[c].pupils)
            n_changed++;
          ent_school_set_known_pupils_from (target, csv->counts[c].school_year,
                                            csv->counts[c].pupils, source);
        }

      if (opens != ENT_SCHOOL_YEAR_NONE)
        ent_school_set_opens (school != NULL ? school : existing, opens);
      if (closes != ENT_SCHOOL_YEAR_NONE)
        ent_school_set_closes (school != NULL ? school : existing, closes);
      if (school != NULL)
        ent_document_add_school (document, school);
    }

  for (guint i = 0; i < replaced->len; i++)
    ent_document_remove_school (document, g_ptr_array_index (replaced, i));

  if (ent_document_get_payer_kind (document) == ENT_PAYER_COMMUNE)
    {
      g_auto(GStrv) document_communes = ent_document_dup_communes (document);

      if (g_strv_length (document_communes) > 1)
        ent_document_set_payer_kind (document, ENT_PAYER_EPCI);
    }

  return n_changed;
}

/**
 * ent_csv_import_to_document:
 * @base: (nullable): the document to merge into (left untouched)
 *
 * Returns: (transfer full) (nullable): a new document, or %NULL when @base
 *   cannot be copied or the result could not be opened again once saved
 *   (ent_document_to_bytes () refuses it).
 */
EntDocument *
ent_csv_import_to_document (const EntCsvImport *self,
                            EntDocument        *base,
                            GError            **error)
{
  g_autoptr(EntDocument) document = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (base == NULL || ENT_IS_DOCUMENT (base), NULL);

  if (base != NULL)
    {
      gsize length;
      g_autofree char *data = ent_document_to_data (base, &length);
      g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&data), length);
      GFile *file = ent_document_get_file (base);
      g_autofree char *name = file != NULL ? g_file_get_parse_name (file) : NULL;

      document = ent_document_new_from_bytes (bytes, name != NULL ? name : "base", error);
      if (document == NULL)
        return NULL;
    }
  else
    {
      GListModel *schools;
      g_auto(GStrv) communes = ent_csv_import_dup_communes (self);
      guint n_communes = g_strv_length (communes);
      gboolean all_public = TRUE;

      document = ent_document_new_example ();
      if (document == NULL)
        {
          g_set_error_literal (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_IO,
                               _("The bundled example document is missing"));
          return NULL;
        }

      schools = ent_document_get_schools (document);
      while (g_list_model_get_n_items (schools) > 0)
        {
          g_autoptr(EntSchool) school = g_list_model_get_item (schools, 0);

          ent_document_remove_school (document, school);
        }

      for (guint i = 0; i < self->n_schools; i++)
        all_public = all_public && self->schools[i].is_public;

      ent_document_set_insee (document, "");
      if (n_communes <= 1)
        {
          const char *commune = n_communes == 1 ? communes[0] : "";
          g_autofree char *title = NULL;

          if (all_public)
            /* Translators: a commune; the title of a new document */
            title = g_strdup_printf (_("ENT of the public schools of %s"), commune);
          else
            /* Translators: a commune; the title of a new document */
            title = g_strdup_printf (_("ENT of the schools of %s"), commune);
          ent_document_set_title (document, title);
          ent_document_set_payer (document, commune);
          ent_document_set_payer_kind (document, ENT_PAYER_COMMUNE);
        }
      else
        {
          g_autofree char *title = NULL;
          g_autofree char *payer = NULL;

          if (all_public)
            /* Translators: the title of a new document for several communes */
            title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "ENT of the public schools of %u commune",
                                                  "ENT of the public schools of %u communes",
                                                  n_communes), n_communes);
          else
            /* Translators: the title of a new document for several communes */
            title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "ENT of the schools of %u commune",
                                                  "ENT of the schools of %u communes",
                                                  n_communes), n_communes);
          /* Translators: the payer of a new document for several communes */
          payer = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "Group of %u commune",
                                                "Group of %u communes",
                                                n_communes), n_communes);
          ent_document_set_title (document, title);
          ent_document_set_payer (document, payer);
          ent_document_set_payer_kind (document, ENT_PAYER_EPCI);
        }
    }

  ent_csv_import_apply (self, document);
  ent_document_set_file (document, NULL);
  ent_document_set_modified (document, FALSE);

  /* SPEC 10.6: a document written by the import can always be opened. The
   * file could hold more schools than a document may (ENT_DOCUMENT_MAX_SIZE),
   * or a name the loader refuses: refuse the import before anything is
   * written, with the loader's own rules. */
  bytes = ent_document_to_bytes (document, &local_error);
  if (bytes == NULL)
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                  /* Translators: the reason follows */
                                  _("The import would make a document that cannot be opened: "));
      return NULL;
    }

  return g_steal_pointer (&document);
}

char *
ent_csv_commune_key (const char *name)
{
  g_autofree char *key = make_key (name, ' ');
  g_auto(GStrv) words = NULL;

  if (strstr (key, "st") == NULL)
    return g_steal_pointer (&key);

  /* The Ministry abbreviates: ST ANDRE LEZ LILLE, STE MARIE KERQUE */
  words = g_strsplit (key, " ", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (g_str_equal (words[i], "st") || g_str_equal (words[i], "ste"))
        {
          char *saint = g_strconcat ("saint", words[i] + 2, NULL);

          g_free (words[i]);
          words[i] = saint;
        }
    }
  return g_strjoinv (" ", words);
}

/**
 * ent_csv_import_compute_totals:
 *
 * Returns: (transfer full) (nullable): the totals, or %NULL with the reason.
 */
EntCsvTotals *
ent_csv_import_compute_totals (const EntCsvImport *self,
                               EntDocument        *document,
                               guint               scenario_index,
                               GError            **error)
{
  g_autoptr(EntDocument) after = NULL;
  g_autoptr(EntBudget) budget_before = NULL;
  g_autoptr(EntBudget) budget_after = NULL;
  const EntScenarioBudget *before_sb;
  const EntScenarioBudget *after_sb;
  EntCsvTotals *totals;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (ENT_IS_DOCUMENT (document), NULL);

  after = ent_csv_import_to_document (self, document, error);
  if (after == NULL)
    return NULL;
  budget_before = ent_budget_compute (document, error);
  if (budget_before == NULL)
    return NULL;
  budget_after = ent_budget_compute (after, error);
  if (budget_after == NULL)
    return NULL;

  if (scenario_index >= budget_before->n_scenarios)
    scenario_index = 0;
  before_sb = &budget_before->scenarios[scenario_index];
  after_sb = &budget_after->scenarios[scenario_index];

  totals = g_new0 (EntCsvTotals, 1);
  totals->scenario = g_strdup (before_sb->name);
  totals->n_years = MIN (before_sb->n_years, after_sb->n_years);
  totals->years = g_new0 (EntCsvYearTotals, MAX (totals->n_years, 1));
  for (guint y = 0; y < totals->n_years; y++)
    {
      totals->years[y].year = before_sb->years[y].year;
      totals->years[y].pupils_before = before_sb->years[y].pupils;
      totals->years[y].pupils_after = after_sb->years[y].pupils;
      totals->years[y].total_before = before_sb->years[y].total;
      totals->years[y].total_after = after_sb->years[y].total;
    }
  totals->contract_before = before_sb->total;
  totals->contract_after = after_sb->total;
  return totals;
}

void
ent_csv_totals_free (EntCsvTotals *totals)
{
  if (totals == NULL)
    return;

  g_free (totals->scenario);
  g_free (totals->years);
  g_free (totals);
}
