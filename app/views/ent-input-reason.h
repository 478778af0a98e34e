/* ent-input-reason.h: why a typed value was refused, shown beside the input
 * and given to screen readers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Shows @message in @reason and marks @input refused (error style, invalid
 * state, described by @reason); with @message NULL, clears that. A reason
 * label shared by several inputs is only hidden by the input that filled it. */
void ent_input_show_reason        (GtkWidget  *input,
                                   GtkLabel   *reason,
                                   const char *message);

/* Hides @reason and clears the input that filled it, if any. */
void ent_input_clear_reason_label (GtkLabel   *reason);

G_END_DECLS
