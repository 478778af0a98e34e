/* ent-pdf-export.c: the one-page summary (A4 PDF), drawn with cairo and pango
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page is drawn top to bottom twice: once into a recording surface to
 * measure it, then onto the PDF page, scaled down to fit when the content
 * turned out taller than the page (many scenarios or tariff periods). Text stays text in the
 * PDF (pdftotext reads it back). Amounts come from the model in cents and are
 * shown with ent_money_format.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "ent-budget.h"
#include "ent-budget-query.h"
#include "ent-chart.h"
#include "ent-compare.h"
#include "ent-m57.h"
#include "ent-money.h"
#include "ent-pdf-export.h"
#include "ent-safe-file.h"

/* A4 in points */
#define PAGE_WIDTH   595.276
#define PAGE_HEIGHT  841.890
#define MARGIN       42.0     /* about 15 mm */
#define BODY_SIZE    9.0
#define SMALL_SIZE   7.5
#define CHART_HEIGHT 235.0
/* Beyond this many communes the share table lists the largest parts and one
 * row for the others, so that a syndicate of many communes keeps one legible page. */
#define MAX_COMMUNE_ROWS 16

typedef struct
{
  cairo_t *cr;
  double   x;          /* left of the text column */
  double   width;      /* width of the text column */
  double   y;          /* next free line */
} Page;

/* Where cairo's PDF stream goes: a safe file (SPEC 10.1); the first write
 * error is kept for the message. */
typedef struct
{
  EntSafeFile *file;
  GError      *error;
} Sink;

typedef enum
{
  ALIGN_START,
  ALIGN_END,
} Align;

/* helpers */

static PangoLayout *
create_layout (cairo_t    *cr,
               double      size,
               gboolean    bold,
               double      width,
               const char *text)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Sans");

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int h;

  pango_layout_get_size (layout, NULL, &h);
  return (double) h / PANGO_SCALE;
}

static double
natural_width (cairo_t    *cr,
               double      size,
               gboolean    bold,
               const char *text)
{
  g_autoptr(PangoLayout) layout = create_layout (cr, size, bold, -1, text);
  int w;

  pango_layout_get_size (layout, &w, NULL);
  return (double) w / PANGO_SCALE;
}

/* A paragraph across the text column, wrapped; advances the page. */
static void
paragraph (Page       *page,
           double      size,
           gboolean    bold,
           double      grey,
           const char *text)
{
  g_autoptr(PangoLayout) layout = create_layout (page->cr, size, bold, page->width, text);

  cairo_set_source_rgb (page->cr, grey, grey, grey);
  cairo_move_to (page->cr, page->x, page->y);
  pango_cairo_show_layout (page->cr, layout);
  page->y += layout_height (layout);
}

static void
rule (Page   *page,
      double  x,
      double  width,
      double  line_width)
{
  cairo_set_source_rgb (page->cr, 0.55, 0.55, 0.55);
  cairo_set_line_width (page->cr, line_width);
  cairo_move_to (page->cr, x, page->y);
  cairo_line_to (page->cr, x + width, page->y);
  cairo_stroke (page->cr);
}

static void
heading (Page       *page,
         const char *text)
{
  page->y += BODY_SIZE * 0.9;
  paragraph (page, BODY_SIZE * 1.25, TRUE, 0.1, text);
  page->y += BODY_SIZE * 0.3;
}

/* A table of @n_rows × @n_cols cells (row-major, row 0 the header) across
 * the text column. The first column is @first_width wide, the others share
 * the rest; every column but the first is right-aligned. The header and the
 * rows flagged in @bold_rows are bold; a rule separates the header and lies
 * above each bold row. Cells wrap within their column. */
static void
table (Page            *page,
       guint            n_rows,
       guint            n_cols,
       const char     **cells,
       const gboolean  *bold_rows,
       double           first_width,
       double           size)
{
  double gap = size * 0.8;
  double other_width = n_cols > 1 ? (page->width - first_width) / (n_cols - 1) : 0;

  for (guint r = 0; r < n_rows; r++)
    {
      gboolean bold = r == 0 || (bold_rows != NULL && bold_rows[r]);
      double row_height = 0;
      double top;
      g_autoptr(GPtrArray) layouts = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint c = 0; c < n_cols; c++)
        {
          double w = (c == 0 ? first_width : other_width) - gap;
          PangoLayout *layout = create_layout (page->cr, size, bold, MAX (w, 1.0),
                                               cells[r * n_cols + c] != NULL ? cells[r * n_cols + c] : "");

          pango_layout_set_alignment (layout, c == 0 ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT);
          row_height = MAX (row_height, layout_height (layout));
          g_ptr_array_add (layouts, layout);
        }

      if (r > 0 && bold)
        rule (page, page->x, page->width, 0.5);
      top = page->y + size * 0.25;
      for (guint c = 0; c < n_cols; c++)
        {
          double x = c == 0 ? page->x : page->x + first_width + other_width * (c - 1) + gap;
          PangoLayout *layout = g_ptr_array_index (layouts, c);

          /* headers sit at the bottom of their (possibly wrapped) row */
          double y = r == 0 ? top + row_height - layout_height (layout) : top;

          cairo_set_source_rgb (page->cr, 0.1, 0.1, 0.1);
          cairo_move_to (page->cr, x, y);
          pango_cairo_show_layout (page->cr, layout);
        }
      page->y = top + row_height + size * 0.25;
      if (r == 0)
        rule (page, page->x, page->width, 0.8);
    }
}

