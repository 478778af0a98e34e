/* ent-compare-page.c: the scenarios side by side, the charts, the sensitivity
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Read-only. Every figure comes from the model (ent-compare.h): the page
 * compares the scenarios of the window's last budget and keeps the chart data
 * derived from it, rebuilt whenever "budget", "document" or the reference
 * changes, and shows the sensitivity table it is given (EntWorkspace computes
 * it, a moment after the last edit, only while this page is shown).
 *
 * Each table is a GListStore of EntCompareRow, whose texts the page formats
 * from those figures; the first column's cells are declared in
 * ui/ent-compare-page.ui as labels bound to the row's properties. A row's key
 * says what it shows (a budget year index or "total"; a scenario index).
 * Only the rows whose keys differ are spliced, the rows kept take their new
 * texts, which their bound labels follow.
 *
 * At any width the page itself scrolls only down: the two tables scroll
 * sideways in their own scrollers, the charts and texts shrink and wrap.
 *
 * The "what if" slider asks the model for the budget with every known pupil
 * count scaled (ent_what_if_compute) and shows its figures beside the real
 * ones; the document is never touched.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ent-budget-query.h"
#include "ent-chart.h"
#include "ent-compare.h"
#include "ent-compare-page.h"
#include "ent-compare-row.h"
#include "ent-input-reason.h"
#include "ent-row-splice.h"
#include "ent-money.h"

#define WHAT_IF_LIMIT_BP 3000

struct _EntComparePage
{
  GtkWidget        parent_instance;

  EntDocument     *document;
  EntBudget       *budget;
  gint64           pupil_change;     /* bp, the "what if" slider */

  /* derived from budget and document */
  EntSensitivity  *sensitivity;
  EntChartData    *years_chart;
  EntChartData    *sensitivity_chart;
  char            *sensitivity_error;

  /* template */
  GtkStack        *stack;
  GtkWidget       *page_scroller;
  GtkDropDown     *reference_dropdown;
  GtkWidget       *chart_switcher;
  GtkWidget       *comparison_scroller;
  GtkColumnView   *comparison_view;
  GtkDrawingArea  *years_area;
  GtkDrawingArea  *sensitivity_area;
  GtkWidget       *sensitivity_scroller;
  GtkColumnView   *sensitivity_view;
  GtkScale        *what_if_scale;
  GtkLabel        *what_if_label;

  GListStore      *comparison_rows;    /* EntCompareRow */
  GListStore      *sensitivity_rows;
  GPtrArray       *scenario_columns;   /* GtkColumnViewColumn, one per scenario */
  gboolean         updating_slider;
};

G_DEFINE_FINAL_TYPE (EntComparePage, ent_compare_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_BUDGET,
  PROP_PUPIL_CHANGE,
  PROP_SENSITIVITY,
  PROP_SENSITIVITY_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Factory data of the columns built in C: the index of the amount they show. */
#define COLUMN_KEY "ent-compare-column"

/* helpers */

/* "+362,70 € (+23,08 %)" */
static char *
format_difference (const EntCompareCell *cell)
{
  g_autofree char *money = ent_money_format_signed (cell->diff);
  g_autofree char *percent = NULL;

  if (!cell->has_percent)
    return g_steal_pointer (&money);
  percent = ent_percent_format_signed (cell->diff_bp);
  return g_strdup_printf ("%s (%s)", money, percent);
}

static guint
reference_index (EntComparePage *self)
{
  const EntScenarioBudget *sb;

  if (self->budget == NULL)
    return 0;

  sb = ent_budget_find_scenario (self->budget, gtk_drop_down_get_selected_item (self->reference_dropdown));
  /* a scenario the budget does not know (yet): compare with the first */
  return sb != NULL ? (guint) (sb - self->budget->scenarios) : 0;
}

static void
get_foreground (GtkWidget     *widget,
                EntChartColor *out)
{
  GdkRGBA rgba;

#if GTK_CHECK_VERSION (4, 10, 0)
  gtk_widget_get_color (widget, &rgba);
#else
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &rgba);
#endif
  *out = (EntChartColor) { rgba.red, rgba.green, rgba.blue, rgba.alpha };
}

/* Replaces the rows of @store by @rows (EntCompareRow), splicing only the
 * range whose keys differ: the rows kept take the new texts, so their bound
 * cells follow without being rebuilt. */
static void
update_rows (GListStore *store,
             GPtrArray  *rows)
{
  ent_row_splice (store, rows, (EntRowKeyFunc) ent_compare_row_get_key,
                  (EntRowAssignFunc) ent_compare_row_assign);
}

