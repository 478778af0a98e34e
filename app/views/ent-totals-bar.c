/* ent-totals-bar.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ent-budget-query.h"
#include "ent-input-reason.h"
#include "ent-money.h"
#include "ent-totals-bar-private.h"

struct _EntTotalsBar
{
  GtkWidget    parent_instance;

  EntBudget   *budget;
  EntScenario *scenario;
  GListModel  *scenarios;

  /* set while the bar itself moves the drop-down's selection, and while
   * the list changes (the drop-down's selection follows on its own) */
  gboolean     syncing;
  gboolean     list_changing;

  /* one column per budget year, reused from one budget to the next */
  GPtrArray   *year_labels;
  GPtrArray   *amount_labels;
  guint        n_shown;

  /* template */
  GtkWidget   *box;
  GtkLabel    *caption_label;
  GtkDropDown *scenario_dropdown;
  GtkLabel    *total_label;
  GtkGrid     *years_grid;
};

G_DEFINE_FINAL_TYPE (EntTotalsBar, ent_totals_bar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_BUDGET,
  PROP_SCENARIO,
  PROP_SCENARIOS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* No selection yet gives the first scenario; a scenario the last good
 * budget does not know gives nothing (the bar shows "—"). */
static const EntScenarioBudget *
find_scenario_budget (EntTotalsBar *self)
{
  if (self->budget == NULL)
    return NULL;

  return ent_budget_find_scenario (self->budget, self->scenario);
}

static void
ensure_columns (EntTotalsBar *self,
                guint         n)
{
  while (self->year_labels->len < n)
    {
      guint column = self->year_labels->len;
      GtkWidget *year = gtk_label_new (NULL);
      GtkWidget *amount = gtk_label_new (NULL);

      gtk_label_set_xalign (GTK_LABEL (year), 1.0);
      gtk_label_set_xalign (GTK_LABEL (amount), 1.0);
      gtk_widget_add_css_class (year, "caption-heading");
      gtk_widget_add_css_class (year, "dim-label");
      gtk_widget_add_css_class (amount, "year-total");
      gtk_grid_attach (self->years_grid, year, column, 0, 1, 1);
      gtk_grid_attach (self->years_grid, amount, column, 1, 1, 1);
      g_ptr_array_add (self->year_labels, year);
      g_ptr_array_add (self->amount_labels, amount);
    }
}

static void
update (EntTotalsBar *self)
{
  const EntScenarioBudget *sb = find_scenario_budget (self);
  guint n = sb != NULL ? sb->n_years : 0;

  /* Translators: caption of the contract total, followed by the choice of
   * the scenario it is the total of */
  gtk_label_set_text (self->caption_label, _("Contract total"));
  if (sb == NULL)
    {
      gtk_label_set_text (self->total_label, "—");
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->total_label),
                                      /* Translators: accessible name of the contract total when there is none (no budget) */
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Contract total: none"),
                                      -1);
    }
  else
    {
      g_autofree char *total = ent_money_format (sb->total);
      g_autofree char *name = NULL;
      gboolean changed = g_strcmp0 (gtk_label_get_text (self->total_label), total) != 0;
      gboolean was_shown = g_strcmp0 (gtk_label_get_text (self->total_label), "") != 0 &&
                           g_strcmp0 (gtk_label_get_text (self->total_label), "—") != 0;

      /* Translators: accessible name of the contract total, also said when it changes; %s is an amount */
      name = g_strdup_printf (_("Contract total: %s"), total);
      gtk_label_set_text (self->total_label, total);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->total_label),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                      -1);
      /* a new total after an edit or another scenario, not the first one
       * shown (a budget that cannot be computed has its own banner) */
      if (changed && was_shown && gtk_widget_get_mapped (GTK_WIDGET (self)))
        ent_accessible_announce (GTK_WIDGET (self), name);
    }

  ensure_columns (self, n);
  for (guint i = 0; i < self->year_labels->len; i++)
    {
      GtkWidget *year = g_ptr_array_index (self->year_labels, i);
      GtkWidget *amount = g_ptr_array_index (self->amount_labels, i);

      if (i < n)
        {
          g_autofree char *year_text = g_strdup_printf ("%d", sb->years[i].year);
          g_autofree char *amount_text = ent_money_format (sb->years[i].total);

          gtk_label_set_text (GTK_LABEL (year), year_text);
          gtk_label_set_text (GTK_LABEL (amount), amount_text);
        }
      gtk_widget_set_visible (year, i < n);
      gtk_widget_set_visible (amount, i < n);
    }
  self->n_shown = n;
}

