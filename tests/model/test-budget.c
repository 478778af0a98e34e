/* test-budget.c: the engine against SPEC section 4 and cases derived by hand
 *
 * Every expected figure below was computed by hand from the rules (the
 * derivation is in the comment next to it), never copied from the program.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "ent-budget.h"
#include "ent-money.h"
#include "ent-test-utils.h"

static GDate *
date_new (int year,
          int month,
          int day)
{
  return g_date_new_dmy (day, month, year);
}

static EntTariffPeriod *
period_new (int         year,
            int         month,
            int         day,
            gint64      base,
            gint64      optional,
            gint64      half_day)
{
  g_autoptr(GDate) from = date_new (year, month, day);

  return ent_tariff_period_new (from, base, optional, half_day, "test");
}

/* The worked examples' document: Hem, one school entry of 1 209 pupils known
 * for 2023/2024 only, tariffs of 1 September 2023, annual billing. */
static EntDocument *
hem_document (EntBilling billing)
{
  EntDocument *doc = ent_document_new ();
  EntContract *contract = ent_document_get_contract (doc);
  g_autoptr(EntTariffPeriod) period = period_new (2023, 9, 1, 130, 30, 15000);
  g_autoptr(EntSchool) school = ent_school_new ("Écoles publiques de Hem", "Hem");
  g_autoptr(GDate) start = date_new (2024, 1, 1);

  ent_contract_set_first_school_year (contract, 2023);
  ent_contract_set_school_years (contract, 4);
  ent_contract_set_payment_start (contract, start);
  ent_contract_set_billing (contract, billing);
  g_assert_true (ent_tariff_schedule_add (ent_document_get_tariffs (doc), period, NULL));
  ent_school_set_known_pupils (school, 2023, 1209);
  ent_document_add_school (doc, school);
  return doc;
}

static EntScenario *
add_scenario (EntDocument *doc,
              const char  *name)
{
  g_autoptr(EntScenario) scenario = ent_scenario_new (name);

  ent_document_add_scenario (doc, scenario);
  return scenario;  /* owned by the document */
}

static EntBudget *
compute (EntDocument *doc)
{
  g_autoptr(GError) error = NULL;
  EntBudget *budget = ent_budget_compute (doc, &error);

  g_assert_no_error (error);
  g_assert_nonnull (budget);
  return budget;
}

/* Checks a scenario's yearly totals (cents) and its contract total. */
static void
assert_totals (const EntScenarioBudget *sb,
               int                      first_year,
               const gint64            *totals,
               guint                    n,
               gint64                   contract_total)
{
  g_assert_cmpuint (sb->n_years, ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpint (sb->years[i].year, ==, first_year + (int) i);
      g_assert_cmpint (sb->years[i].total, ==, totals[i]);
    }
  g_assert_cmpint (sb->total, ==, contract_total);
}

/* SPEC 4, worked examples, rows 1–3 (annual billing). */
static void
test_worked_annual (void)
{
  g_autoptr(EntDocument) doc = hem_document (ENT_BILLING_ANNUAL);
  EntScenario *base = add_scenario (doc, "Base seule");
  EntScenario *optional = add_scenario (doc, "Base + option");
  EntScenario *half_days = add_scenario (doc, "Base + option + 2 demi-journées en 2024");
  g_autoptr(EntBudget) budget = NULL;
  /* 1 209 × 1,30 = 1 571,70 */
  const gint64 base_totals[] = { 157170, 157170, 157170, 157170 };
  /* 1 209 × (1,30 + 0,30) = 1 934,40 */
  const gint64 optional_totals[] = { 193440, 193440, 193440, 193440 };
  /* + 2 × 150 = 300 in 2024 */
  const gint64 half_day_totals[] = { 223440, 193440, 193440, 193440 };

  (void) base;
  ent_scenario_set_optional_all (optional, TRUE);
  ent_scenario_set_optional_all (half_days, TRUE);
  ent_scenario_set_half_days (half_days, 2024, 2);

  budget = compute (doc);
  g_assert_cmpuint (budget->n_scenarios, ==, 3);
  assert_totals (&budget->scenarios[0], 2024, base_totals, 4, 628680);
  assert_totals (&budget->scenarios[1], 2024, optional_totals, 4, 773760);
  assert_totals (&budget->scenarios[2], 2024, half_day_totals, 4, 803760);

  /* the lines of 2024 in the third scenario */
  {
    const EntBudgetYear *y = &budget->scenarios[2].years[0];

    g_assert_cmpint (y->pupils, ==, 1209);
    g_assert_cmpint (y->lines[ENT_LINE_BASE].amount, ==, 157170);
    g_assert_cmpint (y->lines[ENT_LINE_OPTIONAL].amount, ==, 36270);  /* 1 209 × 0,30 */
    g_assert_cmpint (y->lines[ENT_LINE_SPECIFIC].amount, ==, 30000);
    g_assert_cmpuint (y->lines[ENT_LINE_BASE].n_segments, ==, 1);
    g_assert_cmpint (y->lines[ENT_LINE_BASE].segments[0].school_year, ==, 2023);
    g_assert_cmpint (y->lines[ENT_LINE_BASE].segments[0].quantity, ==, 1209);
    g_assert_cmpint (y->lines[ENT_LINE_BASE].segments[0].unit_price, ==, 130);
    g_assert_cmpint (y->lines[ENT_LINE_BASE].segments[0].months, ==, 12);
    g_assert_cmpint (y->lines[ENT_LINE_SPECIFIC].segments[0].quantity, ==, 2);
    g_assert_cmpstr (y->lines[ENT_LINE_BASE].chapter, ==, "65");
    g_assert_cmpstr (y->lines[ENT_LINE_BASE].nature, ==, "65548");
    g_assert_cmpstr (y->lines[ENT_LINE_BASE].function, ==, "21");
    /* cost per pupil: 2 234,40 / 1 209 = 1,848…, shown 1,85 */
    g_assert_cmpint (y->cost_per_pupil, ==, 185);
    g_assert_nonnull (strstr (y->lines[ENT_LINE_BASE].label, "1209 pupils"));
    g_assert_nonnull (strstr (y->lines[ENT_LINE_BASE].label, "€1.30"));
  }

  /* AE/CP of the third scenario: 8 037,60 authorised */
  {
    const EntScenarioBudget *sb = &budget->scenarios[2];

    g_assert_cmpint (sb->years[0].cumulated, ==, 223440);
    g_assert_cmpint (sb->years[0].remaining, ==, 803760 - 223440);
    g_assert_cmpint (sb->years[3].cumulated, ==, 803760);
    g_assert_cmpint (sb->years[3].remaining, ==, 0);
  }
}