/* A row of the comparison table: budget year @y of @comparison, or its
 * contract total when @y is n_years; each scenario's amount and, under it,
 * its difference from the reference. */
static EntCompareRow *
make_comparison_row (const EntComparison *comparison,
                     guint                y)
{
  gboolean total = y >= comparison->n_years;
  g_autofree char *key = total ? g_strdup ("total") : g_strdup_printf ("%u", y);
  g_autofree char *year = NULL;
  g_autoptr(GStrvBuilder) amounts = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) differences = g_strv_builder_new ();
  g_auto(GStrv) amount_texts = NULL;
  g_auto(GStrv) difference_texts = NULL;
  EntCompareRow *row = ent_compare_row_new (key);

  for (guint s = 0; s < comparison->n_scenarios; s++)
    {
      const EntCompareCell *cell = total ? &comparison->scenarios[s].total
                                         : &comparison->scenarios[s].years[y];
      g_autofree char *amount = ent_money_format (cell->amount);

      g_strv_builder_add (amounts, amount);
      if (s == comparison->reference)
        /* Translators: in the reference scenario's column, instead of a difference */
        g_strv_builder_add (differences, _("reference"));
      else
        {
          g_autofree char *difference = format_difference (cell);

          g_strv_builder_add (differences, difference);
        }
    }
  amount_texts = g_strv_builder_end (amounts);
  difference_texts = g_strv_builder_end (differences);

  if (!total)
    year = g_strdup_printf ("%d", comparison->years[y]);
  /* Translators: last row of the comparison table */
  ent_compare_row_set_title (row, total ? _("Contract total") : year);
  ent_compare_row_set_amounts (row, (const char *const *) amount_texts);
  ent_compare_row_set_differences (row, (const char *const *) difference_texts);
  ent_compare_row_set_is_total (row, total);
  return row;
}

/* A row of the sensitivity table: scenario @s's contract total for every
 * pupil change, the unchanged count's (the real contract total) in bold. */
static EntCompareRow *
make_sensitivity_row (const EntSensitivity *sensitivity,
                      guint                 s)
{
  g_autofree char *key = g_strdup_printf ("%u", s);
  g_autoptr(GStrvBuilder) amounts = g_strv_builder_new ();
  g_auto(GStrv) amount_texts = NULL;
  EntCompareRow *row = ent_compare_row_new (key);
  int unchanged = -1;

  for (guint i = 0; i < sensitivity->n_steps; i++)
    {
      g_autofree char *amount = ent_money_format (ent_sensitivity_get_total (sensitivity, s, i));

      g_strv_builder_add (amounts, amount);
      if (unchanged < 0 && sensitivity->steps_bp[i] == 0)
        unchanged = (int) i;
    }
  amount_texts = g_strv_builder_end (amounts);

  ent_compare_row_set_title (row, sensitivity->names[s]);
  ent_compare_row_set_amounts (row, (const char *const *) amount_texts);
  ent_compare_row_set_bold_amount (row, unchanged);
  return row;
}

/* One column per scenario, titled with its name; kept while the count matches. */
static void
update_scenario_columns (EntComparePage      *self,
                         const EntComparison *comparison);

static void
update_what_if (EntComparePage *self)
{
  g_autoptr(EntWhatIf) what_if = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *change = NULL;
  g_autofree char *before_text = NULL;
  g_autofree char *after_text = NULL;

  if (self->sensitivity_chart != NULL)
    {
      self->sensitivity_chart->has_marker = self->pupil_change != 0;
      self->sensitivity_chart->marker_x = self->pupil_change;
      gtk_widget_queue_draw (GTK_WIDGET (self->sensitivity_area));
    }

  /* selectable, so a Tab stop: shown only when it says something */
  gtk_widget_set_visible (GTK_WIDGET (self->what_if_label), self->document != NULL && self->budget != NULL);
  if (self->document == NULL || self->budget == NULL)
    {
      gtk_label_set_text (self->what_if_label, "");
      return;
    }

  if (self->sensitivity_error != NULL)
    {
      gtk_label_set_text (self->what_if_label, self->sensitivity_error);
      return;
    }

  if (self->pupil_change == 0)
    {
      gtk_label_set_text (self->what_if_label,
                          _("Move the slider to see every scenario’s contract total with more or fewer pupils. The document does not change."));
      return;
    }

  what_if = ent_what_if_compute (self->document, self->budget, self->pupil_change, &error);
  if (what_if == NULL)
    {
      gtk_label_set_text (self->what_if_label, error->message);
      return;
    }

  change = ent_percent_format_signed (what_if->change_bp);
  before_text = ent_count_format (what_if->pupils_before);
  after_text = ent_count_format (what_if->pupils_after);
  /* Translators: a signed percentage, a school year (%d/%d), then two numbers of pupils */
  g_string_append_printf (text, _("With every known pupil count changed by %s (%d/%d: %s pupils instead of %s), the contract would cost:"),
                          change, what_if->school_year, what_if->school_year + 1,
                          after_text, before_text);

  for (guint s = 0; s < what_if->n_scenarios; s++)
    {
      const EntWhatIfScenario *ws = &what_if->scenarios[s];
      g_autofree char *total = ent_money_format (ws->total_after.amount);
      g_autofree char *difference = format_difference (&ws->total_after);

      /* Translators: one line per scenario: name, contract total, difference
       * from the total with today's pupils ("+629,20 € (+10,01 %)") */
      g_string_append_printf (text, _("\n• %s: %s, that is %s"), ws->name, total, difference);
    }
  gtk_label_set_text (self->what_if_label, text->str);
}

