/* ent-document-io.c: loading and saving .entbudget key files (SPEC section 6)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GKeyFile does not report line numbers, so the text is indexed once before it
 * is parsed: every group header and every "key=" line gets its line number, and
 * every error names the file, the line, the group and the key.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <inttypes.h>

#include "ent-budget.h"
#include "ent-document-private.h"
#include "ent-money.h"
#include "ent-safe-file.h"

#define MAX_DOCUMENT_SIZE (16 * 1024 * 1024)
#define READ_CHUNK_SIZE   (64 * 1024)

#define GROUP_DOCUMENT    "Document"
#define GROUP_CONTRACT    "Contract"
#define GROUP_IMPUTATION  "Imputation"
#define PREFIX_TARIFF     "Tariff "
#define PREFIX_SCHOOL     "School "
#define PREFIX_SCENARIO   "Scenario "

static const char * const document_keys[] = {
  "format-version", "title", "payer", "payer-kind", "insee", NULL
};
static const char * const contract_keys[] = {
  "first-school-year", "school-years", "payment-start", "billing", NULL
};
static const char * const tariff_keys[] = {
  "base-per-pupil", "optional-per-pupil", "half-day", "reference", NULL
};
static const char * const imputation_keys[] = {
  "chapter", "nature", "function",
  "optional-chapter", "optional-nature", "optional-function",
  "specific-chapter", "specific-nature", "specific-function", NULL
};
static const char * const school_keys[] = {
  "name", "commune", "insee", "uai", "pupils", NULL
};
static const char * const scenario_keys[] = {
  "name", "optional-support", "half-days", "projection", "projection-rate",
  "tariff-increase", NULL
};

/* Key-file prefixes of the imputation keys, indexed by EntLineKind. */
static const char * const imputation_prefixes[ENT_N_LINES] = { "", "optional-", "specific-" };

typedef struct
{
  char *name;
  int   line;
} RawGroup;

/* A numbered group ([School N], [Scenario N]) met in the file. */
typedef struct
{
  const char *group;
  gint64      number;
} NumberedGroup;

typedef struct
{
  const char  *name;         /* display name of the file, for messages */
  GKeyFile    *key_file;
  GHashTable  *lines;        /* "group" and "group\nkey" → first line (GINT_TO_POINTER) */
  GPtrArray   *raw_groups;   /* RawGroup, every header in file order, repeats included */
  EntDocument *document;
  int          first_budget_year;
  int          last_budget_year;
} Loader;

static void
raw_group_free (gpointer data)
{
  RawGroup *raw = data;

  g_free (raw->name);
  g_free (raw);
}

static void
loader_clear (Loader *self)
{
  g_clear_pointer (&self->key_file, g_key_file_unref);
  g_clear_pointer (&self->lines, g_hash_table_unref);
  g_clear_pointer (&self->raw_groups, g_ptr_array_unref);
  g_clear_object (&self->document);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Loader, loader_clear)

/* Helpers: line index */

static char *
make_line_key (const char *group,
               const char *key)
{
  return key != NULL ? g_strconcat (group, "\n", key, NULL) : g_strdup (group);
}

static void
index_lines (Loader     *self,
             const char *text,
             gsize       length)
{
  const char *p = text;
  const char *end = text + length;
  g_autofree char *group = NULL;
  int line = 1;

  while (p < end)
    {
      const char *eol = memchr (p, '\n', end - p);
      const char *s = p;
      const char *e;

      if (eol == NULL)
        eol = end;
      e = eol;

      while (s < e && g_ascii_isspace (*s))
        s++;
      while (e > s && g_ascii_isspace (e[-1]))
        e--;

      if (s < e && *s == '[')
        {
          const char *close = e - 1;

          /* GKeyFile takes the name up to the last ']' of the line */
          while (close > s && *close != ']')
            close--;

          if (close > s)
            {
              RawGroup *raw = g_new0 (RawGroup, 1);

              raw->name = g_strndup (s + 1, close - s - 1);
              raw->line = line;
              g_ptr_array_add (self->raw_groups, raw);

              g_free (group);
              group = g_strdup (raw->name);
              if (!g_hash_table_contains (self->lines, group))
                g_hash_table_insert (self->lines, g_strdup (group), GINT_TO_POINTER (line));
            }
        }
      else if (s < e && *s != '#' && group != NULL)
        {
          const char *eq = memchr (s, '=', e - s);

          if (eq != NULL)
            {
              const char *key_end = eq;
              g_autofree char *key = NULL;

              while (key_end > s && g_ascii_isspace (key_end[-1]))
                key_end--;
              key = g_strndup (s, key_end - s);
              /* GKeyFile keeps the last of repeated keys: so does the index */
              g_hash_table_replace (self->lines, make_line_key (group, key),
                                    GINT_TO_POINTER (line));
            }
        }

      line++;
      p = eol + 1;
    }
}

/* The line of @key in @group, else of the group header, else 0. */
static int
lookup_line (Loader     *self,
             const char *group,
             const char *key)
{
  g_autofree char *line_key = make_line_key (group, key);
  gpointer value;

  if (g_hash_table_lookup_extended (self->lines, line_key, NULL, &value))
    return GPOINTER_TO_INT (value);
  if (key != NULL)
    return lookup_line (self, group, NULL);
  return 0;
}

/* The first line that is neither blank, a comment, a group header nor a
 * key=value pair (or a pair before any group), or 0. */
static int
find_bad_line (const char *text,
               gsize       length)
{
  const char *p = text;
  const char *end = text + length;
  gboolean in_group = FALSE;
  int line = 1;

  while (p < end)
    {
      const char *eol = memchr (p, '\n', end - p);
      const char *s = p;
      const char *e;

      if (eol == NULL)
        eol = end;
      e = eol;
      while (s < e && g_ascii_isspace (*s))
        s++;
      while (e > s && g_ascii_isspace (e[-1]))
        e--;

      if (s < e && *s != '#')
        {
          if (*s == '[')
            {
              if (e[-1] != ']' || e - s < 3)
                return line;
              in_group = TRUE;
            }
          else if (!in_group || memchr (s, '=', e - s) == NULL || *s == '=')
            {
              return line;
            }
        }

      line++;
      p = eol + 1;
    }

  return 0;
}

/* The line holding byte @offset of @text. */
static int
line_at (const char *text,
         gsize       offset)
{
  int line = 1;

  for (gsize i = 0; i < offset; i++)
    if (text[i] == '\n')
      line++;

  return line;
}

/* Helpers: errors */

static gboolean fail_key (Loader        *self,
                          GError       **error,
                          EntModelError  code,
                          const char    *group,
                          const char    *key,
                          const char    *format,
                          ...) G_GNUC_PRINTF (6, 7);

/* "FILE:LINE: [GROUP] KEY: DETAIL", or "FILE:LINE: [GROUP]: DETAIL" without key. */
static gboolean
fail_key (Loader        *self,
          GError       **error,
          EntModelError  code,
          const char    *group,
          const char    *key,
          const char    *format,
          ...)
{
  g_autofree char *detail = NULL;
  va_list args;
  int line;

  va_start (args, format);
  detail = g_strdup_vprintf (format, args);
  va_end (args);

  line = lookup_line (self, group, key);

  if (key != NULL)
    /* Translators: file name, line number, [group] key: what is wrong */
    g_set_error (error, ENT_MODEL_ERROR, code, _("%s:%d: [%s] %s: %s"),
                 self->name, line, group, key, detail);
  else
    /* Translators: file name, line number, [group]: what is wrong */
    g_set_error (error, ENT_MODEL_ERROR, code, _("%s:%d: [%s]: %s"),
                 self->name, line, group, detail);

  return FALSE;
}

