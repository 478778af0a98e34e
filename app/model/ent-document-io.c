/* ent-document-io.c: loading and saving .entbudget key files (SPEC section 6)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GKeyFile does not report line numbers, so the text is indexed once before it
 * is parsed: every group header and every "key=" line gets its line number, and
 * every error names the file, the line, the group and the key.
 *
 * Loading checks each value against the rules of ent-validate.h and never
 * runs the engine: a document the window saved always opens, and a budget
 * that cannot be computed is the window's and the command line's to report
 * (SPEC 10.4). Loading is linear in the size of the file: every lookup is a
 * hash lookup and the schools are added at once (SPEC 10.6).
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <inttypes.h>

#include "ent-budget.h"
#include "ent-document-private.h"
#include "ent-money.h"
#include "ent-safe-file.h"
#include "ent-validate.h"

#define READ_CHUNK_SIZE   (64 * 1024)
/* A value, a key or a group quoted in a message is cut after this many characters. */
#define QUOTE_MAX_CHARS   60

#define GROUP_DOCUMENT    "Document"
#define GROUP_CONTRACT    "Contract"
#define GROUP_IMPUTATION  "Imputation"
#define PREFIX_TARIFF     "Tariff "
#define PREFIX_SCHOOL     "School "
#define PREFIX_SCENARIO   "Scenario "

static const char * const document_keys[] = {
  "format-version", "title", "payer", "payer-kind", "insee", "scenario", NULL
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
  "name", "commune", "insee", "uai", "pupils", "pupils-source", "opens", "closes", NULL
};
static const char * const scenario_keys[] = {
  "name", "optional-support", "half-days", "projection", "projection-rate",
  "tariff-increase", NULL
};

/* Key-file prefixes of the imputation keys, indexed by EntLineKind. */
static const char * const imputation_prefixes[ENT_N_LINES] = { "", "optional-", "specific-" };

/* A group header of the text, pointing into it. */
typedef struct
{
  const char *name;          /* not NUL-terminated */
  gsize       name_length;
  int         line;
  gsize       body;          /* offset of the line after the header */
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
  const char  *text;         /* what is parsed, byte-order mark removed */
  gsize        length;
  GKeyFile    *key_file;
  GArray      *raw_groups;   /* RawGroup, every header in file order, repeats included */
  GHashTable  *groups;       /* group name (GKeyFile's) → RawGroup * */
  GHashTable  *lines;        /* "group\nkey" → first line; built when first needed */
  EntDocument *document;
  gint64       scenario;     /* [Document] scenario: the current one, from 1; 0 when absent */
} Loader;

static void
loader_clear (Loader *self)
{
  g_clear_pointer (&self->key_file, g_key_file_unref);
  g_clear_pointer (&self->raw_groups, g_array_unref);
  g_clear_pointer (&self->groups, g_hash_table_unref);
  g_clear_pointer (&self->lines, g_hash_table_unref);
  g_clear_object (&self->document);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Loader, loader_clear)

/* Helpers: lines */

typedef struct
{
  const char *p;       /* the next line */
  const char *end;
  const char *s;       /* the current line, blanks around removed: [s, e) */
  const char *e;
  int         line;    /* its number, from 1 */
} LineIter;

static void
line_iter_init (LineIter   *iter,
                const char *text,
                gsize       length,
                int         first_line)
{
  iter->p = text;
  iter->end = text + length;
  iter->s = iter->e = NULL;
  iter->line = first_line - 1;
}

static gboolean
line_iter_next (LineIter *iter)
{
  const char *eol;

  if (iter->p >= iter->end)
    return FALSE;

  eol = memchr (iter->p, '\n', iter->end - iter->p);
  if (eol == NULL)
    eol = iter->end;
  iter->s = iter->p;
  iter->e = eol;
  while (iter->s < iter->e && g_ascii_isspace (*iter->s))
    iter->s++;
  while (iter->e > iter->s && g_ascii_isspace (iter->e[-1]))
    iter->e--;
  iter->line++;
  /* past the newline, or at the end when the last line has none (never
   * beyond it: a group header on the last line gives an empty body) */
  iter->p = eol < iter->end ? eol + 1 : iter->end;
  return TRUE;
}

/* For a "[name]" line, the name as GKeyFile takes it: up to the last "]". */
static gboolean
line_iter_get_group (LineIter    *iter,
                     const char **out_name,
                     gsize       *out_length)
{
  const char *close;

  if (iter->s == iter->e || *iter->s != '[')
    return FALSE;
  for (close = iter->e - 1; close > iter->s && *close != ']'; close--)
    ;
  if (close == iter->s)
    return FALSE;
  *out_name = iter->s + 1;
  *out_length = close - iter->s - 1;
  return TRUE;
}

/* For a "key = value" line, the key as GKeyFile takes it (blanks removed). */
static gboolean
line_iter_get_key (LineIter    *iter,
                   const char **out_key,
                   gsize       *out_length)
{
  const char *eq;
  const char *key_end;

  if (iter->s == iter->e || *iter->s == '#' || *iter->s == '[')
    return FALSE;
  eq = memchr (iter->s, '=', iter->e - iter->s);
  if (eq == NULL)
    return FALSE;
  for (key_end = eq; key_end > iter->s && g_ascii_isspace (key_end[-1]); key_end--)
    ;
  *out_key = iter->s;
  *out_length = key_end - iter->s;
  return TRUE;
}

/* One pass that allocates nothing per line: the group headers. */
static void
scan_groups (Loader *self)
{
  LineIter iter;

  line_iter_init (&iter, self->text, self->length, 1);
  while (line_iter_next (&iter))
    {
      RawGroup raw = { 0, };

      if (line_iter_get_group (&iter, &raw.name, &raw.name_length))
        {
          raw.line = iter.line;
          raw.body = iter.p - self->text;
          g_array_append_val (self->raw_groups, raw);
        }
    }
}

/* The line of every key, first occurrence: only built for a message (an
 * error, a warning), so a clean file costs no allocation per line. */
static void
ensure_key_lines (Loader *self)
{
  if (self->lines != NULL)
    return;

  self->lines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < self->raw_groups->len; i++)
    {
      RawGroup *raw = &g_array_index (self->raw_groups, RawGroup, i);
      g_autofree char *group = g_strndup (raw->name, raw->name_length);
      LineIter iter;

      line_iter_init (&iter, self->text + raw->body, self->length - raw->body, raw->line + 1);
      while (line_iter_next (&iter))
        {
          const char *key;
          gsize key_length;

          if (iter.s < iter.e && *iter.s == '[')
            break;
          if (line_iter_get_key (&iter, &key, &key_length))
            {
              char *line_key = g_strdup_printf ("%s\n%.*s", group, (int) key_length, key);

              if (g_hash_table_contains (self->lines, line_key))
                g_free (line_key);
              else
                g_hash_table_insert (self->lines, line_key, GINT_TO_POINTER (iter.line));
            }
        }
    }
}

