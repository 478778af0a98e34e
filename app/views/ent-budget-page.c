/* ent-budget-page.c: the budget lines and the AE/CP schedule of the selected scenario
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Read-only. The computed EntBudget is immutable, so the rows of both tables
 * are keys into it ("year-index:line-kind", "year-index:total", "total") held
 * in GtkStringLists that are replaced whenever "budget" or "scenario" changes;
 * each cell formats its value from the budget when it is bound.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ent-budget-page.h"
#include "ent-money.h"

typedef enum
{
  /* budget lines */
  LINE_YEAR,
  LINE_CHAPTER,
  LINE_NATURE,
  LINE_FUNCTION,
  LINE_LABEL,
  LINE_AMOUNT,
  /* AE/CP */
  YEAR_YEAR,
  YEAR_PUPILS,
  YEAR_CREDITS,
  YEAR_COST,
  YEAR_CUMULATED,
  YEAR_REMAINING,
  N_COLUMNS
} Column;

struct _EntBudgetPage
{
  GtkWidget           parent_instance;

  EntDocument        *document;
  EntScenario        *scenario;
  EntBudget          *budget;
  const EntScenarioBudget *scenario_budget;   /* into budget */

  /* template */
  GtkStack           *stack;
  GtkLabel           *title_label;
  GtkLabel           *authorisation_label;
  GtkColumnView      *lines_view;
  GtkColumnView      *years_view;
  GtkColumnViewColumn *columns[N_COLUMNS];

  GtkStringList      *line_rows;
  GtkStringList      *year_rows;
  gulong              scenario_notify_id;
};

