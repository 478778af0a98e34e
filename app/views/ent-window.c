/* ent-window.c: the main window, one per document
 *
 * The window holds an EntWorkspace (app/model): the document, the scenario
 * shown, the last budget computed without error and the reason of the
 * current error, undo and redo, the draft. The pages and the totals bar are
 * bound to the workspace's properties in ui/ent-window.ui (the Compare page
 * gets the budget only while it is shown, see shown_budget_cb(), and the
 * workspace computes its sensitivity table only then); the totals bar and
 * the Scenarios page also choose the workspace's scenario. Every page
 * scrolls inside the window and the page list folds away in a narrow
 * window, so that the window fits an 800 × 600 screen and never grows by
 * itself (issue 13). The window adds what needs GTK: the banners, the
 * toasts that offer to undo a deletion or an import, the offer to recover a
 * draft after a crash, recent documents and dropped files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ent-budget-page.h"
#include "ent-compare-page.h"
#include "ent-import-dialog.h"
#include "ent-input-reason.h"
#include "ent-pupils-page.h"
#include "ent-scenarios-page.h"
#include "ent-start-page.h"
#include "ent-window-private.h"

#include "ent-pdf-export.h"
#include "ent-xlsx-export.h"

#define ENTBUDGET_MIME_TYPE "application/x-entbudget"
#define N_RECENT 10
/* Under this width the page list folds away (over the page, behind the
 * header bar's button): the pages need the room more. */
#define FOLD_WIDTH 900

G_DEFINE_FINAL_TYPE (EntWindow, ent_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_WORKSPACE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Accelerators of the actions this window added after the application's own
 * table (ent-application.c); set on the application, where menus and the
 * shortcuts window read them, unless the application already has some. */
static const struct {
  const char *action;
  const char *accels[3];
} window_accels[] = {
  { "win.import-csv", { "<Control>i", NULL } },
  { "win.export-pdf", { "<Control><Shift>e", NULL } },
  { "win.show-page::compare", { "<Alt>5", NULL } },
  { "win.undo", { "<Control>z", NULL } },
  { "win.redo", { "<Control><Shift>z", "<Control>y", NULL } },
};

typedef gboolean (*ExportWriter) (EntDocument  *document,
                                  const char   *path,
                                  GError      **error);

/* ------------------------------------------------------------------ helpers */

/* The reason the budget cannot be computed, beside the last good totals. */
static void
update_budget_banner (EntWindow *self)
{
  const char *reason = ent_workspace_get_error (self->workspace);
  g_autofree char *message = NULL;

  if (reason == NULL)
    {
      gtk_revealer_set_reveal_child (self->budget_revealer, FALSE);
      ent_totals_bar_set_warning (ENT_TOTALS_BAR (self->totals_bar), NULL);
      return;
    }

  /* A document opened that way (SPEC 10.4: it opens) has no totals to excuse. */
  if (ent_workspace_get_budget (self->workspace) != NULL)
    /* Translators: %s is the reason given by the budget engine */
    message = g_strdup_printf (_("The budget cannot be computed: %s. The totals shown are those of the last valid assumptions."),
                               reason);
  else
    /* Translators: %s is the reason given by the budget engine */
    message = g_strdup_printf (_("The budget cannot be computed: %s."), reason);
  /* said once when it appears or changes, not again at every edit that
   * leaves the budget as uncomputable */
  if (!gtk_revealer_get_reveal_child (self->budget_revealer) ||
      g_strcmp0 (gtk_label_get_text (self->budget_label), message) != 0)
    ent_accessible_announce (GTK_WIDGET (self), message);
  gtk_label_set_text (self->budget_label, message);
  gtk_revealer_set_reveal_child (self->budget_revealer, TRUE);
  ent_totals_bar_set_warning (ENT_TOTALS_BAR (self->totals_bar), message);
}

/* A GtkRevealer measures its child even while it is hidden (to animate it
 * from its size), so a hidden banner's message was laid out again at every
 * layout of the window, the first frame's included. Its child is made
 * invisible once hidden, and visible again as soon as it is to be shown. */
static void
banner_revealer_cb (GtkRevealer *revealer)
{
  GtkWidget *child = gtk_revealer_get_child (revealer);

  if (child != NULL)
    gtk_widget_set_visible (child, gtk_revealer_get_reveal_child (revealer)
                                   || gtk_revealer_get_child_revealed (revealer));
}

static void
setup_banner (GtkRevealer *revealer)
{
  g_signal_connect (revealer, "notify::reveal-child", G_CALLBACK (banner_revealer_cb), NULL);
  g_signal_connect (revealer, "notify::child-revealed", G_CALLBACK (banner_revealer_cb), NULL);
  banner_revealer_cb (revealer);
}

static void
update_title (EntWindow *self)
{
  EntDocument *document = ent_workspace_get_document (self->workspace);
  const char *title = ent_document_get_title (document);
  g_autofree char *shown = NULL;
  g_autofree char *window_title = NULL;
  GFile *file = ent_document_get_file (document);

  if (title == NULL || *title == '\0')
    /* Translators: window title of a document without a title */
    title = _("Untitled Budget");
  /* the start page shows no document: the application's name */
  if (ent_window_get_start_page_shown (self))
    {
      gtk_label_set_text (self->title_label, _("ENT Budget"));
      gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), FALSE);
      gtk_window_set_title (GTK_WINDOW (self), _("ENT Budget"));
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), TRUE);

  if (ent_document_get_modified (document))
    /* Translators: window title of a document with unsaved changes; %s is its title */
    shown = g_strdup_printf (_("• %s"), title);
  else
    shown = g_strdup (title);
  gtk_label_set_text (self->title_label, shown);

  if (self->is_example)
    {
      /* Translators: header bar subtitle of the bundled example (a document tied to no file) */
      gtk_label_set_text (self->subtitle_label, _("Example"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->subtitle_label), NULL);
    }
  else if (file != NULL)
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *display = g_filename_display_name (name);

      gtk_label_set_text (self->subtitle_label, display);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->subtitle_label),
                                   g_file_peek_path (file));
    }
  else
    {
      /* Translators: header bar subtitle of a document never saved to a file */
      gtk_label_set_text (self->subtitle_label, _("Not saved to a file"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->subtitle_label), NULL);
    }

  /* Translators: title of the window for the window manager; %s is the document title */
  window_title = g_strdup_printf (_("%s — ENT Budget"), shown);
  gtk_window_set_title (GTK_WINDOW (self), window_title);
}

/* On the start page the header bar keeps Open and the menu: Save, Export
 * and the page list belong to a document. */
static void
update_header (EntWindow *self)
{
  gboolean start = ent_window_get_start_page_shown (self);
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_widget_set_visible (GTK_WIDGET (gtk_widget_get_template_child (widget, ENT_TYPE_WINDOW, "sidebar_button")),
                          !start && adw_flap_get_folded (self->flap));
  gtk_widget_set_visible (GTK_WIDGET (gtk_widget_get_template_child (widget, ENT_TYPE_WINDOW, "save_button")),
                          !start);
  gtk_widget_set_visible (GTK_WIDGET (gtk_widget_get_template_child (widget, ENT_TYPE_WINDOW, "export_button")),
                          !start);
  gtk_revealer_set_reveal_child (self->example_revealer, self->is_example && !start);
}

