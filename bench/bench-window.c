/* bench-window.c: the main window at the syndicate's scale (issue 7, item 4)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Builds the real EntWindow (in a registered, non-unique GtkApplication) on
 * the synthetic document of ent-large-document.h (1 500 communes, 3 500
 * schools, 500 000 pupils, 4 scenarios) and measures, with the frame clock's
 * "after-paint" as the end of every interval:
 *   (a) ent_window_new () -> first painted frame, and -> first painted frame
 *       that shows the computed totals;
 *   (b) one pupil-count edit (ent_school_set_known_pupils (), what a cell edit
 *       ends up calling) -> the next painted frame showing the new totals, on
 *       the Assumptions, Pupils, Budget and Compare pages, with the part
 *       until the workspace's "notify::budget" handlers have run (recomputation
 *       + the views taking the new budget; the rest is layout and paint),
 *       and ent_budget_compute () alone for comparison;
 *   (c) win.show-page -> the next painted frame, for every page.
 * Prints medians (with minimum and maximum) over RUNS repetitions; for (a)
 * and (c) also the processor time the process used meanwhile (all threads),
 * which a busy machine disturbs less than the elapsed time.
 *
 * Needs a display: run under Xvfb, e.g.
 *   xvfb-run -a -s '-screen 0 1280x800x24' env GSK_RENDERER=cairo \
 *     GDK_DEBUG=gl-disable GTK_A11Y=none GSETTINGS_BACKEND=memory GDK_BACKEND=x11 \
 *     GSETTINGS_SCHEMA_DIR=build/data ./build/bench/bench-window [RUNS]
 * Usage: bench-window [RUNS]   (default 7). Animations are turned off (as in
 * the GUI tests) so that a page switch is one frame, not a crossfade.
 * Exit status 0 even when a figure is high: timings depend on the machine.
 */
#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <time.h>

#include <glib/gi18n.h>
#include <gtk/gtk.h>

#include "ent-bench-timing.h"
#include "ent-large-document.h"
#include "ent-money.h"
#include "ent-window-private.h"

#define WAIT_TIMEOUT_S 120
#define RESPONSIVE_MS  100.0

static const char *all_pages[] = { "assumptions", "pupils", "scenarios", "budget", "compare" };
static const char *edit_pages[] = { "assumptions", "pupils", "budget", "compare" };

/* ---------------------------------------------------------------- timing */

static void
add_ms (GArray *samples,
        gint64  usec)
{
  double ms = usec / 1000.0;

  g_array_append_val (samples, ms);
}

static void
print_row (const char *what,
           GArray     *samples)
{
  EntBenchTiming t = ent_bench_summarize (samples);

  g_print ("| %-50s | %9.1f | %7.1f | %7.1f |\n", what, t.median, t.min, t.max);
}

/* ------------------------------------------------------------ main loop */

static gboolean timed_out;

static gboolean
timeout_cb (gpointer data)
{
  timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Iterates until *@flag is set (or fails after WAIT_TIMEOUT_S). */
static void
iterate_until (const gboolean *flag,
               const char     *what)
{
  guint id;

  timed_out = FALSE;
  id = g_timeout_add_seconds (WAIT_TIMEOUT_S, timeout_cb, NULL);
  while (!*flag && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (timed_out)
    g_error ("timed out waiting for %s", what);
  g_source_remove (id);
}

/* The painted-frame probe: "after-paint" of the window's frame clock. */
typedef struct
{
  gboolean armed;     /* count frames only once armed */
  gboolean painted;
  gint64   time;      /* monotonic time of the first frame painted once armed */
  gint64   cpu;       /* the process's processor time then */
} Probe;

/* The process's processor time (all threads), in microseconds: what a busy
 * machine disturbs less than the elapsed time. */
static gint64
cpu_time (void)
{
  struct timespec cpu = { 0, 0 };

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &cpu);
  return (gint64) cpu.tv_sec * G_USEC_PER_SEC + cpu.tv_nsec / 1000;
}

static void
after_paint_cb (GdkFrameClock *clock,
                Probe         *probe)
{
  if (probe->armed && !probe->painted)
    {
      probe->painted = TRUE;
      probe->time = g_get_monotonic_time ();
      probe->cpu = cpu_time ();
    }
}

static void
wait_for_frame (GtkWidget *widget)
{
  Probe probe = { TRUE, FALSE, 0, 0 };
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gulong id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &probe);

  gtk_widget_queue_draw (widget);
  iterate_until (&probe.painted, "a frame");
  g_signal_handler_disconnect (clock, id);
}

