/* ent-xlsx-sheet-credits.c: the Credits sheet (Crédits): one row per budget
 * line, its amount a ROUND formula over quantity, unit price and months, then
 * the year and contract totals that the Summary and AE-CP sheets refer to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ent-xlsx-export-private.h"

#include "ent-m57.h"

#include <glib/gi18n-lib.h>

#define LABEL_MAX_WIDTH 60

/* SUMIFS criterion matching exactly @text: "=" then @text with the wildcards
 * escaped, as a formula string literal (quotes doubled). */
static char *
exact_criterion (const char *text)
{
  GString *s = g_string_new ("\"=");

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '*' || *p == '?' || *p == '~')
        g_string_append_c (s, '~');
      if (*p == '"')
        g_string_append_c (s, '"');
      g_string_append_c (s, *p);
    }
  g_string_append_c (s, '"');
  return g_string_free (s, FALSE);
}

/* The quantity cell: a reference to the Pupils total of the segment's school
 * year when it holds the same count, else the count. */
static void
put_quantity (EntXlsxExport             *ex,
              const EntXlsxScenarioInfo *si,
              const EntBudgetLine       *line,
              const EntSegment          *segment,
              guint32                    row,
              guint16                    col)
{
  const EntBudget *budget = ex->budget;
  EntXlsxSheet *sheet = ex->credits;
  int y = segment->school_year - budget->first_school_year;

  if (line->kind != ENT_LINE_SPECIFIC && y >= 0 && (guint) y < budget->n_school_years)
    {
      gint64 total = ent_scenario_budget_count_pupils (budget, si->sb, segment->school_year, NULL);

      if (total == segment->quantity)
        {
          EntXlsxCellName cell;
          g_autofree char *formula = NULL;

          ent_xlsx_cell_name_abs (cell, si->pupils_total_row, ENT_XLSX_PU_FIRST_YEAR + y);
          formula = g_strdup_printf ("%s!%s", ex->pupils->ref, cell);
          ent_xlsx_put_count_formula (&ex->w, sheet, row, col, formula, segment->quantity,
                                      ENT_XLSX_FMT_INTEGER);
          return;
        }
    }
  ent_xlsx_put_count (&ex->w, sheet, row, col, segment->quantity, ENT_XLSX_FMT_INTEGER);
}

static void
put_price (EntXlsxExport             *ex,
           const EntXlsxScenarioInfo *si,
           const EntBudgetLine       *line,
           const EntSegment          *segment,
           guint32                    row,
           guint16                    col)
{
  gint64 cents = 0;
  g_autofree char *name = ent_xlsx_export_rate_name (ex, si, line->kind, &segment->tariff_date, &cents, NULL);

  if (name != NULL && cents == segment->unit_price)
    ent_xlsx_put_money_formula (&ex->w, ex->credits, row, col, name, segment->unit_price,
                                ENT_XLSX_FMT_EURO);
  else
    ent_xlsx_put_money (&ex->w, ex->credits, row, col, segment->unit_price, ENT_XLSX_FMT_EURO);
}

/* The quantity, unit price and months of each segment (prorata: January–
 * August in the first group of columns, September–December in the second),
 * and the amount: a formula over them. */
static void
put_segments_and_amount (EntXlsxExport             *ex,
                         const EntXlsxScenarioInfo *si,
                         const EntBudgetLine       *line,
                         guint32                    row)
{
  EntXlsxSheet *sheet = ex->credits;
  g_autoptr(GString) terms = g_string_new (NULL);
  g_autofree char *formula = NULL;

  for (guint g = 0; g < line->n_segments && g < 2; g++)
    {
      const EntSegment *segment = &line->segments[g];
      gboolean second = ex->prorata && g_date_get_month (&segment->tariff_date) >= G_DATE_SEPTEMBER;
      guint16 base = second ? ENT_XLSX_CR_QUANTITY_2 : ENT_XLSX_CR_QUANTITY;
      EntXlsxCellName q, p, m;

      put_quantity (ex, si, line, segment, row, base);
      put_price (ex, si, line, segment, row, base + 1);
      ent_xlsx_put_number (&ex->w, sheet, row, base + 2, segment->months, ENT_XLSX_FMT_INTEGER, 4);
      ent_xlsx_cell_name (q, row, base);
      ent_xlsx_cell_name (p, row, base + 1);
      ent_xlsx_cell_name (m, row, base + 2);
      g_string_append_printf (terms, "%s%s*%s*%s", terms->len > 0 ? "+" : "", q, p, m);
    }
  /* SPEC 4.3: the segments are added exactly, then rounded once */
  formula = g_strdup_printf (line->n_segments > 1 ? "ROUND((%s)/12,2)" : "ROUND(%s/12,2)", terms->str);
  ent_xlsx_put_money_formula (&ex->w, sheet, row, ex->cr_amount, formula, line->amount, ENT_XLSX_FMT_EURO);
}