static void
ensure_style (GtkWidget *widget)
{
  GdkDisplay *display = gtk_widget_get_display (widget);
  g_autoptr(GtkCssProvider) provider = NULL;

  if (display == NULL || g_object_get_data (G_OBJECT (display), "ent-budget-style") != NULL)
    return;

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/io/github/budgetent/BudgetEnt/style.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_set_data_full (G_OBJECT (display), "ent-budget-style",
                          g_steal_pointer (&provider), g_object_unref);
}

static GSettings *
new_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  /* Run from the build tree without GSETTINGS_SCHEMA_DIR: no memory, no abort. */
  if (source == NULL)
    return NULL;
  schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema == NULL)
    return NULL;
  return g_settings_new_full (schema, NULL, NULL);
}

static void
save_window_state (EntWindow *self)
{
  int width = 0, height = 0;

  if (self->settings == NULL)
    return;

  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  if (!gtk_window_is_maximized (GTK_WINDOW (self)))
    {
      gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
      if (width > 0 && height > 0)
        {
          g_settings_set_int (self->settings, "window-width", width);
          g_settings_set_int (self->settings, "window-height", height);
        }
    }
}

static void
ensure_accels (EntWindow *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  if (application == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (window_accels); i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (application,
                                                                    window_accels[i].action);

      if (accels == NULL || accels[0] == NULL)
        gtk_application_set_accels_for_action (application, window_accels[i].action,
                                               window_accels[i].accels);
    }
}

static gboolean
write_xlsx (EntDocument  *document,
            const char   *path,
            GError      **error)
{
  return ent_xlsx_export (document, path, NULL, error);
}

static gboolean
write_pdf (EntDocument  *document,
           const char   *path,
           GError      **error)
{
  return ent_pdf_export (document, path, NULL, error);
}

/* Writes @file with @write and remembers its folder as the last export
 * folder; @not_local (translated) is the error for a file without a path. */
static gboolean
export_to_file (EntWindow     *self,
                GFile         *file,
                ExportWriter   write,
                const char    *not_local,
                GError       **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GFile) folder = NULL;

  if (path == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, not_local);
      return FALSE;
    }
  if (!write (ent_workspace_get_document (self->workspace), path, error))
    return FALSE;

  folder = g_file_get_parent (file);
  if (self->settings != NULL && folder != NULL)
    {
      g_autofree char *uri = g_file_get_uri (folder);

      g_settings_set_string (self->settings, "last-export-folder", uri);
    }
  return TRUE;
}

/* ---------------------------------------------------------------- callbacks */

/* The totals bar's scenario choice lists the document's scenarios. */
static GListModel *
document_scenarios_cb (EntWindow   *self,
                       EntDocument *document)
{
  if (document == NULL)
    return NULL;
  return g_object_ref (ent_document_get_scenarios (document));
}

static void
application_notify_cb (EntWindow *self)
{
  ensure_accels (self);
}

/* The recent documents' menu: the latest .entbudget files that still exist. */
static int
compare_recent (gconstpointer a,
                gconstpointer b)
{
  GDateTime *x = gtk_recent_info_get_modified ((GtkRecentInfo *) a);
  GDateTime *y = gtk_recent_info_get_modified ((GtkRecentInfo *) b);

  return g_date_time_compare (y, x);
}

static void
update_recent_menu (EntWindow *self)
{
  GtkRecentManager *manager = gtk_recent_manager_get_default ();
  GList *items = gtk_recent_manager_get_items (manager);
  guint n = 0;

  g_menu_remove_all (self->recent_menu);
  items = g_list_sort (items, compare_recent);
  for (GList *l = items; l != NULL && n < N_RECENT; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      g_autoptr(GMenuItem) item = NULL;
      g_autofree char *label = NULL;

      if (g_strcmp0 (gtk_recent_info_get_mime_type (info), ENTBUDGET_MIME_TYPE) != 0 ||
          !gtk_recent_info_is_local (info) || !gtk_recent_info_exists (info))
        continue;
      /* "_" in a file name is no mnemonic */
      {
        g_auto(GStrv) parts = g_strsplit (gtk_recent_info_get_display_name (info), "_", -1);

        label = g_strjoinv ("__", parts);
      }
      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target (item, "win.open-recent", "s", gtk_recent_info_get_uri (info));
      g_menu_append_item (self->recent_menu, item);
      n++;
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
}

/* Whenever the window shows a document from a file (opened here or on the
 * command line, saved as, recovered): the last document of the next start,
 * and a recent document. */
static void
remember_file (EntWindow *self)
{
  GFile *file = ent_document_get_file (ent_workspace_get_document (self->workspace));
  g_autofree char *uri = NULL;
  GtkRecentData data = { 0 };

  if (file == NULL)
    return;

  ent_window_remember_document (self, file);
  uri = g_file_get_uri (file);
  data.mime_type = (char *) ENTBUDGET_MIME_TYPE;
  data.app_name = (char *) g_get_application_name ();
  data.app_exec = (char *) "ent-budget %u";
  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

static void
imported_cb (EntWindow       *self,
             guint            n_counts,
             EntImportDialog *dialog)
{
  g_autofree char *name = g_file_get_basename (ent_import_dialog_get_file (dialog));
  g_autofree char *display = g_filename_display_name (name);
  g_autofree char *message =
    /* Translators: in a toast with an Undo button, after the CSV import; %1$u is a number of pupil counts, %2$s the file name */
    g_strdup_printf (ngettext ("%1$u pupil count was imported from “%2$s”.",
                               "%1$u pupil counts were imported from “%2$s”.", n_counts),
                     n_counts, display);

  ent_window_show_undo_toast (self, message);
  gtk_stack_set_visible_child_name (self->stack, "pupils");
}

static void
school_removed_cb (EntWindow *self,
                   EntSchool *school)
{
  /* Translators: in a toast with an Undo button; %s is the school's name */
  g_autofree char *message = g_strdup_printf (_("The school “%s” was removed."),
                                              ent_school_get_name (school));

  ent_window_show_undo_toast (self, message);
}

static void
scenario_deleted_cb (EntWindow   *self,
                     EntScenario *scenario)
{
  /* Translators: in a toast with an Undo button; %s is the scenario's name */
  g_autofree char *message = g_strdup_printf (_("The scenario “%s” was deleted."),
                                              ent_scenario_get_name (scenario));

  ent_window_show_undo_toast (self, message);
}

static void
undo_toast_dismissed_cb (EntWindow *self,
                         AdwToast  *toast)
{
  if (self->undo_toast == toast)
    g_clear_object (&self->undo_toast);
}

/* The toast's Undo undoes its step, never a later one. */
static void
history_position_cb (EntWindow *self)
{
  if (self->undo_toast != NULL &&
      ent_history_get_position (ent_workspace_get_history (self->workspace)) != self->undo_position)
    adw_toast_dismiss (self->undo_toast);
}

static void
document_notify_cb (EntWindow *self)
{
  update_title (self);
  ent_window_update_actions (self);
}

static void
document_file_cb (EntWindow *self)
{
  document_notify_cb (self);
  remember_file (self);
}

static void
workspace_notify_cb (EntWindow  *self,
                     GParamSpec *pspec)
{
  /* Another document: an example only if ent_window_show_example() says
   * so next, and no longer behind the start page. */
  if (g_str_equal (pspec->name, "document"))
    {
      self->is_example = FALSE;
      gtk_stack_set_visible_child_name (self->content_stack, "document");
      update_header (self);
      update_title (self);
      ent_window_update_actions (self);
    }
  else if (g_str_equal (pspec->name, "error") || g_str_equal (pspec->name, "budget"))
    update_budget_banner (self);
  else if (g_str_equal (pspec->name, "can-undo") || g_str_equal (pspec->name, "can-redo"))
    ent_window_update_actions (self);
}

/* In a narrow window the page list comes over the page: the focus goes
 * into the list, and the list goes as soon as the focus leaves it (Tab, a
 * click on the page), so that nothing is hidden behind it. */
static void
reveal_progress_cb (EntWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  /* once shown: the list cannot take the focus while it is hidden */
  if (adw_flap_get_folded (self->flap) && adw_flap_get_reveal_flap (self->flap) &&
      adw_flap_get_reveal_progress (self->flap) >= 1.0 &&
      (focus == NULL || !gtk_widget_is_ancestor (focus, self->sidebar)))
    gtk_widget_child_focus (self->sidebar, GTK_DIR_TAB_FORWARD);
}

static void
focus_widget_cb (EntWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  GObject *button = gtk_widget_get_template_child (GTK_WIDGET (self), ENT_TYPE_WINDOW,
                                                   "sidebar_button");

  if (focus == NULL || focus == GTK_WIDGET (button) ||
      !adw_flap_get_folded (self->flap) || !adw_flap_get_reveal_flap (self->flap))
    return;
  if (!gtk_widget_is_ancestor (focus, self->sidebar))
    adw_flap_set_reveal_flap (self->flap, FALSE);
}

/* A page chosen in the folded list shows from its start, its top left, as
 * long as its focused widget stays in sight. GtkViewport scrolls to show the
 * focused widget's far end when that widget is wider than the viewport (the
 * first row of a table wider than the window, at 800 px), which showed the
 * Budget and Compare pages scrolled sideways and down, their titles out of
 * sight (issue 13). set_value () also ends the viewport's scroll animation. */
static void
show_page_start (EntWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (focus == NULL)
    return;
  for (GtkWidget *w = gtk_widget_get_parent (focus); w != NULL && w != GTK_WIDGET (self);
       w = gtk_widget_get_parent (w))
    {
      GtkAdjustment *h, *v;
      graphene_rect_t bounds;
      double top;

      if (!GTK_IS_SCROLLED_WINDOW (w))
        continue;
      h = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (w));
      v = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (w));
      /* the first focusable widget starts near the left: its start shows */
      gtk_adjustment_set_value (h, gtk_adjustment_get_lower (h));
      if (!gtk_widget_compute_bounds (focus, w, &bounds))
        continue;
      /* from the top, if the focused widget's first line is then in sight */
      top = bounds.origin.y + gtk_adjustment_get_value (v) - gtk_adjustment_get_lower (v);
      if (top + MIN (bounds.size.height, 48.0) <= gtk_adjustment_get_page_size (v))
        gtk_adjustment_set_value (v, gtk_adjustment_get_lower (v));
    }
}

