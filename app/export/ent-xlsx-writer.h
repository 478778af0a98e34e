/* ent-xlsx-writer.h: checked cell writing over libxlsxwriter (private to app/export,
 * the tests and the benchmark)
 *
 * Every libxlsxwriter call of the export goes through these helpers: they keep
 * the first lxw_error with the place it happened, measure the column widths,
 * and can record every cell so that the benchmark replays exactly the same
 * cells through a bare loop.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <xlsxwriter.h>

G_BEGIN_DECLS

typedef enum
{
  ENT_XLSX_FMT_NONE,
  ENT_XLSX_FMT_TITLE,
  ENT_XLSX_FMT_SECTION,
  ENT_XLSX_FMT_HEADER,
  ENT_XLSX_FMT_LABEL,
  ENT_XLSX_FMT_TEXT_BOLD,
  ENT_XLSX_FMT_YEAR,
  ENT_XLSX_FMT_YEAR_BOLD,
  ENT_XLSX_FMT_INTEGER,
  ENT_XLSX_FMT_INTEGER_BOLD,
  ENT_XLSX_FMT_INTEGER_KNOWN,
  ENT_XLSX_FMT_INTEGER_PROJECTED,
  ENT_XLSX_FMT_EURO,
  ENT_XLSX_FMT_EURO_BOLD,
  ENT_XLSX_FMT_EURO_TOTAL,
  ENT_XLSX_FMT_DATE,
  ENT_XLSX_FMT_DATETIME,
  ENT_XLSX_FMT_PERCENT,
  ENT_XLSX_FMT_TEXT_TOTAL,
  ENT_XLSX_FMT_TEXT_WRAP,
  ENT_XLSX_FMT_TEXT_INDENT,
  ENT_XLSX_FMT_TEXT_BOLD_INDENT,
  ENT_XLSX_FMT_TEXT_TOTAL_INDENT,
  ENT_XLSX_N_FORMATS,
} EntXlsxFormat;

/* Number formats (also used by the benchmark's bare loop). */
#define ENT_XLSX_NUM_EURO     "#,##0.00 \"€\""
#define ENT_XLSX_NUM_INTEGER  "#,##0"
#define ENT_XLSX_NUM_YEAR     "0"
#define ENT_XLSX_NUM_DATE     "dd/mm/yyyy"
#define ENT_XLSX_NUM_DATETIME "dd/mm/yyyy hh:mm"
#define ENT_XLSX_NUM_PERCENT  "0.00%"

#define ENT_XLSX_MAX_COLUMNS 24

typedef enum
{
  ENT_XLSX_CELL_STRING,
  ENT_XLSX_CELL_NUMBER,
  ENT_XLSX_CELL_FORMULA,
} EntXlsxCellType;

/* One recorded cell (benchmark only). */
typedef struct
{
  guint16         sheet;
  guint16         col;
  guint32         row;
  guint8          type;     /* EntXlsxCellType */
  guint8          format;   /* EntXlsxFormat */
  double          number;   /* the value, or the formula's cached value */
  char           *text;     /* the string or the formula; owned */
} EntXlsxCell;

typedef struct
{
  lxw_worksheet *worksheet;
  char          *name;              /* as shown on the tab */
  char          *ref;               /* quoted for formulas: 'Crédits' */
  guint          index;
  guint          widths[ENT_XLSX_MAX_COLUMNS];   /* characters */
} EntXlsxSheet;

typedef struct
{
  lxw_workbook *workbook;
  lxw_format   *formats[ENT_XLSX_N_FORMATS];
  lxw_error     status;             /* first failure, LXW_NO_ERROR */
  char         *failed_at;          /* where it happened */
  GPtrArray    *sheets;             /* EntXlsxSheet */
  GArray       *record;             /* EntXlsxCell, NULL unless recording */
} EntXlsxWriter;

void          ent_xlsx_writer_init        (EntXlsxWriter *self,
                                           lxw_workbook  *workbook,
                                           gboolean       record);
void          ent_xlsx_writer_clear       (EntXlsxWriter *self);
/* Creates the shared formats; returns FALSE (status set) on failure. */
gboolean      ent_xlsx_writer_add_formats (EntXlsxWriter *self);
/* Makes a legal, unique sheet name out of @title and adds the sheet. */
EntXlsxSheet *ent_xlsx_writer_add_sheet   (EntXlsxWriter *self,
                                           const char    *title);
