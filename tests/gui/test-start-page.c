/* test-start-page.c: finding one's way at first start (issue 13)
 *
 * The application's first window, with nothing given, remembered or
 * recovered, shows the start page, and a window given a document does not;
 * each of the start page's buttons does its job; the bundled example is
 * shown as one (tied to no file, "Example", a banner whose New Document
 * works), also when it is opened from a file; the About window is an
 * AdwAboutWindow; the unsaved-changes question is an AdwMessageDialog whose
 * answers do what they did.
 *
 * The test builds EntApplication itself (as test-help does), under a test
 * id and non-unique.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <adwaita.h>

#include "ent-application.h"
#include "ent-start-page.h"
#include "ent-window-private.h"

#include "ent-test-gtk-utils.h"
#include "ent-test-utils.h"

/* ------------------------------------------------------------------ helpers */

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

/* A window over the example with the start page, as the application makes
 * it at first start. */
static EntWindow *
show_start_window (int width,
                   int height)
{
  g_autoptr(EntDocument) example = ent_document_new_example ();
  EntWindow *window = ent_window_new (NULL, example);

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  ent_window_show_start_page (window);
  return ent_test_present (window);
}

static GtkWidget *
start_button (EntWindow  *window,
              const char *name)
{
  return ent_test_template_child (window->start_page, ENT_TYPE_START_PAGE, name);
}

static gboolean
header_child_visible (EntWindow  *window,
                      const char *name)
{
  return gtk_widget_get_visible (ent_test_template_child (window, ENT_TYPE_WINDOW, name));
}

static void
assert_document_shown (EntWindow *window)
{
  g_assert_false (ent_window_get_start_page_shown (window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->content_stack), ==, "document");
  g_assert_true (header_child_visible (window, "save_button"));
  g_assert_true (header_child_visible (window, "export_button"));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window->stack)));
}

static gboolean
has_label (GtkWidget     *widget,
           gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), data) == 0;
}

/* The example's text with a line of the user's: a document of their own. */
static GFile *
write_own_document (const char *dir)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (ENT_EXAMPLE_RESOURCE, 0, NULL);
  g_autofree char *text = g_strconcat ("# Lys-lez-Lannoy\n", (const char *) g_bytes_get_data (bytes, NULL), NULL);
  g_autofree char *path = g_build_filename (dir, "mine.entbudget", NULL);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return g_file_new_for_path (path);
}

static char *
read_path (const char *path)
{
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return contents;
}

/* The example's marks: no file, "Example" under the title, the banner. */
static void
assert_example (EntWindow *window)
{
  assert_document_shown (window);
  g_assert_true (window->is_example);
  g_assert_null (ent_document_get_file (ent_window_get_document (window)));
  g_assert_cmpstr (gtk_label_get_text (window->subtitle_label), ==, "Example");
  g_assert_true (gtk_revealer_get_reveal_child (window->example_revealer));
  g_assert_cmpstr (ent_document_get_payer (ent_window_get_document (window)), ==, "Ville de Hem");
}

/* ------------------------------------------------------------------- tests */

/* The application: its first window, nothing given nor remembered (the
 * tests' settings are in memory), shows the start page; a file given opens
 * in a window of its own, without it. */
static void
test_first_start (void)
{
  g_autoptr(EntApplication) app = ent_application_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ent-start-XXXXXX", NULL);
  g_autoptr(GFile) mine = write_own_document (dir);
  EntWindow *first;
  EntWindow *given = NULL;
  GFile *files[1];

  g_application_set_application_id (G_APPLICATION (app), "io.github.budgetent.BudgetEnt.Tests.Start");
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  g_application_activate (G_APPLICATION (app));
  first = ENT_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_nonnull (first);
  g_object_ref (first);   /* the test's, which ent_test_destroy_window () drops */
  ent_test_settle (GTK_WIDGET (first));
  g_assert_true (ent_window_get_start_page_shown (first));
  g_assert_true (gtk_widget_get_mapped (first->start_page));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (first->stack)));
  /* the application's name, and only what makes sense without a document */
  g_assert_cmpstr (gtk_label_get_text (first->title_label), ==, "ENT Budget");
  g_assert_false (header_child_visible (first, "save_button"));
  g_assert_false (header_child_visible (first, "export_button"));
  g_assert_false (header_child_visible (first, "sidebar_button"));
  g_assert_true (header_child_visible (first, "open_button"));
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (first), "win.save-as", NULL) &&
                  find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG) != NULL);
  /* the focus on the suggested button */
  g_assert_true (gtk_root_get_focus (GTK_ROOT (first)) == start_button (first, "example_button"));
  ent_test_save_png (GTK_WIDGET (first), "start-page.png");

  /* A document given: its own window, no start page. */
  files[0] = mine;
  g_application_open (G_APPLICATION (app), files, 1, "");
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (l->data != (gpointer) first)
      given = l->data;
  g_assert_nonnull (given);
  g_object_ref (given);
  ent_test_settle (GTK_WIDGET (given));
  g_assert_true (g_file_equal (ent_document_get_file (ent_window_get_document (given)), mine));
  assert_document_shown (given);
  g_assert_false (given->is_example);
  g_assert_false (gtk_revealer_get_reveal_child (given->example_revealer));

  ent_test_destroy_window (given);
  ent_test_destroy_window (first);
  ent_test_remove_tree (dir);
}

