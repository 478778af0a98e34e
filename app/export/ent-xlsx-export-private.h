/* ent-xlsx-export-private.h: what the benchmark and the tests need beyond the
 * public API, and what the workbook's sheets share
 *
 * ent-xlsx-export.c prepares an EntXlsxExport, adds the sheets and writes
 * them in dependency order; each sheet is written by its own file,
 * ent-xlsx-sheet-*.c, and the helpers they share are in
 * ent-xlsx-sheet-common.c. A sheet that refers to another one's cells finds
 * them in the rows that sheet recorded here (EntXlsxScenarioInfo).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ent-budget.h"
#include "ent-budget-query.h"
#include "ent-compare.h"
#include "ent-xlsx-export.h"
#include "ent-xlsx-writer.h"

G_BEGIN_DECLS

/* ent_xlsx_export() that also hands back every cell written (EntXlsxCell, in
 * writing order) and the sheet names (in workbook order), so that a benchmark
 * can write exactly the same cells through a bare loop. */
gboolean ent_xlsx_export_recorded (EntDocument          *document,
                                   const char           *path,
                                   const EntXlsxOptions *options,
                                   GArray              **out_cells,
                                   GStrv                *out_sheet_names,
                                   GError              **error);

/* ------------------------------------------------- shared by the sheets */

#define ENT_XLSX_BP_SCALE 10000      /* 100 % in basis points */

#define ENT_XLSX_LINE_HEIGHT 15.0

/* Formulas, names and labels are built with g_strdup_printf or GString, never
 * in a fixed-size buffer (SPEC 10.5: a long scenario name was cut inside the
 * formula, even inside a UTF-8 character). Cell references use
 * ENT_XLSX_CELL_NAME_SIZE, whose bound ent-xlsx-writer.h proves. */
typedef char EntXlsxCellName[ENT_XLSX_CELL_NAME_SIZE];

/* Credits sheet columns; the second segment's columns exist in prorata only. */
enum
{
  ENT_XLSX_CR_YEAR,
  ENT_XLSX_CR_SECTION,
  ENT_XLSX_CR_CHAPTER,
  ENT_XLSX_CR_CHAPTER_LABEL,     /* the M57 chart's label of the code before */
  ENT_XLSX_CR_NATURE,
  ENT_XLSX_CR_NATURE_LABEL,
  ENT_XLSX_CR_FUNCTION,
  ENT_XLSX_CR_FUNCTION_LABEL,
  ENT_XLSX_CR_LABEL,
  ENT_XLSX_CR_QUANTITY,
  ENT_XLSX_CR_PRICE,
  ENT_XLSX_CR_MONTHS,
  ENT_XLSX_CR_QUANTITY_2,
  ENT_XLSX_CR_PRICE_2,
  ENT_XLSX_CR_MONTHS_2,
};

/* Pupils sheet columns (the Credits sheet refers to the year columns) */
enum
{
  ENT_XLSX_PU_SCENARIO,
  ENT_XLSX_PU_SCHOOL,
  ENT_XLSX_PU_UAI,
  ENT_XLSX_PU_COMMUNE,
  ENT_XLSX_PU_FIRST_YEAR,
};

typedef struct
{
  const EntScenarioBudget *sb;
  char     *safe_name;           /* sb->name as the cells hold it (ent_xlsx_xml_safe) */
  guint     number;              /* 1-based position among the exported scenarios */
  gint64    increase_bp;
  int       max_raise;           /* rows of raised rates on the Assumptions sheet */
  guint32   pupils_total_row;    /* Pupils sheet */
  guint32  *year_total_rows;     /* Credits sheet, one per budget year */
  guint32  *year_first_rows;     /* Credits sheet: the year's lines, first and */
  guint32  *year_end_rows;       /* after the last (equal when none) */
  gboolean  sum_by_rows;         /* year totals as SUM of the year's rows, not
                                    SUMIFS on the name: another exported scenario
                                    has the name, or it is no usable criterion */
  guint32   contract_total_row;  /* Credits sheet */
} EntXlsxScenarioInfo;

typedef struct
{
  EntDocument          *document;
  EntTariffSchedule    *tariffs;
  EntBudget            *budget;
  EntSensitivity       *sensitivity;        /* contract totals per pupil change */
  char                **sensitivity_labels; /* "−20 %" …, formatted in the UI locale */
  GDateTime            *generated;
  EntXlsxWriter         w;
  guint                 n_scenarios;
  EntXlsxScenarioInfo  *scenarios;
  guint                 n_periods;
  EntTariffPeriod     **periods;    /* references, schedule order */
  gboolean              prorata;
  guint16               cr_amount;  /* Credits columns after the segments */
  guint16               cr_scenario;
  EntXlsxSheet         *summary;
  EntXlsxSheet         *credits;
  EntXlsxSheet         *pupils;
  EntXlsxSheet         *assumptions;
  EntXlsxSheet         *aecp;
  EntXlsxSheet         *allocation;
} EntXlsxExport;

/* ent-xlsx-sheet-common.c */
extern const char *const ent_xlsx_kind_keys[ENT_N_LINES];

const char *ent_xlsx_kind_title                  (EntLineKind                kind);
char       *ent_xlsx_school_year_label           (int                        school_year);
guint       ent_xlsx_wrapped_lines               (const char                *text,
                                                  guint                      column_width);
char       *ent_xlsx_optional_text               (EntScenario               *scenario);
const char *ent_xlsx_projection_text             (EntScenario               *scenario);
char       *ent_xlsx_export_rate_name            (EntXlsxExport             *ex,
                                                  const EntXlsxScenarioInfo *si,
                                                  EntLineKind                kind,
                                                  const GDate               *date,
                                                  gint64                    *out_cents,
                                                  int                       *out_raises);
char       *ent_xlsx_export_half_days_text       (EntXlsxExport             *ex,
                                                  EntScenario               *scenario);
void        ent_xlsx_export_put_header_row       (EntXlsxExport             *ex,
                                                  EntXlsxSheet              *sheet,
                                                  guint32                    row,
                                                  const char *const         *titles,
                                                  guint                      n_titles);
void        ent_xlsx_export_put_label_value      (EntXlsxExport             *ex,
                                                  EntXlsxSheet              *sheet,
                                                  guint32                    row,
                                                  const char                *label,
                                                  const char                *value);
guint32     ent_xlsx_export_write_contract_block (EntXlsxExport             *ex,
                                                  EntXlsxSheet              *sheet,
                                                  guint32                    row,
                                                  gboolean                   full);
void        ent_xlsx_export_setup_page           (EntXlsxExport             *ex,
                                                  EntXlsxSheet              *sheet,
                                                  int                        header_row,
                                                  guint16                    pages_tall);

/* One file each, called in this order by ent-xlsx-export.c: a sheet refers
 * only to names and rows that the sheets before it recorded. */
void ent_xlsx_export_write_assumptions (EntXlsxExport *ex);   /* ent-xlsx-sheet-assumptions.c */
void ent_xlsx_export_write_pupils      (EntXlsxExport *ex);   /* ent-xlsx-sheet-pupils.c */
void ent_xlsx_export_write_credits     (EntXlsxExport *ex);   /* ent-xlsx-sheet-credits.c */
void ent_xlsx_export_write_summary     (EntXlsxExport *ex);   /* ent-xlsx-sheet-summary.c */
void ent_xlsx_export_write_aecp        (EntXlsxExport *ex);   /* ent-xlsx-sheet-aecp.c */
void ent_xlsx_export_write_allocation  (EntXlsxExport *ex);   /* ent-xlsx-sheet-allocation.c */

G_END_DECLS