/* The rows of @line from @row on; returns the row after them. One row, or
 * (SPEC 5, split-functions) the base line as two rows, functions 211 and
 * 212, each with its own label and amount: the sum of its schools' parts on
 * the Allocation sheet (largest remainder), which a formula over the row's
 * quantity and price could miss by a cent, so a split row has neither. The
 * year totals add them like any row. */
static guint32
put_line_rows (EntXlsxExport             *ex,
               const EntXlsxScenarioInfo *si,
               const EntBudgetYear       *year,
               const EntBudgetLine       *line,
               guint32                    row)
{
  EntXlsxSheet *sheet = ex->credits;
  guint n_rows = line->split ? ENT_N_SPLIT_FUNCTIONS : 1;

  for (guint f = 0; f < n_rows; f++, row++)
    {
      const char *function = line->split ? ent_split_functions[f] : line->function;
      g_autofree char *label = line->split ? ent_budget_line_dup_split_label (line, f) : g_strdup (line->label);

      /* a long label wraps: the row is set before its cells */
      if (label != NULL && ent_xlsx_wrapped_lines (label, LABEL_MAX_WIDTH - 1) > 1)
        ent_xlsx_writer_check (&ex->w,
                               worksheet_set_row (sheet->worksheet, row,
                                                  ENT_XLSX_LINE_HEIGHT
                                                  * ent_xlsx_wrapped_lines (label, LABEL_MAX_WIDTH - 1)
                                                  + 2,
                                                  NULL),
                               "row height", sheet);
      ent_xlsx_put_number (&ex->w, sheet, row, ENT_XLSX_CR_YEAR, year->year, ENT_XLSX_FMT_YEAR, 6);
      ent_xlsx_put_text (&ex->w, sheet, row, ENT_XLSX_CR_SECTION, _("Operating"), ENT_XLSX_FMT_NONE, TRUE);
      ent_xlsx_put_text (&ex->w, sheet, row, ENT_XLSX_CR_CHAPTER, line->chapter, ENT_XLSX_FMT_NONE, TRUE);
      ent_xlsx_put_text (&ex->w, sheet, row, ENT_XLSX_CR_NATURE, line->nature, ENT_XLSX_FMT_NONE, TRUE);
      ent_xlsx_put_text (&ex->w, sheet, row, ENT_XLSX_CR_FUNCTION, function, ENT_XLSX_FMT_NONE, TRUE);
      ent_xlsx_put_text (&ex->w, sheet, row, ENT_XLSX_CR_CHAPTER_LABEL,
                         ent_m57_get_label (ENT_ACCOUNT_CHAPTER, line->chapter), ENT_XLSX_FMT_NONE, TRUE);
      ent_xlsx_put_text (&ex->w, sheet, row, ENT_XLSX_CR_NATURE_LABEL,
                         ent_m57_get_label (ENT_ACCOUNT_NATURE, line->nature), ENT_XLSX_FMT_NONE, TRUE);
      ent_xlsx_put_text (&ex->w, sheet, row, ENT_XLSX_CR_FUNCTION_LABEL,
                         ent_m57_get_label (ENT_ACCOUNT_FUNCTION, function), ENT_XLSX_FMT_NONE, TRUE);
      ent_xlsx_put_text (&ex->w, sheet, row, ENT_XLSX_CR_LABEL, label, ENT_XLSX_FMT_TEXT_WRAP, TRUE);
      if (line->split)
        ent_xlsx_put_money (&ex->w, sheet, row, ex->cr_amount, line->function_parts[f], ENT_XLSX_FMT_EURO);
      else
        put_segments_and_amount (ex, si, line, row);
      ent_xlsx_put_text (&ex->w, sheet, row, ex->cr_scenario, si->sb->name, ENT_XLSX_FMT_TEXT_INDENT, TRUE);
    }

  return row;
}

