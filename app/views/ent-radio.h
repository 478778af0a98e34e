/* ent-radio.h: a radio button that Tab reaches from either end of its group
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define ENT_TYPE_RADIO (ent_radio_get_type ())
G_DECLARE_FINAL_TYPE (EntRadio, ent_radio, ENT, RADIO, GtkCheckButton)

G_END_DECLS
