/* ent-window.c: the main window, one per document
 *
 * The window holds the document and the last budget computed from it without
 * error. Every "changed" of the document schedules one recomputation before
 * the next frame (several changes in one frame cost one computation); the pages
 * and the totals bar are bound to the window's "document", "scenario" and
 * "budget" properties in ui/ent-window.ui (the Compare page gets the budget
 * only while it is shown, see shown_budget_cb()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ent-budget-page.h"
#include "ent-compare-page.h"
#include "ent-import-dialog.h"
#include "ent-pupils-page.h"
#include "ent-scenarios-page.h"
#include "ent-window-private.h"

#include "ent-pdf-export.h"
#include "ent-xlsx-export.h"

/* Before GTK's layout and paint (GDK_PRIORITY_REDRAW = G_PRIORITY_HIGH_IDLE + 20):
 * a change made in one frame is computed and shown in that same frame. */
#define RECOMPUTE_PRIORITY (G_PRIORITY_HIGH_IDLE + 10)

G_DEFINE_FINAL_TYPE (EntWindow, ent_window, GTK_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_SCENARIO,
  PROP_BUDGET,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Accelerators of the actions this window added after the application's own
 * table (ent-application.c); set on the application, where menus and the
 * shortcuts window read them, unless the application already has some. */
static const struct {
  const char *action;
  const char *accel;
} window_accels[] = {
  { "win.import-csv", "<Control>i" },
  { "win.export-pdf", "<Control><Shift>e" },
  { "win.show-page::compare", "<Alt>5" },
};

typedef gboolean (*ExportWriter) (EntDocument  *document,
                                  const char   *path,
                                  GError      **error);

/* ------------------------------------------------------------------ helpers */

static void
set_budget (EntWindow *self,
            EntBudget *budget)
{
  if (self->budget == budget)
    return;

  g_clear_pointer (&self->budget, ent_budget_unref);
  self->budget = budget != NULL ? ent_budget_ref (budget) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUDGET]);
}

static void
recompute (EntWindow *self)
{
  g_autoptr(EntBudget) budget = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->recompute_id, g_source_remove);
  if (self->document == NULL)
    return;

  budget = ent_budget_compute (self->document, &error);
  if (budget == NULL)
    {
      g_autofree char *message = NULL;

      /* Keep the last good budget on screen. A document opened that way
       * (SPEC 10.4: it opens) has none: then there are no totals to excuse. */
      if (self->budget != NULL)
        /* Translators: %s is the reason given by the budget engine */
        message = g_strdup_printf (_("The budget cannot be computed: %s. The totals shown are those of the last valid assumptions."),
                                   error->message);
      else
        /* Translators: %s is the reason given by the budget engine */
        message = g_strdup_printf (_("The budget cannot be computed: %s."), error->message);
      gtk_label_set_text (self->budget_label, message);
      gtk_revealer_set_reveal_child (self->budget_revealer, TRUE);
      return;
    }

  gtk_revealer_set_reveal_child (self->budget_revealer, FALSE);
  set_budget (self, budget);
}

static gboolean
recompute_idle_cb (gpointer user_data)
{
  EntWindow *self = user_data;

  self->recompute_id = 0;
  recompute (self);
  return G_SOURCE_REMOVE;
}

static void
queue_recompute (EntWindow *self)
{
  if (self->recompute_id == 0)
    self->recompute_id = g_idle_add_full (RECOMPUTE_PRIORITY, recompute_idle_cb, self, NULL);
}

static void
update_title (EntWindow *self)
{
  const char *title = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *window_title = NULL;
  GFile *file = NULL;

  if (self->document != NULL)
    {
      title = ent_document_get_title (self->document);
      file = ent_document_get_file (self->document);
    }
  if (title == NULL || *title == '\0')
    /* Translators: window title of a document without a title */
    title = _("Untitled Budget");

  if (self->document != NULL && ent_document_get_modified (self->document))
    /* Translators: window title of a document with unsaved changes; %s is its title */
    shown = g_strdup_printf (_("• %s"), title);
  else
    shown = g_strdup (title);
  gtk_label_set_text (self->title_label, shown);

  if (file != NULL)
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

static gboolean
scenario_in_document (EntWindow   *self,
                      EntScenario *scenario)
{
  GListModel *scenarios = ent_document_get_scenarios (self->document);
  guint n = g_list_model_get_n_items (scenarios);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EntScenario) item = g_list_model_get_item (scenarios, i);

      if (item == scenario)
        return TRUE;
    }
  return FALSE;
}

