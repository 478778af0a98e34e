/* ent-compare-row.c: one row of a Compare page table, as texts ready to show
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Compare page's tables are read-only: their first column is declared in
 * ui/ent-compare-page.ui as labels bound to these properties, the columns
 * that follow the scenarios or the pupil changes read "amounts" and
 * "differences". The page formats every text once (ent_money_format…) and
 * sets it here; a row kept across a recomputation or a change of reference
 * only notifies the texts that changed, so the bound labels follow without
 * the page tracking its widgets.
 *
 * "title-attributes" makes a total row's title bold: through Pango rather
 * than the "heading" style class, which adds a margin in this application,
 * and as a property since a builder template cannot set attributes on a
 * condition.
 */
#include "config.h"

#include <pango/pango.h>

#include "ent-compare-row.h"

struct _EntCompareRow
{
  GObject   parent_instance;

  char     *key;
  char     *title;
  GStrv     amounts;
  GStrv     differences;
  gboolean  is_total;
  int       bold_amount;
};

G_DEFINE_FINAL_TYPE (EntCompareRow, ent_compare_row, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_TITLE_ATTRIBUTES,
  PROP_AMOUNTS,
  PROP_DIFFERENCES,
  PROP_IS_TOTAL,
  PROP_BOLD_AMOUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* helpers */

/* Replaces *@texts by a copy of @values, TRUE when they differ. */
static gboolean
set_texts (GStrv             *texts,
           const char *const *values)
{
  if (values == NULL && *texts == NULL)
    return FALSE;
  if (values != NULL && *texts != NULL &&
      g_strv_equal ((const char *const *) *texts, values))
    return FALSE;
  g_strfreev (*texts);
  *texts = g_strdupv ((char **) values);
  return TRUE;
}

/* overrides */

static void
ent_compare_row_finalize (GObject *object)
{
  EntCompareRow *self = ENT_COMPARE_ROW (object);

  g_free (self->key);
  g_free (self->title);
  g_strfreev (self->amounts);
  g_strfreev (self->differences);

  G_OBJECT_CLASS (ent_compare_row_parent_class)->finalize (object);
}

static void
ent_compare_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  EntCompareRow *self = ENT_COMPARE_ROW (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title != NULL ? self->title : "");
      break;
    case PROP_TITLE_ATTRIBUTES:
      if (self->is_total)
        {
          PangoAttrList *attrs = pango_attr_list_new ();

          pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
          g_value_take_boxed (value, attrs);
        }
      else
        g_value_set_boxed (value, NULL);
      break;
    case PROP_AMOUNTS:
      g_value_set_boxed (value, self->amounts);
      break;
    case PROP_DIFFERENCES:
      g_value_set_boxed (value, self->differences);
      break;
    case PROP_IS_TOTAL:
      g_value_set_boolean (value, self->is_total);
      break;
    case PROP_BOLD_AMOUNT:
      g_value_set_int (value, self->bold_amount);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ent_compare_row_class_init (EntCompareRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ent_compare_row_finalize;
  object_class->get_property = ent_compare_row_get_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE_ATTRIBUTES] =
    g_param_spec_boxed ("title-attributes", NULL, NULL, PANGO_TYPE_ATTR_LIST,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_AMOUNTS] =
    g_param_spec_boxed ("amounts", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DIFFERENCES] =
    g_param_spec_boxed ("differences", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_IS_TOTAL] =
    g_param_spec_boolean ("is-total", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_BOLD_AMOUNT] =
    g_param_spec_int ("bold-amount", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ent_compare_row_init (EntCompareRow *self)
{
  self->bold_amount = -1;
}

/* public API */

EntCompareRow *
ent_compare_row_new (const char *key)
{
  EntCompareRow *self = g_object_new (ENT_TYPE_COMPARE_ROW, NULL);

  self->key = g_strdup (key);
  return self;
}

const char *
ent_compare_row_get_key (EntCompareRow *self)
{
  g_return_val_if_fail (ENT_IS_COMPARE_ROW (self), NULL);
  return self->key;
}

void
ent_compare_row_set_title (EntCompareRow *self,
                           const char    *title)
{
  g_return_if_fail (ENT_IS_COMPARE_ROW (self));

  if (g_strcmp0 (self->title != NULL ? self->title : "", title != NULL ? title : "") == 0)
    return;
  g_free (self->title);
  self->title = g_strdup (title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

void
ent_compare_row_set_amounts (EntCompareRow     *self,
                             const char *const *amounts)
{
  g_return_if_fail (ENT_IS_COMPARE_ROW (self));

  if (set_texts (&self->amounts, amounts))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AMOUNTS]);
}

void
ent_compare_row_set_differences (EntCompareRow     *self,
                                 const char *const *differences)
{
  g_return_if_fail (ENT_IS_COMPARE_ROW (self));

  if (set_texts (&self->differences, differences))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIFFERENCES]);
}

void
ent_compare_row_set_is_total (EntCompareRow *self,
                              gboolean       is_total)
{
  g_return_if_fail (ENT_IS_COMPARE_ROW (self));

  is_total = !!is_total;
  if (self->is_total == is_total)
    return;
  self->is_total = is_total;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IS_TOTAL]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE_ATTRIBUTES]);
}

void
ent_compare_row_set_bold_amount (EntCompareRow *self,
                                 int            index)
{
  g_return_if_fail (ENT_IS_COMPARE_ROW (self));

  index = MAX (index, -1);
  if (self->bold_amount == index)
    return;
  self->bold_amount = index;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BOLD_AMOUNT]);
}

void
ent_compare_row_assign (EntCompareRow *self,
                        EntCompareRow *other)
{
  g_return_if_fail (ENT_IS_COMPARE_ROW (self));
  g_return_if_fail (ENT_IS_COMPARE_ROW (other));

  g_object_freeze_notify (G_OBJECT (self));
  ent_compare_row_set_title (self, other->title);
  ent_compare_row_set_amounts (self, (const char *const *) other->amounts);
  ent_compare_row_set_differences (self, (const char *const *) other->differences);
  ent_compare_row_set_is_total (self, other->is_total);
  ent_compare_row_set_bold_amount (self, other->bold_amount);
  g_object_thaw_notify (G_OBJECT (self));
}