/* The drop-down shows the bar's scenario (nothing when the list does not
 * hold it yet, as while a new document's properties arrive one by one). */
static void
sync_dropdown (EntTotalsBar *self)
{
  guint position = GTK_INVALID_LIST_POSITION;
  guint n = self->scenarios != NULL ? g_list_model_get_n_items (self->scenarios) : 0;

  /* not inside the list's own change: done once it is over */
  if (self->list_changing)
    return;

  for (guint i = 0; i < n && self->scenario != NULL; i++)
    {
      g_autoptr(EntScenario) scenario = g_list_model_get_item (self->scenarios, i);

      if (scenario == self->scenario)
        {
          position = i;
          break;
        }
    }

  self->syncing = TRUE;
  gtk_drop_down_set_selected (self->scenario_dropdown, position);
  self->syncing = FALSE;
}

static void
items_changing_cb (EntTotalsBar *self)
{
  self->list_changing = TRUE;
}

static void
items_changed_cb (EntTotalsBar *self)
{
  self->list_changing = FALSE;
  sync_dropdown (self);
}

/* The user's choice; not the drop-down following the bar's scenario or a
 * change of the list (a deleted scenario is the workspace's business). */
static void
selected_cb (EntTotalsBar *self)
{
  EntScenario *scenario;

  if (self->syncing || self->list_changing)
    return;

  scenario = gtk_drop_down_get_selected_item (self->scenario_dropdown);
  if (scenario != NULL)
    ent_totals_bar_set_scenario (self, scenario);
}

static void
ent_totals_bar_dispose (GObject *object)
{
  EntTotalsBar *self = ENT_TOTALS_BAR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ENT_TYPE_TOTALS_BAR);
  g_clear_pointer (&self->budget, ent_budget_unref);
  g_clear_object (&self->scenario);
  if (self->scenarios != NULL)
    g_signal_handlers_disconnect_by_data (self->scenarios, self);
  g_clear_object (&self->scenarios);

  G_OBJECT_CLASS (ent_totals_bar_parent_class)->dispose (object);
}

static void
ent_totals_bar_finalize (GObject *object)
{
  EntTotalsBar *self = ENT_TOTALS_BAR (object);

  g_ptr_array_unref (self->year_labels);
  g_ptr_array_unref (self->amount_labels);

  G_OBJECT_CLASS (ent_totals_bar_parent_class)->finalize (object);
}