static gboolean
fail_missing_key (Loader      *self,
                  GError     **error,
                  const char  *group,
                  const char  *key)
{
  return fail_key (self, error, ENT_MODEL_ERROR_MISSING, group, key,
                   _("this key is required and missing"));
}

/* Helpers: reading values */

static gboolean
is_known_key (const char * const *known,
              const char         *key)
{
  return g_strv_contains (known, key);
}

/* Free text (titles, names, codes): *out_value is NULL when the key is absent.
 * Escapes (\n, \s, …) are decoded; nothing else is changed, so that what was
 * saved loads back exactly. */
static gboolean
read_text (Loader      *self,
           const char  *group,
           const char  *key,
           char       **out_value,
           GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *value = NULL;

  *out_value = NULL;

  if (!g_key_file_has_key (self->key_file, group, key, NULL))
    return TRUE;

  value = g_key_file_get_string (self->key_file, group, key, &local_error);
  if (value == NULL)
    return fail_key (self, error, ENT_MODEL_ERROR_INVALID_VALUE, group, key,
                     "%s", local_error->message);

  *out_value = g_steal_pointer (&value);
  return TRUE;
}

/* A structured value (number, date, keyword, list): same, spaces around removed. */
static gboolean
read_string (Loader      *self,
             const char  *group,
             const char  *key,
             char       **out_value,
             GError     **error)
{
  if (!read_text (self, group, key, out_value, error))
    return FALSE;
  if (*out_value != NULL)
    g_strstrip (*out_value);
  return TRUE;
}

static gboolean
read_required_string (Loader      *self,
                      const char  *group,
                      const char  *key,
                      char       **out_value,
                      GError     **error)
{
  if (!read_string (self, group, key, out_value, error))
    return FALSE;
  if (*out_value == NULL)
    return fail_missing_key (self, error, group, key);
  return TRUE;
}

/* A whole number in [@min, @max]; *out untouched when absent and not required. */
static gboolean
parse_integer (Loader      *self,
               const char  *group,
               const char  *key,
               const char  *text,
               gint64       min,
               gint64       max,
               gint64      *out,
               GError     **error)
{
  gint64 value;

  if (!g_ascii_string_to_signed (text, 10, G_MININT64, G_MAXINT64, &value, NULL))
    return fail_key (self, error, ENT_MODEL_ERROR_INVALID_VALUE, group, key,
                     _("“%s” is not a whole number"), text);

  if (value < 0 && min >= 0)
    return fail_key (self, error, ENT_MODEL_ERROR_OUT_OF_RANGE, group, key,
                     _("%" PRId64 " is negative"), value);

  if (value < min || value > max)
    return fail_key (self, error, ENT_MODEL_ERROR_OUT_OF_RANGE, group, key,
                     _("%" PRId64 " is not between %" PRId64
                       " and %" PRId64), value, min, max);

  *out = value;
  return TRUE;
}

static gboolean
read_integer (Loader      *self,
              const char  *group,
              const char  *key,
              gboolean     required,
              gint64       min,
              gint64       max,
              gint64      *out,
              GError     **error)
{
  g_autofree char *text = NULL;

  if (!read_string (self, group, key, &text, error))
    return FALSE;
  if (text == NULL)
    return required ? fail_missing_key (self, error, group, key) : TRUE;

  return parse_integer (self, group, key, text, min, max, out, error);
}

/* A non-negative amount in cents, "." or "," as separator, at most two decimals. */
static gboolean
read_amount (Loader      *self,
             const char  *group,
             const char  *key,
             gboolean     required,
             gint64      *out,
             GError     **error)
{
  g_autofree char *text = NULL;
  gint64 cents;

  if (!read_string (self, group, key, &text, error))
    return FALSE;
  if (text == NULL)
    return required ? fail_missing_key (self, error, group, key) : TRUE;

  if (!ent_money_parse (text, &cents, NULL))
    return fail_key (self, error, ENT_MODEL_ERROR_INVALID_VALUE, group, key,
                     _("“%s” is not an amount (at most two decimals, “.” or “,” as separator)"),
                     text);
  if (cents < 0)
    return fail_key (self, error, ENT_MODEL_ERROR_OUT_OF_RANGE, group, key,
                     _("“%s” is negative"), text);

  *out = cents;
  return TRUE;
}

/* A percentage in basis points within [@min_bp, @max_bp]. */
static gboolean
read_percent (Loader      *self,
              const char  *group,
              const char  *key,
              gint64       min_bp,
              gint64       max_bp,
              gint64      *out,
              GError     **error)
{
  g_autofree char *text = NULL;
  g_autofree char *min_text = NULL;
  g_autofree char *max_text = NULL;
  gint64 bp;

  if (!read_string (self, group, key, &text, error))
    return FALSE;
  if (text == NULL || *text == '\0')
    return TRUE;

  if (!ent_percent_parse (text, &bp, NULL))
    return fail_key (self, error, ENT_MODEL_ERROR_INVALID_VALUE, group, key,
                     _("“%s” is not a percentage (at most two decimals, “.” or “,” as separator)"),
                     text);

  if (bp < min_bp || bp > max_bp)
    {
      min_text = ent_percent_to_plain (min_bp);
      max_text = ent_percent_to_plain (max_bp);
      return fail_key (self, error, ENT_MODEL_ERROR_OUT_OF_RANGE, group, key,
                       _("%s %% is not between %s %% and %s %%"),
                       text, min_text, max_text);
    }

  *out = bp;
  return TRUE;
}

/* "2024-01-01"; "2023-9-1" is accepted and means 2023-09-01. */
static gboolean
parse_date (const char *text,
            GDate      *out_date)
{
  g_auto(GStrv) parts = NULL;
  guint64 numbers[3];

  if (text == NULL)
    return FALSE;

  parts = g_strsplit (text, "-", -1);
  if (g_strv_length (parts) != 3)
    return FALSE;

  for (guint i = 0; i < 3; i++)
    {
      gsize len = strlen (parts[i]);

      if (len == 0 || len > (i == 0 ? 4 : 2))
        return FALSE;
      if (!g_ascii_string_to_unsigned (parts[i], 10, 0, 9999, &numbers[i], NULL))
        return FALSE;
    }

  if (numbers[0] < 1 || numbers[1] < 1 || numbers[1] > 12 || numbers[2] < 1
      || !g_date_valid_dmy ((GDateDay) numbers[2], (GDateMonth) numbers[1],
                            (GDateYear) numbers[0]))
    return FALSE;

  g_date_clear (out_date, 1);
  g_date_set_dmy (out_date, (GDateDay) numbers[2], (GDateMonth) numbers[1],
                  (GDateYear) numbers[0]);
  return TRUE;
}

static char *
format_date (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u",
                          (guint) g_date_get_year (date),
                          (guint) g_date_get_month (date),
                          (guint) g_date_get_day (date));
}

static gboolean
read_date (Loader      *self,
           const char  *group,
           const char  *key,
           GDate       *out_date,
           GError     **error)
{
  g_autofree char *text = NULL;

  if (!read_required_string (self, group, key, &text, error))
    return FALSE;

  if (!parse_date (text, out_date))
    return fail_key (self, error, ENT_MODEL_ERROR_INVALID_VALUE, group, key,
                     _("“%s” is not a date (YYYY-MM-DD)"), text);

  return TRUE;
}