/* The font size at which every cell of the body (rows and columns after the
 * first) fits in a column @column_width wide (at most @size). */
static double
fit_size (cairo_t     *cr,
          const char **cells,
          guint        n_rows,
          guint        n_cols,
          double       column_width,
          double       size)
{
  double widest = 0;

  for (guint r = 1; r < n_rows; r++)
    for (guint c = 1; c < n_cols; c++)
      if (cells[r * n_cols + c] != NULL)
        {
          g_auto(GStrv) lines = g_strsplit (cells[r * n_cols + c], "\n", -1);

          for (guint l = 0; lines[l] != NULL; l++)
            widest = MAX (widest, natural_width (cr, size, TRUE, lines[l]));
        }
  if (widest > 0 && widest > column_width - size)
    size = MAX (size * (column_width - size) / widest, 5.0);
  return size;
}

static char *
describe_contract (EntDocument *document)
{
  EntContract *contract = ent_document_get_contract (document);
  int first = ent_contract_get_first_school_year (contract);
  int years = ent_contract_get_school_years (contract);
  GDate end;
  g_autofree char *end_text = NULL;
  g_autofree char *start_text = ent_date_format (ent_contract_get_payment_start (contract));
  g_autofree char *billing = g_utf8_strdown (ent_billing_get_label (ent_contract_get_billing (contract)), -1);

  ent_contract_get_end_date (contract, &end);
  end_text = ent_date_format (&end);
  /* Translators: %d school years, from school year %d/%d, until a date (%s),
   * payments from a date (%s), billing mode (%s: "annual" or "prorata") */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Contract of %d school year from %d/%d until %s; payments from %s; %s billing.",
                                       "Contract of %d school years from %d/%d until %s; payments from %s; %s billing.",
                                       years),
                          years, first, first + 1, end_text, start_text, billing);
}

static void
describe_tariffs (Page        *page,
                  EntDocument *document)
{
  GListModel *periods = G_LIST_MODEL (ent_document_get_tariffs (document));
  guint n = g_list_model_get_n_items (periods);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EntTariffPeriod) period = g_list_model_get_item (periods, i);
      g_autofree char *from = ent_date_format (ent_tariff_period_get_valid_from (period));
      g_autofree char *base = ent_money_format (ent_tariff_period_get_base_per_pupil (period));
      g_autofree char *optional = ent_money_format (ent_tariff_period_get_optional_per_pupil (period));
      g_autofree char *half_day = ent_money_format (ent_tariff_period_get_half_day (period));
      const char *reference = ent_tariff_period_get_reference (period);
      g_autofree char *text = NULL;

      /* Translators: %s are a date, then three amounts */
      text = g_strdup_printf (_("Tariff from %s: base contribution %s per pupil per year, optional flat support %s per pupil per year, specific support %s per half-day"),
                              from, base, optional, half_day);
      if (reference != NULL && *reference != '\0')
        {
          g_autofree char *with = g_strdup_printf ("%s (%s).", text, reference);

          paragraph (page, BODY_SIZE, FALSE, 0.1, with);
        }
      else
        {
          g_autofree char *with = g_strconcat (text, ".", NULL);

          paragraph (page, BODY_SIZE, FALSE, 0.1, with);
        }
    }
}

/* "chapter 65 – Autres charges de gestion courante, nature 65548 – Autres
 * contributions, function 21 – Enseignement du premier degré", the chart's
 * labels beside the codes (SPEC 13); no function part when it is empty. */
static char *
describe_imputation_of (EntDocument *document,
                        EntLineKind  line)
{
  const char *function = ent_document_get_function (document, line);
  g_autofree char *chapter = ent_m57_format (ENT_ACCOUNT_CHAPTER, ent_document_get_chapter (document, line));
  g_autofree char *nature = ent_m57_format (ENT_ACCOUNT_NATURE, ent_document_get_nature (document, line));
  g_autofree char *function_text = NULL;
  g_autoptr(GError) mismatch = NULL;
  char *text;

  if (function == NULL || *function == '\0')
    /* Translators: where a budget line is booked, with no function:
     * chapter (%1$s) and nature (%2$s), each "code – label" */
    text = g_strdup_printf (_("chapter %1$s, nature %2$s, no function"), chapter, nature);
  else
    {
      function_text = ent_m57_format (ENT_ACCOUNT_FUNCTION, function);
      /* Translators: where a budget line is booked: chapter (%1$s), nature
       * (%2$s) and function (%3$s), each "code – label" */
      text = g_strdup_printf (_("chapter %1$s, nature %2$s, function %3$s"), chapter, nature, function_text);
    }
  if (!ent_m57_check_imputation (ent_document_get_chapter (document, line),
                                 ent_document_get_nature (document, line), &mismatch))
    {
      char *flagged = g_strdup_printf ("%s (%s)", text, mismatch->message);

      g_free (text);
      text = flagged;
    }
  return text;
}