/* The focus goes into a page chosen in the folded list once the page has
 * been laid out (an idle below the redraw's priority runs after the frame):
 * moved at once, the page's scrolled windows scrolled to the focused widget
 * with the bounds of a page not yet allocated, and the page first showed
 * scrolled sideways and down, its title out of sight (issue 13, at 800×600). */
static gboolean
focus_page_idle_cb (gpointer user_data)
{
  EntWindow *self = user_data;
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  self->page_focus_idle = 0;
  if (focus == NULL || gtk_widget_is_ancestor (focus, self->sidebar))
    gtk_widget_child_focus (gtk_stack_get_visible_child (self->stack), GTK_DIR_TAB_FORWARD);
  show_page_start (self);
  return G_SOURCE_REMOVE;
}

/* The sensitivity table only for the Compare page, while it is shown. */
static void
visible_page_cb (EntWindow *self)
{
  ent_workspace_set_sensitivity_wanted (self->workspace,
                                        g_strcmp0 (gtk_stack_get_visible_child_name (self->stack),
                                                   "compare") == 0);
  /* a page chosen in the folded page list: the list goes, the page shows,
   * and the focus follows (it is not to stay in a hidden list) */
  if (adw_flap_get_folded (self->flap) && adw_flap_get_reveal_flap (self->flap))
    {
      GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

      adw_flap_set_reveal_flap (self->flap, FALSE);
      if (focus != NULL && gtk_widget_is_ancestor (focus, self->sidebar) &&
          self->page_focus_idle == 0)
        self->page_focus_idle = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, focus_page_idle_cb,
                                                 self, NULL);
    }
}

/* --------------------------------------------------------------- the pages */

/* The pages other than the first (Assumptions) are built after the window's
 * first frame, so that the window shows sooner (issue 13: a bare GTK window
 * and this one should open in about the same time): until then an empty
 * placeholder in the stack (ent-window.ui) holds each one's name and title,
 * and the page list shows them all. They are built together, in a
 * high-priority idle after the first frame is painted (before the next
 * frame, so that a shown window always has its pages, as the tests expect),
 * or at once when one of them is shown before. On a 3 500-school document
 * the Pupils, Budget and Compare pages taking the document and the budget
 * cost more than the whole first frame. */
static const char *const lazy_pages[] = { "pupils", "scenarios", "budget", "compare" };

/* The Compare page's budget: the window's while the page is shown, none
 * otherwise. Its sensitivity table takes several budget computations (about
 * 20 ms for 500 schools): a hidden page must not add them to every edit. */
static void
update_compare_budget (EntWindow *self)
{
  EntBudget *budget = ent_workspace_get_budget (self->workspace);

  if (self->compare_page == NULL)
    return;
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "compare") != 0)
    budget = NULL;
  ent_compare_page_set_budget (ENT_COMPARE_PAGE (self->compare_page), budget);
}

static void
bind_workspace (EntWindow  *self,
                GtkWidget  *page,
                const char *property)
{
  g_object_bind_property (self->workspace, property, page, property, G_BINDING_SYNC_CREATE);
}

