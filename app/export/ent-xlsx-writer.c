/* ent-xlsx-writer.c: checked cell writing over libxlsxwriter
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ent-xlsx-writer.h"

#include <string.h>

#define REPLACEMENT_CHARACTER "\xef\xbf\xbd"   /* U+FFFD */

static inline gboolean
is_xml_forbidden (gunichar c)
{
  /* XML 1.0 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] |
   * [#x10000-#x10FFFF]; surrogates cannot come out of valid UTF-8. CR: see
   * the header. */
  return (c < 0x20 && c != '\t' && c != '\n') || c == 0xFFFE || c == 0xFFFF;
}

/* Without allocating: valid UTF-8 holding no forbidden character. */
static gboolean
is_xml_safe (const char *text)
{
  if (!g_utf8_validate (text, -1, NULL))
    return FALSE;
  for (const guchar *p = (const guchar *) text; *p != '\0'; p++)
    {
      if (*p < 0x20 && *p != '\t' && *p != '\n')
        return FALSE;
      /* U+FFFE and U+FFFF are EF BF BE and EF BF BF */
      if (p[0] == 0xEF && p[1] == 0xBF && (p[2] == 0xBE || p[2] == 0xBF))
        return FALSE;
    }
  return TRUE;
}

const char *
ent_xlsx_xml_safe (const char  *text,
                   char       **storage)
{
  g_autofree char *valid = NULL;
  GString *out;

  g_return_val_if_fail (storage != NULL && *storage == NULL, text);

  if (text == NULL || is_xml_safe (text))
    return text;

  /* each byte that is not UTF-8 becomes U+FFFD */
  valid = g_utf8_make_valid (text, -1);
  out = g_string_sized_new (strlen (valid));
  for (const char *p = valid; *p != '\0';)
    {
      const char *next = g_utf8_next_char (p);

      if (is_xml_forbidden (g_utf8_get_char (p)))
        g_string_append (out, REPLACEMENT_CHARACTER);
      else
        g_string_append_len (out, p, next - p);
      p = next;
    }
  *storage = g_string_free (out, FALSE);
  return *storage;
}

/* In a cell's text, Excel reads "_x0041_" as the character U+0041 (the
 * escape libxlsxwriter uses for control characters), so a name holding that
 * text would come back as "A" and no longer match the formulas that quote it.
 * The underscore of such a sequence is written "_x005F_", as Excel does.
 * Returns NULL when @text has none. */
static char *
escape_cell_escapes (const char *text)
{
  GString *out = NULL;
  const char *done = text;

  for (const char *p = strstr (text, "_x"); p != NULL; p = strstr (p + 1, "_x"))
    {
      gboolean escape = TRUE;

      /* stops at the NUL: p[6] is only read after four hex digits */
      for (guint i = 2; escape && i < 6; i++)
        escape = g_ascii_isxdigit (p[i]);
      if (!escape || p[6] != '_')
        continue;
      if (out == NULL)
        out = g_string_new (NULL);
      g_string_append_len (out, done, p - done);
      g_string_append (out, "_x005F_");   /* the "_", escaped */
      done = p + 1;                        /* then "x0041_" as it was */
    }
  if (out == NULL)
    return NULL;
  g_string_append (out, done);
  return g_string_free (out, FALSE);
}

static void
sheet_free (gpointer data)
{
  EntXlsxSheet *sheet = data;

  g_free (sheet->name);
  g_free (sheet->ref);
  g_free (sheet);
}

static void
cell_clear (gpointer data)
{
  EntXlsxCell *cell = data;

  g_free (cell->text);
}

void
ent_xlsx_writer_init (EntXlsxWriter *self,
                      lxw_workbook  *workbook,
                      gboolean       record)
{
  memset (self, 0, sizeof *self);
  self->workbook = workbook;
  self->status = LXW_NO_ERROR;
  self->sheets = g_ptr_array_new_with_free_func (sheet_free);
  if (record)
    {
      self->record = g_array_new (FALSE, FALSE, sizeof (EntXlsxCell));
      g_array_set_clear_func (self->record, cell_clear);
    }
}

