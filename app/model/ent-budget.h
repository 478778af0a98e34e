/* ent-budget.h: the budget computed from a document (SPEC section 4), never stored
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ent-document.h"

G_BEGIN_DECLS

/* One term of a budget line: quantity × unit price × months / 12.
 * Annual billing and specific support have one segment of 12 months; a prorata
 * line has up to two (January–August of school year Y−1, September–December of
 * school year Y). */
typedef struct
{
  int     school_year;   /* S billed (pupil lines); the budget year for specific support */
  GDate   tariff_date;   /* the date whose tariff applies (first day of the segment) */
  gint64  quantity;      /* pupils of S, or half-days */
  gint64  unit_price;    /* cents, in force on tariff_date, tariff increase applied */
  int     months;        /* 1..12 */
} EntSegment;

typedef struct
{
  EntLineKind kind;
  guint       n_segments;        /* 0 when nothing is billed */
  EntSegment  segments[2];
  gint64      amount;            /* cents: round (Σ quantity × unit_price × months / 12) */
  char       *label;             /* "Contribution ENT – part de base (1 209 élèves × 1,30 €)" */
  char       *chapter;           /* copies of the document's imputation */
  char       *nature;
  char       *function;
  gint64     *school_parts;      /* n_schools cents, largest remainder, sum == amount */
  gint64     *commune_parts;     /* n_communes cents: sums of their schools' parts */
  /* SPEC 5, [Imputation] split-functions: the base line only, when the
   * budget splits (EntBudget.split): the maternelle schools' parts on
   * function 211, the élémentaire and primaire schools' parts on 212;
   * function_parts[0] + function_parts[1] == amount. */
  gboolean    split;
  gint64      function_parts[2];
} EntBudgetLine;

/* The functions of a split base line (ENT_SPLIT_FUNCTION_211, _212). */
#define ENT_N_SPLIT_FUNCTIONS 2
extern const char * const ent_split_functions[ENT_N_SPLIT_FUNCTIONS];  /* "211", "212" */

typedef struct
{
  int           year;            /* budget year (exercice) */
  gint64        pupils;          /* pupils counted: school year Y−1 clamped to the contract */
  EntBudgetLine lines[ENT_N_LINES];
  gint64        total;
  gint64        cost_per_pupil;  /* cents, round (total / pupils), 0 without pupils */
  gint64        cumulated;       /* AE/CP: payment credits up to this year */
  gint64        remaining;       /* authorisation − cumulated */
} EntBudgetYear;

typedef struct
{
  EntScenario   *scenario;       /* a reference */
  char          *name;
  guint          n_years;
  EntBudgetYear *years;
  gint64         total;          /* contract total = authorisation (AE) */
  /* Pupils per school per school year of the contract, as the scenario projects
   * them: pupils[school * n_school_years + (S − first school year)]. */
  gint64        *pupils;
  gboolean      *known;          /* same layout: TRUE where the count is known, or
                                  * where the school is not open (0 pupils) */
} EntScenarioBudget;

typedef struct _EntBudget EntBudget;
struct _EntBudget
{
  /*< private >*/
  gatomicrefcount    ref_count;
  /*< public >*/
  int                first_school_year;
  guint              n_school_years;
  int                first_budget_year;
  guint              n_budget_years;
  guint              n_schools;
  EntSchool        **schools;        /* references, document order */
  guint              n_communes;
  char             **communes;       /* names, order of first appearance */
  guint             *school_commune; /* n_schools indices into communes */
  /* The document asks for the 211/212 split of the base line; it is made
   * (split) only when every school has a level. */
  gboolean           split_asked;
  gboolean           split;
  guint              n_schools_without_level;
  guint              n_scenarios;
  EntScenarioBudget *scenarios;
};

#define ENT_TYPE_BUDGET (ent_budget_get_type ())
GType              ent_budget_get_type             (void) G_GNUC_CONST;

/* Computes every scenario of @document. Fails with ENT_MODEL_ERROR_NO_TARIFF
 * when a billed date has no tariff in force, ENT_MODEL_ERROR_OVERFLOW when an
 * amount does not fit, ENT_MODEL_ERROR_MISSING when there is no scenario. */