/* Splits "A:B;C:D" into trimmed non-empty items. */
static GStrv
split_list (const char *text)
{
  g_auto(GStrv) items = g_strsplit (text, ";", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; items[i] != NULL; i++)
    {
      g_strstrip (items[i]);
      if (*items[i] != '\0')
        g_strv_builder_add (builder, items[i]);
    }

  return g_strv_builder_end (builder);
}

/* One "YEAR:COUNT" item of a list. */
static gboolean
parse_year_count (Loader      *self,
                  const char  *group,
                  const char  *key,
                  const char  *item,
                  gboolean     budget_years,
                  int          min_year,
                  int          max_year,
                  gint64       max_count,
                  int         *out_year,
                  gint64      *out_count,
                  GError     **error)
{
  const char *colon = strchr (item, ':');
  g_autofree char *year_text = NULL;
  g_autofree char *count_text = NULL;
  gint64 year, count;

  if (colon == NULL)
    return fail_key (self, error, ENT_MODEL_ERROR_INVALID_VALUE, group, key,
                     _("“%s” is not YEAR:COUNT"), item);

  year_text = g_strstrip (g_strndup (item, colon - item));
  count_text = g_strstrip (g_strdup (colon + 1));

  if (!g_ascii_string_to_signed (year_text, 10, G_MININT64, G_MAXINT64, &year, NULL))
    return fail_key (self, error, ENT_MODEL_ERROR_INVALID_VALUE, group, key,
                     _("“%s” is not a year in “%s”"), year_text, item);
  if ((year < min_year || year > max_year) && budget_years)
    return fail_key (self, error, ENT_MODEL_ERROR_OUT_OF_RANGE, group, key,
                     _("%" PRId64 " is not a budget year of the contract (%d to %d)"),
                     year, min_year, max_year);
  if (year < min_year || year > max_year)
    return fail_key (self, error, ENT_MODEL_ERROR_OUT_OF_RANGE, group, key,
                     _("school year %" PRId64 " is not between %d and %d"),
                     year, min_year, max_year);

  if (!g_ascii_string_to_signed (count_text, 10, G_MININT64, G_MAXINT64, &count, NULL))
    return fail_key (self, error, ENT_MODEL_ERROR_INVALID_VALUE, group, key,
                     _("“%s” is not a whole number in “%s”"), count_text, item);
  if (count < 0)
    return fail_key (self, error, ENT_MODEL_ERROR_OUT_OF_RANGE, group, key,
                     _("%" PRId64 " is negative in “%s”"), count, item);
  if (count > max_count)
    return fail_key (self, error, ENT_MODEL_ERROR_OUT_OF_RANGE, group, key,
                     _("%" PRId64 " is more than %" PRId64 " in “%s”"),
                     count, max_count, item);

  *out_year = (int) year;
  *out_count = count;
  return TRUE;
}

/* GKeyFile has no call to add a group: add a key, then remove it. */
static void
add_empty_group (GKeyFile   *key_file,
                 const char *group)
{
  if (g_key_file_has_group (key_file, group))
    return;
  g_key_file_set_value (key_file, group, "placeholder", "");
  g_key_file_remove_key (key_file, group, "placeholder", NULL);
}

/* Keys of @group that the format does not know: kept, with a warning each. */
static void
keep_unknown_keys (Loader             *self,
                   const char         *group,
                   const char         *saved_group,
                   const char * const *known)
{
  g_auto(GStrv) keys = g_key_file_get_keys (self->key_file, group, NULL, NULL);
  GKeyFile *extras = ent_document_get_extras (self->document);

  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      g_autofree char *value = NULL;
      g_autofree char *warning = NULL;

      if (is_known_key (known, keys[i]))
        continue;

      value = g_key_file_get_value (self->key_file, group, keys[i], NULL);
      g_key_file_set_value (extras, saved_group, keys[i], value != NULL ? value : "");

      /* Translators: file name, line, [group] key */
      warning = g_strdup_printf (_("%s:%d: [%s] %s: unknown key, kept as it is"),
                                 self->name, lookup_line (self, group, keys[i]),
                                 group, keys[i]);
      ent_document_add_load_warning (self->document, warning);
    }
}

static void
keep_unknown_group (Loader     *self,
                    const char *group)
{
  g_auto(GStrv) keys = g_key_file_get_keys (self->key_file, group, NULL, NULL);
  GKeyFile *extras = ent_document_get_extras (self->document);
  g_autofree char *warning = NULL;

  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      g_autofree char *value = g_key_file_get_value (self->key_file, group, keys[i], NULL);

      g_key_file_set_value (extras, group, keys[i], value != NULL ? value : "");
    }

  /* An empty group is kept too */
  if (keys == NULL || keys[0] == NULL)
    add_empty_group (extras, group);

  /* Translators: file name, line, [group] */
  warning = g_strdup_printf (_("%s:%d: [%s]: unknown group, kept as it is"),
                             self->name, lookup_line (self, group, NULL), group);
  ent_document_add_load_warning (self->document, warning);
}

/* Helpers: the groups */

static gboolean
load_document_group (Loader  *self,
                     GError **error)
{
  const char *group = GROUP_DOCUMENT;
  g_autofree char *version_text = NULL;
  g_autofree char *title = NULL;
  g_autofree char *payer = NULL;
  g_autofree char *kind_text = NULL;
  g_autofree char *insee = NULL;
  gint64 version;

  if (!g_key_file_has_group (self->key_file, group))
    return g_set_error (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_MISSING,
                        /* Translators: file name, then a group name */
                        _("%s: the [%s] group is missing: this is not a Budget ENT document"),
                        self->name, group), FALSE;

  if (!read_required_string (self, group, "format-version", &version_text, error))
    return FALSE;
  if (!g_ascii_string_to_signed (version_text, 10, G_MININT64, G_MAXINT64, &version, NULL))
    return fail_key (self, error, ENT_MODEL_ERROR_INVALID_VALUE, group, "format-version",
                     _("“%s” is not a version number"), version_text);
  if (version < 1)
    return fail_key (self, error, ENT_MODEL_ERROR_OUT_OF_RANGE, group, "format-version",
                     _("%" PRId64 " is not a version number"), version);
  if (version > ENT_DOCUMENT_FORMAT_VERSION)
    return fail_key (self, error, ENT_MODEL_ERROR_VERSION, group, "format-version",
                     _("the document was written in format %" PRId64
                       " by a newer version of ENT Budget, which reads formats up to %d: "
                       "please update the application"),
                     version, ENT_DOCUMENT_FORMAT_VERSION);

  if (!read_text (self, group, "title", &title, error)
      || !read_text (self, group, "payer", &payer, error)
      || !read_string (self, group, "payer-kind", &kind_text, error)
      || !read_text (self, group, "insee", &insee, error))
    return FALSE;

  if (kind_text != NULL && *kind_text != '\0')
    {
      EntPayerKind kind;

      if (!ent_payer_kind_from_string (kind_text, &kind))
        return fail_key (self, error, ENT_MODEL_ERROR_INVALID_VALUE, group, "payer-kind",
                         _("“%s” is not a payer kind (commune or epci)"), kind_text);
      ent_document_set_payer_kind (self->document, kind);
    }

  if (title != NULL)
    ent_document_set_title (self->document, title);
  if (payer != NULL)
    ent_document_set_payer (self->document, payer);
  if (insee != NULL)
    ent_document_set_insee (self->document, insee);

  keep_unknown_keys (self, group, group, document_keys);
  return TRUE;
}

