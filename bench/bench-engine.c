/* bench-engine.c: the engine and the key-file I/O at the syndicate's scale (issue 7)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-engine [RUNS]   (default 21; prints medians, minimum and maximum)
 * Exit status 0 even when a target is missed: timings depend on the machine.
 */
#include "config.h"

#include <locale.h>
#include <time.h>
#include <stdlib.h>

#include <glib/gstdio.h>

#include "ent-budget.h"
#include "ent-bench-timing.h"
#include "ent-large-document.h"
#include "ent-money.h"

#define ENGINE_TARGET_MS 20.0

static void
print_timing (const char     *what,
              EntBenchTiming  timing)
{
  g_print ("%-44s median %8.2f ms  (min %8.2f, max %8.2f)\n",
           what, timing.median, timing.min, timing.max);
}

static double
elapsed_ms (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* CPU time of this thread: unlike wall time, it does not grow when other
 * processes share the cores. */
static double
thread_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(EntDocument) document = NULL;
  g_autoptr(GArray) compute = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) compute_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) communes = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) to_data = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) save = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) load = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  guint runs = argc > 1 ? (guint) CLAMP (atoi (argv[1]), 1, 1000) : 21;
  gint64 start;
  gint64 total_pupils = 0;
  gsize size = 0;
  EntBenchTiming engine;

  setlocale (LC_ALL, "");

  start = g_get_monotonic_time ();
  document = ent_bench_make_large_document (ENT_BENCH_N_COMMUNES, ENT_BENCH_N_SCHOOLS,
                                            ENT_BENCH_N_PUPILS, ENT_BENCH_N_SCENARIOS);
  g_print ("Synthetic document: %u communes, %u schools, %d pupils (rentrée 2023), "
           "%u scenarios, built in %.1f ms\n",
           ENT_BENCH_N_COMMUNES, ENT_BENCH_N_SCHOOLS, ENT_BENCH_N_PUPILS, ENT_BENCH_N_SCENARIOS,
           elapsed_ms (start));

  for (guint run = 0; run < runs; run++)
    {
      g_autoptr(EntBudget) budget = NULL;
      double ms, cpu;

      cpu = thread_cpu_ms ();
      start = g_get_monotonic_time ();
      budget = ent_budget_compute (document, &error);
      ms = elapsed_ms (start);
      cpu = thread_cpu_ms () - cpu;
      if (budget == NULL)
        g_error ("compute failed: %s", error->message);
      g_array_append_val (compute, ms);
      g_array_append_val (compute_cpu, cpu);

      if (run == 0)
        {
          g_assert_cmpuint (budget->n_communes, ==, ENT_BENCH_N_COMMUNES);
          g_assert_cmpuint (budget->n_schools, ==, ENT_BENCH_N_SCHOOLS);
          total_pupils = budget->scenarios[0].years[0].pupils;
          g_print ("Contract totals:");
          for (guint s = 0; s < budget->n_scenarios; s++)
            {
              g_autofree char *total = ent_money_to_plain (budget->scenarios[s].total);

              g_print (" %s €%s", total, s + 1 < budget->n_scenarios ? "," : "\n");
            }
        }

      /* What a per-commune table (Répartition) asks: every commune's part of
       * every line, through the public accessor. */
      if (run < MIN (runs, 5u))
        {
          gint64 check = 0;
          gint64 expected = 0;

          start = g_get_monotonic_time ();
          for (guint s = 0; s < budget->n_scenarios; s++)
            for (guint y = 0; y < budget->scenarios[s].n_years; y++)
              for (guint l = 0; l < ENT_N_LINES; l++)
                for (guint c = 0; c < budget->n_communes; c++)
                  check += ent_budget_line_get_commune_part (budget,
                                                             &budget->scenarios[s].years[y].lines[l],
                                                             c);
          ms = elapsed_ms (start);
          g_array_append_val (communes, ms);
          for (guint s = 0; s < budget->n_scenarios; s++)
            expected += budget->scenarios[s].total;
          g_assert_cmpint (check, ==, expected);
        }
    }
  g_print ("Pupils billed in 2024 (rentrée 2023): %" G_GINT64_FORMAT "\n\n", total_pupils);

  dir = g_dir_make_tmp ("bench-engine-XXXXXX", &error);
  if (dir == NULL)
    g_error ("%s", error->message);
  path = g_build_filename (dir, "large.entbudget", NULL);
  file = g_file_new_for_path (path);

  for (guint run = 0; run < MIN (runs, 7u); run++)
    {
      g_autofree char *data = NULL;
      g_autoptr(EntDocument) loaded = NULL;
      double ms;

      start = g_get_monotonic_time ();
      data = ent_document_to_data (document, &size);
      ms = elapsed_ms (start);
      g_array_append_val (to_data, ms);

      start = g_get_monotonic_time ();
      if (!ent_document_save (document, file, &error))
        g_error ("save failed: %s", error->message);
      ms = elapsed_ms (start);
      g_array_append_val (save, ms);

      start = g_get_monotonic_time ();
      loaded = ent_document_new_from_file (file, &error);
      ms = elapsed_ms (start);
      if (loaded == NULL)
        g_error ("load failed: %s", error->message);
      g_array_append_val (load, ms);

      if (run == 0 && !ent_document_equal (document, loaded))
        g_error ("the saved document does not load back equal");
    }

  engine = ent_bench_summarize (compute);
  g_print ("%u runs (I/O: %u)\n", runs, MIN (runs, 7u));
  print_timing ("ent_budget_compute (wall)", engine);
  print_timing ("ent_budget_compute (thread CPU time)", ent_bench_summarize (compute_cpu));
  print_timing ("all commune parts (get_commune_part)", ent_bench_summarize (communes));
  print_timing ("ent_document_to_data", ent_bench_summarize (to_data));
  print_timing ("ent_document_save (atomic, fsync)", ent_bench_summarize (save));
  print_timing ("ent_document_new_from_file", ent_bench_summarize (load));
  g_print ("Key file: %.1f KiB\n", size / 1024.0);
  g_print ("Engine target < %.0f ms (median wall time): %s\n", ENGINE_TARGET_MS,
           engine.median < ENGINE_TARGET_MS ? "met" : "MISSED");

  {
    g_autofree char *backup = g_strconcat (path, "~", NULL);

    g_unlink (path);
    g_unlink (backup);
    g_rmdir (dir);
  }

  return 0;
}