void
ent_xlsx_writer_clear (EntXlsxWriter *self)
{
  g_clear_pointer (&self->sheets, g_ptr_array_unref);
  g_clear_pointer (&self->record, g_array_unref);
  g_clear_pointer (&self->failed_at, g_free);
  self->workbook = NULL;
}

gboolean
ent_xlsx_writer_check (EntXlsxWriter      *self,
                       lxw_error           error,
                       const char         *what,
                       const EntXlsxSheet *sheet)
{
  if (G_LIKELY (error == LXW_NO_ERROR))
    return TRUE;

  if (self->status == LXW_NO_ERROR)
    {
      self->status = error;
      if (sheet != NULL)
        self->failed_at = g_strdup_printf ("%s, %s", sheet->name, what);
      else
        self->failed_at = g_strdup (what);
    }
  return FALSE;
}

static lxw_format *
add_format (EntXlsxWriter *self,
            const char    *num_format,
            gboolean       bold)
{
  lxw_format *format = workbook_add_format (self->workbook);

  if (format == NULL)
    {
      ent_xlsx_writer_check (self, LXW_ERROR_MEMORY_MALLOC_FAILED, "formats", NULL);
      return NULL;
    }
  if (num_format != NULL)
    format_set_num_format (format, num_format);
  if (bold)
    format_set_bold (format);
  return format;
}

