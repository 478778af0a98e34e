/* ent-xlsx-sheet-pupils.c: the Pupils sheet (Effectifs): each scenario's
 * counts per school and school year, projected counts as formulas, and the
 * totals the Credits sheet's quantities refer to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ent-xlsx-export-private.h"

#include <glib/gi18n-lib.h>

#include "ent-money.h"

#define PU_HEADER_ROW 3

void
ent_xlsx_export_write_pupils (EntXlsxExport *ex)
{
  EntXlsxSheet *sheet = ex->pupils;
  const EntBudget *budget = ex->budget;
  guint n_cols = ENT_XLSX_PU_FIRST_YEAR + budget->n_school_years;
  g_autoptr (GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
  guint32 row = 0;

  ent_xlsx_put_text (&ex->w, sheet, row, 0, _("Known count"), ENT_XLSX_FMT_INTEGER_KNOWN, FALSE);
  ent_xlsx_put_text (&ex->w, sheet, row++, 1, _("as entered in the document"), ENT_XLSX_FMT_NONE, FALSE);
  ent_xlsx_put_text (&ex->w, sheet, row, 0, _("Projected count"), ENT_XLSX_FMT_INTEGER_PROJECTED, FALSE);
  ent_xlsx_put_text (&ex->w, sheet, row++, 1,
                     _("projected by the scenario from the latest known count (formula)"),
                     ENT_XLSX_FMT_NONE, FALSE);

  g_ptr_array_add (titles, g_strdup (_("Scenario")));
  g_ptr_array_add (titles, g_strdup (_("School")));
  g_ptr_array_add (titles, g_strdup (_("UAI")));
  g_ptr_array_add (titles, g_strdup (_("Commune")));
  for (guint y = 0; y < budget->n_school_years; y++)
    g_ptr_array_add (titles, ent_xlsx_school_year_label (budget->first_school_year + (int) y));
  /* Translators: header of the Pupils sheet's column saying where each
   * school's counts come from and when it opens or closes */
  g_ptr_array_add (titles, g_strdup (_("Source")));
  ent_xlsx_export_put_header_row (ex, sheet, PU_HEADER_ROW, (const char *const *) titles->pdata, titles->len);
  row = PU_HEADER_ROW + 1;

  for (guint s = 0; s < ex->n_scenarios; s++)
    {
      EntXlsxScenarioInfo *si = &ex->scenarios[s];
      const EntScenarioBudget *sb = si->sb;
      EntScenario *scenario = sb->scenario;
      gboolean rate = ent_scenario_get_projection (scenario) == ENT_PROJECTION_RATE;
      gint64 rate_bp = ent_scenario_get_projection_rate (scenario);
      guint32 first_row = row;

      for (guint i = 0; i < budget->n_schools; i++, row++)
        {
          EntSchool *school = budget->schools[i];
          const gint64 *pupils = &sb->pupils[i * budget->n_school_years];
          const gboolean *known = &sb->known[i * budget->n_school_years];
          guint n_known = ent_school_get_n_known (school);

          ent_xlsx_put_text (&ex->w, sheet, row, ENT_XLSX_PU_SCENARIO, sb->name, ENT_XLSX_FMT_NONE, TRUE);
          ent_xlsx_put_text (&ex->w, sheet, row, ENT_XLSX_PU_SCHOOL, ent_school_get_name (school),
                             ENT_XLSX_FMT_NONE, TRUE);
          ent_xlsx_put_text (&ex->w, sheet, row, ENT_XLSX_PU_UAI, ent_school_get_uai (school),
                             ENT_XLSX_FMT_NONE, TRUE);
          ent_xlsx_put_text (&ex->w, sheet, row, ENT_XLSX_PU_COMMUNE, budget->communes[budget->school_commune[i]],
                             ENT_XLSX_FMT_NONE, TRUE);
          {
            /* SPEC 3, 12: where the counts come from, when it opens or closes */
            g_autofree char *sources = ent_school_describe_sources (school);

            ent_xlsx_put_text (&ex->w, sheet, row, ENT_XLSX_PU_FIRST_YEAR + budget->n_school_years,
                               sources, ENT_XLSX_FMT_NONE, TRUE);
          }

          for (guint y = 0; y < budget->n_school_years; y++)
            {
              guint16 col = ENT_XLSX_PU_FIRST_YEAR + y;
              int school_year = budget->first_school_year + (int) y;
              gboolean has_before = FALSE;
              int earliest_after = G_MAXINT;
              EntXlsxCellName source;
              g_autofree char *formula = NULL;
              gint64 value = 0;
              gboolean use_formula = FALSE;

              if (known[y])
                {
                  ent_xlsx_put_count (&ex->w, sheet, row, col, pupils[y], ENT_XLSX_FMT_INTEGER_KNOWN);
                  continue;
                }

              for (guint k = 0; k < n_known; k++)
                {
                  int known_year;

                  ent_school_get_nth_known (school, k, &known_year, NULL);
                  if (known_year < school_year)
                    has_before = TRUE;
                  else if (known_year > school_year && known_year < earliest_after)
                    earliest_after = known_year;
                }

              if (has_before && y > 0)
                {
                  /* step by step from the previous school year (SPEC 4.1) */
                  ent_xlsx_cell_name (source, row, col - 1);
                  if (rate)
                    {
                      formula = g_strdup_printf ("ROUND(%s*(1+Projection_S%u),0)", source, si->number);
                      value = ent_round_div (pupils[y - 1] * (ENT_XLSX_BP_SCALE + rate_bp), ENT_XLSX_BP_SCALE);
                    }
                  else
                    {
                      formula = g_strdup (source);
                      value = pupils[y - 1];
                    }
                  use_formula = value == pupils[y];
                }
              else if (!has_before && earliest_after != G_MAXINT
                       && earliest_after < budget->first_school_year + (int) budget->n_school_years)
                {
                  /* before the first known count: that count */
                  ent_xlsx_cell_name (source, row,
                                      ENT_XLSX_PU_FIRST_YEAR + (earliest_after - budget->first_school_year));
                  formula = g_strdup (source);
                  use_formula = pupils[earliest_after - budget->first_school_year] == pupils[y];
                }

              if (use_formula)
                ent_xlsx_put_count_formula (&ex->w, sheet, row, col, formula, pupils[y],
                                            ENT_XLSX_FMT_INTEGER_PROJECTED);
              else
                ent_xlsx_put_count (&ex->w, sheet, row, col, pupils[y], ENT_XLSX_FMT_INTEGER_PROJECTED);
            }
        }

      /* totals of the scenario */
      si->pupils_total_row = row;
      ent_xlsx_put_text (&ex->w, sheet, row, ENT_XLSX_PU_SCENARIO, sb->name, ENT_XLSX_FMT_TEXT_TOTAL, TRUE);
      ent_xlsx_put_text (&ex->w, sheet, row, ENT_XLSX_PU_SCHOOL, _("Total"), ENT_XLSX_FMT_TEXT_TOTAL, TRUE);
      ent_xlsx_put_text (&ex->w, sheet, row, ENT_XLSX_PU_UAI, "", ENT_XLSX_FMT_TEXT_TOTAL, FALSE);
      ent_xlsx_put_text (&ex->w, sheet, row, ENT_XLSX_PU_COMMUNE, "", ENT_XLSX_FMT_TEXT_TOTAL, FALSE);
      for (guint y = 0; y < budget->n_school_years; y++)
        {
          guint16 col = ENT_XLSX_PU_FIRST_YEAR + y;
          gint64 total = ent_scenario_budget_count_pupils (budget, sb, budget->first_school_year + (int) y, NULL);
          EntXlsxCellName from, to;

          ent_xlsx_cell_name (from, first_row, col);
          ent_xlsx_cell_name (to, MAX (row, first_row + 1) - 1, col);
          if (budget->n_schools > 0)
            {
              g_autofree char *formula = g_strdup_printf ("SUM(%s:%s)", from, to);

              ent_xlsx_put_count_formula (&ex->w, sheet, row, col, formula, total, ENT_XLSX_FMT_INTEGER_BOLD);
            }
          else
            ent_xlsx_put_count (&ex->w, sheet, row, col, 0, ENT_XLSX_FMT_INTEGER_BOLD);
        }
      row += 2;
    }

  for (guint16 col = ENT_XLSX_PU_FIRST_YEAR; col < n_cols && col < ENT_XLSX_MAX_COLUMNS; col++)
    sheet->widths[col] = MAX (sheet->widths[col], 11);
  ent_xlsx_sheet_fit_columns (&ex->w, sheet, 8, 60);
  ent_xlsx_export_setup_page (ex, sheet, PU_HEADER_ROW, 0);
}
