/* ent-bench-timing.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ent-bench-timing.h"

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

EntBenchTiming
ent_bench_summarize (GArray *samples)
{
  EntBenchTiming t = { 0, 0, 0 };
  guint n = samples->len;

  if (n == 0)
    return t;
  g_array_sort (samples, compare_doubles);
  t.min = g_array_index (samples, double, 0);
  t.max = g_array_index (samples, double, n - 1);
  if (n % 2 == 1)
    t.median = g_array_index (samples, double, n / 2);
  else
    t.median = (g_array_index (samples, double, n / 2 - 1) +
                g_array_index (samples, double, n / 2)) / 2.0;
  return t;
}
