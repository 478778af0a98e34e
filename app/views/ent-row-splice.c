/* ent-row-splice.c: a read-only table's rows replaced with as few changes as possible
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ent-row-splice.h"

void
ent_row_splice (GListStore       *store,
                GPtrArray        *rows,
                EntRowKeyFunc     key,
                EntRowAssignFunc  assign)
{
  GListModel *model = G_LIST_MODEL (store);
  guint n_old = g_list_model_get_n_items (model);
  guint n_new = rows->len;
  guint prefix = 0, suffix = 0;

  g_return_if_fail (G_IS_LIST_STORE (store));
  g_return_if_fail (key != NULL && assign != NULL);

  while (prefix < n_old && prefix < n_new)
    {
      g_autoptr(GObject) old = g_list_model_get_item (model, prefix);
      gpointer row = g_ptr_array_index (rows, prefix);

      if (!g_str_equal (key (old), key (row)))
        break;
      assign (old, row);
      prefix++;
    }
  while (suffix < n_old - prefix && suffix < n_new - prefix)
    {
      g_autoptr(GObject) old = g_list_model_get_item (model, n_old - 1 - suffix);
      gpointer row = g_ptr_array_index (rows, n_new - 1 - suffix);

      if (!g_str_equal (key (old), key (row)))
        break;
      assign (old, row);
      suffix++;
    }

  if (prefix == n_old && prefix == n_new)
    return;

  g_list_store_splice (store, prefix, n_old - prefix - suffix,
                       rows->pdata + prefix, n_new - prefix - suffix);
}

typedef struct
{
  GtkExpressionWatch *watch;
  GtkWidget          *cell;   /* unowned: the watch ends with it */
} CellName;

static void
cell_name_update (gpointer data)
{
  CellName *name = data;
  g_auto(GValue) value = G_VALUE_INIT;
  const char *text = NULL;

  /* FALSE once the list item is gone */
  if (name->watch != NULL && gtk_expression_watch_evaluate (name->watch, &value))
    text = g_value_get_string (&value);
  if (text != NULL && *text != '\0')
    gtk_accessible_update_property (GTK_ACCESSIBLE (name->cell), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (name->cell), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

/* The watch stops when the list item goes (GTK unwatches it then) or when the
 * cell goes, whichever comes first: the cell keeps a reference of its own. */
static void
cell_name_unwatch (gpointer data)
{
  GtkExpressionWatch *watch = data;

  gtk_expression_watch_unwatch (watch);
  gtk_expression_watch_unref (watch);
}

void
ent_cell_watch_accessible_label (GtkListItem   *list_item,
                                 GtkWidget     *cell,
                                 GtkExpression *label)
{
  CellName *name = g_new0 (CellName, 1);

  name->cell = cell;
  name->watch = gtk_expression_watch (label, list_item, cell_name_update, name, g_free);
  g_object_set_data_full (G_OBJECT (cell), "ent-cell-accessible-label",
                          gtk_expression_watch_ref (name->watch), cell_name_unwatch);
  gtk_expression_unref (label);
  cell_name_update (name);
}