/* One line per distinct imputation, naming the budget lines booked there:
 * usually all three share one. */
static void
describe_imputation (Page            *page,
                     EntDocument     *document,
                     const EntBudget *budget)
{
  g_autofree char *split_problem = ent_budget_describe_split_problem (budget);
  g_autofree char *chart = NULL;
  gboolean done[ENT_N_LINES] = { FALSE, };

  /* Translators: %s is the year of the M57 chart of accounts ("2025") */
  chart = g_strdup_printf (_("Budget imputation, operating section (M57 chart of accounts at 1 January %s):"),
                           ent_m57_get_year ());
  paragraph (page, BODY_SIZE, FALSE, 0.1, chart);
  for (EntLineKind line = 0; line < ENT_N_LINES; line++)
    {
      g_autoptr(GString) lines = g_string_new (NULL);
      g_autofree char *where = NULL;
      g_autofree char *text = NULL;

      if (done[line])
        continue;
      where = describe_imputation_of (document, line);
      for (EntLineKind other = line; other < ENT_N_LINES; other++)
        {
          g_autofree char *other_where = describe_imputation_of (document, other);

          if (strcmp (where, other_where) != 0)
            continue;
          done[other] = TRUE;
          if (lines->len > 0)
            g_string_append (lines, C_("list separator", ", "));
          g_string_append (lines, ent_line_kind_get_label (other));
        }
      /* Translators: one line per imputation: the budget lines, then where
       * they are booked */
      text = g_strdup_printf (_("• %s: %s."), lines->str, where);
      paragraph (page, BODY_SIZE, FALSE, 0.1, text);
    }

  /* SPEC 5, split-functions: the base part of each scenario on 211 and 212 */
  for (guint s = 0; budget->split && s < budget->n_scenarios; s++)
    {
      const EntScenarioBudget *sb = &budget->scenarios[s];
      gint64 parts[ENT_N_SPLIT_FUNCTIONS] = { 0, };
      g_autofree char *first = NULL;
      g_autofree char *second = NULL;
      g_autofree char *first_amount = NULL;
      g_autofree char *second_amount = NULL;
      g_autofree char *text = NULL;

      for (guint y = 0; y < sb->n_years; y++)
        for (guint f = 0; f < ENT_N_SPLIT_FUNCTIONS; f++)
          parts[f] += sb->years[y].lines[ENT_LINE_BASE].function_parts[f];
      first = ent_m57_format (ENT_ACCOUNT_FUNCTION, ent_split_functions[0]);
      second = ent_m57_format (ENT_ACCOUNT_FUNCTION, ent_split_functions[1]);
      first_amount = ent_money_format (parts[0]);
      second_amount = ent_money_format (parts[1]);
      /* Translators: the base part split by pupils between two functions,
       * over the contract: the scenario, then each function ("211 – Écoles
       * maternelles") and its amount */
      text = g_strdup_printf (_("• Base part of “%1$s” split by pupils: function %2$s, %3$s; function %4$s, %5$s."),
                              sb->name, first, first_amount, second, second_amount);
      paragraph (page, BODY_SIZE, FALSE, 0.1, text);
    }
  if (split_problem != NULL)
    {
      /* Translators: %s says why the split asked for is not made */
      g_autofree char *text = g_strdup_printf (_("• %s."), split_problem);

      paragraph (page, BODY_SIZE, FALSE, 0.1, text);
    }
}

/* "2023, 2024" */
static char *
join_years (GTree *years)
{
  GString *out = g_string_new (NULL);

  for (GTreeNode *node = g_tree_node_first (years); node != NULL; node = g_tree_node_next (node))
    g_string_append_printf (out, "%s%d", out->len > 0 ? ", " : "",
                            GPOINTER_TO_INT (g_tree_node_key (node)));
  return g_string_free (out, FALSE);
}

static int
compare_ints (gconstpointer a,
              gconstpointer b)
{
  return GPOINTER_TO_INT (a) - GPOINTER_TO_INT (b);
}

