/* ent-xlsx-sheet-aecp.c: the AE-CP sheet: per scenario and budget year, the
 * commitment authorisation (the contract total) and the payment credits (the
 * year total), cumulated, and what remains to finance; then following the
 * contract (SPEC 13): the credits voted and the payments made as entered,
 * what is left to pay, the year-end estimate and the DM needed as formulas
 * over them (the estimate and the DM as ent-budget-query.h defines them), and
 * the AE in force (the last revision, else the contract total)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ent-xlsx-export-private.h"

#include <glib/gi18n-lib.h>

#include "ent-budget-query.h"

/* Columns of the sheet */
enum {
  COL_SCENARIO,
  COL_YEAR,
  COL_AE,
  COL_CP,
  COL_CUMULATED,
  COL_REMAINING,
  COL_VOTED,
  COL_PAID,
  COL_LEFT,
  COL_ESTIMATE,
  COL_DM,
  COL_AE_IN_FORCE,
  N_COLS
};

/* The execution columns of one row (@cp is the row's CP cell). A figure not
 * entered stays blank, and so do the formulas that need it: "not entered"
 * is not 0. */
static void
write_execution (EntXlsxExport           *ex,
                 EntXlsxSheet            *sheet,
                 guint32                  row,
                 const EntScenarioBudget *sb,
                 guint                    year_index)
{
  EntExecution *execution = ent_document_get_execution (ex->document);
  EntExecutionYear ey;
  EntXlsxCellName cp, voted, paid, estimate;
  g_autofree char *estimate_formula = NULL;
  gint64 ae;
  gboolean revised;

  ent_scenario_budget_get_execution_year (sb, execution, year_index, &ey);
  ent_xlsx_cell_name (cp, row, COL_CP);
  ent_xlsx_cell_name (voted, row, COL_VOTED);
  ent_xlsx_cell_name (paid, row, COL_PAID);
  ent_xlsx_cell_name (estimate, row, COL_ESTIMATE);

  if (ey.has_voted)
    ent_xlsx_put_money (&ex->w, sheet, row, COL_VOTED, ey.voted, ENT_XLSX_FMT_EURO);
  if (ey.has_paid)
    ent_xlsx_put_money (&ex->w, sheet, row, COL_PAID, ey.paid, ENT_XLSX_FMT_EURO);

  /* MAX skips a blank cell: nothing paid entered, the estimate is the plan */
  estimate_formula = g_strdup_printf ("ROUND(MAX(%s,%s),2)", cp, paid);
  ent_xlsx_put_money_formula (&ex->w, sheet, row, COL_ESTIMATE, estimate_formula, ey.estimate,
                              ENT_XLSX_FMT_EURO);

  if (ey.has_voted)
    {
      g_autofree char *left = g_strdup_printf ("ROUND(%s-%s,2)", voted, paid);
      g_autofree char *dm = g_strdup_printf ("ROUND(MAX(0,%s-%s),2)", estimate, voted);

      ent_xlsx_put_money_formula (&ex->w, sheet, row, COL_LEFT, left, ey.left_to_pay,
                                  ENT_XLSX_FMT_EURO);
      ent_xlsx_put_money_formula (&ex->w, sheet, row, COL_DM, dm, MAX (ey.dm, 0),
                                  ENT_XLSX_FMT_EURO);
    }

  ae = ent_scenario_budget_get_current_ae (sb, execution, &revised);
  if (revised)
    {
      ent_xlsx_put_money (&ex->w, sheet, row, COL_AE_IN_FORCE, ae, ENT_XLSX_FMT_EURO);
    }
  else
    {
      EntXlsxCellName contract_ae;

      ent_xlsx_cell_name (contract_ae, row, COL_AE);
      ent_xlsx_put_money_formula (&ex->w, sheet, row, COL_AE_IN_FORCE, contract_ae, ae,
                                  ENT_XLSX_FMT_EURO);
    }
}

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
    /* Translators: columns following the contract (SPEC 13) */
    _("Credits voted"),
    _("Payments made"),
    _("Left to pay"),
    _("Year-end estimate"),
    /* Translators: DM is a "décision modificative", a change of the voted budget */
    _("DM needed"),
    _("AE in force"),
  };
  guint32 row = 1;

  G_STATIC_ASSERT (G_N_ELEMENTS (titles) == N_COLS);

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

          write_execution (ex, sheet, row, si->sb, y);
        }
    }
  if (row > 1)
    ent_xlsx_writer_check (&ex->w, worksheet_autofilter (sheet->worksheet, 0, 0, row - 1, N_COLS - 1),
                           "autofilter", sheet);
  ent_xlsx_sheet_fit_columns (&ex->w, sheet, 10, 60);
  ent_xlsx_export_setup_page (ex, sheet, 0, 0);
}
