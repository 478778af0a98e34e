/* test-execution.c: following the contract on the Budget page (SPEC 13),
 * in the real window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * On the Hem example ("Base seule" plans 1 209 × 1,30 = 1 571,70 € in
 * 2025): the credits voted typed into the page show the DM needed
 * (1 571,70 − 1 451,70 = 120,00), the payments what is left to pay
 * (1 451,70 − 600,00 = 851,70); each entry is one step that win.undo
 * (Ctrl+Z) undoes, the entry showing the document's value again; a refused
 * amount says why and leaves the document alone.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <gtk/gtk.h>

#include "ent-money.h"
#include "ent-window-private.h"

#include "ent-test-gtk-utils.h"

typedef struct
{
  int      year;
  gboolean paid;
} EntryQuery;

static gboolean
match_entry (GtkWidget     *widget,
             gconstpointer  data)
{
  const EntryQuery *query = data;

  return GTK_IS_ENTRY (widget)
         && GPOINTER_TO_INT (g_object_get_data (G_OBJECT (widget), "ent-execution-year")) == query->year
         && GPOINTER_TO_INT (g_object_get_data (G_OBJECT (widget), "ent-execution-paid")) == query->paid;
}

static GtkEditable *
find_entry (EntWindow *window,
            int        year,
            gboolean   paid)
{
  EntryQuery query = { year, paid };
  GtkWidget *entry = ent_test_find_widget (window->budget_page, match_entry, &query);

  g_assert_nonnull (entry);
  return GTK_EDITABLE (entry);
}

/* The label of column @column in the row of @entry (the execution grid). */
static const char *
cell_text (GtkEditable *entry,
           int          column)
{
  GtkWidget *grid = gtk_widget_get_parent (GTK_WIDGET (entry));
  int row;

  gtk_grid_query_child (GTK_GRID (grid), GTK_WIDGET (entry), NULL, &row, NULL, NULL);
  return gtk_label_get_text (GTK_LABEL (gtk_grid_get_child_at (GTK_GRID (grid), column, row)));
}

#define COLUMN_LEFT    4
#define COLUMN_MESSAGE 6

static void
type (GtkWidget   *window,
      GtkEditable *entry,
      const char  *text)
{
  gtk_widget_grab_focus (GTK_WIDGET (entry));
  gtk_editable_set_text (entry, text);
  ent_test_settle (window);
}

static void
test_enter_and_undo (void)
{
  g_autoptr(EntDocument) document = ent_document_new_example ();
  EntWindow *window = ent_test_present (ent_window_new (NULL, document));
  EntExecution *execution = ent_document_get_execution (document);
  EntWorkspace *workspace = ent_window_get_workspace (window);
  GtkEditable *voted, *paid;
  g_autofree char *dm = ent_money_format_signed (12000);
  g_autofree char *dm_message = g_strdup_printf (_("a DM of %s is needed"), dm);
  g_autofree char *left_voted = ent_money_format (145170);
  g_autofree char *left_paid = ent_money_format (85170);
  GtkWidget *reason;
  GtkWidget *expander;
  gint64 cents = 0;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "budget"));
  ent_test_settle (GTK_WIDGET (window));
  /* nothing entered yet: the section is closed; the user opens it */
  expander = ent_test_find_by_id (window->budget_page, "execution_expander");
  g_assert_false (gtk_expander_get_expanded (GTK_EXPANDER (expander)));
  gtk_expander_set_expanded (GTK_EXPANDER (expander), TRUE);
  ent_test_settle (GTK_WIDGET (window));
  voted = find_entry (window, 2025, FALSE);
  paid = find_entry (window, 2025, TRUE);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (voted)));
  g_assert_cmpstr (gtk_editable_get_text (voted), ==, "");
  g_assert_cmpstr (cell_text (voted, COLUMN_MESSAGE), ==, _("credits voted not entered"));

  type (GTK_WIDGET (window), voted, "1451,70");
  g_assert_true (ent_execution_get_voted (execution, 2025, &cents));
  g_assert_cmpint (cents, ==, 145170);
  g_assert_cmpstr (cell_text (voted, COLUMN_MESSAGE), ==, dm_message);
  g_assert_cmpstr (cell_text (voted, COLUMN_LEFT), ==, left_voted);

  type (GTK_WIDGET (window), paid, "600");
  g_assert_true (ent_execution_get_paid (execution, 2025, &cents));
  g_assert_cmpint (cents, ==, 60000);
  g_assert_cmpstr (cell_text (paid, COLUMN_LEFT), ==, left_paid);
  ent_test_save_png (GTK_WIDGET (window), "execution-budget-page.png");

  /* Ctrl+Z is win.undo (test-window checks the accelerators): the payment
   * goes, then the vote */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  ent_test_settle (GTK_WIDGET (window));
  g_assert_false (ent_execution_get_paid (execution, 2025, NULL));
  g_assert_cmpstr (gtk_editable_get_text (paid), ==, "");
  g_assert_cmpstr (cell_text (paid, COLUMN_LEFT), ==, left_voted);
  g_assert_cmpstr (cell_text (voted, COLUMN_MESSAGE), ==, dm_message);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  ent_test_settle (GTK_WIDGET (window));
  g_assert_false (ent_execution_get_voted (execution, 2025, NULL));
  g_assert_cmpstr (gtk_editable_get_text (voted), ==, "");
  g_assert_cmpstr (cell_text (voted, COLUMN_MESSAGE), ==, _("credits voted not entered"));
  g_assert_false (ent_workspace_get_can_undo (workspace));

  /* a refused amount: the reason shown, the entry invalid, nothing changed */
  type (GTK_WIDGET (window), paid, "-5");
  g_assert_false (ent_execution_get_paid (execution, 2025, NULL));
  g_assert_false (ent_workspace_get_can_undo (workspace));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (paid), "error"));
  reason = ent_test_find_by_id (window->budget_page, "execution_error");
  g_assert_true (gtk_widget_get_visible (reason));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (reason)), ==, _("An amount cannot be negative"));
  type (GTK_WIDGET (window), paid, "");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (paid), "error"));
  g_assert_false (gtk_widget_get_visible (reason));

  ent_test_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  if (!ent_test_gtk_init (&argc, &argv))
    return 0;

  g_test_add_func ("/execution/enter-and-undo", test_enter_and_undo);

  return g_test_run ();
}