G_DEFINE_FINAL_TYPE (EntBudgetPage, ent_budget_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_SCENARIO,
  PROP_BUDGET,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* helpers */

static gboolean
is_numeric_column (Column column)
{
  switch (column)
    {
    case LINE_AMOUNT:
    case YEAR_PUPILS:
    case YEAR_CREDITS:
    case YEAR_COST:
    case YEAR_CUMULATED:
    case YEAR_REMAINING:
      return TRUE;
    default:
      return FALSE;
    }
}

/* Parses a row key: "total", "I:total" or "I:K" (year index I, line kind K). */
static void
parse_key (const char *key,
           int        *out_year,
           int        *out_line)
{
  char *end = NULL;

  *out_year = -1;
  *out_line = -1;
  if (g_str_equal (key, "total"))
    return;

  *out_year = (int) g_ascii_strtoll (key, &end, 10);
  if (end != NULL && *end == ':' && !g_str_equal (end + 1, "total"))
    *out_line = (int) g_ascii_strtoll (end + 1, NULL, 10);
}

static char *
format_cell (EntBudgetPage *self,
             Column         column,
             const char    *key)
{
  const EntScenarioBudget *sb = self->scenario_budget;
  const EntBudgetYear *year = NULL;
  const EntBudgetLine *line = NULL;
  int year_index;
  int line_kind;

  if (sb == NULL)
    return g_strdup ("");

  parse_key (key, &year_index, &line_kind);
  if (year_index >= 0 && (guint) year_index < sb->n_years)
    year = &sb->years[year_index];
  if (year != NULL && line_kind >= 0 && line_kind < ENT_N_LINES)
    line = &year->lines[line_kind];

  switch (column)
    {
    case LINE_YEAR:
    case YEAR_YEAR:
      if (year == NULL)
        /* Translators: the last row of the AE/CP table, over the whole contract */
        return g_strdup (_("Contract"));
      if (line == NULL && column == LINE_YEAR)
        return g_strdup ("");
      return g_strdup_printf ("%d", year->year);

    case LINE_CHAPTER:
      return g_strdup (line != NULL && line->chapter != NULL ? line->chapter : "");
    case LINE_NATURE:
      return g_strdup (line != NULL && line->nature != NULL ? line->nature : "");
    case LINE_FUNCTION:
      return g_strdup (line != NULL && line->function != NULL ? line->function : "");

    case LINE_LABEL:
      if (line != NULL)
        return g_strdup (line->label != NULL ? line->label : ent_line_kind_get_label (line->kind));
      /* Translators: total of the budget lines of one budget year; %d is the year */
      return g_strdup_printf (_("Total %d"), year != NULL ? year->year : 0);

    case LINE_AMOUNT:
      if (line != NULL)
        return ent_money_format (line->amount);
      return ent_money_format (year != NULL ? year->total : sb->total);

    case YEAR_PUPILS:
      return year != NULL ? ent_count_format (year->pupils) : g_strdup ("");
    case YEAR_CREDITS:
      return ent_money_format (year != NULL ? year->total : sb->total);
    case YEAR_COST:
      if (year == NULL || year->pupils == 0)
        return g_strdup ("");
      return ent_money_format (year->cost_per_pupil);
    case YEAR_CUMULATED:
      return ent_money_format (year != NULL ? year->cumulated : sb->total);
    case YEAR_REMAINING:
      return ent_money_format (year != NULL ? year->remaining : 0);

    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

static void
update_scenario_budget (EntBudgetPage *self)
{
  self->scenario_budget = NULL;
  if (self->budget == NULL || self->budget->n_scenarios == 0)
    return;

  self->scenario_budget = &self->budget->scenarios[0];
  for (guint i = 0; i < self->budget->n_scenarios; i++)
    if (self->budget->scenarios[i].scenario == self->scenario)
      self->scenario_budget = &self->budget->scenarios[i];
}

static void
refresh (EntBudgetPage *self)
{
  const EntScenarioBudget *sb;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) years = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *total = NULL;
  g_autofree char *title = NULL;
  g_autofree char *authorisation = NULL;

  update_scenario_budget (self);
  sb = self->scenario_budget;

  if (sb != NULL)
    {
      for (guint y = 0; y < sb->n_years; y++)
        {
          for (int k = 0; k < ENT_N_LINES; k++)
            {
              const EntBudgetLine *line = &sb->years[y].lines[k];

              /* lines that bill nothing (option not taken, no half-day) are left out */
              if (line->n_segments > 0 || line->amount != 0)
                g_ptr_array_add (lines, g_strdup_printf ("%u:%d", y, k));
            }
          g_ptr_array_add (lines, g_strdup_printf ("%u:total", y));
          g_ptr_array_add (years, g_strdup_printf ("%u", y));
        }
      g_ptr_array_add (years, g_strdup ("total"));

      total = ent_money_format (sb->total);
      /* Translators: title of the budget page; %s is a scenario name */
      title = g_strdup_printf (_("Budget of “%s”"), sb->name != NULL ? sb->name : "");
      /* Translators: %s is an amount; AE is "autorisation d'engagement" */
      authorisation = g_strdup_printf (_("Authorisation (AE) for the whole contract: %s"), total);
      gtk_label_set_text (self->title_label, title);
      gtk_label_set_text (self->authorisation_label, authorisation);
      gtk_stack_set_visible_child_name (self->stack, "budget");
    }
  else
    {
      gtk_label_set_text (self->title_label, "");
      gtk_label_set_text (self->authorisation_label, "");
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }

  g_ptr_array_add (lines, NULL);
  g_ptr_array_add (years, NULL);
  gtk_string_list_splice (self->line_rows, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->line_rows)),
                          (const char *const *) lines->pdata);
  gtk_string_list_splice (self->year_rows, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->year_rows)),
                          (const char *const *) years->pdata);
}

/* callbacks */

static void
scenario_name_cb (EntScenario   *scenario,
                  GParamSpec    *pspec,
                  EntBudgetPage *self)
{
  g_autofree char *title = NULL;

  /* the budget keeps the name it was computed with: follow renames at once */
  /* Translators: title of the budget page; %s is a scenario name */
  title = g_strdup_printf (_("Budget of “%s”"), ent_scenario_get_name (scenario));
  gtk_label_set_text (self->title_label, title);
}

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               EntBudgetPage            *self)
{
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "ent-factory-column"));
  GtkWidget *label = gtk_label_new (NULL);

  if (is_numeric_column (column))
    {
      gtk_label_set_xalign (GTK_LABEL (label), 1.0);
      gtk_widget_add_css_class (label, "numeric");
    }
  else
    {
      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
    }
  if (column == LINE_LABEL)
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);

  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  gtk_list_item_set_child (list_item, label);
  gtk_list_item_set_activatable (list_item, FALSE);
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              EntBudgetPage            *self)
{
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "ent-factory-column"));
  GtkWidget *label = gtk_list_item_get_child (list_item);
  const char *key = gtk_string_object_get_string (gtk_list_item_get_item (list_item));
  g_autofree char *text = format_cell (self, column, key);
  int year_index;
  int line_kind;

  gtk_label_set_text (GTK_LABEL (label), text);
  if (column == LINE_LABEL)
    gtk_widget_set_tooltip_text (label, text);

  /* totals in bold: a year's total line, the contract row of the AE/CP table */
  parse_key (key, &year_index, &line_kind);
  if ((column < YEAR_YEAR && line_kind < 0) || year_index < 0)
    gtk_widget_add_css_class (label, "heading");
}