/* Two frames and nothing pending: the next measurement starts idle. */
static void
settle (GtkWidget *widget)
{
  wait_for_frame (widget);
  wait_for_frame (widget);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* ---------------------------------------------------------- window state */

/* The selected scenario's contract total as the totals bar must show it. */
static char *
expected_total (EntWindow *window)
{
  EntBudget *budget = ent_window_get_budget (window);
  EntScenario *scenario = ent_window_get_scenario (window);

  g_assert_nonnull (budget);
  for (guint i = 0; i < budget->n_scenarios; i++)
    if (budget->scenarios[i].scenario == scenario)
      return ent_money_format (budget->scenarios[i].total);
  return ent_money_format (budget->scenarios[0].total);
}

static void
check_totals_shown (EntWindow *window)
{
  g_autofree char *expected = expected_total (window);
  const char *shown = ent_totals_bar_get_total_text (ENT_TOTALS_BAR (window->totals_bar));

  if (g_strcmp0 (shown, expected) != 0)
    g_error ("the totals bar shows %s, the budget says %s", shown, expected);
}

static void
show_page (EntWindow  *window,
           const char *page)
{
  if (!gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", page))
    g_error ("win.show-page %s failed", page);
  if (g_strcmp0 (gtk_stack_get_visible_child_name (window->stack), page) != 0)
    g_error ("page %s not shown", page);
}

static void
destroy_window (EntWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_object_unref (window);
}

/* ------------------------------------------------ (a) open -> first frame */

typedef struct
{
  Probe     first;    /* the first painted frame */
  Probe     totals;   /* the first painted frame once a budget is there */
  EntWindow *window;
  gulong    id;
} OpenProbe;

static void
open_after_paint_cb (GdkFrameClock *clock,
                     OpenProbe     *probe)
{
  after_paint_cb (clock, &probe->first);
  if (ent_window_get_budget (probe->window) != NULL)
    after_paint_cb (clock, &probe->totals);
}

/* The frame clock exists once the window is realized: connect there, before
 * any frame can be painted. */
static void
realize_cb (GtkWidget *widget,
            OpenProbe *probe)
{
  probe->id = g_signal_connect (gtk_widget_get_frame_clock (widget), "after-paint",
                                G_CALLBACK (open_after_paint_cb), probe);
}

static EntWindow *
open_window (GtkApplication *app,
             EntDocument    *document,
             gint64         *to_first,
             gint64         *to_totals,
             gint64         *cpu_to_first)
{
  OpenProbe probe = { { TRUE, FALSE, 0, 0 }, { TRUE, FALSE, 0, 0 }, NULL, 0 };
  gint64 start, cpu_start;
  EntWindow *window;

  cpu_start = cpu_time ();
  start = g_get_monotonic_time ();
  window = ent_window_new (app, document);
  g_object_ref (window);
  probe.window = window;
  g_signal_connect_after (window, "realize", G_CALLBACK (realize_cb), &probe);
  gtk_window_present (GTK_WINDOW (window));
  iterate_until (&probe.first.painted, "the first frame");
  iterate_until (&probe.totals.painted, "the first frame with totals");
  g_signal_handler_disconnect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), probe.id);
  g_signal_handlers_disconnect_by_func (window, realize_cb, &probe);
  *to_first = probe.first.time - start;
  *to_totals = probe.totals.time - start;
  *cpu_to_first = probe.first.cpu - cpu_start;
  check_totals_shown (window);
  return window;
}

/* ---------------------------------------------- (b) edit -> painted frame */

typedef struct
{
  Probe      frame;
  gboolean   taken;
  gint64     taken_time;      /* every "notify::budget" handler has run */
} EditProbe;

/* Connected last: the views have taken the new budget; the next frame painted
 * is the one that shows it. */
static void
budget_notify_cb (EntWorkspace *workspace,
                  GParamSpec   *pspec,
                  EditProbe    *probe)
{
  if (!probe->taken)
    {
      probe->taken = TRUE;
      probe->taken_time = g_get_monotonic_time ();
      probe->frame.armed = TRUE;
    }
}