static void
build_pages (EntWindow *self)
{
  GtkWidget *pages[G_N_ELEMENTS (lazy_pages)];
  char *titles[G_N_ELEMENTS (lazy_pages)];
  GtkStackPage *placeholders[G_N_ELEMENTS (lazy_pages)];
  g_autofree char *visible = NULL;

  if (self->pages_built)
    return;
  self->pages_built = TRUE;
  g_clear_handle_id (&self->pages_idle, g_source_remove);

  self->pupils_page = g_object_new (ENT_TYPE_PUPILS_PAGE, NULL);
  bind_workspace (self, self->pupils_page, "document");
  bind_workspace (self, self->pupils_page, "scenario");
  bind_workspace (self, self->pupils_page, "budget");
  g_signal_connect_swapped (self->pupils_page, "school-removed", G_CALLBACK (school_removed_cb), self);

  /* The Scenarios page's selection drives the workspace's scenario, which
   * the other pages and the totals bar follow. */
  self->scenarios_page = g_object_new (ENT_TYPE_SCENARIOS_PAGE, NULL);
  bind_workspace (self, self->scenarios_page, "document");
  g_object_bind_property (self->workspace, "scenario", self->scenarios_page, "scenario",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_signal_connect_swapped (self->scenarios_page, "scenario-deleted",
                            G_CALLBACK (scenario_deleted_cb), self);

  self->budget_page = g_object_new (ENT_TYPE_BUDGET_PAGE, NULL);
  bind_workspace (self, self->budget_page, "document");
  bind_workspace (self, self->budget_page, "scenario");
  bind_workspace (self, self->budget_page, "budget");

  /* the workspace computes the sensitivity only while the page is shown */
  self->compare_page = g_object_new (ENT_TYPE_COMPARE_PAGE, NULL);
  bind_workspace (self, self->compare_page, "document");
  bind_workspace (self, self->compare_page, "sensitivity");
  bind_workspace (self, self->compare_page, "sensitivity-error");
  g_signal_connect_object (self->workspace, "notify::budget", G_CALLBACK (update_compare_budget),
                           self, G_CONNECT_SWAPPED);
  update_compare_budget (self);

  pages[0] = self->pupils_page;
  pages[1] = self->scenarios_page;
  pages[2] = self->budget_page;
  pages[3] = self->compare_page;

  /* The placeholders give way, in the same order (they are the last pages);
   * one notification of the visible page at the end, for the same page. */
  visible = g_strdup (gtk_stack_get_visible_child_name (self->stack));
  g_object_freeze_notify (G_OBJECT (self->stack));
  for (guint i = 0; i < G_N_ELEMENTS (lazy_pages); i++)
    {
      GtkWidget *placeholder = gtk_stack_get_child_by_name (self->stack, lazy_pages[i]);

      /* GtkStackSidebar (4.8) still disconnects from the page it is told
       * was removed: the stack's reference is gone by then */
      placeholders[i] = g_object_ref (gtk_stack_get_page (self->stack, placeholder));
      titles[i] = g_strdup (gtk_stack_page_get_title (placeholders[i]));
      gtk_stack_remove (self->stack, placeholder);
    }
  for (guint i = 0; i < G_N_ELEMENTS (lazy_pages); i++)
    {
      gtk_stack_add_titled (self->stack, pages[i], lazy_pages[i], titles[i]);
      g_free (titles[i]);
    }
  if (visible != NULL)
    gtk_stack_set_visible_child_full (self->stack, visible, GTK_STACK_TRANSITION_TYPE_NONE);
  g_object_thaw_notify (G_OBJECT (self->stack));
  for (guint i = 0; i < G_N_ELEMENTS (lazy_pages); i++)
    g_object_unref (placeholders[i]);
  /* the page list made new rows for the pages put in */
  ent_accessible_name_rows (self->sidebar);
}

static gboolean
build_pages_idle_cb (gpointer user_data)
{
  EntWindow *self = user_data;

  self->pages_idle = 0;
  build_pages (self);
  return G_SOURCE_REMOVE;
}

static void
first_frame_cb (GdkFrameClock *clock,
                EntWindow     *self)
{
  g_signal_handlers_disconnect_by_func (clock, first_frame_cb, self);
  /* above the frame clock's priority: built before the next frame */
  if (!self->pages_built && self->pages_idle == 0)
    self->pages_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, build_pages_idle_cb, self, NULL);
}

static void
pages_realize_cb (EntWindow *self)
{
  g_signal_handlers_disconnect_by_func (self, pages_realize_cb, NULL);
  if (!self->pages_built)
    g_signal_connect_object (gtk_widget_get_frame_clock (GTK_WIDGET (self)), "after-paint",
                             G_CALLBACK (first_frame_cb), self, 0);
}

/* The scrolling pane around the pages (a Tab stop of its own when a page
 * has nothing focusable) is named by the page it shows. */
static void
name_page_scroller (EntWindow *self)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (self->stack), GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *child = gtk_stack_get_visible_child (self->stack);
  const char *title = child != NULL ? gtk_stack_page_get_title (gtk_stack_get_page (self->stack, child)) : NULL;

  if (scroller == NULL)
    return;
  if (title != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (scroller), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (scroller), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

/* Connected before visible_page_cb (), as the template's binding was: the
 * Compare page has its budget before the workspace is asked for its
 * sensitivity. */
static void
stack_page_cb (EntWindow *self)
{
  if (gtk_stack_get_visible_child (self->stack) != self->assumptions_page)
    build_pages (self);
  update_compare_budget (self);
  name_page_scroller (self);
}

/* GtkStackSidebar's scrolling pane and list: unnamed, and "Sidebar" (GTK
 * leaves that name untranslated) */
static void
name_sidebar (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_SCROLLED_WINDOW (child) || GTK_IS_LIST_BOX (child))
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        /* Translators: accessible name of the list of the window's pages */
                                        _("Pages"), -1);
      if (!GTK_IS_LIST_BOX (child))
        name_sidebar (child);
    }
}

static void
setup_pages (EntWindow *self)
{
  name_sidebar (self->sidebar);
  g_signal_connect_swapped (self->stack, "notify::visible-child-name",
                            G_CALLBACK (stack_page_cb), self);
  g_signal_connect (self, "realize", G_CALLBACK (pages_realize_cb), NULL);
  name_page_scroller (self);
}

void
ent_window_ensure_pages (EntWindow *self)
{
  g_return_if_fail (ENT_IS_WINDOW (self));

  build_pages (self);
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         EntWindow     *self)
{
  GSList *list;
  g_autoptr(GPtrArray) files = g_ptr_array_new ();

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  list = gdk_file_list_get_files (g_value_get_boxed (value));
  for (GSList *l = list; l != NULL; l = l->next)
    g_ptr_array_add (files, l->data);
  g_slist_free (list);
  if (files->len == 0)
    return FALSE;

  ent_window_open_files (self, (GFile **) files->pdata, files->len);
  return TRUE;
}

static void
dismiss_error_cb (EntWindow *self)
{
  ent_window_show_error (self, NULL);
}

static void
dismiss_info_cb (EntWindow *self)
{
  ent_window_show_info (self, NULL);
}

/* ------------------------------------------------------ recovery (SPEC 11) */

