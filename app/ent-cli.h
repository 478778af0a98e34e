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

/* Adds --summary, --csv, --version and the other headless options. */
void ent_cli_add_options          (GApplication *app);
/* From "handle-local-options": returns an exit status, or -1 to go on
 * (open the window). */
int  ent_cli_handle_local_options (GApplication *app,
                                   GVariantDict *options);

G_END_DECLS
