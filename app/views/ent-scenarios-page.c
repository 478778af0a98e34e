/* ent-scenarios-page.c: the scenarios of a document and the editor of the selected one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The list's selection is the page's "scenario" property, which the window
 * binds to the other pages. The per-year options (optional flat support,
 * half-days of specific support) are a GtkColumnView over the budget years
 * of the contract; its cells connect to the scenario in bind and disconnect
 * in unbind. Every widget writes straight into the scenario; the editor
 * follows the scenario's "changed" signal, with a guard so that syncing the
 * widgets does not write back.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ent-money.h"
#include "ent-input-reason.h"
#include "ent-row-splice.h"
#include "ent-scenarios-page.h"
#include "ent-validate.h"

typedef enum
{
  YEAR_CELL_LABEL,
  YEAR_CELL_OPTIONAL,
  YEAR_CELL_HALF_DAYS,
} YearCellKind;

static const char *const year_cell_names[] = { "year", "optional", "half-days" };

struct _EntScenariosPage
{
  GtkWidget           parent_instance;

  EntDocument        *document;
  EntScenario        *scenario;

  /* template */
  GtkSingleSelection *selection;
  GtkButton          *delete_button;
  GtkButton          *duplicate_button;
  GtkWidget          *editor;
  GtkEntry           *name_entry;
  GtkLabel           *name_error;
  GtkSwitch          *optional_all_switch;
  GtkColumnView      *years_view;
  GtkColumnViewColumn *year_column;
  GtkColumnViewColumn *optional_column;
  GtkColumnViewColumn *half_days_column;
  GtkCheckButton     *constant_check;
  GtkCheckButton     *rate_check;
  GtkSpinButton      *projection_spin;
  GtkSpinButton      *tariff_spin;

  GtkStringList      *years;         /* budget years, "2024" … */
  int                 first_budget_year;
  int                 last_budget_year;
  GHashTable         *year_cells;    /* bound check and spin buttons (set) */
  GBinding           *name_binding;
  gulong              scenario_changed_id;
  gulong              document_changed_id;
  gulong              items_changed_id;
  gboolean            syncing;
};

G_DEFINE_FINAL_TYPE (EntScenariosPage, ent_scenarios_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_SCENARIO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SCENARIO_DELETED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* helpers */

/* A percentage from a spin button in basis points: value × 100 rounded to the
 * nearest integer, halves away from zero, so that 2.07 gives 207 and not 206. */
static gint64
spin_to_bp (GtkSpinButton *spin)
{
  double value = gtk_spin_button_get_value (spin) * ENT_BP_PER_PERCENT;

  return value >= 0 ? (gint64) (value + 0.5) : -(gint64) (-value + 0.5);
}

static void
set_spin_bp (GtkSpinButton *spin,
             gint64         bp)
{
  gtk_spin_button_set_value (spin, (double) bp / ENT_BP_PER_PERCENT);
}

static int
get_cell_year (GtkWidget *widget)
{
  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (widget), "ent-cell-year"));
}

static void
sync_year_cell (EntScenariosPage *self,
                GtkWidget        *widget)
{
  int year = get_cell_year (widget);
  YearCellKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (widget), "ent-cell-kind-id"));
  gboolean was_syncing = self->syncing;

  if (self->scenario == NULL || year == 0)
    return;

  self->syncing = TRUE;
  if (kind == YEAR_CELL_OPTIONAL)
    {
      gboolean all = ent_scenario_get_optional_all (self->scenario);

      gtk_check_button_set_active (GTK_CHECK_BUTTON (widget),
                                   all || ent_scenario_get_optional_in_year (self->scenario, year));
      gtk_widget_set_sensitive (widget, !all);
    }
  else if (kind == YEAR_CELL_HALF_DAYS)
    {
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (widget),
                                 (double) ent_scenario_get_half_days (self->scenario, year));
    }
  self->syncing = was_syncing;
}

