/* ent-pupils-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ent-pupils-page.h"

struct _EntPupilsPage
{
  GtkWidget    parent_instance;

  EntDocument *document;
  EntScenario *scenario;
  EntBudget   *budget;
};

G_DEFINE_FINAL_TYPE (EntPupilsPage, ent_pupils_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_SCENARIO,
  PROP_BUDGET,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ent_pupils_page_dispose (GObject *object)
{
  EntPupilsPage *self = ENT_PUPILS_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ENT_TYPE_PUPILS_PAGE);
  g_clear_object (&self->document);
  g_clear_object (&self->scenario);
  g_clear_pointer (&self->budget, ent_budget_unref);

  G_OBJECT_CLASS (ent_pupils_page_parent_class)->dispose (object);
}

static void
ent_pupils_page_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  EntPupilsPage *self = ENT_PUPILS_PAGE (object);

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
ent_pupils_page_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  EntPupilsPage *self = ENT_PUPILS_PAGE (object);

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
ent_pupils_page_class_init (EntPupilsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ent_pupils_page_dispose;
  object_class->get_property = ent_pupils_page_get_property;
  object_class->set_property = ent_pupils_page_set_property;

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
                                               "/io/github/budgetent/BudgetEnt/ui/ent-pupils-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
ent_pupils_page_init (EntPupilsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
ent_pupils_page_new (void)
{
  return g_object_new (ENT_TYPE_PUPILS_PAGE, NULL);
}

EntDocument *
ent_pupils_page_get_document (EntPupilsPage *self)
{
  g_return_val_if_fail (ENT_IS_PUPILS_PAGE (self), NULL);
  return self->document;
}

void
ent_pupils_page_set_document (EntPupilsPage   *self,
                          EntDocument *document)
{
  g_return_if_fail (ENT_IS_PUPILS_PAGE (self));
  g_object_set (self, "document", document, NULL);
}

EntScenario *
ent_pupils_page_get_scenario (EntPupilsPage *self)
{
  g_return_val_if_fail (ENT_IS_PUPILS_PAGE (self), NULL);
  return self->scenario;
}

void
ent_pupils_page_set_scenario (EntPupilsPage   *self,
                          EntScenario *scenario)
{
  g_return_if_fail (ENT_IS_PUPILS_PAGE (self));
  g_object_set (self, "scenario", scenario, NULL);
}

EntBudget *
ent_pupils_page_get_budget (EntPupilsPage *self)
{
  g_return_val_if_fail (ENT_IS_PUPILS_PAGE (self), NULL);
  return self->budget;
}

void
ent_pupils_page_set_budget (EntPupilsPage *self,
                        EntBudget *budget)
{
  g_return_if_fail (ENT_IS_PUPILS_PAGE (self));
  g_object_set (self, "budget", budget, NULL);
}
