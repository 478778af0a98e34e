/* ent-xlsx-sheet-common.c: what the workbook's sheets share: table headers,
 * page set-up, the contract block, the scenarios' assumptions in words, the
 * defined names of the tariff rates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ent-xlsx-export-private.h"

#include <glib/gi18n-lib.h>

const char *const ent_xlsx_kind_keys[ENT_N_LINES] = { "Base", "Optional", "HalfDay" };

const char *
ent_xlsx_kind_title (EntLineKind kind)
{
  switch (kind)
    {
    case ENT_LINE_BASE:
      return _("Base contribution per pupil");
    case ENT_LINE_OPTIONAL:
      return _("Optional support per pupil");
    case ENT_LINE_SPECIFIC:
    case ENT_N_LINES:
    default:
      return _("Specific support per half-day");
    }
}

static guint
period_index (EntXlsxExport   *ex,
              EntTariffPeriod *period)
{
  for (guint i = 0; i < ex->n_periods; i++)
    if (ex->periods[i] == period)
      return i;
  return 0;
}

/* The defined name holding the rate of @kind on @date under @si, and the
 * cents that name evaluates to. NULL when no period is in force. */
char *
ent_xlsx_export_rate_name (EntXlsxExport             *ex,
                           const EntXlsxScenarioInfo *si,
                           EntLineKind                kind,
                           const GDate               *date,
                           gint64                    *out_cents,
                           int                       *out_raises)
{
  EntTariffPeriod *period = ent_tariff_schedule_lookup (ex->tariffs, date);
  char *name;
  gint64 cents;
  int raises = 0;

  if (period == NULL)
    return NULL;

  cents = ent_tariff_period_get_rate (period, kind);
  /* SPEC 4.4, counted as the engine counts (ent-tariff-schedule.h) */
  if (si->increase_bp != 0 && ex->n_periods > 0 && period == ex->periods[ex->n_periods - 1])
    raises = (int) ent_tariff_count_raises (ent_tariff_period_get_valid_from (period), date);

  if (raises == 0)
    {
      name = g_strdup_printf ("Rate_%s_P%u", ent_xlsx_kind_keys[kind], period_index (ex, period) + 1);
    }
  else
    {
      /* the engine raised the same rate without overflow */
      if (!ent_tariff_raise_rate (cents, si->increase_bp, (guint) raises, &cents))
        g_return_val_if_reached (NULL);
      name = g_strdup_printf ("Rate_%s_S%u_K%d", ent_xlsx_kind_keys[kind], si->number, raises);
    }

  if (out_cents != NULL)
    *out_cents = cents;
  if (out_raises != NULL)
    *out_raises = raises;
  return name;
}

char *
ent_xlsx_school_year_label (int school_year)
{
  return g_strdup_printf ("%d/%d", school_year, school_year + 1);
}

#define HEADER_MIN_WIDTH 12

/* Lines that @text takes once wrapped on words in a column @width wide
 * (column widths count digits; text averages a little narrower). */
guint
ent_xlsx_wrapped_lines (const char *text,
                        guint       column_width)
{
  guint width = column_width + column_width / 8;
  g_auto (GStrv) words = g_strsplit (text, " ", -1);
  guint lines = 1;
  guint used = 0;

  for (guint k = 0; words[k] != NULL; k++)
    {
      guint len = (guint) g_utf8_strlen (words[k], -1);

      if (used > 0 && used + 1 + len > width)
        {
          lines++;
          used = 0;
        }
      used += (used > 0 ? 1 : 0) + len;
    }
  return lines;
}

/* A table header: wrapped, so that a long title does not widen its column
 * beyond its longest word or HEADER_MIN_WIDTH. The row is as high as the
 * longest title needs at that width (the columns only get wider later, so
 * the estimate never clips), decided now: rows are written in order. */
void
ent_xlsx_export_put_header_row (EntXlsxExport     *ex,
                                EntXlsxSheet      *sheet,
                                guint32            row,
                                const char *const *titles,
                                guint              n_titles)
{
  guint lines = 1;

  for (guint i = 0; i < n_titles && i < ENT_XLSX_MAX_COLUMNS; i++)
    {
      g_auto (GStrv) words = g_strsplit (titles[i], " ", -1);
      guint width = MAX (sheet->widths[i], HEADER_MIN_WIDTH);

      for (guint k = 0; words[k] != NULL; k++)
        width = MAX (width, (guint) g_utf8_strlen (words[k], -1) + 2);
      sheet->widths[i] = width;
      lines = MAX (lines, ent_xlsx_wrapped_lines (titles[i], width - 1));
    }
  ent_xlsx_writer_check (&ex->w, worksheet_set_row (sheet->worksheet, row, ENT_XLSX_LINE_HEIGHT * lines + 4, NULL),
                         "header row", sheet);
  for (guint i = 0; i < n_titles; i++)
    ent_xlsx_put_text (&ex->w, sheet, row, (guint16) i, titles[i], ENT_XLSX_FMT_HEADER, FALSE);
}