static gboolean
load_contract_group (Loader  *self,
                     GError **error)
{
  const char *group = GROUP_CONTRACT;
  EntContract *contract = ent_document_get_contract (self->document);
  g_autofree char *billing_text = NULL;
  EntBilling billing = ENT_BILLING_ANNUAL;
  gint64 first_year = 0;
  gint64 n_years = 0;
  GDate payment_start;
  GDate earliest;
  GDate end;

  if (!g_key_file_has_group (self->key_file, group))
    return g_set_error (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_MISSING,
                        _("%s: the [%s] group is missing"), self->name, group), FALSE;

  if (!read_integer (self, group, "first-school-year", TRUE,
                     ENT_MIN_SCHOOL_YEAR, ENT_MAX_SCHOOL_YEAR, &first_year, error)
      || !read_integer (self, group, "school-years", TRUE,
                        1, ENT_MAX_SCHOOL_YEARS, &n_years, error)
      || !read_date (self, group, "payment-start", &payment_start, error)
      || !read_string (self, group, "billing", &billing_text, error))
    return FALSE;

  if (billing_text != NULL && *billing_text != '\0'
      && !ent_billing_from_string (billing_text, &billing))
    return fail_key (self, error, ENT_MODEL_ERROR_INVALID_VALUE, group, "billing",
                     _("“%s” is not a billing mode (annual or prorata)"), billing_text);

  g_date_clear (&earliest, 1);
  g_date_set_dmy (&earliest, 1, G_DATE_SEPTEMBER, (GDateYear) first_year);
  g_date_clear (&end, 1);
  g_date_set_dmy (&end, 31, G_DATE_AUGUST, (GDateYear) (first_year + n_years));

  if (g_date_compare (&payment_start, &earliest) < 0)
    {
      g_autofree char *text = format_date (&payment_start);
      g_autofree char *earliest_text = format_date (&earliest);

      return fail_key (self, error, ENT_MODEL_ERROR_OUT_OF_RANGE, group, "payment-start",
                       _("%s is before the first school year, which starts on %s"),
                       text, earliest_text);
    }
  if (g_date_compare (&payment_start, &end) > 0)
    {
      g_autofree char *text = format_date (&payment_start);
      g_autofree char *end_text = format_date (&end);

      return fail_key (self, error, ENT_MODEL_ERROR_OUT_OF_RANGE, group, "payment-start",
                       _("%s is after the end of the contract (%s)"), text, end_text);
    }

  ent_contract_set_first_school_year (contract, (int) first_year);
  ent_contract_set_school_years (contract, (int) n_years);
  ent_contract_set_payment_start (contract, &payment_start);
  ent_contract_set_billing (contract, billing);

  self->first_budget_year = g_date_get_year (&payment_start);
  self->last_budget_year = (int) (first_year + n_years);

  keep_unknown_keys (self, group, group, contract_keys);
  return TRUE;
}

static gboolean
load_imputation_group (Loader  *self,
                       GError **error)
{
  const char *group = GROUP_IMPUTATION;
  static const char * const fields[3] = { "chapter", "nature", "function" };
  /* values[line * 3 + field], NULL when absent */
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);

  if (!g_key_file_has_group (self->key_file, group))
    return TRUE;

  for (guint line = 0; line < ENT_N_LINES; line++)
    for (guint f = 0; f < 3; f++)
      {
        g_autofree char *key = g_strconcat (imputation_prefixes[line], fields[f], NULL);
        char *value = NULL;

        if (!read_text (self, group, key, &value, error))
          return FALSE;
        g_ptr_array_add (values, value);
      }

  /* Absent base keys keep the document's defaults */
  if (values->pdata[0] == NULL)
    values->pdata[0] = g_strdup (ent_document_get_chapter (self->document, ENT_LINE_BASE));
  if (values->pdata[1] == NULL)
    values->pdata[1] = g_strdup (ent_document_get_nature (self->document, ENT_LINE_BASE));
  if (values->pdata[2] == NULL)
    values->pdata[2] = g_strdup (ent_document_get_function (self->document, ENT_LINE_BASE));

  /* Absent optional-* and specific-* keys follow the base line */
  for (guint line = 0; line < ENT_N_LINES; line++)
    {
      const char *v[3];

      for (guint f = 0; f < 3; f++)
        {
          v[f] = g_ptr_array_index (values, line * 3 + f);
          if (v[f] == NULL)
            v[f] = g_ptr_array_index (values, f);
        }
      ent_document_set_imputation (self->document, line, v[0], v[1], v[2]);
    }

  keep_unknown_keys (self, group, group, imputation_keys);
  return TRUE;
}

static gboolean
load_tariff_group (Loader      *self,
                   const char  *group,
                   GHashTable  *seen_dates,
                   GError     **error)
{
  const char *date_text = group + strlen (PREFIX_TARIFF);
  g_autoptr(EntTariffPeriod) period = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *canonical_date = NULL;
  g_autofree char *saved_group = NULL;
  g_autofree char *trimmed = NULL;
  g_autoptr(GError) local_error = NULL;
  gint64 base = 0, optional = 0, half_day = 0;
  gpointer previous_line;
  GDate valid_from;

  trimmed = g_strstrip (g_strdup (date_text));
  if (!parse_date (trimmed, &valid_from))
    return fail_key (self, error, ENT_MODEL_ERROR_INVALID_VALUE, group, NULL,
                     _("“%s” is not a date (YYYY-MM-DD): write a tariff group as [Tariff 2023-09-01]"),
                     trimmed);

  canonical_date = format_date (&valid_from);
  if (g_hash_table_lookup_extended (seen_dates, canonical_date, NULL, &previous_line))
    return fail_key (self, error, ENT_MODEL_ERROR_DUPLICATE, group, NULL,
                     _("another tariff period already starts on %s (line %d)"),
                     canonical_date, GPOINTER_TO_INT (previous_line));
  g_hash_table_insert (seen_dates, g_strdup (canonical_date),
                       GINT_TO_POINTER (lookup_line (self, group, NULL)));

  if (!read_amount (self, group, "base-per-pupil", TRUE, &base, error)
      || !read_amount (self, group, "optional-per-pupil", FALSE, &optional, error)
      || !read_amount (self, group, "half-day", FALSE, &half_day, error)
      || !read_text (self, group, "reference", &reference, error))
    return FALSE;

  period = ent_tariff_period_new (&valid_from, base, optional, half_day,
                                  reference != NULL ? reference : "");
  if (!ent_tariff_schedule_add (ent_document_get_tariffs (self->document), period, &local_error))
    return fail_key (self, error, ENT_MODEL_ERROR_DUPLICATE, group, NULL,
                     "%s", local_error->message);

  saved_group = g_strconcat (PREFIX_TARIFF, canonical_date, NULL);
  keep_unknown_keys (self, group, saved_group, tariff_keys);
  return TRUE;
}

