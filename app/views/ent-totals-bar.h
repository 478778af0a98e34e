/* ent-totals-bar.h: the selected scenario's contract total, large, and its
 * yearly totals, with the choice of that scenario; shown above every page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ent-budget.h"

G_BEGIN_DECLS

#define ENT_TYPE_TOTALS_BAR (ent_totals_bar_get_type ())
G_DECLARE_FINAL_TYPE (EntTotalsBar, ent_totals_bar, ENT, TOTALS_BAR, GtkWidget)

/* Properties: "budget" (ENT_TYPE_BUDGET), "scenario" (EntScenario, also
 * chosen by the user among "scenarios", a GListModel of EntScenario). */
GtkWidget   *ent_totals_bar_new           (void);
void         ent_totals_bar_set_budget    (EntTotalsBar *self,
                                           EntBudget    *budget);
void         ent_totals_bar_set_scenario  (EntTotalsBar *self,
                                           EntScenario  *scenario);
void         ent_totals_bar_set_scenarios (EntTotalsBar *self,
                                           GListModel   *scenarios);
void         ent_totals_bar_set_warning   (EntTotalsBar *self,
                                           const char   *warning);

G_END_DECLS