/* A table's scroller keeps the sideways scrolling and lets the wheel's up and
 * down go by to the page's scroller. GtkScrolledWindow stops every scroll
 * event while it may scroll either way, so a table wider than the window
 * would otherwise stop the page's scrolling as it came under the pointer. */
static void
scroll_sideways_only (GtkWidget *scroller)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (scroller);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);
      GtkEventControllerScroll *scroll;

      if (!GTK_IS_EVENT_CONTROLLER_SCROLL (controller))
        continue;
      scroll = GTK_EVENT_CONTROLLER_SCROLL (controller);
      gtk_event_controller_scroll_set_flags (scroll, gtk_event_controller_scroll_get_flags (scroll) &
                                                     ~GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
    }
}

/* The widget's font size in pixels, a little smaller for chart labels. */
static double
chart_font_size (GtkWidget *widget)
{
  PangoContext *context = gtk_widget_get_pango_context (widget);
  const PangoFontDescription *font = pango_context_get_font_description (context);
  double size;

  if (font == NULL || pango_font_description_get_size (font) <= 0)
    return 12.0;
  size = (double) pango_font_description_get_size (font) / PANGO_SCALE;
  if (!pango_font_description_get_size_is_absolute (font))
    size = size * 96.0 / 72.0;   /* points to pixels at GTK's 96 dpi */
  return size * 0.9;
}

static void
apply_theme_colors (EntComparePage *self)
{
  EntChartColor foreground;
  double font_size = chart_font_size (GTK_WIDGET (self));

  get_foreground (GTK_WIDGET (self), &foreground);
  /* the widget's own background shows through: nothing is painted */
  if (self->years_chart != NULL)
    {
      self->years_chart->foreground = foreground;
      self->years_chart->background = (EntChartColor) { 0, 0, 0, 0 };
      self->years_chart->font_size = font_size;
    }
  if (self->sensitivity_chart != NULL)
    {
      self->sensitivity_chart->foreground = foreground;
      self->sensitivity_chart->background = (EntChartColor) { 0, 0, 0, 0 };
      self->sensitivity_chart->font_size = font_size;
    }
}

/* The sensitivity chart and table, from the figures given (the workspace
 * computes them, a moment after the last edit): shown while they have the
 * budget's scenarios. */
static void
refresh_sensitivity (EntComparePage *self)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean shown = self->sensitivity != NULL && self->budget != NULL &&
                   self->budget->n_scenarios > 0 &&
                   self->sensitivity->n_scenarios == self->budget->n_scenarios;

  g_clear_pointer (&self->sensitivity_chart, ent_chart_data_free);
  if (shown)
    self->sensitivity_chart = ent_chart_data_new_sensitivity (self->sensitivity);
  apply_theme_colors (self);

  for (guint s = 0; shown && s < self->sensitivity->n_scenarios; s++)
    g_ptr_array_add (rows, make_sensitivity_row (self->sensitivity, s));
  update_rows (self->sensitivity_rows, rows);
  gtk_widget_queue_draw (GTK_WIDGET (self->sensitivity_area));
}

/* The comparison table, against the reference chosen: its scenario columns
 * and its rows, one per budget year and the contract total. */
static void
refresh_comparison (EntComparePage *self)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(EntComparison) comparison = NULL;

  if (self->budget != NULL && self->budget->n_scenarios > 0)
    {
      comparison = ent_comparison_new (self->budget, reference_index (self));
      for (guint y = 0; y <= comparison->n_years; y++)
        g_ptr_array_add (rows, make_comparison_row (comparison, y));
    }

  update_scenario_columns (self, comparison);
  update_rows (self->comparison_rows, rows);
}