static gboolean
load_school_group (Loader      *self,
                   const char  *group,
                   guint        index,
                   GError     **error)
{
  g_autoptr(EntSchool) school = NULL;
  g_autoptr(GHashTable) years = g_hash_table_new (NULL, NULL);
  g_autofree char *name = NULL;
  g_autofree char *commune = NULL;
  g_autofree char *insee = NULL;
  g_autofree char *uai = NULL;
  g_autofree char *pupils = NULL;
  g_autofree char *saved_group = NULL;
  g_auto(GStrv) items = NULL;

  if (!read_text (self, group, "name", &name, error)
      || !read_text (self, group, "commune", &commune, error)
      || !read_text (self, group, "insee", &insee, error)
      || !read_string (self, group, "uai", &uai, error)
      || !read_string (self, group, "pupils", &pupils, error))
    return FALSE;

  if (uai != NULL && !ent_uai_is_valid (uai))
    return fail_key (self, error, ENT_MODEL_ERROR_INVALID_VALUE, group, "uai",
                     _("“%s” is not a UAI (7 digits and a letter, e.g. 0590123A)"), uai);

  school = ent_school_new (name != NULL ? name : "", commune != NULL ? commune : "");
  if (insee != NULL)
    ent_school_set_commune_insee (school, insee);
  if (uai != NULL)
    ent_school_set_uai (school, uai);

  items = split_list (pupils != NULL ? pupils : "");
  for (guint i = 0; items[i] != NULL; i++)
    {
      int year;
      gint64 count;

      if (!parse_year_count (self, group, "pupils", items[i], FALSE,
                             ENT_MIN_SCHOOL_YEAR, ENT_MAX_SCHOOL_YEAR,
                             ENT_MAX_PUPILS_PER_SCHOOL, &year, &count, error))
        return FALSE;
      if (g_hash_table_contains (years, GINT_TO_POINTER (year)))
        return fail_key (self, error, ENT_MODEL_ERROR_DUPLICATE, group, "pupils",
                         _("school year %d is given twice"), year);
      g_hash_table_add (years, GINT_TO_POINTER (year));
      ent_school_set_known_pupils (school, year, count);
    }

  ent_document_add_school (self->document, school);

  saved_group = g_strdup_printf (PREFIX_SCHOOL "%u", index);
  keep_unknown_keys (self, group, saved_group, school_keys);
  return TRUE;
}

static gboolean
load_scenario_group (Loader       *self,
                     const char   *group,
                     guint         index,
                     EntScenario **out_scenario,
                     GError      **error)
{
  g_autoptr(EntScenario) scenario = NULL;
  g_autoptr(GHashTable) years = g_hash_table_new (NULL, NULL);
  g_autofree char *name = NULL;
  g_autofree char *optional = NULL;
  g_autofree char *half_days = NULL;
  g_autofree char *projection_text = NULL;
  g_autofree char *saved_group = NULL;
  g_auto(GStrv) items = NULL;
  EntProjection projection = ENT_PROJECTION_CONSTANT;
  gint64 rate = 0, increase = 0;

  if (!read_text (self, group, "name", &name, error)
      || !read_string (self, group, "optional-support", &optional, error)
      || !read_string (self, group, "half-days", &half_days, error)
      || !read_string (self, group, "projection", &projection_text, error)
      || !read_percent (self, group, "projection-rate",
                        ENT_MIN_PROJECTION_RATE_BP, ENT_MAX_PROJECTION_RATE_BP, &rate, error)
      || !read_percent (self, group, "tariff-increase",
                        ENT_MIN_TARIFF_INCREASE_BP, ENT_MAX_TARIFF_INCREASE_BP, &increase, error))
    return FALSE;

  if (projection_text != NULL && *projection_text != '\0'
      && !ent_projection_from_string (projection_text, &projection))
    return fail_key (self, error, ENT_MODEL_ERROR_INVALID_VALUE, group, "projection",
                     _("“%s” is not a projection (constant or rate)"), projection_text);

  if (name == NULL)
    {
      g_free (name);
      /* Translators: default name of a scenario without one */
      name = g_strdup_printf (_("Scenario %u"), index);
    }
  scenario = ent_scenario_new (name);
  ent_scenario_set_projection (scenario, projection);
  ent_scenario_set_projection_rate (scenario, rate);
  ent_scenario_set_tariff_increase (scenario, increase);

  /* optional-support: true, false, or a list of budget years */
  if (optional == NULL || *optional == '\0'
      || g_ascii_strcasecmp (optional, "false") == 0 || g_strcmp0 (optional, "0") == 0)
    {
      ent_scenario_set_optional_all (scenario, FALSE);
    }
  else if (g_ascii_strcasecmp (optional, "true") == 0 || g_strcmp0 (optional, "1") == 0)
    {
      ent_scenario_set_optional_all (scenario, TRUE);
    }
  else
    {
      g_autoptr(GHashTable) optional_years = g_hash_table_new (NULL, NULL);
      g_auto(GStrv) optional_items = split_list (optional);

      ent_scenario_set_optional_all (scenario, FALSE);
      for (guint i = 0; optional_items[i] != NULL; i++)
        {
          gint64 year;

          if (!g_ascii_string_to_signed (optional_items[i], 10, G_MININT64, G_MAXINT64,
                                         &year, NULL))
            return fail_key (self, error, ENT_MODEL_ERROR_INVALID_VALUE, group,
                             "optional-support",
                             _("“%s” is not true, false or a list of budget years (2024;2025)"),
                             optional);
          if (year < self->first_budget_year || year > self->last_budget_year)
            return fail_key (self, error, ENT_MODEL_ERROR_OUT_OF_RANGE, group,
                             "optional-support",
                             _("%" PRId64 " is not a budget year of the contract (%d to %d)"),
                             year, self->first_budget_year, self->last_budget_year);
          if (g_hash_table_contains (optional_years, GINT_TO_POINTER ((int) year)))
            return fail_key (self, error, ENT_MODEL_ERROR_DUPLICATE, group,
                             "optional-support",
                             _("budget year %" PRId64 " is given twice"), year);
          g_hash_table_add (optional_years, GINT_TO_POINTER ((int) year));
          ent_scenario_set_optional_in_year (scenario, (int) year, TRUE);
        }
    }

  items = split_list (half_days != NULL ? half_days : "");
  for (guint i = 0; items[i] != NULL; i++)
    {
      int year;
      gint64 count;

      if (!parse_year_count (self, group, "half-days", items[i], TRUE,
                             self->first_budget_year, self->last_budget_year,
                             ENT_MAX_HALF_DAYS_PER_YEAR, &year, &count, error))
        return FALSE;
      if (g_hash_table_contains (years, GINT_TO_POINTER (year)))
        return fail_key (self, error, ENT_MODEL_ERROR_DUPLICATE, group, "half-days",
                         _("budget year %d is given twice"), year);
      g_hash_table_add (years, GINT_TO_POINTER (year));
      ent_scenario_set_half_days (scenario, year, count);
    }

  saved_group = g_strdup_printf (PREFIX_SCENARIO "%u", index);
  keep_unknown_keys (self, group, saved_group, scenario_keys);

  *out_scenario = g_steal_pointer (&scenario);
  return TRUE;
}

static int
compare_numbered_groups (gconstpointer a,
                         gconstpointer b)
{
  const NumberedGroup *ga = a;
  const NumberedGroup *gb = b;

  return (ga->number > gb->number) - (ga->number < gb->number);
}