/* SPEC 4, worked example, row 4: prorata, base only, constant.
 * 2024: 1 209 × 1,30 × 8/12 (Jan–Aug, 2023/24) + 1 209 × 1,30 × 4/12 (Sep–Dec, 2024/25)
 * 2027: 1 209 × 1,30 × 8/12 = 1 047,80 (the contract ends on 31 August 2027). */
static void
test_worked_prorata (void)
{
  g_autoptr(EntDocument) doc = hem_document (ENT_BILLING_PRORATA);
  g_autoptr(EntBudget) budget = NULL;
  const gint64 totals[] = { 157170, 157170, 157170, 104780 };
  const EntBudgetLine *line;

  add_scenario (doc, "Base seule");
  budget = compute (doc);
  assert_totals (&budget->scenarios[0], 2024, totals, 4, 576290);

  line = &budget->scenarios[0].years[0].lines[ENT_LINE_BASE];
  g_assert_cmpuint (line->n_segments, ==, 2);
  g_assert_cmpint (line->segments[0].school_year, ==, 2023);
  g_assert_cmpint (line->segments[0].months, ==, 8);
  g_assert_cmpint (g_date_get_month (&line->segments[0].tariff_date), ==, 1);
  g_assert_cmpint (line->segments[1].school_year, ==, 2024);
  g_assert_cmpint (line->segments[1].months, ==, 4);
  g_assert_cmpint (g_date_get_month (&line->segments[1].tariff_date), ==, 9);

  line = &budget->scenarios[0].years[3].lines[ENT_LINE_BASE];
  g_assert_cmpuint (line->n_segments, ==, 1);
  g_assert_cmpint (line->segments[0].school_year, ==, 2026);
  g_assert_cmpint (line->segments[0].months, ==, 8);
}

/* SPEC 4.4: V = 2023-09-01, 1,30 €, i = 2 %:
 * 1 Jan 2024 → 1,30; 2025 → round (1,326) = 1,33; 2026 → round (1,3566) = 1,36;
 * 2027 → round (1,3872) = 1,39. */
static void
test_tariff_increase_rates (void)
{
  g_autoptr(EntDocument) doc = hem_document (ENT_BILLING_ANNUAL);
  EntTariffSchedule *tariffs = ent_document_get_tariffs (doc);
  const gint64 expected[] = { 130, 133, 136, 139 };

  for (int i = 0; i < 4; i++)
    {
      g_autoptr(GDate) date = date_new (2024 + i, 1, 1);
      gint64 rate = 0;

      g_assert_true (ent_tariff_rate_on (tariffs, ENT_LINE_BASE, date, 200, &rate, NULL));
      g_assert_cmpint (rate, ==, expected[i]);
    }

  /* the anniversary itself counts; the day before does not */
  {
    g_autoptr(GDate) anniversary = date_new (2024, 9, 1);
    g_autoptr(GDate) eve = date_new (2024, 8, 31);
    gint64 rate = 0;

    g_assert_true (ent_tariff_rate_on (tariffs, ENT_LINE_BASE, anniversary, 200, &rate, NULL));
    g_assert_cmpint (rate, ==, 133);
    g_assert_true (ent_tariff_rate_on (tariffs, ENT_LINE_BASE, eve, 200, &rate, NULL));
    g_assert_cmpint (rate, ==, 130);
    /* half-day: 150 × 1,02 = 153 */
    g_assert_true (ent_tariff_rate_on (tariffs, ENT_LINE_SPECIFIC, anniversary, 200, &rate, NULL));
    g_assert_cmpint (rate, ==, 15300);
    /* optional: 0,30 × 1,02 = 0,306 → 0,31 */
    g_assert_true (ent_tariff_rate_on (tariffs, ENT_LINE_OPTIONAL, anniversary, 200, &rate, NULL));
    g_assert_cmpint (rate, ==, 31);
  }
}

/* Annual, base only, i = 2 %: 1 209 × (1,30; 1,33; 1,36; 1,39)
 * = 1 571,70; 1 607,97; 1 644,24; 1 680,51 → 6 504,42. */
static void
test_tariff_increase_budget (void)
{
  g_autoptr(EntDocument) doc = hem_document (ENT_BILLING_ANNUAL);
  EntScenario *scenario = add_scenario (doc, "Hausse");
  g_autoptr(EntBudget) budget = NULL;
  const gint64 totals[] = { 157170, 160797, 164424, 168051 };

  ent_scenario_set_tariff_increase (scenario, 200);
  budget = compute (doc);
  assert_totals (&budget->scenarios[0], 2024, totals, 4, 650442);
}

/* Projection −2 %: 1 209 (2023) → 1 184,82 → 1 185 (2024) → 1 161,3 → 1 161 (2025)
 * → 1 137,78 → 1 138 (2026). Annual base: 1 209, 1 185, 1 161, 1 138 × 1,30
 * = 1 571,70; 1 540,50; 1 509,30; 1 479,40 → 6 100,90. */
static void
test_projection_rate (void)
{
  g_autoptr(EntDocument) doc = hem_document (ENT_BILLING_ANNUAL);
  EntScenario *scenario = add_scenario (doc, "Baisse");
  g_autoptr(EntBudget) budget = NULL;
  const gint64 totals[] = { 157170, 154050, 150930, 147940 };
  gboolean known = TRUE;

  ent_scenario_set_projection (scenario, ENT_PROJECTION_RATE);
  ent_scenario_set_projection_rate (scenario, -200);
  budget = compute (doc);
  assert_totals (&budget->scenarios[0], 2024, totals, 4, 610090);

  g_assert_cmpint (ent_scenario_budget_get_pupils (budget, &budget->scenarios[0], 0, 2023, &known), ==, 1209);
  g_assert_true (known);
  g_assert_cmpint (ent_scenario_budget_get_pupils (budget, &budget->scenarios[0], 0, 2025, &known), ==, 1161);
  g_assert_false (known);
  g_assert_cmpint (budget->scenarios[0].years[3].pupils, ==, 1138);

  /* a count known later stops the projection and restarts from it:
   * 2025 known 1 000 → 2026: 980 */
  {
    EntSchool *school = g_list_model_get_item (ent_document_get_schools (doc), 0);
    g_autoptr(EntBudget) again = NULL;

    ent_school_set_known_pupils (school, 2025, 1000);
    again = compute (doc);
    g_assert_cmpint (ent_scenario_budget_get_pupils (again, &again->scenarios[0], 0, 2024, NULL), ==, 1185);
    g_assert_cmpint (ent_scenario_budget_get_pupils (again, &again->scenarios[0], 0, 2026, NULL), ==, 980);
    g_object_unref (school);
  }
}

