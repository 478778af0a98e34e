/* ent-budget-query.c: the figures every reader of a computed budget needs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ent-budget-query.h"

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
