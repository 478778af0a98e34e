/* main.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "ent-application.h"
#include "ent-bench-hook.h"
#include "ent-cli.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(EntApplication) app = NULL;
  int status;

  setlocale (LC_ALL, "");
  /* ENT_BUDGET_LOCALEDIR runs the build tree's translations uninstalled (tests) */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("ENT_BUDGET_LOCALEDIR") ? g_getenv ("ENT_BUDGET_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("ent-budget");

  /* Bad usage exits with 2 before GApplication (which would say 1). */
  status = ent_cli_check_usage (argc, argv);
  if (status >= 0)
    return status;

  app = ent_application_new ();
  /* ENT_BENCH_FIRST_FRAME=1: the first frame's time, then quit (bench-startup) */
  ent_bench_hook_install (GTK_APPLICATION (app));
  return g_application_run (G_APPLICATION (app), argc, argv);
}
