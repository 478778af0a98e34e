/* ent-pupils-grid.h: the rows the Pupils page shows, schools × school years
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * EntPupilsGrid is the GListModel of the Pupils page's table: one
 * EntPupilsRow per school of the document, in the document's order, then one
 * totals row. Every row holds one EntPupilsCount per school year of the
 * contract: the count shown (known, else projected by the scenario from the
 * budget) and whether it is known, from the open data, or in a year where the
 * school is not open. The grid follows its document (schools added, removed,
 * changed; the contract's school years), its scenario and its budget, and
 * updates the count objects in place: they notify only when what they show
 * differs, so only the cells of the changed counts are touched.
 *
 * A display model: it uses no GTK (only GLib and app/model), but formats the
 * counts as shown, hence it lives with the views. Its three types are one
 * unit (the counts exist only inside rows, the rows only inside a grid), hence
 * one file pair.
 */
#pragma once

#include <gio/gio.h>

#include "ent-budget.h"
#include "ent-document.h"

G_BEGIN_DECLS

#define ENT_TYPE_PUPILS_COUNT (ent_pupils_count_get_type ())
G_DECLARE_FINAL_TYPE (EntPupilsCount, ent_pupils_count, ENT, PUPILS_COUNT, GObject)

/* Properties (read-only): "count" (gint64), "known", "text". A change of
 * open_data or closed alone notifies "known". */
gint64          ent_pupils_count_get_count     (EntPupilsCount *self);
gboolean        ent_pupils_count_get_known     (EntPupilsCount *self);
gboolean        ent_pupils_count_get_open_data (EntPupilsCount *self);
gboolean        ent_pupils_count_get_closed    (EntPupilsCount *self);
const char     *ent_pupils_count_get_text      (EntPupilsCount *self);

#define ENT_TYPE_PUPILS_ROW (ent_pupils_row_get_type ())
G_DECLARE_FINAL_TYPE (EntPupilsRow, ent_pupils_row, ENT, PUPILS_ROW, GObject)

/* Property (read-only): "school" (EntSchool, NULL on the totals row). */
EntSchool      *ent_pupils_row_get_school      (EntPupilsRow   *self);
gboolean        ent_pupils_row_is_total        (EntPupilsRow   *self);
/* The count of school year @school_year, or NULL outside the contract. */
EntPupilsCount *ent_pupils_row_get_count       (EntPupilsRow   *self,
                                                int             school_year);

#define ENT_TYPE_PUPILS_GRID (ent_pupils_grid_get_type ())
G_DECLARE_FINAL_TYPE (EntPupilsGrid, ent_pupils_grid, ENT, PUPILS_GRID, GObject)

/* A GListModel of EntPupilsRow. Properties: "document", "scenario" (NULL:
 * the document's first), "budget" (ENT_TYPE_BUDGET, or NULL), and, read-only,
 * "first-school-year" and "n-school-years" (the contract's, both notified
 * once the rows have their new counts). */
EntPupilsGrid  *ent_pupils_grid_new                   (void);
EntDocument    *ent_pupils_grid_get_document          (EntPupilsGrid  *self);
void            ent_pupils_grid_set_document          (EntPupilsGrid  *self,
                                                       EntDocument    *document);
EntScenario    *ent_pupils_grid_get_scenario          (EntPupilsGrid  *self);
void            ent_pupils_grid_set_scenario          (EntPupilsGrid  *self,
                                                       EntScenario    *scenario);
EntBudget      *ent_pupils_grid_get_budget            (EntPupilsGrid  *self);
void            ent_pupils_grid_set_budget            (EntPupilsGrid  *self,
                                                       EntBudget      *budget);
int             ent_pupils_grid_get_first_school_year (EntPupilsGrid  *self);
int             ent_pupils_grid_get_n_school_years    (EntPupilsGrid  *self);

G_END_DECLS