gboolean
ent_xlsx_writer_add_formats (EntXlsxWriter *self)
{
  lxw_format **f = self->formats;

  f[ENT_XLSX_FMT_NONE] = NULL;
  f[ENT_XLSX_FMT_TITLE] = add_format (self, NULL, TRUE);
  f[ENT_XLSX_FMT_SECTION] = add_format (self, NULL, TRUE);
  f[ENT_XLSX_FMT_HEADER] = add_format (self, NULL, TRUE);
  f[ENT_XLSX_FMT_LABEL] = add_format (self, NULL, TRUE);
  f[ENT_XLSX_FMT_TEXT_BOLD] = add_format (self, NULL, TRUE);
  f[ENT_XLSX_FMT_YEAR] = add_format (self, ENT_XLSX_NUM_YEAR, FALSE);
  f[ENT_XLSX_FMT_YEAR_BOLD] = add_format (self, ENT_XLSX_NUM_YEAR, TRUE);
  f[ENT_XLSX_FMT_INTEGER] = add_format (self, ENT_XLSX_NUM_INTEGER, FALSE);
  f[ENT_XLSX_FMT_INTEGER_BOLD] = add_format (self, ENT_XLSX_NUM_INTEGER, TRUE);
  f[ENT_XLSX_FMT_INTEGER_KNOWN] = add_format (self, ENT_XLSX_NUM_INTEGER, FALSE);
  f[ENT_XLSX_FMT_INTEGER_PROJECTED] = add_format (self, ENT_XLSX_NUM_INTEGER, FALSE);
  f[ENT_XLSX_FMT_EURO] = add_format (self, ENT_XLSX_NUM_EURO, FALSE);
  f[ENT_XLSX_FMT_EURO_BOLD] = add_format (self, ENT_XLSX_NUM_EURO, TRUE);
  f[ENT_XLSX_FMT_EURO_TOTAL] = add_format (self, ENT_XLSX_NUM_EURO, TRUE);
  f[ENT_XLSX_FMT_DATE] = add_format (self, ENT_XLSX_NUM_DATE, FALSE);
  f[ENT_XLSX_FMT_DATETIME] = add_format (self, ENT_XLSX_NUM_DATETIME, FALSE);
  f[ENT_XLSX_FMT_PERCENT] = add_format (self, ENT_XLSX_NUM_PERCENT, FALSE);
  f[ENT_XLSX_FMT_TEXT_TOTAL] = add_format (self, NULL, TRUE);
  f[ENT_XLSX_FMT_TEXT_WRAP] = add_format (self, NULL, FALSE);
  f[ENT_XLSX_FMT_TEXT_INDENT] = add_format (self, NULL, FALSE);
  f[ENT_XLSX_FMT_TEXT_BOLD_INDENT] = add_format (self, NULL, TRUE);
  f[ENT_XLSX_FMT_TEXT_TOTAL_INDENT] = add_format (self, NULL, TRUE);

  if (self->status != LXW_NO_ERROR)
    return FALSE;

  format_set_font_size (f[ENT_XLSX_FMT_TITLE], 16);
  format_set_font_color (f[ENT_XLSX_FMT_TITLE], 0x1F3864);
  format_set_font_size (f[ENT_XLSX_FMT_SECTION], 12);
  format_set_font_color (f[ENT_XLSX_FMT_SECTION], 0x1F3864);
  format_set_bottom (f[ENT_XLSX_FMT_SECTION], LXW_BORDER_THIN);

  /* Table headers: wrapped so that long labels do not widen the columns. */
  format_set_text_wrap (f[ENT_XLSX_FMT_HEADER]);
  format_set_align (f[ENT_XLSX_FMT_HEADER], LXW_ALIGN_VERTICAL_BOTTOM);
  format_set_bg_color (f[ENT_XLSX_FMT_HEADER], 0xD9E1F2);
  format_set_bottom (f[ENT_XLSX_FMT_HEADER], LXW_BORDER_THIN);

  /* Known and projected pupil counts must be told apart at a glance, in
   * colour and in black and white. */
  format_set_bg_color (f[ENT_XLSX_FMT_INTEGER_KNOWN], 0xFFFFFF);
  format_set_italic (f[ENT_XLSX_FMT_INTEGER_PROJECTED]);
  format_set_font_color (f[ENT_XLSX_FMT_INTEGER_PROJECTED], 0x1F4E79);
  format_set_bg_color (f[ENT_XLSX_FMT_INTEGER_PROJECTED], 0xFFF2CC);

  format_set_top (f[ENT_XLSX_FMT_EURO_TOTAL], LXW_BORDER_THIN);
  format_set_top (f[ENT_XLSX_FMT_INTEGER_BOLD], LXW_BORDER_THIN);
  format_set_text_wrap (f[ENT_XLSX_FMT_TEXT_WRAP]);
  /* text right of a right-aligned amount: keep them apart */
  format_set_indent (f[ENT_XLSX_FMT_TEXT_INDENT], 1);
  format_set_indent (f[ENT_XLSX_FMT_TEXT_BOLD_INDENT], 1);
  format_set_indent (f[ENT_XLSX_FMT_TEXT_TOTAL_INDENT], 1);
  format_set_top (f[ENT_XLSX_FMT_TEXT_TOTAL_INDENT], LXW_BORDER_THIN);
  format_set_top (f[ENT_XLSX_FMT_TEXT_TOTAL], LXW_BORDER_THIN);
  format_set_align (f[ENT_XLSX_FMT_DATE], LXW_ALIGN_LEFT);
  format_set_align (f[ENT_XLSX_FMT_DATETIME], LXW_ALIGN_LEFT);
  format_set_align (f[ENT_XLSX_FMT_YEAR], LXW_ALIGN_LEFT);
  format_set_align (f[ENT_XLSX_FMT_YEAR_BOLD], LXW_ALIGN_LEFT);
  return TRUE;
}

/* A sheet name Excel accepts: at most 31 characters, none of []:*?/\, not
 * starting or ending with an apostrophe, unique regardless of case. */