/* « Découvrir l'exemple de Hem »: the example, as an example; a change
 * then Save goes through Save As, never to a file of the example. */
static void
test_example_button (void)
{
  EntWindow *window = show_start_window (1280, 800);
  EntDocument *document;

  ent_test_click (start_button (window, "example_button"));
  ent_test_settle (GTK_WIDGET (window));
  assert_example (window);
  g_assert_false (header_child_visible (window, "sidebar_button"));
  ent_test_save_png (GTK_WIDGET (window), "start-example.png");

  document = ent_window_get_document (window);
  ent_document_set_payer (document, "Ville de Lys");
  g_assert_true (ent_document_get_modified (document));
  /* Not under AddressSanitizer: GTK 4.8's file chooser leaks there (see
   * test-window.c), and a chooser left open keeps the window alive */
#if !GTK_CHECK_VERSION (4, 10, 0) && !defined(__SANITIZE_ADDRESS__)
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  {
    /* Save asked for a name (GTK 4.8's chooser; a GtkFileDialog from 4.10
     * cannot be found) */
    GtkWindow *chooser = find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);

    g_assert_nonnull (chooser);
    g_assert_cmpint (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)), ==, GTK_FILE_CHOOSER_ACTION_SAVE);
    gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
    while (g_main_context_iteration (NULL, FALSE))
      ;
  }
#endif
  g_assert_null (ent_document_get_file (document));
  g_assert_true (ent_document_get_modified (document));

  ent_document_set_modified (document, FALSE);
  ent_test_destroy_window (window);
}

/* The example opened from a file (the source tree's data/examples, as the
 * README runs it) is shown as one too, and Save never writes that file. */
static void
test_example_from_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("ent-start-XXXXXX", NULL);
  g_autofree char *examples = g_build_filename (dir, "examples", NULL);
  g_autofree char *marker = g_build_filename (examples, "ent-budget-examples.gresource.xml", NULL);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) copy = ent_test_write_example (dir, "hem.entbudget");
  g_autoptr(GFile) mine = write_own_document (dir);
  g_autofree char *path = NULL;
  g_autofree char *before = NULL;
  EntWindow *window = show_start_window (1280, 800);

  /* the source tree's folder: the example beside its resource list */
  g_assert_cmpint (g_mkdir (examples, 0700), ==, 0);
  g_assert_true (g_file_set_contents (marker, "<gresources/>\n", -1, NULL));
  file = ent_test_write_example (examples, "hem.entbudget");
  path = g_file_get_path (file);
  before = read_path (path);
  g_assert_true (ent_window_file_is_example (file));
  /* a copy elsewhere is the user's document */
  g_assert_false (ent_window_file_is_example (copy));
  g_assert_false (ent_window_file_is_example (mine));

  g_assert_true (ent_window_load_file (window, file, NULL));
  ent_test_settle (GTK_WIDGET (window));
  assert_example (window);

  /* an edit, and Save: nothing is written over the example */
  ent_document_set_payer (ent_window_get_document (window), "Ville de Lys");
  g_assert_null (ent_document_get_file (ent_window_get_document (window)));
#if !defined(__SANITIZE_ADDRESS__)
  /* (the file chooser leaks under AddressSanitizer, see test-window.c) */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  {
    GtkWindow *chooser = find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);

    if (chooser != NULL)
      gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  }
