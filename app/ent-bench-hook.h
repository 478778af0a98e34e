/* ent-bench-hook.h: "print the time of the first painted frame and quit", for bench-startup
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The variable that asks for it: set to anything but empty. */
#define ENT_BENCH_FIRST_FRAME_ENV "ENT_BENCH_FIRST_FRAME"

/* When ENT_BENCH_FIRST_FRAME is set, the first window @app shows prints
 * "first-frame USEC CPU\n" on stdout at its first painted frame (its frame
 * clock's "after-paint"), USEC being g_get_monotonic_time () and CPU the
 * process's processor time in microseconds, then quits @app. Otherwise
 * does nothing (one getenv). */
void ent_bench_hook_install (GtkApplication *app);

G_END_DECLS