/* The [PREFIX N] groups, sorted by N; fails on a bad or repeated N. */
static GArray *
collect_numbered_groups (Loader       *self,
                         char        **groups,
                         const char   *prefix,
                         GError      **error)
{
  g_autoptr(GArray) result = g_array_new (FALSE, FALSE, sizeof (NumberedGroup));
  gsize prefix_len = strlen (prefix);

  for (guint i = 0; groups[i] != NULL; i++)
    {
      NumberedGroup numbered;
      g_autofree char *number_text = NULL;

      if (!g_str_has_prefix (groups[i], prefix))
        continue;

      number_text = g_strstrip (g_strdup (groups[i] + prefix_len));
      if (!g_ascii_string_to_signed (number_text, 10, 1, G_MAXINT, &numbered.number, NULL))
        return fail_key (self, error, ENT_MODEL_ERROR_INVALID_VALUE, groups[i], NULL,
                         _("“%s” is not a positive number: write the group as [%s1]"),
                         number_text, prefix), NULL;

      for (guint j = 0; j < result->len; j++)
        if (g_array_index (result, NumberedGroup, j).number == numbered.number)
          return fail_key (self, error, ENT_MODEL_ERROR_DUPLICATE, groups[i], NULL,
                           _("the number %" PRId64 " is already used by [%s] (line %d)"),
                           numbered.number, g_array_index (result, NumberedGroup, j).group,
                           lookup_line (self, g_array_index (result, NumberedGroup, j).group, NULL)), NULL;

      numbered.group = groups[i];
      g_array_append_val (result, numbered);
    }

  g_array_sort (result, compare_numbered_groups);
  return g_steal_pointer (&result);
}

/* GKeyFile merges repeated headers silently: refuse them. */
static gboolean
check_repeated_groups (Loader  *self,
                       GError **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < self->raw_groups->len; i++)
    {
      RawGroup *raw = g_ptr_array_index (self->raw_groups, i);
      gpointer first;

      if (g_hash_table_lookup_extended (seen, raw->name, NULL, &first))
        {
          RawGroup *first_raw = first;

          if (g_str_has_prefix (raw->name, PREFIX_TARIFF))
            g_set_error (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_DUPLICATE,
                         _("%s:%d: [%s]: another tariff period already starts on this date (line %d)"),
                         self->name, raw->line, raw->name, first_raw->line);
          else
            g_set_error (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_DUPLICATE,
                         _("%s:%d: [%s]: this group already appears on line %d"),
                         self->name, raw->line, raw->name, first_raw->line);
          return FALSE;
        }
      g_hash_table_insert (seen, raw->name, raw);
    }

  return TRUE;
}

static gboolean
is_saved_group (const char *group)
{
  return g_str_equal (group, GROUP_DOCUMENT)
         || g_str_equal (group, GROUP_CONTRACT)
         || g_str_equal (group, GROUP_IMPUTATION)
         || g_str_has_prefix (group, PREFIX_TARIFF)
         || g_str_has_prefix (group, PREFIX_SCHOOL)
         || g_str_has_prefix (group, PREFIX_SCENARIO);
}

/* Empties what ent_document_new() may have put in a new document. */
static void
clear_document (EntDocument *document)
{
  EntTariffSchedule *tariffs = ent_document_get_tariffs (document);
  GListModel *schools = ent_document_get_schools (document);

  while (g_list_model_get_n_items (G_LIST_MODEL (tariffs)) > 0)
    {
      g_autoptr(EntTariffPeriod) period = g_list_model_get_item (G_LIST_MODEL (tariffs), 0);

      ent_tariff_schedule_remove (tariffs, period);
    }

  while (g_list_model_get_n_items (schools) > 0)
    {
      g_autoptr(EntSchool) school = g_list_model_get_item (schools, 0);

      ent_document_remove_school (document, school);
    }
}

static gboolean
check_text (Loader      *self,
            const char  *text,
            gsize        length,
            GError     **error)
{
  const char *nul;
  const char *invalid = NULL;
  gsize i;

  if (length > MAX_DOCUMENT_SIZE)
    return g_set_error (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_OUT_OF_RANGE,
                        _("%s: the file is larger than %d MiB: this is not a Budget ENT document"),
                        self->name, MAX_DOCUMENT_SIZE / (1024 * 1024)), FALSE;

  for (i = 0; i < length && g_ascii_isspace (text[i]); i++)
    ;
  if (i == length)
    return g_set_error (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_PARSE,
                        _("%s: the file is empty"), self->name), FALSE;

  nul = memchr (text, '\0', length);
  if (nul != NULL)
    return g_set_error (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_PARSE,
                        _("%s:%d: the file holds binary data (a NUL byte): this is not a Budget ENT document"),
                        self->name, line_at (text, nul - text)), FALSE;

  if (!g_utf8_validate_len (text, length, &invalid))
    return g_set_error (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_PARSE,
                        _("%s:%d: the file is not valid UTF-8 text"),
                        self->name, line_at (text, invalid - text)), FALSE;

  return TRUE;
}

/* A name for messages: the file's display name. */
static char *
dup_display_name (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  if (basename == NULL || g_str_equal (basename, "/"))
    return g_file_get_parse_name (file);

  return g_filename_display_name (basename);
}

/* Reads at most MAX_DOCUMENT_SIZE + 1 bytes, so a huge or endless file is refused early. */
static GBytes *
read_bounded (GFile       *file,
              const char  *name,
              GError     **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GByteArray) buffer = g_byte_array_new ();
  g_autoptr(GError) local_error = NULL;

  stream = g_file_read (file, NULL, &local_error);
  if (stream == NULL)
    goto fail;

  for (;;)
    {
      guint old_len = buffer->len;
      gssize n_read;

      g_byte_array_set_size (buffer, old_len + READ_CHUNK_SIZE);
      n_read = g_input_stream_read (G_INPUT_STREAM (stream), buffer->data + old_len,
                                    READ_CHUNK_SIZE, NULL, &local_error);
      if (n_read < 0)
        goto fail;
      g_byte_array_set_size (buffer, old_len + n_read);
      if (n_read == 0)
        break;
      if (buffer->len > MAX_DOCUMENT_SIZE)
        {
          g_set_error (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_OUT_OF_RANGE,
                       _("%s: the file is larger than %d MiB: this is not a Budget ENT document"),
                       name, MAX_DOCUMENT_SIZE / (1024 * 1024));
          return NULL;
        }
    }

  if (!g_input_stream_close (G_INPUT_STREAM (stream), NULL, &local_error))
    goto fail;

  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));

fail:
  /* Translators: file name, then the system's reason */
  g_set_error (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_IO,
               _("%s: could not read the file: %s"), name, local_error->message);
  return NULL;
}

/* Public API */

/**
 * ent_document_new_from_bytes:
 * @bytes: the content of a .entbudget file
 * @display_name: the file's name, for messages
 * @error: return location for a #GError in %ENT_MODEL_ERROR
 *
 * Returns: (transfer full) (nullable): the document, or %NULL on error
 */