static void
show_next_draft (EntWindow *self)
{
  EntDraft *draft;
  GFile *file;
  g_autofree char *when = NULL;
  g_autofree char *message = NULL;
  g_autofree char *saved_later = NULL;
  const char *title;

  if (self->drafts == NULL || self->drafts->len == 0)
    {
      g_clear_pointer (&self->drafts, g_ptr_array_unref);
      gtk_revealer_set_reveal_child (self->recovery_revealer, FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.recover-draft", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.discard-draft", FALSE);
      return;
    }

  draft = g_ptr_array_index (self->drafts, 0);
  file = ent_draft_get_file (draft);
  title = ent_draft_get_title (draft);
  if (title == NULL || *title == '\0')
    title = _("Untitled Budget");
  if (ent_draft_get_time (draft) != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (ent_draft_get_time (draft));

      when = ent_window_format_date_time (local);
    }
  else
    when = g_strdup ("?");

  if (file != NULL)
    {
      g_autofree char *name = g_file_get_parse_name (file);
      g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_TIME_MODIFIED,
                                                     G_FILE_QUERY_INFO_NONE, NULL, NULL);
      g_autoptr(GDateTime) modified = info != NULL ? g_file_info_get_modification_date_time (info) : NULL;

      /* Translators: a document found after a crash; %1$s is its title, %2$s
       * its file, %3$s when it was last changed ("Wednesday, March 12, 2025
       * at 14:32") */
      message = g_strdup_printf (_("An unsaved document was found: “%1$s” (file %2$s), changed on %3$s."),
                                 title, name, when);
      /* the file was saved after the draft: both are worth a look */
      if (modified != NULL && ent_draft_get_time (draft) != NULL &&
          g_date_time_compare (modified, ent_draft_get_time (draft)) > 0)
        {
          g_autoptr(GDateTime) local = g_date_time_to_local (modified);
          g_autofree char *saved = ent_window_format_date_time (local);

          /* Translators: after "An unsaved document was found…"; %s is when
           * its file was saved ("Wednesday, March 12, 2025 at 14:32") */
          saved_later = g_strdup_printf (_("The file was saved since, on %s: recovering gives the version of the draft."),
                                         saved);
        }
    }
  else
    /* Translators: a document found after a crash, never saved to a file;
     * %1$s is its title, %2$s when it was last changed */
    message = g_strdup_printf (_("An unsaved document was found: “%1$s” (never saved), changed on %2$s."),
                               title, when);

  if (saved_later != NULL)
    {
      g_autofree char *both = g_strconcat (message, " ", saved_later, NULL);

      g_free (message);
      message = g_steal_pointer (&both);
    }
  gtk_label_set_text (self->recovery_label, message);
  gtk_revealer_set_reveal_child (self->recovery_revealer, TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.recover-draft", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.discard-draft", TRUE);
}

static void
recover_draft_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  EntWindow *self = ENT_WINDOW (widget);
  g_autoptr(EntDraft) draft = NULL;
  g_autoptr(GError) error = NULL;
  EntWindow *target = self;

  if (self->drafts == NULL || self->drafts->len == 0)
    return;
  draft = g_object_ref (g_ptr_array_index (self->drafts, 0));
  g_ptr_array_remove_index (self->drafts, 0);

  /* Here, unless this window's document has changes of its own: then in a
   * new window, made once the draft is known to open. */
  if (ent_document_get_modified (ent_workspace_get_document (self->workspace)))
    {
      g_autoptr(EntDocument) recovered = NULL;

      if (ent_draft_claim (draft, &error))
        recovered = ent_draft_load (draft, &error);
      if (recovered != NULL)
        target = ent_window_new (gtk_window_get_application (GTK_WINDOW (self)), recovered);
    }
  if (error != NULL || !ent_workspace_recover (target->workspace, draft, &error))
    {
      /* Translators: %s is the reason */
      g_autofree char *message = g_strdup_printf (_("The document could not be recovered: %s"),
                                                  error->message);

      ent_window_show_error (self, message);
    }
  else
    {
      ent_window_show_error (target, NULL);
      gtk_window_present (GTK_WINDOW (target));
    }
  show_next_draft (self);
}

static void
discard_draft_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  EntWindow *self = ENT_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (self->drafts == NULL || self->drafts->len == 0)
    return;
  if (!ent_draft_remove (g_ptr_array_index (self->drafts, 0), &error))
    ent_window_show_error (self, error->message);
  g_ptr_array_remove_index (self->drafts, 0);
  show_next_draft (self);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ent_workspace_undo (ENT_WINDOW (widget)->workspace);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ent_workspace_redo (ENT_WINDOW (widget)->workspace);
}

/* ---------------------------------------------------------------- overrides */

