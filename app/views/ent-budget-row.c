/* ent-budget-row.c: one row of a Budget page table, as texts ready to show
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Budget page's tables are read-only: their cells are declared in
 * ui/ent-budget-page.ui as labels bound to these properties. The page formats
 * every text once (ent_money_format…) and sets it here; a row kept across a
 * recomputation only notifies the texts that changed, so the bound labels
 * follow without the page tracking its widgets.
 *
 * "text-classes" and "numeric-classes" are the CSS classes of a text and of a
 * numeric cell (right-aligned figures: "numeric"), with "heading" on a total
 * row, since a builder template cannot add a class on a condition.
 */
#include "config.h"

#include "ent-budget-row.h"

struct _EntBudgetRow
{
  GObject   parent_instance;

  char     *key;
  char     *texts[ENT_BUDGET_ROW_N_TEXTS];
  GStrv     year_texts;
  gboolean  is_total;
};

G_DEFINE_FINAL_TYPE (EntBudgetRow, ent_budget_row, G_TYPE_OBJECT)

enum {
  PROP_0,
  /* PROP_0 + 1 + EntBudgetRowText */
  PROP_YEAR_TEXTS = 1 + ENT_BUDGET_ROW_N_TEXTS,
  PROP_IS_TOTAL,
  PROP_TEXT_CLASSES,
  PROP_NUMERIC_CLASSES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *const text_names[ENT_BUDGET_ROW_N_TEXTS] = {
  "year", "chapter", "nature", "function", "label", "amount", "pupils",
  "credits", "cost", "cumulated", "remaining", "vintage", "name", "total",
};

/* overrides */

static void
ent_budget_row_finalize (GObject *object)
{
  EntBudgetRow *self = ENT_BUDGET_ROW (object);

  g_free (self->key);
  for (guint i = 0; i < ENT_BUDGET_ROW_N_TEXTS; i++)
    g_free (self->texts[i]);
  g_strfreev (self->year_texts);

  G_OBJECT_CLASS (ent_budget_row_parent_class)->finalize (object);
}

static void
ent_budget_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  EntBudgetRow *self = ENT_BUDGET_ROW (object);
  static const char *const text_classes[] = { NULL };
  static const char *const text_total_classes[] = { "heading", NULL };
  static const char *const numeric_classes[] = { "numeric", NULL };
  static const char *const numeric_total_classes[] = { "numeric", "heading", NULL };

  if (prop_id >= 1 && prop_id <= ENT_BUDGET_ROW_N_TEXTS)
    {
      g_value_set_string (value, ent_budget_row_get_text (self, prop_id - 1));
      return;
    }

  switch (prop_id)
    {
    case PROP_YEAR_TEXTS:
      g_value_set_boxed (value, self->year_texts);
      break;
    case PROP_IS_TOTAL:
      g_value_set_boolean (value, self->is_total);
      break;
    case PROP_TEXT_CLASSES:
      g_value_set_boxed (value, self->is_total ? text_total_classes : text_classes);
      break;
    case PROP_NUMERIC_CLASSES:
      g_value_set_boxed (value, self->is_total ? numeric_total_classes : numeric_classes);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ent_budget_row_class_init (EntBudgetRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ent_budget_row_finalize;
  object_class->get_property = ent_budget_row_get_property;

  for (guint i = 0; i < ENT_BUDGET_ROW_N_TEXTS; i++)
    properties[1 + i] = g_param_spec_string (text_names[i], NULL, NULL, "",
                                             G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_YEAR_TEXTS] =
    g_param_spec_boxed ("year-texts", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_IS_TOTAL] =
    g_param_spec_boolean ("is-total", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEXT_CLASSES] =
    g_param_spec_boxed ("text-classes", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NUMERIC_CLASSES] =
    g_param_spec_boxed ("numeric-classes", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ent_budget_row_init (EntBudgetRow *self)
{
}

/* public API */

EntBudgetRow *
ent_budget_row_new (const char *key)
{
  EntBudgetRow *self = g_object_new (ENT_TYPE_BUDGET_ROW, NULL);

  self->key = g_strdup (key);
  return self;
}

const char *
ent_budget_row_get_key (EntBudgetRow *self)
{
  g_return_val_if_fail (ENT_IS_BUDGET_ROW (self), NULL);
  return self->key;
}

const char *
ent_budget_row_get_text (EntBudgetRow     *self,
                         EntBudgetRowText  text)
{
  g_return_val_if_fail (ENT_IS_BUDGET_ROW (self), NULL);
  g_return_val_if_fail (text < ENT_BUDGET_ROW_N_TEXTS, NULL);

  return self->texts[text] != NULL ? self->texts[text] : "";
}

const char *
ent_budget_row_text_property (EntBudgetRowText text)
{
  g_return_val_if_fail (text < ENT_BUDGET_ROW_N_TEXTS, NULL);
  return text_names[text];
}

const char *
ent_budget_row_get_year_text (EntBudgetRow *self,
                              guint         index)
{
  g_return_val_if_fail (ENT_IS_BUDGET_ROW (self), NULL);

  if (self->year_texts == NULL || index >= g_strv_length (self->year_texts))
    return "";
  return self->year_texts[index];
}

void
ent_budget_row_set_text (EntBudgetRow     *self,
                         EntBudgetRowText  text,
                         const char       *value)
{
  g_return_if_fail (ENT_IS_BUDGET_ROW (self));
  g_return_if_fail (text < ENT_BUDGET_ROW_N_TEXTS);

  if (g_strcmp0 (ent_budget_row_get_text (self, text), value != NULL ? value : "") == 0)
    return;
  g_free (self->texts[text]);
  self->texts[text] = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[1 + text]);
}

void
ent_budget_row_set_year_texts (EntBudgetRow      *self,
                               const char *const *values)
{
  g_return_if_fail (ENT_IS_BUDGET_ROW (self));

  if (values == NULL && self->year_texts == NULL)
    return;
  if (values != NULL && self->year_texts != NULL &&
      g_strv_equal ((const char * const *) self->year_texts, values))
    return;
  g_strfreev (self->year_texts);
  self->year_texts = g_strdupv ((char **) values);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR_TEXTS]);
}

void
ent_budget_row_set_is_total (EntBudgetRow *self,
                             gboolean      is_total)
{
  g_return_if_fail (ENT_IS_BUDGET_ROW (self));

  is_total = !!is_total;
  if (self->is_total == is_total)
    return;
  self->is_total = is_total;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IS_TOTAL]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT_CLASSES]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NUMERIC_CLASSES]);
}

void
ent_budget_row_assign (EntBudgetRow *self,
                       EntBudgetRow *other)
{
  g_return_if_fail (ENT_IS_BUDGET_ROW (self));
  g_return_if_fail (ENT_IS_BUDGET_ROW (other));

  g_object_freeze_notify (G_OBJECT (self));
  for (guint i = 0; i < ENT_BUDGET_ROW_N_TEXTS; i++)
    ent_budget_row_set_text (self, i, other->texts[i]);
  ent_budget_row_set_year_texts (self, (const char *const *) other->year_texts);
  ent_budget_row_set_is_total (self, other->is_total);
  g_object_thaw_notify (G_OBJECT (self));
}
