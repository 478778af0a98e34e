/* test-paperwork.c: the finance officer's paperwork in the window (SPEC 13):
 * the SIRET row, the SCDL export asking for it, the ROB copied
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The real window on the bundled Hem example, driven through its widgets
 * and actions. The synthetic SIRET 21590299000013 has a right Luhn key
 * (worked in tests/model/test-validate.c); 21590299000014 a wrong one.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <gtk/gtk.h>

#include "ent-window-private.h"

#include "ent-test-gtk-utils.h"

#define NO_SIRET_TOAST "The open-data budget lines need the payer’s SIRET"

static gpointer
assumptions_child (EntWindow  *window,
                   const char *name)
{
  return ent_test_template_child (window->assumptions_page, ENT_TYPE_ASSUMPTIONS_PAGE, name);
}

static void
close_window (EntWindow *window)
{
  /* no unsaved-changes question */
  ent_document_set_modified (ent_window_get_document (window), FALSE);
  ent_test_destroy_window (window);
}

static void
test_siret_row (void)
{
  g_autoptr(EntDocument) document = ent_document_new_example ();
  EntWindow *window = ent_test_present (ent_window_new (NULL, document));
  GtkEditable *entry = assumptions_child (window, "siret_entry");
  GtkLabel *reason = assumptions_child (window, "siret_error");

  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "");

  /* a wrong key: refused with the reason, the document unchanged */
  gtk_editable_set_text (entry, "215 902 990 00014");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (entry), "error"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (reason)));
  g_assert_nonnull (strstr (gtk_label_get_text (reason), "check digit"));
  g_assert_true (gtk_test_accessible_has_state (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_STATE_INVALID));
  g_assert_true (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (entry),
                                                   GTK_ACCESSIBLE_RELATION_DESCRIBED_BY));
  g_assert_cmpstr (ent_document_get_siret (document), ==, "");
  ent_test_save_png (GTK_WIDGET (window), "paperwork-siret-refused.png");

  /* thirteen digits */
  gtk_editable_set_text (entry, "2159029900001");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (entry), "error"));
  g_assert_nonnull (strstr (gtk_label_get_text (reason), "fourteen digits"));

  /* the right one, pasted with spaces: taken without them, shown as typed */
  gtk_editable_set_text (entry, "215 902 990 00013");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (entry), "error"));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (reason)));
  g_assert_cmpstr (ent_document_get_siret (document), ==, "21590299000013");
  ent_window_flush (window);
  ent_test_wait_for_frames (GTK_WIDGET (window), 2);
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "215 902 990 00013");

  /* one undo step */
  ent_workspace_flush (ent_window_get_workspace (window));
  g_assert_true (ent_workspace_undo (ent_window_get_workspace (window)));
  g_assert_cmpstr (ent_document_get_siret (document), ==, "");
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "");

  close_window (window);
}

static gboolean
is_label_with_text (GtkWidget     *widget,
                    gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), data) == 0;
}

/* Without a SIRET the export says so at once and offers to go to the field. */
static void
test_scdl_asks_for_siret (void)
{
  g_autoptr(EntDocument) document = ent_document_new_example ();
  EntWindow *window = ent_test_present (ent_window_new (NULL, document));
  GtkWidget *entry = assumptions_child (window, "siret_entry");
  GtkWidget *focus;

  gtk_stack_set_visible_child_name (window->stack, "budget");
  g_assert_null (ent_test_find_widget (GTK_WIDGET (window->toast_overlay), is_label_with_text, NO_SIRET_TOAST));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-scdl", NULL));
  ent_test_wait_for_frames (GTK_WIDGET (window), 3);
  g_assert_nonnull (ent_test_find_widget (GTK_WIDGET (window->toast_overlay), is_label_with_text, NO_SIRET_TOAST));
  ent_test_save_png (GTK_WIDGET (window), "paperwork-scdl-no-siret.png");

  /* the toast's button */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.focus-siret", NULL));
  ent_test_wait_for_frames (GTK_WIDGET (window), 3);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->stack), ==, "assumptions");
  focus = gtk_window_get_focus (GTK_WINDOW (window));
  g_assert_nonnull (focus);
  g_assert_true (focus == entry || gtk_widget_is_ancestor (focus, entry));

  close_window (window);
}