static char *
make_sheet_name (EntXlsxWriter *self,
                 const char    *title)
{
  GString *name = g_string_new (NULL);
  g_autofree char *base = NULL;
  guint n_chars = 0;
  guint suffix = 2;

  for (const char *p = title; *p != '\0' && n_chars < LXW_SHEETNAME_MAX; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (strchr ("[]:*?/\\", (int) c) != NULL && c < 128)
        c = '-';
      else if (c < 0x20)
        c = ' ';
      g_string_append_unichar (name, c);
      n_chars++;
    }
  while (name->len > 0 && name->str[0] == '\'')
    g_string_erase (name, 0, 1);
  while (name->len > 0 && name->str[name->len - 1] == '\'')
    g_string_truncate (name, name->len - 1);
  if (name->len == 0)
    g_string_assign (name, "Sheet");

  base = g_string_free (name, FALSE);
  for (char *candidate = g_strdup (base);; suffix++)
    {
      gboolean taken = FALSE;
      g_autofree char *folded = g_utf8_casefold (candidate, -1);

      for (guint i = 0; i < self->sheets->len && !taken; i++)
        {
          EntXlsxSheet *other = g_ptr_array_index (self->sheets, i);
          g_autofree char *other_folded = g_utf8_casefold (other->name, -1);

          taken = g_str_equal (folded, other_folded);
        }
      if (!taken)
        return candidate;

      g_free (candidate);
      {
        g_autofree char *tail = g_strdup_printf (" (%u)", suffix);
        glong room = LXW_SHEETNAME_MAX - (glong) strlen (tail);
        g_autofree char *head = g_utf8_substring (base, 0, MIN (room, g_utf8_strlen (base, -1)));

        candidate = g_strconcat (head, tail, NULL);
      }
    }
}

EntXlsxSheet *
ent_xlsx_writer_add_sheet (EntXlsxWriter *self,
                           const char    *title)
{
  g_autofree char *safe_title = NULL;
  EntXlsxSheet *sheet;
  GString *ref;
  lxw_error error;

  sheet = g_new0 (EntXlsxSheet, 1);
  sheet->name = make_sheet_name (self, ent_xlsx_xml_safe (title, &safe_title));
  sheet->index = self->sheets->len;
  error = workbook_validate_sheet_name (self->workbook, sheet->name);
  if (error == LXW_NO_ERROR)
    {
      sheet->worksheet = workbook_add_worksheet (self->workbook, sheet->name);
      if (sheet->worksheet == NULL)
        error = LXW_ERROR_MEMORY_MALLOC_FAILED;
    }
  if (error != LXW_NO_ERROR)
    {
      g_autofree char *what = g_strdup_printf ("sheet %s", sheet->name);

      ent_xlsx_writer_check (self, error, what, NULL);
      sheet_free (sheet);
      return NULL;
    }

  ref = g_string_new ("'");
  for (const char *p = sheet->name; *p != '\0'; p++)
    {
      if (*p == '\'')
        g_string_append_c (ref, '\'');
      g_string_append_c (ref, *p);
    }
  g_string_append_c (ref, '\'');
  sheet->ref = g_string_free (ref, FALSE);

  g_ptr_array_add (self->sheets, sheet);
  return sheet;
}

static void
record (EntXlsxWriter   *self,
        EntXlsxSheet    *sheet,
        guint32          row,
        guint16          col,
        EntXlsxCellType  type,
        EntXlsxFormat    format,
        double           number,
        const char      *text)
{
  EntXlsxCell cell = {
    .sheet = sheet->index,
    .col = col,
    .row = row,
    .type = type,
    .format = format,
    .number = number,
    .text = g_strdup (text),
  };

  g_array_append_val (self->record, cell);
}

static inline void
measure (EntXlsxSheet *sheet,
         guint16       col,
         guint         width)
{
  if (col < ENT_XLSX_MAX_COLUMNS && width > sheet->widths[col])
    sheet->widths[col] = width;
}

static void
report_cell (EntXlsxWriter *self,
             EntXlsxSheet  *sheet,
             guint32        row,
             guint16        col,
             lxw_error      error)
{
  char cell[ENT_XLSX_CELL_NAME_SIZE];
  g_autofree char *what = NULL;

  ent_xlsx_cell_name (cell, row, col);
  what = g_strdup_printf ("cell %s", cell);
  ent_xlsx_writer_check (self, error, what, sheet);
}

