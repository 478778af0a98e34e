/* ent-text.c: text that came from a document, a CSV file or the command line,
 * made safe for where it goes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "ent-text.h"

static gboolean
is_space_at (const char *p)
{
  return g_unichar_isspace (g_utf8_get_char (p));
}

/* A copy of [start, end) (valid UTF-8) without the white space at both ends. */
static char *
dup_trimmed (const char *start,
             const char *end)
{
  const char *last = start;   /* end of the last non-space character */

  while (start < end && is_space_at (start))
    start = g_utf8_next_char (start);
  for (const char *p = start; p < end; p = g_utf8_next_char (p))
    if (!is_space_at (p))
      last = g_utf8_next_char (p);
  return last > start ? g_strndup (start, last - start) : g_strdup ("");
}

char **
ent_text_split_list (const char *text,
                     const char *separators)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  g_autofree char *valid = NULL;
  gboolean any = FALSE;
  const char *start;

  g_return_val_if_fail (separators != NULL, NULL);

  if (text == NULL)
    return NULL;

  /* separators are ASCII: splitting valid UTF-8 at them keeps it valid */
  valid = g_utf8_make_valid (text, -1);
  text = valid;
  builder = g_strv_builder_new ();
  start = text;
  for (const char *p = text;; p++)
    {
      if (*p == '\0' || strchr (separators, *p) != NULL)
        {
          g_autofree char *item = dup_trimmed (start, p);

          if (*item != '\0')
            {
              g_strv_builder_add (builder, item);
              any = TRUE;
            }
          if (*p == '\0')
            break;
          start = p + 1;
        }
    }
  return any ? g_strv_builder_end (builder) : NULL;
}

static inline gboolean
is_control (gunichar c)
{
  return c < 0x20 || (c >= 0x7f && c <= 0x9f);
}

/* Escapes rather than U+FFFD: the person reading the terminal sees which
 * character the document holds, and where, so they can correct it; a
 * replacement character would hide the difference between ESC and BEL. The
 * form "\x1b" is the code point in hexadecimal (C1 controls included: U+009B
 * is "\x9b", as Python's repr() shows it). A backslash of the text itself is
 * left alone: "\x1b" typed in a name stays readable and harmless. */
char *
ent_text_escape_controls (const char *text,
                          gboolean    keep_newlines)
{
  g_autofree char *valid = NULL;
  GString *out;

  if (text == NULL)
    return g_strdup ("");

  valid = g_utf8_make_valid (text, -1);
  out = g_string_sized_new (strlen (valid));
  for (const char *p = valid; *p != '\0';)
    {
      const char *next = g_utf8_next_char (p);
      gunichar c = g_utf8_get_char (p);

      if (is_control (c) && !(keep_newlines && c == '\n'))
        g_string_append_printf (out, "\\x%02x", (guint) c);
      else
        g_string_append_len (out, p, next - p);
      p = next;
    }
  return g_string_free (out, FALSE);
}

void
ent_text_append_csv_field (GString    *out,
                           const char *text,
                           char        separator)
{
  const char specials[] = { separator, '"', '\n', '\r', '\0' };
  gboolean formula_like;

  g_return_if_fail (out != NULL);
  g_return_if_fail (separator != '\0' && separator != '"' && separator != '\'');

  if (text == NULL)
    text = "";

  /* SPEC 10.5 (CSV injection): a spreadsheet opening the file must see text,
   * not a formula or a DDE command. */
  formula_like = text[0] != '\0' && strchr ("=+-@\t\r", text[0]) != NULL;

  if (strpbrk (text, specials) == NULL)
    {
      if (formula_like)
        g_string_append_c (out, '\'');
      g_string_append (out, text);
      return;
    }

  g_string_append_c (out, '"');
  if (formula_like)
    g_string_append_c (out, '\'');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}
