/* ent-compare.c: scenarios side by side, and the sensitivity to pupil numbers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ent-budget-query.h"
#include "ent-compare.h"
#include "ent-money.h"

const gint64 ent_sensitivity_steps_bp[ENT_SENSITIVITY_N_STEPS] = {
  -2000, -1000, -500, 0, 500, 1000, 2000,
};

/* public API */

void
ent_compare_cell_init (EntCompareCell *cell,
                       gint64          amount,
                       gint64          reference)
{
  g_return_if_fail (cell != NULL);

  cell->amount = amount;
  if (__builtin_sub_overflow (amount, reference, &cell->diff))
    {
      cell->diff = amount < reference ? G_MININT64 : G_MAXINT64;
      cell->has_percent = FALSE;
      cell->diff_bp = 0;
      return;
    }
  cell->has_percent = ent_compare_ratio_bp (cell->diff, reference, &cell->diff_bp);
  if (!cell->has_percent)
    cell->diff_bp = 0;
}

gboolean
ent_compare_ratio_bp (gint64  diff,
                      gint64  reference,
                      gint64 *out_bp)
{
  gint64 scaled;

  g_return_val_if_fail (out_bp != NULL, FALSE);

  if (reference == 0 || reference == G_MININT64)
    return FALSE;
  if (!ent_checked_mul (diff, 10000, &scaled))
    return FALSE;
  if (reference < 0)
    {
      /* ent_round_div wants a positive denominator: divide −scaled by −reference */
      if (scaled == G_MININT64)
        return FALSE;
      scaled = -scaled;
      reference = -reference;
    }
  *out_bp = ent_round_div (scaled, reference);
  return TRUE;
}

EntComparison *
ent_comparison_new (const EntBudget *budget,
                    guint            reference)
{
  EntComparison *self;
  const EntScenarioBudget *ref;

  g_return_val_if_fail (budget != NULL, NULL);

  self = g_new0 (EntComparison, 1);
  self->n_scenarios = budget->n_scenarios;
  self->scenarios = g_new0 (EntCompareScenario, MAX (budget->n_scenarios, 1));
  if (budget->n_scenarios == 0)
    return self;

  self->reference = reference < budget->n_scenarios ? reference : 0;
  ref = &budget->scenarios[self->reference];

  /* every scenario of one budget covers the same budget years */
  self->n_years = ref->n_years;
  self->years = g_new0 (int, MAX (self->n_years, 1));
  for (guint y = 0; y < self->n_years; y++)
    self->years[y] = ref->years[y].year;

  for (guint s = 0; s < budget->n_scenarios; s++)
    {
      const EntScenarioBudget *sb = &budget->scenarios[s];
      EntCompareScenario *cs = &self->scenarios[s];

      cs->name = g_strdup (sb->name != NULL ? sb->name : "");
      cs->years = g_new0 (EntCompareCell, MAX (self->n_years, 1));
      for (guint y = 0; y < self->n_years; y++)
        {
          gint64 amount = y < sb->n_years ? sb->years[y].total : 0;

          ent_compare_cell_init (&cs->years[y], amount, ref->years[y].total);
        }
      ent_compare_cell_init (&cs->total, sb->total, ref->total);
    }

  return self;
}

void
ent_comparison_free (EntComparison *self)
{
  if (self == NULL)
    return;

  for (guint s = 0; s < self->n_scenarios; s++)
    {
      g_free (self->scenarios[s].name);
      g_free (self->scenarios[s].years);
    }
  g_free (self->scenarios);
  g_free (self->years);
  g_free (self);
}