/* Prorata with projection −2 % and tariff increase 2 % (derivation):
 * 2024: 1 209 × 1,30 × 8 + 1 185 × 1,33 × 4 (rate of 1 Sep 2024: one anniversary)
 *       = 12 573,60 + 6 304,20 = 18 877,80 / 12 = 1 573,15
 * 2025: 1 185 × 1,33 × 8 + 1 161 × 1,36 × 4 = 12 608,40 + 6 315,84 = 18 924,24 / 12 = 1 577,02
 * 2026: 1 161 × 1,36 × 8 + 1 138 × 1,39 × 4 = 12 631,68 + 6 327,28 = 18 958,96 / 12
 *       = 1 579,913… → 1 579,91
 * 2027: 1 138 × 1,39 × 8 = 12 654,56 / 12 = 1 054,546… → 1 054,55
 * contract: 5 784,63 */
static void
test_prorata_projection_increase (void)
{
  g_autoptr(EntDocument) doc = hem_document (ENT_BILLING_PRORATA);
  EntScenario *scenario = add_scenario (doc, "Prorata");
  g_autoptr(EntBudget) budget = NULL;
  const gint64 totals[] = { 157315, 157702, 157991, 105455 };

  ent_scenario_set_projection (scenario, ENT_PROJECTION_RATE);
  ent_scenario_set_projection_rate (scenario, -200);
  ent_scenario_set_tariff_increase (scenario, 200);
  budget = compute (doc);
  assert_totals (&budget->scenarios[0], 2024, totals, 4, 578463);
  g_assert_cmpint (budget->scenarios[0].years[0].lines[ENT_LINE_BASE].segments[1].unit_price, ==, 133);
}

/* A half cent rounds away from zero: payment from 1 June 2027, one pupil:
 * 1 × 1,30 × 3/12 (June–August 2027) = 0,325 → 0,33. */
static void
test_prorata_half_cent (void)
{
  g_autoptr(EntDocument) doc = hem_document (ENT_BILLING_PRORATA);
  EntSchool *school = g_list_model_get_item (ent_document_get_schools (doc), 0);
  g_autoptr(GDate) start = date_new (2027, 6, 1);
  g_autoptr(EntBudget) budget = NULL;
  const gint64 totals[] = { 33 };

  ent_school_set_known_pupils (school, 2023, 1);
  ent_contract_set_payment_start (ent_document_get_contract (doc), start);
  add_scenario (doc, "Fin");
  budget = compute (doc);
  assert_totals (&budget->scenarios[0], 2027, totals, 1, 33);
  g_object_unref (school);
}

/* SPEC 5, split-functions: three schools of the three levels. */
static EntDocument *
levels_document (EntBilling billing,
                 gint64     maternelle,
                 gint64     elementaire,
                 gint64     primaire)
{
  EntDocument *doc = hem_document (billing);
  EntSchool *first = ent_test_school_at (doc, 0);
  g_autoptr(EntSchool) second = ent_school_new ("École élémentaire", "Hem");
  g_autoptr(EntSchool) third = ent_school_new ("École primaire", "Hem");

  ent_school_set_known_pupils (first, 2023, maternelle);
  ent_school_set_level (first, ENT_SCHOOL_LEVEL_MATERNELLE);
  ent_school_set_known_pupils (second, 2023, elementaire);
  ent_school_set_level (second, ENT_SCHOOL_LEVEL_ELEMENTAIRE);
  ent_school_set_known_pupils (third, 2023, primaire);
  ent_school_set_level (third, ENT_SCHOOL_LEVEL_PRIMAIRE);
  ent_document_add_school (doc, second);
  ent_document_add_school (doc, third);
  add_scenario (doc, "Base");
  return doc;
}

/* Maternelle 100, élémentaire 200, primaire 50 pupils at 1,30 €, annual:
 * 211 = 100 × 1,30 = 130,00; 212 = (200 + 50) × 1,30 = 325,00; the line
 * stays 350 × 1,30 = 455,00. Without the switch, no split. */
static void
test_split_functions (void)
{
  g_autoptr(EntDocument) doc = levels_document (ENT_BILLING_ANNUAL, 100, 200, 50);
  g_autoptr(EntBudget) unsplit = compute (doc);
  g_autoptr(EntBudget) budget = NULL;

  g_assert_false (unsplit->scenarios[0].years[0].lines[ENT_LINE_BASE].split);
  g_assert_null (ent_budget_describe_split_problem (unsplit));

  ent_document_set_split_functions (doc, TRUE);
  budget = compute (doc);
  g_assert_true (budget->split);
  g_assert_null (ent_budget_describe_split_problem (budget));
  for (guint y = 0; y < 4; y++)
    {
      const EntBudgetYear *by = &budget->scenarios[0].years[y];
      const EntBudgetLine *line = &by->lines[ENT_LINE_BASE];

      g_assert_true (line->split);
      g_assert_cmpint (line->amount, ==, 45500);
      g_assert_cmpint (line->function_parts[0], ==, 13000);
      g_assert_cmpint (line->function_parts[1], ==, 32500);
      g_assert_cmpint (by->total, ==, 45500);
      /* only the base line is split */
      g_assert_false (by->lines[ENT_LINE_OPTIONAL].split);
      g_assert_false (by->lines[ENT_LINE_SPECIFIC].split);
    }
  g_assert_cmpstr (ent_split_functions[0], ==, "211");
  g_assert_cmpstr (ent_split_functions[1], ==, "212");
}

/* Prorata from 1 June 2027, one pupil per school: the line is
 * 3 × 1,30 × 3/12 = 0,975 → 0,98; each school's exact share 0,325, so 0,32
 * each and the 2 cents left to the first two (ties to the lower index):
 * 211 = 0,33 (the maternelle), 212 = 0,33 + 0,32 = 0,65; 0,33 + 0,65 = 0,98. */
static void
test_split_functions_prorata (void)
{
  g_autoptr(EntDocument) doc = levels_document (ENT_BILLING_PRORATA, 1, 1, 1);
  g_autoptr(GDate) start = date_new (2027, 6, 1);
  g_autoptr(EntBudget) budget = NULL;
  const EntBudgetLine *line;

  ent_contract_set_payment_start (ent_document_get_contract (doc), start);
  ent_document_set_split_functions (doc, TRUE);
  budget = compute (doc);
  g_assert_cmpuint (budget->scenarios[0].n_years, ==, 1);
  line = &budget->scenarios[0].years[0].lines[ENT_LINE_BASE];
  g_assert_cmpint (line->amount, ==, 98);
  g_assert_cmpint (line->function_parts[0], ==, 33);
  g_assert_cmpint (line->function_parts[1], ==, 65);
}