/* SPEC 3, 12: which rentrées' counts are the Ministry's (DEPP) and which typed. */
static void
describe_sources (Page            *page,
                  const EntBudget *budget)
{
  g_autoptr(GTree) open_data = g_tree_new (compare_ints);
  g_autoptr(GTree) typed = g_tree_new (compare_ints);
  g_autofree char *open_text = NULL;
  g_autofree char *typed_text = NULL;
  g_autofree char *text = NULL;

  for (guint i = 0; i < budget->n_schools; i++)
    for (guint k = 0; k < ent_school_get_n_known (budget->schools[i]); k++)
      {
        int year;

        ent_school_get_nth_known (budget->schools[i], k, &year, NULL);
        g_tree_insert (ent_school_get_nth_source (budget->schools[i], k) == ENT_COUNT_SOURCE_OPEN_DATA
                       ? open_data : typed, GINT_TO_POINTER (year), GINT_TO_POINTER (year));
      }
  if (g_tree_nnodes (open_data) == 0)
    return;

  open_text = join_years (open_data);
  typed_text = join_years (typed);
  if (g_tree_nnodes (typed) == 0)
    /* Translators: rentrées such as "2024, 2025"; DEPP: the Ministry's statistics department */
    text = g_strdup_printf (_("Counts observed by the DEPP (Ministry’s open data) for the rentrées %s."),
                            open_text);
  else
    /* Translators: two lists of rentrées such as "2024, 2025" */
    text = g_strdup_printf (_("Counts observed by the DEPP (Ministry’s open data) for the rentrées %s; "
                              "typed for %s."), open_text, typed_text);
  paragraph (page, BODY_SIZE, FALSE, 0.1, text);
}

/* SPEC 12, vintage: the budget years resting on projected counts (the same
 * in every scenario). */
static void
describe_vintage (Page            *page,
                  const EntBudget *budget)
{
  const EntScenarioBudget *sb = ent_budget_find_scenario (budget, NULL);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint y = 0; y < sb->n_years; y++)
    {
      g_autofree char *vintage = ent_budget_year_describe_vintage (budget, sb, &sb->years[y]);

      if (vintage == NULL)
        continue;
      if (text->len > 0)
        g_string_append (text, "; ");
      /* Translators: a budget year, then "pupils of the rentrée 2025 projected, last observed: rentrée 2024" */
      g_string_append_printf (text, _("budget %d: %s"), sb->years[y].year, vintage);
    }
  if (text->len == 0)
    return;
  g_string_append_c (text, '.');
  {
    /* Translators: the budget years resting on projected counts follow */
    g_autofree char *line = g_strdup_printf (_("Projected counts — %s"), text->str);

    paragraph (page, BODY_SIZE, FALSE, 0.1, line);
  }
}

static void
describe_pupils (Page            *page,
                 const EntBudget *budget)
{
  const EntScenarioBudget *sb = ent_budget_find_scenario (budget, NULL);
  gboolean all_known = TRUE;
  /* the first school year of the contract; the same in every scenario when known */
  gint64 pupils = ent_scenario_budget_count_pupils (budget, sb, budget->first_school_year, &all_known);
  g_autofree char *count = NULL;
  g_autofree char *text = NULL;

  count = ent_count_format (pupils);
  if (all_known)
    /* Translators: school year %d/%d, a number of pupils (%s), of schools (%u) */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Pupils in %d/%d: %s in %u school.",
                                         "Pupils in %d/%d: %s in %u schools.",
                                         budget->n_schools),
                            budget->first_school_year, budget->first_school_year + 1,
                            count, budget->n_schools);
  else
    /* Translators: as above, some counts being projected by the first scenario */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Pupils in %d/%d (partly projected): %s in %u school.",
                                         "Pupils in %d/%d (partly projected): %s in %u schools.",
                                         budget->n_schools),
                            budget->first_school_year, budget->first_school_year + 1,
                            count, budget->n_schools);
  paragraph (page, BODY_SIZE, FALSE, 0.1, text);
  describe_sources (page, budget);
  describe_vintage (page, budget);
}