static void
close_after_confirm (EntWindow *self,
                     gpointer   user_data)
{
  self->close_confirmed = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
ent_window_close_request (GtkWindow *window)
{
  EntWindow *self = ENT_WINDOW (window);

  if (!self->close_confirmed &&
      ent_document_get_modified (ent_workspace_get_document (self->workspace)))
    {
      ent_window_confirm_discard (self, close_after_confirm, NULL, NULL);
      return TRUE;
    }

  save_window_state (self);
  return GTK_WINDOW_CLASS (ent_window_parent_class)->close_request (window);
}

/* Folds the page list in a window narrower than FOLD_WIDTH. Decided on the
 * window's width rather than by AdwFlap on its children's sizes: the pages
 * scroll, so their minimum sizes no longer say when they are cramped (and
 * libadwaita 1.2 has no breakpoints). */
static void
update_fold (EntWindow *self,
             int        width)
{
  AdwFlapFoldPolicy policy = width < FOLD_WIDTH ? ADW_FLAP_FOLD_POLICY_ALWAYS
                                                : ADW_FLAP_FOLD_POLICY_NEVER;

  if (adw_flap_get_fold_policy (self->flap) != policy)
    adw_flap_set_fold_policy (self->flap, policy);
}

static void
ent_window_size_allocate (GtkWidget *widget,
                          int        width,
                          int        height,
                          int        baseline)
{
  /* before the flap gets its own allocation, which applies the policy */
  update_fold (ENT_WINDOW (widget), width);

  GTK_WIDGET_CLASS (ent_window_parent_class)->size_allocate (widget, width, height, baseline);
}

/* Moves the focus as GTK would, @skipped left out of the focus chain. */
static gboolean
focus_skipping (EntWindow        *self,
                GtkWidget        *skipped,
                GtkDirectionType  direction)
{
  gboolean moved;

  gtk_widget_set_can_focus (skipped, FALSE);
  moved = GTK_WIDGET_CLASS (ent_window_parent_class)->focus (GTK_WIDGET (self), direction);
  gtk_widget_set_can_focus (skipped, TRUE);
  return moved;
}

/* The totals bar, above the page, comes after it in the Tab order: the
 * page list, the page (the task at hand), the page's totals (the contract
 * total among them: issue 16 wants it reachable), then the header bar
 * again; Shift+Tab the other way. Without this, Tab from the page list went
 * into the page and from the page's end round to the header bar: the
 * totals bar was reached by Shift+Tab alone. */
static gboolean
focus_after_page (EntWindow        *self,
                  GtkWidget        *focus,
                  GtkDirectionType  direction)
{
  GtkWidget *pages = gtk_widget_get_ancestor (GTK_WIDGET (self->stack), GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *totals = self->totals_bar;
  gboolean in_page = pages != NULL && gtk_widget_is_ancestor (focus, pages);
  gboolean in_totals = gtk_widget_is_ancestor (focus, totals);

  if (pages == NULL)
    return FALSE;

  if (direction == GTK_DIR_TAB_FORWARD)
    {
      if (in_page)
        return gtk_widget_child_focus (pages, direction) || gtk_widget_child_focus (totals, direction);
      if (in_totals)
        {
          if (gtk_widget_child_focus (totals, direction))
            return TRUE;
          /* past the totals: round to the window's first control, as Tab
           * past the last one does */
          gtk_root_set_focus (GTK_ROOT (self), NULL);
          return GTK_WIDGET_CLASS (ent_window_parent_class)->focus (GTK_WIDGET (self), direction);
        }
      /* elsewhere (the header bar, a banner): as GTK does, the totals left
       * out, so that the page comes next (it always has a stop: its
       * scroller takes the focus when nothing inside it can) */
      return focus_skipping (self, totals, direction);
    }

  if (direction == GTK_DIR_TAB_BACKWARD)
    {
      if (in_totals)
        return gtk_widget_child_focus (totals, direction) || gtk_widget_child_focus (pages, direction);
      if (in_page)
        /* from the page's first control: what comes before, the totals
         * left out (the page list, or the header bar) */
        return gtk_widget_child_focus (pages, direction) || focus_skipping (self, totals, direction);
      /* elsewhere (the header bar, a banner): as GTK does, the page left
       * out, so that Shift+Tab from the first control rounds to the totals */
      return focus_skipping (self, pages, direction);
    }
  return FALSE;
}

/* Tab from the page list goes into the page shown: GtkListBox would move to
 * the next row, and so show the next page. */
static gboolean
ent_window_focus (GtkWidget        *widget,
                  GtkDirectionType  direction)
{
  EntWindow *self = ENT_WINDOW (widget);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  GtkWidget *page = gtk_stack_get_visible_child (self->stack);

  if (direction == GTK_DIR_TAB_FORWARD && focus != NULL && page != NULL &&
      gtk_widget_is_ancestor (focus, self->sidebar))
    {
      if (adw_flap_get_folded (self->flap))
        adw_flap_set_reveal_flap (self->flap, FALSE);
      if (gtk_widget_child_focus (page, direction))
        return TRUE;
    }

  /* Shift+Tab leaves the page list too: GtkListBox would move to the row
   * above, and so show the page before (a Shift+Tab went round the pages) */
  if (direction == GTK_DIR_TAB_BACKWARD && focus != NULL && gtk_widget_is_ancestor (focus, self->sidebar))
    return focus_skipping (self, self->sidebar, direction);

  if (focus != NULL && page != NULL && gtk_widget_get_mapped (self->totals_bar) &&
      focus_after_page (self, focus, direction))
    return TRUE;

  return GTK_WIDGET_CLASS (ent_window_parent_class)->focus (widget, direction);
}

static void
ent_window_map (GtkWidget *widget)
{
  EntWindow *self = ENT_WINDOW (widget);
  int width = 0, height = 0;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  if (width > 0 && !gtk_window_is_maximized (GTK_WINDOW (self)))
    update_fold (self, width);

  GTK_WIDGET_CLASS (ent_window_parent_class)->map (widget);
  /* the page list's rows exist once the sidebar has followed the stack */
  ent_accessible_name_rows (self->sidebar);

  /* Start on the page list, not inside the first entry (whose text would
   * show selected): Tab then goes through the page in reading order. In a
   * narrow window the list is folded away: start on the button showing it.
   * On the start page, on its first (suggested) button. */
  if (ent_window_get_start_page_shown (self))
    gtk_widget_child_focus (self->start_page, GTK_DIR_TAB_FORWARD);
  else if (adw_flap_get_folded (self->flap))
    gtk_widget_grab_focus (GTK_WIDGET (gtk_widget_get_template_child (widget, ENT_TYPE_WINDOW,
                                                                      "sidebar_button")));
  else
    gtk_widget_child_focus (self->sidebar, GTK_DIR_TAB_FORWARD);
}

static void
ent_window_dispose (GObject *object)
{
  EntWindow *self = ENT_WINDOW (object);

  if (self->guard_dialog != NULL)
    gtk_window_destroy (self->guard_dialog);
  /* The file-changed question is answered Cancel: nothing is written. */
  if (self->overwrite_dialog != NULL)
    {
      g_autoptr(GtkWindow) dialog = g_object_ref (g_steal_pointer (&self->overwrite_dialog));

      self->overwrite_pending = FALSE;
      adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), ENT_WINDOW_OVERWRITE_CANCEL);
      gtk_window_destroy (dialog);
    }
  g_signal_handlers_disconnect_by_data (gtk_recent_manager_get_default (), self);
  g_clear_handle_id (&self->pages_idle, g_source_remove);
  g_clear_handle_id (&self->page_focus_idle, g_source_remove);
  if (self->workspace != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->workspace, self);
      g_signal_handlers_disconnect_by_data (ent_workspace_get_history (self->workspace), self);
    }
  if (self->undo_toast != NULL)
    g_signal_handlers_disconnect_by_data (self->undo_toast, self);
  g_clear_object (&self->undo_toast);
  if (self->document_signals != NULL)
    g_signal_group_set_target (self->document_signals, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), ENT_TYPE_WINDOW);
  g_clear_object (&self->document_signals);
  g_clear_pointer (&self->drafts, g_ptr_array_unref);
  g_clear_object (&self->workspace);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (ent_window_parent_class)->dispose (object);
}