static void
rebuild (EntComparePage *self)
{
  gboolean have_budget = self->budget != NULL && self->budget->n_scenarios > 0;

  g_clear_pointer (&self->years_chart, ent_chart_data_free);

  if (have_budget)
    {
      self->years_chart = ent_chart_data_new_years (self->budget);
      apply_theme_colors (self);
      gtk_stack_set_visible_child_name (self->stack, "compare");
    }
  else
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }

  refresh_comparison (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->years_area));

  refresh_sensitivity (self);
  update_what_if (self);
}

/* callbacks */

static void
draw_years_cb (GtkDrawingArea *area,
               cairo_t        *cr,
               int             width,
               int             height,
               gpointer        user_data)
{
  EntComparePage *self = user_data;

  if (self->years_chart != NULL)
    ent_chart_draw (cr, width, height, self->years_chart);
}

static void
draw_sensitivity_cb (GtkDrawingArea *area,
                     cairo_t        *cr,
                     int             width,
                     int             height,
                     gpointer        user_data)
{
  EntComparePage *self = user_data;

  if (self->sensitivity_chart != NULL)
    ent_chart_draw (cr, width, height, self->sensitivity_chart);
}

static char *
format_what_if_cb (GtkScale *scale,
                   double    value,
                   gpointer  user_data)
{
  return ent_percent_format_signed ((gint64) lround (value) * ENT_BP_PER_PERCENT);
}

static char *
dup_scenario_name (gpointer item)
{
  return g_strdup (ent_scenario_get_name (ENT_SCENARIO (item)));
}

static void
reference_selected_cb (GtkDropDown    *dropdown,
                       GParamSpec     *pspec,
                       EntComparePage *self)
{
  if (self->budget == NULL)
    return;

  /* the amounts stay, the differences follow the new reference */
  refresh_comparison (self);
}

static void
what_if_changed_cb (GtkRange       *range,
                    EntComparePage *self)
{
  gint64 bp = (gint64) lround (gtk_range_get_value (range)) * ENT_BP_PER_PERCENT;

  if (self->updating_slider)
    return;
  ent_compare_page_set_pupil_change (self, bp);
}

/* Closures of the expressions of the columns built in C: the texts of
 * amount @index of a row ("" past the end). */
static char *
row_text (GtkListItem *list_item,
          GStrv        texts,
          guint        index)
{
  if (texts == NULL || index >= g_strv_length (texts))
    return g_strdup ("");
  return g_strdup (texts[index]);
}

static gboolean
row_has_text (GtkListItem *list_item,
              GStrv        texts,
              guint        index)
{
  return texts != NULL && index < g_strv_length (texts) && *texts[index] != '\0';
}

/* Bold without the "heading" style class (which adds a margin in this app):
 * every amount of the total row, and the row's bold amount. */
static PangoAttrList *
amount_attributes (GtkListItem *list_item,
                   gboolean     is_total,
                   int          bold_amount,
                   guint        index)
{
  PangoAttrList *attrs;

  if (!is_total && (bold_amount < 0 || (guint) bold_amount != index))
    return NULL;
  attrs = pango_attr_list_new ();
  pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  return attrs;
}

/* Binds @property of @widget to @callback over the row properties @names
 * and the column's @index. */
static void
bind_cell (GtkListItem       *list_item,
           GtkWidget         *widget,
           const char        *property,
           GType              type,
           GCallback          callback,
           const char *const *names,
           guint              index)
{
  GtkExpression *params[3];
  guint n = 0;
  GtkExpression *expression;

  for (; names[n] != NULL; n++)
    {
      g_assert (n < G_N_ELEMENTS (params) - 1);
      params[n] = gtk_property_expression_new (ENT_TYPE_COMPARE_ROW,
                                               gtk_property_expression_new (GTK_TYPE_LIST_ITEM, NULL, "item"),
                                               names[n]);
    }
  params[n++] = gtk_constant_expression_new (G_TYPE_UINT, index);
  expression = gtk_cclosure_expression_new (type, NULL, n, params, callback, NULL, NULL);
  gtk_expression_bind (expression, widget, property, list_item);
}

static void
bind_amount (GtkListItem *list_item,
             GtkWidget   *label,
             guint        index)
{
  static const char *const texts[] = { "amounts", NULL };
  static const char *const weight[] = { "is-total", "bold-amount", NULL };

  bind_cell (list_item, label, "label", G_TYPE_STRING, G_CALLBACK (row_text), texts, index);
  bind_cell (list_item, label, "attributes", PANGO_TYPE_ATTR_LIST,
             G_CALLBACK (amount_attributes), weight, index);
}

/* The accessible name of a cell of the comparison table: GTK 4.8 gives no
 * table context to assistive technologies, so the cell says its row (budget
 * year, contract total), its column (scenario), its amount and how it
 * differs from the reference (a closure of the cell's expression). */