static void
cell_unbind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                EntBudgetPage            *self)
{
  GtkWidget *label = gtk_list_item_get_child (list_item);

  gtk_widget_remove_css_class (label, "heading");
  gtk_widget_set_tooltip_text (label, NULL);
}

/* overrides */

static void
ent_budget_page_dispose (GObject *object)
{
  GtkWidget *child;
  EntBudgetPage *self = ENT_BUDGET_PAGE (object);

  if (self->scenario != NULL)
    g_clear_signal_handler (&self->scenario_notify_id, self->scenario);

  gtk_widget_dispose_template (GTK_WIDGET (self), ENT_TYPE_BUDGET_PAGE);
  /* the template's top child is ours to unparent (GtkBinLayout) */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->line_rows);
  g_clear_object (&self->year_rows);
  g_clear_object (&self->document);
  g_clear_object (&self->scenario);
  self->scenario_budget = NULL;
  g_clear_pointer (&self->budget, ent_budget_unref);

  G_OBJECT_CLASS (ent_budget_page_parent_class)->dispose (object);
}

static void
ent_budget_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  EntBudgetPage *self = ENT_BUDGET_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_SCENARIO:
      g_value_set_object (value, self->scenario);
      break;
    case PROP_BUDGET:
      g_value_set_boxed (value, self->budget);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ent_budget_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  EntBudgetPage *self = ENT_BUDGET_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      ent_budget_page_set_document (self, g_value_get_object (value));
      break;
    case PROP_SCENARIO:
      ent_budget_page_set_scenario (self, g_value_get_object (value));
      break;
    case PROP_BUDGET:
      ent_budget_page_set_budget (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ent_budget_page_class_init (EntBudgetPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ent_budget_page_dispose;
  object_class->get_property = ent_budget_page_get_property;
  object_class->set_property = ent_budget_page_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, ENT_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SCENARIO] =
    g_param_spec_object ("scenario", NULL, NULL, ENT_TYPE_SCENARIO,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUDGET] =
    g_param_spec_boxed ("budget", NULL, NULL, ENT_TYPE_BUDGET,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/budgetent/BudgetEnt/ui/ent-budget-page.ui");
  gtk_widget_class_bind_template_child (widget_class, EntBudgetPage, stack);
  gtk_widget_class_bind_template_child (widget_class, EntBudgetPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, EntBudgetPage, authorisation_label);
  gtk_widget_class_bind_template_child (widget_class, EntBudgetPage, lines_view);
  gtk_widget_class_bind_template_child (widget_class, EntBudgetPage, years_view);
  gtk_widget_class_bind_template_child_full (widget_class, "line_year_column", FALSE,
                                             G_STRUCT_OFFSET (EntBudgetPage, columns[LINE_YEAR]));
  gtk_widget_class_bind_template_child_full (widget_class, "line_chapter_column", FALSE,
                                             G_STRUCT_OFFSET (EntBudgetPage, columns[LINE_CHAPTER]));
  gtk_widget_class_bind_template_child_full (widget_class, "line_nature_column", FALSE,
                                             G_STRUCT_OFFSET (EntBudgetPage, columns[LINE_NATURE]));
  gtk_widget_class_bind_template_child_full (widget_class, "line_function_column", FALSE,
                                             G_STRUCT_OFFSET (EntBudgetPage, columns[LINE_FUNCTION]));
  gtk_widget_class_bind_template_child_full (widget_class, "line_label_column", FALSE,
                                             G_STRUCT_OFFSET (EntBudgetPage, columns[LINE_LABEL]));
  gtk_widget_class_bind_template_child_full (widget_class, "line_amount_column", FALSE,
                                             G_STRUCT_OFFSET (EntBudgetPage, columns[LINE_AMOUNT]));
  gtk_widget_class_bind_template_child_full (widget_class, "year_year_column", FALSE,
                                             G_STRUCT_OFFSET (EntBudgetPage, columns[YEAR_YEAR]));
  gtk_widget_class_bind_template_child_full (widget_class, "year_pupils_column", FALSE,
                                             G_STRUCT_OFFSET (EntBudgetPage, columns[YEAR_PUPILS]));
  gtk_widget_class_bind_template_child_full (widget_class, "year_credits_column", FALSE,
                                             G_STRUCT_OFFSET (EntBudgetPage, columns[YEAR_CREDITS]));
  gtk_widget_class_bind_template_child_full (widget_class, "year_cost_column", FALSE,
                                             G_STRUCT_OFFSET (EntBudgetPage, columns[YEAR_COST]));
  gtk_widget_class_bind_template_child_full (widget_class, "year_cumulated_column", FALSE,
                                             G_STRUCT_OFFSET (EntBudgetPage, columns[YEAR_CUMULATED]));
  gtk_widget_class_bind_template_child_full (widget_class, "year_remaining_column", FALSE,
                                             G_STRUCT_OFFSET (EntBudgetPage, columns[YEAR_REMAINING]));

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
ent_budget_page_init (EntBudgetPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->line_rows = gtk_string_list_new (NULL);
  self->year_rows = gtk_string_list_new (NULL);
  gtk_column_view_set_model (self->lines_view,
                             GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->line_rows)))));
  gtk_column_view_set_model (self->years_view,
                             GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->year_rows)))));

  for (Column column = 0; column < N_COLUMNS; column++)
    {
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

      g_object_set_data (G_OBJECT (factory), "ent-factory-column", GINT_TO_POINTER (column));
      g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), self);
      g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), self);
      g_signal_connect (factory, "unbind", G_CALLBACK (cell_unbind_cb), self);
      gtk_column_view_column_set_factory (self->columns[column], factory);
    }

  refresh (self);
}

