/* ent-xlsx-sheet-assumptions.c: the Assumptions sheet (Hypothèses): the
 * contract, the tariff periods and the scenarios, whose cells are the defined
 * names (Rate_*, Projection_S*, Increase_S*) that the other sheets' formulas
 * use
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ent-xlsx-export-private.h"

#include "ent-m57.h"

#include <glib/gi18n-lib.h>

static void
define_name (EntXlsxExport *ex,
             const char    *name,
             EntXlsxSheet  *sheet,
             guint32        row,
             guint16        col)
{
  EntXlsxCellName cell;
  g_autofree char *formula = NULL;

  ent_xlsx_cell_name_abs (cell, row, col);
  formula = g_strdup_printf ("=%s!%s", sheet->ref, cell);
  ent_xlsx_writer_define_name (&ex->w, name, formula);
}

/* Where each line is booked (SPEC 5, 13): codes in their own cells, the
 * chart's labels beside them, and a note on a nature the chart puts in
 * another chapter: flagged, not corrected (the commune may book it there). */
static guint32
write_imputation (EntXlsxExport *ex,
                  EntXlsxSheet  *sheet,
                  guint32        row)
{
  const char *const titles[] = {
    /* Translators: column heading: a budget line (base contribution…) */
    _("Budget line"),
    _("Section"),
    _("Chapter"),
    _("Chapter label"),
    _("Nature"),
    _("Nature label"),
    _("Function"),
    _("Function label"),
    /* Translators: column heading: a warning about the line's imputation */
    _("Note"),
  };
  g_autofree char *chart = NULL;

  ent_xlsx_put_text (&ex->w, sheet, row++, 0, _("Budget imputation"), ENT_XLSX_FMT_SECTION, FALSE);
  /* Translators: %s is the year of the M57 chart of accounts ("2025") */
  chart = g_strdup_printf (_("Labels of the M57 chart of accounts at 1 January %s."), ent_m57_get_year ());
  ent_xlsx_put_text (&ex->w, sheet, row++, 0, chart, ENT_XLSX_FMT_NONE, FALSE);
  ent_xlsx_export_put_header_row (ex, sheet, row++, titles, G_N_ELEMENTS (titles));
  for (EntLineKind kind = 0; kind < ENT_N_LINES; kind++, row++)
    {
      const char *chapter = ent_document_get_chapter (ex->document, kind);
      const char *nature = ent_document_get_nature (ex->document, kind);
      const char *function = ent_document_get_function (ex->document, kind);
      g_autoptr(GError) mismatch = NULL;

      ent_xlsx_put_text (&ex->w, sheet, row, 0, ent_line_kind_get_label (kind), ENT_XLSX_FMT_NONE, TRUE);
      ent_xlsx_put_text (&ex->w, sheet, row, 1, _("Operating"), ENT_XLSX_FMT_NONE, TRUE);
      ent_xlsx_put_text (&ex->w, sheet, row, 2, chapter, ENT_XLSX_FMT_NONE, TRUE);
      ent_xlsx_put_text (&ex->w, sheet, row, 3, ent_m57_get_label (ENT_ACCOUNT_CHAPTER, chapter),
                         ENT_XLSX_FMT_NONE, TRUE);
      ent_xlsx_put_text (&ex->w, sheet, row, 4, nature, ENT_XLSX_FMT_NONE, TRUE);
      ent_xlsx_put_text (&ex->w, sheet, row, 5, ent_m57_get_label (ENT_ACCOUNT_NATURE, nature),
                         ENT_XLSX_FMT_NONE, TRUE);
      ent_xlsx_put_text (&ex->w, sheet, row, 6, function, ENT_XLSX_FMT_NONE, TRUE);
      ent_xlsx_put_text (&ex->w, sheet, row, 7, ent_m57_get_label (ENT_ACCOUNT_FUNCTION, function),
                         ENT_XLSX_FMT_NONE, TRUE);
      if (!ent_m57_check_imputation (chapter, nature, &mismatch))
        ent_xlsx_put_text (&ex->w, sheet, row, 8, mismatch->message, ENT_XLSX_FMT_NONE, TRUE);
    }
  return row;
}