void
ent_xlsx_put_text (EntXlsxWriter *self,
                   EntXlsxSheet  *sheet,
                   guint32        row,
                   guint16        col,
                   const char    *text,
                   EntXlsxFormat  format,
                   gboolean       measure_it)
{
  g_autofree char *safe_copy = NULL;
  g_autofree char *escaped = NULL;
  lxw_error error;

  if (text == NULL || *text == '\0')
    {
      if (format == ENT_XLSX_FMT_NONE)
        return;
      error = worksheet_write_blank (sheet->worksheet, row, col, self->formats[format]);
    }
  else
    {
      text = ent_xlsx_xml_safe (text, &safe_copy);
      if (measure_it)
        measure (sheet, col, (guint) g_utf8_strlen (text, -1) + (format == ENT_XLSX_FMT_TITLE ? 8 : 1));
      escaped = escape_cell_escapes (text);
      if (escaped != NULL)
        text = escaped;
      error = worksheet_write_string (sheet->worksheet, row, col, text, self->formats[format]);
    }
  if (G_UNLIKELY (error != LXW_NO_ERROR))
    report_cell (self, sheet, row, col, error);
  if (self->record != NULL && text != NULL && *text != '\0')
    record (self, sheet, row, col, ENT_XLSX_CELL_STRING, format, 0, text);
}

void
ent_xlsx_put_number (EntXlsxWriter *self,
                     EntXlsxSheet  *sheet,
                     guint32        row,
                     guint16        col,
                     double         value,
                     EntXlsxFormat  format,
                     guint          width)
{
  lxw_error error = worksheet_write_number (sheet->worksheet, row, col, value, self->formats[format]);

  if (G_UNLIKELY (error != LXW_NO_ERROR))
    report_cell (self, sheet, row, col, error);
  measure (sheet, col, width);
  if (self->record != NULL)
    record (self, sheet, row, col, ENT_XLSX_CELL_NUMBER, format, value, NULL);
}

void
ent_xlsx_put_formula (EntXlsxWriter *self,
                      EntXlsxSheet  *sheet,
                      guint32        row,
                      guint16        col,
                      const char    *formula,
                      double         cached,
                      EntXlsxFormat  format,
                      guint          width)
{
  g_autofree char *safe_copy = NULL;
  lxw_error error;

  /* a formula quotes names in its string literals */
  formula = ent_xlsx_xml_safe (formula, &safe_copy);
  error = worksheet_write_formula_num (sheet->worksheet, row, col, formula,
                                       self->formats[format], cached);

  if (G_UNLIKELY (error != LXW_NO_ERROR))
    report_cell (self, sheet, row, col, error);
  measure (sheet, col, width);
  if (self->record != NULL)
    record (self, sheet, row, col, ENT_XLSX_CELL_FORMULA, format, cached, formula);
}

guint
ent_xlsx_count_width (gint64 count)
{
  guint digits = 1;
  guint64 n = count < 0 ? -(guint64) count : (guint64) count;

  while (n >= 10)
    {
      n /= 10;
      digits++;
    }
  return digits + (digits - 1) / 3 + (count < 0 ? 1 : 0) + 2;
}

guint
ent_xlsx_money_width (gint64 cents)
{
  /* euros with grouping, ",00", " €", and a gap before the next column */
  return ent_xlsx_count_width (cents / 100) + 7;
}

void
ent_xlsx_put_money (EntXlsxWriter *self,
                    EntXlsxSheet  *sheet,
                    guint32        row,
                    guint16        col,
                    gint64         cents,
                    EntXlsxFormat  format)
{
  /* The only conversion of an amount to a double: at the cell. */
  ent_xlsx_put_number (self, sheet, row, col, (double) cents / 100.0, format,
                       ent_xlsx_money_width (cents));
}

void
ent_xlsx_put_money_formula (EntXlsxWriter *self,
                            EntXlsxSheet  *sheet,
                            guint32        row,
                            guint16        col,
                            const char    *formula,
                            gint64         cents,
                            EntXlsxFormat  format)
{
  ent_xlsx_put_formula (self, sheet, row, col, formula, (double) cents / 100.0, format,
                        ent_xlsx_money_width (cents));
}