/* The line of @key in @group, else of the group header, else 0. */
static int
lookup_line (Loader     *self,
             const char *group,
             const char *key)
{
  RawGroup *raw = self->groups != NULL ? g_hash_table_lookup (self->groups, group) : NULL;

  if (key != NULL)
    {
      g_autofree char *line_key = g_strconcat (group, "\n", key, NULL);
      gpointer value;

      ensure_key_lines (self);
      if (g_hash_table_lookup_extended (self->lines, line_key, NULL, &value))
        return GPOINTER_TO_INT (value);
    }
  return raw != NULL ? raw->line : 0;
}

/* What GKeyFile takes for a group name: no "[", "]" nor control character. */
static gboolean
is_group_name (const char *s,
               const char *e)
{
  if (s == e)
    return FALSE;
  for (const char *p = s; p < e; p++)
    if (*p == '[' || *p == ']' || g_ascii_iscntrl (*p))
      return FALSE;
  return TRUE;
}

/* What GKeyFile takes for a key: a name without "=", "[" nor "]",
 * optionally followed by a locale in brackets ("name[fr_FR.UTF-8@euro]"). */
static gboolean
is_key_name (const char *s,
             const char *e)
{
  const char *p = s;

  while (p < e && *p != '=' && *p != '[' && *p != ']')
    p++;
  if (p == s)
    return FALSE;
  if (p < e && *p == '[')
    {
      for (p++; p < e && (g_ascii_isalnum (*p) || (guchar) *p >= 0x80 ||
                          *p == '-' || *p == '_' || *p == '.' || *p == '@'); p++)
        ;
      if (p == e || *p != ']')
        return FALSE;
      p++;
    }
  return p == e;
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
              if (e[-1] != ']' || e - s < 3 || !is_group_name (s + 1, e - 1))
                return line;
              in_group = TRUE;
            }
          else
            {
              const char *eq = memchr (s, '=', e - s);
              const char *key_end = eq;

              if (!in_group || eq == NULL)
                return line;
              while (key_end > s && g_ascii_isspace (key_end[-1]))
                key_end--;
              if (!is_key_name (s, key_end))
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

/* @text cut after @max_chars characters, so that a message quoting a value,
 * a key or a group of an enormous line stays readable. */
static char *
dup_excerpt_n (const char *text,
               guint       max_chars)
{
  const char *p = text;

  if (text == NULL)
    return g_strdup ("");

  for (guint n = 0; n < max_chars; n++)
    {
      if (*p == '\0')
        return g_strdup (text);
      p = g_utf8_next_char (p);
    }
  if (*p == '\0')
    return g_strdup (text);

  {
    g_autofree char *head = g_strndup (text, p - text);

    return g_strconcat (head, "…", NULL);
  }
}

static char *
dup_excerpt (const char *text)
{
  return dup_excerpt_n (text, QUOTE_MAX_CHARS);
}

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
  g_autofree char *group_text = dup_excerpt (group);
  g_autofree char *key_text = dup_excerpt (key);
  va_list args;
  int line;

  va_start (args, format);
  detail = g_strdup_vprintf (format, args);
  va_end (args);

  line = lookup_line (self, group, key);

  if (key != NULL)
    /* Translators: file name, line number, [group] key: what is wrong */
    g_set_error (error, ENT_MODEL_ERROR, code, _("%s:%d: [%s] %s: %s"),
                 self->name, line, group_text, key_text, detail);
  else
    /* Translators: file name, line number, [group]: what is wrong */
    g_set_error (error, ENT_MODEL_ERROR, code, _("%s:%d: [%s]: %s"),
                 self->name, line, group_text, detail);

  return FALSE;
}

