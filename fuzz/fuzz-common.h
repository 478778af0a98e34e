/* fuzz-common.h: what every harness sets up once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <locale.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include <glib.h>

int LLVMFuzzerInitialize   (int            *argc,
                            char         ***argv);
int LLVMFuzzerTestOneInput (const uint8_t  *data,
                            size_t          size);

static void
fuzz_quiet_log_cb (const char     *log_domain,
                   GLogLevelFlags  log_level,
                   const char     *message,
                   gpointer        user_data)
{
  /* A critical, a warning or an error is a bug: say it and abort () here.
   * Left to GLib, a fatal message ends in G_BREAKPOINT (), a SIGTRAP that
   * libFuzzer does not catch, so the input was lost and nothing printed
   * (a CI run died so: "Trace/breakpoint trap"). SIGABRT is a crash to
   * libFuzzer, which writes the input under artifacts/. The rest is noise. */
  if (log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    {
      fprintf (stderr, "fuzz: fatal log message (%s): %s\n",
               log_domain != NULL ? log_domain : "?", message);
      abort ();
    }
}

/* A g_return_if_fail () or a warning reached from untrusted input is a bug:
 * make it abort so that libFuzzer records the input. */
static inline void
fuzz_setup (void)
{
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  g_log_set_default_handler (fuzz_quiet_log_cb, NULL);
  g_log_set_handler ("ent-budget", G_LOG_LEVEL_DEBUG | G_LOG_LEVEL_INFO | G_LOG_LEVEL_MESSAGE,
                     fuzz_quiet_log_cb, NULL);
}

/* Aborts with a message: libFuzzer reports it as a crash with the input. */
#define fuzz_check(expr) \
  G_STMT_START { \
    if (G_UNLIKELY (!(expr))) \
      { \
        g_printerr ("fuzz_check failed: %s (%s:%d)\n", #expr, __FILE__, __LINE__); \
        abort (); \
      } \
  } G_STMT_END
