/* ent-bench-hook.c: the first painted frame on stdout, for bench/bench-startup.c
 *
 * bench-startup spawns the application (and, alternately, a bare GTK window
 * with this same hook) and takes the time just before exec; the hook gives
 * the time of the first frame painted in the first window, so that the
 * difference is what a user waits after launching; it also gives the
 * processor time the process has used until then (all its threads). The frame clock's
 * "after-paint" is the end of GTK's work on the frame (rendered and handed
 * to the display server), the same end as bench-window's. CLOCK_MONOTONIC
 * (g_get_monotonic_time) is shared by the processes of one machine.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <time.h>

#include "ent-bench-hook.h"

static void
after_paint_cb (GdkFrameClock  *clock,
                GtkApplication *app)
{
  gint64 now = g_get_monotonic_time ();
  struct timespec cpu = { 0, 0 };

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &cpu);
  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, app);
  printf ("first-frame %" G_GINT64_FORMAT " %" G_GINT64_FORMAT "\n",
          now, (gint64) cpu.tv_sec * G_USEC_PER_SEC + cpu.tv_nsec / 1000);
  fflush (stdout);
  g_application_quit (G_APPLICATION (app));
}

/* The frame clock exists once the window is realized, before its first
 * frame. */
static void
realize_cb (GtkWidget      *window,
            GtkApplication *app)
{
  g_signal_handlers_disconnect_by_func (window, realize_cb, app);
  g_signal_connect_object (gtk_widget_get_frame_clock (window), "after-paint",
                           G_CALLBACK (after_paint_cb), app, 0);
}

static void
window_added_cb (GtkApplication *app,
                 GtkWindow      *window)
{
  g_signal_handlers_disconnect_by_func (app, window_added_cb, NULL);
  g_signal_connect_after (window, "realize", G_CALLBACK (realize_cb), app);
}

void
ent_bench_hook_install (GtkApplication *app)
{
  const char *wanted = g_getenv (ENT_BENCH_FIRST_FRAME_ENV);

  g_return_if_fail (GTK_IS_APPLICATION (app));

  if (wanted == NULL || *wanted == '\0')
    return;
  g_signal_connect (app, "window-added", G_CALLBACK (window_added_cb), NULL);
}
