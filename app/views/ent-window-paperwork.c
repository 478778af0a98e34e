/* ent-window-paperwork.c: the finance officer's paperwork from the window
 * (SPEC 13): the open-data budget lines (SCDL) and the ROB's text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Window actions installed on EntWindow's class, like ent-window-actions.c:
 *   win.export-scdl  asks where to write the scenario's budget lines as
 *                    SCDL « Budget » CSV; without the payer's SIRET it says
 *                    so in a toast whose button goes to the field
 *   win.focus-siret  shows the Assumptions page with the SIRET entry focused
 *   win.copy-rob     puts the ROB's « engagements pluriannuels » on the
 *                    clipboard, as text and as HTML
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ent-input-reason.h"
#include "ent-rob.h"
#include "ent-scdl-export.h"
#include "ent-window-private.h"

/* --------------------------------------------------------------- SCDL export */

static void
export_scdl_to_file (EntWindow *self,
                     GFile     *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *message = NULL;
  g_autofree char *name = g_file_get_parse_name (file);

  if (path == NULL)
    /* Translators: the open-data export writes local files only */
    g_set_error_literal (&error, ENT_EXPORT_ERROR, ENT_EXPORT_ERROR_IO,
                         _("The budget lines can only be written to a local folder."));
  else
    ent_scdl_export (ent_window_get_document (self), ent_window_get_scenario (self), path, &error);

  if (error != NULL)
    {
      /* Translators: %s is the reason */
      message = g_strdup_printf (_("Could not export the open-data budget lines: %s"), error->message);
      ent_window_show_error (self, message);
      return;
    }
  /* Translators: confirmation after the SCDL export; %s is the file name */
  message = g_strdup_printf (_("The open-data budget lines were written to “%s”."), name);
  ent_window_show_info (self, message);
}

static void
scdl_file_chosen_cb (EntWindow *self,
                     GFile     *file,
                     gpointer   user_data)
{
  if (file != NULL)
    export_scdl_to_file (self, file);
}

/* "Hem – budget lines (SCDL).csv" after the document's file or title. */
static char *
dup_suggested_name (EntWindow *self)
{
  EntDocument *document = ent_window_get_document (self);
  GFile *file = ent_document_get_file (document);
  g_autofree char *stem = NULL;

  if (file != NULL)
    {
      g_autofree char *base = g_file_get_basename (file);
      char *dot = base != NULL ? strrchr (base, '.') : NULL;

      if (dot != NULL && dot != base)
        *dot = '\0';
      stem = g_steal_pointer (&base);
    }
  if (stem == NULL || *stem == '\0')
    {
      g_free (stem);
      stem = g_strdup (*ent_document_get_title (document) != '\0'
                       ? ent_document_get_title (document)
                       /* Translators: a file name when the document has none */
                       : _("Budget"));
    }
  g_strdelimit (stem, "/\\", '-');
  /* Translators: the suggested file name of the SCDL export; %s is the document's name */
  return g_strdup_printf (_("%s – budget lines (SCDL).csv"), stem);
}

/* Suggested next to the document, as this export always was (the workbook
 * and the PDF start in the last export's folder). */
static void
choose_scdl_file (EntWindow *self)
{
  g_autofree char *name = dup_suggested_name (self);
  GFile *document_file = ent_document_get_file (ent_window_get_document (self));
  g_autoptr(GFile) folder = document_file != NULL ? g_file_get_parent (document_file) : NULL;

  ent_window_choose_export_file (self,
                                 /* Translators: title of the file dialog of the open-data export */
                                 _("Export the Open-Data Budget Lines"),
                                 /* Translators: file filter name */
                                 _("CSV files"),
                                 "*.csv", "text/csv", ".csv",
                                 name, folder, scdl_file_chosen_cb);
}

static void
export_scdl_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  EntWindow *self = ENT_WINDOW (widget);

  /* Said before the file dialog, not after it: without a SIRET nothing
   * can be written, and the toast's button leads to the field. */
  if (*ent_document_get_siret (ent_window_get_document (self)) == '\0')
    {
      /* Translators: a toast; the SIRET is the payer's establishment number */
      AdwToast *toast = adw_toast_new (_("The open-data budget lines need the payer’s SIRET"));

      /* Translators: button of the toast: goes to the SIRET entry */
      adw_toast_set_button_label (toast, _("_Enter the SIRET"));
      adw_toast_set_action_name (toast, "win.focus-siret");
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
      /* libadwaita 1.2's toasts say nothing to a screen reader */
      ent_accessible_announce (GTK_WIDGET (self), adw_toast_get_title (toast));
      return;
    }
  choose_scdl_file (self);
}

static void
focus_siret_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  EntWindow *self = ENT_WINDOW (widget);

  gtk_stack_set_visible_child_name (self->stack, "assumptions");
  ent_assumptions_page_focus_siret (ENT_ASSUMPTIONS_PAGE (self->assumptions_page));
}

/* ------------------------------------------------------------------ ROB text */

static void
copy_rob_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  EntWindow *self = ENT_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *html = NULL;
  g_autoptr(GBytes) html_bytes = NULL;
  g_autoptr(GdkContentProvider) provider = NULL;
  GdkContentProvider *providers[2];

  if (!ent_rob_build (ent_window_get_document (self), ent_window_get_scenario (self),
                      &text, &html, &error))
    {
      /* Translators: %s is the reason */
      g_autofree char *message = g_strdup_printf (_("Could not write the orientation report’s text: %s"),
                                                  error->message);

      ent_window_show_error (self, message);
      return;
    }

  /* HTML for a word processor (a paragraph and a real table), and the text
   * for everything else; a string value also gives text/plain in every
   * charset GTK converts to. */
  html_bytes = g_bytes_new_take (html, strlen (html));
  html = NULL;
  providers[0] = gdk_content_provider_new_for_bytes ("text/html", html_bytes);
  providers[1] = gdk_content_provider_new_typed (G_TYPE_STRING, text);
  provider = gdk_content_provider_new_union (providers, G_N_ELEMENTS (providers));
  gdk_clipboard_set_content (gtk_widget_get_clipboard (widget), provider);

  /* Translators: a toast after the ROB's text was copied to the clipboard */
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Text copied")));
  ent_accessible_announce (GTK_WIDGET (self), _("Text copied"));
}

void
ent_window_class_add_paperwork_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.export-scdl", NULL, export_scdl_action);
  gtk_widget_class_install_action (widget_class, "win.focus-siret", NULL, focus_siret_action);
  gtk_widget_class_install_action (widget_class, "win.copy-rob", NULL, copy_rob_action);
}
