/* ent-compare.h: scenarios side by side, and the sensitivity to pupil numbers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Plain computed figures over an EntBudget (no GTK): the Compare page, the PDF
 * summary and the tests read the same numbers. Money is gint64 cents,
 * percentages gint64 basis points (1 % = 100).
 */
#pragma once

#include "ent-budget.h"

G_BEGIN_DECLS

/* One amount of one scenario and how it differs from the reference scenario's
 * amount in the same row (same budget year, or the contract total). */
typedef struct
{
  gint64   amount;       /* cents */
  gint64   diff;         /* amount − reference amount, cents */
  gint64   diff_bp;      /* round (diff × 10 000 / reference amount), halves away from zero */
  gboolean has_percent;  /* FALSE when the reference amount is 0 (or the ratio overflows) */
} EntCompareCell;

typedef struct
{
  char           *name;
  EntCompareCell *years;   /* n_years, in budget year order */
  EntCompareCell  total;   /* contract total */
} EntCompareScenario;

typedef struct
{
  guint               reference;   /* index of the reference scenario */
  guint               n_years;
  int                *years;       /* budget years (exercices) */
  guint               n_scenarios;
  EntCompareScenario *scenarios;   /* document order */
} EntComparison;

/* Sets @cell to @amount and its difference from @reference, in cents and in
 * basis points (ent_compare_ratio_bp). A difference that does not fit in 64
 * bits saturates, without a percentage. */
void            ent_compare_cell_init        (EntCompareCell  *cell,
                                              gint64           amount,
                                              gint64           reference);

/* Compares every scenario of @budget with scenario @reference (an index into
 * budget->scenarios; clamped to 0 when out of range). */
EntComparison  *ent_comparison_new           (const EntBudget *budget,
                                              guint            reference);
void            ent_comparison_free          (EntComparison   *self);

/* round (@diff × 10 000 / @reference) to the nearest basis point, halves away
 * from zero, exactly (integer arithmetic). FALSE when @reference is 0 or the
 * product does not fit in 64 bits. */
gboolean        ent_compare_ratio_bp         (gint64           diff,
                                              gint64           reference,
                                              gint64          *out_bp);

/* The pupil changes of the sensitivity table: −20, −10, −5, 0, +5, +10, +20 %. */
#define ENT_SENSITIVITY_N_STEPS 7
extern const gint64 ent_sensitivity_steps_bp[ENT_SENSITIVITY_N_STEPS];

typedef struct
{
  guint    n_steps;
  gint64  *steps_bp;      /* pupil change of each column, basis points */
  guint    n_scenarios;
  char   **names;         /* n_scenarios, NULL-terminated */
  gint64  *totals;        /* contract totals, cents: totals[scenario * n_steps + step] */
} EntSensitivity;

/* Contract total of every scenario of @document for every pupil change of
 * @steps_bp (ent_budget_compute_scaled: each known count scaled and rounded
 * to a whole pupil per school, SPEC 4 otherwise unchanged). @steps_bp NULL
 * means ent_sensitivity_steps_bp. Fails as ent_budget_compute does. */
EntSensitivity *ent_sensitivity_compute      (EntDocument     *document,
                                              const gint64    *steps_bp,
                                              guint            n_steps,
                                              GError         **error);
/* A boxed type, so that a workspace can hold it as a property. */
#define ENT_TYPE_SENSITIVITY (ent_sensitivity_get_type ())
GType           ent_sensitivity_get_type     (void) G_GNUC_CONST;
EntSensitivity *ent_sensitivity_copy         (const EntSensitivity *self);
gint64          ent_sensitivity_get_total    (const EntSensitivity *self,
                                              guint                 scenario,
                                              guint                 step);
void            ent_sensitivity_free         (EntSensitivity  *self);

/* One scenario of a "what if": its contract total with the pupils as they
 * are, and with every known count scaled. */
typedef struct
{
  char           *name;
  gint64          total_before;  /* cents, the budget given */
  EntCompareCell  total_after;   /* the scaled contract total, its difference
                                  * from total_before (ent_compare_cell_init) */
} EntWhatIfScenario;

typedef struct
{
  gint64             change_bp;       /* pupil change asked, basis points */
  int                school_year;     /* the contract's first school year */
  gint64             pupils_before;   /* its pupils in the first scenario, as they are */
  gint64             pupils_after;    /* the same, every known count scaled */
  guint              n_scenarios;
  EntWhatIfScenario *scenarios;       /* document order */
} EntWhatIf;

/* The "what if" of the Compare page: @document's budget recomputed with every
 * known pupil count changed by @change_bp (ent_budget_compute_scaled: each
 * count scaled and rounded to a whole pupil per school, halves away from
 * zero, SPEC 4 otherwise unchanged), beside @budget, the budget computed from
 * @document as it is. The pupils shown are the first scenario's in the
 * contract's first school year (0 in a budget without scenarios); the
 * scenarios are those both budgets have, in order. Fails as
 * ent_budget_compute does. */
EntWhatIf      *ent_what_if_compute          (EntDocument     *document,
                                              const EntBudget *budget,
                                              gint64           change_bp,
                                              GError         **error);
void            ent_what_if_free             (EntWhatIf       *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EntComparison, ent_comparison_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EntSensitivity, ent_sensitivity_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EntWhatIf, ent_what_if_free)

G_END_DECLS
