/* ent-xlsx-sheet-aecp.c: the AE-CP sheet: per scenario and budget year, the
 * commitment authorisation (the contract total) and the payment credits (the
 * year total), cumulated, and what remains to finance
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ent-xlsx-export-private.h"

#include <glib/gi18n-lib.h>

void
ent_xlsx_export_write_aecp (EntXlsxExport *ex)
{
  EntXlsxSheet *sheet = ex->aecp;
  const char *const titles[] = {
    _("Scenario"),
    _("Budget year"),
    _("Commitment authorisation (AE)"),
    _("Payment credits (CP)"),
    _("Cumulated payment credits"),
    _("Remaining to finance"),
  };
  guint32 row = 1;

  ent_xlsx_export_put_header_row (ex, sheet, 0, titles, G_N_ELEMENTS (titles));
  for (guint s = 0; s < ex->n_scenarios; s++)
    {
      EntXlsxScenarioInfo *si = &ex->scenarios[s];
      guint32 first_row = row;

      for (guint y = 0; y < si->sb->n_years; y++, row++)
        {
          const EntBudgetYear *year = &si->sb->years[y];
          EntXlsxCellName cell, first, here, ae;
          g_autofree char *authorisation = NULL;
          g_autofree char *credits = NULL;
          g_autofree char *cumulated = NULL;
          g_autofree char *remaining = NULL;

          ent_xlsx_put_text (&ex->w, sheet, row, 0, si->sb->name, ENT_XLSX_FMT_NONE, TRUE);
          ent_xlsx_put_number (&ex->w, sheet, row, 1, year->year, ENT_XLSX_FMT_YEAR, 6);

          ent_xlsx_cell_name_abs (cell, si->contract_total_row, ex->cr_amount);
          authorisation = g_strdup_printf ("%s!%s", ex->credits->ref, cell);
          ent_xlsx_put_money_formula (&ex->w, sheet, row, 2, authorisation, si->sb->total, ENT_XLSX_FMT_EURO);

          ent_xlsx_cell_name_abs (cell, si->year_total_rows[y], ex->cr_amount);
          credits = g_strdup_printf ("%s!%s", ex->credits->ref, cell);
          ent_xlsx_put_money_formula (&ex->w, sheet, row, 3, credits, year->total, ENT_XLSX_FMT_EURO);

          ent_xlsx_cell_name_abs (first, first_row, 3);
          ent_xlsx_cell_name (here, row, 3);
          cumulated = g_strdup_printf ("ROUND(SUM(%s:%s),2)", first, here);
          ent_xlsx_put_money_formula (&ex->w, sheet, row, 4, cumulated, year->cumulated, ENT_XLSX_FMT_EURO);

          ent_xlsx_cell_name (ae, row, 2);
          ent_xlsx_cell_name (here, row, 4);
          remaining = g_strdup_printf ("ROUND(%s-%s,2)", ae, here);
          ent_xlsx_put_money_formula (&ex->w, sheet, row, 5, remaining, year->remaining,
                                      ENT_XLSX_FMT_EURO);
        }
    }
  if (row > 1)
    ent_xlsx_writer_check (&ex->w, worksheet_autofilter (sheet->worksheet, 0, 0, row - 1, 5),
                           "autofilter", sheet);
  ent_xlsx_sheet_fit_columns (&ex->w, sheet, 10, 60);
  ent_xlsx_export_setup_page (ex, sheet, 0, 0);
}