static void
edit_after_paint_cb (GdkFrameClock *clock,
                     EditProbe     *probe)
{
  after_paint_cb (clock, &probe->frame);
}

static void
measure_edit (EntWindow *window,
              EntSchool *school,
              gint64     pupils,
              GArray    *totals,
              GArray    *taken)
{
  EditProbe probe = { { FALSE, FALSE, 0, 0 }, FALSE, 0 };
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  gulong paint_id, notify_id;
  gint64 start;

  paint_id = g_signal_connect (clock, "after-paint", G_CALLBACK (edit_after_paint_cb), &probe);
  notify_id = g_signal_connect (ent_window_get_workspace (window), "notify::budget",
                                G_CALLBACK (budget_notify_cb), &probe);
  start = g_get_monotonic_time ();
  ent_school_set_known_pupils (school, 2023, pupils);       /* the edit */
  iterate_until (&probe.taken, "the new budget");
  iterate_until (&probe.frame.painted, "the frame after the edit");
  g_signal_handler_disconnect (clock, paint_id);
  g_signal_handler_disconnect (ent_window_get_workspace (window), notify_id);
  check_totals_shown (window);

  add_ms (totals, probe.frame.time - start);
  add_ms (taken, probe.taken_time - start);
}

/* The recomputation on its own (what the window does in its idle). */
static gint64
measure_compute (EntDocument *document)
{
  g_autoptr(EntBudget) budget = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  budget = ent_budget_compute (document, &error);
  if (budget == NULL)
    g_error ("ent_budget_compute: %s", error->message);
  return g_get_monotonic_time () - start;
}

/* ------------------------------------------------ (c) page -> painted frame */

static gint64
measure_switch (EntWindow  *window,
                const char *page,
                gint64     *cpu)
{
  Probe probe = { TRUE, FALSE, 0, 0 };
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  gulong id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &probe);
  gint64 cpu_start = cpu_time ();
  gint64 start = g_get_monotonic_time ();

  show_page (window, page);
  iterate_until (&probe.painted, "the frame after a page switch");
  g_signal_handler_disconnect (clock, id);
  *cpu = probe.cpu - cpu_start;
  return probe.time - start;
}

