/* ent-scenarios-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ent-budget.h"
#include "ent-document.h"

G_BEGIN_DECLS

#define ENT_TYPE_SCENARIOS_PAGE (ent_scenarios_page_get_type ())
G_DECLARE_FINAL_TYPE (EntScenariosPage, ent_scenarios_page, ENT, SCENARIOS_PAGE, GtkWidget)

GtkWidget   *ent_scenarios_page_new          (void);
EntDocument *ent_scenarios_page_get_document (EntScenariosPage   *self);
void         ent_scenarios_page_set_document (EntScenariosPage   *self,
                                       EntDocument *document);
EntScenario *ent_scenarios_page_get_scenario (EntScenariosPage   *self);
void         ent_scenarios_page_set_scenario (EntScenariosPage   *self,
                                       EntScenario *scenario);

G_END_DECLS