void
ent_xlsx_export_write_credits (EntXlsxExport *ex)
{
  EntXlsxSheet *sheet = ex->credits;
  g_autoptr (GPtrArray) titles = g_ptr_array_new ();
  guint32 row = 1;
  guint32 last_data_row;
  g_autofree char *range_amount = NULL;
  g_autofree char *range_year = NULL;
  g_autofree char *range_scenario = NULL;

  g_ptr_array_add (titles, _("Budget year"));
  g_ptr_array_add (titles, _("Section"));
  /* Each code in its own cell, usable as it is, and its label beside it,
   * in the order of the open-data budget layout (SCDL: code, then label) */
  g_ptr_array_add (titles, _("Chapter"));
  /* Translators: column heading: the M57 label of the chapter beside it */
  g_ptr_array_add (titles, _("Chapter label"));
  g_ptr_array_add (titles, _("Nature"));
  /* Translators: column heading: the M57 label of the nature beside it */
  g_ptr_array_add (titles, _("Nature label"));
  g_ptr_array_add (titles, _("Function"));
  /* Translators: column heading: the M57 label of the function beside it */
  g_ptr_array_add (titles, _("Function label"));
  g_ptr_array_add (titles, _("Label"));
  g_ptr_array_add (titles, _("Quantity"));
  g_ptr_array_add (titles, _("Unit price"));
  /* the share of the year billed, in twelfths */
  g_ptr_array_add (titles, ex->prorata ? _("Months of 12, Jan.–Aug.") : _("Months of 12"));
  if (ex->prorata)
    {
      g_ptr_array_add (titles, _("Quantity, Sep.–Dec."));
      g_ptr_array_add (titles, _("Unit price, Sep.–Dec."));
      g_ptr_array_add (titles, _("Months of 12, Sep.–Dec."));
    }
  g_ptr_array_add (titles, _("Amount incl. VAT"));
  g_ptr_array_add (titles, _("Scenario"));
  ent_xlsx_export_put_header_row (ex, sheet, 0, (const char *const *) titles->pdata, titles->len);

  for (guint s = 0; s < ex->n_scenarios; s++)
    {
      EntXlsxScenarioInfo *si = &ex->scenarios[s];

      for (guint y = 0; y < si->sb->n_years; y++)
        {
          const EntBudgetYear *year = &si->sb->years[y];

          si->year_first_rows[y] = row;
          for (EntLineKind kind = 0; kind < ENT_N_LINES; kind++)
            {
              const EntBudgetLine *line = &year->lines[kind];

              if (line->n_segments > 0)
                row = put_line_rows (ex, si, year, line, row);
            }
          si->year_end_rows[y] = row;
        }
    }
  last_data_row = row - 1;

  if (last_data_row >= 1)
    ent_xlsx_writer_check (&ex->w,
                           worksheet_autofilter (sheet->worksheet, 0, 0, last_data_row, ex->cr_scenario),
                           "autofilter", sheet);

  /* Totals below the table: year totals by SUMIFS, so that they survive a
   * sort or a filter of the table (by the sum of the year's rows when two
   * scenarios share a name); contract totals as their sum. */
  {
    EntXlsxCellName a, b;

    ent_xlsx_cell_name_abs (a, 1, ex->cr_amount);
    ent_xlsx_cell_name_abs (b, MAX (last_data_row, 1), ex->cr_amount);
    range_amount = g_strdup_printf ("%s:%s", a, b);
    ent_xlsx_cell_name_abs (a, 1, ENT_XLSX_CR_YEAR);
    ent_xlsx_cell_name_abs (b, MAX (last_data_row, 1), ENT_XLSX_CR_YEAR);
    range_year = g_strdup_printf ("%s:%s", a, b);
    ent_xlsx_cell_name_abs (a, 1, ex->cr_scenario);
    ent_xlsx_cell_name_abs (b, MAX (last_data_row, 1), ex->cr_scenario);
    range_scenario = g_strdup_printf ("%s:%s", a, b);
  }

  row++;
  for (guint s = 0; s < ex->n_scenarios; s++)
    {
      EntXlsxScenarioInfo *si = &ex->scenarios[s];
      g_autofree char *criterion = exact_criterion (si->safe_name);
      EntXlsxCellName first, last;

      for (guint y = 0; y < si->sb->n_years; y++, row++)
        {
          const EntBudgetYear *year = &si->sb->years[y];
          g_autofree char *formula = NULL;

          si->year_total_rows[y] = row;
          ent_xlsx_put_number (&ex->w, sheet, row, ENT_XLSX_CR_YEAR, year->year, ENT_XLSX_FMT_YEAR_BOLD, 6);
          ent_xlsx_put_text (&ex->w, sheet, row, ENT_XLSX_CR_LABEL, _("Year total"), ENT_XLSX_FMT_TEXT_BOLD, TRUE);
          if (si->sum_by_rows)
            {
              ent_xlsx_cell_name (first, si->year_first_rows[y], ex->cr_amount);
              ent_xlsx_cell_name (last, si->year_end_rows[y] - 1, ex->cr_amount);
              formula = g_strdup_printf ("ROUND(SUM(%s:%s),2)", first, last);
            }
          else
            formula = g_strdup_printf ("ROUND(SUMIFS(%s,%s,%d,%s,%s),2)",
                                       range_amount, range_year, year->year, range_scenario, criterion);
          if (last_data_row >= 1 && si->year_end_rows[y] > si->year_first_rows[y])
            ent_xlsx_put_money_formula (&ex->w, sheet, row, ex->cr_amount, formula, year->total,
                                        ENT_XLSX_FMT_EURO_BOLD);
          else
            ent_xlsx_put_money (&ex->w, sheet, row, ex->cr_amount, year->total, ENT_XLSX_FMT_EURO_BOLD);
          ent_xlsx_put_text (&ex->w, sheet, row, ex->cr_scenario, si->sb->name, ENT_XLSX_FMT_TEXT_BOLD_INDENT, TRUE);
        }

      si->contract_total_row = row;
      ent_xlsx_put_text (&ex->w, sheet, row, ENT_XLSX_CR_YEAR, "", ENT_XLSX_FMT_TEXT_TOTAL, FALSE);
      for (guint16 col = ENT_XLSX_CR_SECTION; col < ex->cr_amount; col++)
        ent_xlsx_put_text (&ex->w, sheet, row, col, col == ENT_XLSX_CR_LABEL ? _("Contract total") : "",
                           ENT_XLSX_FMT_TEXT_TOTAL, col == ENT_XLSX_CR_LABEL);
      if (si->sb->n_years > 0)
        {
          g_autofree char *formula = NULL;

          ent_xlsx_cell_name (first, si->year_total_rows[0], ex->cr_amount);
          ent_xlsx_cell_name (last, si->year_total_rows[si->sb->n_years - 1], ex->cr_amount);
          formula = g_strdup_printf ("ROUND(SUM(%s:%s),2)", first, last);
          ent_xlsx_put_money_formula (&ex->w, sheet, row, ex->cr_amount, formula, si->sb->total,
                                      ENT_XLSX_FMT_EURO_TOTAL);
        }
      else
        ent_xlsx_put_money (&ex->w, sheet, row, ex->cr_amount, si->sb->total, ENT_XLSX_FMT_EURO_TOTAL);
      ent_xlsx_put_text (&ex->w, sheet, row, ex->cr_scenario, si->sb->name, ENT_XLSX_FMT_TEXT_TOTAL_INDENT, TRUE);
      row += 2;
    }

  sheet->widths[ENT_XLSX_CR_LABEL] = MIN (sheet->widths[ENT_XLSX_CR_LABEL], LABEL_MAX_WIDTH);
  ent_xlsx_sheet_fit_columns (&ex->w, sheet, 6, 70);
  ent_xlsx_export_setup_page (ex, sheet, 0, 0);
}