static void
sync_editor (EntScenariosPage *self)
{
  GHashTableIter iter;
  gpointer key;
  gboolean rate;

  gtk_widget_set_sensitive (self->editor, self->scenario != NULL);
  if (self->scenario == NULL)
    return;

  self->syncing = TRUE;

  gtk_switch_set_active (self->optional_all_switch,
                         ent_scenario_get_optional_all (self->scenario));

  rate = ent_scenario_get_projection (self->scenario) == ENT_PROJECTION_RATE;
  gtk_check_button_set_active (rate ? self->rate_check : self->constant_check, TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->projection_spin), rate);
  set_spin_bp (self->projection_spin, ent_scenario_get_projection_rate (self->scenario));
  set_spin_bp (self->tariff_spin, ent_scenario_get_tariff_increase (self->scenario));

  g_hash_table_iter_init (&iter, self->year_cells);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    sync_year_cell (self, key);

  self->syncing = FALSE;
}

static void
update_buttons (EntScenariosPage *self)
{
  guint n = 0;

  if (self->document != NULL)
    n = g_list_model_get_n_items (ent_document_get_scenarios (self->document));

  gtk_widget_set_sensitive (GTK_WIDGET (self->delete_button), n > 1 && self->scenario != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->duplicate_button), self->scenario != NULL);
}

static void
rebuild_years (EntScenariosPage *self)
{
  EntContract *contract;
  int first = 0;
  int last = -1;
  guint n_old;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  if (self->document != NULL)
    {
      contract = ent_document_get_contract (self->document);
      first = ent_contract_get_first_budget_year (contract);
      last = ent_contract_get_last_budget_year (contract);
    }

  if (first == self->first_budget_year && last == self->last_budget_year)
    return;

  self->first_budget_year = first;
  self->last_budget_year = last;

  for (int year = first; year <= last; year++)
    g_ptr_array_add (names, g_strdup_printf ("%d", year));
  g_ptr_array_add (names, NULL);

  n_old = g_list_model_get_n_items (G_LIST_MODEL (self->years));
  gtk_string_list_splice (self->years, 0, n_old, (const char *const *) names->pdata);
}

static void
select_scenario (EntScenariosPage *self)
{
  GListModel *model = gtk_single_selection_get_model (self->selection);
  guint n;

  if (model == NULL)
    return;

  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EntScenario) item = g_list_model_get_item (model, i);

      if (item == self->scenario)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return;
        }
    }
}

static char *
make_unique_name (EntScenariosPage *self,
                  const char       *base)
{
  GListModel *scenarios = ent_document_get_scenarios (self->document);
  guint n = g_list_model_get_n_items (scenarios);

  for (guint suffix = 1; ; suffix++)
    {
      g_autofree char *name = suffix == 1 ? g_strdup (base)
                                          : g_strdup_printf ("%s %u", base, suffix);
      gboolean taken = FALSE;

      for (guint i = 0; i < n && !taken; i++)
        {
          g_autoptr(EntScenario) item = g_list_model_get_item (scenarios, i);

          taken = g_strcmp0 (ent_scenario_get_name (item), name) == 0;
        }
      if (!taken)
        return g_steal_pointer (&name);
    }
}

static void
add_and_select (EntScenariosPage *self,
                EntScenario      *scenario)
{
  ent_document_add_scenario (self->document, scenario);
  ent_scenarios_page_set_scenario (self, scenario);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_entry));
}

/* callbacks */

/* The name typed: a tab, a line break or another control character (pasted)
 * stays out of the scenario, the reason under the entry. */
static void
name_changed_cb (EntScenariosPage *self)
{
  GtkWidget *entry = GTK_WIDGET (self->name_entry);
  g_autoptr(GError) error = NULL;

  if (ent_validate_name (gtk_editable_get_text (GTK_EDITABLE (entry)), &error))
    {
      gtk_widget_remove_css_class (entry, "error");
      gtk_widget_set_visible (GTK_WIDGET (self->name_error), FALSE);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_relation (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY);
      return;
    }

  gtk_widget_add_css_class (entry, "error");
  gtk_label_set_text (self->name_error, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->name_error), TRUE);
  gtk_accessible_update_state (GTK_ACCESSIBLE (entry),
                               GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                               -1);
  /* DESCRIBED_BY is a list on every GTK 4 (see ent-assumptions-page.c) */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->name_error, NULL,
                                  -1);
}

