/* ent-budget-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ent-budget.h"
#include "ent-document.h"

G_BEGIN_DECLS

#define ENT_TYPE_BUDGET_PAGE (ent_budget_page_get_type ())
G_DECLARE_FINAL_TYPE (EntBudgetPage, ent_budget_page, ENT, BUDGET_PAGE, GtkWidget)

GtkWidget   *ent_budget_page_new          (void);
EntDocument *ent_budget_page_get_document (EntBudgetPage   *self);
void         ent_budget_page_set_document (EntBudgetPage   *self,
                                       EntDocument *document);
EntScenario *ent_budget_page_get_scenario (EntBudgetPage   *self);
void         ent_budget_page_set_scenario (EntBudgetPage   *self,
                                       EntScenario *scenario);
EntBudget   *ent_budget_page_get_budget   (EntBudgetPage   *self);
void         ent_budget_page_set_budget   (EntBudgetPage   *self,
                                       EntBudget   *budget);

G_END_DECLS