#endif
  {
    g_autofree char *after = read_path (path);

    g_assert_cmpstr (after, ==, before);
  }

  /* a document of one's own is no example */
  ent_document_set_modified (ent_window_get_document (window), FALSE);
  g_assert_true (ent_window_load_file (window, mine, NULL));
  ent_test_settle (GTK_WIDGET (window));
  g_assert_false (window->is_example);
  g_assert_false (gtk_revealer_get_reveal_child (window->example_revealer));
  g_assert_cmpstr (gtk_label_get_text (window->subtitle_label), ==, "mine.entbudget");

  while (g_main_context_iteration (NULL, FALSE))
    ;
  ent_test_destroy_window (window);
  ent_test_remove_tree (dir);
}

/* « Nouveau document »: an empty document on the Assumptions page. */
static void
test_new_button (void)
{
  EntWindow *window = show_start_window (1280, 800);
  EntDocument *before = ent_window_get_document (window);
  EntDocument *document;

  ent_test_click (start_button (window, "new_button"));
  ent_test_settle (GTK_WIDGET (window));
  document = ent_window_get_document (window);
  g_assert_true (document != before);
  assert_document_shown (window);
  g_assert_false (window->is_example);
  g_assert_false (gtk_revealer_get_reveal_child (window->example_revealer));
  g_assert_null (ent_document_get_file (document));
  g_assert_cmpuint (g_list_model_get_n_items (ent_document_get_schools (document)), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->stack), ==, "assumptions");
  g_assert_cmpstr (gtk_label_get_text (window->subtitle_label), ==, "Not saved to a file");

  ent_test_destroy_window (window);
}

/* « Ouvrir… » and « Importer des effectifs (CSV)… » name the window's
 * actions, enabled on the start page; a click opens their file chooser
 * (GTK 4.8's, which a test can find). */
static void
check_chooser_button (gconstpointer data)
{
  const char *name = data;
  EntWindow *window = show_start_window (1280, 800);
  GtkWidget *button = start_button (window, name);
  const char *action = g_str_equal (name, "open_button") ? "win.open" : "win.import-csv";

  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, action);
  g_assert_true (gtk_widget_is_sensitive (button));
#if !GTK_CHECK_VERSION (4, 10, 0) && !defined(__SANITIZE_ADDRESS__)
  {
    GtkWindow *chooser;

    ent_test_click (button);
    chooser = find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
    g_assert_nonnull (chooser);
    g_assert_cmpint (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)), ==, GTK_FILE_CHOOSER_ACTION_OPEN);
    g_assert_cmpstr (gtk_window_get_title (chooser), ==,
                     g_str_equal (name, "open_button") ? "Open Budget" : "Import Pupils");
    gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
    while (g_main_context_iteration (NULL, FALSE))
      ;
    /* cancelled: still the start page */
    g_assert_true (ent_window_get_start_page_shown (window));
  }
#endif

  ent_test_destroy_window (window);
}

/* The banner's « Nouveau document » leaves the example for a new document. */
static void
test_example_banner_new (void)
{
  EntWindow *window = show_start_window (800, 600);

  ent_window_show_example (window, NULL);
  ent_test_settle (GTK_WIDGET (window));
  assert_example (window);
  ent_test_save_png (GTK_WIDGET (window), "start-example-800.png");

  ent_test_click (ent_test_template_child (window, ENT_TYPE_WINDOW, "example_new_button"));
  ent_test_settle (GTK_WIDGET (window));
  g_assert_false (window->is_example);
  g_assert_false (gtk_revealer_get_reveal_child (window->example_revealer));
  g_assert_cmpuint (g_list_model_get_n_items (ent_document_get_schools (ent_window_get_document (window))), ==, 0);
  g_assert_cmpstr (gtk_label_get_text (window->subtitle_label), ==, "Not saved to a file");

  ent_test_destroy_window (window);
}

static void
test_about (void)
{
  g_autoptr(EntDocument) document = ent_document_new_example ();
  EntWindow *window = ent_test_present (ent_window_new (NULL, document));
  GtkWindow *about;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.about", NULL));
  about = find_toplevel (ADW_TYPE_ABOUT_WINDOW);
  g_assert_nonnull (about);
  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (about)), ==, PACKAGE_VERSION);
  g_assert_cmpstr (adw_about_window_get_application_name (ADW_ABOUT_WINDOW (about)), ==, "ENT Budget");
  g_assert_cmpstr (adw_about_window_get_application_icon (ADW_ABOUT_WINDOW (about)), ==, APPLICATION_ID);
  g_assert_cmpint (adw_about_window_get_license_type (ADW_ABOUT_WINDOW (about)), ==, GTK_LICENSE_GPL_3_0);
  g_assert_cmpstr (adw_about_window_get_issue_url (ADW_ABOUT_WINDOW (about)), ==,
                   "https://github.com/budgetent/BudgetEnt/issues");
  g_assert_true (gtk_window_get_transient_for (about) == GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (about)))
    g_main_context_iteration (NULL, TRUE);
  ent_test_settle (GTK_WIDGET (about));
  ent_test_save_png (GTK_WIDGET (about), "start-about.png");
  gtk_window_destroy (about);

  ent_test_destroy_window (window);
}