/* The reason a rule of ent-validate.h gave, placed at @group and @key. */
static gboolean
fail_rule (Loader      *self,
           GError     **error,
           const char  *group,
           const char  *key,
           GError      *reason)
{
  return fail_key (self, error, reason->code, group, key, "%s", reason->message);
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

/* Free text (codes, lists): *out_value is NULL when the key is absent.
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

/* A name or a label (SPEC 10.5): text that ent_validate_name () accepts. */
static gboolean
read_name (Loader      *self,
           const char  *group,
           const char  *key,
           char       **out_value,
           GError     **error)
{
  g_autoptr(GError) reason = NULL;

  if (!read_text (self, group, key, out_value, error))
    return FALSE;
  if (*out_value != NULL && !ent_validate_name (*out_value, &reason))
    {
      g_clear_pointer (out_value, g_free);
      return fail_rule (self, error, group, key, reason);
    }
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

typedef gboolean (*IntegerRule) (gint64   value,
                                 GError **error);

/* Reads @text (integer syntax, checked before) into *@out; FALSE when it
 * does not fit in 64 bits. */
static gboolean
parse_whole (const char *text,
             gint64     *out)
{
  return g_ascii_string_to_signed (text, 10, G_MININT64, G_MAXINT64, out, NULL);
}

/* "2023", "-5": optional sign and digits only. */
static gboolean
is_integer_syntax (const char *text)
{
  const char *p = text;

  if (*p == '-' || *p == '+')
    p++;
  if (!g_ascii_isdigit (*p))
    return FALSE;
  while (g_ascii_isdigit (*p))
    p++;
  return *p == '\0';
}

/* A whole number that @rule accepts. One too large for 64 bits is out of
 * range, not "not a number". */
static gboolean
parse_integer (Loader      *self,
               const char  *group,
               const char  *key,
               const char  *text,
               IntegerRule  rule,
               gint64      *out,
               GError     **error)
{
  g_autoptr(GError) reason = NULL;
  g_autofree char *quoted = dup_excerpt (text);
  gint64 value;

  if (!is_integer_syntax (text))
    return fail_key (self, error, ENT_MODEL_ERROR_INVALID_VALUE, group, key,
                     _("“%s” is not a whole number"), quoted);
  if (!parse_whole (text, &value))
    /* Translators: a number too large to be held, quoted */
    return fail_key (self, error, ENT_MODEL_ERROR_OUT_OF_RANGE, group, key,
                     _("“%s” is far too large"), quoted);
  if (!rule (value, &reason))
    return fail_rule (self, error, group, key, reason);

  *out = value;
  return TRUE;
}

static gboolean
read_integer (Loader      *self,
              const char  *group,
              const char  *key,
              IntegerRule  rule,
              gint64      *out,
              GError     **error)
{
  g_autofree char *text = NULL;

  if (!read_required_string (self, group, key, &text, error))
    return FALSE;

  return parse_integer (self, group, key, text, rule, out, error);
}

/* Digits, then at most one decimal part: an amount or a percentage, however large. */
static gboolean
is_decimal_syntax (const char *text)
{
  const char *p = text;

  if (*p == '-' || *p == '+')
    p++;
  if (!g_ascii_isdigit (*p))
    return FALSE;
  while (g_ascii_isdigit (*p))
    p++;
  if (*p == '.' || *p == ',')
    for (p++; g_ascii_isdigit (*p); p++)
      ;
  return *p == '\0';
}

/* A tariff amount in cents ("." or "," as separator, at most two decimals)
 * that ent_validate_tariff_amount () accepts. */
static gboolean
read_amount (Loader      *self,
             const char  *group,
             const char  *key,
             gboolean     required,
             gint64      *out,
             GError     **error)
{
  g_autoptr(GError) reason = NULL;
  g_autofree char *text = NULL;
  g_autofree char *quoted = NULL;
  gint64 cents;

  if (!read_string (self, group, key, &text, error))
    return FALSE;
  if (text == NULL)
    return required ? fail_missing_key (self, error, group, key) : TRUE;

  quoted = dup_excerpt (text);
  if (!ent_money_parse (text, &cents, NULL))
    {
      const char *dot = strpbrk (text, ".,");

      /* Digits beyond what 64 bits hold, with at most two decimals */
      if (is_decimal_syntax (text) && (dot == NULL || strlen (dot + 1) <= 2))
        return fail_key (self, error, ENT_MODEL_ERROR_OUT_OF_RANGE, group, key,
                         _("“%s” is far too large"), quoted);
      return fail_key (self, error, ENT_MODEL_ERROR_INVALID_VALUE, group, key,
                       _("“%s” is not an amount (at most two decimals, “.” or “,” as separator)"),
                       quoted);
    }
  if (!ent_validate_tariff_amount (cents, &reason))
    return fail_rule (self, error, group, key, reason);

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
  g_autofree char *quoted = NULL;
  g_autofree char *min_text = NULL;
  g_autofree char *max_text = NULL;
  gint64 bp;

  if (!read_string (self, group, key, &text, error))
    return FALSE;
  if (text == NULL || *text == '\0')
    return TRUE;

  quoted = dup_excerpt (text);
  min_text = ent_percent_to_plain (min_bp);
  max_text = ent_percent_to_plain (max_bp);
  if (!ent_percent_parse (text, &bp, NULL))
    {
      const char *dot = strpbrk (text, ".,");

      if (!is_decimal_syntax (text) || (dot != NULL && strlen (dot + 1) > 2))
        return fail_key (self, error, ENT_MODEL_ERROR_INVALID_VALUE, group, key,
                         _("“%s” is not a percentage (at most two decimals, “.” or “,” as separator)"),
                         quoted);
      /* digits beyond what 64 bits hold */
      bp = text[0] == '-' ? G_MININT64 : G_MAXINT64;
    }

  if (bp < min_bp || bp > max_bp)
    return fail_key (self, error, ENT_MODEL_ERROR_OUT_OF_RANGE, group, key,
                     _("%s %% is not between %s %% and %s %%"),
                     quoted, min_text, max_text);

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

  parts = g_strsplit (text, "-", 4);
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

/* A date within the bounds of ent_validate_date (). */
static gboolean
read_date (Loader      *self,
           const char  *group,
           const char  *key,
           GDate       *out_date,
           GError     **error)
{
  g_autoptr(GError) reason = NULL;
  g_autofree char *text = NULL;

  if (!read_required_string (self, group, key, &text, error))
    return FALSE;

  if (!parse_date (text, out_date))
    {
      g_autofree char *quoted = dup_excerpt (text);

      return fail_key (self, error, ENT_MODEL_ERROR_INVALID_VALUE, group, key,
                       _("“%s” is not a date (YYYY-MM-DD)"), quoted);
    }
  if (!ent_validate_date (out_date, &reason))
    return fail_rule (self, error, group, key, reason);

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

/* One "YEAR:COUNT" item of a list: a year @year_rule accepts, a count
 * @count_rule accepts. */
static gboolean
parse_year_count (Loader       *self,
                  const char   *group,
                  const char   *key,
                  const char   *item,
                  IntegerRule   year_rule,
                  IntegerRule   count_rule,
                  int          *out_year,
                  gint64       *out_count,
                  GError      **error)
{
  const char *colon = strchr (item, ':');
  g_autoptr(GError) reason = NULL;
  g_autofree char *year_text = NULL;
  g_autofree char *count_text = NULL;
  g_autofree char *quoted_item = dup_excerpt (item);
  gint64 year, count;

  if (colon == NULL)
    return fail_key (self, error, ENT_MODEL_ERROR_INVALID_VALUE, group, key,
                     _("“%s” is not YEAR:COUNT"), quoted_item);

  year_text = g_strstrip (g_strndup (item, colon - item));
  count_text = g_strstrip (g_strdup (colon + 1));

  if (!is_integer_syntax (year_text))
    {
      g_autofree char *quoted = dup_excerpt (year_text);

      return fail_key (self, error, ENT_MODEL_ERROR_INVALID_VALUE, group, key,
                       _("“%s” is not a year in “%s”"), quoted, quoted_item);
    }
  if (!parse_whole (year_text, &year))
    {
      g_autofree char *quoted = dup_excerpt (year_text);

      return fail_key (self, error, ENT_MODEL_ERROR_OUT_OF_RANGE, group, key,
                       _("“%s” is far too large in “%s”"), quoted, quoted_item);
    }
  if (!year_rule (year, &reason))
    return fail_key (self, error, reason->code, group, key,
                     /* Translators: the reason, then the item of the list, "2023:1209" */
                     _("%s in “%s”"), reason->message, quoted_item);

  if (!is_integer_syntax (count_text))
    {
      g_autofree char *quoted = dup_excerpt (count_text);

      return fail_key (self, error, ENT_MODEL_ERROR_INVALID_VALUE, group, key,
                       _("“%s” is not a whole number in “%s”"), quoted, quoted_item);
    }
  if (!parse_whole (count_text, &count))
    {
      g_autofree char *quoted = dup_excerpt (count_text);

      return fail_key (self, error, ENT_MODEL_ERROR_OUT_OF_RANGE, group, key,
                       _("“%s” is far too large in “%s”"), quoted, quoted_item);
    }
  if (!count_rule (count, &reason))
    return fail_key (self, error, reason->code, group, key,
                     _("%s in “%s”"), reason->message, quoted_item);

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

/* GKeyFile lists a key written twice twice (and reads the last value). A
 * group has a few keys: compare them pairwise, unless there are many. */
static gboolean
has_repeated_key (char  **keys,
                  gsize   n_keys)
{
  g_autoptr(GHashTable) seen = NULL;

  if (n_keys <= 32)
    {
      for (gsize i = 1; i < n_keys; i++)
        for (gsize j = 0; j < i; j++)
          if (g_str_equal (keys[i], keys[j]))
            return TRUE;
      return FALSE;
    }

  seen = g_hash_table_new (g_str_hash, g_str_equal);
  for (gsize i = 0; i < n_keys; i++)
    if (!g_hash_table_add (seen, keys[i]))
      return TRUE;
  return FALSE;
}

/* The keys of @group; fails when one is written twice (GKeyFile keeps the
 * last value silently), naming the first repeat. Called before any value of
 * the group is read. */
static GStrv
dup_group_keys (Loader      *self,
                const char  *group,
                GError     **error)
{
  g_auto(GStrv) keys = NULL;
  g_autoptr(GHashTable) seen = NULL;
  g_autofree char *quoted_group = NULL;
  RawGroup *raw = g_hash_table_lookup (self->groups, group);
  gsize n_keys = 0;
  LineIter iter;

  keys = g_key_file_get_keys (self->key_file, group, &n_keys, NULL);
  if (keys == NULL)
    keys = g_new0 (char *, 1);
  if (raw == NULL || !has_repeated_key (keys, n_keys))
    return g_steal_pointer (&keys);

  /* Find the first one met twice, and where */
  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  quoted_group = dup_excerpt (group);
  line_iter_init (&iter, self->text + raw->body, self->length - raw->body, raw->line + 1);
  while (line_iter_next (&iter))
    {
      const char *key;
      gsize key_length;
      gpointer first_line;
      char *name;

      if (iter.s < iter.e && *iter.s == '[')
        break;
      if (!line_iter_get_key (&iter, &key, &key_length))
        continue;
      name = g_strndup (key, key_length);
      if (g_hash_table_lookup_extended (seen, name, NULL, &first_line))
        {
          g_autofree char *quoted_key = dup_excerpt (name);

          /* Translators: file name, line, [group] key, then the line of the first one */
          g_set_error (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_DUPLICATE,
                       _("%s:%d: [%s] %s: this key already appears on line %d"),
                       self->name, iter.line, quoted_group, quoted_key,
                       GPOINTER_TO_INT (first_line));
          g_free (name);
          return NULL;
        }
      g_hash_table_insert (seen, name, GINT_TO_POINTER (iter.line));
    }

  g_return_val_if_reached (g_steal_pointer (&keys));
}

/* @keys of @group that the format does not know, localized ones ("name[fr]")
 * included: kept, with a warning each. */
static void
keep_unknown_keys (Loader             *self,
                   const char         *group,
                   const char         *saved_group,
                   char              **keys,
                   const char * const *known)
{
  GKeyFile *extras = ent_document_get_extras (self->document);

  for (guint i = 0; keys[i] != NULL; i++)
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

static gboolean
keep_unknown_group (Loader      *self,
                    const char  *group,
                    GError     **error)
{
  g_auto(GStrv) keys = dup_group_keys (self, group, error);
  GKeyFile *extras = ent_document_get_extras (self->document);
  g_autofree char *warning = NULL;

  if (keys == NULL)
    return FALSE;

  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autofree char *value = g_key_file_get_value (self->key_file, group, keys[i], NULL);

      g_key_file_set_value (extras, group, keys[i], value != NULL ? value : "");
    }

  /* An empty group is kept too */
  if (keys[0] == NULL)
    add_empty_group (extras, group);

  /* Translators: file name, line, [group] */
  warning = g_strdup_printf (_("%s:%d: [%s]: unknown group, kept as it is"),
                             self->name, lookup_line (self, group, NULL), group);
  ent_document_add_load_warning (self->document, warning);
  return TRUE;
}

/* Helpers: the groups */

static gboolean
load_document_group (Loader  *self,
                     GError **error)
{
  const char *group = GROUP_DOCUMENT;
  g_autoptr(GError) reason = NULL;
  g_autofree char *version_text = NULL;
  g_autofree char *title = NULL;
  g_autofree char *payer = NULL;
  g_autofree char *kind_text = NULL;
  g_autofree char *insee = NULL;
  g_autofree char *scenario_text = NULL;
  g_auto(GStrv) keys = NULL;
  gint64 version;

  if (!g_key_file_has_group (self->key_file, group))
    return g_set_error (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_MISSING,
                        /* Translators: file name, then a group name */
                        _("%s: the [%s] group is missing: this is not a Budget ENT document"),
                        self->name, group), FALSE;
  if ((keys = dup_group_keys (self, group, error)) == NULL)
    return FALSE;

  if (!read_required_string (self, group, "format-version", &version_text, error))
    return FALSE;
  if (!is_integer_syntax (version_text))
    {
      g_autofree char *quoted = dup_excerpt (version_text);

      return fail_key (self, error, ENT_MODEL_ERROR_INVALID_VALUE, group, "format-version",
                       _("“%s” is not a version number"), quoted);
    }
  if (!parse_whole (version_text, &version))
    version = version_text[0] == '-' ? G_MININT64 : G_MAXINT64;
  if (version < 1)
    return fail_key (self, error, ENT_MODEL_ERROR_OUT_OF_RANGE, group, "format-version",
                     _("%" PRId64 " is not a version number"), version);
  if (version > ENT_DOCUMENT_FORMAT_VERSION)
    {
      g_autofree char *quoted = dup_excerpt (version_text);

      return fail_key (self, error, ENT_MODEL_ERROR_VERSION, group, "format-version",
                       _("the document was written in format %s by a newer version of "
                         "ENT Budget, which reads formats up to %d: please update the application"),
                       quoted, ENT_DOCUMENT_FORMAT_VERSION);
    }

  if (!read_name (self, group, "title", &title, error)
      || !read_name (self, group, "payer", &payer, error)
      || !read_string (self, group, "payer-kind", &kind_text, error)
      || !read_text (self, group, "insee", &insee, error)
      || !read_string (self, group, "scenario", &scenario_text, error))
    return FALSE;

  /* the current scenario, checked against the scenarios once they are read */
  if (scenario_text != NULL && *scenario_text != '\0')
    {
      g_autofree char *quoted = dup_excerpt (scenario_text);

      if (!is_integer_syntax (scenario_text) || !parse_whole (scenario_text, &self->scenario) ||
          self->scenario < 1)
        return fail_key (self, error, ENT_MODEL_ERROR_INVALID_VALUE, group, "scenario",
                         _("“%s” is not the number of a scenario (1 for the first)"), quoted);
    }

  if (kind_text != NULL && *kind_text != '\0')
    {
      EntPayerKind kind;

      if (!ent_payer_kind_from_string (kind_text, &kind))
        {
          g_autofree char *quoted = dup_excerpt (kind_text);

          return fail_key (self, error, ENT_MODEL_ERROR_INVALID_VALUE, group, "payer-kind",
                           _("“%s” is not a payer kind (commune or epci)"), quoted);
        }
      ent_document_set_payer_kind (self->document, kind);
    }

  if (insee != NULL && !ent_validate_insee (insee, &reason))
    return fail_rule (self, error, group, "insee", reason);

  if (title != NULL)
    ent_document_set_title (self->document, title);
  if (payer != NULL)
    ent_document_set_payer (self->document, payer);
  if (insee != NULL)
    ent_document_set_insee (self->document, insee);

  keep_unknown_keys (self, group, group, keys, document_keys);
  return TRUE;
}

/* The payment start is only checked to be a date a document can hold: the
 * window lets the school years change after it, and a payment start outside
 * the contract is the engine's to report, once the document is open. */
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
  g_auto(GStrv) keys = NULL;
  GDate payment_start;

  if (!g_key_file_has_group (self->key_file, group))
    return g_set_error (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_MISSING,
                        _("%s: the [%s] group is missing"), self->name, group), FALSE;
  if ((keys = dup_group_keys (self, group, error)) == NULL)
    return FALSE;

  if (!read_integer (self, group, "first-school-year", ent_validate_first_school_year,
                     &first_year, error)
      || !read_integer (self, group, "school-years", ent_validate_school_years,
                        &n_years, error)
      || !read_date (self, group, "payment-start", &payment_start, error)
      || !read_string (self, group, "billing", &billing_text, error))
    return FALSE;

  if (billing_text != NULL && *billing_text != '\0'
      && !ent_billing_from_string (billing_text, &billing))
    {
      g_autofree char *quoted = dup_excerpt (billing_text);

      return fail_key (self, error, ENT_MODEL_ERROR_INVALID_VALUE, group, "billing",
                       _("“%s” is not a billing mode (annual or prorata)"), quoted);
    }

  ent_contract_set_first_school_year (contract, (int) first_year);
  ent_contract_set_school_years (contract, (int) n_years);
  ent_contract_set_payment_start (contract, &payment_start);
  ent_contract_set_billing (contract, billing);

  keep_unknown_keys (self, group, group, keys, contract_keys);
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
  g_auto(GStrv) keys = NULL;

  if (!g_key_file_has_group (self->key_file, group))
    return TRUE;
  if ((keys = dup_group_keys (self, group, error)) == NULL)
    return FALSE;

  for (guint line = 0; line < ENT_N_LINES; line++)
    for (guint f = 0; f < 3; f++)
      {
        g_autoptr(GError) reason = NULL;
        g_autofree char *key = g_strconcat (imputation_prefixes[line], fields[f], NULL);
        char *value = NULL;

        if (!read_text (self, group, key, &value, error))
          return FALSE;
        if (value != NULL && !ent_validate_imputation_code ((EntImputationPart) f, value, &reason))
          {
            g_free (value);
            return fail_rule (self, error, group, key, reason);
          }
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

  keep_unknown_keys (self, group, group, keys, imputation_keys);
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
  g_autoptr(GError) reason = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *canonical_date = NULL;
  g_autofree char *saved_group = NULL;
  g_autofree char *trimmed = NULL;
  g_autoptr(GError) local_error = NULL;
  gint64 base = 0, optional = 0, half_day = 0;
  g_auto(GStrv) keys = NULL;
  gpointer previous_line;
  GDate valid_from;

  if ((keys = dup_group_keys (self, group, error)) == NULL)
    return FALSE;

  trimmed = g_strstrip (g_strdup (date_text));
  if (!parse_date (trimmed, &valid_from))
    {
      g_autofree char *quoted = dup_excerpt (trimmed);

      return fail_key (self, error, ENT_MODEL_ERROR_INVALID_VALUE, group, NULL,
                       _("“%s” is not a date (YYYY-MM-DD): write a tariff group as [Tariff 2023-09-01]"),
                       quoted);
    }
  if (!ent_validate_tariff_date (&valid_from, &reason))
    return fail_rule (self, error, group, NULL, reason);

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
      || !read_name (self, group, "reference", &reference, error))
    return FALSE;

  period = ent_tariff_period_new (&valid_from, base, optional, half_day,
                                  reference != NULL ? reference : "");
  if (!ent_tariff_schedule_add (ent_document_get_tariffs (self->document), period, &local_error))
    return fail_key (self, error, ENT_MODEL_ERROR_DUPLICATE, group, NULL,
                     "%s", local_error->message);

  saved_group = g_strconcat (PREFIX_TARIFF, canonical_date, NULL);
  keep_unknown_keys (self, group, saved_group, keys, tariff_keys);
  return TRUE;
}

/* "opens=" / "closes=": absent or empty is unset, else a school year. */
static gboolean
read_optional_school_year (Loader      *self,
                           const char  *group,
                           const char  *key,
                           gint64      *out,
                           GError     **error)
{
  g_autofree char *text = NULL;

  if (!read_string (self, group, key, &text, error))
    return FALSE;
  if (text == NULL || text[0] == '\0')
    return TRUE;
  return parse_integer (self, group, key, text, ent_validate_count_school_year, out, error);
}

/* "pupils-source=2023:open-data;2024:manual" (SPEC 3, 6). A count the list
 * does not name is "manual": documents written before sources existed load
 * as they were, their counts being what a person typed. */
static gboolean
read_count_sources (Loader      *self,
                    const char  *group,
                    EntSchool   *school,
                    const char  *text,
                    GError     **error)
{
  g_autoptr(GHashTable) years = g_hash_table_new (NULL, NULL);
  g_auto(GStrv) items = split_list (text != NULL ? text : "");

  for (guint i = 0; items[i] != NULL; i++)
    {
      g_autofree char *quoted = dup_excerpt (items[i]);
      const char *colon = strchr (items[i], ':');
      g_autofree char *year_text = NULL;
      g_autofree char *source_text = NULL;
      g_autoptr(GError) reason = NULL;
      EntCountSource source;
      gint64 year;
      gint64 count;

      if (colon == NULL)
        return fail_key (self, error, ENT_MODEL_ERROR_INVALID_VALUE, group, "pupils-source",
                         _("“%s” is not YEAR:SOURCE"), quoted);
      year_text = g_strstrip (g_strndup (items[i], colon - items[i]));
      source_text = g_strstrip (g_strdup (colon + 1));
      if (!is_integer_syntax (year_text) || !parse_whole (year_text, &year))
        return fail_key (self, error, ENT_MODEL_ERROR_INVALID_VALUE, group, "pupils-source",
                         _("“%s” is not YEAR:SOURCE"), quoted);
      if (!ent_validate_count_school_year (year, &reason))
        return fail_key (self, error, reason->code, group, "pupils-source",
                         _("%s in “%s”"), reason->message, quoted);
      if (!ent_count_source_from_string (source_text, &source))
        return fail_key (self, error, ENT_MODEL_ERROR_INVALID_VALUE, group, "pupils-source",
                         /* Translators: an item such as "2023:open-data"; the two words are
                          * the file's, not to be translated */
                         _("the source in “%s” is neither “open-data” nor “manual”"), quoted);
      if (!g_hash_table_add (years, GINT_TO_POINTER ((int) year)))
        return fail_key (self, error, ENT_MODEL_ERROR_DUPLICATE, group, "pupils-source",
                         _("school year %d is given twice"), (int) year);
      if (!ent_school_get_known_pupils (school, (int) year, &count))
        return fail_key (self, error, ENT_MODEL_ERROR_INVALID_VALUE, group, "pupils-source",
                         /* Translators: a school year as 2023, then the key's name */
                         _("school year %d has a source but no count in “%s”"),
                         (int) year, "pupils");
      ent_school_set_known_pupils_from (school, (int) year, count, source);
    }
  return TRUE;
}

static EntSchool *
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
  g_autofree char *sources = NULL;
  g_autofree char *saved_group = NULL;
  g_auto(GStrv) items = NULL;
  g_auto(GStrv) keys = NULL;
  gint64 opens = ENT_SCHOOL_YEAR_NONE;
  gint64 closes = ENT_SCHOOL_YEAR_NONE;

  if ((keys = dup_group_keys (self, group, error)) == NULL)
    return NULL;

  if (!read_name (self, group, "name", &name, error)
      || !read_name (self, group, "commune", &commune, error)
      || !read_name (self, group, "insee", &insee, error)
      || !read_string (self, group, "uai", &uai, error)
      || !read_string (self, group, "pupils", &pupils, error)
      || !read_string (self, group, "pupils-source", &sources, error)
      || !read_optional_school_year (self, group, "opens", &opens, error)
      || !read_optional_school_year (self, group, "closes", &closes, error))
    return NULL;
  {
    g_autoptr(GError) reason = NULL;

    if (!ent_validate_school_span ((int) opens, (int) closes, &reason))
      return fail_rule (self, error, group, "closes", reason), NULL;
  }

  if (uai != NULL && !ent_uai_is_valid (uai))
    {
      g_autofree char *quoted = dup_excerpt (uai);

      return fail_key (self, error, ENT_MODEL_ERROR_INVALID_VALUE, group, "uai",
                       _("“%s” is not a UAI (7 digits and a letter, e.g. 0590123A)"), quoted), NULL;
    }

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

      if (!parse_year_count (self, group, "pupils", items[i],
                             ent_validate_count_school_year, ent_validate_pupil_count,
                             &year, &count, error))
        return NULL;
      if (!g_hash_table_add (years, GINT_TO_POINTER (year)))
        return fail_key (self, error, ENT_MODEL_ERROR_DUPLICATE, group, "pupils",
                         _("school year %d is given twice"), year), NULL;
      ent_school_set_known_pupils (school, year, count);
    }

  if (!read_count_sources (self, group, school, sources, error))
    return NULL;
  ent_school_set_opens (school, (int) opens);
  ent_school_set_closes (school, (int) closes);

  saved_group = g_strdup_printf (PREFIX_SCHOOL "%u", index);
  keep_unknown_keys (self, group, saved_group, keys, school_keys);
  return g_steal_pointer (&school);
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
  g_auto(GStrv) keys = NULL;
  EntProjection projection = ENT_PROJECTION_CONSTANT;
  gint64 rate = 0, increase = 0;

  if ((keys = dup_group_keys (self, group, error)) == NULL)
    return FALSE;

  if (!read_name (self, group, "name", &name, error)
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
    {
      g_autofree char *quoted = dup_excerpt (projection_text);

      return fail_key (self, error, ENT_MODEL_ERROR_INVALID_VALUE, group, "projection",
                       _("“%s” is not a projection (constant or rate)"), quoted);
    }

  if (name == NULL)
    /* Translators: default name of a scenario without one */
    name = g_strdup_printf (_("Scenario %u"), index);
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
          g_autoptr(GError) reason = NULL;
          gint64 year;

          if (!is_integer_syntax (optional_items[i]))
            {
              g_autofree char *quoted = dup_excerpt (optional);

              return fail_key (self, error, ENT_MODEL_ERROR_INVALID_VALUE, group,
                               "optional-support",
                               _("“%s” is not true, false or a list of budget years (2024;2025)"),
                               quoted);
            }
          if (!parse_whole (optional_items[i], &year))
            {
              g_autofree char *quoted = dup_excerpt (optional_items[i]);

              return fail_key (self, error, ENT_MODEL_ERROR_OUT_OF_RANGE, group,
                               "optional-support", _("“%s” is far too large"), quoted);
            }
          if (!ent_validate_budget_year (year, &reason))
            return fail_rule (self, error, group, "optional-support", reason);
          if (!g_hash_table_add (optional_years, GINT_TO_POINTER ((int) year)))
            return fail_key (self, error, ENT_MODEL_ERROR_DUPLICATE, group,
                             "optional-support",
                             _("budget year %" PRId64 " is given twice"), year);
          ent_scenario_set_optional_in_year (scenario, (int) year, TRUE);
        }
    }

  items = split_list (half_days != NULL ? half_days : "");
  for (guint i = 0; items[i] != NULL; i++)
    {
      int year;
      gint64 count;

      if (!parse_year_count (self, group, "half-days", items[i],
                             ent_validate_budget_year, ent_validate_half_days,
                             &year, &count, error))
        return FALSE;
      if (!g_hash_table_add (years, GINT_TO_POINTER (year)))
        return fail_key (self, error, ENT_MODEL_ERROR_DUPLICATE, group, "half-days",
                         _("budget year %d is given twice"), year);
      ent_scenario_set_half_days (scenario, year, count);
    }

  saved_group = g_strdup_printf (PREFIX_SCENARIO "%u", index);
  keep_unknown_keys (self, group, saved_group, keys, scenario_keys);

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

/* The [PREFIX N] groups, sorted by N; fails on a bad or repeated N. A number
 * already met is found in a hash table: with a list scan, 200 000 schools
 * took seconds. */
static GArray *
collect_numbered_groups (Loader       *self,
                         char        **groups,
                         const char   *prefix,
                         GError      **error)
{
  g_autoptr(GArray) result = g_array_new (FALSE, FALSE, sizeof (NumberedGroup));
  /* numbers are 1 to G_MAXINT: held in the keys themselves, nothing allocated */
  g_autoptr(GHashTable) numbers = g_hash_table_new (g_direct_hash, g_direct_equal);
  gsize prefix_len = strlen (prefix);

  for (guint i = 0; groups[i] != NULL; i++)
    {
      NumberedGroup numbered;
      g_autofree char *number_text = NULL;
      const char *previous;

      if (!g_str_has_prefix (groups[i], prefix))
        continue;

      number_text = g_strstrip (g_strdup (groups[i] + prefix_len));
      if (!g_ascii_string_to_signed (number_text, 10, 1, G_MAXINT, &numbered.number, NULL))
        {
          g_autofree char *quoted = dup_excerpt (number_text);

          return fail_key (self, error, ENT_MODEL_ERROR_INVALID_VALUE, groups[i], NULL,
                           /* Translators: a number quoted, the largest one, a group name */
                           _("“%s” is not a number from 1 to %d: write the group as [%s1]"),
                           quoted, G_MAXINT, prefix), NULL;
        }

      previous = g_hash_table_lookup (numbers, GINT_TO_POINTER ((int) numbered.number));
      if (previous != NULL)
        {
          g_autofree char *quoted = dup_excerpt (previous);

          return fail_key (self, error, ENT_MODEL_ERROR_DUPLICATE, groups[i], NULL,
                           _("the number %" PRId64 " is already used by [%s] (line %d)"),
                           numbered.number, quoted, lookup_line (self, previous, NULL)), NULL;
        }
      numbered.group = groups[i];
      g_array_append_val (result, numbered);
      g_hash_table_insert (numbers, GINT_TO_POINTER ((int) numbered.number), (gpointer) groups[i]);
    }

  g_array_sort (result, compare_numbered_groups);
  return g_steal_pointer (&result);
}

/* GKeyFile merges repeated headers silently: refuse them. Then map each
 * group to its header, for line numbers and for dup_group_keys (). */
static gboolean
check_groups (Loader  *self,
              char   **groups,
              GError **error)
{
  guint n_groups = g_strv_length (groups);
  g_autoptr(GHashTable) seen = NULL;

  self->groups = g_hash_table_new (g_str_hash, g_str_equal);
  if (n_groups == self->raw_groups->len)
    {
      gboolean same = TRUE;

      for (guint i = 0; i < n_groups && same; i++)
        {
          RawGroup *raw = &g_array_index (self->raw_groups, RawGroup, i);

          same = strncmp (groups[i], raw->name, raw->name_length) == 0 &&
                 groups[i][raw->name_length] == '\0';
          g_hash_table_insert (self->groups, groups[i], raw);
        }
      if (same)
        return TRUE;
      g_hash_table_remove_all (self->groups);
    }

  /* Fewer groups than headers: find the first repeated one */
  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < self->raw_groups->len; i++)
    {
      RawGroup *raw = &g_array_index (self->raw_groups, RawGroup, i);
      char *name = g_strndup (raw->name, raw->name_length);
      gpointer first;

      if (g_hash_table_lookup_extended (seen, name, NULL, &first))
        {
          g_autofree char *quoted = dup_excerpt (name);

          g_free (name);
          if (g_str_has_prefix (quoted, PREFIX_TARIFF))
            g_set_error (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_DUPLICATE,
                         _("%s:%d: [%s]: another tariff period already starts on this date (line %d)"),
                         self->name, raw->line, quoted, ((RawGroup *) first)->line);
          else
            g_set_error (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_DUPLICATE,
                         _("%s:%d: [%s]: this group already appears on line %d"),
                         self->name, raw->line, quoted, ((RawGroup *) first)->line);
          return FALSE;
        }
      g_hash_table_insert (seen, name, raw);
    }

  /* Not reached (as many headers as groups, each once, are the same groups):
   * map them by name */
  for (guint i = 0; i < n_groups; i++)
    {
      RawGroup *raw = g_hash_table_lookup (seen, groups[i]);

      if (raw != NULL)
        g_hash_table_insert (self->groups, groups[i], raw);
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

static gboolean
check_text (Loader      *self,
            const char  *text,
            gsize        length,
            GError     **error)
{
  const char *nul;
  const char *invalid = NULL;
  gsize i;

  if (length > ENT_DOCUMENT_MAX_SIZE)
    return g_set_error (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_OUT_OF_RANGE,
                        _("%s: the file is larger than %d MiB: this is not a Budget ENT document"),
                        self->name, ENT_DOCUMENT_MAX_SIZE / (1024 * 1024)), FALSE;

  nul = memchr (text, '\0', length);
  if (nul != NULL)
    return g_set_error (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_PARSE,
                        _("%s:%d: the file holds binary data (a NUL byte): this is not a Budget ENT document"),
                        self->name, line_at (text, nul - text)), FALSE;

  if (!g_utf8_validate_len (text, length, &invalid))
    return g_set_error (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_PARSE,
                        _("%s:%d: the file is not valid UTF-8 text"),
                        self->name, line_at (text, invalid - text)), FALSE;

  /* A byte-order mark alone is no content either */
  i = length >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
  for (; i < length && g_ascii_isspace (text[i]); i++)
    ;
  if (i == length)
    return g_set_error (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_PARSE,
                        _("%s: the file is empty"), self->name), FALSE;

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

/* Reads at most ENT_DOCUMENT_MAX_SIZE + 1 bytes, so a huge or endless file is refused early. */
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
      if (buffer->len > ENT_DOCUMENT_MAX_SIZE)
        {
          g_set_error (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_OUT_OF_RANGE,
                       _("%s: the file is larger than %d MiB: this is not a Budget ENT document"),
                       name, ENT_DOCUMENT_MAX_SIZE / (1024 * 1024));
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
 * Loads a document without computing its budget: one whose budget cannot be
 * computed (no tariff on a billed date, an overflow, a payment start outside
 * the contract) loads, and ent_budget_compute () gives the reason.
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
  g_autoptr(GPtrArray) new_schools = NULL;
  g_autoptr(GArray) schools = NULL;
  g_autoptr(GArray) scenarios = NULL;
  g_auto(GStrv) groups = NULL;
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

  self.text = text;
  self.length = length;
  self.raw_groups = g_array_new (FALSE, FALSE, sizeof (RawGroup));
  scan_groups (&self);

  /* KEEP_TRANSLATIONS: without it GKeyFile drops the localized keys
   * ("name[fr]") of every language but the user's, and what loads would
   * depend on the locale. They are unknown keys here, kept and saved back. */
  self.key_file = g_key_file_new ();
  if (!g_key_file_load_from_data (self.key_file, text, length, G_KEY_FILE_KEEP_TRANSLATIONS,
                                  &local_error))
    {
      int line = find_bad_line (text, length);
      /* GKeyFile quotes the whole line: an enormous one would make an enormous message */
      g_autofree char *detail = dup_excerpt_n (local_error->message, 4 * QUOTE_MAX_CHARS);

      if (line > 0)
        g_set_error (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_PARSE,
                     _("%s:%d: not a Budget ENT document: %s"),
                     self.name, line, detail);
      else
        g_set_error (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_PARSE,
                     _("%s: not a Budget ENT document: %s"),
                     self.name, detail);
      return NULL;
    }

  self.document = ent_document_new ();
  groups = g_key_file_get_groups (self.key_file, NULL);

  if (!check_groups (&self, groups, error)
      || !load_document_group (&self, error)
      || !load_contract_group (&self, error)
      || !load_imputation_group (&self, error))
    return NULL;

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

  /* The schools are added at once: one "changed", one "items-changed" */
  new_schools = g_ptr_array_new_full (schools->len, g_object_unref);
  for (guint i = 0; i < schools->len; i++)
    {
      EntSchool *school = load_school_group (&self, g_array_index (schools, NumberedGroup, i).group,
                                             i + 1, error);

      if (school == NULL)
        return NULL;
      g_ptr_array_add (new_schools, school);
    }
  ent_document_add_schools (self.document, (EntSchool **) new_schools->pdata, new_schools->len);

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
  if (self.scenario > scenarios->len)
    {
      fail_key (&self, error, ENT_MODEL_ERROR_OUT_OF_RANGE, GROUP_DOCUMENT, "scenario",
                ngettext ("there is no scenario %" PRId64 ": the document has %u scenario",
                          "there is no scenario %" PRId64 ": the document has %u scenarios",
                          scenarios->len),
                self.scenario, scenarios->len);
      return NULL;
    }
  if (self.scenario > 0)
    {
      g_autoptr(EntScenario) current =
        g_list_model_get_item (ent_document_get_scenarios (self.document), self.scenario - 1);

      ent_document_set_current_scenario (self.document, current);
    }

  /* Everything else is kept as it is */
  for (guint i = 0; groups[i] != NULL; i++)
    if (!is_saved_group (groups[i]) && !keep_unknown_group (&self, groups[i], error))
      return NULL;

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
  /* the current scenario, by its number in the file (the [Scenario N] below) */
  g_key_file_set_integer (key_file, GROUP_DOCUMENT, "scenario",
                          (int) ent_document_get_current_scenario_index (self) + 1);

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
      /* Only where some count is open data: a document without imported
       * counts is written byte for byte as before sources existed. */
      if (ent_school_has_open_data (school))
        {
          GString *sources = g_string_new (NULL);

          for (guint k = 0; k < ent_school_get_n_known (school); k++)
            {
              int year;

              ent_school_get_nth_known (school, k, &year, NULL);
              g_string_append_printf (sources, "%s%d:%s", k > 0 ? ";" : "", year,
                                      ent_count_source_to_string (ent_school_get_nth_source (school, k)));
            }
          g_key_file_set_value (key_file, group, "pupils-source", sources->str);
          g_string_free (sources, TRUE);
        }
      if (ent_school_get_opens (school) != ENT_SCHOOL_YEAR_NONE)
        g_key_file_set_integer (key_file, group, "opens", ent_school_get_opens (school));
      if (ent_school_get_closes (school) != ENT_SCHOOL_YEAR_NONE)
        g_key_file_set_integer (key_file, group, "closes", ent_school_get_closes (school));
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

/* "[GROUP] KEY: REASON": where a value of the document breaks a rule, named
 * as in the file ent_document_to_data () writes. */
static gboolean
fail_value (GError     **error,
            const char  *group,
            const char  *key,
            GError      *reason)
{
  /* Translators: [group] key: the reason a value is refused */
  g_set_error (error, ENT_MODEL_ERROR, reason->code, _("[%s] %s: %s"), group, key, reason->message);
  return FALSE;
}

static gboolean
check_name (const char  *group,
            const char  *key,
            const char  *text,
            GError     **error)
{
  g_autoptr(GError) reason = NULL;

  if (!ent_validate_name (text != NULL ? text : "", &reason))
    return fail_value (error, group, key, reason);
  return TRUE;
}

/* What the loader checks value by value, on the document in memory. */
static gboolean
check_values (EntDocument  *self,
              GError      **error)
{
  static const char * const fields[3] = { "chapter", "nature", "function" };
  g_autoptr(GError) reason = NULL;
  EntTariffSchedule *tariffs = ent_document_get_tariffs (self);
  GListModel *schools = ent_document_get_schools (self);
  GListModel *scenarios = ent_document_get_scenarios (self);

  if (!check_name (GROUP_DOCUMENT, "title", ent_document_get_title (self), error)
      || !check_name (GROUP_DOCUMENT, "payer", ent_document_get_payer (self), error))
    return FALSE;
  if (!ent_validate_insee (ent_document_get_insee (self) ?: "", &reason))
    return fail_value (error, GROUP_DOCUMENT, "insee", reason);

  for (guint line = 0; line < ENT_N_LINES; line++)
    {
      const char *values[3] = {
        ent_document_get_chapter (self, line),
        ent_document_get_nature (self, line),
        ent_document_get_function (self, line),
      };

      for (guint f = 0; f < 3; f++)
        if (!ent_validate_imputation_code ((EntImputationPart) f, values[f] ?: "", &reason))
          {
            g_autofree char *key = g_strconcat (imputation_prefixes[line], fields[f], NULL);

            return fail_value (error, GROUP_IMPUTATION, key, reason);
          }
    }

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (tariffs)); i++)
    {
      g_autoptr(EntTariffPeriod) period = g_list_model_get_item (G_LIST_MODEL (tariffs), i);
      g_autofree char *date = format_date (ent_tariff_period_get_valid_from (period));
      g_autofree char *group = g_strconcat (PREFIX_TARIFF, date, NULL);

      if (!ent_validate_tariff_date (ent_tariff_period_get_valid_from (period), &reason))
        {
          g_set_error (error, ENT_MODEL_ERROR, reason->code, _("[%s]: %s"), group, reason->message);
          return FALSE;
        }
      for (EntLineKind kind = 0; kind < ENT_N_LINES; kind++)
        if (!ent_validate_tariff_amount (ent_tariff_period_get_rate (period, kind), &reason))
          return fail_value (error, group, tariff_keys[kind], reason);
      if (!check_name (group, "reference", ent_tariff_period_get_reference (period), error))
        return FALSE;
    }

  for (guint i = 0; i < g_list_model_get_n_items (schools); i++)
    {
      g_autoptr(EntSchool) school = g_list_model_get_item (schools, i);
      g_autofree char *group = g_strdup_printf (PREFIX_SCHOOL "%u", i + 1);

      if (!check_name (group, "name", ent_school_get_name (school), error)
          || !check_name (group, "commune", ent_school_get_commune (school), error)
          || !check_name (group, "insee", ent_school_get_commune_insee (school), error))
        return FALSE;
      if (!ent_uai_is_valid (ent_school_get_uai (school) ?: ""))
        {
          g_set_error (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_INVALID_VALUE,
                       _("[%s] %s: “%s” is not a UAI (7 digits and a letter, e.g. 0590123A)"),
                       group, "uai", ent_school_get_uai (school));
          return FALSE;
        }
      for (guint k = 0; k < ent_school_get_n_known (school); k++)
        {
          int year;
          gint64 count;

          ent_school_get_nth_known (school, k, &year, &count);
          if (!ent_validate_count_school_year (year, &reason) ||
              !ent_validate_pupil_count (count, &reason))
            return fail_value (error, group, "pupils", reason);
        }
      if (!ent_validate_school_span (ent_school_get_opens (school),
                                     ent_school_get_closes (school), &reason))
        return fail_value (error, group, "closes", reason);
    }

  for (guint i = 0; i < g_list_model_get_n_items (scenarios); i++)
    {
      g_autoptr(EntScenario) scenario = g_list_model_get_item (scenarios, i);
      g_autofree char *group = g_strdup_printf (PREFIX_SCENARIO "%u", i + 1);
      guint n_years = 0;
      const int *years = ent_scenario_get_optional_years (scenario, &n_years);

      if (!check_name (group, "name", ent_scenario_get_name (scenario), error))
        return FALSE;
      for (guint k = 0; k < n_years; k++)
        if (!ent_validate_budget_year (years[k], &reason))
          return fail_value (error, group, "optional-support", reason);
      for (guint k = 0; k < ent_scenario_get_n_half_days (scenario); k++)
        {
          int year;
          gint64 count;

          ent_scenario_get_nth_half_days (scenario, k, &year, &count);
          if (!ent_validate_budget_year (year, &reason) ||
              !ent_validate_half_days (count, &reason))
            return fail_value (error, group, "half-days", reason);
        }
    }

  return TRUE;
}

/**
 * ent_document_to_bytes:
 * @self: a document
 * @error: return location for a #GError in %ENT_MODEL_ERROR
 *
 * The text ent_document_to_data () gives, once checked to load back: every
 * value follows the rules of ent-validate.h that the loader applies, and the
 * text is at most %ENT_DOCUMENT_MAX_SIZE bytes. Nothing is written: a caller
 * that writes files writes these bytes or nothing.
 *
 * Returns: (transfer full) (nullable): the text, or %NULL on error
 */
GBytes *
ent_document_to_bytes (EntDocument  *self,
                       GError      **error)
{
  g_autofree char *data = NULL;
  gsize length = 0;

  g_return_val_if_fail (ENT_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_values (self, error))
    return NULL;

  data = ent_document_to_data (self, &length);
  if (length > ENT_DOCUMENT_MAX_SIZE)
    {
      /* Translators: a size in MiB, then the limit in MiB */
      g_set_error (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_OUT_OF_RANGE,
                   _("the document would take %.1f MiB, more than the %d MiB a Budget ENT "
                     "document may hold, and could not be opened again: nothing was written"),
                   length / (1024.0 * 1024.0), ENT_DOCUMENT_MAX_SIZE / (1024 * 1024));
      return NULL;
    }

  return g_bytes_new_take (g_steal_pointer (&data), length);
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
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = NULL;
  g_autofree char *stamp = NULL;

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

  /* the checked bytes: what is written can always be opened (SPEC 10.4, 10.6) */
  bytes = ent_document_to_bytes (self, &local_error);
  if (bytes == NULL)
    {
      g_autofree char *name = dup_display_name (file);

      g_set_error (error, ENT_MODEL_ERROR, local_error->code,
                   _("%s: could not save the document: %s"), name, local_error->message);
      return FALSE;
    }
  if (!ent_safe_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                   ENT_SAFE_FILE_BACKUP, &local_error))
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