/* Records @error (if any and if first) with a description of the place. */
gboolean      ent_xlsx_writer_check       (EntXlsxWriter *self,
                                           lxw_error      error,
                                           const char    *what,
                                           const EntXlsxSheet *sheet);

/* Cells. @measure says whether the cell counts for the column width. */
void ent_xlsx_put_text    (EntXlsxWriter *self, EntXlsxSheet *sheet, guint32 row, guint16 col,
                           const char *text, EntXlsxFormat format, gboolean measure);
void ent_xlsx_put_number  (EntXlsxWriter *self, EntXlsxSheet *sheet, guint32 row, guint16 col,
                           double value, EntXlsxFormat format, guint width);
void ent_xlsx_put_formula (EntXlsxWriter *self, EntXlsxSheet *sheet, guint32 row, guint16 col,
                           const char *formula, double cached, EntXlsxFormat format, guint width);
void ent_xlsx_put_money   (EntXlsxWriter *self, EntXlsxSheet *sheet, guint32 row, guint16 col,
                           gint64 cents, EntXlsxFormat format);
void ent_xlsx_put_money_formula (EntXlsxWriter *self, EntXlsxSheet *sheet, guint32 row, guint16 col,
                                 const char *formula, gint64 cents, EntXlsxFormat format);
void ent_xlsx_put_count   (EntXlsxWriter *self, EntXlsxSheet *sheet, guint32 row, guint16 col,
                           gint64 count, EntXlsxFormat format);
void ent_xlsx_put_count_formula (EntXlsxWriter *self, EntXlsxSheet *sheet, guint32 row, guint16 col,
                                 const char *formula, gint64 count, EntXlsxFormat format);
void ent_xlsx_put_date    (EntXlsxWriter *self, EntXlsxSheet *sheet, guint32 row, guint16 col,
                           const GDate *date, EntXlsxFormat format);

/* Widths in characters that a money or count value takes once formatted. */
guint ent_xlsx_money_width (gint64 cents);
guint ent_xlsx_count_width (gint64 count);

/* Applies the measured widths (clamped to [min_width, max_width]). */
void  ent_xlsx_sheet_fit_columns (EntXlsxWriter *self, EntXlsxSheet *sheet,
                                  guint min_width, guint max_width);

/* A cell reference is the only text of the export kept in a fixed buffer,
 * because its length is bounded whatever the document holds: "$", at most 4
 * column letters (a guint16 column: 65535 is "CRXP"), "$", at most 10 digits
 * of row (a guint32 plus one) and the NUL: 17 bytes. Names, labels and
 * formulas are allocated (SPEC 10.5: no fixed-size buffer cuts them). */
#define ENT_XLSX_CELL_NAME_SIZE 24

/* "A1" and "$A$1" into @buf (ENT_XLSX_CELL_NAME_SIZE bytes). */
void  ent_xlsx_cell_name     (char *buf, guint32 row, guint16 col);
void  ent_xlsx_cell_name_abs (char *buf, guint32 row, guint16 col);

/* Every string given to libxlsxwriter goes through this function (cells,
 * formulas, defined names, headers and footers, document properties, chart
 * titles, sheet names), so that no part of the workbook is invalid XML
 * whatever the document holds (SPEC 10.5). Returns @text when it is valid,
 * else a copy stored in *@storage (to free) in which each character XML 1.0
 * forbids is U+FFFD: C0 controls but tab and newline, U+FFFE, U+FFFF, and
 * bytes that are not UTF-8 (an unpaired surrogate, a cut sequence). A
 * carriage return is replaced too: XML 1.0 allows it, but a parser reads it
 * back as a newline, so a cell and a formula naming it would no longer agree.
 * NULL stays NULL. */
const char *ent_xlsx_xml_safe (const char  *text,
                               char       **storage);

/* workbook_define_name through ent_xlsx_xml_safe, the error recorded. */
void  ent_xlsx_writer_define_name (EntXlsxWriter *self,
                                   const char    *name,
                                   const char    *formula);

/* Excel serial day number of @date (1900 date system). */
double ent_xlsx_date_serial (const GDate *date);

G_END_DECLS
