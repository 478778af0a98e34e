/* ent-csv-reader.c: the bytes of an import file as CSV records, and its messages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The file is checked to be UTF-8 as a whole (else read as Windows-1252, what
 * French Excel writes, with a warning), then read record by record with
 * a small RFC 4180 reader (quotes, doubled quotes, separators and line breaks
 * inside quotes, CRLF). Every message names the file and the line, so the
 * reader keeps them: the errors it sets and the warnings it gathers, for
 * itself and for the parser above it.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ent-csv-import.h"
#include "ent-csv-reader.h"

#define MAX_COLUMNS 4096

/* Helpers: encoding */

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

/* The separator: ';' unless the first line has none and has ',' or a tab. */
static char
detect_separator (const char *p,
                  const char *end)
{
  const char *eol = memchr (p, '\n', end - p);
  gsize length = (eol != NULL ? eol : end) - p;

  if (memchr (p, ';', length) == NULL)
    {
      if (memchr (p, '\t', length) != NULL)
        return '\t';
      else if (memchr (p, ',', length) != NULL)
        return ',';
    }
  return ';';
}

/* Helpers: records */

static gboolean
record_is_blank (EntCsvReader *self)
{
  for (guint i = 0; i < self->offsets->len; i++)
    if (ent_csv_reader_get_field (self, i)[0] != '\0')
      return FALSE;
  return TRUE;
}

/* Reads the next record into buf/offsets, each field trimmed of ASCII spaces.
 * *out_got is FALSE at the end of the input. */
static gboolean
read_record (EntCsvReader  *self,
             gboolean      *out_got,
             GError       **error)
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
        return ent_csv_reader_fail_at (self, error, ENT_MODEL_ERROR_PARSE, self->record_line,
                                       NULL, _("more than %d columns"), MAX_COLUMNS);
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
                return ent_csv_reader_fail_at (self, error, ENT_MODEL_ERROR_PARSE,
                                               self->record_line, NULL,
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

/* Public API (of the csv unit) */

gboolean
ent_csv_reader_init (EntCsvReader  *self,
                     GBytes        *bytes,
                     const char    *name,
                     GError       **error)
{
  const char *text;
  const char *invalid;
  gsize length;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);

  self->name = name != NULL ? name : "?";
  text = g_bytes_get_data (bytes, &length);
  if (text == NULL)
    text = "";

  if (length > ENT_CSV_IMPORT_MAX_SIZE)
    return ent_csv_reader_fail_at (self, error, ENT_MODEL_ERROR_PARSE, 1, NULL,
                                   _("the file is larger than %d MB"),
                                   ENT_CSV_IMPORT_MAX_SIZE / (1024 * 1024));

  self->warnings = g_ptr_array_new_with_free_func (g_free);

  /* SPEC 12: not UTF-8 is read as Windows-1252, what French Excel writes */
  if (!g_utf8_validate_len (text, length, &invalid))
    {
      int line = line_of_offset (text, invalid - text);
      gsize bad_offset = 0;
      gsize decoded_length = 0;

      self->decoded = decode_windows_1252 (text, length, &decoded_length, &bad_offset);
      if (self->decoded == NULL)
        return ent_csv_reader_fail_at (self, error, ENT_MODEL_ERROR_PARSE,
                                       line_of_offset (text, bad_offset), NULL,
                                       _("the file is neither UTF-8 nor Windows-1252 text: open "
                                         "it in a spreadsheet or a text editor and save it "
                                         "again as “CSV UTF-8”"));
      ent_csv_reader_warn (self, line,
                           _("the file is not UTF-8: it was read as Windows-1252 (what Excel "
                             "writes in French); check the accents of the names"));
      text = self->decoded;
      length = decoded_length;
    }

  self->p = text;
  self->end = text + length;
  self->line = 1;
  if (length >= 3 && memcmp (text, "\xef\xbb\xbf", 3) == 0)
    self->p += 3;
  self->separator = detect_separator (self->p, self->end);

  self->buf = g_string_new (NULL);
  self->offsets = g_array_new (FALSE, FALSE, sizeof (guint));
  return TRUE;
}

void
ent_csv_reader_clear (EntCsvReader *self)
{
  g_clear_pointer (&self->decoded, g_free);
  if (self->buf != NULL)
    g_string_free (g_steal_pointer (&self->buf), TRUE);
  g_clear_pointer (&self->offsets, g_array_unref);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);
}

gboolean
ent_csv_reader_next (EntCsvReader  *self,
                     gboolean      *out_got,
                     GError       **error)
{
  for (;;)
    {
      if (!read_record (self, out_got, error))
        return FALSE;
      if (!*out_got || !record_is_blank (self))
        return TRUE;
    }
}

guint
ent_csv_reader_get_n_fields (EntCsvReader *self)
{
  return self->offsets->len;
}

const char *
ent_csv_reader_get_field (EntCsvReader *self,
                          int           index)
{
  if (index < 0 || (guint) index >= self->offsets->len)
    return "";
  return self->buf->str + g_array_index (self->offsets, guint, index);
}

gboolean
ent_csv_reader_fail_at (EntCsvReader  *self,
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

void
ent_csv_reader_warn (EntCsvReader *self,
                     int           line,
                     const char   *format,
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

char **
ent_csv_reader_steal_warnings (EntCsvReader *self)
{
  g_ptr_array_add (self->warnings, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&self->warnings), FALSE);
}
