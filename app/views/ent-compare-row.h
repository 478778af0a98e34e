/* ent-compare-row.h: one row of a Compare page table, as texts ready to show
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define ENT_TYPE_COMPARE_ROW (ent_compare_row_get_type ())
G_DECLARE_FINAL_TYPE (EntCompareRow, ent_compare_row, ENT, COMPARE_ROW, GObject)

/* A row identified by @key (what it shows: a budget year index or "total" in
 * the comparison table, a scenario index in the sensitivity table), without
 * texts yet. */
EntCompareRow *ent_compare_row_new             (const char          *key);
const char    *ent_compare_row_get_key         (EntCompareRow       *self);

/* For the page that fills the rows: each setter notifies only a change.
 * "title" is the first column (budget year, scenario name); "amounts" one
 * text per scenario (comparison) or per pupil change (sensitivity), with
 * "differences" under the comparison's amounts. */
void           ent_compare_row_set_title       (EntCompareRow       *self,
                                                const char          *title);
void           ent_compare_row_set_amounts     (EntCompareRow       *self,
                                                const char *const   *amounts);
void           ent_compare_row_set_differences (EntCompareRow       *self,
                                                const char *const   *differences);
/* The contract total row: every text in bold. */
void           ent_compare_row_set_is_total    (EntCompareRow       *self,
                                                gboolean             is_total);
/* The amount shown in bold besides a total row's (the sensitivity's unchanged
 * pupil count), or -1. */
void           ent_compare_row_set_bold_amount (EntCompareRow       *self,
                                                int                  index);
/* Gives @self the texts of @other (a row of the same key built afresh). */
void           ent_compare_row_assign          (EntCompareRow       *self,
                                                EntCompareRow       *other);

G_END_DECLS