/* ------------------------------------------------------------------ main */

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GtkApplication) app = NULL;
  g_autoptr(EntDocument) document = NULL;
  g_autoptr(EntSchool) edited = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) open_first = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) open_totals = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) open_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  GArray *edit_total[G_N_ELEMENTS (edit_pages)];
  GArray *edit_taken[G_N_ELEMENTS (edit_pages)];
  g_autoptr(GArray) computes = g_array_new (FALSE, FALSE, sizeof (double));
  GArray *switch_to[G_N_ELEMENTS (all_pages)];
  GArray *switch_cpu[G_N_ELEMENTS (all_pages)];
  EntWindow *window;
  guint runs = 7;
  guint n_schools;
  gint64 base = 0;
  gint64 start;
  double make_ms;
  gboolean slow = FALSE;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc > 1)
    {
      runs = (guint) strtoul (argv[1], NULL, 10);
      if (runs < 1 || runs > 1000)
        {
          g_printerr ("usage: %s [RUNS]   (1 to 1000, default 7)\n", argv[0]);
          return 2;
        }
    }
  if (!gtk_init_check ())
    {
      g_printerr ("bench-window: no display (run it under xvfb-run)\n");
      return 77;
    }
  /* One frame per page switch, as in the GUI tests (no crossfade). */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  app = g_object_new (GTK_TYPE_APPLICATION,
                      "application-id", APPLICATION_ID ".Bench",
                      "resource-base-path", RESOURCE_BASE,
                      "flags", G_APPLICATION_NON_UNIQUE,
                      NULL);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    g_error ("cannot register the application: %s", error->message);

  start = g_get_monotonic_time ();
  document = ent_bench_make_large_document (ENT_BENCH_N_COMMUNES, ENT_BENCH_N_SCHOOLS,
                                            ENT_BENCH_N_PUPILS, ENT_BENCH_N_SCENARIOS);
  make_ms = (g_get_monotonic_time () - start) / 1000.0;
  n_schools = g_list_model_get_n_items (ent_document_get_schools (document));
  edited = g_list_model_get_item (ent_document_get_schools (document), n_schools / 2);
  if (!ent_school_get_known_pupils (edited, 2023, &base))
    base = 100;

  g_print ("# bench-window: %u communes, %u schools, %d pupils, %u scenarios "
           "(document built in %.0f ms); %u runs; GSK_RENDERER=%s\n",
           ENT_BENCH_N_COMMUNES, n_schools, ENT_BENCH_N_PUPILS, ENT_BENCH_N_SCENARIOS,
           make_ms, runs, g_getenv ("GSK_RENDERER") != NULL ? g_getenv ("GSK_RENDERER") : "(default)");

  /* (a) A new window each run; the last one stays for (b) and (c). */
  window = NULL;
  for (guint run = 0; run < runs; run++)
    {
      gint64 first, totals, cpu;

      if (window != NULL)
        destroy_window (window);
      window = open_window (app, document, &first, &totals, &cpu);
      add_ms (open_first, first);
      add_ms (open_totals, totals);
      add_ms (open_cpu, cpu);
    }
  settle (GTK_WIDGET (window));

  /* (b) One edit per run on each page (another count every time). */
  for (guint p = 0; p < G_N_ELEMENTS (edit_pages); p++)
    {
      edit_total[p] = g_array_new (FALSE, FALSE, sizeof (double));
      edit_taken[p] = g_array_new (FALSE, FALSE, sizeof (double));
      show_page (window, edit_pages[p]);
      settle (GTK_WIDGET (window));
      for (guint run = 0; run < runs; run++)
        {
          measure_edit (window, edited, base + 1 + (gint64) (p * runs + run) % 50,
                        edit_total[p], edit_taken[p]);
          settle (GTK_WIDGET (window));
          add_ms (computes, measure_compute (document));
        }
    }

  /* (c) Every page in turn, from the one before it. */
  for (guint p = 0; p < G_N_ELEMENTS (all_pages); p++)
    {
      switch_to[p] = g_array_new (FALSE, FALSE, sizeof (double));
      switch_cpu[p] = g_array_new (FALSE, FALSE, sizeof (double));
    }
  show_page (window, all_pages[G_N_ELEMENTS (all_pages) - 1]);
  settle (GTK_WIDGET (window));
  for (guint run = 0; run < runs; run++)
    for (guint p = 0; p < G_N_ELEMENTS (all_pages); p++)
      {
        gint64 cpu;

        add_ms (switch_to[p], measure_switch (window, all_pages[p], &cpu));
        add_ms (switch_cpu[p], cpu);
        settle (GTK_WIDGET (window));
      }

  g_print ("\n| Measurement (ms)                                   |    median |     min |     max |\n"
           "|----------------------------------------------------|----------:|--------:|--------:|\n");
  print_row ("(a) ent_window_new -> first painted frame", open_first);
  print_row ("(a) ent_window_new -> first frame with totals", open_totals);
  print_row ("    processor time to the first frame", open_cpu);
  for (guint p = 0; p < G_N_ELEMENTS (edit_pages); p++)
    {
      g_autofree char *what = g_strdup_printf ("(b) edit -> painted frame, %s", edit_pages[p]);
      g_autofree char *taken = g_strdup_printf ("    until the views have it, %s", edit_pages[p]);

      print_row (what, edit_total[p]);
      print_row (taken, edit_taken[p]);
      if (ent_bench_summarize (edit_total[p]).median > RESPONSIVE_MS)
        slow = TRUE;
    }
  print_row ("(b) ent_budget_compute () alone, for comparison", computes);
  for (guint p = 0; p < G_N_ELEMENTS (all_pages); p++)
    {
      g_autofree char *what = g_strdup_printf ("(c) show-page -> painted frame, %s", all_pages[p]);

      print_row (what, switch_to[p]);
      print_row ("    processor time", switch_cpu[p]);
      if (ent_bench_summarize (switch_to[p]).median > RESPONSIVE_MS)
        slow = TRUE;
    }
  g_print ("\n");
  g_print ("# responsive (every median under %.0f ms): %s\n", RESPONSIVE_MS, slow ? "NO" : "yes");

  for (guint p = 0; p < G_N_ELEMENTS (edit_pages); p++)
    {
      g_array_unref (edit_total[p]);
      g_array_unref (edit_taken[p]);
    }
  for (guint p = 0; p < G_N_ELEMENTS (all_pages); p++)
    {
      g_array_unref (switch_to[p]);
      g_array_unref (switch_cpu[p]);
    }
  destroy_window (window);
  return 0;
}