/* A school without a level: no split, and the reason says how many. */
static void
test_split_functions_missing_level (void)
{
  g_autoptr(EntDocument) doc = levels_document (ENT_BILLING_ANNUAL, 100, 200, 50);
  g_autoptr(EntBudget) budget = NULL;
  g_autofree char *reason = NULL;

  ent_school_set_level (ent_test_school_at (doc, 1), ENT_SCHOOL_LEVEL_UNKNOWN);
  ent_school_set_level (ent_test_school_at (doc, 2), ENT_SCHOOL_LEVEL_UNKNOWN);
  ent_document_set_split_functions (doc, TRUE);
  budget = compute (doc);
  g_assert_true (budget->split_asked);
  g_assert_false (budget->split);
  g_assert_cmpuint (budget->n_schools_without_level, ==, 2);
  g_assert_false (budget->scenarios[0].years[0].lines[ENT_LINE_BASE].split);
  g_assert_cmpint (budget->scenarios[0].years[0].lines[ENT_LINE_BASE].amount, ==, 45500);
  reason = ent_budget_describe_split_problem (budget);
  g_assert_nonnull (reason);
  g_assert_nonnull (strstr (reason, "2 schools without a level"));
  g_assert_nonnull (strstr (reason, "211"));
}

/* A payment start in the middle of a month: that month is not billed.
 * From 15 January 2024: Feb–Aug (7) + Sep–Dec (4):
 * 1 209 × 1,30 × 11 / 12 = 17 288,70 / 12 = 1 440,725 → 1 440,73. */
static void
test_prorata_mid_month (void)
{
  g_autoptr(EntDocument) doc = hem_document (ENT_BILLING_PRORATA);
  g_autoptr(GDate) start = date_new (2024, 1, 15);
  g_autoptr(EntBudget) budget = NULL;
  const EntBudgetLine *line;

  ent_contract_set_payment_start (ent_document_get_contract (doc), start);
  add_scenario (doc, "Mi-mois");
  budget = compute (doc);
  line = &budget->scenarios[0].years[0].lines[ENT_LINE_BASE];
  g_assert_cmpint (line->segments[0].months, ==, 7);
  g_assert_cmpint (g_date_get_month (&line->segments[0].tariff_date), ==, 2);
  g_assert_cmpint (line->amount, ==, 144073);
}

/* A tariff revision of 1 September 2025 (base 1,40, optional 0,35, half-day 160):
 * annual 2026 and 2027 use it (1 January after it): 1 209 × 1,40 = 1 692,60;
 * prorata 2025: 1 209 × 1,30 × 8 + 1 209 × 1,40 × 4 = 12 573,60 + 6 770,40
 * = 19 344 / 12 = 1 612,00. A tariff increase applies only after the last period:
 * with i = 10 %, 2025 (before the revision) stays at 1,30. */
static void
test_tariff_periods (void)
{
  g_autoptr(EntDocument) annual = hem_document (ENT_BILLING_ANNUAL);
  g_autoptr(EntDocument) prorata = hem_document (ENT_BILLING_PRORATA);
  g_autoptr(EntBudget) a = NULL;
  g_autoptr(EntBudget) p = NULL;
  EntScenario *scenario;
  const gint64 annual_totals[] = { 157170, 157170, 169260, 169260 };

  {
    g_autoptr(EntTariffPeriod) revision = period_new (2025, 9, 1, 140, 35, 16000);
    g_autoptr(EntTariffPeriod) revision2 = period_new (2025, 9, 1, 140, 35, 16000);

    g_assert_true (ent_tariff_schedule_add (ent_document_get_tariffs (annual), revision, NULL));
    g_assert_true (ent_tariff_schedule_add (ent_document_get_tariffs (prorata), revision2, NULL));
  }
  scenario = add_scenario (annual, "Révision");
  ent_scenario_set_half_days (scenario, 2026, 1);
  add_scenario (prorata, "Révision");

  a = compute (annual);
  g_assert_cmpint (a->scenarios[0].years[2].lines[ENT_LINE_SPECIFIC].amount, ==, 16000);
  g_assert_cmpint (a->scenarios[0].years[2].lines[ENT_LINE_BASE].amount, ==, 169260);
  g_assert_cmpint (a->scenarios[0].years[3].total, ==, annual_totals[3]);

  p = compute (prorata);
  g_assert_cmpint (p->scenarios[0].years[1].total, ==, 161200);

  /* increase after the last period only */
  ent_scenario_set_tariff_increase (scenario, 1000);
  g_clear_pointer (&a, ent_budget_unref);
  a = compute (annual);
  g_assert_cmpint (a->scenarios[0].years[1].lines[ENT_LINE_BASE].amount, ==, 157170);
  /* 2026-01-01 is within the first year of the revision: 1,40 */
  g_assert_cmpint (a->scenarios[0].years[2].lines[ENT_LINE_BASE].amount, ==, 169260);
  /* 2027-01-01: one anniversary: 1,54 × 1 209 = 1 861,86 */
  g_assert_cmpint (a->scenarios[0].years[3].lines[ENT_LINE_BASE].amount, ==, 186186);
}

/* The option taken in 2025 only; half-days 1 in 2024 and 3 in 2027. */
static void
test_options_per_year (void)
{
  g_autoptr(EntDocument) doc = hem_document (ENT_BILLING_ANNUAL);
  EntScenario *scenario = add_scenario (doc, "À la carte");
  g_autoptr(EntBudget) budget = NULL;
  /* 2024: 1 571,70 + 150; 2025: 1 934,40; 2026: 1 571,70; 2027: 1 571,70 + 450 */
  const gint64 totals[] = { 172170, 193440, 157170, 202170 };

  ent_scenario_set_optional_in_year (scenario, 2025, TRUE);
  ent_scenario_set_half_days (scenario, 2024, 1);
  ent_scenario_set_half_days (scenario, 2027, 3);
  budget = compute (doc);
  assert_totals (&budget->scenarios[0], 2024, totals, 4, 724950);
  g_assert_cmpuint (budget->scenarios[0].years[0].lines[ENT_LINE_OPTIONAL].n_segments, ==, 0);
  g_assert_cmpint (budget->scenarios[0].years[0].lines[ENT_LINE_OPTIONAL].amount, ==, 0);
}

/* Annual billing with payments from 1 September 2023: budget years 2023–2027;
 * 2023 bills nothing (no rentrée of the contract before it), then each school
 * year once. */