static void
ent_totals_bar_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  EntTotalsBar *self = ENT_TOTALS_BAR (object);

  switch (prop_id)
    {
    case PROP_BUDGET:
      g_value_set_boxed (value, self->budget);
      break;
    case PROP_SCENARIO:
      g_value_set_object (value, self->scenario);
      break;
    case PROP_SCENARIOS:
      g_value_set_object (value, self->scenarios);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ent_totals_bar_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  EntTotalsBar *self = ENT_TOTALS_BAR (object);

  switch (prop_id)
    {
    case PROP_BUDGET:
      ent_totals_bar_set_budget (self, g_value_get_boxed (value));
      break;
    case PROP_SCENARIO:
      ent_totals_bar_set_scenario (self, g_value_get_object (value));
      break;
    case PROP_SCENARIOS:
      ent_totals_bar_set_scenarios (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ent_totals_bar_class_init (EntTotalsBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ent_totals_bar_dispose;
  object_class->finalize = ent_totals_bar_finalize;
  object_class->get_property = ent_totals_bar_get_property;
  object_class->set_property = ent_totals_bar_set_property;

  properties[PROP_BUDGET] =
    g_param_spec_boxed ("budget", NULL, NULL, ENT_TYPE_BUDGET,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SCENARIO] =
    g_param_spec_object ("scenario", NULL, NULL, ENT_TYPE_SCENARIO,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SCENARIOS] =
    g_param_spec_object ("scenarios", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* the drop-down's expression and factories name it */
  g_type_ensure (ENT_TYPE_SCENARIO);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/budgetent/BudgetEnt/ui/ent-totals-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, EntTotalsBar, box);
  gtk_widget_class_bind_template_child (widget_class, EntTotalsBar, caption_label);
  gtk_widget_class_bind_template_child (widget_class, EntTotalsBar, scenario_dropdown);
  gtk_widget_class_bind_template_child (widget_class, EntTotalsBar, total_label);
  gtk_widget_class_bind_template_child (widget_class, EntTotalsBar, years_grid);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "enttotalsbar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static char *
dup_scenario_name (gpointer item)
{
  return g_strdup (ent_scenario_get_name (item));
}

static void
ent_totals_bar_init (EntTotalsBar *self)
{
  self->year_labels = g_ptr_array_new ();
  self->amount_labels = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The contract total is named by what it is and its amount (a status on
   * the bus, which screen readers' review finds). No Tab stop: a GtkLabel is
   * one only when selectable, and a selectable total broke typing a new
   * scenario's name in test-keyboard (left for later, see the report). */
  g_signal_connect_swapped (self->scenario_dropdown, "notify::selected",
                            G_CALLBACK (selected_cb), self);
  /* Translators: accessible name of the totals bar's drop-down; %s is the scenario shown */
  ent_accessible_name_chooser (GTK_WIDGET (self->scenario_dropdown), _("Scenario: %s"), dup_scenario_name);
  update (self);
}

GtkWidget *
ent_totals_bar_new (void)
{
  return g_object_new (ENT_TYPE_TOTALS_BAR, NULL);
}

void
ent_totals_bar_set_budget (EntTotalsBar *self,
                           EntBudget    *budget)
{
  g_return_if_fail (ENT_IS_TOTALS_BAR (self));

  if (self->budget == budget)
    return;

  g_clear_pointer (&self->budget, ent_budget_unref);
  self->budget = budget != NULL ? ent_budget_ref (budget) : NULL;
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUDGET]);
}

void
ent_totals_bar_set_scenario (EntTotalsBar *self,
                             EntScenario  *scenario)
{
  g_return_if_fail (ENT_IS_TOTALS_BAR (self));

  if (g_set_object (&self->scenario, scenario))
    {
      update (self);
      sync_dropdown (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCENARIO]);
    }
}

void
ent_totals_bar_set_scenarios (EntTotalsBar *self,
                              GListModel   *scenarios)
{
  g_return_if_fail (ENT_IS_TOTALS_BAR (self));
  g_return_if_fail (scenarios == NULL || G_IS_LIST_MODEL (scenarios));

  if (self->scenarios == scenarios)
    return;

  if (self->scenarios != NULL)
    g_signal_handlers_disconnect_by_data (self->scenarios, self);
  g_set_object (&self->scenarios, scenarios);
  /* around the drop-down's own handler, connected by set_model() below */
  if (scenarios != NULL)
    {
      g_signal_connect_swapped (scenarios, "items-changed", G_CALLBACK (items_changing_cb), self);
      g_signal_connect_data (scenarios, "items-changed", G_CALLBACK (items_changed_cb), self,
                             NULL, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
    }

  /* a new list must not choose its first scenario for the workspace */
  self->syncing = TRUE;
  gtk_drop_down_set_model (self->scenario_dropdown, scenarios);
  self->syncing = FALSE;
  sync_dropdown (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCENARIOS]);
}

/**
 * ent_totals_bar_set_warning:
 * @warning: (nullable): why the totals are not those of the assumptions
 *   shown (the budget cannot be computed), or %NULL
 *
 * Gives the contract total @warning as its accessible description: a
 * screen reader user who reaches the total learns that it is stale (GTK 4.8
 * cannot announce the banner that says so).
 */
void
ent_totals_bar_set_warning (EntTotalsBar *self,
                            const char   *warning)
{
  g_return_if_fail (ENT_IS_TOTALS_BAR (self));

  ent_accessible_set_reason (GTK_WIDGET (self->total_label), warning);
}

const char *
ent_totals_bar_get_total_text (EntTotalsBar *self)
{
  g_return_val_if_fail (ENT_IS_TOTALS_BAR (self), NULL);

  return gtk_label_get_text (self->total_label);
}

const char *
ent_totals_bar_get_year_text (EntTotalsBar *self,
                              int           year)
{
  const EntScenarioBudget *sb;

  g_return_val_if_fail (ENT_IS_TOTALS_BAR (self), NULL);

  sb = find_scenario_budget (self);
  for (guint i = 0; sb != NULL && i < self->n_shown && i < sb->n_years; i++)
    if (sb->years[i].year == year)
      return gtk_label_get_text (g_ptr_array_index (self->amount_labels, i));

  return NULL;
}