static void
scenario_changed_cb (EntScenario      *scenario,
                     EntScenariosPage *self)
{
  if (!self->syncing)
    sync_editor (self);
}

static void
document_changed_cb (EntDocument      *document,
                     EntScenariosPage *self)
{
  rebuild_years (self);
}

static void
scenarios_items_changed_cb (GListModel       *model,
                            guint             position,
                            guint             removed,
                            guint             added,
                            EntScenariosPage *self)
{
  update_buttons (self);
}

static void
selection_changed_cb (GtkSingleSelection *selection,
                      GParamSpec         *pspec,
                      EntScenariosPage   *self)
{
  gpointer item = gtk_single_selection_get_selected_item (selection);

  if (item != NULL)
    ent_scenarios_page_set_scenario (self, ENT_SCENARIO (item));
}

static void
add_cb (EntScenariosPage *self)
{
  g_autoptr(EntScenario) scenario = NULL;
  g_autofree char *name = NULL;

  if (self->document == NULL)
    return;

  /* Translators: name given to a scenario the user adds */
  name = make_unique_name (self, _("New scenario"));
  scenario = ent_scenario_new (name);
  add_and_select (self, scenario);
}

static void
duplicate_cb (EntScenariosPage *self)
{
  g_autoptr(EntScenario) scenario = NULL;
  g_autofree char *base = NULL;
  g_autofree char *name = NULL;

  if (self->document == NULL || self->scenario == NULL)
    return;

  /* Translators: name of a copy of a scenario; %s is the original's name */
  base = g_strdup_printf (_("%s (copy)"), ent_scenario_get_name (self->scenario));
  name = make_unique_name (self, base);
  scenario = ent_scenario_duplicate (self->scenario, name);
  add_and_select (self, scenario);
}

static void
delete_cb (EntScenariosPage *self)
{
  g_autoptr(EntScenario) scenario = NULL;

  if (self->document == NULL || self->scenario == NULL)
    return;

  /* the selection moves to a neighbour and updates "scenario" */
  scenario = g_object_ref (self->scenario);
  /* the window offers to undo it */
  if (ent_document_remove_scenario (self->document, scenario))
    g_signal_emit (self, signals[SCENARIO_DELETED], 0, scenario);
}

static void
rename_cb (EntScenariosPage *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->name_entry));
}

static void
optional_all_cb (EntScenariosPage *self)
{
  if (self->syncing || self->scenario == NULL)
    return;

  ent_scenario_set_optional_all (self->scenario, gtk_switch_get_active (self->optional_all_switch));
}

static void
projection_kind_cb (EntScenariosPage *self)
{
  EntProjection projection;

  if (self->syncing || self->scenario == NULL)
    return;

  projection = gtk_check_button_get_active (self->rate_check)
               ? ENT_PROJECTION_RATE : ENT_PROJECTION_CONSTANT;
  gtk_widget_set_sensitive (GTK_WIDGET (self->projection_spin),
                            projection == ENT_PROJECTION_RATE);
  ent_scenario_set_projection (self->scenario, projection);
}

static void
projection_rate_cb (EntScenariosPage *self)
{
  if (self->syncing || self->scenario == NULL)
    return;

  ent_scenario_set_projection_rate (self->scenario, spin_to_bp (self->projection_spin));
}

static void
tariff_increase_cb (EntScenariosPage *self)
{
  if (self->syncing || self->scenario == NULL)
    return;

  ent_scenario_set_tariff_increase (self->scenario, spin_to_bp (self->tariff_spin));
}

static void
optional_toggled_cb (GtkCheckButton   *check,
                     EntScenariosPage *self)
{
  int year = get_cell_year (GTK_WIDGET (check));

  if (self->syncing || self->scenario == NULL || year == 0 ||
      ent_scenario_get_optional_all (self->scenario))
    return;

  ent_scenario_set_optional_in_year (self->scenario, year, gtk_check_button_get_active (check));
}

static void
half_days_changed_cb (GtkSpinButton    *spin,
                      EntScenariosPage *self)
{
  int year = get_cell_year (GTK_WIDGET (spin));

  if (self->syncing || self->scenario == NULL || year == 0)
    return;

  ent_scenario_set_half_days (self->scenario, year, gtk_spin_button_get_value_as_int (spin));
}