static char *
describe_scenario (EntScenario     *scenario,
                   const EntBudget *budget)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  guint n_half_days = ent_scenario_get_n_half_days (scenario);
  gint64 rate = ent_scenario_get_projection_rate (scenario);
  gint64 increase = ent_scenario_get_tariff_increase (scenario);
  guint n_optional = 0;

  ent_scenario_get_optional_years (scenario, &n_optional);
  if (ent_scenario_get_optional_all (scenario))
    g_ptr_array_add (parts, g_strdup (_("optional flat support every year")));
  else if (n_optional == 0)
    g_ptr_array_add (parts, g_strdup (_("base contribution only")));
  else
    {
      const int *years = ent_scenario_get_optional_years (scenario, &n_optional);
      GString *list = g_string_new (NULL);

      for (guint i = 0; i < n_optional; i++)
        g_string_append_printf (list, i == 0 ? "%d" : ", %d", years[i]);
      /* Translators: %s is a list of budget years */
      g_ptr_array_add (parts, g_strdup_printf (_("optional flat support in %s"), list->str));
      g_string_free (list, TRUE);
    }

  if (n_half_days > 0)
    {
      GString *list = g_string_new (NULL);
      g_autofree char *count = NULL;
      gint64 total = 0;

      for (guint i = 0; i < n_half_days; i++)
        {
          int year;
          gint64 count;

          ent_scenario_get_nth_half_days (scenario, i, &year, &count);
          total += count;
          g_string_append_printf (list, i == 0 ? "%d" : ", %d", year);
        }
      count = ent_count_format (total);
      /* Translators: a number of half-days (%s), then a list of budget years */
      g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%s half-day of specific support (%s)",
                                                            "%s half-days of specific support (%s)",
                                                            (gulong) CLAMP (total, 0, G_MAXINT64)),
                                               count, list->str));
      g_string_free (list, TRUE);
    }

  if (ent_scenario_get_projection (scenario) == ENT_PROJECTION_RATE && rate != 0)
    {
      g_autofree char *percent = ent_percent_format_signed (rate);

      /* Translators: %s is a signed percentage, "−2 %" */
      g_ptr_array_add (parts, g_strdup_printf (_("pupils %s a year"), percent));
    }
  else
    g_ptr_array_add (parts, g_strdup (_("constant pupils")));

  if (increase != 0)
    {
      g_autofree char *percent = ent_percent_format_signed (increase);

      /* Translators: %s is a signed percentage */
      g_ptr_array_add (parts, g_strdup_printf (_("tariffs %s a year after the last decision"), percent));
    }

  g_ptr_array_add (parts, NULL);
  /* Translators: separates the parts of a scenario's description
   * (French: " ; " with a no-break space before the semicolon) */
  return g_strjoinv (C_("list separator", "; "), (char **) parts->pdata);
}

static void
year_table (Page                *page,
            const EntComparison *comparison)
{
  guint n_cols = comparison->n_scenarios + 1;
  guint n_rows = comparison->n_years + 3;   /* header, years, total, difference */
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  g_autofree const char **cells = g_new0 (const char *, n_rows * n_cols);
  g_autofree gboolean *bold = g_new0 (gboolean, n_rows);
  const EntCompareScenario *ref = &comparison->scenarios[comparison->reference];
  double first_width = page->width * 0.2;
  double size;

#define CELL(r, c, value) G_STMT_START { char *v_ = (value); g_ptr_array_add (strings, v_); cells[(r) * n_cols + (c)] = v_; } G_STMT_END

  /* Translators: header of the first column of the year × scenario table */
  CELL (0, 0, g_strdup (_("Budget year")));
  for (guint y = 0; y < comparison->n_years; y++)
    CELL (1 + y, 0, g_strdup_printf ("%d", comparison->years[y]));
  CELL (1 + comparison->n_years, 0, g_strdup (_("Contract total")));
  /* Translators: %s is the name of the reference scenario */
  CELL (2 + comparison->n_years, 0, g_strdup_printf (_("Difference from “%s”"), ref->name));
  bold[1 + comparison->n_years] = TRUE;

  for (guint s = 0; s < comparison->n_scenarios; s++)
    {
      const EntCompareScenario *cs = &comparison->scenarios[s];
      g_autofree char *diff = ent_money_format_signed (cs->total.diff);

      CELL (0, 1 + s, g_strdup (cs->name));
      for (guint y = 0; y < comparison->n_years; y++)
        CELL (1 + y, 1 + s, ent_money_format (cs->years[y].amount));
      CELL (1 + comparison->n_years, 1 + s, ent_money_format (cs->total.amount));
      if (s == comparison->reference)
        /* Translators: the differences row, in the reference scenario's column */
        CELL (2 + comparison->n_years, 1 + s, g_strdup (_("reference")));
      else if (cs->total.has_percent)
        {
          g_autofree char *percent = ent_percent_format_signed (cs->total.diff_bp);

          CELL (2 + comparison->n_years, 1 + s, g_strdup_printf ("%s\n(%s)", diff, percent));
        }
      else
        CELL (2 + comparison->n_years, 1 + s, g_strdup (diff));
    }
#undef CELL

  size = fit_size (page->cr, cells, n_rows, n_cols,
                   (page->width - first_width) / MAX (comparison->n_scenarios, 1), BODY_SIZE);
  table (page, n_rows, n_cols, cells, bold, first_width, size);
}

static void
sensitivity_table (Page                 *page,
                   const EntSensitivity *sensitivity)
{
  guint n_cols = sensitivity->n_steps + 1;
  guint n_rows = sensitivity->n_scenarios + 1;
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  g_autofree const char **cells = g_new0 (const char *, n_rows * n_cols);
  g_autoptr(EntChartData) labels = ent_chart_data_new_sensitivity (sensitivity);
  double first_width = page->width * 0.22;
  double size;

  /* Translators: header of the first column of the sensitivity table */
  cells[0] = _("Scenario");
  for (guint i = 0; i < sensitivity->n_steps; i++)
    cells[1 + i] = labels->category_labels[i];   /* "−20 %" … "+20 %" */
  for (guint s = 0; s < sensitivity->n_scenarios; s++)
    {
      cells[(1 + s) * n_cols] = sensitivity->names[s];
      for (guint i = 0; i < sensitivity->n_steps; i++)
        {
          char *text = ent_money_format (ent_sensitivity_get_total (sensitivity, s, i));

          g_ptr_array_add (strings, text);
          cells[(1 + s) * n_cols + 1 + i] = text;
        }
    }

  size = fit_size (page->cr, cells, n_rows, n_cols,
                   (page->width - first_width) / MAX (sensitivity->n_steps, 1), SMALL_SIZE + 0.5);
  table (page, n_rows, n_cols, cells, NULL, first_width, size);
}

