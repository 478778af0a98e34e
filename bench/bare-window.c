/* bare-window.c: an empty GTK 4 window, bench-startup's reference
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What any GTK 4 application pays before its first frame (GTK's start, the
 * display connection, the theme, one window): a GtkApplication, registered
 * as ent-budget is, presenting an empty GtkWindow. With
 * ENT_BENCH_FIRST_FRAME=1 it prints the time of its first painted frame and
 * quits, through the very hook ent-budget uses (app/ent-bench-hook.c).
 * Built twice: bare-window (GTK alone), and bare-adw-window (BARE_ADWAITA:
 * an AdwApplication presenting an empty AdwApplicationWindow), which adds
 * what libadwaita costs any application before its first frame, its style
 * sheet above all. Not installed; run by build/bench/bench-startup.
 */
#include "config.h"

#ifdef BARE_ADWAITA
#include <adwaita.h>
#else
#include <gtk/gtk.h>
#endif

#include "ent-bench-hook.h"

static void
activate_cb (GtkApplication *app)
{
#ifdef BARE_ADWAITA
  GtkWidget *window = adw_application_window_new (app);
#else
  GtkWidget *window = gtk_application_window_new (app);
#endif

  gtk_window_set_title (GTK_WINDOW (window), "Bare window");
  gtk_window_set_default_size (GTK_WINDOW (window), 1180, 760);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GtkApplication) app = NULL;

#ifdef BARE_ADWAITA
  app = GTK_APPLICATION (adw_application_new (APPLICATION_ID ".BareAdwWindow", G_APPLICATION_DEFAULT_FLAGS));
#else
  app = gtk_application_new (APPLICATION_ID ".BareWindow", G_APPLICATION_DEFAULT_FLAGS);
#endif
  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);
  ent_bench_hook_install (app);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