static void
test_annual_start_in_first_year (void)
{
  g_autoptr(EntDocument) doc = hem_document (ENT_BILLING_ANNUAL);
  g_autoptr(GDate) start = date_new (2023, 9, 1);
  g_autoptr(EntBudget) budget = NULL;
  const gint64 totals[] = { 0, 157170, 157170, 157170, 157170 };

  ent_contract_set_payment_start (ent_document_get_contract (doc), start);
  add_scenario (doc, "Tôt");
  budget = compute (doc);
  assert_totals (&budget->scenarios[0], 2023, totals, 5, 628680);
  g_assert_cmpint (budget->scenarios[0].years[0].pupils, ==, 1209);
  g_assert_cmpint (budget->scenarios[0].years[0].cost_per_pupil, ==, 0);
}

/* Three schools in two communes; the parts sum exactly to every line. */
static void
test_allocation (void)
{
  g_autoptr(EntDocument) doc = ent_document_new ();
  g_autoptr(EntTariffPeriod) period = period_new (2023, 9, 1, 130, 30, 15000);
  g_autoptr(GDate) start = date_new (2024, 1, 1);
  const char *names[] = { "A", "B", "C" };
  const char *communes[] = { "Hem", "Lys", "Hem" };
  const gint64 pupils[] = { 1, 1, 1 };
  EntScenario *scenario;
  g_autoptr(EntBudget) budget = NULL;
  const EntBudgetLine *line;

  ent_contract_set_payment_start (ent_document_get_contract (doc), start);
  g_assert_true (ent_tariff_schedule_add (ent_document_get_tariffs (doc), period, NULL));
  for (int i = 0; i < 3; i++)
    {
      g_autoptr(EntSchool) school = ent_school_new (names[i], communes[i]);
      ent_school_set_known_pupils (school, 2023, pupils[i]);
      ent_document_add_school (doc, school);
    }
  scenario = add_scenario (doc, "Trois");
  ent_scenario_set_half_days (scenario, 2024, 1);

  budget = compute (doc);
  g_assert_cmpuint (budget->n_communes, ==, 2);
  g_assert_cmpstr (budget->communes[0], ==, "Hem");
  g_assert_cmpstr (budget->communes[1], ==, "Lys");

  /* base 3 × 1,30 = 3,90: 1,30 each */
  line = &budget->scenarios[0].years[0].lines[ENT_LINE_BASE];
  g_assert_cmpint (line->amount, ==, 390);
  g_assert_cmpint (line->school_parts[0], ==, 130);
  g_assert_cmpint (line->school_parts[1], ==, 130);
  g_assert_cmpint (line->school_parts[2], ==, 130);
  /* specific 150,00 / 3 = 50,00 each */
  line = &budget->scenarios[0].years[0].lines[ENT_LINE_SPECIFIC];
  g_assert_cmpint (line->school_parts[1], ==, 5000);
  g_assert_cmpint (ent_budget_line_get_commune_part (budget, line, 0), ==, 10000);
  g_assert_cmpint (ent_budget_line_get_commune_part (budget, line, 1), ==, 5000);

  /* largest remainder: 100 cents over 1/1/1 → 34/33/33; ties to the first */
  {
    const gint64 w[] = { 1, 1, 1 };
    gint64 parts[3];

    ent_allocate_largest_remainder (100, w, 3, parts);
    g_assert_cmpint (parts[0], ==, 34);
    g_assert_cmpint (parts[1], ==, 33);
    g_assert_cmpint (parts[2], ==, 33);
  }
  /* 1 000 over 1/2/4: 142,857 / 285,714 / 571,428 → 143 / 286 / 571 */
  {
    const gint64 w[] = { 1, 2, 4 };
    gint64 parts[3];

    ent_allocate_largest_remainder (1000, w, 3, parts);
    g_assert_cmpint (parts[0], ==, 143);
    g_assert_cmpint (parts[1], ==, 286);
    g_assert_cmpint (parts[2], ==, 571);
  }
  /* no weight: everything to the first part */
  {
    const gint64 w[] = { 0, 0 };
    gint64 parts[2];

    ent_allocate_largest_remainder (7, w, 2, parts);
    g_assert_cmpint (parts[0], ==, 7);
    g_assert_cmpint (parts[1], ==, 0);
  }
}

/* Random documents: the school parts always sum to their line, the lines to
 * the year, the years to the contract. */
static void
test_allocation_sums (void)
{
  GRand *rand = g_rand_new_with_seed (20231207);

  for (int round = 0; round < 30; round++)
    {
      g_autoptr(EntDocument) doc = hem_document (round % 2 ? ENT_BILLING_PRORATA : ENT_BILLING_ANNUAL);
      EntScenario *scenario = add_scenario (doc, "Aléatoire");
      g_autoptr(EntBudget) budget = NULL;
      int n_schools = g_rand_int_range (rand, 1, 40);
      gint64 sum_years = 0;

      for (int i = 0; i < n_schools; i++)
        {
          g_autoptr(EntSchool) school = ent_school_new ("École", i % 3 ? "Hem" : "Roubaix");
          ent_school_set_known_pupils (school, 2023, g_rand_int_range (rand, 0, 900));
          ent_document_add_school (doc, school);
        }
      ent_scenario_set_optional_all (scenario, TRUE);
      ent_scenario_set_half_days (scenario, 2025, g_rand_int_range (rand, 0, 9));
      ent_scenario_set_projection (scenario, ENT_PROJECTION_RATE);
      ent_scenario_set_projection_rate (scenario, g_rand_int_range (rand, -1000, 1000));

      budget = compute (doc);
      for (guint y = 0; y < budget->scenarios[0].n_years; y++)
        {
          const EntBudgetYear *by = &budget->scenarios[0].years[y];
          gint64 sum_lines = 0;

          for (int l = 0; l < ENT_N_LINES; l++)
            {
              gint64 sum_parts = 0, sum_communes = 0;

              for (guint s = 0; s < budget->n_schools; s++)
                {
                  g_assert_cmpint (by->lines[l].school_parts[s], >=, 0);
                  sum_parts += by->lines[l].school_parts[s];
                }
              for (guint c = 0; c < budget->n_communes; c++)
                sum_communes += ent_budget_line_get_commune_part (budget, &by->lines[l], c);
              g_assert_cmpint (sum_parts, ==, by->lines[l].amount);
              g_assert_cmpint (sum_communes, ==, by->lines[l].amount);
              sum_lines += by->lines[l].amount;
            }
          g_assert_cmpint (sum_lines, ==, by->total);
          sum_years += by->total;
        }
      g_assert_cmpint (sum_years, ==, budget->scenarios[0].total);
    }
  g_rand_free (rand);
}