typedef struct
{
  guint  index;    /* into budget->communes */
  gint64 pupils;
  gint64 part;     /* cents */
} CommuneShare;

static int
compare_shares (gconstpointer a,
                gconstpointer b)
{
  const CommuneShare *x = a;
  const CommuneShare *y = b;

  if (x->part != y->part)
    return x->part > y->part ? -1 : 1;   /* largest part first */
  return x->index < y->index ? -1 : x->index > y->index;
}

/* Per-commune parts of the contract total of one scenario (documents holding
 * several communes): each commune's pupils counted in the first budget year
 * and the sum of its parts of every line of every year. The parts come from
 * the engine's largest-remainder allocation, so they add up exactly to the
 * contract total shown in the last row. */
static void
commune_table (Page                    *page,
               const EntBudget         *budget,
               const EntScenarioBudget *sb)
{
  g_autofree CommuneShare *shares = g_new0 (CommuneShare, budget->n_communes);
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  g_autofree const char **cells = NULL;
  g_autofree gboolean *bold = NULL;
  guint n_shown = budget->n_communes;
  guint n_rows, row = 1;
  int counted = ent_budget_get_counted_school_year (budget, budget->first_budget_year);
  gint64 total_pupils = 0;
  Page sub = *page;
  double size;

  for (guint c = 0; c < budget->n_communes; c++)
    {
      shares[c].index = c;
      if (budget->n_school_years > 0)
        shares[c].pupils = ent_scenario_budget_get_commune_pupils (budget, sb, c, counted);
      total_pupils += shares[c].pupils;
      shares[c].part = ent_scenario_budget_get_commune_total (budget, sb, c);
    }

  /* many communes: the largest parts, then the others together */
  if (budget->n_communes > MAX_COMMUNE_ROWS)
    {
      qsort (shares, budget->n_communes, sizeof *shares, compare_shares);
      n_shown = MAX_COMMUNE_ROWS - 1;
    }
  n_rows = 1 + n_shown + (n_shown < budget->n_communes ? 1 : 0) + 1;
  cells = g_new0 (const char *, n_rows * 3);
  bold = g_new0 (gboolean, n_rows);

#define CELL(r, c, value) G_STMT_START { char *v_ = (value); g_ptr_array_add (strings, v_); cells[(r) * 3 + (c)] = v_; } G_STMT_END

  CELL (0, 0, g_strdup (_("Commune")));
  /* Translators: column header, the pupils of a school year (%d/%d) */
  CELL (0, 1, g_strdup_printf (_("Pupils %d/%d"), counted, counted + 1));
  /* Translators: column header, a commune's share of the contract total */
  CELL (0, 2, g_strdup (_("Part of the contract total")));
  for (guint k = 0; k < n_shown; k++, row++)
    {
      CELL (row, 0, g_strdup (budget->communes[shares[k].index]));
      CELL (row, 1, ent_count_format (shares[k].pupils));
      CELL (row, 2, ent_money_format (shares[k].part));
    }
  if (n_shown < budget->n_communes)
    {
      guint n_others = budget->n_communes - n_shown;
      gint64 pupils = 0, part = 0;

      for (guint k = n_shown; k < budget->n_communes; k++)
        {
          pupils += shares[k].pupils;
          part += shares[k].part;
        }
      /* Translators: the last row of the per-commune table, the communes not listed */
      CELL (row, 0, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u other commune", "%u other communes",
                                                  n_others), n_others));
      CELL (row, 1, ent_count_format (pupils));
      CELL (row, 2, ent_money_format (part));
      row++;
    }
  CELL (row, 0, g_strdup (_("Total")));
  CELL (row, 1, ent_count_format (total_pupils));
  CELL (row, 2, ent_money_format (sb->total));
  bold[row] = TRUE;
#undef CELL

  /* three columns need no more than two thirds of the text column */
  sub.width = page->width * 0.66;
  size = fit_size (page->cr, cells, n_rows, 3, sub.width * 0.25, SMALL_SIZE + 0.5);
  table (&sub, n_rows, 3, cells, bold, sub.width * 0.5, size);
  page->y = sub.y;
}

