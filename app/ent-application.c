/* ent-application.c: the GtkApplication; the headless options are in ent-cli.c
 *
 * One instance per session: "ent-budget FILE" in a second terminal opens FILE
 * in the running instance, in a window of its own (one window per document).
 * The first window of the instance offers the drafts a crash left (SPEC 11).
 * The headless options (--summary, --csv, --export) are handled locally,
 * before registration: they need neither a display nor a session bus.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ent-application.h"
#include "ent-cli.h"
#include "ent-window.h"

struct _EntApplication
{
  GtkApplication parent_instance;

  /* FILE arguments of the primary instance's own command line */
  GFile        **pending_files;
  guint          n_pending_files;
  gboolean       recovery_offered;
};

G_DEFINE_FINAL_TYPE (EntApplication, ent_application, ADW_TYPE_APPLICATION)

static const struct {
  const char *action;
  const char *accels[3];
} accels[] = {
  { "win.new", { "<Control>n", NULL } },
  { "win.open", { "<Control>o", NULL } },
  { "win.save", { "<Control>s", NULL } },
  { "win.save-as", { "<Control><Shift>s", NULL } },
  { "win.undo", { "<Control>z", NULL } },
  { "win.redo", { "<Control><Shift>z", "<Control>y", NULL } },
  { "win.export", { "<Control>e", NULL } },
  { "win.show-help-overlay", { "<Control>question", NULL } },
  { "app.help", { "F1", NULL } },
  { "win.show-page::assumptions", { "<Alt>1", NULL } },
  { "win.show-page::pupils", { "<Alt>2", NULL } },
  { "win.show-page::scenarios", { "<Alt>3", NULL } },
  { "win.show-page::budget", { "<Alt>4", NULL } },
  { "window.close", { "<Control>w", NULL } },
  { "app.quit", { "<Control>q", NULL } },
};

/* ------------------------------------------------------------------ helpers */

static void
free_files (GFile **files)
{
  for (GFile **f = files; f != NULL && *f != NULL; f++)
    g_object_unref (*f);
  g_free (files);
}

static EntWindow *
find_window_for_file (EntApplication *self,
                      GFile          *file)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      GFile *other;

      if (!ENT_IS_WINDOW (l->data))
        continue;
      other = ent_document_get_file (ent_window_get_document (l->data));
      if (other != NULL && g_file_equal (other, file))
        return l->data;
    }
  return NULL;
}

/* The last document if it still loads; else the start page (with the
 * reason, when the last document no longer loads). Behind the start page
 * the window holds the bundled example, unmodified, until a button says
 * which document to show. */
static EntWindow *
new_default_window (EntApplication *self)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(EntDocument) example = NULL;
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  EntWindow *window;

  example = ent_document_new_example ();
  window = ent_window_new (GTK_APPLICATION (self), example);

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema != NULL)
    {
      g_autoptr(GSettings) settings = g_settings_new_full (schema, NULL, NULL);
      g_autofree char *uri = g_settings_get_string (settings, "last-document");

      if (uri != NULL && *uri != '\0')
        {
          g_autoptr(GFile) file = g_file_new_for_commandline_arg (uri);

          if (g_file_query_exists (file, NULL) && ent_window_load_file (window, file, NULL))
            return window;
        }
    }
  ent_window_show_start_page (window);
  return window;
}

/* The drafts a crash left are offered once, in the instance's first window. */
static void
offer_recovery (EntApplication *self,
                EntWindow      *window)
{
  if (self->recovery_offered)
    return;
  self->recovery_offered = TRUE;
  ent_window_offer_recovery (window);
}

/* ---------------------------------------------------------------- callbacks */

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (app));

  /* Each window asks about its unsaved changes; the application quits when
   * the last one is gone. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
}

static void
help_shown (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  GtkWindow *window = GTK_WINDOW (source);
  g_autoptr(GError) error = NULL;

  /* gtk_show_uri() would only log the failure (no help browser installed,
   * typically): say it in the window instead. */
  if (!gtk_show_uri_full_finish (window, result, &error) && ENT_IS_WINDOW (window))
    {
      g_autofree char *message =
        /* Translators: %s is the reason, e.g. that no application handles help */
        g_strdup_printf (_("Could not open the help: %s"), error->message);

      ent_window_show_error (ENT_WINDOW (window), message);
    }
}

/* The Mallard pages installed under share/help/LANG/ent-budget (help/);
 * gtk_show_uri_full() is deprecated from GTK 4.10 in favour of
 * GtkUriLauncher, which 4.8 lacks. */