static void
read_text_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  char **out = user_data;

  *out = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);
  if (*out == NULL)
    *out = g_strdup ("");
}

static void
spliced_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  char **out = user_data;
  GMemoryOutputStream *memory = G_MEMORY_OUTPUT_STREAM (source);
  gsize size;

  g_output_stream_splice_finish (G_OUTPUT_STREAM (memory), result, NULL);
  size = g_memory_output_stream_get_data_size (memory);
  *out = g_strndup (g_memory_output_stream_get_data (memory), size);
  g_object_unref (memory);
}

/* Read asynchronously: the content is written by this process's own main
 * loop into the pipe the stream reads. */
static void
read_html_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  char **out = user_data;
  g_autoptr(GInputStream) stream = NULL;
  GOutputStream *memory;

  stream = gdk_clipboard_read_finish (GDK_CLIPBOARD (source), result, NULL, NULL);
  if (stream == NULL)
    {
      *out = g_strdup ("");
      return;
    }
  memory = g_memory_output_stream_new_resizable ();
  g_output_stream_splice_async (memory, stream,
                                G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE | G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                                G_PRIORITY_DEFAULT, NULL, spliced_cb, out);
}

/* The ROB's text on the clipboard, as text and as HTML; French amounts */
static void
test_copy_rob (void)
{
  const char *mime_types[] = { "text/html", NULL };
  g_autoptr(EntDocument) document = ent_document_new_example ();
  EntWindow *window = ent_test_present (ent_window_new (NULL, document));
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (window));
  GdkContentFormats *formats;
  g_autofree char *text = NULL;
  g_autofree char *html = NULL;
  g_autoptr(EntScenario) second = g_list_model_get_item (ent_document_get_scenarios (document), 1);

  /* the second scenario: AE 4 × 1 934,40 = 7 737,60 € */
  ent_window_set_scenario (window, second);
  gdk_clipboard_set_text (clipboard, "");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.copy-rob", NULL));
  ent_test_wait_for_frames (GTK_WIDGET (window), 2);

  formats = gdk_clipboard_get_formats (clipboard);
  g_assert_true (gdk_content_formats_contain_mime_type (formats, "text/html"));
  g_assert_true (gdk_content_formats_contain_mime_type (formats, "text/plain;charset=utf-8"));

  gdk_clipboard_read_text_async (clipboard, NULL, read_text_cb, &text);
  gdk_clipboard_read_async (clipboard, mime_types, G_PRIORITY_DEFAULT, NULL, read_html_cb, &html);
  while (text == NULL || html == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_nonnull (strstr (text, "autorisation d’engagement (AE) de 7\xe2\x80\xaf" "737,60\xc2\xa0€"));
  g_assert_nonnull (strstr (text, "1\xe2\x80\xaf" "934,40\xc2\xa0€"));
  g_assert_nonnull (strstr (html, "<table"));
  g_assert_nonnull (strstr (html, "7\xe2\x80\xaf" "737,60\xc2\xa0€"));
  g_assert_nonnull (ent_test_find_widget (GTK_WIDGET (window->toast_overlay), is_label_with_text, _("Text copied")));
  ent_test_save_png (GTK_WIDGET (window), "paperwork-rob-copied.png");

  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  if (!ent_test_gtk_init (&argc, &argv))
    return 0;

  g_test_add_func ("/gui/paperwork/siret-row", test_siret_row);
  g_test_add_func ("/gui/paperwork/scdl-asks-for-siret", test_scdl_asks_for_siret);
  g_test_add_func ("/gui/paperwork/copy-rob", test_copy_rob);

  return g_test_run ();
}
