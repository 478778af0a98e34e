/* ent-application.c: the GtkApplication; the headless options are in ent-cli.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ent-application.h"
#include "ent-cli.h"

struct _EntApplication
{
  GtkApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (EntApplication, ent_application, GTK_TYPE_APPLICATION)

static int
ent_application_handle_local_options (GApplication *app,
                                      GVariantDict *options)
{
  return ent_cli_handle_local_options (app, options);
}

static void
ent_application_activate (GApplication *app)
{
  /* The window comes with the issue "The main window"; until then the
   * command line handles everything in handle-local-options. */
}

static void
ent_application_class_init (EntApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->handle_local_options = ent_application_handle_local_options;
  app_class->activate = ent_application_activate;
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
                       "flags", G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE,
                       NULL);
}
