/* ent-assumptions-page.h: payer, contract, billing mode, tariff periods, imputation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ent-document.h"

G_BEGIN_DECLS

#define ENT_TYPE_ASSUMPTIONS_PAGE (ent_assumptions_page_get_type ())
G_DECLARE_FINAL_TYPE (EntAssumptionsPage, ent_assumptions_page, ENT, ASSUMPTIONS_PAGE, GtkWidget)

/* Property: "document" (EntDocument). */
GtkWidget   *ent_assumptions_page_new          (void);
EntDocument *ent_assumptions_page_get_document (EntAssumptionsPage *self);
void         ent_assumptions_page_set_document (EntAssumptionsPage *self,
                                                EntDocument        *document);
/* Gives the focus to the SIRET entry (the open-data export asks for it). */
void         ent_assumptions_page_focus_siret  (EntAssumptionsPage *self);

G_END_DECLS