/* The quickselect gives the cents to the same parts as a plain reference:
 * give one cent at a time to the largest remainder (ties: lowest index). */
static void
test_allocation_reference (void)
{
  GRand *rand = g_rand_new_with_seed (59299);

  for (int round = 0; round < 300; round++)
    {
      guint n = g_rand_int_range (rand, 1, 60);
      gint64 amount = g_rand_int_range (rand, 0, 100000);
      g_autofree gint64 *weights = g_new (gint64, n);
      g_autofree gint64 *parts = g_new (gint64, n);
      g_autofree gint64 *expected = g_new (gint64, n);
      g_autofree gint64 *remainders = g_new (gint64, n);
      g_autofree gboolean *given = g_new0 (gboolean, n);
      gint64 total = 0, allocated = 0;

      for (guint i = 0; i < n; i++)
        {
          /* few distinct values, so that ties are frequent */
          weights[i] = g_rand_int_range (rand, 0, round % 3 ? 5 : 1000);
          total += weights[i];
        }
      ent_allocate_largest_remainder (amount, weights, n, parts);

      if (total == 0)
        {
          g_assert_cmpint (parts[0], ==, amount);
          continue;
        }
      for (guint i = 0; i < n; i++)
        {
          expected[i] = amount * weights[i] / total;
          remainders[i] = amount * weights[i] % total;
          allocated += expected[i];
        }
      for (gint64 left = amount - allocated; left > 0; left--)
        {
          guint best = G_MAXUINT;

          for (guint i = 0; i < n; i++)
            if (!given[i] && (best == G_MAXUINT || remainders[i] > remainders[best]))
              best = i;
          given[best] = TRUE;
          expected[best]++;
        }
      for (guint i = 0; i < n; i++)
        g_assert_cmpint (parts[i], ==, expected[i]);
    }
  g_rand_free (rand);
}

static void
test_no_tariff (void)
{
  g_autoptr(EntDocument) doc = ent_document_new ();
  g_autoptr(EntTariffPeriod) late = period_new (2024, 6, 1, 130, 30, 15000);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) start = date_new (2024, 1, 1);
  g_autoptr(EntSchool) school = ent_school_new ("A", "Hem");
  EntBudget *budget;

  ent_contract_set_payment_start (ent_document_get_contract (doc), start);
  ent_school_set_known_pupils (school, 2023, 10);
  ent_document_add_school (doc, school);
  add_scenario (doc, "Trop tôt");

  /* no period at all */
  budget = ent_budget_compute (doc, &error);
  g_assert_null (budget);
  g_assert_error (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_NO_TARIFF);
  g_clear_error (&error);

  /* a period starting after the first billed date (1 January 2024) */
  g_assert_true (ent_tariff_schedule_add (ent_document_get_tariffs (doc), late, NULL));
  budget = ent_budget_compute (doc, &error);
  g_assert_null (budget);
  g_assert_error (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_NO_TARIFF);
  g_assert_nonnull (strstr (error->message, "Trop tôt"));
}

static void
test_no_scenario (void)
{
  g_autoptr(EntDocument) doc = hem_document (ENT_BILLING_ANNUAL);
  g_autoptr(GError) error = NULL;

  g_assert_null (ent_budget_compute (doc, &error));
  g_assert_error (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_MISSING);
}

/* Absurd values do not overflow silently. */
static void
test_overflow (void)
{
  g_autoptr(EntDocument) doc = hem_document (ENT_BILLING_ANNUAL);
  EntTariffPeriod *period = g_list_model_get_item (G_LIST_MODEL (ent_document_get_tariffs (doc)), 0);
  g_autoptr(GError) error = NULL;

  ent_tariff_period_set_base_per_pupil (period, G_MAXINT64 / 1000);
  add_scenario (doc, "Démesure");
  g_assert_null (ent_budget_compute (doc, &error));
  g_assert_error (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_OVERFLOW);
  g_object_unref (period);
}

/* Sensitivity: every known count × 0,90, rounded per school:
 * 1 209 × 0,9 = 1 088,1 → 1 088 × 1,30 = 1 414,40 a year. */
static void
test_scaled (void)
{
  g_autoptr(EntDocument) doc = hem_document (ENT_BILLING_ANNUAL);
  g_autoptr(EntBudget) budget = NULL;

  add_scenario (doc, "Moins 10 %");
  budget = ent_budget_compute_scaled (doc, -1000, NULL);
  g_assert_nonnull (budget);
  g_assert_cmpint (budget->scenarios[0].years[0].pupils, ==, 1088);
  g_assert_cmpint (budget->scenarios[0].total, ==, 4 * 141440);
}

/* The bundled example computes the SPEC's figures. */
static void
test_example (void)
{
  g_autoptr(EntDocument) doc = ent_document_new_example ();
  g_autoptr(EntBudget) budget = NULL;

  g_assert_nonnull (doc);
  budget = compute (doc);
  g_assert_cmpuint (budget->n_scenarios, ==, 3);
  g_assert_cmpint (budget->scenarios[0].total, ==, 628680);
  g_assert_cmpint (budget->scenarios[1].total, ==, 773760);
  /* 2 half-days every year: (1 934,40 + 300) × 4 = 8 937,60 */
  g_assert_cmpint (budget->scenarios[2].total, ==, 893760);
}

/* SPEC 4.4 for a tariff valid from 29 February: the first anniversary in a
 * common year is 1 March (ent_tariff_get_anniversary ()); on 28 February a
 * full year has not passed. */
