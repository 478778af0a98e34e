/* bench-startup.c: exec -> first frame of the application, against a bare GTK window (issue 13, item 6)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Spawns, alternately, RUNS times each:
 *   - build/bench/bare-window: a GtkApplication presenting an empty
 *     GtkWindow of the application window's size (what any GTK 4
 *     application pays: GTK's start, the display, the theme, one window);
 *   - build/bench/bare-adw-window: the same with an AdwApplication and an
 *     empty AdwApplicationWindow (what libadwaita adds, its style sheet
 *     above all: the share of the ratio this application cannot remove);
 *   - build/app/ent-budget DOCUMENT (default data/examples/hem.entbudget).
 * Both run with ENT_BENCH_FIRST_FRAME=1, which makes them print the
 * monotonic time of their first painted frame (the frame clock's
 * "after-paint" of their first window; app/ent-bench-hook.c) and quit. The
 * start is taken just before the spawn, so the interval is what a user waits
 * after launching: exec, dynamic linking, GTK and libadwaita start, the
 * document's loading, the window's construction, its first layout and paint.
 * Every spawn gets a fresh, empty XDG_DATA_HOME and XDG_CONFIG_HOME (no
 * recent documents, no drafts to offer, no remembered document); the rest of
 * the environment is this program's. One unmeasured spawn of each comes
 * first (files in the page cache). Prints median, minimum and maximum of
 * each, and the ratio of the medians (target: at most 1.5); also the
 * processor time (user + system, all threads) each process had used at its
 * first frame, which a busy machine disturbs less than the elapsed time.
 *
 * Needs a display: run under Xvfb, with bench-window's environment, e.g.
 *   xvfb-run -a -s '-screen 0 1280x800x24' env GSK_RENDERER=cairo \
 *     GDK_DEBUG=gl-disable GTK_A11Y=none GSETTINGS_BACKEND=memory GDK_BACKEND=x11 \
 *     GSETTINGS_SCHEMA_DIR=build/data ./build/bench/bench-startup [RUNS [DOCUMENT [PROGRAM]]]
 * and once more without GTK_A11Y=none (accessibility as users have it).
 * Usage: bench-startup [RUNS [DOCUMENT [PROGRAM]]]   (default 9 runs; PROGRAM
 * instead of build/app/ent-budget, e.g. a copy built before a change).
 * Exit status 0 even when a figure is high: timings depend on the machine.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "ent-bench-hook.h"
#include "ent-bench-timing.h"

#define WAIT_TIMEOUT_S 60

typedef struct
{
  GMainLoop *loop;
  char      *output;
  gboolean   done;
  gboolean   timed_out;
  GError    *error;
} Spawn;

static void
communicated_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Spawn *spawn = user_data;

  g_subprocess_communicate_utf8_finish (G_SUBPROCESS (source), result,
                                        &spawn->output, NULL, &spawn->error);
  spawn->done = TRUE;
  g_main_loop_quit (spawn->loop);
}

static gboolean
timeout_cb (gpointer user_data)
{
  Spawn *spawn = user_data;

  spawn->timed_out = TRUE;
  g_main_loop_quit (spawn->loop);
  return G_SOURCE_REMOVE;
}

/* Runs @argv once; returns its exec -> first frame time in microseconds,
 * and in *@cpu the processor time (user + system, all threads) the process
 * had used at its first frame. */
static gint64
run_once (const char * const *argv,
          gint64             *cpu)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GSubprocess) rm = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *home = NULL;
  g_autofree char *data_home = NULL;
  g_autofree char *config_home = NULL;
  Spawn spawn = { NULL, NULL, FALSE, FALSE, NULL };
  const char *line;
  char *end;
  gint64 start, frame;
  guint timeout;

  home = g_dir_make_tmp ("bench-startup-XXXXXX", &error);
  if (home == NULL)
    g_error ("temporary directory: %s", error->message);
  data_home = g_build_filename (home, "data", NULL);
  config_home = g_build_filename (home, "config", NULL);
  g_mkdir (data_home, 0700);
  g_mkdir (config_home, 0700);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_subprocess_launcher_setenv (launcher, ENT_BENCH_FIRST_FRAME_ENV, "1", TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", data_home, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", config_home, TRUE);

  start = g_get_monotonic_time ();
  process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  if (process == NULL)
    g_error ("cannot run %s: %s", argv[0], error->message);

  spawn.loop = g_main_loop_new (NULL, FALSE);
  timeout = g_timeout_add_seconds (WAIT_TIMEOUT_S, timeout_cb, &spawn);
  g_subprocess_communicate_utf8_async (process, NULL, NULL, communicated_cb, &spawn);
  g_main_loop_run (spawn.loop);
  if (spawn.timed_out)
    {
      g_subprocess_force_exit (process);
      g_error ("%s: no first frame after %d s", argv[0], WAIT_TIMEOUT_S);
    }
  g_source_remove (timeout);
  g_main_loop_unref (spawn.loop);
  if (spawn.error != NULL)
    g_error ("%s: %s", argv[0], spawn.error->message);

  line = spawn.output != NULL ? strstr (spawn.output, "first-frame ") : NULL;
  if (line == NULL)
    g_error ("%s printed no first-frame time (is it built with app/ent-bench-hook.c?)", argv[0]);
  frame = g_ascii_strtoll (line + strlen ("first-frame "), &end, 10);
  *cpu = g_ascii_strtoll (end, NULL, 10);
  g_free (spawn.output);
  if (!g_subprocess_wait (process, NULL, &error))
    g_error ("%s: %s", argv[0], error->message);

  /* the application may have written there (recent documents, settings) */
  rm = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, NULL, "rm", "-rf", home, NULL);
  if (rm != NULL)
    g_subprocess_wait (rm, NULL, NULL);
  return frame - start;
}