static void
help_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  gtk_show_uri_full (window, "help:ent-budget", GDK_CURRENT_TIME, NULL, help_shown, NULL);
}

static const GActionEntry app_entries[] = {
  { .name = "help", .activate = help_action },
  { .name = "quit", .activate = quit_action },
};

/* ---------------------------------------------------------------- overrides */

static int
ent_application_handle_local_options (GApplication *app,
                                      GVariantDict *options)
{
  EntApplication *self = ENT_APPLICATION (app);
  g_autoptr(GError) error = NULL;
  GFile **files;
  guint n_files = 0;
  int status;

  status = ent_cli_handle_local_options (app, options);
  if (status >= 0)
    return status;

  /* The window. The FILE arguments are the CLI's G_OPTION_REMAINING, so
   * GApplication does not emit "open" by itself. */
  files = ent_cli_dup_files (options, &n_files);
  if (files == NULL)
    return -1;

  if (!g_application_register (app, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      free_files (files);
      return 1;
    }

  if (g_application_get_is_remote (app))
    {
      /* Hand the files to the running instance, which opens them. */
      g_application_open (app, files, n_files, "");
      free_files (files);
      return 0;
    }

  /* Opened from "activate", once the main loop runs. */
  self->pending_files = files;
  self->n_pending_files = n_files;
  return -1;
}

static void
ent_application_startup (GApplication *app)
{
  G_APPLICATION_CLASS (ent_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_entries,
                                   G_N_ELEMENTS (app_entries), app);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), accels[i].action,
                                           accels[i].accels);
  gtk_window_set_default_icon_name (APPLICATION_ID);
}

static void
ent_application_activate (GApplication *app)
{
  EntApplication *self = ENT_APPLICATION (app);
  GtkWindow *window;

  if (self->pending_files != NULL)
    {
      GFile **files = g_steal_pointer (&self->pending_files);
      guint n_files = self->n_pending_files;

      self->n_pending_files = 0;
      g_application_open (app, files, n_files, "");
      free_files (files);
      return;
    }

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window == NULL)
    window = GTK_WINDOW (new_default_window (self));
  if (ENT_IS_WINDOW (window))
    offer_recovery (self, ENT_WINDOW (window));
  gtk_window_present (window);
}

static void
ent_application_open (GApplication  *app,
                      GFile        **files,
                      int            n_files,
                      const char    *hint)
{
  EntApplication *self = ENT_APPLICATION (app);

  for (int i = 0; i < n_files; i++)
    {
      EntWindow *window = find_window_for_file (self, files[i]);
      g_autoptr(EntDocument) document = NULL;
      g_autoptr(GError) error = NULL;

      if (window == NULL)
        {
          document = ent_document_new_from_file (files[i], &error);
          if (document != NULL)
            {
              window = ent_window_new (GTK_APPLICATION (app), document);
              /* the example from the source tree (scripts/run.sh, the
               * README): shown as one, and never written over */
              if (ent_window_file_is_example (files[i]))
                ent_window_show_example (window, document);
            }
          else
            {
              g_autofree char *name = g_file_get_parse_name (files[i]);
              g_autofree char *message =
                /* Translators: %1$s is a file name, %2$s the reason */
                g_strdup_printf (_("Could not open “%1$s”: %2$s"), name, error->message);
              GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (app));

              /* Shown in the window, never only on the terminal. */
              window = ENT_IS_WINDOW (active) ? ENT_WINDOW (active) : new_default_window (self);
              ent_window_show_error (window, message);
            }
        }
      offer_recovery (self, window);
      gtk_window_present (GTK_WINDOW (window));
    }
}

static void
ent_application_finalize (GObject *object)
{
  EntApplication *self = ENT_APPLICATION (object);

  free_files (self->pending_files);

  G_OBJECT_CLASS (ent_application_parent_class)->finalize (object);
}

static void
ent_application_class_init (EntApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = ent_application_finalize;
  app_class->handle_local_options = ent_application_handle_local_options;
  app_class->startup = ent_application_startup;
  app_class->activate = ent_application_activate;
  app_class->open = ent_application_open;
}

static void
ent_application_init (EntApplication *self)
{
  ent_cli_add_options (G_APPLICATION (self));
}

EntApplication *
ent_application_new (void)
{
  return g_object_new (ENT_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "resource-base-path", RESOURCE_BASE,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       NULL);
}