static void
test_tariff_increase_leap_day (void)
{
  g_autoptr(GDate) from = g_date_new_dmy (29, G_DATE_FEBRUARY, 2024);
  static const struct { int year, month, day; guint raises; } dates[] = {
    { 2024, 2, 29, 0 },
    { 2025, 1,  1, 0 },
    { 2025, 2, 28, 0 },
    { 2025, 3,  1, 1 },
    { 2026, 2, 28, 1 },
    { 2026, 3,  1, 2 },
    { 2028, 2, 28, 3 },
    { 2028, 2, 29, 4 },     /* a leap year: its own 29 February */
    { 2028, 3,  1, 4 },
    { 2100, 3,  1, 76 },    /* 2100 is a common year */
    { 2100, 2, 28, 75 },
    { 2023, 12, 31, 0 },    /* before V */
  };
  GDate anniversary;

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autoptr(GDate) date = g_date_new_dmy (dates[i].day, dates[i].month, dates[i].year);

      if (ent_tariff_count_raises (from, date) != dates[i].raises)
        g_error ("%d-%02d-%02d: %u raises, not %u", dates[i].year, dates[i].month, dates[i].day,
                 ent_tariff_count_raises (from, date), dates[i].raises);
    }

  ent_tariff_get_anniversary (from, 1, &anniversary);
  g_assert_cmpint (g_date_get_year (&anniversary), ==, 2025);
  g_assert_cmpint (g_date_get_month (&anniversary), ==, G_DATE_MARCH);
  g_assert_cmpint (g_date_get_day (&anniversary), ==, 1);
  ent_tariff_get_anniversary (from, 4, &anniversary);
  g_assert_cmpint (g_date_get_month (&anniversary), ==, G_DATE_FEBRUARY);
  g_assert_cmpint (g_date_get_day (&anniversary), ==, 29);

  /* SPEC 4.4's example, V = 2023-09-01: 1,30 → 1,33 → 1,36 → 1,39 */
  {
    g_autoptr(GDate) september = g_date_new_dmy (1, G_DATE_SEPTEMBER, 2023);
    static const gint64 expected[] = { 130, 133, 136, 139 };

    for (int year = 2024; year <= 2027; year++)
      {
        g_autoptr(GDate) january = g_date_new_dmy (1, G_DATE_JANUARY, year);
        guint n = ent_tariff_count_raises (september, january);
        gint64 cents = 0;

        g_assert_cmpuint (n, ==, (guint) (year - 2024));
        g_assert_true (ent_tariff_raise_rate (130, 200, n, &cents));
        g_assert_cmpint (cents, ==, expected[year - 2024]);
      }
  }
  {
    gint64 cents = 0;

    g_assert_false (ent_tariff_raise_rate (G_MAXINT64 / 2, 5000, 1, &cents));
  }
}

/* SPEC 3, 4.1: a school opening at the rentrée 2025, 100 pupils known for
 * 2025/2026, next to Hem's 1 209 (2023/2024). Annual billing, base 1,30 €:
 *   2024 bills 2023/2024: 1 209 (the new school is not open) → 1 571,70
 *   2025 bills 2024/2025: 1 209 (still not open: 0, not its earliest count) → 1 571,70
 *   2026 bills 2025/2026: 1 209 + 100 = 1 309 → 1 701,70
 *   2027 bills 2026/2027: 1 309 (constant) → 1 701,70; contract 6 546,80. */
static void
test_opens_annual (void)
{
  g_autoptr(EntDocument) doc = hem_document (ENT_BILLING_ANNUAL);
  g_autoptr(EntSchool) school = ent_school_new ("Nouvelle école", "Hem");
  g_autoptr(EntBudget) budget = NULL;
  const gint64 totals[] = { 157170, 157170, 170170, 170170 };
  gboolean known = FALSE;

  ent_school_set_opens (school, 2025);
  ent_school_set_known_pupils (school, 2025, 100);
  ent_document_add_school (doc, school);
  add_scenario (doc, "Base seule");
  budget = compute (doc);
  assert_totals (&budget->scenarios[0], 2024, totals, 4, 654680);
  g_assert_cmpint (budget->scenarios[0].years[1].pupils, ==, 1209);
  g_assert_cmpint (budget->scenarios[0].years[2].pupils, ==, 1309);
  /* the new school's part of 2025 is nothing */
  g_assert_cmpint (budget->scenarios[0].years[1].lines[ENT_LINE_BASE].school_parts[1], ==, 0);
  g_assert_cmpint (budget->scenarios[0].years[2].lines[ENT_LINE_BASE].school_parts[1], ==, 13000);
  /* not open: 0, a fact rather than a projection */
  g_assert_cmpint (ent_scenario_budget_get_pupils (budget, &budget->scenarios[0], 1, 2024, &known), ==, 0);
  g_assert_true (known);
}

/* The same school in prorata billing (SPEC 4.3), months within
 * [2024-01-01, 2027-08-31], base 1,30 € (130 cents):
 *   2024: 2023/2024 × 8 + 2024/2025 × 4, 1 209 both → 1 209 × 130 = 157 170
 *   2025: 1 209 × 130 × 8/12 + 1 309 × 130 × 4/12 = (1 257 360 + 680 680) / 12
 *         = 1 938 040 / 12 = 161 503,33 → 161 503
 *   2026: 1 309 × 130 = 170 170
 *   2027: 1 309 × 130 × 8/12 = 1 361 360 / 12 = 113 446,67 → 113 447
 *   contract: 602 290. */
static void
test_opens_prorata (void)
{
  g_autoptr(EntDocument) doc = hem_document (ENT_BILLING_PRORATA);
  g_autoptr(EntSchool) school = ent_school_new ("Nouvelle école", "Hem");
  g_autoptr(EntBudget) budget = NULL;
  const gint64 totals[] = { 157170, 161503, 170170, 113447 };

  ent_school_set_opens (school, 2025);
  ent_school_set_known_pupils (school, 2025, 100);
  ent_document_add_school (doc, school);
  add_scenario (doc, "Base seule");
  budget = compute (doc);
  assert_totals (&budget->scenarios[0], 2024, totals, 4, 602290);
}

/* A school closing at the rentrée 2025: Hem's 1 209 close, a second school of
 * 200 (2023/2024) stays. Annual billing:
 *   2024, 2025 bill 2023/2024 and 2024/2025: 1 409 × 1,30 = 1 831,70
 *   2026, 2027 bill 2025/2026 and 2026/2027: 200 × 1,30 = 260,00
 *   contract: 4 183,40. */
static void
test_closes_annual (void)
{
  g_autoptr(EntDocument) doc = hem_document (ENT_BILLING_ANNUAL);
  g_autoptr(EntSchool) other = ent_school_new ("École B", "Hem");
  g_autoptr(EntSchool) hem = g_list_model_get_item (ent_document_get_schools (doc), 0);
  g_autoptr(EntBudget) budget = NULL;
  const gint64 totals[] = { 183170, 183170, 26000, 26000 };

  ent_school_set_known_pupils (other, 2023, 200);
  ent_document_add_school (doc, other);
  ent_school_set_closes (hem, 2025);
  add_scenario (doc, "Base seule");
  budget = compute (doc);
  assert_totals (&budget->scenarios[0], 2024, totals, 4, 418340);
  g_assert_cmpint (ent_scenario_budget_get_pupils (budget, &budget->scenarios[0], 0, 2025, NULL), ==, 0);
}

