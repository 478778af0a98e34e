/* ent-xlsx-sheet-allocation.c: the Allocation sheet (Répartition): each budget
 * line shared out between the schools, with subtotals per commune and per year
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ent-xlsx-export-private.h"

#include <glib/gi18n-lib.h>

/* Allocation sheet columns */
enum
{
  AL_SCENARIO,
  AL_YEAR,
  AL_COMMUNE,
  AL_SCHOOL,
  AL_UAI,
  AL_FIRST_LINE,
};

static void
put_subtotals (EntXlsxExport *ex,
               guint32        row,
               guint32        first_row,
               guint32        last_row,
               const gint64  *cents,
               EntXlsxFormat  format)
{
  EntXlsxSheet *sheet = ex->allocation;

  for (guint k = 0; k <= ENT_N_LINES; k++)
    {
      guint16 col = AL_FIRST_LINE + k;
      EntXlsxCellName from, to;
      g_autofree char *formula = NULL;

      ent_xlsx_cell_name (from, first_row, col);
      ent_xlsx_cell_name (to, last_row, col);
      formula = g_strdup_printf ("SUBTOTAL(9,%s:%s)", from, to);
      ent_xlsx_put_money_formula (&ex->w, sheet, row, col, formula, cents[k], format);
    }
}

void
ent_xlsx_export_write_allocation (EntXlsxExport *ex)
{
  EntXlsxSheet *sheet = ex->allocation;
  const EntBudget *budget = ex->budget;
  g_autoptr (GPtrArray) titles = g_ptr_array_new ();
  guint16 total_col = AL_FIRST_LINE + ENT_N_LINES;
  guint32 row = 1;

  g_ptr_array_add (titles, _("Scenario"));
  g_ptr_array_add (titles, _("Budget year"));
  g_ptr_array_add (titles, _("Commune"));
  g_ptr_array_add (titles, _("School"));
  g_ptr_array_add (titles, _("UAI"));
  for (EntLineKind kind = 0; kind < ENT_N_LINES; kind++)
    g_ptr_array_add (titles, (gpointer) ent_line_kind_get_label (kind));
  g_ptr_array_add (titles, _("Total"));
  ent_xlsx_export_put_header_row (ex, sheet, 0, (const char *const *) titles->pdata, titles->len);

  for (guint s = 0; s < ex->n_scenarios; s++)
    {
      const EntScenarioBudget *sb = ex->scenarios[s].sb;

      for (guint y = 0; y < sb->n_years; y++)
        {
          const EntBudgetYear *year = &sb->years[y];
          guint32 year_first_row = row;
          gint64 year_cents[ENT_N_LINES + 1] = { 0 };

          for (guint c = 0; c < budget->n_communes; c++)
            {
              guint32 commune_first_row = row;
              gint64 commune_cents[ENT_N_LINES + 1] = { 0 };
              const char *commune = budget->communes[c];

              for (guint i = 0; i < budget->n_schools; i++)
                {
                  gint64 school_total = 0;
                  EntXlsxCellName from, to;
                  g_autofree char *formula = NULL;

                  if (budget->school_commune[i] != c)
                    continue;

                  ent_xlsx_put_text (&ex->w, sheet, row, AL_SCENARIO, sb->name, ENT_XLSX_FMT_NONE, TRUE);
                  ent_xlsx_put_number (&ex->w, sheet, row, AL_YEAR, year->year, ENT_XLSX_FMT_YEAR, 6);
                  ent_xlsx_put_text (&ex->w, sheet, row, AL_COMMUNE, commune, ENT_XLSX_FMT_NONE, TRUE);
                  ent_xlsx_put_text (&ex->w, sheet, row, AL_SCHOOL, ent_school_get_name (budget->schools[i]),
                                     ENT_XLSX_FMT_NONE, TRUE);
                  ent_xlsx_put_text (&ex->w, sheet, row, AL_UAI, ent_school_get_uai (budget->schools[i]),
                                     ENT_XLSX_FMT_NONE, TRUE);
                  for (EntLineKind kind = 0; kind < ENT_N_LINES; kind++)
                    {
                      const EntBudgetLine *line = &year->lines[kind];
                      gint64 part = line->school_parts != NULL ? line->school_parts[i] : 0;

                      ent_xlsx_put_money (&ex->w, sheet, row, AL_FIRST_LINE + kind, part, ENT_XLSX_FMT_EURO);
                      school_total += part;
                      commune_cents[kind] += part;
                    }
                  commune_cents[ENT_N_LINES] += school_total;
                  ent_xlsx_cell_name (from, row, AL_FIRST_LINE);
                  ent_xlsx_cell_name (to, row, AL_FIRST_LINE + ENT_N_LINES - 1);
                  formula = g_strdup_printf ("ROUND(SUM(%s:%s),2)", from, to);
                  ent_xlsx_put_money_formula (&ex->w, sheet, row, total_col, formula, school_total,
                                              ENT_XLSX_FMT_EURO);
                  row++;
                }
              if (row == commune_first_row)
                continue;

              /* the commune: the sum of its schools' parts (SPEC 4.5) */
              ent_xlsx_put_text (&ex->w, sheet, row, AL_SCENARIO, sb->name, ENT_XLSX_FMT_TEXT_TOTAL, FALSE);
              ent_xlsx_put_number (&ex->w, sheet, row, AL_YEAR, year->year, ENT_XLSX_FMT_YEAR_BOLD, 6);
              ent_xlsx_put_text (&ex->w, sheet, row, AL_COMMUNE, commune, ENT_XLSX_FMT_TEXT_TOTAL, TRUE);
              ent_xlsx_put_text (&ex->w, sheet, row, AL_SCHOOL, _("Total for the commune"),
                                 ENT_XLSX_FMT_TEXT_TOTAL, TRUE);
              ent_xlsx_put_text (&ex->w, sheet, row, AL_UAI, "", ENT_XLSX_FMT_TEXT_TOTAL, FALSE);
              put_subtotals (ex, row, commune_first_row, row - 1, commune_cents, ENT_XLSX_FMT_EURO_TOTAL);
              for (guint k = 0; k <= ENT_N_LINES; k++)
                year_cents[k] += commune_cents[k];
              row++;
            }

          if (budget->n_communes > 1 && row > year_first_row)
            {
              ent_xlsx_put_text (&ex->w, sheet, row, AL_SCENARIO, sb->name, ENT_XLSX_FMT_TEXT_TOTAL, FALSE);
              ent_xlsx_put_number (&ex->w, sheet, row, AL_YEAR, year->year, ENT_XLSX_FMT_YEAR_BOLD, 6);
              ent_xlsx_put_text (&ex->w, sheet, row, AL_COMMUNE, "", ENT_XLSX_FMT_TEXT_TOTAL, FALSE);
              ent_xlsx_put_text (&ex->w, sheet, row, AL_SCHOOL, _("Total for the year"),
                                 ENT_XLSX_FMT_TEXT_TOTAL, TRUE);
              ent_xlsx_put_text (&ex->w, sheet, row, AL_UAI, "", ENT_XLSX_FMT_TEXT_TOTAL, FALSE);
              /* SUBTOTAL skips the communes' SUBTOTAL cells of its range */
              put_subtotals (ex, row, year_first_row, row - 1, year_cents, ENT_XLSX_FMT_EURO_TOTAL);
              row++;
            }
        }
    }

  if (row > 1)
    ent_xlsx_writer_check (&ex->w, worksheet_autofilter (sheet->worksheet, 0, 0, row - 1, total_col),
                           "autofilter", sheet);
  ent_xlsx_sheet_fit_columns (&ex->w, sheet, 8, 50);
  ent_xlsx_export_setup_page (ex, sheet, 0, 0);
}