static char *
comparison_cell_name (GtkListItem    *list_item,
                      const char     *title,
                      GStrv           amounts,
                      GStrv           differences,
                      guint           index,
                      EntComparePage *self)
{
  g_autofree char *amount = row_text (list_item, amounts, index);
  g_autofree char *difference = row_text (list_item, differences, index);
  const char *scenario;
  const char *reference;

  if (*amount == '\0' || index >= self->scenario_columns->len)
    return g_strdup ("");
  scenario = gtk_column_view_column_get_title (g_ptr_array_index (self->scenario_columns, index));
  if (*difference == '\0' || reference_index (self) >= self->scenario_columns->len)
    /* Translators: a cell of the Compare table read by a screen reader:
     * « 2025, Base seule : 1 571,70 € » (budget year, scenario, amount) */
    return g_strdup_printf (_("%s, %s: %s"), title, scenario, amount);
  if (index == reference_index (self))
    /* Translators: the reference scenario's cell of the Compare table read by
     * a screen reader: « 2025, Base seule : 1 571,70 €, la référence » */
    return g_strdup_printf (_("%s, %s: %s, the reference"), title, scenario, amount);
  reference = gtk_column_view_column_get_title (g_ptr_array_index (self->scenario_columns,
                                                                   reference_index (self)));
  /* Translators: a cell of the Compare table read by a screen reader:
   * « 2026, Base + accompagnement forfaitaire : 1 934,40 €, +362,70 € (+23,08 %)
   * par rapport à Base seule » (budget year, scenario, amount, difference,
   * reference scenario) */
  return g_strdup_printf (_("%s, %s: %s, %s compared with %s"), title, scenario, amount,
                          difference, reference ? reference : "");
}

/* The same for the sensitivity table: scenario, pupil change, amount. */
static char *
sensitivity_cell_name (GtkListItem    *list_item,
                       const char     *title,
                       GStrv           amounts,
                       guint           index,
                       EntComparePage *self)
{
  g_autofree char *amount = row_text (list_item, amounts, index);
  g_autofree char *change = NULL;

  if (*amount == '\0' || index >= ENT_SENSITIVITY_N_STEPS)
    return g_strdup ("");
  /* the column's title */
  change = ent_percent_format_signed (ent_sensitivity_steps_bp[index]);
  /* Translators: a cell of the sensitivity table read by a screen reader:
   * « Base seule, effectifs −20 % : 5 028,40 € » (scenario, change of the
   * pupil counts, contract total) */
  return g_strdup_printf (_("%s, pupils %s: %s"), title, change, amount);
}

/* Names @cell with @callback over the row's title, @names and the column's
 * @index, and @self. */
static void
watch_cell_name (GtkListItem       *list_item,
                 GtkWidget         *cell,
                 GCallback          callback,
                 const char *const *names,
                 guint              index,
                 EntComparePage    *self)
{
  GtkExpression *params[4];
  guint n = 0;

  params[n++] = gtk_property_expression_new (ENT_TYPE_COMPARE_ROW,
                                             gtk_property_expression_new (GTK_TYPE_LIST_ITEM, NULL, "item"),
                                             "title");
  for (; *names != NULL; names++)
    {
      g_assert (n < G_N_ELEMENTS (params) - 1);
      params[n++] = gtk_property_expression_new (ENT_TYPE_COMPARE_ROW,
                                                 gtk_property_expression_new (GTK_TYPE_LIST_ITEM, NULL, "item"),
                                                 *names);
    }
  params[n++] = gtk_constant_expression_new (G_TYPE_UINT, index);
  ent_cell_watch_accessible_label (list_item, cell,
                                   gtk_cclosure_expression_new (G_TYPE_STRING, NULL, n, params,
                                                                callback, self, NULL));
}

/* The comparison table has one column per scenario and the sensitivity
 * table one per pupil change of the model (ent_sensitivity_steps_bp, titled
 * with the formatted percentage), so their columns are built here, their
 * cells reading the row's "amounts" (and "differences") at the column's
 * index; they bind like the template's. */
