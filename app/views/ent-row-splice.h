/* ent-row-splice.h: a read-only table's rows replaced with as few changes as possible
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The key that says two rows are the same row of the table (a budget year,
 * a line, a commune), and the copy of a new row's texts into a kept one. */
typedef const char *(*EntRowKeyFunc)    (gpointer row);
typedef void        (*EntRowAssignFunc) (gpointer row,
                                         gpointer from);

/* Replaces the items of @store by @rows, splicing only the range whose keys
 * differ: the rows kept at the start and at the end take the new texts
 * (@assign), so their bound cells follow without being rebuilt and a
 * selection stays where it was. */
void ent_row_splice (GListStore       *store,
                     GPtrArray        *rows,
                     EntRowKeyFunc     key,
                     EntRowAssignFunc  assign);

/* A cell's accessible name, kept to @label (an expression evaluated on
 * @list_item giving a string: the row, the column and the value, since GTK
 * 4.8 gives assistive technologies no table context), @cell's name from now
 * on. Takes @label. */
void ent_cell_watch_accessible_label (GtkListItem   *list_item,
                                      GtkWidget     *cell,
                                      GtkExpression *label);

/* Names the rows of @view (a GtkListView or a GtkColumnView) by the text of
 * their first label, and a column view's cells and inner list by what they
 * hold and by the view, after each frame: GTK 4.8 makes every row a focus
 * stop of its own and exposes rows, cells and list by their class names
 * ("GtkListItemWidget", "GtkColumnViewCell", "GtkColumnListView"). */
void ent_accessible_name_view_rows (GtkWidget *view);

/* The same for a column view whose rows its owner names (a row name more
 * telling than its first cell's text): the cells, the inner list and the
 * row of column titles only. */
void ent_accessible_name_view_cells (GtkWidget *view);

/* Makes @view (a list or a table) one Tab stop: Tab and Shift+Tab leave it
 * from any row or cell (GTK 4.8 stops Tab at every row, and at every field
 * of an editable table: 12 in the Budget page tables). Tab comes back to
 * the row last focused. Inside, the arrows move: from row to row in a
 * read-only table; in an editable one, Up and Down to the same column of
 * the row above or below (a spin button keeps them), Left and Right to the
 * cell beside, from a text when its cursor is at that edge. */
void ent_accessible_single_tab_stop (GtkWidget *view);

/* Moves the focus from inside @view to the control after it (@forward) or
 * before it: @view is left out of the focus chain while GTK looks for the
 * next stop from the focused row or cell, then put back. */
void ent_accessible_leave_view (GtkWidget *view,
                                gboolean   forward);

G_END_DECLS
