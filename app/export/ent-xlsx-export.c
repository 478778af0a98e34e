/* ent-xlsx-export.c: the budget workbook (SPEC section 8)
 *
 * Sheets, in this order: Summary, Credits, Pupils, Assumptions, AE-CP,
 * Allocation (French: Synthèse, Crédits, Effectifs, Hypothèses, AE-CP,
 * Répartition). The workbook is live: every amount of the Credits sheet is a
 * ROUND formula over its quantity, unit price and months cells; unit prices
 * refer to named tariff cells of the Assumptions sheet (raised by formulas
 * when a scenario has a tariff increase); quantities refer to the pupil totals
 * of the Pupils sheet, whose projected counts are formulas too. Each formula
 * carries the engine's value as its cached result, and is only written as a
 * formula when that formula gives the engine's value; otherwise the engine's
 * value is written as a constant (the engine is the reference). The Summary's
 * sensitivity table holds values only: each of its columns is a whole
 * recomputation with rescaled pupil counts, which no formula here reproduces.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ent-xlsx-export-private.h"

#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <string.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "ent-budget.h"
#include "ent-chart.h"
#include "ent-compare.h"
#include "ent-money.h"
#include "ent-safe-file.h"

#if !LXW_VERSION_ID || LXW_VERSION_ID < 110
#error "libxlsxwriter 1.1.0 or later is required (worksheet_write_formula_num, doc properties)"
#endif

#define BP_SCALE 10000      /* 100 % in basis points */

/* Excel refuses a string longer than 255 characters in a formula, and a
 * SUMIFS criterion longer than that gives #VALUE!. */
#define FORMULA_STRING_MAX 255

/* Formulas, names and labels are built with g_strdup_printf or GString, never
 * in a fixed-size buffer (SPEC 10.5: a long scenario name was cut inside the
 * formula, even inside a UTF-8 character). Cell references use
 * ENT_XLSX_CELL_NAME_SIZE, whose bound ent-xlsx-writer.h proves. */
typedef char CellName[ENT_XLSX_CELL_NAME_SIZE];

/* Credits sheet columns; the second segment's columns exist in prorata only. */
enum
{
  CR_YEAR,
  CR_SECTION,
  CR_CHAPTER,
  CR_NATURE,
  CR_FUNCTION,
  CR_LABEL,
  CR_QUANTITY,
  CR_PRICE,
  CR_MONTHS,
  CR_QUANTITY_2,
  CR_PRICE_2,
  CR_MONTHS_2,
};

/* Pupils sheet */
enum
{
  PU_SCENARIO,
  PU_SCHOOL,
  PU_UAI,
  PU_COMMUNE,
  PU_FIRST_YEAR,
};
#define PU_HEADER_ROW 3

/* Allocation sheet */
enum
{
  AL_SCENARIO,
  AL_YEAR,
  AL_COMMUNE,
  AL_SCHOOL,
  AL_UAI,
  AL_FIRST_LINE,
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
} ScenarioInfo;

typedef struct
{
  EntDocument       *document;
  EntTariffSchedule *tariffs;
  EntBudget         *budget;
  EntSensitivity    *sensitivity;        /* contract totals per pupil change */
  char             **sensitivity_labels; /* "−20 %" …, formatted in the UI locale */
  GDateTime         *generated;
  EntXlsxWriter      w;
  guint              n_scenarios;
  ScenarioInfo      *scenarios;
  guint              n_periods;
  EntTariffPeriod  **periods;    /* references, schedule order */
  gboolean           prorata;
  guint16            cr_amount;  /* Credits columns after the segments */
  guint16            cr_scenario;
  EntXlsxSheet      *summary;
  EntXlsxSheet      *credits;
  EntXlsxSheet      *pupils;
  EntXlsxSheet      *assumptions;
  EntXlsxSheet      *aecp;
  EntXlsxSheet      *allocation;
} Export;

static const char *const kind_keys[ENT_N_LINES] = { "Base", "Optional", "HalfDay" };

/* ---------------------------------------------------------------- helpers */

static const char *
kind_title (EntLineKind kind)
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
period_index (Export          *ex,
              EntTariffPeriod *period)
{
  for (guint i = 0; i < ex->n_periods; i++)
    if (ex->periods[i] == period)
      return i;
  return 0;
}

/* The defined name holding the rate of @kind on @date under @si, and the
 * cents that name evaluates to. NULL when no period is in force. */
static char *
rate_name (Export             *ex,
           const ScenarioInfo *si,
           EntLineKind         kind,
           const GDate        *date,
           gint64             *out_cents,
           int                *out_raises)
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
      name = g_strdup_printf ("Rate_%s_P%u", kind_keys[kind], period_index (ex, period) + 1);
    }
  else
    {
      /* the engine raised the same rate without overflow */
      if (!ent_tariff_raise_rate (cents, si->increase_bp, (guint) raises, &cents))
        g_return_val_if_reached (NULL);
      name = g_strdup_printf ("Rate_%s_S%u_K%d", kind_keys[kind], si->number, raises);
    }

  if (out_cents != NULL)
    *out_cents = cents;
  if (out_raises != NULL)
    *out_raises = raises;
  return name;
}

static void
define_name (Export       *ex,
             const char   *name,
             EntXlsxSheet *sheet,
             guint32       row,
             guint16       col)
{
  CellName cell;
  g_autofree char *formula = NULL;

  ent_xlsx_cell_name_abs (cell, row, col);
  formula = g_strdup_printf ("=%s!%s", sheet->ref, cell);
  ent_xlsx_writer_define_name (&ex->w, name, formula);
}

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

/* Whether SUMIFS cannot be trusted to find the cells holding @text with the
 * criterion exact_criterion() makes of it: longer than Excel takes (counted in
 * UTF-16 units, as Excel does), or holding a tab together with a line break
 * (LibreOffice then matches no cell: a multi-line cell keeps its tabs apart).
 * Text that is not UTF-8 is not measured. The year totals of such a name are
 * the SUM of its rows, which quotes nothing. */
static gboolean
criterion_unusable (const char *text)
{
  gsize units = 1;   /* the "=" */

  if (!g_utf8_validate (text, -1, NULL) || (strchr (text, '\t') != NULL && strchr (text, '\n') != NULL))
    return TRUE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      units += (c >= 0x10000 ? 2 : 1) + (c == '*' || c == '?' || c == '~' ? 1 : 0);
      if (units > FORMULA_STRING_MAX)
        return TRUE;
    }
  return FALSE;
}

static char *
school_year_label (int school_year)
{
  return g_strdup_printf ("%d/%d", school_year, school_year + 1);
}

#define HEADER_MIN_WIDTH 12
#define LABEL_MAX_WIDTH 60
#define LINE_HEIGHT 15.0

/* Lines that @text takes once wrapped on words in a column @width wide
 * (column widths count digits; text averages a little narrower). */
