/* ent-keyfile-reader.c: the typed reading of a .entbudget key file (SPEC 6)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GKeyFile does not report line numbers, so the text is indexed once before it
 * is parsed: every group header and every "key=" line gets its line number, and
 * every error names the file, the line, the group and the key.
 *
 * Each value is checked against the rules of ent-validate.h as it is read.
 * Every lookup is a hash lookup, so reading is linear in the size of the file
 * (SPEC 10.6).
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ent-document-format.h"
#include "ent-keyfile-reader.h"
#include "ent-money.h"
#include "ent-validate.h"

/* A value, a key or a group quoted in a message is cut after this many characters. */
#define QUOTE_MAX_CHARS   60

/* A group header of the text, pointing into it. */
typedef struct
{
  const char *name;          /* not NUL-terminated */
  gsize       name_length;
  int         line;
  gsize       body;          /* offset of the line after the header */
} RawGroup;

struct _EntKeyfileReader
{
  char        *name;         /* display name of the file, for messages */
  GBytes      *bytes;        /* holds the text */
  const char  *text;         /* what is parsed, byte-order mark removed */
  gsize        length;
  char        *normalized;   /* the text without its line-ending CRs, when it had some */
  GKeyFile    *key_file;
  char       **group_names;  /* every group, file order, as GKeyFile gives them */
  GArray      *raw_groups;   /* RawGroup, every header in file order, repeats included */
  GHashTable  *groups;       /* group name (GKeyFile's) → RawGroup * */
  GHashTable  *lines;        /* "group\nkey" → first line; built when first needed */
};

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
scan_groups (EntKeyfileReader *self)
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
ensure_key_lines (EntKeyfileReader *self)
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
int
ent_keyfile_reader_lookup_line (EntKeyfileReader *self,
                                const char       *group,
                                const char       *key)
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

char *
ent_keyfile_reader_dup_excerpt (const char *text)
{
  return dup_excerpt_n (text, QUOTE_MAX_CHARS);
}

