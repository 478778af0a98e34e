/* ent-cli.h: the headless command line (SPEC section 7), no display needed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Exit statuses */
#define ENT_CLI_EXIT_OK        0
#define ENT_CLI_EXIT_DOCUMENT  1   /* a bad document, a failed export */
#define ENT_CLI_EXIT_USAGE     2   /* bad usage */

/* Checks the command line before GApplication sees it, so that bad usage
 * exits with status 2 (GApplication would exit with 1). Returns -1 when the
 * arguments are fine, else the exit status after printing the reason. */
int     ent_cli_check_usage          (int            argc,
                                      char         **argv);
/* Adds --summary, --csv, --version, --export, --pdf and the FILE arguments
 * (G_OPTION_REMAINING: so "open" is not emitted by GApplication; get them
 * with ent_cli_dup_files). */
void    ent_cli_add_options          (GApplication  *app);
/* From "handle-local-options": returns an exit status, or -1 to go on
 * (open the window). */
int     ent_cli_handle_local_options (GApplication  *app,
                                      GVariantDict  *options);
/* The FILE arguments of the command line, resolved against the current
 * directory (NULL-terminated, NULL when none). */
GFile **ent_cli_dup_files            (GVariantDict  *options,
                                      guint         *n_files);

G_END_DECLS