static guint
wrapped_lines (const char *text,
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
static void
put_header_row (Export             *ex,
                EntXlsxSheet       *sheet,
                guint32             row,
                const char *const  *titles,
                guint               n_titles)
{
  guint lines = 1;

  for (guint i = 0; i < n_titles && i < ENT_XLSX_MAX_COLUMNS; i++)
    {
      g_auto (GStrv) words = g_strsplit (titles[i], " ", -1);
      guint width = MAX (sheet->widths[i], HEADER_MIN_WIDTH);

      for (guint k = 0; words[k] != NULL; k++)
        width = MAX (width, (guint) g_utf8_strlen (words[k], -1) + 2);
      sheet->widths[i] = width;
      lines = MAX (lines, wrapped_lines (titles[i], width - 1));
    }
  ent_xlsx_writer_check (&ex->w, worksheet_set_row (sheet->worksheet, row, LINE_HEIGHT * lines + 4, NULL),
                         "header row", sheet);
  for (guint i = 0; i < n_titles; i++)
    ent_xlsx_put_text (&ex->w, sheet, row, (guint16) i, titles[i], ENT_XLSX_FMT_HEADER, FALSE);
}

/* A long text wrapped in a cell of @width characters, its row high enough. */
static void
put_wrapped_text (Export       *ex,
                  EntXlsxSheet *sheet,
                  guint32       row,
                  guint16       col,
                  const char   *text,
                  guint         width)
{
  guint lines = wrapped_lines (text, width > 2 ? width - 2 : width);

  if (lines > 1)
    ent_xlsx_writer_check (&ex->w, worksheet_set_row (sheet->worksheet, row, LINE_HEIGHT * lines + 2, NULL),
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
static void
setup_page (Export       *ex,
            EntXlsxSheet *sheet,
            int           header_row,
            guint16       pages_tall)
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

static char *
optional_text (EntScenario *scenario)
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

static char *
half_days_text (Export      *ex,
                EntScenario *scenario)
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

static const char *
projection_text (EntScenario *scenario)
{
  return ent_scenario_get_projection (scenario) == ENT_PROJECTION_RATE
         ? _("Annual change") : _("Constant");
}

static void
put_label_value (Export       *ex,
                 EntXlsxSheet *sheet,
                 guint32       row,
                 const char   *label,
                 const char   *value)
{
  ent_xlsx_put_text (&ex->w, sheet, row, 0, label, ENT_XLSX_FMT_LABEL, TRUE);
  ent_xlsx_put_text (&ex->w, sheet, row, 1, value, ENT_XLSX_FMT_NONE, FALSE);
}

static void
put_label_date (Export       *ex,
                EntXlsxSheet *sheet,
                guint32       row,
                const char   *label,
                const GDate  *date)
{
  ent_xlsx_put_text (&ex->w, sheet, row, 0, label, ENT_XLSX_FMT_LABEL, TRUE);
  ent_xlsx_put_date (&ex->w, sheet, row, 1, date, ENT_XLSX_FMT_DATE);
}

/* ------------------------------------------------------------ Assumptions */

static guint32
write_contract_block (Export       *ex,
                      EntXlsxSheet *sheet,
                      guint32       row,
                      gboolean      full)
{
  EntContract *contract = ent_document_get_contract (ex->document);
  int first = ent_contract_get_first_school_year (contract);
  int n_years = ent_contract_get_school_years (contract);
  g_autofree char *first_label = school_year_label (first);
  g_autofree char *last_label = school_year_label (first + n_years - 1);
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

  put_label_value (ex, sheet, row++, _("Payer"), ent_document_get_payer (ex->document));
  if (full)
    put_label_value (ex, sheet, row++, _("Payer kind"),
                     ent_document_get_payer_kind (ex->document) == ENT_PAYER_EPCI
                     ? _("EPCI") : _("Commune"));
  put_label_value (ex, sheet, row++, _("INSEE code"), ent_document_get_insee (ex->document));
  put_label_value (ex, sheet, row++, _("Contract"), span);
  put_label_date (ex, sheet, row++, _("Payment start"), ent_contract_get_payment_start (contract));
  put_label_date (ex, sheet, row++, _("Contract end"), &end);
  put_label_value (ex, sheet, row++, _("Budget years"), budget_years);
  put_label_value (ex, sheet, row++, _("Billing"), ent_billing_get_label (billing));
  if (full)
    put_wrapped_text (ex, sheet, row++, 1, ent_billing_get_description (billing), 60);
  return row;
}

static void
write_assumptions (Export *ex)
{
  EntXlsxSheet *sheet = ex->assumptions;
  const char *const tariff_titles[] = {
    _("Valid from"),
    _("Reference"),
    kind_title (ENT_LINE_BASE),
    kind_title (ENT_LINE_OPTIONAL),
    kind_title (ENT_LINE_SPECIFIC),
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
    kind_title (ENT_LINE_BASE),
    kind_title (ENT_LINE_OPTIONAL),
    kind_title (ENT_LINE_SPECIFIC),
  };
  guint32 row = 0;
  gboolean any_raise = FALSE;

  ent_xlsx_put_text (&ex->w, sheet, row, 0, _("Assumptions"), ENT_XLSX_FMT_TITLE, FALSE);
  row += 2;
  ent_xlsx_put_text (&ex->w, sheet, row++, 0, _("Contract"), ENT_XLSX_FMT_SECTION, FALSE);
  row = write_contract_block (ex, sheet, row, TRUE);

  row++;
  ent_xlsx_put_text (&ex->w, sheet, row++, 0, _("Tariff periods"), ENT_XLSX_FMT_SECTION, FALSE);
  put_header_row (ex, sheet, row++, tariff_titles, G_N_ELEMENTS (tariff_titles));
  for (guint i = 0; i < ex->n_periods; i++, row++)
    {
      EntTariffPeriod *period = ex->periods[i];

      ent_xlsx_put_date (&ex->w, sheet, row, 0, ent_tariff_period_get_valid_from (period),
                         ENT_XLSX_FMT_DATE);
      ent_xlsx_put_text (&ex->w, sheet, row, 1, ent_tariff_period_get_reference (period),
                         ENT_XLSX_FMT_NONE, TRUE);
      for (EntLineKind kind = 0; kind < ENT_N_LINES; kind++)
        {
          g_autofree char *name = g_strdup_printf ("Rate_%s_P%u", kind_keys[kind], i + 1);

          ent_xlsx_put_money (&ex->w, sheet, row, 2 + kind, ent_tariff_period_get_rate (period, kind),
                              ENT_XLSX_FMT_EURO);
          define_name (ex, name, sheet, row, 2 + kind);
        }
    }

  row++;
  ent_xlsx_put_text (&ex->w, sheet, row++, 0, _("Scenarios"), ENT_XLSX_FMT_SECTION, FALSE);
  put_header_row (ex, sheet, row++, scenario_titles, G_N_ELEMENTS (scenario_titles));
  for (guint s = 0; s < ex->n_scenarios; s++, row++)
    {
      ScenarioInfo *si = &ex->scenarios[s];
      EntScenario *scenario = si->sb->scenario;
      g_autofree char *optional = optional_text (scenario);
      g_autofree char *half_days = half_days_text (ex, scenario);
      g_autofree char *projection_name = g_strdup_printf ("Projection_S%u", si->number);
      g_autofree char *increase_name = g_strdup_printf ("Increase_S%u", si->number);

      ent_xlsx_put_text (&ex->w, sheet, row, 0, si->sb->name, ENT_XLSX_FMT_NONE, TRUE);
      ent_xlsx_put_text (&ex->w, sheet, row, 1, optional, ENT_XLSX_FMT_NONE, TRUE);
      ent_xlsx_put_text (&ex->w, sheet, row, 2, half_days, ENT_XLSX_FMT_NONE, TRUE);
      ent_xlsx_put_text (&ex->w, sheet, row, 3, projection_text (scenario), ENT_XLSX_FMT_NONE, TRUE);
      ent_xlsx_put_number (&ex->w, sheet, row, 4,
                           (double) ent_scenario_get_projection_rate (scenario) / BP_SCALE,
                           ENT_XLSX_FMT_PERCENT, 9);
      define_name (ex, projection_name, sheet, row, 4);
      ent_xlsx_put_number (&ex->w, sheet, row, 5, (double) si->increase_bp / BP_SCALE,
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
      put_header_row (ex, sheet, row++, raise_titles, G_N_ELEMENTS (raise_titles));
      for (guint s = 0; s < ex->n_scenarios; s++)
        {
          ScenarioInfo *si = &ex->scenarios[s];
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
                    previous = g_strdup_printf ("Rate_%s_P%u", kind_keys[kind], ex->n_periods);
                  else
                    previous = g_strdup_printf ("Rate_%s_S%u_K%d", kind_keys[kind], si->number, k - 1);
                  name = g_strdup_printf ("Rate_%s_S%u_K%d", kind_keys[kind], si->number, k);
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

  ent_xlsx_sheet_fit_columns (&ex->w, sheet, 12, 60);
  setup_page (ex, sheet, -1, 0);
}

/* ----------------------------------------------------------------- Pupils */

static void
write_pupils (Export *ex)
{
  EntXlsxSheet *sheet = ex->pupils;
  const EntBudget *budget = ex->budget;
  guint n_cols = PU_FIRST_YEAR + budget->n_school_years;
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
    g_ptr_array_add (titles, school_year_label (budget->first_school_year + (int) y));
  /* Translators: header of the Pupils sheet's column saying where each
   * school's counts come from and when it opens or closes */
  g_ptr_array_add (titles, g_strdup (_("Source")));
  put_header_row (ex, sheet, PU_HEADER_ROW, (const char *const *) titles->pdata, titles->len);
  row = PU_HEADER_ROW + 1;

  for (guint s = 0; s < ex->n_scenarios; s++)
    {
      ScenarioInfo *si = &ex->scenarios[s];
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

          ent_xlsx_put_text (&ex->w, sheet, row, PU_SCENARIO, sb->name, ENT_XLSX_FMT_NONE, TRUE);
          ent_xlsx_put_text (&ex->w, sheet, row, PU_SCHOOL, ent_school_get_name (school), ENT_XLSX_FMT_NONE, TRUE);
          ent_xlsx_put_text (&ex->w, sheet, row, PU_UAI, ent_school_get_uai (school), ENT_XLSX_FMT_NONE, TRUE);
          ent_xlsx_put_text (&ex->w, sheet, row, PU_COMMUNE, budget->communes[budget->school_commune[i]],
                             ENT_XLSX_FMT_NONE, TRUE);
          {
            /* SPEC 3, 12: where the counts come from, when it opens or closes */
            g_autofree char *sources = ent_school_describe_sources (school);

            ent_xlsx_put_text (&ex->w, sheet, row, PU_FIRST_YEAR + budget->n_school_years,
                               sources, ENT_XLSX_FMT_NONE, TRUE);
          }

          for (guint y = 0; y < budget->n_school_years; y++)
            {
              guint16 col = PU_FIRST_YEAR + y;
              int school_year = budget->first_school_year + (int) y;
              gboolean has_before = FALSE;
              int earliest_after = G_MAXINT;
              CellName source;
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
                      value = ent_round_div (pupils[y - 1] * (BP_SCALE + rate_bp), BP_SCALE);
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
                  ent_xlsx_cell_name (source, row, PU_FIRST_YEAR + (earliest_after - budget->first_school_year));
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
      ent_xlsx_put_text (&ex->w, sheet, row, PU_SCENARIO, sb->name, ENT_XLSX_FMT_TEXT_TOTAL, TRUE);
      ent_xlsx_put_text (&ex->w, sheet, row, PU_SCHOOL, _("Total"), ENT_XLSX_FMT_TEXT_TOTAL, TRUE);
      ent_xlsx_put_text (&ex->w, sheet, row, PU_UAI, "", ENT_XLSX_FMT_TEXT_TOTAL, FALSE);
      ent_xlsx_put_text (&ex->w, sheet, row, PU_COMMUNE, "", ENT_XLSX_FMT_TEXT_TOTAL, FALSE);
      for (guint y = 0; y < budget->n_school_years; y++)
        {
          guint16 col = PU_FIRST_YEAR + y;
          gint64 total = 0;
          CellName from, to;

          for (guint i = 0; i < budget->n_schools; i++)
            total += sb->pupils[i * budget->n_school_years + y];
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

  for (guint16 col = PU_FIRST_YEAR; col < n_cols && col < ENT_XLSX_MAX_COLUMNS; col++)
    sheet->widths[col] = MAX (sheet->widths[col], 11);
  ent_xlsx_sheet_fit_columns (&ex->w, sheet, 8, 60);
  setup_page (ex, sheet, PU_HEADER_ROW, 0);
}

/* ---------------------------------------------------------------- Credits */

/* The quantity cell: a reference to the Pupils total of the segment's school
 * year when it holds the same count, else the count. */
static void
put_quantity (Export             *ex,
              const ScenarioInfo *si,
              const EntBudgetLine *line,
              const EntSegment   *segment,
              guint32             row,
              guint16             col)
{
  const EntBudget *budget = ex->budget;
  EntXlsxSheet *sheet = ex->credits;
  int y = segment->school_year - budget->first_school_year;

  if (line->kind != ENT_LINE_SPECIFIC && y >= 0 && (guint) y < budget->n_school_years)
    {
      gint64 total = 0;

      for (guint i = 0; i < budget->n_schools; i++)
        total += si->sb->pupils[i * budget->n_school_years + y];
      if (total == segment->quantity)
        {
          CellName cell;
          g_autofree char *formula = NULL;

          ent_xlsx_cell_name_abs (cell, si->pupils_total_row, PU_FIRST_YEAR + y);
          formula = g_strdup_printf ("%s!%s", ex->pupils->ref, cell);
          ent_xlsx_put_count_formula (&ex->w, sheet, row, col, formula, segment->quantity,
                                      ENT_XLSX_FMT_INTEGER);
          return;
        }
    }
  ent_xlsx_put_count (&ex->w, sheet, row, col, segment->quantity, ENT_XLSX_FMT_INTEGER);
}

static void
put_price (Export             *ex,
           const ScenarioInfo *si,
           const EntBudgetLine *line,
           const EntSegment   *segment,
           guint32             row,
           guint16             col)
{
  gint64 cents = 0;
  g_autofree char *name = rate_name (ex, si, line->kind, &segment->tariff_date, &cents, NULL);

  if (name != NULL && cents == segment->unit_price)
    ent_xlsx_put_money_formula (&ex->w, ex->credits, row, col, name, segment->unit_price,
                                ENT_XLSX_FMT_EURO);
  else
    ent_xlsx_put_money (&ex->w, ex->credits, row, col, segment->unit_price, ENT_XLSX_FMT_EURO);
}

static void
write_credits (Export *ex)
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
  g_ptr_array_add (titles, _("Chapter"));
  g_ptr_array_add (titles, _("Nature"));
  g_ptr_array_add (titles, _("Function"));
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
  put_header_row (ex, sheet, 0, (const char *const *) titles->pdata, titles->len);

  for (guint s = 0; s < ex->n_scenarios; s++)
    {
      ScenarioInfo *si = &ex->scenarios[s];

      for (guint y = 0; y < si->sb->n_years; y++)
        {
          const EntBudgetYear *year = &si->sb->years[y];

          si->year_first_rows[y] = row;
          for (EntLineKind kind = 0; kind < ENT_N_LINES; kind++)
            {
              const EntBudgetLine *line = &year->lines[kind];
              GString *terms;
              g_autofree char *formula = NULL;

              if (line->n_segments == 0)
                continue;

              /* a long label wraps: the row is set before its cells */
              if (line->label != NULL && wrapped_lines (line->label, LABEL_MAX_WIDTH - 1) > 1)
                ent_xlsx_writer_check (&ex->w,
                                       worksheet_set_row (sheet->worksheet, row,
                                                          LINE_HEIGHT * wrapped_lines (line->label, LABEL_MAX_WIDTH - 1) + 2,
                                                          NULL),
                                       "row height", sheet);
              ent_xlsx_put_number (&ex->w, sheet, row, CR_YEAR, year->year, ENT_XLSX_FMT_YEAR, 6);
              ent_xlsx_put_text (&ex->w, sheet, row, CR_SECTION, _("Operating"), ENT_XLSX_FMT_NONE, TRUE);
              ent_xlsx_put_text (&ex->w, sheet, row, CR_CHAPTER, line->chapter, ENT_XLSX_FMT_NONE, TRUE);
              ent_xlsx_put_text (&ex->w, sheet, row, CR_NATURE, line->nature, ENT_XLSX_FMT_NONE, TRUE);
              ent_xlsx_put_text (&ex->w, sheet, row, CR_FUNCTION, line->function, ENT_XLSX_FMT_NONE, TRUE);
              ent_xlsx_put_text (&ex->w, sheet, row, CR_LABEL, line->label, ENT_XLSX_FMT_TEXT_WRAP, TRUE);

              terms = g_string_new (NULL);
              for (guint g = 0; g < line->n_segments && g < 2; g++)
                {
                  const EntSegment *segment = &line->segments[g];
                  /* prorata: January–August in the first group of columns,
                   * September–December in the second */
                  gboolean second = ex->prorata && g_date_get_month (&segment->tariff_date) >= G_DATE_SEPTEMBER;
                  guint16 base = second ? CR_QUANTITY_2 : CR_QUANTITY;
                  CellName q, p, m;

                  put_quantity (ex, si, line, segment, row, base);
                  put_price (ex, si, line, segment, row, base + 1);
                  ent_xlsx_put_number (&ex->w, sheet, row, base + 2, segment->months, ENT_XLSX_FMT_INTEGER, 4);
                  ent_xlsx_cell_name (q, row, base);
                  ent_xlsx_cell_name (p, row, base + 1);
                  ent_xlsx_cell_name (m, row, base + 2);
                  g_string_append_printf (terms, "%s%s*%s*%s", terms->len > 0 ? "+" : "", q, p, m);
                }
              /* SPEC 4.3: the segments are added exactly, then rounded once */
              formula = g_strdup_printf (line->n_segments > 1 ? "ROUND((%s)/12,2)" : "ROUND(%s/12,2)",
                                         terms->str);
              g_string_free (terms, TRUE);
              ent_xlsx_put_money_formula (&ex->w, sheet, row, ex->cr_amount, formula, line->amount,
                                          ENT_XLSX_FMT_EURO);
              ent_xlsx_put_text (&ex->w, sheet, row, ex->cr_scenario, si->sb->name, ENT_XLSX_FMT_TEXT_INDENT, TRUE);
              row++;
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
    CellName a, b;

    ent_xlsx_cell_name_abs (a, 1, ex->cr_amount);
    ent_xlsx_cell_name_abs (b, MAX (last_data_row, 1), ex->cr_amount);
    range_amount = g_strdup_printf ("%s:%s", a, b);
    ent_xlsx_cell_name_abs (a, 1, CR_YEAR);
    ent_xlsx_cell_name_abs (b, MAX (last_data_row, 1), CR_YEAR);
    range_year = g_strdup_printf ("%s:%s", a, b);
    ent_xlsx_cell_name_abs (a, 1, ex->cr_scenario);
    ent_xlsx_cell_name_abs (b, MAX (last_data_row, 1), ex->cr_scenario);
    range_scenario = g_strdup_printf ("%s:%s", a, b);
  }

  row++;
  for (guint s = 0; s < ex->n_scenarios; s++)
    {
      ScenarioInfo *si = &ex->scenarios[s];
      g_autofree char *criterion = exact_criterion (si->safe_name);
      CellName first, last;

      for (guint y = 0; y < si->sb->n_years; y++, row++)
        {
          const EntBudgetYear *year = &si->sb->years[y];
          g_autofree char *formula = NULL;

          si->year_total_rows[y] = row;
          ent_xlsx_put_number (&ex->w, sheet, row, CR_YEAR, year->year, ENT_XLSX_FMT_YEAR_BOLD, 6);
          ent_xlsx_put_text (&ex->w, sheet, row, CR_LABEL, _("Year total"), ENT_XLSX_FMT_TEXT_BOLD, TRUE);
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
      ent_xlsx_put_text (&ex->w, sheet, row, CR_YEAR, "", ENT_XLSX_FMT_TEXT_TOTAL, FALSE);
      for (guint16 col = CR_SECTION; col < ex->cr_amount; col++)
        ent_xlsx_put_text (&ex->w, sheet, row, col, col == CR_LABEL ? _("Contract total") : "",
                           ENT_XLSX_FMT_TEXT_TOTAL, col == CR_LABEL);
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

  sheet->widths[CR_LABEL] = MIN (sheet->widths[CR_LABEL], LABEL_MAX_WIDTH);
  ent_xlsx_sheet_fit_columns (&ex->w, sheet, 6, 70);
  setup_page (ex, sheet, 0, 0);
}

/* ---------------------------------------------------------------- Summary */

/* The contract total of every exported scenario when every known pupil count
 * moves by −20 % … +20 % (issue 5). These are the engine's figures written as
 * values: each column is a whole recomputation with counts rounded per school,
 * which no formula over this workbook reproduces. Returns the next free row. */
static guint32
write_sensitivity (Export       *ex,
                   EntXlsxSheet *sheet,
                   guint32       row)
{
  const EntSensitivity *sensitivity = ex->sensitivity;
  g_autoptr (GPtrArray) titles = g_ptr_array_new ();

  ent_xlsx_put_text (&ex->w, sheet, row++, 0, _("Sensitivity to pupil numbers"),
                     ENT_XLSX_FMT_SECTION, FALSE);
  g_ptr_array_add (titles, (gpointer) _("Scenario"));
  for (guint i = 0; i < sensitivity->n_steps; i++)
    g_ptr_array_add (titles, ex->sensitivity_labels[i]);
  put_header_row (ex, sheet, row++, (const char *const *) titles->pdata, titles->len);

  for (guint s = 0; s < ex->n_scenarios; s++, row++)
    {
      const EntScenarioBudget *sb = ex->scenarios[s].sb;
      /* the sensitivity holds the document's scenarios in budget order */
      guint index = (guint) (sb - ex->budget->scenarios);

      ent_xlsx_put_text (&ex->w, sheet, row, 0, sb->name, ENT_XLSX_FMT_TEXT_BOLD, TRUE);
      if (index >= sensitivity->n_scenarios)
        continue;
      for (guint i = 0; i < sensitivity->n_steps; i++)
        ent_xlsx_put_money (&ex->w, sheet, row, (guint16) (1 + i),
                            ent_sensitivity_get_total (sensitivity, index, i),
                            sensitivity->steps_bp[i] == 0 ? ENT_XLSX_FMT_EURO_BOLD : ENT_XLSX_FMT_EURO);
    }
  /* Translators: a note under the sensitivity table of the workbook */
  ent_xlsx_put_text (&ex->w, sheet, row++, 0,
                     _("Contract totals computed by the engine (values, not formulas): every known pupil count changed by the percentage, rounded per school."),
                     ENT_XLSX_FMT_NONE, FALSE);
  return row;
}

static void
write_summary (Export *ex)
{
  EntXlsxSheet *sheet = ex->summary;
  const EntBudget *budget = ex->budget;
  EntTariffPeriod *last = ex->n_periods > 0 ? ex->periods[ex->n_periods - 1] : NULL;
  guint32 row = 0;
  guint32 table_header_row;
  guint16 total_col = 1 + budget->n_budget_years;
  g_autoptr (GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
  const char *const assumption_titles[] = {
    _("Scenario"),
    _("Optional support"),
    _("Half-days of specific support"),
    _("Pupil projection"),
    _("Annual pupil change"),
    _("Tariff increase per year"),
  };

  ent_xlsx_put_text (&ex->w, sheet, row++, 0, ent_document_get_title (ex->document),
                     ENT_XLSX_FMT_TITLE, FALSE);
  ent_xlsx_put_text (&ex->w, sheet, row++, 0, _("Budget of the ENT contribution"),
                     ENT_XLSX_FMT_SECTION, FALSE);
  row++;
  row = write_contract_block (ex, sheet, row, FALSE);
  if (last != NULL)
    {
      for (EntLineKind kind = 0; kind < ENT_N_LINES; kind++, row++)
        {
          g_autofree char *name = g_strdup_printf ("Rate_%s_P%u", kind_keys[kind], ex->n_periods);

          ent_xlsx_put_text (&ex->w, sheet, row, 0, kind_title (kind), ENT_XLSX_FMT_LABEL, TRUE);
          ent_xlsx_put_money_formula (&ex->w, sheet, row, 1, name, ent_tariff_period_get_rate (last, kind),
                                      ENT_XLSX_FMT_EURO);
        }
      put_label_value (ex, sheet, row++, _("Tariff reference"), ent_tariff_period_get_reference (last));
    }
  {
    GDateTime *t = ex->generated;
    GDate day;
    double serial;

    g_date_clear (&day, 1);
    g_date_set_dmy (&day, g_date_time_get_day_of_month (t), g_date_time_get_month (t),
                    g_date_time_get_year (t));
    serial = ent_xlsx_date_serial (&day)
             + (g_date_time_get_hour (t) * 3600 + g_date_time_get_minute (t) * 60
                + g_date_time_get_second (t)) / 86400.0;
    ent_xlsx_put_text (&ex->w, sheet, row, 0, _("Generated on"), ENT_XLSX_FMT_LABEL, TRUE);
    ent_xlsx_put_number (&ex->w, sheet, row++, 1, serial, ENT_XLSX_FMT_DATETIME, 12);
  }
  {
    /* Translators: the application's name and version */
    g_autofree char *app = g_strdup_printf (_("ENT Budget %s"), PACKAGE_VERSION);

    put_label_value (ex, sheet, row++, _("Generated by"), app);
  }

  /* year totals per scenario */
  row++;
  ent_xlsx_put_text (&ex->w, sheet, row++, 0, _("Credits per budget year"), ENT_XLSX_FMT_SECTION, FALSE);
  table_header_row = row;
  g_ptr_array_add (titles, g_strdup (_("Scenario")));
  for (guint y = 0; y < budget->n_budget_years; y++)
    g_ptr_array_add (titles, g_strdup_printf ("%d", budget->first_budget_year + (int) y));
  g_ptr_array_add (titles, g_strdup (_("Contract total")));
  put_header_row (ex, sheet, row++, (const char *const *) titles->pdata, titles->len);

  for (guint s = 0; s < ex->n_scenarios; s++, row++)
    {
      ScenarioInfo *si = &ex->scenarios[s];
      CellName cell;
      g_autofree char *formula = NULL;

      ent_xlsx_put_text (&ex->w, sheet, row, 0, si->sb->name, ENT_XLSX_FMT_TEXT_BOLD, TRUE);
      for (guint y = 0; y < si->sb->n_years && y < budget->n_budget_years; y++)
        {
          g_autofree char *year_formula = NULL;

          ent_xlsx_cell_name_abs (cell, si->year_total_rows[y], ex->cr_amount);
          year_formula = g_strdup_printf ("%s!%s", ex->credits->ref, cell);
          ent_xlsx_put_money_formula (&ex->w, sheet, row, 1 + y, year_formula, si->sb->years[y].total,
                                      ENT_XLSX_FMT_EURO);
        }
      ent_xlsx_cell_name_abs (cell, si->contract_total_row, ex->cr_amount);
      formula = g_strdup_printf ("%s!%s", ex->credits->ref, cell);
      ent_xlsx_put_money_formula (&ex->w, sheet, row, total_col, formula, si->sb->total,
                                  ENT_XLSX_FMT_EURO_BOLD);
    }

  row++;
  row = write_sensitivity (ex, sheet, row);

  /* key assumptions of each scenario */
  row++;
  ent_xlsx_put_text (&ex->w, sheet, row++, 0, _("Scenarios"), ENT_XLSX_FMT_SECTION, FALSE);
  put_header_row (ex, sheet, row++, assumption_titles, G_N_ELEMENTS (assumption_titles));
  for (guint s = 0; s < ex->n_scenarios; s++, row++)
    {
      EntScenario *scenario = ex->scenarios[s].sb->scenario;
      g_autofree char *optional = optional_text (scenario);
      g_autofree char *half_days = half_days_text (ex, scenario);

      ent_xlsx_put_text (&ex->w, sheet, row, 0, ex->scenarios[s].sb->name, ENT_XLSX_FMT_NONE, TRUE);
      ent_xlsx_put_text (&ex->w, sheet, row, 1, optional, ENT_XLSX_FMT_NONE, TRUE);
      ent_xlsx_put_text (&ex->w, sheet, row, 2, half_days, ENT_XLSX_FMT_NONE, TRUE);
      ent_xlsx_put_text (&ex->w, sheet, row, 3, projection_text (scenario), ENT_XLSX_FMT_NONE, TRUE);
      ent_xlsx_put_number (&ex->w, sheet, row, 4,
                           (double) ent_scenario_get_projection_rate (scenario) / BP_SCALE,
                           ENT_XLSX_FMT_PERCENT, 0);
      ent_xlsx_put_number (&ex->w, sheet, row, 5, (double) ex->scenarios[s].increase_bp / BP_SCALE,
                           ENT_XLSX_FMT_PERCENT, 0);
    }

  /* SPEC 12, vintage: the budget years that rest on projected counts (the
   * same for every scenario: which counts are known does not depend on it) */
  if (ex->n_scenarios > 0)
    {
      const EntScenarioBudget *sb = ex->scenarios[0].sb;
      gboolean heading = FALSE;

      for (guint y = 0; y < sb->n_years; y++)
        {
          g_autofree char *vintage = ent_budget_year_describe_vintage (budget, sb, &sb->years[y]);
          g_autofree char *year = NULL;

          if (vintage == NULL)
            continue;
          if (!heading)
            {
              row++;
              ent_xlsx_put_text (&ex->w, sheet, row++, 0, _("Projected pupil counts"),
                                 ENT_XLSX_FMT_SECTION, FALSE);
              heading = TRUE;
            }
          year = g_strdup_printf ("%d", sb->years[y].year);
          ent_xlsx_put_text (&ex->w, sheet, row, 0, year, ENT_XLSX_FMT_LABEL, FALSE);
          ent_xlsx_put_text (&ex->w, sheet, row++, 1, vintage, ENT_XLSX_FMT_NONE, FALSE);
        }
    }

  /* the chart of the year totals, below everything (charts float: no row order) */
  if (ex->n_scenarios > 0 && budget->n_budget_years > 0)
    {
      lxw_chart *chart = workbook_add_chart (ex->w.workbook, LXW_CHART_COLUMN);
      /* translations only, yet through the same door as every string */
      g_autofree char *safe_title = NULL;
      g_autofree char *safe_x_name = NULL;
      g_autofree char *safe_y_name = NULL;
      const char *title = ent_xlsx_xml_safe (_("Yearly totals per scenario"), &safe_title);
      lxw_chart_options placement = {
        .x_offset = 4,
        .y_offset = 8,
        .x_scale = 1.8,
        .y_scale = 1.2,
        .description = (char *) title,
      };
      guint32 chart_row = row + 2;

      if (chart == NULL)
        ent_xlsx_writer_check (&ex->w, LXW_ERROR_MEMORY_MALLOC_FAILED, "chart", sheet);
      else
        {
          chart_title_set_name (chart, title);
          chart_axis_set_name (chart->x_axis, ent_xlsx_xml_safe (_("Budget year"), &safe_x_name));
          chart_axis_set_name (chart->y_axis, ent_xlsx_xml_safe (_("Amount (€)"), &safe_y_name));
          chart_axis_set_num_format (chart->y_axis, "#,##0 \"€\"");
          chart_legend_set_position (chart, LXW_CHART_LEGEND_BOTTOM);
          for (guint s = 0; s < ex->n_scenarios; s++)
            {
              guint32 data_row = table_header_row + 1 + s;
              lxw_chart_series *series = chart_add_series (chart, NULL, NULL);

              if (series == NULL)
                {
                  ent_xlsx_writer_check (&ex->w, LXW_ERROR_MEMORY_MALLOC_FAILED, "chart series", sheet);
                  break;
                }
              chart_series_set_categories (series, sheet->name, table_header_row, 1,
                                           table_header_row, budget->n_budget_years);
              chart_series_set_values (series, sheet->name, data_row, 1, data_row,
                                       budget->n_budget_years);
              chart_series_set_name_range (series, sheet->name, data_row, 0);
            }
          ent_xlsx_writer_check (&ex->w,
                                 worksheet_insert_chart_opt (sheet->worksheet, chart_row, 0, chart, &placement),
                                 "chart", sheet);
        }
    }

  for (guint16 col = 1; col <= total_col && col < ENT_XLSX_MAX_COLUMNS; col++)
    sheet->widths[col] = MAX (sheet->widths[col], 15);
  ent_xlsx_sheet_fit_columns (&ex->w, sheet, 10, 50);
  /* the summary is the page annexed to a deliberation: one page */
  setup_page (ex, sheet, -1, 1);
}

/* ------------------------------------------------------------------ AE-CP */

static void
write_aecp (Export *ex)
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

  put_header_row (ex, sheet, 0, titles, G_N_ELEMENTS (titles));
  for (guint s = 0; s < ex->n_scenarios; s++)
    {
      ScenarioInfo *si = &ex->scenarios[s];
      guint32 first_row = row;

      for (guint y = 0; y < si->sb->n_years; y++, row++)
        {
          const EntBudgetYear *year = &si->sb->years[y];
          CellName cell, first, here, ae;
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
  setup_page (ex, sheet, 0, 0);
}

/* ------------------------------------------------------------- Allocation */

static void
put_subtotals (Export       *ex,
               guint32       row,
               guint32       first_row,
               guint32       last_row,
               const gint64 *cents,
               EntXlsxFormat format)
{
  EntXlsxSheet *sheet = ex->allocation;

  for (guint k = 0; k <= ENT_N_LINES; k++)
    {
      guint16 col = AL_FIRST_LINE + k;
      CellName from, to;
      g_autofree char *formula = NULL;

      ent_xlsx_cell_name (from, first_row, col);
      ent_xlsx_cell_name (to, last_row, col);
      formula = g_strdup_printf ("SUBTOTAL(9,%s:%s)", from, to);
      ent_xlsx_put_money_formula (&ex->w, sheet, row, col, formula, cents[k], format);
    }
}

static void
write_allocation (Export *ex)
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
  put_header_row (ex, sheet, 0, (const char *const *) titles->pdata, titles->len);

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
                  CellName from, to;
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
  setup_page (ex, sheet, 0, 0);
}

/* --------------------------------------------------------------- workbook */

/* The budget of @scenario among @budget's, NULL when @scenario is not one
 * of the document's. Kept apart so that a shared model query can replace it. */
static const EntScenarioBudget *
find_scenario_budget (const EntBudget *budget,
                      EntScenario     *scenario)
{
  for (guint i = 0; i < budget->n_scenarios; i++)
    if (budget->scenarios[i].scenario == scenario)
      return &budget->scenarios[i];
  return NULL;
}

static gboolean
prepare (Export                *ex,
         EntDocument           *document,
         const EntXlsxOptions  *options,
         const char            *path,
         GError               **error)
{
  g_autoptr (GError) local_error = NULL;
  GListModel *periods;

  ex->document = document;
  ex->tariffs = ent_document_get_tariffs (document);
  ex->budget = ent_budget_compute (document, &local_error);
  if (ex->budget == NULL)
    {
      g_set_error (error, ENT_EXPORT_ERROR, ENT_EXPORT_ERROR_BUDGET,
                   _("Cannot export “%s”: %s"), path, local_error->message);
      return FALSE;
    }

  /* before the export switches to a C numeric locale: "−20 %" in French */
  ex->sensitivity = ent_sensitivity_compute (document, NULL, 0, &local_error);
  if (ex->sensitivity == NULL)
    {
      g_set_error (error, ENT_EXPORT_ERROR, ENT_EXPORT_ERROR_BUDGET,
                   _("Cannot export “%s”: %s"), path, local_error->message);
      return FALSE;
    }
  {
    g_autoptr (EntChartData) labels = ent_chart_data_new_sensitivity (ex->sensitivity);

    ex->sensitivity_labels = g_steal_pointer (&labels->category_labels);
  }

  ex->generated = options != NULL && options->generated != NULL
                  ? g_date_time_ref (options->generated) : g_date_time_new_now_local ();
  ex->prorata = ent_contract_get_billing (ent_document_get_contract (document)) == ENT_BILLING_PRORATA;
  ex->cr_amount = ex->prorata ? CR_MONTHS_2 + 1 : CR_MONTHS + 1;
  ex->cr_scenario = ex->cr_amount + 1;

  periods = G_LIST_MODEL (ex->tariffs);
  ex->n_periods = g_list_model_get_n_items (periods);
  ex->periods = g_new0 (EntTariffPeriod *, ex->n_periods + 1);
  for (guint i = 0; i < ex->n_periods; i++)
    ex->periods[i] = g_list_model_get_item (periods, i);

  /* the scenarios asked for, in the order asked */
  if (options != NULL && options->scenarios != NULL && options->n_scenarios > 0)
    {
      ex->n_scenarios = options->n_scenarios;
      ex->scenarios = g_new0 (ScenarioInfo, ex->n_scenarios);
      for (guint s = 0; s < options->n_scenarios; s++)
        {
          ex->scenarios[s].sb = find_scenario_budget (ex->budget, options->scenarios[s]);
          if (ex->scenarios[s].sb == NULL)
            {
              g_set_error (error, ENT_EXPORT_ERROR, ENT_EXPORT_ERROR_INVALID,
                           _("Cannot export “%s”: the scenario to export is not in the document"),
                           path);
              return FALSE;
            }
        }
    }
  else
    {
      ex->n_scenarios = ex->budget->n_scenarios;
      ex->scenarios = g_new0 (ScenarioInfo, ex->n_scenarios);
      for (guint s = 0; s < ex->n_scenarios; s++)
        ex->scenarios[s].sb = &ex->budget->scenarios[s];
    }

  /* the cells hold each name made safe for XML: the formulas quote it so */
  for (guint s = 0; s < ex->n_scenarios; s++)
    {
      ScenarioInfo *si = &ex->scenarios[s];

      if (ent_xlsx_xml_safe (si->sb->name, &si->safe_name) == si->sb->name)
        si->safe_name = g_strdup (si->sb->name);
    }

  for (guint s = 0; s < ex->n_scenarios; s++)
    {
      ScenarioInfo *si = &ex->scenarios[s];

      si->number = s + 1;
      si->increase_bp = ent_scenario_get_tariff_increase (si->sb->scenario);
      si->year_total_rows = g_new0 (guint32, si->sb->n_years + 1);
      si->year_first_rows = g_new0 (guint32, si->sb->n_years + 1);
      si->year_end_rows = g_new0 (guint32, si->sb->n_years + 1);
      /* SUMIFS matches text regardless of case */
      for (guint t = 0; t < ex->n_scenarios; t++)
        {
          g_autofree char *a = NULL;
          g_autofree char *b = NULL;

          if (t == s)
            continue;
          a = g_utf8_casefold (si->safe_name, -1);
          b = g_utf8_casefold (ex->scenarios[t].safe_name, -1);
          si->sum_by_rows = si->sum_by_rows || g_str_equal (a, b);
        }
      si->sum_by_rows = si->sum_by_rows || criterion_unusable (si->safe_name);
      /* how many raised rates the Credits sheet will refer to */
      for (guint y = 0; y < si->sb->n_years; y++)
        for (EntLineKind kind = 0; kind < ENT_N_LINES; kind++)
          {
            const EntBudgetLine *line = &si->sb->years[y].lines[kind];

            for (guint g = 0; g < line->n_segments && g < 2; g++)
              {
                int raises = 0;
                g_autofree char *name = rate_name (ex, si, kind, &line->segments[g].tariff_date,
                                                   NULL, &raises);

                if (name != NULL)
                  si->max_raise = MAX (si->max_raise, raises);
              }
          }
    }
  return TRUE;
}

static void
export_clear (Export *ex)
{
  if (ex->scenarios != NULL)
    for (guint s = 0; s < ex->n_scenarios; s++)
      {
        g_free (ex->scenarios[s].safe_name);
        g_free (ex->scenarios[s].year_total_rows);
        g_free (ex->scenarios[s].year_first_rows);
        g_free (ex->scenarios[s].year_end_rows);
      }
  g_clear_pointer (&ex->scenarios, g_free);
  if (ex->periods != NULL)
    for (guint i = 0; i < ex->n_periods; i++)
      g_clear_object (&ex->periods[i]);
  g_clear_pointer (&ex->periods, g_free);
  g_clear_pointer (&ex->budget, ent_budget_unref);
  g_clear_pointer (&ex->sensitivity, ent_sensitivity_free);
  g_clear_pointer (&ex->sensitivity_labels, g_strfreev);
  g_clear_pointer (&ex->generated, g_date_time_unref);
  ent_xlsx_writer_clear (&ex->w);
}

static void
write_workbook (Export *ex)
{
  EntXlsxWriter *w = &ex->w;
  g_autofree char *comments = NULL;
  g_autofree char *safe_title = NULL;
  g_autofree char *safe_subject = NULL;
  g_autofree char *safe_payer = NULL;
  g_autofree char *safe_comments = NULL;
  lxw_doc_properties properties = { 0 };

  if (!ent_xlsx_writer_add_formats (w))
    return;

  /* Translators: sheet names, at most 31 characters, none of []:*?/\ */
  ex->summary = ent_xlsx_writer_add_sheet (w, _("Summary"));
  ex->credits = ent_xlsx_writer_add_sheet (w, _("Credits"));
  ex->pupils = ent_xlsx_writer_add_sheet (w, _("Pupils"));
  ex->assumptions = ent_xlsx_writer_add_sheet (w, _("Assumptions"));
  ex->aecp = ent_xlsx_writer_add_sheet (w, _("AE-CP"));
  ex->allocation = ent_xlsx_writer_add_sheet (w, _("Allocation"));
  if (w->status != LXW_NO_ERROR)
    return;

  /* in dependency order: names and totals before the cells that refer to them */
  write_assumptions (ex);
  write_pupils (ex);
  write_credits (ex);
  write_summary (ex);
  write_aecp (ex);
  write_allocation (ex);
  worksheet_activate (ex->summary->worksheet);

  comments = g_strdup_printf (_("Generated by ENT Budget %s"), PACKAGE_VERSION);
  /* docProps/core.xml and app.xml: libxlsxwriter escapes nothing but & < > " */
  properties.title = (char *) ent_xlsx_xml_safe (ent_document_get_title (ex->document), &safe_title);
  properties.subject = (char *) ent_xlsx_xml_safe (_("Budget of the ENT contribution"), &safe_subject);
  properties.author = (char *) ent_xlsx_xml_safe (ent_document_get_payer (ex->document), &safe_payer);
  properties.company = properties.author;
  properties.comments = (char *) ent_xlsx_xml_safe (comments, &safe_comments);
  properties.created = (time_t) g_date_time_to_unix (ex->generated);
  ent_xlsx_writer_check (w, workbook_set_properties (w->workbook, &properties),
                         "document properties", NULL);
}

/* libxlsxwriter's failure in plain words (SPEC 10.1): never its own codes.
 * For the file errors, the C library's errno right after the failure says
 * why (a full disk, an I/O error); when it says nothing useful, a private
 * directory with no free block is a full disk too. */
static const char *
describe_writer_failure (lxw_error   status,
                         int         saved_errno,
                         const char *private_dir)
{
  switch (status)
    {
    case LXW_ERROR_CREATING_XLSX_FILE:
    case LXW_ERROR_CREATING_TMPFILE:
    case LXW_ERROR_READING_TMPFILE:
    case LXW_ERROR_ZIP_FILE_OPERATION:
    case LXW_ERROR_ZIP_PARAMETER_ERROR:
    case LXW_ERROR_ZIP_BAD_ZIP_FILE:
    case LXW_ERROR_ZIP_INTERNAL_ERROR:
    case LXW_ERROR_ZIP_FILE_ADD:
    case LXW_ERROR_ZIP_CLOSE:
      {
        struct statvfs fs;

        switch (saved_errno)
          {
          case ENOSPC: case EDQUOT: case EIO: case EACCES: case EPERM:
          case EROFS: case EFBIG: case EMFILE: case ENFILE: case ENOMEM:
            return ent_safe_file_describe_errno (saved_errno);
          default:
            break;
          }
        if (private_dir != NULL && statvfs (private_dir, &fs) == 0 && fs.f_bavail == 0)
          return ent_safe_file_describe_errno (ENOSPC);
        return _("the workbook could not be written to the disk");
      }
    case LXW_ERROR_MEMORY_MALLOC_FAILED:
      return ent_safe_file_describe_errno (ENOMEM);
    case LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED:
    case LXW_ERROR_255_STRING_LENGTH_EXCEEDED:
    case LXW_ERROR_128_STRING_LENGTH_EXCEEDED:
    case LXW_ERROR_32_STRING_LENGTH_EXCEEDED:
      return _("a text is longer than a spreadsheet accepts");
    case LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE:
      return _("the document has more rows or columns than a spreadsheet accepts");
    default:
      return _("the workbook could not be made (an internal error: please report it)");
    }
}

static gboolean
set_writer_error (GError    **error,
                  const char *path,
                  lxw_error   status,
                  int         saved_errno,
                  const char *private_dir)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, ENT_EXPORT_ERROR, ENT_EXPORT_ERROR_WRITER,
               _("Cannot write “%1$s”: %2$s."), display,
               describe_writer_failure (status, saved_errno, private_dir));
  return FALSE;
}

gboolean
ent_xlsx_export_recorded (EntDocument           *document,
                          const char            *path,
                          const EntXlsxOptions  *options,
                          GArray               **out_cells,
                          GStrv                 *out_sheet_names,
                          GError               **error)
{
  Export ex = { 0 };
  g_autoptr(EntSafeFile) file = NULL;
  g_autoptr(GError) local_error = NULL;
  lxw_workbook *workbook;
  lxw_error close_error;
  locale_t c_numeric, previous, base_locale;
  int saved_errno;

  g_return_val_if_fail (ENT_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (path != NULL && *path != '\0', FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!prepare (&ex, document, options, path, error))
    {
      export_clear (&ex);
      return FALSE;
    }

  /* SPEC 10.1: libxlsxwriter writes by name, so into a private directory
   * (0700) next to the target, whose file is then synced and moved over the
   * target; its own temporary files go there too. A folder, a pipe or a
   * device as the target is refused before anything is written. */
  file = ent_safe_file_new (path, ENT_SAFE_FILE_PRIVATE_DIR, &local_error);
  if (file == NULL)
    {
      g_set_error_literal (error, ENT_EXPORT_ERROR, ENT_EXPORT_ERROR_IO, local_error->message);
      export_clear (&ex);
      return FALSE;
    }

  /* libxlsxwriter prints doubles with the C library: numbers must have a dot
   * whatever the user's locale. Only LC_NUMERIC changes, for this thread, so
   * the labels stay in the user's language. */
  base_locale = duplocale (uselocale ((locale_t) 0));
  c_numeric = base_locale != (locale_t) 0 ? newlocale (LC_NUMERIC_MASK, "C", base_locale) : (locale_t) 0;
  if (c_numeric == (locale_t) 0)
    {
      saved_errno = errno;
      if (base_locale != (locale_t) 0)
        freelocale (base_locale);
      ent_safe_file_set_error (&local_error, path, saved_errno);
      g_set_error_literal (error, ENT_EXPORT_ERROR, ENT_EXPORT_ERROR_IO, local_error->message);
      export_clear (&ex);
      return FALSE;
    }
  previous = uselocale (c_numeric);

  /* Constant memory: rows go to disk as they are written (every sheet is
   * written top to bottom; a write above the current row fails and is
   * reported), which keeps large documents small in memory and is faster. */
  workbook = workbook_new_opt (ent_safe_file_get_private_path (file),
                               &(lxw_workbook_options) {
                                 .constant_memory = LXW_TRUE,
                                 .tmpdir = (char *) ent_safe_file_get_private_dir (file),
                               });
  if (workbook == NULL)
    {
      saved_errno = errno;
      uselocale (previous);
      freelocale (c_numeric);
      set_writer_error (error, path, LXW_ERROR_CREATING_XLSX_FILE, saved_errno,
                        ent_safe_file_get_private_dir (file));
      export_clear (&ex);
      return FALSE;
    }

  ent_xlsx_writer_init (&ex.w, workbook, out_cells != NULL);
  write_workbook (&ex);

  /* frees the workbook, even when it fails */
  errno = 0;
  close_error = workbook_close (workbook);
  saved_errno = errno;
  ex.w.workbook = NULL;
  uselocale (previous);
  freelocale (c_numeric);

  if (ex.w.status != LXW_NO_ERROR || close_error != LXW_NO_ERROR)
    {
      lxw_error status = ex.w.status != LXW_NO_ERROR ? ex.w.status : close_error;

      g_debug ("libxlsxwriter: %s (%s)", lxw_strerror (status),
               ex.w.failed_at != NULL ? ex.w.failed_at : "close");
      set_writer_error (error, path, status, saved_errno, ent_safe_file_get_private_dir (file));
      export_clear (&ex);
      return FALSE;
    }

  if (!ent_safe_file_commit (file, &local_error))
    {
      g_set_error_literal (error, ENT_EXPORT_ERROR, ENT_EXPORT_ERROR_IO, local_error->message);
      export_clear (&ex);
      return FALSE;
    }

  if (out_cells != NULL)
    *out_cells = g_steal_pointer (&ex.w.record);
  if (out_sheet_names != NULL)
    {
      GStrvBuilder *builder = g_strv_builder_new ();

      for (guint i = 0; i < ex.w.sheets->len; i++)
        g_strv_builder_add (builder, ((EntXlsxSheet *) g_ptr_array_index (ex.w.sheets, i))->name);
      *out_sheet_names = g_strv_builder_end (builder);
      g_strv_builder_unref (builder);
    }
  export_clear (&ex);
  return TRUE;
}

gboolean
ent_xlsx_export (EntDocument          *document,
                 const char           *path,
                 const EntXlsxOptions *options,
                 GError              **error)
{
  return ent_xlsx_export_recorded (document, path, options, NULL, NULL, error);
}