EntBudget         *ent_budget_compute              (EntDocument       *document,
                                                    GError           **error);
/* Same, with every known pupil count scaled by (1 + @pupil_change_bp / 10000),
 * rounded to a whole pupil per school (sensitivity analysis). */
EntBudget         *ent_budget_compute_scaled       (EntDocument       *document,
                                                    gint64             pupil_change_bp,
                                                    GError           **error);
EntBudget         *ent_budget_ref                  (EntBudget         *self);
void               ent_budget_unref                (EntBudget         *self);

/* Pupils projected for one school (index into budget->schools) and school year S. */
gint64             ent_scenario_budget_get_pupils  (const EntBudget         *budget,
                                                    const EntScenarioBudget *scenario,
                                                    guint                    school,
                                                    int                      school_year,
                                                    gboolean                *out_known);
/* SPEC 12, vintage: the school years that budget year @by bills (the
 * segments of its base line) and that rest on projected counts (some open
 * school has no known count there): the first and last of them in
 * *out_first_projected / *out_last_projected, and the latest school year
 * before the first with a known count in some school (0 when none) in
 * *out_observed. Returns FALSE (outputs untouched) when every count billed
 * is known. */
gboolean           ent_budget_year_get_vintage     (const EntBudget         *budget,
                                                    const EntScenarioBudget *scenario,
                                                    const EntBudgetYear     *by,
                                                    int                     *out_first_projected,
                                                    int                     *out_last_projected,
                                                    int                     *out_observed);
/* The same as a translated phrase: "pupils of the rentrée 2025 projected,
 * last observed: rentrée 2024", or NULL when nothing is projected. */
char              *ent_budget_year_describe_vintage (const EntBudget         *budget,
                                                     const EntScenarioBudget *scenario,
                                                     const EntBudgetYear     *by);

/* The label of part @f (0: 211, 1: 212) of a split line: the line's label
 * followed by the function, translated. */
char              *ent_budget_line_dup_split_label   (const EntBudgetLine *line,
                                                      guint                f);

/* Why the 211/212 split asked for is not made (« 2 écoles sans niveau : la
 * répartition 211/212 est impossible »), translated; NULL when it is made or
 * not asked for. */
char              *ent_budget_describe_split_problem (const EntBudget *budget);

/* Part of @line for commune @commune (sum of its schools' parts). */
gint64             ent_budget_line_get_commune_part (const EntBudget     *budget,
                                                     const EntBudgetLine *line,
                                                     guint                commune);

/* Pupils of @school in school year @school_year under @scenario's projection
 * (SPEC 4.1): 0 where the school is not open (opens <= S < closes, and then
 * *out_known is TRUE: a fact, not a projection); the known count, else
 * projected from the latest known year before, else the earliest known count,
 * else 0. Overflow-safe (saturates). */
gint64             ent_school_project_pupils       (EntSchool         *school,
                                                    EntScenario       *scenario,
                                                    int                school_year,
                                                    gboolean          *out_known);

/* The rate of @period for @line: base or optional per pupil, or the half-day. */
gint64             ent_tariff_period_get_rate      (EntTariffPeriod   *period,
                                                    EntLineKind        line);

/* A tariff rate (cents) in force on @date with @increase_bp per year applied
 * after the last period (SPEC 4.4). Fails with ENT_MODEL_ERROR_NO_TARIFF. */
gboolean           ent_tariff_rate_on              (EntTariffSchedule *tariffs,
                                                    EntLineKind        line,
                                                    const GDate       *date,
                                                    gint64             increase_bp,
                                                    gint64            *out_cents,
                                                    GError           **error);

/* Largest remainder: splits @amount (>= 0) in proportion to @weights[n] (>= 0)
 * into @out_parts[n] summing exactly to @amount; the cents left over go to the
 * largest remainders, ties to the lower index. All-zero weights put
 * everything on the first part. */
void               ent_allocate_largest_remainder  (gint64             amount,
                                                    const gint64      *weights,
                                                    guint              n,
                                                    gint64            *out_parts);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EntBudget, ent_budget_unref)

G_END_DECLS
