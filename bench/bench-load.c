/* bench-load.c: loading a document is linear in its number of schools (SPEC 10.6)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-load [RUNS]   (default 5; the 200 000-school document is
 *                             loaded at most 3 times)
 *
 * Builds documents of 1 000, 10 000, 50 000 and 200 000 schools
 * (ent_bench_make_schools_document: about 80 bytes a school, so the largest
 * is just under the document size limit), saves each to text once, then
 * times ent_document_new_from_bytes () on that text: the parse, the checks
 * and the building of the document, nothing else. Prints the median load
 * time (wall clock, and the thread's CPU time, which other processes on the
 * machine do not inflate) and the CPU time per school; linear loading keeps
 * the time per school roughly constant from one size to the next. The ratio
 * of the largest document's time per school to the smallest's is printed
 * last.
 * Exit status 0 whatever the figures: timings depend on the machine.
 */
#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <time.h>

#include "ent-bench-timing.h"
#include "ent-large-document.h"

static const guint sizes[] = { 1000, 10000, 50000, 200000 };

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
  guint runs = argc > 1 ? (guint) CLAMP (atoi (argv[1]), 1, 100) : 5;
  double per_school[G_N_ELEMENTS (sizes)];

  setlocale (LC_ALL, "");

  g_print ("%8s  %9s  %14s  %14s  %12s  %12s\n",
           "schools", "KiB", "wall ms (med)", "CPU ms (med)", "CPU min ms", "CPU µs/school");

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autoptr(EntDocument) document = ent_bench_make_schools_document (sizes[i]);
      g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) cpu_samples = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GBytes) bytes = NULL;
      guint n_runs = sizes[i] >= 200000 ? MIN (runs, 3u) : runs;
      EntBenchTiming timing;
      EntBenchTiming cpu;
      gsize length = 0;
      char *data;

      data = ent_document_to_data (document, &length);
      bytes = g_bytes_new_take (data, length);

      for (guint run = 0; run < n_runs; run++)
        {
          g_autoptr(EntDocument) loaded = NULL;
          g_autoptr(GError) error = NULL;
          double cpu_start = thread_cpu_ms ();
          gint64 start = g_get_monotonic_time ();
          double ms, cpu_ms;

          loaded = ent_document_new_from_bytes (bytes, "bench.entbudget", &error);
          ms = elapsed_ms (start);
          cpu_ms = thread_cpu_ms () - cpu_start;
          if (loaded == NULL)
            g_error ("%u schools: %s", sizes[i], error->message);
          if (run == 0 &&
              g_list_model_get_n_items (ent_document_get_schools (loaded)) != sizes[i])
            g_error ("%u schools: the document lost schools on the way", sizes[i]);
          g_array_append_val (samples, ms);
          g_array_append_val (cpu_samples, cpu_ms);
        }

      timing = ent_bench_summarize (samples);
      cpu = ent_bench_summarize (cpu_samples);
      per_school[i] = cpu.median * 1000.0 / sizes[i];
      g_print ("%8u  %9.0f  %14.1f  %14.1f  %12.1f  %12.2f\n",
               sizes[i], length / 1024.0, timing.median, cpu.median, cpu.min,
               per_school[i]);
    }

  g_print ("CPU time per school, %u schools / %u schools: %.2f (1 is linear)\n",
           sizes[G_N_ELEMENTS (sizes) - 1], sizes[0],
           per_school[G_N_ELEMENTS (sizes) - 1] / per_school[0]);
  return 0;
}
