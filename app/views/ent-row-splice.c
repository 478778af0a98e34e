/* ent-row-splice.c: a read-only table's rows replaced with as few changes as possible
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ent-row-splice.h"

#include <glib/gi18n.h>

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
  /* a blank cell says nothing (it would be read by its class name) */
  gtk_accessible_update_state (GTK_ACCESSIBLE (name->cell), GTK_ACCESSIBLE_STATE_HIDDEN,
                               text == NULL || *text == '\0', -1);
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

/* ------------------------------------------------- rows for screen readers */

static const char *
first_text (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *text = NULL;

      if (!gtk_widget_get_visible (child))
        continue;
      if (GTK_IS_LABEL (child))
        text = gtk_label_get_text (GTK_LABEL (child));
      else if (GTK_IS_EDITABLE (child) && !GTK_IS_SPIN_BUTTON (child))
        text = gtk_editable_get_text (GTK_EDITABLE (child));
      else
        text = first_text (child);
      if (text != NULL && *text != '\0')
        return text;
    }
  return NULL;
}

/* The rows are the list view's children (a column view's list is its child
 * that is a GtkListView); only the rows whose text changed are told. */
static void
name_rows (GtkWidget *view)
{
  GtkWidget *list = view;

  gboolean rows_named_by_owner = g_object_get_data (G_OBJECT (view), "ent-rows-named-by-owner") != NULL;

  if (GTK_IS_COLUMN_VIEW (view))
    for (list = gtk_widget_get_first_child (view);
         list != NULL && !GTK_IS_LIST_VIEW (list);
         list = gtk_widget_get_next_sibling (list))
      /* the row of column titles, a "GtkListItemWidget" too */
      if (g_object_get_data (G_OBJECT (list), "ent-header-named") == NULL)
        {
          gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          /* Translators: accessible name of a table's row of column titles */
                                          _("Column titles"), -1);
          g_object_set_data (G_OBJECT (list), "ent-header-named", list);
        }
  if (list == NULL)
    return;
  /* a column view's inner list is named by the view (its accessible label) */
  if (list != view && g_object_get_data (G_OBJECT (list), "ent-list-labelled") == NULL)
    {
      gtk_accessible_update_relation (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                      view, NULL, -1);
      g_object_set_data (G_OBJECT (list), "ent-list-labelled", view);
    }

  for (GtkWidget *row = gtk_widget_get_first_child (list);
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      const char *text = first_text (row);
      const char *named = g_object_get_data (G_OBJECT (row), "ent-row-name");

      /* a column view's cells, exposed as "GtkColumnViewCell": each is
       * labelled by what it holds (whose own name says the row and column) */
      if (list != view)
        for (GtkWidget *cell = gtk_widget_get_first_child (row);
             cell != NULL;
             cell = gtk_widget_get_next_sibling (cell))
          {
            GtkWidget *content = gtk_widget_get_first_child (cell);
            /* an empty cell (a blank in a total row) says nothing: hidden
             * from assistive technologies rather than read by its class */
            gboolean empty = content == NULL || !gtk_widget_get_visible (content) ||
                             (GTK_IS_LABEL (content) && *gtk_label_get_text (GTK_LABEL (content)) == '\0') ||
                             (GTK_IS_EDITABLE (content) && !gtk_widget_get_focusable (content) &&
                              *gtk_editable_get_text (GTK_EDITABLE (content)) == '\0');

            gtk_accessible_update_state (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_STATE_HIDDEN, empty, -1);
            if (empty || g_object_get_data (G_OBJECT (cell), "ent-cell-labelled") == content)
              continue;
            gtk_accessible_update_relation (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                            content, NULL, -1);
            g_object_set_data (G_OBJECT (cell), "ent-cell-labelled", content);
          }

      if (rows_named_by_owner || text == NULL || g_strcmp0 (text, named) == 0)
        continue;
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
      g_object_set_data_full (G_OBJECT (row), "ent-row-name", g_strdup (text), g_free);
    }
}

static void
view_painted_cb (GdkFrameClock *clock,
                 GtkWidget     *view)
{
  name_rows (view);
}

static void
view_realize_cb (GtkWidget *view)
{
  g_signal_connect_object (gtk_widget_get_frame_clock (view), "after-paint",
                           G_CALLBACK (view_painted_cb), view, 0);
}

void
ent_accessible_name_view_rows (GtkWidget *view)
{
  g_return_if_fail (GTK_IS_LIST_VIEW (view) || GTK_IS_COLUMN_VIEW (view));

  g_signal_connect (view, "realize", G_CALLBACK (view_realize_cb), NULL);
  if (gtk_widget_get_realized (view))
    view_realize_cb (view);
}

void
ent_accessible_name_view_cells (GtkWidget *view)
{
  g_return_if_fail (GTK_IS_COLUMN_VIEW (view));

  g_object_set_data (G_OBJECT (view), "ent-rows-named-by-owner", view);
  ent_accessible_name_view_rows (view);
}