void
ent_xlsx_export_write_assumptions (EntXlsxExport *ex)
{
  EntXlsxSheet *sheet = ex->assumptions;
  const char *const tariff_titles[] = {
    _("Valid from"),
    _("Reference"),
    ent_xlsx_kind_title (ENT_LINE_BASE),
    ent_xlsx_kind_title (ENT_LINE_OPTIONAL),
    ent_xlsx_kind_title (ENT_LINE_SPECIFIC),
  };
  const char *const scenario_titles[] = {
    _("Scenario"),
    _("Optional support"),
    _("Half-days of specific support"),
    _("Pupil projection"),
    _("Annual pupil change"),
    _("Tariff increase per year"),
  };
  const char *const raise_titles[] = {
    _("Scenario"),
    _("From"),
    ent_xlsx_kind_title (ENT_LINE_BASE),
    ent_xlsx_kind_title (ENT_LINE_OPTIONAL),
    ent_xlsx_kind_title (ENT_LINE_SPECIFIC),
  };
  guint32 row = 0;
  gboolean any_raise = FALSE;

  ent_xlsx_put_text (&ex->w, sheet, row, 0, _("Assumptions"), ENT_XLSX_FMT_TITLE, FALSE);
  row += 2;
  ent_xlsx_put_text (&ex->w, sheet, row++, 0, _("Contract"), ENT_XLSX_FMT_SECTION, FALSE);
  row = ent_xlsx_export_write_contract_block (ex, sheet, row, TRUE);

  row++;
  ent_xlsx_put_text (&ex->w, sheet, row++, 0, _("Tariff periods"), ENT_XLSX_FMT_SECTION, FALSE);
  ent_xlsx_export_put_header_row (ex, sheet, row++, tariff_titles, G_N_ELEMENTS (tariff_titles));
  for (guint i = 0; i < ex->n_periods; i++, row++)
    {
      EntTariffPeriod *period = ex->periods[i];

      ent_xlsx_put_date (&ex->w, sheet, row, 0, ent_tariff_period_get_valid_from (period),
                         ENT_XLSX_FMT_DATE);
      ent_xlsx_put_text (&ex->w, sheet, row, 1, ent_tariff_period_get_reference (period),
                         ENT_XLSX_FMT_NONE, TRUE);
      for (EntLineKind kind = 0; kind < ENT_N_LINES; kind++)
        {
          g_autofree char *name = g_strdup_printf ("Rate_%s_P%u", ent_xlsx_kind_keys[kind], i + 1);

          ent_xlsx_put_money (&ex->w, sheet, row, 2 + kind, ent_tariff_period_get_rate (period, kind),
                              ENT_XLSX_FMT_EURO);
          define_name (ex, name, sheet, row, 2 + kind);
        }
    }

  row++;
  ent_xlsx_put_text (&ex->w, sheet, row++, 0, _("Scenarios"), ENT_XLSX_FMT_SECTION, FALSE);
  ent_xlsx_export_put_header_row (ex, sheet, row++, scenario_titles, G_N_ELEMENTS (scenario_titles));
  for (guint s = 0; s < ex->n_scenarios; s++, row++)
    {
      EntXlsxScenarioInfo *si = &ex->scenarios[s];
      EntScenario *scenario = si->sb->scenario;
      g_autofree char *optional = ent_xlsx_optional_text (scenario);
      g_autofree char *half_days = ent_xlsx_export_half_days_text (ex, scenario);
      g_autofree char *projection_name = g_strdup_printf ("Projection_S%u", si->number);
      g_autofree char *increase_name = g_strdup_printf ("Increase_S%u", si->number);

      ent_xlsx_put_text (&ex->w, sheet, row, 0, si->sb->name, ENT_XLSX_FMT_NONE, TRUE);
      ent_xlsx_put_text (&ex->w, sheet, row, 1, optional, ENT_XLSX_FMT_NONE, TRUE);
      ent_xlsx_put_text (&ex->w, sheet, row, 2, half_days, ENT_XLSX_FMT_NONE, TRUE);
      ent_xlsx_put_text (&ex->w, sheet, row, 3, ent_xlsx_projection_text (scenario), ENT_XLSX_FMT_NONE, TRUE);
      ent_xlsx_put_number (&ex->w, sheet, row, 4,
                           (double) ent_scenario_get_projection_rate (scenario) / ENT_XLSX_BP_SCALE,
                           ENT_XLSX_FMT_PERCENT, 9);
      define_name (ex, projection_name, sheet, row, 4);
      ent_xlsx_put_number (&ex->w, sheet, row, 5, (double) si->increase_bp / ENT_XLSX_BP_SCALE,
                           ENT_XLSX_FMT_PERCENT, 9);
      define_name (ex, increase_name, sheet, row, 5);
      any_raise = any_raise || si->max_raise > 0;
    }

  if (any_raise)
    {
      EntTariffPeriod *last = ex->periods[ex->n_periods - 1];

      row++;
      ent_xlsx_put_text (&ex->w, sheet, row++, 0, _("Rates raised by the tariff increase"),
                         ENT_XLSX_FMT_SECTION, FALSE);
      ent_xlsx_export_put_header_row (ex, sheet, row++, raise_titles, G_N_ELEMENTS (raise_titles));
      for (guint s = 0; s < ex->n_scenarios; s++)
        {
          EntXlsxScenarioInfo *si = &ex->scenarios[s];
          gint64 cents[ENT_N_LINES];

          for (EntLineKind kind = 0; kind < ENT_N_LINES; kind++)
            cents[kind] = ent_tariff_period_get_rate (last, kind);

          for (int k = 1; k <= si->max_raise; k++, row++)
            {
              GDate from;

              /* the day the engine raises the rate the k-th time */
              ent_tariff_get_anniversary (ent_tariff_period_get_valid_from (last), (guint) k, &from);
              ent_xlsx_put_text (&ex->w, sheet, row, 0, si->sb->name, ENT_XLSX_FMT_NONE, TRUE);
              ent_xlsx_put_date (&ex->w, sheet, row, 1, &from, ENT_XLSX_FMT_DATE);
              for (EntLineKind kind = 0; kind < ENT_N_LINES; kind++)
                {
                  g_autofree char *previous = NULL;
                  g_autofree char *name = NULL;
                  g_autofree char *formula = NULL;

                  if (k == 1)
                    previous = g_strdup_printf ("Rate_%s_P%u", ent_xlsx_kind_keys[kind], ex->n_periods);
                  else
                    previous = g_strdup_printf ("Rate_%s_S%u_K%d", ent_xlsx_kind_keys[kind], si->number, k - 1);
                  name = g_strdup_printf ("Rate_%s_S%u_K%d", ent_xlsx_kind_keys[kind], si->number, k);
                  formula = g_strdup_printf ("ROUND(%s*(1+Increase_S%u),2)", previous, si->number);
                  if (!ent_tariff_raise_rate (cents[kind], si->increase_bp, 1, &cents[kind]))
                    g_warn_if_reached ();
                  ent_xlsx_put_money_formula (&ex->w, sheet, row, 2 + kind, formula, cents[kind],
                                              ENT_XLSX_FMT_EURO);
                  define_name (ex, name, sheet, row, 2 + kind);
                }
            }
        }
    }

  row = write_imputation (ex, sheet, row + 1);

  ent_xlsx_sheet_fit_columns (&ex->w, sheet, 12, 60);
  ent_xlsx_export_setup_page (ex, sheet, -1, 0);
}