/* public API */

GtkWidget *
ent_budget_page_new (void)
{
  return g_object_new (ENT_TYPE_BUDGET_PAGE, NULL);
}

EntDocument *
ent_budget_page_get_document (EntBudgetPage *self)
{
  g_return_val_if_fail (ENT_IS_BUDGET_PAGE (self), NULL);
  return self->document;
}

void
ent_budget_page_set_document (EntBudgetPage *self,
                              EntDocument   *document)
{
  g_return_if_fail (ENT_IS_BUDGET_PAGE (self));
  g_return_if_fail (document == NULL || ENT_IS_DOCUMENT (document));

  if (g_set_object (&self->document, document))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

EntScenario *
ent_budget_page_get_scenario (EntBudgetPage *self)
{
  g_return_val_if_fail (ENT_IS_BUDGET_PAGE (self), NULL);
  return self->scenario;
}

void
ent_budget_page_set_scenario (EntBudgetPage *self,
                              EntScenario   *scenario)
{
  g_return_if_fail (ENT_IS_BUDGET_PAGE (self));
  g_return_if_fail (scenario == NULL || ENT_IS_SCENARIO (scenario));

  if (self->scenario == scenario)
    return;

  if (self->scenario != NULL)
    g_clear_signal_handler (&self->scenario_notify_id, self->scenario);
  g_set_object (&self->scenario, scenario);
  if (scenario != NULL)
    self->scenario_notify_id = g_signal_connect (scenario, "notify::name",
                                                 G_CALLBACK (scenario_name_cb), self);

  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCENARIO]);
}

EntBudget *
ent_budget_page_get_budget (EntBudgetPage *self)
{
  g_return_val_if_fail (ENT_IS_BUDGET_PAGE (self), NULL);
  return self->budget;
}

void
ent_budget_page_set_budget (EntBudgetPage *self,
                            EntBudget     *budget)
{
  g_return_if_fail (ENT_IS_BUDGET_PAGE (self));

  if (self->budget == budget)
    return;

  g_clear_pointer (&self->budget, ent_budget_unref);
  if (budget != NULL)
    self->budget = ent_budget_ref (budget);

  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUDGET]);
}