EntDocument *
ent_document_new_from_bytes (GBytes      *bytes,
                             const char  *display_name,
                             GError     **error)
{
  g_auto(Loader) self = { 0, };
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GHashTable) tariff_dates = NULL;
  g_autoptr(GPtrArray) old_scenarios = NULL;
  g_autoptr(GArray) schools = NULL;
  g_autoptr(GArray) scenarios = NULL;
  g_autoptr(EntBudget) budget = NULL;
  g_auto(GStrv) groups = NULL;
  GListModel *scenario_model;
  const char *text;
  gsize length;
  guint n_tariffs = 0;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self.name = display_name != NULL ? display_name : "";
  text = g_bytes_get_data (bytes, &length);
  if (text == NULL)
    text = "";

  if (!check_text (&self, text, length, error))
    return NULL;

  /* A byte-order mark is tolerated */
  if (length >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0)
    {
      text += 3;
      length -= 3;
    }

  self.lines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self.raw_groups = g_ptr_array_new_with_free_func (raw_group_free);
  index_lines (&self, text, length);

  self.key_file = g_key_file_new ();
  if (!g_key_file_load_from_data (self.key_file, text, length, G_KEY_FILE_NONE, &local_error))
    {
      int line = find_bad_line (text, length);

      if (line > 0)
        g_set_error (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_PARSE,
                     _("%s:%d: not a Budget ENT document: %s"),
                     self.name, line, local_error->message);
      else
        g_set_error (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_PARSE,
                     _("%s: not a Budget ENT document: %s"),
                     self.name, local_error->message);
      return NULL;
    }

  self.document = ent_document_new ();
  clear_document (self.document);
  scenario_model = ent_document_get_scenarios (self.document);
  old_scenarios = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (scenario_model); i++)
    g_ptr_array_add (old_scenarios, g_list_model_get_item (scenario_model, i));

  if (!load_document_group (&self, error)
      || !load_contract_group (&self, error)
      || !check_repeated_groups (&self, error)
      || !load_imputation_group (&self, error))
    return NULL;

  groups = g_key_file_get_groups (self.key_file, NULL);

  /* Tariff periods, in file order */
  tariff_dates = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; groups[i] != NULL; i++)
    {
      if (!g_str_has_prefix (groups[i], PREFIX_TARIFF))
        continue;
      if (!load_tariff_group (&self, groups[i], tariff_dates, error))
        return NULL;
      n_tariffs++;
    }
  if (n_tariffs == 0)
    {
      g_set_error (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_MISSING,
                   _("%s: no tariff period: add a group such as [Tariff 2023-09-01]"),
                   self.name);
      return NULL;
    }

  /* Schools and scenarios, by number */
  schools = collect_numbered_groups (&self, groups, PREFIX_SCHOOL, error);
  if (schools == NULL)
    return NULL;
  scenarios = collect_numbered_groups (&self, groups, PREFIX_SCENARIO, error);
  if (scenarios == NULL)
    return NULL;

  for (guint i = 0; i < schools->len; i++)
    if (!load_school_group (&self, g_array_index (schools, NumberedGroup, i).group, i + 1, error))
      return NULL;

  if (scenarios->len == 0)
    {
      g_set_error (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_MISSING,
                   _("%s: no scenario: add a group such as [Scenario 1]"), self.name);
      return NULL;
    }
  for (guint i = 0; i < scenarios->len; i++)
    {
      g_autoptr(EntScenario) scenario = NULL;

      if (!load_scenario_group (&self, g_array_index (scenarios, NumberedGroup, i).group,
                                i + 1, &scenario, error))
        return NULL;
      ent_document_add_scenario (self.document, scenario);
    }
  for (guint i = 0; i < old_scenarios->len; i++)
    ent_document_remove_scenario (self.document, g_ptr_array_index (old_scenarios, i));

  /* Everything else is kept as it is */
  for (guint i = 0; groups[i] != NULL; i++)
    if (!is_saved_group (groups[i]))
      keep_unknown_group (&self, groups[i]);

  /* A date billed with no tariff in force, an amount that overflows… */
  budget = ent_budget_compute (self.document, &local_error);
  if (budget == NULL)
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", self.name);
      return NULL;
    }

  ent_document_set_modified (self.document, FALSE);
  return g_steal_pointer (&self.document);
}

/**
 * ent_document_new_from_file:
 * @file: a .entbudget file
 * @error: return location for a #GError in %ENT_MODEL_ERROR
 *
 * Returns: (transfer full) (nullable): the document, its "file" and
 *   "file-stamp" set and not modified, or %NULL on error
 */
EntDocument *
ent_document_new_from_file (GFile   *file,
                            GError **error)
{
  g_autofree char *name = NULL;
  g_autofree char *stamp = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(EntDocument) document = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* The stamp before the read (SPEC 10.3): a version written in between is
   * then one we did not stamp, and the next save asks. Taken after, it would
   * be stamped unread and silently overwritten. (NULL when the file cannot
   * be examined: the read tells why.) */
  stamp = ent_document_query_file_stamp (file, NULL, NULL);

  name = dup_display_name (file);
  bytes = read_bounded (file, name, error);
  if (bytes == NULL)
    return NULL;

  document = ent_document_new_from_bytes (bytes, name, error);
  if (document == NULL)
    return NULL;

  ent_document_set_file (document, file);
  ent_document_set_file_stamp (document, stamp);
  ent_document_set_modified (document, FALSE);
  return g_steal_pointer (&document);
}

/**
 * ent_document_to_data:
 * @self: a document
 * @out_length: (out) (optional): the length of the text
 *
 * Returns: (transfer full): the document as a .entbudget key file
 */
