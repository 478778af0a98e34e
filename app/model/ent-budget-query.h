/* ent-budget-query.h: the figures every reader of a computed budget needs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The views, the exporters and the command line read the same EntBudget. The
 * rules for finding a scenario's budget, the school year a budget year counts
 * and the sums over communes, lines and years live here, once, so that two
 * readers cannot show two different figures for the same thing.
 */
#pragma once

#include "ent-budget.h"

G_BEGIN_DECLS

/* The budget of @scenario in @budget. A NULL @scenario means "none chosen
 * yet": the document's first scenario. A scenario @budget does not know (added
 * since it was computed, or from another document) gives NULL, and so does a
 * budget without scenarios; a caller that wants to show something all the
 * same falls back explicitly (ent_budget_find_scenario (budget, NULL)). */
const EntScenarioBudget *ent_budget_find_scenario               (const EntBudget         *budget,
                                                                  EntScenario             *scenario);

/* The school year whose pupils budget year @budget_year counts (EntBudgetYear
 * pupils, specific support allocation, the communes' pupils): the rentrée of
 * September @budget_year − 1, clamped to the contract's school years. */
int                      ent_budget_get_counted_school_year       (const EntBudget         *budget,
                                                                  int                      budget_year);

/* Pupils of school year @school_year summed over the schools of @sb's
 * projection; *out_all_known (may be NULL) is TRUE when every school's count
 * is known there (or the school is not open). */
gint64                   ent_scenario_budget_count_pupils         (const EntBudget         *budget,
                                                                  const EntScenarioBudget *sb,
                                                                  int                      school_year,
                                                                  gboolean                *out_all_known);

/* Pupils of commune @commune's schools in school year @school_year. */
gint64                   ent_scenario_budget_get_commune_pupils   (const EntBudget         *budget,
                                                                  const EntScenarioBudget *sb,
                                                                  guint                    commune,
                                                                  int                      school_year);

/* Commune @commune's part of budget year @year_index (an index into
 * sb->years): the sum of its parts of every line of that year. */
gint64                   ent_scenario_budget_get_commune_year     (const EntBudget         *budget,
                                                                  const EntScenarioBudget *sb,
                                                                  guint                    commune,
                                                                  guint                    year_index);

/* Commune @commune's part of the contract total: its parts of every line of
 * every year. The communes' totals add up exactly to sb->total. */
gint64                   ent_scenario_budget_get_commune_total    (const EntBudget         *budget,
                                                                  const EntScenarioBudget *sb,
                                                                  guint                    commune);

/* Line @kind summed over the budget years of the contract. */
gint64                   ent_scenario_budget_get_line_total       (const EntScenarioBudget *sb,
                                                                  EntLineKind              kind);

/* Following the contract (SPEC 13): one budget year of a scenario against
 * what was voted and paid.
 *
 * The year-end estimate is what the finance officer expects to have paid on
 * 31 December: the syndicate bills the planned amount (the scenario's CP),
 * and what is already paid above it is spent all the same, so
 * estimate = max (planned, paid). A payment not entered counts as nothing
 * paid yet. The decision modificative (DM) needed is estimate − voted when
 * positive; zero or negative, the credits voted suffice (the negative part is
 * to spare). Without a vote entered there is nothing to compare with: no
 * left to pay, no DM. */
typedef struct
{
  int      year;
  gint64   planned;       /* the scenario's CP for the year (EntBudgetYear total) */
  gboolean has_voted;     /* FALSE: not entered (not the same as 0) */
  gint64   voted;         /* BP + DM, 0 when not entered */
  gboolean has_paid;
  gint64   paid;          /* mandats, 0 when not entered */
  gint64   left_to_pay;   /* voted − paid (negative: paid beyond the vote); with has_voted */
  gint64   estimate;      /* max (planned, paid) */
  gint64   dm;            /* estimate − voted: > 0 a DM of that amount is needed; with has_voted */
} EntExecutionYear;

/* Budget year @year_index (an index into sb->years) against @execution. */
void                     ent_scenario_budget_get_execution_year   (const EntScenarioBudget *sb,
                                                                  EntExecution            *execution,
                                                                  guint                    year_index,
                                                                  EntExecutionYear        *out);
/* « une DM de +120,00 € est nécessaire », « crédits suffisants (30,00 € de
 * marge) », « crédits votés non saisis » (translated). */
char                    *ent_execution_year_describe              (const EntExecutionYear  *year);

/* The AE in force: the last revision's amount, or the contract total
 * (sb->total) without revision. *@out_revised (may be NULL): a revision
 * gave it. */
gint64                   ent_scenario_budget_get_current_ae       (const EntScenarioBudget *sb,
                                                                  EntExecution            *execution,
                                                                  gboolean                *out_revised);
/* The CP planned over the contract (sb->total) minus the AE in force:
 * positive, the plan goes beyond the authorisation by that much. */
gint64                   ent_scenario_budget_get_ae_excess        (const EntScenarioBudget *sb,
                                                                  EntExecution            *execution);

G_END_DECLS
