/* ent-pupils-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ent-budget.h"
#include "ent-document.h"

G_BEGIN_DECLS

#define ENT_TYPE_PUPILS_PAGE (ent_pupils_page_get_type ())
G_DECLARE_FINAL_TYPE (EntPupilsPage, ent_pupils_page, ENT, PUPILS_PAGE, GtkWidget)

GtkWidget   *ent_pupils_page_new          (void);
EntDocument *ent_pupils_page_get_document (EntPupilsPage   *self);
void         ent_pupils_page_set_document (EntPupilsPage   *self,
                                       EntDocument *document);
EntScenario *ent_pupils_page_get_scenario (EntPupilsPage   *self);
void         ent_pupils_page_set_scenario (EntPupilsPage   *self,
                                       EntScenario *scenario);
EntBudget   *ent_pupils_page_get_budget   (EntPupilsPage   *self);
void         ent_pupils_page_set_budget   (EntPupilsPage   *self,
                                       EntBudget   *budget);

G_END_DECLS