static void
ensure_scenario (EntWindow *self)
{
  g_autoptr(EntScenario) first = NULL;

  if (self->document == NULL)
    {
      ent_window_set_scenario (self, NULL);
      return;
    }
  if (self->scenario != NULL && scenario_in_document (self, self->scenario))
    return;

  first = g_list_model_get_item (ent_document_get_scenarios (self->document), 0);
  ent_window_set_scenario (self, first);
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
        {
          const char *set[] = { window_accels[i].accel, NULL };

          gtk_application_set_accels_for_action (application, window_accels[i].action, set);
        }
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
  if (!write (self->document, path, error))
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

/* The Compare page's budget: the window's while the page is shown, none
 * otherwise. Its sensitivity table takes several budget computations (about
 * 20 ms for 500 schools): a hidden page must not add them to every edit. */
static EntBudget *
shown_budget_cb (EntWindow  *self,
                 EntBudget  *budget,
                 const char *visible_page)
{
  if (budget == NULL || g_strcmp0 (visible_page, "compare") != 0)
    return NULL;
  return ent_budget_ref (budget);
}

static void
application_notify_cb (EntWindow *self)
{
  ensure_accels (self);
}

static void
imported_cb (EntWindow       *self,
             guint            n_counts,
             EntImportDialog *dialog)
{
  g_autofree char *name = g_file_get_basename (ent_import_dialog_get_file (dialog));
  g_autofree char *display = g_filename_display_name (name);
  g_autofree char *message =
    /* Translators: confirmation after the CSV import; %1$u is a number of pupil counts, %2$s the file name */
    g_strdup_printf (ngettext ("%1$u pupil count was imported from “%2$s”.",
                               "%1$u pupil counts were imported from “%2$s”.", n_counts),
                     n_counts, display);

  ent_window_show_info (self, message);
  gtk_stack_set_visible_child_name (self->stack, "pupils");
}

static void
document_changed_cb (EntWindow *self)
{
  queue_recompute (self);
}

static void
document_notify_cb (EntWindow *self)
{
  update_title (self);
  ent_window_update_actions (self);
}

static void
scenarios_changed_cb (EntWindow *self)
{
  ensure_scenario (self);
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

  if (!self->close_confirmed && self->document != NULL &&
      ent_document_get_modified (self->document))
    {
      ent_window_confirm_discard (self, close_after_confirm, NULL, NULL);
      return TRUE;
    }

  save_window_state (self);
  return GTK_WINDOW_CLASS (ent_window_parent_class)->close_request (window);
}

static void
ent_window_map (GtkWidget *widget)
{
  EntWindow *self = ENT_WINDOW (widget);

  GTK_WIDGET_CLASS (ent_window_parent_class)->map (widget);

  /* Start on the page list, not inside the first entry (whose text would
   * show selected): Tab then goes through the page in reading order. */
  gtk_widget_child_focus (self->sidebar, GTK_DIR_TAB_FORWARD);
}

static void
ent_window_dispose (GObject *object)
{
  EntWindow *self = ENT_WINDOW (object);

  g_clear_handle_id (&self->recompute_id, g_source_remove);
  if (self->guard_dialog != NULL)
    gtk_window_destroy (self->guard_dialog);
  /* The file-changed question goes unanswered: nothing is written. */
  if (self->overwrite_dialog != NULL)
    {
      GtkWindow *dialog = g_steal_pointer (&self->overwrite_dialog);

      self->overwrite_pending = FALSE;
      gtk_dialog_response (GTK_DIALOG (dialog), ENT_WINDOW_OVERWRITE_CANCEL);
    }
  if (self->document != NULL)
    {
      g_signal_handlers_disconnect_by_data (ent_document_get_scenarios (self->document), self);
      g_signal_handlers_disconnect_by_data (self->document, self);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), ENT_TYPE_WINDOW);
  g_clear_object (&self->scenario);
  g_clear_pointer (&self->budget, ent_budget_unref);
  g_clear_object (&self->document);
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
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_SCENARIO:
      g_value_set_object (value, self->scenario);
      break;
    case PROP_BUDGET:
      g_value_set_boxed (value, self->budget);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ent_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  EntWindow *self = ENT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      ent_window_set_document (self, g_value_get_object (value));
      break;
    case PROP_SCENARIO:
      ent_window_set_scenario (self, g_value_get_object (value));
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

  object_class->dispose = ent_window_dispose;
  object_class->get_property = ent_window_get_property;
  object_class->set_property = ent_window_set_property;
  widget_class->map = ent_window_map;
  window_class->close_request = ent_window_close_request;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, ENT_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SCENARIO] =
    g_param_spec_object ("scenario", NULL, NULL, ENT_TYPE_SCENARIO,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUDGET] =
    g_param_spec_boxed ("budget", NULL, NULL, ENT_TYPE_BUDGET,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ENT_TYPE_TOTALS_BAR);
  g_type_ensure (ENT_TYPE_ASSUMPTIONS_PAGE);
  g_type_ensure (ENT_TYPE_PUPILS_PAGE);
  g_type_ensure (ENT_TYPE_SCENARIOS_PAGE);
  g_type_ensure (ENT_TYPE_BUDGET_PAGE);
  g_type_ensure (ENT_TYPE_COMPARE_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/budgetent/BudgetEnt/ui/ent-window.ui");
  gtk_widget_class_bind_template_child (widget_class, EntWindow, title_label);
  gtk_widget_class_bind_template_child (widget_class, EntWindow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, EntWindow, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, EntWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, EntWindow, info_revealer);
  gtk_widget_class_bind_template_child (widget_class, EntWindow, info_label);
  gtk_widget_class_bind_template_child (widget_class, EntWindow, budget_revealer);
  gtk_widget_class_bind_template_child (widget_class, EntWindow, budget_label);
  gtk_widget_class_bind_template_child (widget_class, EntWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, EntWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, EntWindow, totals_bar);
  gtk_widget_class_bind_template_child (widget_class, EntWindow, assumptions_page);
  gtk_widget_class_bind_template_child (widget_class, EntWindow, pupils_page);
  gtk_widget_class_bind_template_child (widget_class, EntWindow, scenarios_page);
  gtk_widget_class_bind_template_child (widget_class, EntWindow, budget_page);
  gtk_widget_class_bind_template_child (widget_class, EntWindow, compare_page);
  /* not kept: bound so that tests can find them */
  gtk_widget_class_bind_template_child_full (widget_class, "save_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "export_button", FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, dismiss_error_cb);
  gtk_widget_class_bind_template_callback (widget_class, dismiss_info_cb);
  gtk_widget_class_bind_template_callback (widget_class, shown_budget_cb);

  ent_window_class_add_actions (widget_class);
}

static void
ent_window_init (EntWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  ensure_style (GTK_WIDGET (self));

  /* The Scenarios page's selection drives the window's scenario, which the
   * other pages and the totals bar follow (bindings in ent-window.ui). */
  g_object_bind_property (self, "scenario", self->scenarios_page, "scenario",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);

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
  update_title (self);
}

/* ------------------------------------------------------------------- public */

EntWindow *
ent_window_new (GtkApplication *application,
                EntDocument    *document)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (ENT_IS_DOCUMENT (document), NULL);

  return g_object_new (ENT_TYPE_WINDOW,
                       "application", application,
                       "document", document,
                       NULL);
}

