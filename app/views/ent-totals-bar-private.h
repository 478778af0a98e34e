/* ent-totals-bar-private.h: the texts the bar shows, for the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ent-totals-bar.h"

G_BEGIN_DECLS

/* The text shown as the contract total. */
const char *ent_totals_bar_get_total_text (EntTotalsBar *self);
/* The text shown for budget year @year, or NULL. */
const char *ent_totals_bar_get_year_text  (EntTotalsBar *self,
                                           int           year);

G_END_DECLS