static void
print_row (const char *what,
           GArray     *samples)
{
  EntBenchTiming t = ent_bench_summarize (samples);

  g_print ("| %-44s | %9.1f | %7.1f | %7.1f |\n", what, t.median, t.min, t.max);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GArray) bare = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) app = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) bare_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) app_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) adw = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) adw_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  const char *document = BENCH_SOURCE_ROOT "/data/examples/hem.entbudget";
  const char *bare_argv[] = { BENCH_BARE_WINDOW, NULL };
  const char *adw_argv[] = { BENCH_BARE_ADW_WINDOW, NULL };
  const char *app_argv[] = { BENCH_ENT_BUDGET, NULL, NULL };
  const char *a11y = g_getenv ("GTK_A11Y");
  guint runs = 9;
  double bare_median, app_median, adw_median;
  gint64 cpu;

  if (argc > 1)
    {
      runs = (guint) strtoul (argv[1], NULL, 10);
      if (runs < 1 || runs > 1000)
        {
          g_printerr ("usage: %s [RUNS [DOCUMENT [PROGRAM]]]   (RUNS 1 to 1000, default 9)\n", argv[0]);
          return 2;
        }
    }
  if (argc > 2)
    document = argv[2];
  if (argc > 3)
    app_argv[0] = argv[3];
  app_argv[1] = document;
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_printerr ("bench-startup: no display (run it under xvfb-run)\n");
      return 77;
    }

  g_print ("# bench-startup: exec -> first painted frame, %u runs each, alternately; "
           "GSK_RENDERER=%s GTK_A11Y=%s\n# %s %s\n",
           runs, g_getenv ("GSK_RENDERER") != NULL ? g_getenv ("GSK_RENDERER") : "(default)",
           a11y != NULL ? a11y : "(default)", app_argv[0], document);

  /* unmeasured: the binaries, libraries, fonts and icons in the page cache */
  run_once (bare_argv, &cpu);
  run_once (adw_argv, &cpu);
  run_once (app_argv, &cpu);

  for (guint run = 0; run < runs; run++)
    {
      double ms;

      ms = run_once (bare_argv, &cpu) / 1000.0;
      g_array_append_val (bare, ms);
      ms = cpu / 1000.0;
      g_array_append_val (bare_cpu, ms);
      ms = run_once (adw_argv, &cpu) / 1000.0;
      g_array_append_val (adw, ms);
      ms = cpu / 1000.0;
      g_array_append_val (adw_cpu, ms);
      ms = run_once (app_argv, &cpu) / 1000.0;
      g_array_append_val (app, ms);
      ms = cpu / 1000.0;
      g_array_append_val (app_cpu, ms);
    }

  bare_median = ent_bench_summarize (bare).median;
  app_median = ent_bench_summarize (app).median;
  adw_median = ent_bench_summarize (adw).median;
  g_print ("\n| Exec -> first painted frame (ms)             |    median |     min |     max |\n"
           "|----------------------------------------------|----------:|--------:|--------:|\n");
  print_row ("bare GTK window", bare);
  print_row ("bare libadwaita window", adw);
  print_row ("ent-budget DOCUMENT", app);
  print_row ("processor time to it, bare GTK window", bare_cpu);
  print_row ("processor time to it, bare libadwaita window", adw_cpu);
  print_row ("processor time to it, ent-budget DOCUMENT", app_cpu);
  g_print ("\n# ratio of the medians (ent-budget / bare): %.2f (target: at most 1.5); "
           "of the processor times: %.2f\n",
           app_median / bare_median,
           ent_bench_summarize (app_cpu).median / ent_bench_summarize (bare_cpu).median);
  g_print ("# bare libadwaita window / bare GTK window: %.2f (what libadwaita alone costs); "
           "ent-budget / bare libadwaita window: %.2f\n",
           adw_median / bare_median, app_median / adw_median);
  return 0;
}