/* A long text wrapped in a cell of @width characters, its row high enough. */
static void
put_wrapped_text (EntXlsxExport *ex,
                  EntXlsxSheet  *sheet,
                  guint32        row,
                  guint16        col,
                  const char    *text,
                  guint          width)
{
  guint lines = ent_xlsx_wrapped_lines (text, width > 2 ? width - 2 : width);

  if (lines > 1)
    ent_xlsx_writer_check (&ex->w, worksheet_set_row (sheet->worksheet, row, ENT_XLSX_LINE_HEIGHT * lines + 2, NULL),
                           "row height", sheet);
  ent_xlsx_put_text (&ex->w, sheet, row, col, text, ENT_XLSX_FMT_TEXT_WRAP, FALSE);
  if (col < ENT_XLSX_MAX_COLUMNS)
    sheet->widths[col] = MAX (sheet->widths[col], width);
}

static char *
escape_header_footer (const char *text)
{
  GString *s = g_string_new (NULL);
  glong n = 0;

  for (const char *p = text; *p != '\0' && n < 80; p = g_utf8_next_char (p), n++)
    {
      if (*p == '&')
        g_string_append_c (s, '&');
      g_string_append_unichar (s, g_utf8_get_char (p));
    }
  return g_string_free (s, FALSE);
}

/* Landscape A4, one page wide, @header_row repeated (-1: none), the
 * document's title and the sheet name in the header, page numbers below. */
void
ent_xlsx_export_setup_page (EntXlsxExport *ex,
                            EntXlsxSheet  *sheet,
                            int            header_row,
                            guint16        pages_tall)
{
  lxw_worksheet *ws = sheet->worksheet;
  g_autofree char *safe_title = NULL;
  g_autofree char *title = escape_header_footer (ent_xlsx_xml_safe (ent_document_get_title (ex->document),
                                                                     &safe_title));
  g_autofree char *header = g_strdup_printf ("&L%s&R&A", title);
  /* Translators: a spreadsheet page footer; keep &P (page) and &N (pages). */
  g_autofree char *footer = g_strdup_printf ("&C%s", _("Page &P of &N"));
  g_autofree char *safe_header = NULL;
  g_autofree char *safe_footer = NULL;

  worksheet_set_landscape (ws);
  worksheet_set_paper (ws, 9);   /* A4 */
  worksheet_fit_to_pages (ws, 1, pages_tall);
  worksheet_set_margins (ws, 0.4, 0.4, 0.6, 0.6);
  /* the title is made safe before its '&' are doubled (that walks its UTF-8) */
  ent_xlsx_writer_check (&ex->w, worksheet_set_header (ws, ent_xlsx_xml_safe (header, &safe_header)),
                         "page header", sheet);
  ent_xlsx_writer_check (&ex->w, worksheet_set_footer (ws, ent_xlsx_xml_safe (footer, &safe_footer)),
                         "page footer", sheet);
  if (header_row >= 0)
    {
      ent_xlsx_writer_check (&ex->w, worksheet_repeat_rows (ws, header_row, header_row),
                             "print titles", sheet);
      worksheet_freeze_panes (ws, header_row + 1, 0);
    }
}

char *
ent_xlsx_optional_text (EntScenario *scenario)
{
  const int *years;
  guint n_years = 0;
  GString *s;

  if (ent_scenario_get_optional_all (scenario))
    return g_strdup (_("Every year"));
  years = ent_scenario_get_optional_years (scenario, &n_years);
  if (n_years == 0)
    return g_strdup (_("No"));
  s = g_string_new (NULL);
  for (guint i = 0; i < n_years; i++)
    g_string_append_printf (s, "%s%d", i > 0 ? ", " : "", years[i]);
  return g_string_free (s, FALSE);
}