EntSensitivity *
ent_sensitivity_compute (EntDocument   *document,
                         const gint64  *steps_bp,
                         guint          n_steps,
                         GError       **error)
{
  g_autoptr(EntSensitivity) self = NULL;

  g_return_val_if_fail (ENT_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (steps_bp != NULL || n_steps == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (steps_bp == NULL)
    {
      steps_bp = ent_sensitivity_steps_bp;
      n_steps = ENT_SENSITIVITY_N_STEPS;
    }

  self = g_new0 (EntSensitivity, 1);
  self->n_steps = n_steps;
  self->steps_bp = g_memdup2 (steps_bp, sizeof (gint64) * n_steps);

  for (guint i = 0; i < n_steps; i++)
    {
      g_autoptr(EntBudget) budget = ent_budget_compute_scaled (document, steps_bp[i], error);

      if (budget == NULL)
        return NULL;

      if (self->totals == NULL)
        {
          self->n_scenarios = budget->n_scenarios;
          self->totals = g_new0 (gint64, MAX (self->n_scenarios * n_steps, 1));
          self->names = g_new0 (char *, self->n_scenarios + 1);
          for (guint s = 0; s < budget->n_scenarios; s++)
            self->names[s] = g_strdup (budget->scenarios[s].name != NULL ? budget->scenarios[s].name : "");
        }

      /* the scenarios do not change between two computations of one document */
      g_assert (budget->n_scenarios == self->n_scenarios);
      for (guint s = 0; s < self->n_scenarios; s++)
        self->totals[s * n_steps + i] = budget->scenarios[s].total;
    }

  if (self->names == NULL)
    self->names = g_new0 (char *, 1);

  return g_steal_pointer (&self);
}

gint64
ent_sensitivity_get_total (const EntSensitivity *self,
                           guint                 scenario,
                           guint                 step)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (scenario < self->n_scenarios && step < self->n_steps, 0);

  return self->totals[scenario * self->n_steps + step];
}

EntSensitivity *
ent_sensitivity_copy (const EntSensitivity *self)
{
  EntSensitivity *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new0 (EntSensitivity, 1);
  copy->n_steps = self->n_steps;
  copy->steps_bp = g_memdup2 (self->steps_bp, self->n_steps * sizeof (gint64));
  copy->n_scenarios = self->n_scenarios;
  copy->names = g_strdupv (self->names);
  copy->totals = g_memdup2 (self->totals, (gsize) self->n_scenarios * self->n_steps * sizeof (gint64));
  return copy;
}

G_DEFINE_BOXED_TYPE (EntSensitivity, ent_sensitivity, ent_sensitivity_copy, ent_sensitivity_free)

void
ent_sensitivity_free (EntSensitivity *self)
{
  if (self == NULL)
    return;

  g_free (self->steps_bp);
  g_strfreev (self->names);
  g_free (self->totals);
  g_free (self);
}

/* The pupils of @budget's first scenario in its first school year. */
static gint64
first_pupils (const EntBudget *budget)
{
  const EntScenarioBudget *sb = ent_budget_find_scenario (budget, NULL);

  if (sb == NULL)
    return 0;
  return ent_scenario_budget_count_pupils (budget, sb, budget->first_school_year, NULL);
}

EntWhatIf *
ent_what_if_compute (EntDocument      *document,
                     const EntBudget  *budget,
                     gint64            change_bp,
                     GError          **error)
{
  g_autoptr(EntBudget) scaled = NULL;
  EntWhatIf *self;

  g_return_val_if_fail (ENT_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (budget != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  scaled = ent_budget_compute_scaled (document, change_bp, error);
  if (scaled == NULL)
    return NULL;

  self = g_new0 (EntWhatIf, 1);
  self->change_bp = change_bp;
  self->school_year = scaled->first_school_year;
  self->pupils_before = first_pupils (budget);
  self->pupils_after = first_pupils (scaled);

  /* both budgets come from one document: same scenarios, same order (a
   * budget a moment older may miss the last one added) */
  self->n_scenarios = MIN (scaled->n_scenarios, budget->n_scenarios);
  self->scenarios = g_new0 (EntWhatIfScenario, MAX (self->n_scenarios, 1));
  for (guint s = 0; s < self->n_scenarios; s++)
    {
      EntWhatIfScenario *ws = &self->scenarios[s];

      ws->name = g_strdup (scaled->scenarios[s].name != NULL ? scaled->scenarios[s].name : "");
      ws->total_before = budget->scenarios[s].total;
      ent_compare_cell_init (&ws->total_after, scaled->scenarios[s].total, ws->total_before);
    }

  return self;
}

void
ent_what_if_free (EntWhatIf *self)
{
  if (self == NULL)
    return;

  for (guint s = 0; s < self->n_scenarios; s++)
    g_free (self->scenarios[s].name);
  g_free (self->scenarios);
  g_free (self);
}