/* factories of the per-year table */

static void
year_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               EntScenariosPage         *self)
{
  YearCellKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "ent-factory-kind"));
  GtkWidget *widget = NULL;

  switch (kind)
    {
    case YEAR_CELL_LABEL:
      widget = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (widget), 0.0);
      gtk_widget_add_css_class (widget, "numeric");
      break;
    case YEAR_CELL_OPTIONAL:
      widget = gtk_check_button_new ();
      gtk_widget_set_halign (widget, GTK_ALIGN_CENTER);
      break;
    case YEAR_CELL_HALF_DAYS:
      widget = gtk_spin_button_new_with_range (0, ENT_MAX_HALF_DAYS_PER_YEAR, 1);
      gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (widget), TRUE);
      gtk_widget_set_halign (widget, GTK_ALIGN_START);
      break;
    default:
      g_assert_not_reached ();
    }

  g_object_set_data (G_OBJECT (widget), "ent-cell-kind", (gpointer) year_cell_names[kind]);
  g_object_set_data (G_OBJECT (widget), "ent-cell-kind-id", GINT_TO_POINTER (kind));
  gtk_list_item_set_child (list_item, widget);
}

static void
year_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              EntScenariosPage         *self)
{
  GtkWidget *widget = gtk_list_item_get_child (list_item);
  GtkStringObject *item = gtk_list_item_get_item (list_item);
  YearCellKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (widget), "ent-cell-kind-id"));
  const char *text = gtk_string_object_get_string (item);
  int year = (int) g_ascii_strtoll (text, NULL, 10);
  g_autofree char *accessible = NULL;

  g_object_set_data (G_OBJECT (widget), "ent-cell-year", GINT_TO_POINTER (year));

  switch (kind)
    {
    case YEAR_CELL_LABEL:
      gtk_label_set_text (GTK_LABEL (widget), text);
      return;
    case YEAR_CELL_OPTIONAL:
      /* Translators: accessible label of a check button; %d is a budget year */
      accessible = g_strdup_printf (_("Optional flat support in %d"), year);
      g_signal_connect (widget, "toggled", G_CALLBACK (optional_toggled_cb), self);
      break;
    case YEAR_CELL_HALF_DAYS:
      /* Translators: accessible label of a spin button; %d is a budget year */
      accessible = g_strdup_printf (_("Half-days of specific support in %d"), year);
      g_signal_connect (widget, "value-changed", G_CALLBACK (half_days_changed_cb), self);
      break;
    default:
      g_assert_not_reached ();
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  g_hash_table_add (self->year_cells, widget);
  sync_year_cell (self, widget);
}

static void
year_unbind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                EntScenariosPage         *self)
{
  GtkWidget *widget = gtk_list_item_get_child (list_item);

  g_signal_handlers_disconnect_by_data (widget, self);
  g_hash_table_remove (self->year_cells, widget);
  g_object_set_data (G_OBJECT (widget), "ent-cell-year", NULL);
}

static GtkListItemFactory *
create_year_factory (EntScenariosPage *self,
                     YearCellKind      kind)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_object_set_data (G_OBJECT (factory), "ent-factory-kind", GINT_TO_POINTER (kind));
  g_signal_connect (factory, "setup", G_CALLBACK (year_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (year_bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (year_unbind_cb), self);
  return factory;
}

/* overrides */

static void
ent_scenarios_page_dispose (GObject *object)
{
  GtkWidget *child;
  EntScenariosPage *self = ENT_SCENARIOS_PAGE (object);

  g_clear_pointer (&self->name_binding, g_binding_unbind);
  if (self->scenario != NULL)
    g_clear_signal_handler (&self->scenario_changed_id, self->scenario);
  if (self->document != NULL)
    {
      g_clear_signal_handler (&self->document_changed_id, self->document);
      g_clear_signal_handler (&self->items_changed_id, ent_document_get_scenarios (self->document));
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), ENT_TYPE_SCENARIOS_PAGE);
  /* the template's top child is ours to unparent (GtkBinLayout) */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_pointer (&self->year_cells, g_hash_table_unref);
  g_clear_object (&self->years);
  g_clear_object (&self->document);
  g_clear_object (&self->scenario);

  G_OBJECT_CLASS (ent_scenarios_page_parent_class)->dispose (object);
}