EntDocument *
ent_window_get_document (EntWindow *self)
{
  g_return_val_if_fail (ENT_IS_WINDOW (self), NULL);

  return self->document;
}

void
ent_window_set_document (EntWindow   *self,
                         EntDocument *document)
{
  g_return_if_fail (ENT_IS_WINDOW (self));
  g_return_if_fail (document == NULL || ENT_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  if (self->document != NULL)
    {
      g_signal_handlers_disconnect_by_data (ent_document_get_scenarios (self->document), self);
      g_signal_handlers_disconnect_by_data (self->document, self);
    }

  g_set_object (&self->document, document);
  g_clear_handle_id (&self->recompute_id, g_source_remove);
  /* A budget of another document is no "last good" state of this one. */
  set_budget (self, NULL);
  gtk_revealer_set_reveal_child (self->budget_revealer, FALSE);
  gtk_revealer_set_reveal_child (self->info_revealer, FALSE);

  if (document != NULL)
    {
      g_signal_connect_swapped (document, "changed", G_CALLBACK (document_changed_cb), self);
      g_signal_connect_swapped (document, "notify::title", G_CALLBACK (document_notify_cb), self);
      g_signal_connect_swapped (document, "notify::modified", G_CALLBACK (document_notify_cb), self);
      g_signal_connect_swapped (document, "notify::file", G_CALLBACK (document_notify_cb), self);
      /* After the list's other handlers: when the selected scenario is
       * removed, the Scenarios page's GtkSingleSelection must see the removal
       * before the window picks another scenario, which selects it there.
       * Selecting first, with the selected row the last one, made GTK 4.8
       * announce a selection change past the end of the shortened list (a
       * critical, and the change never reached the list view). */
      g_signal_connect_data (ent_document_get_scenarios (document), "items-changed",
                             G_CALLBACK (scenarios_changed_cb), self, NULL,
                             G_CONNECT_SWAPPED | G_CONNECT_AFTER);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
  ensure_scenario (self);
  recompute (self);
  update_title (self);
  ent_window_update_actions (self);
}

EntScenario *
ent_window_get_scenario (EntWindow *self)
{
  g_return_val_if_fail (ENT_IS_WINDOW (self), NULL);

  return self->scenario;
}

void
ent_window_set_scenario (EntWindow   *self,
                         EntScenario *scenario)
{
  g_return_if_fail (ENT_IS_WINDOW (self));
  g_return_if_fail (scenario == NULL || ENT_IS_SCENARIO (scenario));

  if (g_set_object (&self->scenario, scenario))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCENARIO]);
}

EntBudget *
ent_window_get_budget (EntWindow *self)
{
  g_return_val_if_fail (ENT_IS_WINDOW (self), NULL);

  return self->budget;
}

void
ent_window_flush (EntWindow *self)
{
  g_return_if_fail (ENT_IS_WINDOW (self));

  if (self->recompute_id != 0)
    recompute (self);
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
  ent_window_set_document (self, document);
  ent_window_remember_document (self, file);
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

  if (!ent_document_save (self->document, file, &local_error))
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
  ent_window_remember_document (self, file);
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

  dialog = ent_import_dialog_new (GTK_WINDOW (self), self->document, file);
  g_signal_connect_object (dialog, "imported", G_CALLBACK (imported_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}