static void
chart (Page         *page,
       EntChartData *data,
       double        x,
       double        width,
       double        height)
{
  data->foreground = (EntChartColor) { 0.1, 0.1, 0.1, 1 };
  data->background = (EntChartColor) { 1, 1, 1, 0 };   /* the page's white, not painted */
  data->font_size = SMALL_SIZE;

  cairo_save (page->cr);
  cairo_translate (page->cr, x, page->y);
  ent_chart_draw (page->cr, (int) width, (int) height, data);
  cairo_restore (page->cr);
}

/* Draws the whole summary from (MARGIN, MARGIN); returns the bottom of the content. */
static double
draw_summary (cairo_t              *cr,
              EntDocument          *document,
              const EntBudget      *budget,
              const EntSensitivity *sensitivity,
              guint                 reference,
              GDateTime            *generated)
{
  Page page = { cr, MARGIN, PAGE_WIDTH - 2 * MARGIN, MARGIN };
  g_autoptr(EntComparison) comparison = ent_comparison_new (budget, reference);
  g_autoptr(EntChartData) years_chart = ent_chart_data_new_years (budget);
  g_autoptr(EntChartData) sensitivity_chart = ent_chart_data_new_sensitivity (sensitivity);
  const char *payer = ent_document_get_payer (document);
  const char *title = ent_document_get_title (document);
  GListModel *scenarios = ent_document_get_scenarios (document);
  g_autofree char *contract = describe_contract (document);
  g_autofree char *footer = NULL;
  g_autofree char *date_text = NULL;
  double half = (page.width - BODY_SIZE * 2) / 2;
  GDate date;

  /* Translators: small line above the title of the PDF summary */
  paragraph (&page, BODY_SIZE, FALSE, 0.4, _("ENT budget summary"));
  page.y += 2;
  if (payer != NULL && *payer != '\0')
    {
      paragraph (&page, 18, TRUE, 0.0, payer);
      if (title != NULL && *title != '\0' && g_strcmp0 (title, payer) != 0)
        paragraph (&page, 11, FALSE, 0.15, title);
    }
  else
    paragraph (&page, 18, TRUE, 0.0, title != NULL && *title != '\0' ? title : _("Untitled"));
  page.y += 4;
  paragraph (&page, BODY_SIZE, FALSE, 0.1, contract);

  /* Translators: heading of the PDF summary */
  heading (&page, _("Assumptions"));
  describe_tariffs (&page, document);
  if (budget->n_scenarios > 0)
    describe_pupils (&page, budget);
  for (guint s = 0; s < budget->n_scenarios && s < g_list_model_get_n_items (scenarios); s++)
    {
      g_autoptr(EntScenario) scenario = g_list_model_get_item (scenarios, s);
      g_autofree char *description = describe_scenario (scenario, budget);
      /* Translators: one line per scenario: its name, then its description */
      g_autofree char *line = g_strdup_printf (_("• %s: %s."), budget->scenarios[s].name, description);

      paragraph (&page, BODY_SIZE, FALSE, 0.1, line);
    }

  describe_imputation (&page, document, budget);

  /* Translators: heading of the PDF summary; TTC = all taxes included */
  heading (&page, _("Budget per year (all taxes included)"));
  year_table (&page, comparison);

  page.y += BODY_SIZE;
  /* Translators: title of the bar chart */
  years_chart->title = g_strdup (_("Yearly totals"));
  chart (&page, years_chart, page.x, half, CHART_HEIGHT);
  /* Translators: title of the line chart; x: change in pupil numbers */
  sensitivity_chart->title = g_strdup (_("Contract total by change in pupil numbers"));
  chart (&page, sensitivity_chart, page.x + half + BODY_SIZE * 2, half, CHART_HEIGHT);
  page.y += CHART_HEIGHT;

  /* Translators: heading of the PDF summary */
  heading (&page, _("Sensitivity: contract total if every pupil count changes by"));
  sensitivity_table (&page, sensitivity);

  if (budget->n_communes > 1 && budget->n_scenarios > 0)
    {
      const EntScenarioBudget *sb = &budget->scenarios[comparison->reference];
      /* Translators: heading of the PDF summary, %s is a scenario's name */
      g_autofree char *share_heading = g_strdup_printf (_("Share per commune (contract total, scenario “%s”)"),
                                                        sb->name);

      heading (&page, share_heading);
      commune_table (&page, budget, sb);
    }

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) g_date_time_get_day_of_month (generated),
                  (GDateMonth) g_date_time_get_month (generated),
                  (GDateYear) g_date_time_get_year (generated));
  date_text = ent_date_format (&date);
  page.y += BODY_SIZE * 1.5;
  rule (&page, page.x, page.width, 0.5);
  page.y += 3;
  /* Translators: footer of the PDF summary: a date, the application version */
  footer = g_strdup_printf (_("Generated on %s by ENT Budget %s. Amounts in euros, all taxes included; pupils rounded to whole pupils per school in the sensitivity."),
                            date_text, PACKAGE_VERSION);
  paragraph (&page, SMALL_SIZE, FALSE, 0.4, footer);

  return page.y;
}

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  Sink *sink = closure;

  if (sink->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (!ent_safe_file_write (sink->file, data, length, &sink->error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

/* Renders the page into @sink. */
static gboolean
render (Sink                 *sink,
        EntDocument          *document,
        const EntBudget      *budget,
        const EntSensitivity *sensitivity,
        guint                 reference,
        GDateTime            *generated,
        const char           *path,
        GError              **error)
{
  cairo_surface_t *recording;
  cairo_surface_t *pdf;
  cairo_t *cr;
  cairo_status_t status;
  double bottom, scale = 1.0;
  g_autofree char *creation = g_date_time_format (generated, "%Y-%m-%dT%H:%M:%S%:z");
  g_autofree char *creator = g_strdup_printf ("ENT Budget %s", PACKAGE_VERSION);
  const char *title = ent_document_get_title (document);

  /* a first pass measures the content (nothing kept), the second draws the page */
  recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cr = cairo_create (recording);
  bottom = draw_summary (cr, document, budget, sensitivity, reference, generated);
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (recording);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, ENT_EXPORT_ERROR, ENT_EXPORT_ERROR_WRITER,
                   _("Cannot write “%s”: %s"), path, cairo_status_to_string (status));
      return FALSE;
    }

  /* too tall for the page: shrink around the top-left margin */
  if (bottom > PAGE_HEIGHT - MARGIN * 0.75)
    scale = (PAGE_HEIGHT - MARGIN * 1.75) / (bottom - MARGIN);

  pdf = cairo_pdf_surface_create_for_stream (write_cb, sink, PAGE_WIDTH, PAGE_HEIGHT);
  cairo_pdf_surface_restrict_to_version (pdf, CAIRO_PDF_VERSION_1_5);
  cairo_pdf_surface_set_metadata (pdf, CAIRO_PDF_METADATA_TITLE, title != NULL ? title : "");
  cairo_pdf_surface_set_metadata (pdf, CAIRO_PDF_METADATA_CREATOR, creator);
  cairo_pdf_surface_set_metadata (pdf, CAIRO_PDF_METADATA_CREATE_DATE, creation);
  cr = cairo_create (pdf);
  cairo_translate (cr, MARGIN, MARGIN);
  cairo_scale (cr, scale, scale);
  cairo_translate (cr, -MARGIN, -MARGIN);
  draw_summary (cr, document, budget, sensitivity, reference, generated);
  cairo_show_page (cr);
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (pdf);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (pdf);
  cairo_surface_destroy (pdf);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      if (sink->error != NULL)
        {
          g_set_error_literal (error, ENT_EXPORT_ERROR, ENT_EXPORT_ERROR_IO, sink->error->message);
          return FALSE;
        }
      g_set_error (error, ENT_EXPORT_ERROR, ENT_EXPORT_ERROR_WRITER,
                   _("Cannot write “%s”: %s"), path, cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

/* public API */

gboolean
ent_pdf_export (EntDocument          *document,
                const char           *path,
                const EntPdfOptions  *options,
                GError              **error)
{
  g_autoptr(EntBudget) budget = NULL;
  g_autoptr(EntSensitivity) sensitivity = NULL;
  g_autoptr(GDateTime) generated = NULL;
  g_autoptr(GError) local_error = NULL;
  Sink sink = { NULL, NULL };
  gboolean ok;

  g_return_val_if_fail (ENT_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (path != NULL && *path != '\0', FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  budget = ent_budget_compute (document, &local_error);
  if (budget != NULL)
    sensitivity = ent_sensitivity_compute (document, NULL, 0, &local_error);
  if (budget == NULL || sensitivity == NULL)
    {
      g_set_error (error, ENT_EXPORT_ERROR, ENT_EXPORT_ERROR_BUDGET,
                   _("Cannot write “%s”: %s"), path, local_error->message);
      return FALSE;
    }

  if (options != NULL && options->generated != NULL)
    generated = g_date_time_ref (options->generated);
  else
    generated = g_date_time_new_now_local ();

  /* SPEC 10.1: a temporary file next to the target, renamed into place
   * once complete; refused for a folder, a pipe or a device. */
  sink.file = ent_safe_file_new (path, ENT_SAFE_FILE_NONE, &local_error);
  if (sink.file == NULL)
    {
      g_set_error_literal (error, ENT_EXPORT_ERROR, ENT_EXPORT_ERROR_IO, local_error->message);
      return FALSE;
    }

  ok = render (&sink, document, budget, sensitivity,
               options != NULL ? options->reference : 0, generated, path, error);
  g_clear_error (&sink.error);
  if (ok && !ent_safe_file_commit (sink.file, &local_error))
    {
      g_set_error_literal (error, ENT_EXPORT_ERROR, ENT_EXPORT_ERROR_IO, local_error->message);
      ok = FALSE;
    }
  ent_safe_file_free (sink.file);
  return ok;
}
