/* test-help.c: F1 opens the user help (help/, installed as help:ent-budget)
 *
 * The action is the application's: the test builds EntApplication itself,
 * under a test id and non-unique, and checks the action, its accelerator,
 * the primary menu's item and the shortcuts window's lines (F1, and the keys
 * of the pupils table, documented in help/C/pupils-table.page). Opening the help
 * is not tried: it would start a help browser.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>
#include <gtk/gtk.h>

#include "ent-application.h"
#include "ent-window.h"
#include "ent-test-gtk-utils.h"

static gboolean
is_menu_button (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_MENU_BUTTON (widget);
}

static gboolean
is_f1_shortcut (GtkWidget     *widget,
                gconstpointer  data)
{
  g_autofree char *accelerator = NULL;

  if (!GTK_IS_SHORTCUTS_SHORTCUT (widget))
    return FALSE;
  g_object_get (widget, "accelerator", &accelerator, NULL);
  return g_strcmp0 (accelerator, "F1") == 0;
}

/* The pupils table's keys (ent-pupils-page-keys.c) are listed too: DATA is
 * an accelerator the line must show, such as "<Shift>Up". */
static gboolean
has_accelerator (GtkWidget     *widget,
                 gconstpointer  data)
{
  g_autofree char *accelerator = NULL;
  g_auto(GStrv) accelerators = NULL;

  if (!GTK_IS_SHORTCUTS_SHORTCUT (widget))
    return FALSE;
  g_object_get (widget, "accelerator", &accelerator, NULL);
  if (accelerator == NULL)
    return FALSE;
  accelerators = g_strsplit (accelerator, " ", -1);
  return g_strv_contains ((const char * const *) accelerators, data);
}

/* The same, on screen (the window's search results hold copies). */
static gboolean
shows_accelerator (GtkWidget     *widget,
                   gconstpointer  data)
{
  return has_accelerator (widget, data) && gtk_widget_get_mapped (widget);
}

/* Whether MODEL or one of its sections and submenus has an item for ACTION. */
static gboolean
menu_has_action (GMenuModel *model,
                 const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *item_action = NULL;
      g_autoptr(GMenuModel) section = NULL;
      g_autoptr(GMenuModel) submenu = NULL;

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &item_action)
          && g_strcmp0 (item_action, action) == 0)
        return TRUE;
      section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);
      if (section != NULL && menu_has_action (section, action))
        return TRUE;
      submenu = g_menu_model_get_item_link (model, i, G_MENU_LINK_SUBMENU);
      if (submenu != NULL && menu_has_action (submenu, action))
        return TRUE;
    }
  return FALSE;
}

static GtkWindow *
find_shortcuts_window (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_SHORTCUTS_WINDOW (window))
        return window;
    }
  return NULL;
}

static void
test_help_action (void)
{
  g_autoptr(EntApplication) app = ent_application_new ();
  g_autoptr(EntDocument) document = ent_document_new_example ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) accels = NULL;
  GtkMenuButton *menu_button;
  const char *table_keys[] = { "<Shift>Up", "<Shift>Down", "<Shift>Left", "<Shift>Right",
                                "<Control>c", "<Control>v", "Escape", "Delete" };
  GtkWindow *shortcuts;
  EntWindow *window;
  GAction *action;

  /* Never handed to a running Budget ENT through the session bus */
  g_application_set_application_id (G_APPLICATION (app), "io.github.budgetent.BudgetEnt.Tests.Help");
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  action = g_action_map_lookup_action (G_ACTION_MAP (app), "help");
  g_assert_nonnull (action);
  g_assert_true (g_action_get_enabled (action));
  g_assert_null (g_action_get_parameter_type (action));
  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.help");
  g_assert_cmpstrv (accels, ((const char *[]) { "F1", NULL }));

  window = ent_test_present (ent_window_new (GTK_APPLICATION (app), document));

  /* The primary menu offers it... */
  menu_button = GTK_MENU_BUTTON (ent_test_find_widget (GTK_WIDGET (window), is_menu_button, NULL));
  g_assert_nonnull (menu_button);
  g_assert_true (menu_has_action (gtk_menu_button_get_menu_model (menu_button), "app.help"));

  /* ...and the shortcuts window lists F1. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  shortcuts = find_shortcuts_window ();
  g_assert_nonnull (shortcuts);
  g_assert_nonnull (ent_test_find_widget (GTK_WIDGET (shortcuts), is_f1_shortcut, NULL));

  /* ...and the keys of the pupils table, the block selection and the copy
   * and paste with a spreadsheet included. */
  for (guint i = 0; i < G_N_ELEMENTS (table_keys); i++)
    {
      if (ent_test_find_widget (GTK_WIDGET (shortcuts), has_accelerator, table_keys[i]) == NULL)
        g_error ("the shortcuts window does not list %s", table_keys[i]);
    }

  /* They are a section of their own, which shows on its own page (so that
   * the first section stays on one page, without its page switcher) */
  while (!gtk_widget_get_mapped (GTK_WIDGET (shortcuts)))
    g_main_context_iteration (NULL, TRUE);
  /* Each section fits an 800-pixel screen (less a margin for the window's
   * borders): French and English lines, side by side, once made it 1 191
   * pixels wide (run in both languages: meson.build) */
  for (guint i = 0; i < 2; i++)
    {
      int minimum = 0, natural = 0;

      g_object_set (shortcuts, "section-name", i == 0 ? "shortcuts" : "pupils", NULL);
      ent_test_settle (GTK_WIDGET (shortcuts));
      gtk_widget_measure (GTK_WIDGET (shortcuts), GTK_ORIENTATION_HORIZONTAL, -1,
                          &minimum, &natural, NULL, NULL);
      g_test_message ("shortcuts window, section %u: %d pixels wide (natural), shown %d",
                      i, natural, gtk_widget_get_width (GTK_WIDGET (shortcuts)));
      g_assert_cmpint (natural, <=, 760);
      g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (shortcuts)), <=, 760);
    }
  g_object_set (shortcuts, "section-name", "pupils", NULL);
  ent_test_settle (GTK_WIDGET (shortcuts));
  g_assert_nonnull (ent_test_find_widget (GTK_WIDGET (shortcuts), shows_accelerator, "<Shift>Up"));
  g_assert_null (ent_test_find_widget (GTK_WIDGET (shortcuts), shows_accelerator, "F1"));
  ent_test_save_png (GTK_WIDGET (shortcuts), "shortcuts-pupils.png");
  gtk_widget_set_visible (GTK_WIDGET (shortcuts), FALSE);

  ent_test_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  if (!ent_test_gtk_init (&argc, &argv))
    return 0;

  g_test_add_func ("/gui/help/action", test_help_action);

  return g_test_run ();
}