static void
comparison_cell_setup_cb (GtkSignalListItemFactory *factory,
                          GtkListItem              *list_item,
                          EntComparePage           *self)
{
  static const char *const differences[] = { "differences", NULL };
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), COLUMN_KEY));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *amount = gtk_label_new (NULL);
  GtkWidget *difference = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (amount), 1.0);
  gtk_label_set_xalign (GTK_LABEL (difference), 1.0);
  gtk_widget_add_css_class (amount, "numeric");
  gtk_widget_add_css_class (difference, "numeric");
  gtk_widget_add_css_class (difference, "caption");
  gtk_widget_add_css_class (difference, "dim-label");
  gtk_box_append (GTK_BOX (box), amount);
  gtk_box_append (GTK_BOX (box), difference);
  gtk_list_item_set_child (list_item, box);
  gtk_list_item_set_activatable (list_item, FALSE);

  bind_amount (list_item, amount, index);
  bind_cell (list_item, difference, "label", G_TYPE_STRING, G_CALLBACK (row_text), differences, index);
  bind_cell (list_item, difference, "visible", G_TYPE_BOOLEAN, G_CALLBACK (row_has_text), differences, index);
  {
    static const char *const names[] = { "amounts", "differences", NULL };

    /* the box speaks for both labels: one stop, one sentence */
    watch_cell_name (list_item, amount, G_CALLBACK (comparison_cell_name), names, index, self);
  }
}

static void
sensitivity_cell_setup_cb (GtkSignalListItemFactory *factory,
                           GtkListItem              *list_item,
                           EntComparePage           *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), COLUMN_KEY));
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 1.0);
  gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (list_item, label);
  gtk_list_item_set_activatable (list_item, FALSE);

  bind_amount (list_item, label, index);
  {
    static const char *const names[] = { "amounts", NULL };

    watch_cell_name (list_item, label, G_CALLBACK (sensitivity_cell_name), names, index, self);
  }
}

/* A column showing amount @index of the rows, its cells made by @setup. */
static GtkColumnViewColumn *
new_amount_column (EntComparePage *self,
                   const char     *title,
                   guint           index,
                   GCallback       setup)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_object_set_data (G_OBJECT (factory), COLUMN_KEY, GUINT_TO_POINTER (index));
  g_signal_connect (factory, "setup", setup, self);
  return gtk_column_view_column_new (title, g_steal_pointer (&factory));
}

static void
update_scenario_columns (EntComparePage      *self,
                         const EntComparison *comparison)
{
  guint n = comparison != NULL ? comparison->n_scenarios : 0;

  while (self->scenario_columns->len > n)
    {
      GtkColumnViewColumn *column = g_ptr_array_index (self->scenario_columns, self->scenario_columns->len - 1);

      gtk_column_view_remove_column (self->comparison_view, column);
      g_ptr_array_remove_index (self->scenario_columns, self->scenario_columns->len - 1);
    }
  while (self->scenario_columns->len < n)
    {
      GtkColumnViewColumn *column = new_amount_column (self, NULL, self->scenario_columns->len,
                                                       G_CALLBACK (comparison_cell_setup_cb));

      gtk_column_view_column_set_expand (column, TRUE);
      gtk_column_view_append_column (self->comparison_view, column);
      g_ptr_array_add (self->scenario_columns, column);
    }
  for (guint s = 0; s < n; s++)
    gtk_column_view_column_set_title (g_ptr_array_index (self->scenario_columns, s),
                                      comparison->scenarios[s].name);
}

/* overrides */

static void
ent_compare_page_css_changed (GtkWidget         *widget,
                              GtkCssStyleChange *change)
{
  EntComparePage *self = ENT_COMPARE_PAGE (widget);

  GTK_WIDGET_CLASS (ent_compare_page_parent_class)->css_changed (widget, change);

  /* light ↔ dark: the charts take the new foreground */
  apply_theme_colors (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->years_area));
  gtk_widget_queue_draw (GTK_WIDGET (self->sensitivity_area));
}

static void
ent_compare_page_dispose (GObject *object)
{
  EntComparePage *self = ENT_COMPARE_PAGE (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), ENT_TYPE_COMPARE_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_pointer (&self->scenario_columns, g_ptr_array_unref);
  g_clear_object (&self->comparison_rows);
  g_clear_object (&self->sensitivity_rows);
  g_clear_object (&self->document);
  g_clear_pointer (&self->budget, ent_budget_unref);
  g_clear_pointer (&self->sensitivity, ent_sensitivity_free);
  g_clear_pointer (&self->years_chart, ent_chart_data_free);
  g_clear_pointer (&self->sensitivity_chart, ent_chart_data_free);
  g_clear_pointer (&self->sensitivity_error, g_free);

  G_OBJECT_CLASS (ent_compare_page_parent_class)->dispose (object);
}