char *
ent_document_to_data (EntDocument *self,
                      gsize       *out_length)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  EntContract *contract;
  EntTariffSchedule *tariffs;
  GListModel *schools;
  GListModel *scenarios;
  GKeyFile *extras;
  g_auto(GStrv) extra_groups = NULL;
  g_autofree char *payment_start = NULL;
  static const char * const fields[3] = { "chapter", "nature", "function" };

  g_return_val_if_fail (ENT_IS_DOCUMENT (self), NULL);

  g_key_file_set_comment (key_file, NULL, NULL, " Budget ENT document", NULL);

  /* [Document] */
  g_key_file_set_integer (key_file, GROUP_DOCUMENT, "format-version", ENT_DOCUMENT_FORMAT_VERSION);
  g_key_file_set_string (key_file, GROUP_DOCUMENT, "title",
                         ent_document_get_title (self) ?: "");
  g_key_file_set_string (key_file, GROUP_DOCUMENT, "payer",
                         ent_document_get_payer (self) ?: "");
  g_key_file_set_string (key_file, GROUP_DOCUMENT, "payer-kind",
                         ent_payer_kind_to_string (ent_document_get_payer_kind (self)));
  g_key_file_set_string (key_file, GROUP_DOCUMENT, "insee",
                         ent_document_get_insee (self) ?: "");

  /* [Contract] */
  contract = ent_document_get_contract (self);
  payment_start = format_date (ent_contract_get_payment_start (contract));
  g_key_file_set_integer (key_file, GROUP_CONTRACT, "first-school-year",
                          ent_contract_get_first_school_year (contract));
  g_key_file_set_integer (key_file, GROUP_CONTRACT, "school-years",
                          ent_contract_get_school_years (contract));
  g_key_file_set_value (key_file, GROUP_CONTRACT, "payment-start", payment_start);
  g_key_file_set_value (key_file, GROUP_CONTRACT, "billing",
                        ent_billing_to_string (ent_contract_get_billing (contract)));

  /* [Tariff DATE], sorted by date */
  tariffs = ent_document_get_tariffs (self);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (tariffs)); i++)
    {
      g_autoptr(EntTariffPeriod) period = g_list_model_get_item (G_LIST_MODEL (tariffs), i);
      g_autofree char *date = format_date (ent_tariff_period_get_valid_from (period));
      g_autofree char *group = g_strconcat (PREFIX_TARIFF, date, NULL);
      g_autofree char *base = ent_money_to_plain (ent_tariff_period_get_base_per_pupil (period));
      g_autofree char *optional = ent_money_to_plain (ent_tariff_period_get_optional_per_pupil (period));
      g_autofree char *half_day = ent_money_to_plain (ent_tariff_period_get_half_day (period));

      g_key_file_set_value (key_file, group, "base-per-pupil", base);
      g_key_file_set_value (key_file, group, "optional-per-pupil", optional);
      g_key_file_set_value (key_file, group, "half-day", half_day);
      g_key_file_set_string (key_file, group, "reference",
                             ent_tariff_period_get_reference (period) ?: "");
    }

  /* [Imputation] */
  for (guint line = 0; line < ENT_N_LINES; line++)
    {
      const char *values[3] = {
        ent_document_get_chapter (self, line),
        ent_document_get_nature (self, line),
        ent_document_get_function (self, line),
      };

      for (guint f = 0; f < 3; f++)
        {
          g_autofree char *key = g_strconcat (imputation_prefixes[line], fields[f], NULL);

          g_key_file_set_string (key_file, GROUP_IMPUTATION, key, values[f] ?: "");
        }
    }

  /* [School N] */
  schools = ent_document_get_schools (self);
  for (guint i = 0; i < g_list_model_get_n_items (schools); i++)
    {
      g_autoptr(EntSchool) school = g_list_model_get_item (schools, i);
      g_autofree char *group = g_strdup_printf (PREFIX_SCHOOL "%u", i + 1);
      GString *pupils = g_string_new (NULL);
      g_autofree char *pupils_text = NULL;

      for (guint k = 0; k < ent_school_get_n_known (school); k++)
        {
          int year;
          gint64 count;

          ent_school_get_nth_known (school, k, &year, &count);
          g_string_append_printf (pupils, "%s%d:%" G_GINT64_FORMAT,
                                  k > 0 ? ";" : "", year, count);
        }
      pupils_text = g_string_free (pupils, FALSE);

      g_key_file_set_string (key_file, group, "name", ent_school_get_name (school) ?: "");
      g_key_file_set_string (key_file, group, "commune", ent_school_get_commune (school) ?: "");
      g_key_file_set_string (key_file, group, "insee", ent_school_get_commune_insee (school) ?: "");
      g_key_file_set_string (key_file, group, "uai", ent_school_get_uai (school) ?: "");
      g_key_file_set_value (key_file, group, "pupils", pupils_text);
    }

  /* [Scenario N] */
  scenarios = ent_document_get_scenarios (self);
  for (guint i = 0; i < g_list_model_get_n_items (scenarios); i++)
    {
      g_autoptr(EntScenario) scenario = g_list_model_get_item (scenarios, i);
      g_autofree char *group = g_strdup_printf (PREFIX_SCENARIO "%u", i + 1);
      g_autofree char *rate = ent_percent_to_plain (ent_scenario_get_projection_rate (scenario));
      g_autofree char *increase = ent_percent_to_plain (ent_scenario_get_tariff_increase (scenario));
      g_autofree char *optional_text = NULL;
      g_autofree char *half_days_text = NULL;
      GString *half_days = g_string_new (NULL);

      if (ent_scenario_get_optional_all (scenario))
        {
          optional_text = g_strdup ("true");
        }
      else
        {
          guint n_years = 0;
          const int *years = ent_scenario_get_optional_years (scenario, &n_years);
          GString *optional = g_string_new (NULL);

          for (guint k = 0; k < n_years; k++)
            g_string_append_printf (optional, "%s%d", k > 0 ? ";" : "", years[k]);
          if (n_years == 0)
            g_string_append (optional, "false");
          optional_text = g_string_free (optional, FALSE);
        }

      for (guint k = 0; k < ent_scenario_get_n_half_days (scenario); k++)
        {
          int year;
          gint64 count;

          ent_scenario_get_nth_half_days (scenario, k, &year, &count);
          g_string_append_printf (half_days, "%s%d:%" G_GINT64_FORMAT,
                                  k > 0 ? ";" : "", year, count);
        }
      half_days_text = g_string_free (half_days, FALSE);

      g_key_file_set_string (key_file, group, "name", ent_scenario_get_name (scenario) ?: "");
      g_key_file_set_value (key_file, group, "optional-support", optional_text);
      g_key_file_set_value (key_file, group, "half-days", half_days_text);
      g_key_file_set_value (key_file, group, "projection",
                            ent_projection_to_string (ent_scenario_get_projection (scenario)));
      g_key_file_set_value (key_file, group, "projection-rate", rate);
      g_key_file_set_value (key_file, group, "tariff-increase", increase);
    }

  /* Unknown groups and keys met on load. Keys of a saved group that no longer
   * exists (a school removed since) are dropped with it. */
  extras = ent_document_get_extras (self);
  extra_groups = g_key_file_get_groups (extras, NULL);
  for (guint i = 0; extra_groups[i] != NULL; i++)
    {
      const char *group = extra_groups[i];
      g_auto(GStrv) keys = NULL;

      if (is_saved_group (group) && !g_key_file_has_group (key_file, group))
        continue;

      keys = g_key_file_get_keys (extras, group, NULL, NULL);
      if (keys == NULL || keys[0] == NULL)
        {
          add_empty_group (key_file, group);
          continue;
        }

      for (guint k = 0; keys[k] != NULL; k++)
        {
          g_autofree char *value = NULL;

          if (g_key_file_has_key (key_file, group, keys[k], NULL))
            continue;
          value = g_key_file_get_value (extras, group, keys[k], NULL);
          g_key_file_set_value (key_file, group, keys[k], value != NULL ? value : "");
        }
    }

  return g_key_file_to_data (key_file, out_length, NULL);
}

/**
 * ent_document_save:
 * @self: a document
 * @file: where to save
 * @error: return location for a #GError in %ENT_MODEL_ERROR
 *
 * Writes the document through ent-safe-file (SPEC 10.1–10.3): a temporary
 * file next to @file, synced and renamed into place, the previous @file kept
 * as FILE~. On failure @file and FILE~ are untouched and nothing is left
 * behind. On success the document's "file" is @file, its "file-stamp" that
 * of the file just written, and it is no longer modified.
 *
 * It never asks: whoever saves over the document's own file checks
 * ent_document_check_file_change() first.
 *
 * Returns: %TRUE on success
 */
gboolean
ent_document_save (EntDocument  *self,
                   GFile        *file,
                   GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *path = NULL;
  g_autofree char *stamp = NULL;
  gsize length = 0;

  g_return_val_if_fail (ENT_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Local files only: every folder a desktop shows (and the Flatpak
   * document portal) has a local path. */
  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *name = dup_display_name (file);

      g_set_error (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_IO,
                   _("%s: could not save the document: only files on this computer can be saved"),
                   name);
      return FALSE;
    }

  data = ent_document_to_data (self, &length);
  if (!ent_safe_file_set_contents (path, data, length, ENT_SAFE_FILE_BACKUP, &local_error))
    {
      g_set_error_literal (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_IO, local_error->message);
      return FALSE;
    }

  /* The stamp of what we wrote, right after the rename: the new inode, its
   * time and size. (NULL only if it is already gone again, by a race: then
   * nothing is known, as for a document never loaded.) */
  stamp = ent_document_query_file_stamp (file, NULL, NULL);
  ent_document_set_file (self, file);
  ent_document_set_file_stamp (self, stamp);
  ent_document_set_modified (self, FALSE);
  return TRUE;
}
