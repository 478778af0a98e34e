/* ent-scenarios-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ent-scenarios-page.h"

struct _EntScenariosPage
{
  GtkWidget    parent_instance;

  EntDocument *document;
  EntScenario *scenario;
  EntBudget   *budget;
};

G_DEFINE_FINAL_TYPE (EntScenariosPage, ent_scenarios_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_SCENARIO,
  PROP_BUDGET,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ent_scenarios_page_dispose (GObject *object)
{
  EntScenariosPage *self = ENT_SCENARIOS_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ENT_TYPE_SCENARIOS_PAGE);
  g_clear_object (&self->document);
  g_clear_object (&self->scenario);
  g_clear_pointer (&self->budget, ent_budget_unref);

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
    case PROP_BUDGET:
      g_value_set_boxed (value, self->budget);
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
      if (g_set_object (&self->document, g_value_get_object (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_SCENARIO:
      if (g_set_object (&self->scenario, g_value_get_object (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_BUDGET:
      if (self->budget != g_value_get_boxed (value))
        {
          g_clear_pointer (&self->budget, ent_budget_unref);
          self->budget = g_value_dup_boxed (value);
          g_object_notify_by_pspec (object, pspec);
        }
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
  properties[PROP_BUDGET] =
    g_param_spec_boxed ("budget", NULL, NULL, ENT_TYPE_BUDGET,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/budgetent/BudgetEnt/ui/ent-scenarios-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
ent_scenarios_page_init (EntScenariosPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

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
ent_scenarios_page_set_document (EntScenariosPage   *self,
                          EntDocument *document)
{
  g_return_if_fail (ENT_IS_SCENARIOS_PAGE (self));
  g_object_set (self, "document", document, NULL);
}

EntScenario *
ent_scenarios_page_get_scenario (EntScenariosPage *self)
{
  g_return_val_if_fail (ENT_IS_SCENARIOS_PAGE (self), NULL);
  return self->scenario;
}

void
ent_scenarios_page_set_scenario (EntScenariosPage   *self,
                          EntScenario *scenario)
{
  g_return_if_fail (ENT_IS_SCENARIOS_PAGE (self));
  g_object_set (self, "scenario", scenario, NULL);
}
