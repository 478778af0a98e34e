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