void
ent_xlsx_put_count (EntXlsxWriter *self,
                    EntXlsxSheet  *sheet,
                    guint32        row,
                    guint16        col,
                    gint64         count,
                    EntXlsxFormat  format)
{
  ent_xlsx_put_number (self, sheet, row, col, (double) count, format, ent_xlsx_count_width (count));
}

void
ent_xlsx_put_count_formula (EntXlsxWriter *self,
                            EntXlsxSheet  *sheet,
                            guint32        row,
                            guint16        col,
                            const char    *formula,
                            gint64         count,
                            EntXlsxFormat  format)
{
  ent_xlsx_put_formula (self, sheet, row, col, formula, (double) count, format,
                        ent_xlsx_count_width (count));
}

double
ent_xlsx_date_serial (const GDate *date)
{
  GDate epoch;

  /* Excel's day 0 is 1899-12-30 for every date after February 1900. */
  g_date_clear (&epoch, 1);
  g_date_set_dmy (&epoch, 30, G_DATE_DECEMBER, 1899);
  return (double) g_date_days_between (&epoch, date);
}

void
ent_xlsx_put_date (EntXlsxWriter *self,
                   EntXlsxSheet  *sheet,
                   guint32        row,
                   guint16        col,
                   const GDate   *date,
                   EntXlsxFormat  format)
{
  if (date == NULL || !g_date_valid (date))
    return;
  ent_xlsx_put_number (self, sheet, row, col, ent_xlsx_date_serial (date), format, 12);
}

void
ent_xlsx_sheet_fit_columns (EntXlsxWriter *self,
                            EntXlsxSheet  *sheet,
                            guint          min_width,
                            guint          max_width)
{
  for (guint16 col = 0; col < ENT_XLSX_MAX_COLUMNS; col++)
    {
      guint width = sheet->widths[col];

      if (width == 0)
        continue;
      width = CLAMP (width, min_width, max_width);
      ent_xlsx_writer_check (self,
                             worksheet_set_column (sheet->worksheet, col, col, width, NULL),
                             "column widths", sheet);
    }
}

void
ent_xlsx_writer_define_name (EntXlsxWriter *self,
                             const char    *name,
                             const char    *formula)
{
  g_autofree char *safe_name = NULL;
  g_autofree char *safe_formula = NULL;
  g_autofree char *what = NULL;
  lxw_error error;

  name = ent_xlsx_xml_safe (name, &safe_name);
  formula = ent_xlsx_xml_safe (formula, &safe_formula);
  error = workbook_define_name (self->workbook, name, formula);
  if (G_UNLIKELY (error != LXW_NO_ERROR))
    {
      what = g_strdup_printf ("name %s", name);
      ent_xlsx_writer_check (self, error, what, NULL);
    }
}

/* Written here rather than by lxw_rowcol_to_cell so that the bound of
 * ENT_XLSX_CELL_NAME_SIZE follows from this code alone, for any row and
 * column: at most 2 + 4 + 10 characters (a guint16 column has at most four
 * letters, a guint32 row plus one at most ten digits), and g_snprintf never
 * writes past the size anyway. */
static void
format_cell_name (char     *buf,
                  guint32   row,
                  guint16   col,
                  gboolean  absolute)
{
  char letters[4];
  guint n = 0;
  guint32 c = (guint32) col + 1;
  gsize pos = 0;

  while (c > 0 && n < G_N_ELEMENTS (letters))
    {
      letters[n++] = (char) ('A' + (c - 1) % 26);
      c = (c - 1) / 26;
    }
  if (absolute)
    buf[pos++] = '$';
  while (n > 0)
    buf[pos++] = letters[--n];
  g_snprintf (buf + pos, ENT_XLSX_CELL_NAME_SIZE - pos, "%s%" G_GUINT64_FORMAT,
              absolute ? "$" : "", (guint64) row + 1);
}

void
ent_xlsx_cell_name (char    *buf,
                    guint32  row,
                    guint16  col)
{
  format_cell_name (buf, row, col, FALSE);
}

void
ent_xlsx_cell_name_abs (char    *buf,
                        guint32  row,
                        guint16  col)
{
  format_cell_name (buf, row, col, TRUE);
}