/* The unsaved-changes question: an AdwMessageDialog; closing it (Escape)
 * is Cancel; « Ne pas enregistrer » (destructive) drops the changes and
 * closes; « Enregistrer » (suggested, the default) saves. */
static void
test_guard_dialog (void)
{
  g_autofree char *dir = g_dir_make_tmp ("ent-start-XXXXXX", NULL);
  g_autoptr(GFile) file = write_own_document (dir);
  g_autoptr(EntDocument) document = ent_document_new_from_file (file, NULL);
  EntWindow *window = ent_test_present (ent_window_new (NULL, document));
  AdwMessageDialog *dialog;

  /* Escape: Cancel, the window and its changes stay */
  ent_document_set_payer (document, "Ville de Lys");
  gtk_window_close (GTK_WINDOW (window));
  g_assert_true (ADW_IS_MESSAGE_DIALOG (window->guard_dialog));
  dialog = ADW_MESSAGE_DIALOG (window->guard_dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==,
                   "Save the changes to “ENT des écoles publiques de Hem”?");
  g_assert_cmpstr (adw_message_dialog_get_close_response (dialog), ==, ENT_WINDOW_GUARD_CANCEL);
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, ENT_WINDOW_GUARD_SAVE);
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, ENT_WINDOW_GUARD_DISCARD), ==,
                   ADW_RESPONSE_DESTRUCTIVE);
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, ENT_WINDOW_GUARD_SAVE), ==,
                   ADW_RESPONSE_SUGGESTED);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  while (!gtk_widget_get_mapped (GTK_WIDGET (dialog)))
    g_main_context_iteration (NULL, TRUE);
  ent_test_settle (GTK_WIDGET (dialog));
  ent_test_save_png (GTK_WIDGET (dialog), "start-guard.png");
  gtk_window_close (GTK_WINDOW (dialog));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_null (window->guard_dialog);
  g_assert_false (window->guard_pending);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_true (ent_document_get_modified (document));

  /* Save (its button): written, and the window closes */
  g_object_ref (window);
  gtk_window_close (GTK_WINDOW (window));
  g_assert_nonnull (window->guard_dialog);
  ent_test_click (ent_test_find_widget (GTK_WIDGET (window->guard_dialog), has_label, "_Save"));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_false (ent_document_get_modified (document));
  {
    g_autoptr(EntDocument) reloaded = ent_document_new_from_file (file, NULL);

    g_assert_cmpstr (ent_document_get_payer (reloaded), ==, "Ville de Lys");
  }
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_object_unref (window);

  /* Discard (its button): nothing written, the window closes */
  window = ent_test_present (ent_window_new (NULL, document));
  ent_document_set_payer (document, "Ville de Roubaix");
  gtk_window_close (GTK_WINDOW (window));
  g_assert_nonnull (window->guard_dialog);
  ent_test_click (ent_test_find_widget (GTK_WIDGET (window->guard_dialog), has_label, "_Discard"));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window)));
  {
    g_autoptr(EntDocument) reloaded = ent_document_new_from_file (file, NULL);

    g_assert_cmpstr (ent_document_get_payer (reloaded), ==, "Ville de Lys");
  }
  g_assert_finalize_object (window);
  ent_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  if (!ent_test_gtk_init (&argc, &argv))
    return 0;
  adw_init ();

  g_test_add_func ("/start-page/first-start", test_first_start);
  g_test_add_func ("/start-page/example-button", test_example_button);
  g_test_add_func ("/start-page/example-from-file", test_example_from_file);
  g_test_add_func ("/start-page/new-button", test_new_button);
  g_test_add_data_func ("/start-page/open-button", "open_button", check_chooser_button);
  g_test_add_data_func ("/start-page/import-button", "import_button", check_chooser_button);
  g_test_add_func ("/start-page/example-banner-new", test_example_banner_new);
  g_test_add_func ("/start-page/about", test_about);
  g_test_add_func ("/start-page/guard-dialog", test_guard_dialog);

  return g_test_run ();
}