static void
ent_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  EntWindow *self = ENT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      g_value_set_object (value, self->workspace);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ent_window_class_init (EntWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  /* libadwaita's styles and types, also when the window is not in an
   * AdwApplication (the tests) */
  adw_init ();

  object_class->dispose = ent_window_dispose;
  object_class->get_property = ent_window_get_property;
  widget_class->map = ent_window_map;
  widget_class->size_allocate = ent_window_size_allocate;
  widget_class->focus = ent_window_focus;
  window_class->close_request = ent_window_close_request;

  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL, ENT_TYPE_WORKSPACE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ENT_TYPE_WORKSPACE);
  g_type_ensure (ENT_TYPE_TOTALS_BAR);
  g_type_ensure (ENT_TYPE_ASSUMPTIONS_PAGE);
  g_type_ensure (ENT_TYPE_PUPILS_PAGE);
  g_type_ensure (ENT_TYPE_SCENARIOS_PAGE);
  g_type_ensure (ENT_TYPE_BUDGET_PAGE);
  g_type_ensure (ENT_TYPE_COMPARE_PAGE);
  g_type_ensure (ENT_TYPE_START_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/budgetent/BudgetEnt/ui/ent-window.ui");
  gtk_widget_class_bind_template_child (widget_class, EntWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, EntWindow, recent_menu);
  gtk_widget_class_bind_template_child (widget_class, EntWindow, recovery_revealer);
  gtk_widget_class_bind_template_child (widget_class, EntWindow, recovery_label);
  gtk_widget_class_bind_template_child (widget_class, EntWindow, title_label);
  gtk_widget_class_bind_template_child (widget_class, EntWindow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, EntWindow, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, EntWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, EntWindow, info_revealer);
  gtk_widget_class_bind_template_child (widget_class, EntWindow, info_label);
  gtk_widget_class_bind_template_child (widget_class, EntWindow, budget_revealer);
  gtk_widget_class_bind_template_child (widget_class, EntWindow, budget_label);
  gtk_widget_class_bind_template_child (widget_class, EntWindow, example_revealer);
  gtk_widget_class_bind_template_child (widget_class, EntWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, EntWindow, start_page);
  gtk_widget_class_bind_template_child (widget_class, EntWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, EntWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, EntWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, EntWindow, totals_bar);
  gtk_widget_class_bind_template_child (widget_class, EntWindow, assumptions_page);
  /* not kept: bound so that tests can find them */
  gtk_widget_class_bind_template_child_full (widget_class, "save_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "export_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "sidebar_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "open_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "example_new_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "recover_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "discard_draft_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "primary_menu", FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, dismiss_error_cb);
  gtk_widget_class_bind_template_callback (widget_class, dismiss_info_cb);
  gtk_widget_class_bind_template_callback (widget_class, document_scenarios_cb);

  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.recover-draft", NULL, recover_draft_action);
  gtk_widget_class_install_action (widget_class, "win.discard-draft", NULL, discard_draft_action);
  ent_window_class_add_actions (widget_class);
  ent_window_class_add_paperwork_actions (widget_class);
}

static void
ent_window_init (EntWindow *self)
{
  GtkDropTarget *drop;

  /* before the template: its bindings look the workspace up */
  self->workspace = ent_workspace_new (NULL);
  self->undo_toast_timeout = 5;
  gtk_widget_init_template (GTK_WIDGET (self));
  /* the header bar's and the banners' buttons, the page list's rows */
  ent_accessible_fix_mnemonics (GTK_WIDGET (self));
  ensure_style (GTK_WIDGET (self));
  setup_pages (self);
  setup_banner (self->recovery_revealer);
  setup_banner (self->error_revealer);
  setup_banner (self->info_revealer);
  setup_banner (self->budget_revealer);
  setup_banner (self->example_revealer);

  /* The totals bar's choice drives the workspace's scenario, which the
   * pages follow (as the Scenarios page's selection does, build_pages ()) */
  g_object_bind_property (self->workspace, "scenario", self->totals_bar, "scenario",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_signal_connect_swapped (self->workspace, "notify", G_CALLBACK (workspace_notify_cb), self);
  g_signal_connect_swapped (ent_workspace_get_history (self->workspace), "notify::position",
                            G_CALLBACK (history_position_cb), self);

  /* whichever document the workspace holds */
  self->document_signals = g_signal_group_new (ENT_TYPE_DOCUMENT);
  g_signal_group_connect_swapped (self->document_signals, "notify::title",
                                  G_CALLBACK (document_notify_cb), self);
  g_signal_group_connect_swapped (self->document_signals, "notify::modified",
                                  G_CALLBACK (document_notify_cb), self);
  g_signal_group_connect_swapped (self->document_signals, "notify::file",
                                  G_CALLBACK (document_file_cb), self);
  g_signal_connect_swapped (self->document_signals, "bind", G_CALLBACK (document_file_cb), self);
  g_object_bind_property (self->workspace, "document", self->document_signals, "target",
                          G_BINDING_SYNC_CREATE);

  g_signal_connect_swapped (self->stack, "notify::visible-child-name",
                            G_CALLBACK (visible_page_cb), self);
  g_signal_connect_swapped (self->flap, "notify::reveal-progress", G_CALLBACK (reveal_progress_cb), self);
  g_signal_connect_swapped (self->flap, "notify::folded", G_CALLBACK (update_header), self);
  g_signal_connect (self, "notify::focus-widget", G_CALLBACK (focus_widget_cb), NULL);
  visible_page_cb (self);

  /* Open Recent */
  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (update_recent_menu), self, G_CONNECT_SWAPPED);
  update_recent_menu (self);

  /* a .entbudget or a CSV file dropped on the window */
  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  self->settings = new_settings ();
  if (self->settings != NULL)
    {
      int width = g_settings_get_int (self->settings, "window-width");
      int height = g_settings_get_int (self->settings, "window-height");

      if (width > 0 && height > 0)
        gtk_window_set_default_size (GTK_WINDOW (self), width, height);
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
    }

  g_signal_connect (self, "notify::application", G_CALLBACK (application_notify_cb), NULL);
  show_next_draft (self);
  update_title (self);
  update_budget_banner (self);
  update_header (self);
  ent_window_update_actions (self);
}

/* ------------------------------------------------------------------- public */

EntWindow *
ent_window_new (GtkApplication *application,
                EntDocument    *document)
{
  EntWindow *self;

  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (ENT_IS_DOCUMENT (document), NULL);

  self = g_object_new (ENT_TYPE_WINDOW, "application", application, NULL);
  ent_window_set_document (self, document);
  return self;
}

EntWorkspace *
ent_window_get_workspace (EntWindow *self)
{
  g_return_val_if_fail (ENT_IS_WINDOW (self), NULL);

  return self->workspace;
}

EntDocument *
ent_window_get_document (EntWindow *self)
{
  g_return_val_if_fail (ENT_IS_WINDOW (self), NULL);

  return ent_workspace_get_document (self->workspace);
}

void
ent_window_set_document (EntWindow   *self,
                         EntDocument *document)
{
  g_return_if_fail (ENT_IS_WINDOW (self));
  g_return_if_fail (ENT_IS_DOCUMENT (document));

  if (ent_workspace_get_document (self->workspace) == document)
    return;

  /* the toast's step belonged to the previous history */
  if (self->undo_toast != NULL)
    adw_toast_dismiss (self->undo_toast);
  gtk_revealer_set_reveal_child (self->info_revealer, FALSE);
  ent_workspace_set_document (self->workspace, document);
}

EntScenario *
ent_window_get_scenario (EntWindow *self)
{
  g_return_val_if_fail (ENT_IS_WINDOW (self), NULL);

  return ent_workspace_get_scenario (self->workspace);
}

void
ent_window_set_scenario (EntWindow   *self,
                         EntScenario *scenario)
{
  g_return_if_fail (ENT_IS_WINDOW (self));

  ent_workspace_set_scenario (self->workspace, scenario);
}

EntBudget *
ent_window_get_budget (EntWindow *self)
{
  g_return_val_if_fail (ENT_IS_WINDOW (self), NULL);

  return ent_workspace_get_budget (self->workspace);
}

void
ent_window_flush (EntWindow *self)
{
  g_return_if_fail (ENT_IS_WINDOW (self));

  ent_workspace_flush (self->workspace);
}

void
ent_window_show_error (EntWindow  *self,
                       const char *message)
{
  g_return_if_fail (ENT_IS_WINDOW (self));

  if (message != NULL)
    {
      gtk_label_set_text (self->error_label, message);
      gtk_revealer_set_reveal_child (self->info_revealer, FALSE);
      ent_accessible_announce (GTK_WIDGET (self), message);
    }
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

void
ent_window_show_info (EntWindow  *self,
                      const char *message)
{
  g_return_if_fail (ENT_IS_WINDOW (self));

  if (message != NULL)
    {
      gtk_label_set_text (self->info_label, message);
      gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
      ent_accessible_announce (GTK_WIDGET (self), message);
    }
  gtk_revealer_set_reveal_child (self->info_revealer, message != NULL);
}

const char *
ent_window_get_error_message (EntWindow *self)
{
  g_return_val_if_fail (ENT_IS_WINDOW (self), NULL);

  if (!gtk_revealer_get_reveal_child (self->error_revealer))
    return NULL;
  return gtk_label_get_text (self->error_label);
}

void
ent_window_remember_document (EntWindow *self,
                              GFile     *file)
{
  g_autofree char *uri = NULL;

  if (self->settings == NULL || file == NULL)
    return;

  uri = g_file_get_uri (file);
  g_settings_set_string (self->settings, "last-document", uri);
}

gboolean
ent_window_load_file (EntWindow  *self,
                      GFile      *file,
                      GError    **error)
{
  g_autoptr(EntDocument) document = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (ENT_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  document = ent_document_new_from_file (file, &local_error);
  if (document == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (file);
      g_autofree char *message =
        /* Translators: %1$s is a file name, %2$s the reason */
        g_strdup_printf (_("Could not open “%1$s”: %2$s"), name, local_error->message);

      ent_window_show_error (self, message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  ent_window_show_error (self, NULL);
  if (ent_window_file_is_example (file))
    ent_window_show_example (self, document);
  else
    ent_window_set_document (self, document);
  return TRUE;
}

gboolean
ent_window_save_to_file (EntWindow  *self,
                         GFile      *file,
                         GError    **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (ENT_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!ent_workspace_save (self->workspace, file, &local_error))
    {
      g_autofree char *name = g_file_get_parse_name (file);
      g_autofree char *message =
        /* Translators: %1$s is a file name, %2$s the reason */
        g_strdup_printf (_("Could not save “%1$s”: %2$s"), name, local_error->message);

      ent_window_show_error (self, message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  ent_window_show_error (self, NULL);
  return TRUE;
}

gboolean
ent_window_export_to_file (EntWindow  *self,
                           GFile      *file,
                           GError    **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (ENT_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!export_to_file (self, file, write_xlsx,
                       /* Translators: the export writes local files only */
                       _("The workbook can only be written to a local folder."),
                       &local_error))
    {
      /* Translators: %s is the reason */
      message = g_strdup_printf (_("Could not export the workbook: %s"), local_error->message);
      ent_window_show_error (self, message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  name = g_file_get_parse_name (file);
  /* Translators: confirmation after the export; %s is the file name */
  message = g_strdup_printf (_("The budget workbook was written to “%s”."), name);
  ent_window_show_info (self, message);
  return TRUE;
}

gboolean
ent_window_export_pdf_to_file (EntWindow  *self,
                               GFile      *file,
                               GError    **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (ENT_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!export_to_file (self, file, write_pdf,
                       /* Translators: the PDF export writes local files only */
                       _("The summary can only be written to a local folder."),
                       &local_error))
    {
      /* Translators: %s is the reason */
      message = g_strdup_printf (_("Could not export the PDF summary: %s"), local_error->message);
      ent_window_show_error (self, message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  name = g_file_get_parse_name (file);
  /* Translators: confirmation after the PDF export; %s is the file name */
  message = g_strdup_printf (_("The PDF summary was written to “%s”."), name);
  ent_window_show_info (self, message);
  return TRUE;
}

GtkWindow *
ent_window_open_import_dialog (EntWindow *self,
                               GFile     *file)
{
  EntImportDialog *dialog;

  g_return_val_if_fail (ENT_IS_WINDOW (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  dialog = ent_import_dialog_new (GTK_WINDOW (self), ent_workspace_get_document (self->workspace), file);
  g_signal_connect_object (dialog, "imported", G_CALLBACK (imported_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

char *
ent_window_format_date_time (GDateTime *time)
{
  /* Translators: when a file was changed, in "“%1$s” was changed on %2$s"
   * and the like; a g_date_time_format() format: %A the weekday, %-d the
   * day, %B the month, %Y the year, %H:%M the time */
  /* xgettext:no-c-format */
  return g_date_time_format (time, _("%A, %B %-d, %Y at %H:%M"));
}

void
ent_window_show_undo_toast (EntWindow  *self,
                            const char *message)
{
  AdwToast *toast;

  g_return_if_fail (ENT_IS_WINDOW (self));
  g_return_if_fail (message != NULL);

  /* the step is the one just done: close it now, then watch the history */
  ent_workspace_flush (self->workspace);
  if (self->undo_toast != NULL)
    adw_toast_dismiss (self->undo_toast);

  toast = adw_toast_new (message);
  /* Translators: button of a toast: undoes what the toast says was done */
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, self->undo_toast_timeout);
  g_signal_connect_swapped (toast, "dismissed", G_CALLBACK (undo_toast_dismissed_cb), self);
  self->undo_toast = g_object_ref (toast);
  self->undo_position = ent_history_get_position (ent_workspace_get_history (self->workspace));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  /* libadwaita 1.2's toasts say nothing to a screen reader */
  ent_accessible_announce (GTK_WIDGET (self), message);
}

guint
ent_window_offer_recovery (EntWindow *self)
{
  g_autofree char *directory = NULL;

  g_return_val_if_fail (ENT_IS_WINDOW (self), 0);

  g_object_get (self->workspace, "draft-directory", &directory, NULL);
  g_clear_pointer (&self->drafts, g_ptr_array_unref);
  if (directory != NULL && *directory != '\0')
    self->drafts = ent_draft_list_orphans (directory);
  show_next_draft (self);
  return self->drafts != NULL ? self->drafts->len : 0;
}

const char *
ent_window_get_recovery_message (EntWindow *self)
{
  g_return_val_if_fail (ENT_IS_WINDOW (self), NULL);

  if (!gtk_revealer_get_reveal_child (self->recovery_revealer))
    return NULL;
  return gtk_label_get_text (self->recovery_label);
}

static gboolean
is_csv (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *folded = name != NULL ? g_utf8_strdown (name, -1) : NULL;

  return folded != NULL && g_str_has_suffix (folded, ".csv");
}

void
ent_window_open_files (EntWindow  *self,
                       GFile     **files,
                       guint       n_files)
{
  g_return_if_fail (ENT_IS_WINDOW (self));

  for (guint i = 0; i < n_files; i++)
    {
      if (is_csv (files[i]))
        ent_window_open_import_dialog (self, files[i]);
      else
        ent_window_open_document_file (self, files[i]);
    }
}

void
ent_window_show_start_page (EntWindow *self)
{
  g_return_if_fail (ENT_IS_WINDOW (self));

  gtk_stack_set_visible_child_name (self->content_stack, "start");
  update_header (self);
  update_title (self);
  ent_window_update_actions (self);
}

gboolean
ent_window_get_start_page_shown (EntWindow *self)
{
  g_return_val_if_fail (ENT_IS_WINDOW (self), FALSE);

  return g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "start") == 0;
}

void
ent_window_show_example (EntWindow   *self,
                         EntDocument *document)
{
  g_autoptr(EntDocument) example = NULL;

  g_return_if_fail (ENT_IS_WINDOW (self));
  g_return_if_fail (document == NULL || ENT_IS_DOCUMENT (document));

  if (document == NULL)
    document = example = ent_document_new_example ();
  /* Tied to no file: Save asks for a name, and the example on disk (if it
   * came from one) is never written over; nor is it remembered as the last
   * document. */
  ent_document_set_file (document, NULL);
  ent_window_set_document (self, document);
  self->is_example = TRUE;
  update_header (self);
  update_title (self);
}

gboolean
ent_window_file_is_example (GFile *file)
{
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GFile) marker = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  /* The example is a resource; the only copy on disk is the source tree's
   * data/examples (scripts/run.sh and the README run it), known by the
   * resource list beside it. Not by its contents: a user's copy of the
   * example is their document. */
  folder = g_file_get_parent (file);
  if (folder == NULL)
    return FALSE;
  marker = g_file_get_child (folder, "ent-budget-examples.gresource.xml");
  return g_file_query_exists (marker, NULL);
}