static void
ent_compare_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  EntComparePage *self = ENT_COMPARE_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_BUDGET:
      g_value_set_boxed (value, self->budget);
      break;
    case PROP_PUPIL_CHANGE:
      g_value_set_int64 (value, self->pupil_change);
      break;
    case PROP_SENSITIVITY:
      g_value_set_boxed (value, self->sensitivity);
      break;
    case PROP_SENSITIVITY_ERROR:
      g_value_set_string (value, self->sensitivity_error);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ent_compare_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  EntComparePage *self = ENT_COMPARE_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      ent_compare_page_set_document (self, g_value_get_object (value));
      break;
    case PROP_BUDGET:
      ent_compare_page_set_budget (self, g_value_get_boxed (value));
      break;
    case PROP_PUPIL_CHANGE:
      ent_compare_page_set_pupil_change (self, g_value_get_int64 (value));
      break;
    case PROP_SENSITIVITY:
      ent_compare_page_set_sensitivity (self, g_value_get_boxed (value));
      break;
    case PROP_SENSITIVITY_ERROR:
      ent_compare_page_set_sensitivity_error (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ent_compare_page_class_init (EntComparePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ent_compare_page_dispose;
  object_class->get_property = ent_compare_page_get_property;
  object_class->set_property = ent_compare_page_set_property;
  widget_class->css_changed = ent_compare_page_css_changed;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, ENT_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUDGET] =
    g_param_spec_boxed ("budget", NULL, NULL, ENT_TYPE_BUDGET,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PUPIL_CHANGE] =
    g_param_spec_int64 ("pupil-change", NULL, NULL,
                        -WHAT_IF_LIMIT_BP, WHAT_IF_LIMIT_BP, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SENSITIVITY] =
    g_param_spec_boxed ("sensitivity", NULL, NULL, ENT_TYPE_SENSITIVITY,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SENSITIVITY_ERROR] =
    g_param_spec_string ("sensitivity-error", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ENT_TYPE_SCENARIO);
  /* the cells of the template look their rows' properties up by type name */
  g_type_ensure (ENT_TYPE_COMPARE_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/budgetent/BudgetEnt/ui/ent-compare-page.ui");
  gtk_widget_class_bind_template_child (widget_class, EntComparePage, stack);
  gtk_widget_class_bind_template_child (widget_class, EntComparePage, page_scroller);
  gtk_widget_class_bind_template_child (widget_class, EntComparePage, reference_dropdown);
  gtk_widget_class_bind_template_child (widget_class, EntComparePage, chart_switcher);
  gtk_widget_class_bind_template_child (widget_class, EntComparePage, comparison_scroller);
  gtk_widget_class_bind_template_child (widget_class, EntComparePage, comparison_view);
  gtk_widget_class_bind_template_child (widget_class, EntComparePage, years_area);
  gtk_widget_class_bind_template_child (widget_class, EntComparePage, sensitivity_area);
  gtk_widget_class_bind_template_child (widget_class, EntComparePage, sensitivity_scroller);
  gtk_widget_class_bind_template_child (widget_class, EntComparePage, sensitivity_view);
  gtk_widget_class_bind_template_child (widget_class, EntComparePage, what_if_scale);
  gtk_widget_class_bind_template_child (widget_class, EntComparePage, what_if_label);
  gtk_widget_class_bind_template_callback (widget_class, reference_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, what_if_changed_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
ent_compare_page_init (EntComparePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  ent_accessible_hide_icons (GTK_WIDGET (self));
  /* GTK 4.8's drop-down gives the focus to a toggle button of its own, which
   * a screen reader announced as "GtkToggleButton", never saying the
   * scenario chosen: it is named with the choice, and follows it.
   * Translators: the name, for a screen reader, of the drop-down choosing
   * the scenario the others are compared with: « Référence : Base seule » */
  ent_accessible_name_chooser (GTK_WIDGET (self->reference_dropdown), _("Reference: %s"),
                               dup_scenario_name);
  ent_accessible_name_view_rows (GTK_WIDGET (self->comparison_view));
  ent_accessible_single_tab_stop (GTK_WIDGET (self->comparison_view));
  ent_accessible_name_view_rows (GTK_WIDGET (self->sensitivity_view));
  ent_accessible_single_tab_stop (GTK_WIDGET (self->sensitivity_view));

  /* GTK 4.8's stack switcher names its buttons with the pages' titles as
   * written, « _Totaux annuels »: the name is the text their labels show */
  for (GtkWidget *button = gtk_widget_get_first_child (self->chart_switcher); button != NULL;
       button = gtk_widget_get_next_sibling (button))
    {
      GtkWidget *label = gtk_button_get_child (GTK_BUTTON (button));

      if (GTK_IS_LABEL (label))
        gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        gtk_label_get_text (GTK_LABEL (label)), -1);
    }

  self->scenario_columns = g_ptr_array_new_with_free_func (g_object_unref);
  self->comparison_rows = g_list_store_new (ENT_TYPE_COMPARE_ROW);
  self->sensitivity_rows = g_list_store_new (ENT_TYPE_COMPARE_ROW);
  gtk_column_view_set_model (self->comparison_view,
                             GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->comparison_rows)))));
  gtk_column_view_set_model (self->sensitivity_view,
                             GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->sensitivity_rows)))));

  /* one column per pupil change of the sensitivity table: −20 % … +20 % */
  for (guint i = 0; i < ENT_SENSITIVITY_N_STEPS; i++)
    {
      g_autofree char *title = ent_percent_format_signed (ent_sensitivity_steps_bp[i]);
      g_autoptr(GtkColumnViewColumn) column =
        new_amount_column (self, title, i, G_CALLBACK (sensitivity_cell_setup_cb));

      gtk_column_view_append_column (self->sensitivity_view, column);
    }

  gtk_drawing_area_set_draw_func (self->years_area, draw_years_cb, self, NULL);
  gtk_drawing_area_set_draw_func (self->sensitivity_area, draw_sensitivity_cb, self, NULL);
  gtk_scale_set_format_value_func (self->what_if_scale, format_what_if_cb, NULL, NULL);
  scroll_sideways_only (self->comparison_scroller);
  scroll_sideways_only (self->sensitivity_scroller);

  rebuild (self);
}