static void
ent_scenarios_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  EntScenariosPage *self = ENT_SCENARIOS_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_SCENARIO:
      g_value_set_object (value, self->scenario);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ent_scenarios_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  EntScenariosPage *self = ENT_SCENARIOS_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      ent_scenarios_page_set_document (self, g_value_get_object (value));
      break;
    case PROP_SCENARIO:
      ent_scenarios_page_set_scenario (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ent_scenarios_page_class_init (EntScenariosPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ent_scenarios_page_dispose;
  object_class->get_property = ent_scenarios_page_get_property;
  object_class->set_property = ent_scenarios_page_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, ENT_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SCENARIO] =
    g_param_spec_object ("scenario", NULL, NULL, ENT_TYPE_SCENARIO,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* "scenario-deleted" (EntScenario, no longer in the document): after the
   * Delete button deleted it. */
  signals[SCENARIO_DELETED] =
    g_signal_new ("scenario-deleted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, ENT_TYPE_SCENARIO);

  /* the list's row template looks up EntScenario:name */
  g_type_ensure (ENT_TYPE_SCENARIO);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/budgetent/BudgetEnt/ui/ent-scenarios-page.ui");
  /* looked up in init: its rows are named for screen readers */
  gtk_widget_class_bind_template_child_full (widget_class, "list_view", FALSE, 0);
  gtk_widget_class_bind_template_child (widget_class, EntScenariosPage, selection);
  gtk_widget_class_bind_template_child (widget_class, EntScenariosPage, delete_button);
  gtk_widget_class_bind_template_child (widget_class, EntScenariosPage, duplicate_button);
  gtk_widget_class_bind_template_child (widget_class, EntScenariosPage, editor);
  gtk_widget_class_bind_template_child (widget_class, EntScenariosPage, name_entry);
  gtk_widget_class_bind_template_child (widget_class, EntScenariosPage, name_error);
  gtk_widget_class_bind_template_child (widget_class, EntScenariosPage, optional_all_switch);
  gtk_widget_class_bind_template_child (widget_class, EntScenariosPage, years_view);
  gtk_widget_class_bind_template_child (widget_class, EntScenariosPage, year_column);
  gtk_widget_class_bind_template_child (widget_class, EntScenariosPage, optional_column);
  gtk_widget_class_bind_template_child (widget_class, EntScenariosPage, half_days_column);
  gtk_widget_class_bind_template_child (widget_class, EntScenariosPage, constant_check);
  gtk_widget_class_bind_template_child (widget_class, EntScenariosPage, rate_check);
  gtk_widget_class_bind_template_child (widget_class, EntScenariosPage, projection_spin);
  gtk_widget_class_bind_template_child (widget_class, EntScenariosPage, tariff_spin);
  gtk_widget_class_bind_template_callback (widget_class, selection_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_cb);
  gtk_widget_class_bind_template_callback (widget_class, duplicate_cb);
  gtk_widget_class_bind_template_callback (widget_class, delete_cb);
  gtk_widget_class_bind_template_callback (widget_class, rename_cb);
  gtk_widget_class_bind_template_callback (widget_class, optional_all_cb);
  gtk_widget_class_bind_template_callback (widget_class, projection_kind_cb);
  gtk_widget_class_bind_template_callback (widget_class, projection_rate_cb);
  gtk_widget_class_bind_template_callback (widget_class, tariff_increase_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
ent_scenarios_page_init (EntScenariosPage *self)
{
  g_autoptr(GtkListItemFactory) year_factory = NULL;
  g_autoptr(GtkListItemFactory) optional_factory = NULL;
  g_autoptr(GtkListItemFactory) half_days_factory = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  ent_accessible_hide_icons (GTK_WIDGET (self));
  {
    GtkWidget *list_view = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (self),
                                                                      ENT_TYPE_SCENARIOS_PAGE,
                                                                      "list_view"));

    ent_accessible_name_view_rows (list_view);
    ent_accessible_single_tab_stop (list_view);
  }
  ent_accessible_name_view_rows (GTK_WIDGET (self->years_view));
  ent_accessible_single_tab_stop (GTK_WIDGET (self->years_view));

  self->year_cells = g_hash_table_new (NULL, NULL);
  self->years = gtk_string_list_new (NULL);
  self->last_budget_year = -1;
  gtk_column_view_set_model (self->years_view,
                             GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->years)))));

  year_factory = create_year_factory (self, YEAR_CELL_LABEL);
  optional_factory = create_year_factory (self, YEAR_CELL_OPTIONAL);
  half_days_factory = create_year_factory (self, YEAR_CELL_HALF_DAYS);
  gtk_column_view_column_set_factory (self->year_column, year_factory);
  gtk_column_view_column_set_factory (self->optional_column, optional_factory);
  gtk_column_view_column_set_factory (self->half_days_column, half_days_factory);

  sync_editor (self);
  update_buttons (self);
}