/* "FILE:LINE: [GROUP] KEY: DETAIL", or "FILE:LINE: [GROUP]: DETAIL" without key. */
gboolean
ent_keyfile_reader_fail (EntKeyfileReader  *self,
                         GError           **error,
                         EntModelError      code,
                         const char        *group,
                         const char        *key,
                         const char        *format,
                         ...)
{
  g_autofree char *detail = NULL;
  g_autofree char *group_text = ent_keyfile_reader_dup_excerpt (group);
  g_autofree char *key_text = ent_keyfile_reader_dup_excerpt (key);
  va_list args;
  int line;

  va_start (args, format);
  detail = g_strdup_vprintf (format, args);
  va_end (args);

  line = ent_keyfile_reader_lookup_line (self, group, key);

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
gboolean
ent_keyfile_reader_fail_rule (EntKeyfileReader  *self,
                              GError           **error,
                              const char        *group,
                              const char        *key,
                              GError            *reason)
{
  return ent_keyfile_reader_fail (self, error, reason->code, group, key, "%s", reason->message);
}

static gboolean
fail_missing_key (EntKeyfileReader  *self,
                  GError           **error,
                  const char        *group,
                  const char        *key)
{
  return ent_keyfile_reader_fail (self, error, ENT_MODEL_ERROR_MISSING, group, key,
                                  _("this key is required and missing"));
}

/* Helpers: reading values */

/* The first escape of @raw (a value as written in the file) that GKeyFile
 * does not decode: \a, or a backslash alone at the end; NULL when all are
 * valid (\s \n \t \r and a doubled backslash). Checked before g_key_file_get_string ()
 * decodes the value: GLib 2.74 sets its GError a second time over the
 * first when a value holds two bad escapes (a critical, found by the fuzzer),
 * so the value is refused here, naming the first one, and GLib never sees it. */
static char *
find_bad_escape (const char *raw)
{
  for (const char *p = raw; *p != '\0'; p++)
    {
      if (*p != '\\')
        continue;
      p++;
      if (*p == '\0')
        return g_strdup ("\\");
      if (strchr ("sntr\\", *p) == NULL)
        {
          gunichar c = g_utf8_get_char_validated (p, -1);
          char sequence[8] = "\\";

          if (c == (gunichar) -1 || c == (gunichar) -2 || c < 0x20 || c == 0x7f)
            return g_strdup ("\\?");
          g_unichar_to_utf8 (c, sequence + 1);
          return g_strdup (sequence);
        }
    }
  return NULL;
}

/* Free text (codes, lists): *out_value is NULL when the key is absent.
 * Escapes (\n, \s, …) are decoded; nothing else is changed, so that what was
 * saved loads back exactly. */
gboolean
ent_keyfile_reader_read_text (EntKeyfileReader  *self,
                              const char        *group,
                              const char        *key,
                              char             **out_value,
                              GError           **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *value = NULL;
  g_autofree char *raw = NULL;
  g_autofree char *bad = NULL;

  *out_value = NULL;

  if (!g_key_file_has_key (self->key_file, group, key, NULL))
    return TRUE;

  raw = g_key_file_get_value (self->key_file, group, key, NULL);
  bad = raw != NULL ? find_bad_escape (raw) : NULL;
  if (bad != NULL)
    return ent_keyfile_reader_fail (self, error, ENT_MODEL_ERROR_INVALID_VALUE, group, key,
                                    /* Translators: %s is a backslash sequence such as \a;
                                     * a backslash in a value must be written \\ */
                                    _("invalid escape sequence “%s” (write a backslash as \\\\)"),
                                    bad);

  value = g_key_file_get_string (self->key_file, group, key, &local_error);
  if (value == NULL)
    return ent_keyfile_reader_fail (self, error, ENT_MODEL_ERROR_INVALID_VALUE, group, key, "%s",
                                    local_error->message);

  *out_value = g_steal_pointer (&value);
  return TRUE;
}

/* A name or a label (SPEC 10.5): text that ent_validate_name () accepts. */
gboolean
ent_keyfile_reader_read_name (EntKeyfileReader  *self,
                              const char        *group,
                              const char        *key,
                              char             **out_value,
                              GError           **error)
{
  g_autoptr(GError) reason = NULL;

  if (!ent_keyfile_reader_read_text (self, group, key, out_value, error))
    return FALSE;
  if (*out_value != NULL && !ent_validate_name (*out_value, &reason))
    {
      g_clear_pointer (out_value, g_free);
      return ent_keyfile_reader_fail_rule (self, error, group, key, reason);
    }
  return TRUE;
}

/* A structured value (number, date, keyword, list): same, spaces around removed. */
gboolean
ent_keyfile_reader_read_string (EntKeyfileReader  *self,
                                const char        *group,
                                const char        *key,
                                char             **out_value,
                                GError           **error)
{
  if (!ent_keyfile_reader_read_text (self, group, key, out_value, error))
    return FALSE;
  if (*out_value != NULL)
    g_strstrip (*out_value);
  return TRUE;
}

gboolean
ent_keyfile_reader_read_required_string (EntKeyfileReader  *self,
                                         const char        *group,
                                         const char        *key,
                                         char             **out_value,
                                         GError           **error)
{
  if (!ent_keyfile_reader_read_string (self, group, key, out_value, error))
    return FALSE;
  if (*out_value == NULL)
    return fail_missing_key (self, error, group, key);
  return TRUE;
}

/* Reads @text (integer syntax, checked before) into *@out; FALSE when it
 * does not fit in 64 bits. */
gboolean
ent_keyfile_reader_parse_whole (const char *text,
                                gint64     *out)
{
  return g_ascii_string_to_signed (text, 10, G_MININT64, G_MAXINT64, out, NULL);
}

/* "2023", "-5": optional sign and digits only. */
gboolean
ent_keyfile_reader_is_integer_syntax (const char *text)
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
parse_integer (EntKeyfileReader  *self,
               const char        *group,
               const char        *key,
               const char        *text,
               EntIntegerRule     rule,
               gint64            *out,
               GError           **error)
{
  g_autoptr(GError) reason = NULL;
  g_autofree char *quoted = ent_keyfile_reader_dup_excerpt (text);
  gint64 value;

  if (!ent_keyfile_reader_is_integer_syntax (text))
    return ent_keyfile_reader_fail (self, error, ENT_MODEL_ERROR_INVALID_VALUE, group, key,
                                    _("“%s” is not a whole number"), quoted);
  if (!ent_keyfile_reader_parse_whole (text, &value))
    /* Translators: a number too large to be held, quoted */
    return ent_keyfile_reader_fail (self, error, ENT_MODEL_ERROR_OUT_OF_RANGE, group, key,
                                    _("“%s” is far too large"), quoted);
  if (!rule (value, &reason))
    return ent_keyfile_reader_fail_rule (self, error, group, key, reason);

  *out = value;
  return TRUE;
}

gboolean
ent_keyfile_reader_read_integer (EntKeyfileReader  *self,
                                 const char        *group,
                                 const char        *key,
                                 EntIntegerRule     rule,
                                 gint64            *out,
                                 GError           **error)
{
  g_autofree char *text = NULL;

  if (!ent_keyfile_reader_read_required_string (self, group, key, &text, error))
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
gboolean
ent_keyfile_reader_read_amount (EntKeyfileReader  *self,
                                const char        *group,
                                const char        *key,
                                gboolean           required,
                                gint64            *out,
                                GError           **error)
{
  g_autoptr(GError) reason = NULL;
  g_autofree char *text = NULL;
  g_autofree char *quoted = NULL;
  gint64 cents;

  if (!ent_keyfile_reader_read_string (self, group, key, &text, error))
    return FALSE;
  if (text == NULL)
    return required ? fail_missing_key (self, error, group, key) : TRUE;

  quoted = ent_keyfile_reader_dup_excerpt (text);
  if (!ent_money_parse (text, &cents, NULL))
    {
      const char *dot = strpbrk (text, ".,");

      /* Digits beyond what 64 bits hold, with at most two decimals */
      if (is_decimal_syntax (text) && (dot == NULL || strlen (dot + 1) <= 2))
        return ent_keyfile_reader_fail (self, error, ENT_MODEL_ERROR_OUT_OF_RANGE, group, key,
                                        _("“%s” is far too large"), quoted);
      return ent_keyfile_reader_fail (self, error, ENT_MODEL_ERROR_INVALID_VALUE, group, key,
                                      _("“%s” is not an amount (at most two decimals, “.” or “,” as separator)"),
                                      quoted);
    }
  if (!ent_validate_tariff_amount (cents, &reason))
    return ent_keyfile_reader_fail_rule (self, error, group, key, reason);

  *out = cents;
  return TRUE;
}

/* A percentage in basis points within [@min_bp, @max_bp]. */
gboolean
ent_keyfile_reader_read_percent (EntKeyfileReader  *self,
                                 const char        *group,
                                 const char        *key,
                                 gint64             min_bp,
                                 gint64             max_bp,
                                 gint64            *out,
                                 GError           **error)
{
  g_autofree char *text = NULL;
  g_autofree char *quoted = NULL;
  g_autofree char *min_text = NULL;
  g_autofree char *max_text = NULL;
  gint64 bp;

  if (!ent_keyfile_reader_read_string (self, group, key, &text, error))
    return FALSE;
  if (text == NULL || *text == '\0')
    return TRUE;

  quoted = ent_keyfile_reader_dup_excerpt (text);
  min_text = ent_percent_to_plain (min_bp);
  max_text = ent_percent_to_plain (max_bp);
  if (!ent_percent_parse (text, &bp, NULL))
    {
      const char *dot = strpbrk (text, ".,");

      if (!is_decimal_syntax (text) || (dot != NULL && strlen (dot + 1) > 2))
        return ent_keyfile_reader_fail (self, error, ENT_MODEL_ERROR_INVALID_VALUE, group, key,
                                        _("“%s” is not a percentage (at most two decimals, “.” or “,” as separator)"),
                                        quoted);
      /* digits beyond what 64 bits hold */
      bp = text[0] == '-' ? G_MININT64 : G_MAXINT64;
    }

  if (bp < min_bp || bp > max_bp)
    return ent_keyfile_reader_fail (self, error, ENT_MODEL_ERROR_OUT_OF_RANGE, group, key,
                                    _("%s %% is not between %s %% and %s %%"), quoted, min_text,
                                    max_text);

  *out = bp;
  return TRUE;
}

/* "2024-01-01"; "2023-9-1" is accepted and means 2023-09-01. */
gboolean
ent_keyfile_reader_parse_date (const char *text,
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

/* A date within the bounds of ent_validate_date (). */
gboolean
ent_keyfile_reader_read_date (EntKeyfileReader  *self,
                              const char        *group,
                              const char        *key,
                              GDate             *out_date,
                              GError           **error)
{
  g_autoptr(GError) reason = NULL;
  g_autofree char *text = NULL;

  if (!ent_keyfile_reader_read_required_string (self, group, key, &text, error))
    return FALSE;

  if (!ent_keyfile_reader_parse_date (text, out_date))
    {
      g_autofree char *quoted = ent_keyfile_reader_dup_excerpt (text);

      return ent_keyfile_reader_fail (self, error, ENT_MODEL_ERROR_INVALID_VALUE, group, key,
                                      _("“%s” is not a date (YYYY-MM-DD)"), quoted);
    }
  if (!ent_validate_date (out_date, &reason))
    return ent_keyfile_reader_fail_rule (self, error, group, key, reason);

  return TRUE;
}

/* Splits "A:B;C:D" into trimmed non-empty items.
 *
 * Not ent_text_split_list (text, ";"), which is for lists a person types: it
 * trims Unicode spaces too (U+00A0, U+202F) and gives NULL for no item. The
 * file's values are trimmed of ASCII blanks only, as read_string () and the
 * YEAR and COUNT of an item are: with it, "pupils=2023:1209\u00A0" would
 * load while "opens=2023\u00A0" is refused, and documents refused until now
 * would open. */
GStrv
ent_keyfile_reader_split_list (const char *text)
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
gboolean
ent_keyfile_reader_parse_year_count (EntKeyfileReader  *self,
                                     const char        *group,
                                     const char        *key,
                                     const char        *item,
                                     EntIntegerRule     year_rule,
                                     EntIntegerRule     count_rule,
                                     int               *out_year,
                                     gint64            *out_count,
                                     GError           **error)
{
  const char *colon = strchr (item, ':');
  g_autoptr(GError) reason = NULL;
  g_autofree char *year_text = NULL;
  g_autofree char *count_text = NULL;
  g_autofree char *quoted_item = ent_keyfile_reader_dup_excerpt (item);
  gint64 year, count;

  if (colon == NULL)
    return ent_keyfile_reader_fail (self, error, ENT_MODEL_ERROR_INVALID_VALUE, group, key,
                                    _("“%s” is not YEAR:COUNT"), quoted_item);

  year_text = g_strstrip (g_strndup (item, colon - item));
  count_text = g_strstrip (g_strdup (colon + 1));

  if (!ent_keyfile_reader_is_integer_syntax (year_text))
    {
      g_autofree char *quoted = ent_keyfile_reader_dup_excerpt (year_text);

      return ent_keyfile_reader_fail (self, error, ENT_MODEL_ERROR_INVALID_VALUE, group, key,
                                      _("“%s” is not a year in “%s”"), quoted, quoted_item);
    }
  if (!ent_keyfile_reader_parse_whole (year_text, &year))
    {
      g_autofree char *quoted = ent_keyfile_reader_dup_excerpt (year_text);

      return ent_keyfile_reader_fail (self, error, ENT_MODEL_ERROR_OUT_OF_RANGE, group, key,
                                      _("“%s” is far too large in “%s”"), quoted, quoted_item);
    }
  if (!year_rule (year, &reason))
    return ent_keyfile_reader_fail (self, error, reason->code, group, key,
                                    /* Translators: the reason, then the item of the list, "2023:1209" */
                                    _("%s in “%s”"), reason->message, quoted_item);

  if (!ent_keyfile_reader_is_integer_syntax (count_text))
    {
      g_autofree char *quoted = ent_keyfile_reader_dup_excerpt (count_text);

      return ent_keyfile_reader_fail (self, error, ENT_MODEL_ERROR_INVALID_VALUE, group, key,
                                      _("“%s” is not a whole number in “%s”"), quoted, quoted_item);
    }
  if (!ent_keyfile_reader_parse_whole (count_text, &count))
    {
      g_autofree char *quoted = ent_keyfile_reader_dup_excerpt (count_text);

      return ent_keyfile_reader_fail (self, error, ENT_MODEL_ERROR_OUT_OF_RANGE, group, key,
                                      _("“%s” is far too large in “%s”"), quoted, quoted_item);
    }
  if (!count_rule (count, &reason))
    return ent_keyfile_reader_fail (self, error, reason->code, group, key, _("%s in “%s”"),
                                    reason->message, quoted_item);

  *out_year = (int) year;
  *out_count = count;
  return TRUE;
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
GStrv
ent_keyfile_reader_dup_group_keys (EntKeyfileReader  *self,
                                   const char        *group,
                                   GError           **error)
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
  quoted_group = ent_keyfile_reader_dup_excerpt (group);
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
          g_autofree char *quoted_key = ent_keyfile_reader_dup_excerpt (name);

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

/* "opens=" / "closes=": absent or empty is unset, else a school year. */
gboolean
ent_keyfile_reader_read_optional_school_year (EntKeyfileReader  *self,
                                              const char        *group,
                                              const char        *key,
                                              gint64            *out,
                                              GError           **error)
{
  g_autofree char *text = NULL;

  if (!ent_keyfile_reader_read_string (self, group, key, &text, error))
    return FALSE;
  if (text == NULL || text[0] == '\0')
    return TRUE;
  return parse_integer (self, group, key, text, ent_validate_count_school_year, out, error);
}

/* GKeyFile merges repeated headers silently: refuse them. Then map each
 * group to its header, for line numbers and for
 * ent_keyfile_reader_dup_group_keys (). A repeated tariff header is named as
 * what it means: two periods starting on the same date. */
static gboolean
check_groups (EntKeyfileReader  *self,
              char             **groups,
              GError           **error)
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
          g_autofree char *quoted = ent_keyfile_reader_dup_excerpt (name);

          g_free (name);
          if (g_str_has_prefix (quoted, ENT_PREFIX_TARIFF))
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
check_text (EntKeyfileReader  *self,
            const char        *text,
            gsize              length,
            GError           **error)
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

/* A copy of @text without the CRs that end its lines (see
 * ent_keyfile_reader_new ()), or NULL when it has none; *@length is the
 * copy's then. Line numbers are kept: no LF is removed. */
static char *
dup_without_line_end_crs (const char *text,
                          gsize      *length)
{
  GString *out = NULL;
  gsize i = 0;

  while (i < *length)
    {
      gsize run = i;

      if (text[i] != '\r')
        {
          if (out != NULL)
            g_string_append_c (out, text[i]);
          i++;
          continue;
        }
      while (run < *length && text[run] == '\r')
        run++;
      if (run == *length || text[run] == '\n')
        {
          /* a run ending the line: dropped */
          if (out == NULL)
            out = g_string_new_len (text, (gssize) i);
        }
      else if (out != NULL)
        {
          g_string_append_len (out, text + i, (gssize) (run - i));
        }
      i = run;
    }

  if (out == NULL)
    return NULL;
  *length = out->len;
  return g_string_free (out, FALSE);
}

/* Public API */

/**
 * ent_keyfile_reader_new:
 * @bytes: the content of a .entbudget file
 * @display_name: the file's name, for messages
 * @error: return location for a #GError in %ENT_MODEL_ERROR
 *
 * Returns: (transfer full) (nullable): the reader, or %NULL on error
 */
EntKeyfileReader *
ent_keyfile_reader_new (GBytes      *bytes,
                        const char  *display_name,
                        GError     **error)
{
  g_autoptr(EntKeyfileReader) self = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *text;
  gsize length;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_new0 (EntKeyfileReader, 1);
  self->name = g_strdup (display_name != NULL ? display_name : "");
  self->bytes = g_bytes_ref (bytes);
  text = g_bytes_get_data (bytes, &length);
  if (text == NULL)
    text = "";

  if (!check_text (self, text, length, error))
    return NULL;

  /* A byte-order mark is tolerated */
  if (length >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0)
    {
      text += 3;
      length -= 3;
    }

  /* Carriage returns that end a line (every CR of a run followed by LF or
   * by the end of the file) are the line's end, not part of its value: a CR
   * LF file, one whose final LF was lost (a cut copy), "\r\r\n" from a file
   * converted twice. GKeyFile takes away one CR, and only before LF: the
   * others stayed in the value, and, written back followed by LF, one went
   * at each load, so a document saved twice differed (fuzz-document). */
  self->normalized = dup_without_line_end_crs (text, &length);
  if (self->normalized != NULL)
    text = self->normalized;

  self->text = text;
  self->length = length;
  self->raw_groups = g_array_new (FALSE, FALSE, sizeof (RawGroup));
  scan_groups (self);

  /* KEEP_TRANSLATIONS: without it GKeyFile drops the localized keys
   * ("name[fr]") of every language but the user's, and what loads would
   * depend on the locale. They are unknown keys to the loader, kept and
   * saved back. */
  self->key_file = g_key_file_new ();
  if (!g_key_file_load_from_data (self->key_file, text, length, G_KEY_FILE_KEEP_TRANSLATIONS,
                                  &local_error))
    {
      int line = find_bad_line (text, length);
      /* GKeyFile quotes the whole line: an enormous one would make an enormous message */
      g_autofree char *detail = dup_excerpt_n (local_error->message, 4 * QUOTE_MAX_CHARS);

      if (line > 0)
        g_set_error (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_PARSE,
                     _("%s:%d: not a Budget ENT document: %s"),
                     self->name, line, detail);
      else
        g_set_error (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_PARSE,
                     _("%s: not a Budget ENT document: %s"),
                     self->name, detail);
      return NULL;
    }

  self->group_names = g_key_file_get_groups (self->key_file, NULL);
  if (!check_groups (self, self->group_names, error))
    return NULL;

  return g_steal_pointer (&self);
}

void
ent_keyfile_reader_free (EntKeyfileReader *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->lines, g_hash_table_unref);
  g_clear_pointer (&self->groups, g_hash_table_unref);
  g_clear_pointer (&self->raw_groups, g_array_unref);
  g_clear_pointer (&self->group_names, g_strfreev);
  g_clear_pointer (&self->key_file, g_key_file_unref);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_pointer (&self->normalized, g_free);
  g_clear_pointer (&self->name, g_free);
  g_free (self);
}

const char *
ent_keyfile_reader_get_name (EntKeyfileReader *self)
{
  return self->name;
}

GKeyFile *
ent_keyfile_reader_get_key_file (EntKeyfileReader *self)
{
  return self->key_file;
}

char **
ent_keyfile_reader_get_groups (EntKeyfileReader *self)
{
  return self->group_names;
}
