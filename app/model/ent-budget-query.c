/* ent-budget-query.c: the figures every reader of a computed budget needs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ent-budget-query.h"

#include <glib/gi18n-lib.h>

#include "ent-money.h"

/* public API */

const EntScenarioBudget *
ent_budget_find_scenario (const EntBudget *budget,
                          EntScenario     *scenario)
{
  g_return_val_if_fail (budget != NULL, NULL);

  if (budget->n_scenarios == 0)
    return NULL;
  if (scenario == NULL)
    return &budget->scenarios[0];

  for (guint i = 0; i < budget->n_scenarios; i++)
    if (budget->scenarios[i].scenario == scenario)
      return &budget->scenarios[i];

  return NULL;
}

int
ent_budget_get_counted_school_year (const EntBudget *budget,
                                    int              budget_year)
{
  g_return_val_if_fail (budget != NULL, budget_year - 1);

  /* a contract lasts at least one school year; without one there is nothing
   * to clamp to */
  if (budget->n_school_years == 0)
    return budget_year - 1;

  return CLAMP (budget_year - 1, budget->first_school_year,
                budget->first_school_year + (int) budget->n_school_years - 1);
}

gint64
ent_scenario_budget_count_pupils (const EntBudget         *budget,
                                  const EntScenarioBudget *sb,
                                  int                      school_year,
                                  gboolean                *out_all_known)
{
  gboolean all_known = TRUE;
  gint64 sum = 0;

  g_return_val_if_fail (budget != NULL && sb != NULL, 0);

  for (guint school = 0; school < budget->n_schools; school++)
    {
      gboolean known = FALSE;

      sum += ent_scenario_budget_get_pupils (budget, sb, school, school_year, &known);
      all_known = all_known && known;
    }

  if (out_all_known != NULL)
    *out_all_known = all_known;
  return sum;
}

gint64
ent_scenario_budget_get_commune_pupils (const EntBudget         *budget,
                                        const EntScenarioBudget *sb,
                                        guint                    commune,
                                        int                      school_year)
{
  gint64 sum = 0;

  g_return_val_if_fail (budget != NULL && sb != NULL, 0);
  g_return_val_if_fail (commune < budget->n_communes, 0);

  for (guint school = 0; school < budget->n_schools; school++)
    if (budget->school_commune[school] == commune)
      sum += ent_scenario_budget_get_pupils (budget, sb, school, school_year, NULL);
  return sum;
}

gint64
ent_scenario_budget_get_commune_year (const EntBudget         *budget,
                                      const EntScenarioBudget *sb,
                                      guint                    commune,
                                      guint                    year_index)
{
  gint64 sum = 0;

  g_return_val_if_fail (budget != NULL && sb != NULL, 0);
  g_return_val_if_fail (commune < budget->n_communes, 0);
  g_return_val_if_fail (year_index < sb->n_years, 0);

  for (guint l = 0; l < ENT_N_LINES; l++)
    sum += ent_budget_line_get_commune_part (budget, &sb->years[year_index].lines[l], commune);
  return sum;
}

gint64
ent_scenario_budget_get_commune_total (const EntBudget         *budget,
                                       const EntScenarioBudget *sb,
                                       guint                    commune)
{
  gint64 sum = 0;

  g_return_val_if_fail (budget != NULL && sb != NULL, 0);
  g_return_val_if_fail (commune < budget->n_communes, 0);

  for (guint y = 0; y < sb->n_years; y++)
    sum += ent_scenario_budget_get_commune_year (budget, sb, commune, y);
  return sum;
}

gint64
ent_scenario_budget_get_line_total (const EntScenarioBudget *sb,
                                    EntLineKind              kind)
{
  gint64 sum = 0;

  g_return_val_if_fail (sb != NULL, 0);
  g_return_val_if_fail (kind < ENT_N_LINES, 0);

  for (guint y = 0; y < sb->n_years; y++)
    sum += sb->years[y].lines[kind].amount;
  return sum;
}

void
ent_scenario_budget_get_execution_year (const EntScenarioBudget *sb,
                                        EntExecution            *execution,
                                        guint                    year_index,
                                        EntExecutionYear        *out)
{
  const EntBudgetYear *year;

  g_return_if_fail (sb != NULL && out != NULL);
  g_return_if_fail (ENT_IS_EXECUTION (execution));
  g_return_if_fail (year_index < sb->n_years);

  year = &sb->years[year_index];
  *out = (EntExecutionYear) { .year = year->year, .planned = year->total };
  out->has_voted = ent_execution_get_voted (execution, year->year, &out->voted);
  out->has_paid = ent_execution_get_paid (execution, year->year, &out->paid);

  /* amounts are at most ENT_MAX_EXECUTION_CENTS and budget totals far below
   * the 64-bit limit: these differences cannot overflow */
  out->estimate = MAX (out->planned, out->paid);
  if (out->has_voted)
    {
      out->left_to_pay = out->voted - out->paid;
      out->dm = out->estimate - out->voted;
    }
}

char *
ent_execution_year_describe (const EntExecutionYear *year)
{
  g_autofree char *amount = NULL;

  g_return_val_if_fail (year != NULL, NULL);

  if (!year->has_voted)
    return g_strdup (_("credits voted not entered"));
  if (year->dm > 0)
    {
      amount = ent_money_format_signed (year->dm);
      /* Translators: %s is a signed amount, "+120,00 €"; DM is a
       * "décision modificative", a change of the voted budget */
      return g_strdup_printf (_("a DM of %s is needed"), amount);
    }
  if (year->dm == 0)
    return g_strdup (_("credits suffice"));
  amount = ent_money_format (-year->dm);
  /* Translators: %s is an amount, "30,00 €", voted beyond the estimate */
  return g_strdup_printf (_("credits suffice (%s to spare)"), amount);
}

gint64
ent_scenario_budget_get_current_ae (const EntScenarioBudget *sb,
                                    EntExecution            *execution,
                                    gboolean                *out_revised)
{
  guint n;
  gint64 amount = 0;

  g_return_val_if_fail (sb != NULL, 0);
  g_return_val_if_fail (ENT_IS_EXECUTION (execution), 0);

  n = ent_execution_get_n_revisions (execution);
  if (out_revised != NULL)
    *out_revised = n > 0;
  if (n == 0)
    return sb->total;
  ent_execution_get_revision (execution, n - 1, NULL, &amount, NULL);
  return amount;
}

gint64
ent_scenario_budget_get_ae_excess (const EntScenarioBudget *sb,
                                   EntExecution            *execution)
{
  g_return_val_if_fail (sb != NULL, 0);

  return sb->total - ent_scenario_budget_get_current_ae (sb, execution, NULL);
}