/* public API */

GtkWidget *
ent_scenarios_page_new (void)
{
  return g_object_new (ENT_TYPE_SCENARIOS_PAGE, NULL);
}

EntDocument *
ent_scenarios_page_get_document (EntScenariosPage *self)
{
  g_return_val_if_fail (ENT_IS_SCENARIOS_PAGE (self), NULL);
  return self->document;
}

void
ent_scenarios_page_set_document (EntScenariosPage *self,
                                 EntDocument      *document)
{
  GListModel *scenarios = NULL;

  g_return_if_fail (ENT_IS_SCENARIOS_PAGE (self));
  g_return_if_fail (document == NULL || ENT_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  if (self->document != NULL)
    {
      g_clear_signal_handler (&self->document_changed_id, self->document);
      g_clear_signal_handler (&self->items_changed_id, ent_document_get_scenarios (self->document));
    }
  g_set_object (&self->document, document);

  if (document != NULL)
    {
      scenarios = ent_document_get_scenarios (document);
      self->document_changed_id = g_signal_connect (document, "changed",
                                                    G_CALLBACK (document_changed_cb), self);
      self->items_changed_id = g_signal_connect (scenarios, "items-changed",
                                                 G_CALLBACK (scenarios_items_changed_cb), self);
    }

  rebuild_years (self);

  /* selects the document's current scenario, which sets "scenario" */
  ent_scenarios_page_set_scenario (self, NULL);
  gtk_single_selection_set_model (self->selection, scenarios);
  if (scenarios != NULL && g_list_model_get_n_items (scenarios) > 0)
    {
      guint position = ent_document_get_current_scenario_index (document);
      g_autoptr(EntScenario) current = g_list_model_get_item (scenarios, position);

      gtk_single_selection_set_selected (self->selection, position);
      ent_scenarios_page_set_scenario (self, current);
    }

  update_buttons (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

EntScenario *
ent_scenarios_page_get_scenario (EntScenariosPage *self)
{
  g_return_val_if_fail (ENT_IS_SCENARIOS_PAGE (self), NULL);
  return self->scenario;
}

void
ent_scenarios_page_set_scenario (EntScenariosPage *self,
                                 EntScenario      *scenario)
{
  g_return_if_fail (ENT_IS_SCENARIOS_PAGE (self));
  g_return_if_fail (scenario == NULL || ENT_IS_SCENARIO (scenario));

  if (self->scenario == scenario)
    return;

  g_clear_pointer (&self->name_binding, g_binding_unbind);
  if (self->scenario != NULL)
    g_clear_signal_handler (&self->scenario_changed_id, self->scenario);

  g_set_object (&self->scenario, scenario);

  if (scenario != NULL)
    {
      self->scenario_changed_id = g_signal_connect (scenario, "changed",
                                                    G_CALLBACK (scenario_changed_cb), self);
      self->name_binding = g_object_bind_property_full (scenario, "name", self->name_entry, "text",
                                                        G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL,
                                                        NULL, ent_validate_name_transform, NULL, NULL);
      select_scenario (self);
    }
  else
    {
      gtk_editable_set_text (GTK_EDITABLE (self->name_entry), "");
    }

  sync_editor (self);
  update_buttons (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCENARIO]);
}