/* public API */

GtkWidget *
ent_compare_page_new (void)
{
  return g_object_new (ENT_TYPE_COMPARE_PAGE, NULL);
}

EntDocument *
ent_compare_page_get_document (EntComparePage *self)
{
  g_return_val_if_fail (ENT_IS_COMPARE_PAGE (self), NULL);
  return self->document;
}

void
ent_compare_page_set_document (EntComparePage *self,
                               EntDocument    *document)
{
  g_return_if_fail (ENT_IS_COMPARE_PAGE (self));
  g_return_if_fail (document == NULL || ENT_IS_DOCUMENT (document));

  if (!g_set_object (&self->document, document))
    return;

  gtk_drop_down_set_model (self->reference_dropdown,
                           document != NULL ? ent_document_get_scenarios (document) : NULL);
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

EntBudget *
ent_compare_page_get_budget (EntComparePage *self)
{
  g_return_val_if_fail (ENT_IS_COMPARE_PAGE (self), NULL);
  return self->budget;
}

void
ent_compare_page_set_budget (EntComparePage *self,
                             EntBudget      *budget)
{
  g_return_if_fail (ENT_IS_COMPARE_PAGE (self));

  if (self->budget == budget)
    return;

  g_clear_pointer (&self->budget, ent_budget_unref);
  self->budget = budget != NULL ? ent_budget_ref (budget) : NULL;
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUDGET]);
}

gint64
ent_compare_page_get_pupil_change (EntComparePage *self)
{
  g_return_val_if_fail (ENT_IS_COMPARE_PAGE (self), 0);
  return self->pupil_change;
}

void
ent_compare_page_set_pupil_change (EntComparePage *self,
                                   gint64          bp)
{
  g_return_if_fail (ENT_IS_COMPARE_PAGE (self));

  bp = CLAMP (bp, -WHAT_IF_LIMIT_BP, WHAT_IF_LIMIT_BP);
  if (self->pupil_change == bp)
    return;

  self->pupil_change = bp;
  self->updating_slider = TRUE;
  gtk_range_set_value (GTK_RANGE (self->what_if_scale), (double) bp / ENT_BP_PER_PERCENT);
  self->updating_slider = FALSE;
  update_what_if (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PUPIL_CHANGE]);
}

EntSensitivity *
ent_compare_page_get_sensitivity (EntComparePage *self)
{
  g_return_val_if_fail (ENT_IS_COMPARE_PAGE (self), NULL);
  return self->sensitivity;
}

void
ent_compare_page_set_sensitivity (EntComparePage *self,
                                  EntSensitivity *sensitivity)
{
  g_return_if_fail (ENT_IS_COMPARE_PAGE (self));

  if (self->sensitivity == sensitivity)
    return;

  g_clear_pointer (&self->sensitivity, ent_sensitivity_free);
  self->sensitivity = sensitivity != NULL ? ent_sensitivity_copy (sensitivity) : NULL;
  refresh_sensitivity (self);
  update_what_if (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SENSITIVITY]);
}

void
ent_compare_page_set_sensitivity_error (EntComparePage *self,
                                        const char     *message)
{
  g_return_if_fail (ENT_IS_COMPARE_PAGE (self));

  if (g_strcmp0 (self->sensitivity_error, message) == 0)
    return;

  g_free (self->sensitivity_error);
  self->sensitivity_error = g_strdup (message);
  update_what_if (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SENSITIVITY_ERROR]);
}
