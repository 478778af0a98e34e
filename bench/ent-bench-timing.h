/* ent-bench-timing.h: median, min and max of timing samples (ms), for the benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  double median;
  double min;
  double max;
} EntBenchTiming;

/* Sorts @samples (doubles) in place; all zero when empty. An even count
 * takes the mean of the two middle samples. */
EntBenchTiming ent_bench_summarize (GArray *samples);

G_END_DECLS
