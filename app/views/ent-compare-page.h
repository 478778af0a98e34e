/* ent-compare-page.h: the scenarios side by side, the charts, the sensitivity
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ent-budget.h"
#include "ent-compare.h"
#include "ent-document.h"

G_BEGIN_DECLS

#define ENT_TYPE_COMPARE_PAGE (ent_compare_page_get_type ())
G_DECLARE_FINAL_TYPE (EntComparePage, ent_compare_page, ENT, COMPARE_PAGE, GtkWidget)

/* Properties: "document" (EntDocument), "budget" (EntBudget, set again after
 * each recomputation), "pupil-change" (gint64 basis points, the "what if"
 * slider: shown only, the document never changes). */
GtkWidget   *ent_compare_page_new              (void);
EntDocument *ent_compare_page_get_document     (EntComparePage *self);
void         ent_compare_page_set_document     (EntComparePage *self,
                                                EntDocument    *document);
EntBudget   *ent_compare_page_get_budget       (EntComparePage *self);
void         ent_compare_page_set_budget       (EntComparePage *self,
                                                EntBudget      *budget);
/* "sensitivity" (EntSensitivity, copied), "sensitivity-error" (the reason
 * there is none, or NULL). */
EntSensitivity *ent_compare_page_get_sensitivity   (EntComparePage *self);
void         ent_compare_page_set_sensitivity  (EntComparePage *self,
                                                EntSensitivity *sensitivity);
void         ent_compare_page_set_sensitivity_error (EntComparePage *self,
                                                const char     *message);
gint64       ent_compare_page_get_pupil_change (EntComparePage *self);
void         ent_compare_page_set_pupil_change (EntComparePage *self,
                                                gint64          bp);

G_END_DECLS