char *
ent_xlsx_export_half_days_text (EntXlsxExport *ex,
                                EntScenario   *scenario)
{
  guint n = ent_scenario_get_n_half_days (scenario);
  gint64 first_count = ent_scenario_get_half_days (scenario, ex->budget->first_budget_year);
  gboolean same = n == ex->budget->n_budget_years && first_count > 0;
  GString *s;

  if (n == 0)
    return g_strdup (_("None"));
  for (guint y = 1; same && y < ex->budget->n_budget_years; y++)
    same = ent_scenario_get_half_days (scenario, ex->budget->first_budget_year + (int) y) == first_count;
  if (same)
    /* Translators: half-days of specific support, the same count each budget year */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d per year", "%d per year",
                                         (gulong) first_count),
                            (int) first_count);
  s = g_string_new (NULL);
  for (guint i = 0; i < n; i++)
    {
      int year;
      gint64 count;

      ent_scenario_get_nth_half_days (scenario, i, &year, &count);
      g_string_append_printf (s, "%s%d: %" G_GINT64_FORMAT, i > 0 ? "; " : "", year, count);
    }
  return g_string_free (s, FALSE);
}

const char *
ent_xlsx_projection_text (EntScenario *scenario)
{
  return ent_scenario_get_projection (scenario) == ENT_PROJECTION_RATE
         ? _("Annual change") : _("Constant");
}

void
ent_xlsx_export_put_label_value (EntXlsxExport *ex,
                                 EntXlsxSheet  *sheet,
                                 guint32        row,
                                 const char    *label,
                                 const char    *value)
{
  ent_xlsx_put_text (&ex->w, sheet, row, 0, label, ENT_XLSX_FMT_LABEL, TRUE);
  ent_xlsx_put_text (&ex->w, sheet, row, 1, value, ENT_XLSX_FMT_NONE, FALSE);
}

static void
put_label_date (EntXlsxExport *ex,
                EntXlsxSheet  *sheet,
                guint32        row,
                const char    *label,
                const GDate   *date)
{
  ent_xlsx_put_text (&ex->w, sheet, row, 0, label, ENT_XLSX_FMT_LABEL, TRUE);
  ent_xlsx_put_date (&ex->w, sheet, row, 1, date, ENT_XLSX_FMT_DATE);
}

guint32
ent_xlsx_export_write_contract_block (EntXlsxExport *ex,
                                      EntXlsxSheet  *sheet,
                                      guint32        row,
                                      gboolean       full)
{
  EntContract *contract = ent_document_get_contract (ex->document);
  int first = ent_contract_get_first_school_year (contract);
  int n_years = ent_contract_get_school_years (contract);
  g_autofree char *first_label = ent_xlsx_school_year_label (first);
  g_autofree char *last_label = ent_xlsx_school_year_label (first + n_years - 1);
  g_autofree char *span = NULL;
  g_autofree char *budget_years = NULL;
  EntBilling billing = ent_contract_get_billing (contract);
  GDate end;

  ent_contract_get_end_date (contract, &end);
  /* Translators: "4 school years, 2023/2024 to 2026/2027" */
  span = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d school year, %s to %s",
                                       "%d school years, %s to %s", n_years),
                          n_years, first_label, last_label);
  budget_years = g_strdup_printf ("%d – %d", ent_contract_get_first_budget_year (contract),
                                  ent_contract_get_last_budget_year (contract));

  ent_xlsx_export_put_label_value (ex, sheet, row++, _("Payer"), ent_document_get_payer (ex->document));
  if (full)
    ent_xlsx_export_put_label_value (ex, sheet, row++, _("Payer kind"),
                                     ent_document_get_payer_kind (ex->document) == ENT_PAYER_EPCI
                                     ? _("EPCI") : _("Commune"));
  ent_xlsx_export_put_label_value (ex, sheet, row++, _("INSEE code"), ent_document_get_insee (ex->document));
  ent_xlsx_export_put_label_value (ex, sheet, row++, _("Contract"), span);
  put_label_date (ex, sheet, row++, _("Payment start"), ent_contract_get_payment_start (contract));
  put_label_date (ex, sheet, row++, _("Contract end"), &end);
  ent_xlsx_export_put_label_value (ex, sheet, row++, _("Budget years"), budget_years);
  ent_xlsx_export_put_label_value (ex, sheet, row++, _("Billing"), ent_billing_get_label (billing));
  if (full)
    put_wrapped_text (ex, sheet, row++, 1, ent_billing_get_description (billing), 60);
  return row;
}