/* Before the first known count, an open school takes its earliest count; a
 * rate projection starts again from it (SPEC 4.1). A school opening at 2024
 * known only in 2025 (80): 2024/2025 → 80, 2023/2024 → 0 (not open). */
static void
test_opens_before_first_count (void)
{
  g_autoptr(EntSchool) school = ent_school_new ("Nouvelle école", "Hem");
  g_autoptr(EntScenario) scenario = ent_scenario_new ("s");
  gboolean known = TRUE;

  ent_school_set_opens (school, 2024);
  ent_school_set_known_pupils (school, 2025, 80);
  g_assert_cmpint (ent_school_project_pupils (school, scenario, 2023, &known), ==, 0);
  g_assert_true (known);
  g_assert_cmpint (ent_school_project_pupils (school, scenario, 2024, &known), ==, 80);
  g_assert_false (known);
  g_assert_cmpint (ent_school_project_pupils (school, scenario, 2026, &known), ==, 80);
  g_assert_false (known);
  ent_school_set_closes (school, 2026);
  g_assert_cmpint (ent_school_project_pupils (school, scenario, 2026, &known), ==, 0);
  g_assert_true (known);
}

/* SPEC 3: a known count outside opens <= S < closes names the school and the year. */
static void
test_count_outside_span (void)
{
  g_autoptr(EntDocument) doc = hem_document (ENT_BILLING_ANNUAL);
  g_autoptr(EntSchool) school = ent_school_new ("Nouvelle école", "Hem");
  g_autoptr(GError) error = NULL;
  g_autoptr(EntBudget) budget = NULL;

  ent_school_set_opens (school, 2025);
  ent_school_set_known_pupils (school, 2024, 10);
  ent_document_add_school (doc, school);
  add_scenario (doc, "Base seule");
  budget = ent_budget_compute (doc, &error);
  g_assert_null (budget);
  g_assert_error (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_OUT_OF_RANGE);
  g_assert_cmpstr (error->message, ==, "School “Nouvelle école”: A count is known for "
                   "2024/2025, but the school opens at the rentrée 2025");
  g_clear_error (&error);

  ent_school_unset_known_pupils (school, 2024);
  ent_school_set_known_pupils (school, 2026, 10);
  ent_school_set_closes (school, 2026);
  budget = ent_budget_compute (doc, &error);
  g_assert_null (budget);
  g_assert_nonnull (strstr (error->message, "closed from the rentrée 2026"));
}

/* SPEC 12, vintage: Hem known for 2023/2024 only. Annual: 2024 bills a known
 * rentrée; 2025 the projected 2024, last observed 2023. Prorata 2025 bills
 * 2024 and 2025, both projected. */
static void
test_vintage (void)
{
  g_autoptr(EntDocument) doc = hem_document (ENT_BILLING_ANNUAL);
  g_autoptr(EntBudget) budget = NULL;
  g_autofree char *text = NULL;
  int first = 0, last = 0, observed = 0;

  add_scenario (doc, "Base seule");
  budget = compute (doc);
  g_assert_false (ent_budget_year_get_vintage (budget, &budget->scenarios[0],
                                               &budget->scenarios[0].years[0], &first, &last, &observed));
  g_assert_null (ent_budget_year_describe_vintage (budget, &budget->scenarios[0],
                                                   &budget->scenarios[0].years[0]));
  g_assert_true (ent_budget_year_get_vintage (budget, &budget->scenarios[0],
                                              &budget->scenarios[0].years[1], &first, &last, &observed));
  g_assert_cmpint (first, ==, 2024);
  g_assert_cmpint (last, ==, 2024);
  g_assert_cmpint (observed, ==, 2023);
  text = ent_budget_year_describe_vintage (budget, &budget->scenarios[0], &budget->scenarios[0].years[1]);
  g_assert_cmpstr (text, ==, "pupils of the rentrée 2024 projected, last observed: rentrée 2023");
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&budget, ent_budget_unref);

  ent_contract_set_billing (ent_document_get_contract (doc), ENT_BILLING_PRORATA);
  budget = compute (doc);
  text = ent_budget_year_describe_vintage (budget, &budget->scenarios[0], &budget->scenarios[0].years[1]);
  g_assert_cmpstr (text, ==, "pupils of the rentrées 2024 and 2025 projected, last observed: rentrée 2023");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/budget/worked/annual", test_worked_annual);
  g_test_add_func ("/model/budget/worked/prorata", test_worked_prorata);
  g_test_add_func ("/model/budget/opens/annual", test_opens_annual);
  g_test_add_func ("/model/budget/opens/prorata", test_opens_prorata);
  g_test_add_func ("/model/budget/opens/before-first-count", test_opens_before_first_count);
  g_test_add_func ("/model/budget/closes/annual", test_closes_annual);
  g_test_add_func ("/model/budget/span/count-outside", test_count_outside_span);
  g_test_add_func ("/model/budget/vintage", test_vintage);
  g_test_add_func ("/model/budget/tariff-increase/rates", test_tariff_increase_rates);
  g_test_add_func ("/model/budget/tariff-increase/budget", test_tariff_increase_budget);
  g_test_add_func ("/model/budget/tariff-increase/leap-day", test_tariff_increase_leap_day);
  g_test_add_func ("/model/budget/projection-rate", test_projection_rate);
  g_test_add_func ("/model/budget/prorata/projection-increase", test_prorata_projection_increase);
  g_test_add_func ("/model/budget/prorata/half-cent", test_prorata_half_cent);
  g_test_add_func ("/model/budget/prorata/mid-month", test_prorata_mid_month);
  g_test_add_func ("/model/budget/tariff-periods", test_tariff_periods);
  g_test_add_func ("/model/budget/options-per-year", test_options_per_year);
  g_test_add_func ("/model/budget/annual-start-in-first-year", test_annual_start_in_first_year);
  g_test_add_func ("/model/budget/allocation", test_allocation);
  g_test_add_func ("/model/budget/allocation-sums", test_allocation_sums);
  g_test_add_func ("/model/budget/allocation-reference", test_allocation_reference);
  g_test_add_func ("/model/budget/no-tariff", test_no_tariff);
  g_test_add_func ("/model/budget/no-scenario", test_no_scenario);
  g_test_add_func ("/model/budget/overflow", test_overflow);
  g_test_add_func ("/model/budget/scaled", test_scaled);
  g_test_add_func ("/model/budget/example", test_example);
  g_test_add_func ("/model/budget/split-functions", test_split_functions);
  g_test_add_func ("/model/budget/split-functions-prorata", test_split_functions_prorata);
  g_test_add_func ("/model/budget/split-functions-missing-level", test_split_functions_missing_level);

  return g_test_run ();
}
