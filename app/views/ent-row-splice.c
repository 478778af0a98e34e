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

/* ------------------------------------------------------ one Tab stop a table */

void
ent_accessible_leave_view (GtkWidget *view,
                           gboolean   forward)
{
  GtkRoot *root = gtk_widget_get_root (view);
  GtkDirectionType direction = forward ? GTK_DIR_TAB_FORWARD : GTK_DIR_TAB_BACKWARD;

  if (root == NULL)
    return;
  gtk_widget_set_can_focus (view, FALSE);
  if (!gtk_widget_child_focus (GTK_WIDGET (root), direction))
    {
      /* past the window's last control: round again, as Tab does */
      gtk_root_set_focus (root, NULL);
      gtk_widget_child_focus (GTK_WIDGET (root), direction);
    }
  gtk_widget_set_can_focus (view, TRUE);
}

/* The cell of a column view holding @focus, and its row: a cell is a child
 * of a row, a child of the view's inner list. NULL when the focus is on a
 * row itself (a read-only table). */
static GtkWidget *
find_focus_cell (GtkWidget  *view,
                 GtkWidget  *focus,
                 GtkWidget **out_row)
{
  for (GtkWidget *widget = focus; widget != NULL && widget != view; widget = gtk_widget_get_parent (widget))
    {
      GtkWidget *row = gtk_widget_get_parent (widget);
      GtkWidget *list = row != NULL ? gtk_widget_get_parent (row) : NULL;

      if (list != NULL && GTK_IS_LIST_VIEW (list) && gtk_widget_get_parent (list) == view)
        {
          *out_row = row;
          return widget;
        }
    }
  return NULL;
}

static guint
child_index (GtkWidget *child)
{
  guint index = 0;

  for (GtkWidget *w = gtk_widget_get_prev_sibling (child); w != NULL; w = gtk_widget_get_prev_sibling (w))
    index++;
  return index;
}

static GtkWidget *
nth_child (GtkWidget *parent,
           guint      index)
{
  GtkWidget *child = gtk_widget_get_first_child (parent);

  while (child != NULL && index-- > 0)
    child = gtk_widget_get_next_sibling (child);
  return child;
}

/* Focuses what @cell holds, if it holds something focusable. */
static gboolean
focus_cell (GtkWidget *cell)
{
  return cell != NULL && gtk_widget_get_visible (cell) &&
         gtk_widget_child_focus (cell, GTK_DIR_TAB_FORWARD);
}

/* Left or Right in a text: the cursor moves, unless it is at the edge it
 * moves towards (nothing selected), where the focus goes to the next cell */
static gboolean
text_keeps_key (GtkWidget *focus,
                gboolean   forward)
{
  GtkEditable *editable;
  int start, end;

  if (!GTK_IS_EDITABLE (focus))
    return FALSE;
  editable = GTK_EDITABLE (focus);
  if (gtk_editable_get_selection_bounds (editable, &start, &end))
    return TRUE;
  if (forward)
    return gtk_editable_get_position (editable) < (int) g_utf8_strlen (gtk_editable_get_text (editable), -1);
  return gtk_editable_get_position (editable) > 0;
}

/* The arrows in an editable table: Up and Down to the same column of the
 * row above or below (a spin button keeps them: they change its value),
 * Left and Right to the cell beside (from a text, at its edge). */
static gboolean
move_in_table (GtkWidget *view,
               guint      keyval)
{
  GtkRoot *root = gtk_widget_get_root (view);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *row = NULL;
  GtkWidget *cell = focus != NULL ? find_focus_cell (view, focus, &row) : NULL;
  gboolean forward = keyval == GDK_KEY_Down || keyval == GDK_KEY_Right;

  if (cell == NULL)
    return FALSE;     /* a row of a read-only table: the list moves */

  if (keyval == GDK_KEY_Up || keyval == GDK_KEY_Down)
    {
      guint column = child_index (cell);

      if (gtk_widget_get_ancestor (focus, GTK_TYPE_SPIN_BUTTON) != NULL)
        return FALSE;
      for (GtkWidget *next = forward ? gtk_widget_get_next_sibling (row) : gtk_widget_get_prev_sibling (row);
           next != NULL;
           next = forward ? gtk_widget_get_next_sibling (next) : gtk_widget_get_prev_sibling (next))
        if (focus_cell (nth_child (next, column)))
          return TRUE;
      return TRUE;    /* the first or last row: stay */
    }

  if (text_keeps_key (focus, forward))
    return FALSE;
  for (GtkWidget *next = forward ? gtk_widget_get_next_sibling (cell) : gtk_widget_get_prev_sibling (cell);
       next != NULL;
       next = forward ? gtk_widget_get_next_sibling (next) : gtk_widget_get_prev_sibling (next))
    if (focus_cell (next))
      return TRUE;
  return TRUE;        /* the first or last cell: stay */
}

static gboolean
single_stop_key_cb (GtkEventControllerKey *controller,
                    guint                  keyval,
                    guint                  keycode,
                    GdkModifierType        state,
                    gpointer               user_data)
{
  GtkWidget *view = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_Tab:
    case GDK_KEY_KP_Tab:
    case GDK_KEY_ISO_Left_Tab:
      ent_accessible_leave_view (view, keyval != GDK_KEY_ISO_Left_Tab && (state & GDK_SHIFT_MASK) == 0);
      return TRUE;
    case GDK_KEY_Up:
    case GDK_KEY_Down:
    case GDK_KEY_Left:
    case GDK_KEY_Right:
      if ((state & GDK_SHIFT_MASK) != 0 || !GTK_IS_COLUMN_VIEW (view))
        return FALSE;
      return move_in_table (view, keyval);
    default:
      return FALSE;
    }
}

void
ent_accessible_single_tab_stop (GtkWidget *view)
{
  GtkEventController *keys;

  g_return_if_fail (GTK_IS_LIST_VIEW (view) || GTK_IS_COLUMN_VIEW (view));

  keys = gtk_event_controller_key_new ();
  /* before the rows, which would move to the next row */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (single_stop_key_cb), NULL);
  gtk_widget_add_controller (view, keys);
}
