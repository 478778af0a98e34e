/* test-budget-queries.c: the budget queries every reader shares
 *
 * The document is small enough to work out by hand: every expected figure
 * below is derived in the comment next to it from the rules (SPEC 4), never
 * copied from the program's output.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "ent-budget-query.h"
#include "ent-compare.h"

/* Contract: school years 2023/2024 and 2024/2025, annual billing, payments
 * from 1 January 2024, so budget years 2024 (counting the rentrée 2023) and
 * 2025 (rentrée 2024). Tariffs from 1 September 2023: base 1,30 €, option
 * 0,30 € per pupil, 150,00 € the half-day. Schools, all counts known:
 *
 *   school  commune  2023  2024
 *   A1      Alpha     100   110
 *   B1      Beta       50    40
 *   A2      Alpha      30    30
 *
 * Scenario "Base" bills the base line only; "Complet" adds the option every
 * year and one half-day in 2025. */
static EntDocument *
make_document (EntScenario **out_base,
               EntScenario **out_full)
{
  EntDocument *doc = ent_document_new ();
  EntContract *contract = ent_document_get_contract (doc);
  g_autoptr(GDate) from = g_date_new_dmy (1, G_DATE_SEPTEMBER, 2023);
  g_autoptr(GDate) start = g_date_new_dmy (1, G_DATE_JANUARY, 2024);
  g_autoptr(EntTariffPeriod) period = ent_tariff_period_new (from, 130, 30, 15000, "test");
  g_autoptr(EntScenario) base = ent_scenario_new ("Base");
  g_autoptr(EntScenario) full = ent_scenario_new ("Complet");
  const char *names[] = { "A1", "B1", "A2" };
  const char *communes[] = { "Alpha", "Beta", "Alpha" };
  const gint64 pupils_2023[] = { 100, 50, 30 };
  const gint64 pupils_2024[] = { 110, 40, 30 };

  ent_contract_set_first_school_year (contract, 2023);
  ent_contract_set_school_years (contract, 2);
  ent_contract_set_payment_start (contract, start);
  ent_contract_set_billing (contract, ENT_BILLING_ANNUAL);
  g_assert_true (ent_tariff_schedule_add (ent_document_get_tariffs (doc), period, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(EntSchool) school = ent_school_new (names[i], communes[i]);

      ent_school_set_known_pupils (school, 2023, pupils_2023[i]);
      ent_school_set_known_pupils (school, 2024, pupils_2024[i]);
      ent_document_add_school (doc, school);
    }
  ent_scenario_set_optional_all (full, TRUE);
  ent_scenario_set_half_days (full, 2025, 1);
  ent_document_add_scenario (doc, base);
  ent_document_add_scenario (doc, full);

  *out_base = base;   /* owned by the document */
  *out_full = full;
  return doc;
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

static void
test_find_scenario (void)
{
  EntScenario *base, *full;
  g_autoptr(EntDocument) doc = make_document (&base, &full);
  g_autoptr(EntBudget) budget = compute (doc);
  g_autoptr(EntScenario) stranger = ent_scenario_new ("Ailleurs");
  EntBudget empty = { 0 };

  g_assert_cmpuint (budget->n_scenarios, ==, 2);
  /* the scenario's own budget, whatever its position */
  g_assert_true (ent_budget_find_scenario (budget, full) == &budget->scenarios[1]);
  g_assert_true (ent_budget_find_scenario (budget, base) == &budget->scenarios[0]);
  /* none chosen: the document's first */
  g_assert_true (ent_budget_find_scenario (budget, NULL) == &budget->scenarios[0]);
  /* a scenario the budget does not know: nothing, no silent fallback */
  g_assert_null (ent_budget_find_scenario (budget, stranger));
  /* added after the budget was computed: still unknown to it */
  ent_document_add_scenario (doc, stranger);
  g_assert_null (ent_budget_find_scenario (budget, stranger));
  /* a budget without scenarios has nothing to give, even for NULL */
  g_assert_null (ent_budget_find_scenario (&empty, NULL));
}

static void
test_counted_school_year (void)
{
  EntScenario *base, *full;
  g_autoptr(EntDocument) doc = make_document (&base, &full);
  g_autoptr(EntBudget) budget = compute (doc);

  /* school years 2023 and 2024: budget year Y counts Y − 1 ... */
  g_assert_cmpint (ent_budget_get_counted_school_year (budget, 2024), ==, 2023);
  g_assert_cmpint (ent_budget_get_counted_school_year (budget, 2025), ==, 2024);
  /* ... clamped to the contract on both sides */
  g_assert_cmpint (ent_budget_get_counted_school_year (budget, 2023), ==, 2023);
  g_assert_cmpint (ent_budget_get_counted_school_year (budget, 2020), ==, 2023);
  g_assert_cmpint (ent_budget_get_counted_school_year (budget, 2026), ==, 2024);
  g_assert_cmpint (ent_budget_get_counted_school_year (budget, 2030), ==, 2024);
  /* and it is what the engine counted in each year */
  g_assert_cmpint (budget->scenarios[0].years[0].pupils, ==, 180);   /* 100 + 50 + 30 */
  g_assert_cmpint (budget->scenarios[0].years[1].pupils, ==, 180);   /* 110 + 40 + 30 */
}

static void
test_count_pupils (void)
{
  EntScenario *base, *full;
  g_autoptr(EntDocument) doc = make_document (&base, &full);
  g_autoptr(EntBudget) budget = NULL;
  const EntScenarioBudget *sb;
  gboolean all_known = FALSE;
  g_autoptr(EntSchool) newcomer = ent_school_new ("C1", "Gamma");

  budget = compute (doc);
  sb = &budget->scenarios[0];
  g_assert_cmpint (ent_scenario_budget_count_pupils (budget, sb, 2023, &all_known), ==, 180);
  g_assert_true (all_known);
  g_assert_cmpint (ent_scenario_budget_count_pupils (budget, sb, 2024, NULL), ==, 180);

  /* a school counted in 2023 only: 2024 rests on a projection */
  ent_school_set_known_pupils (newcomer, 2023, 20);
  ent_document_add_school (doc, newcomer);
  g_clear_pointer (&budget, ent_budget_unref);
  budget = compute (doc);
  sb = &budget->scenarios[0];
  g_assert_cmpint (ent_scenario_budget_count_pupils (budget, sb, 2023, &all_known), ==, 200);
  g_assert_true (all_known);
  ent_scenario_budget_count_pupils (budget, sb, 2024, &all_known);
  g_assert_false (all_known);
}

static void
test_communes (void)
{
  EntScenario *base, *full;
  g_autoptr(EntDocument) doc = make_document (&base, &full);
  g_autoptr(EntBudget) budget = compute (doc);
  const EntScenarioBudget *sb_base = ent_budget_find_scenario (budget, base);
  const EntScenarioBudget *sb_full = ent_budget_find_scenario (budget, full);

  /* communes in order of first appearance */
  g_assert_cmpuint (budget->n_communes, ==, 2);
  g_assert_cmpstr (budget->communes[0], ==, "Alpha");
  g_assert_cmpstr (budget->communes[1], ==, "Beta");

  /* pupils: Alpha 100 + 30 in 2023, 110 + 30 in 2024; Beta 50, 40 */
  g_assert_cmpint (ent_scenario_budget_get_commune_pupils (budget, sb_base, 0, 2023), ==, 130);
  g_assert_cmpint (ent_scenario_budget_get_commune_pupils (budget, sb_base, 1, 2023), ==, 50);
  g_assert_cmpint (ent_scenario_budget_get_commune_pupils (budget, sb_base, 0, 2024), ==, 140);
  g_assert_cmpint (ent_scenario_budget_get_commune_pupils (budget, sb_base, 1, 2024), ==, 40);

  /* "Base", 2024: 180 × 1,30 = 234,00; Alpha 130 × 1,30 = 169,00, Beta 65,00.
   * 2025: Alpha 140 × 1,30 = 182,00, Beta 40 × 1,30 = 52,00. */
  g_assert_cmpint (ent_scenario_budget_get_commune_year (budget, sb_base, 0, 0), ==, 16900);
  g_assert_cmpint (ent_scenario_budget_get_commune_year (budget, sb_base, 1, 0), ==, 6500);
  g_assert_cmpint (ent_scenario_budget_get_commune_year (budget, sb_base, 0, 1), ==, 18200);
  g_assert_cmpint (ent_scenario_budget_get_commune_year (budget, sb_base, 1, 1), ==, 5200);
  g_assert_cmpint (ent_scenario_budget_get_commune_total (budget, sb_base, 0), ==, 35100);
  g_assert_cmpint (ent_scenario_budget_get_commune_total (budget, sb_base, 1), ==, 11700);

  /* "Complet", 2024: base as above + option 0,30 × (130, 50) = 39,00, 15,00:
   * Alpha 208,00, Beta 80,00.
   * 2025: base 182,00 / 52,00, option 0,30 × (140, 40) = 42,00 / 12,00, and
   * the half-day 150,00 by the pupils of 2024 (110, 40, 30 of 180):
   * 91,666… / 33,333… / 25,00, largest remainder → 91,67 / 33,33 / 25,00,
   * so Alpha 91,67 + 25,00 = 116,67 and Beta 33,33.
   * Alpha 182,00 + 42,00 + 116,67 = 340,67; Beta 52,00 + 12,00 + 33,33 = 97,33. */
  g_assert_cmpint (ent_scenario_budget_get_commune_year (budget, sb_full, 0, 0), ==, 20800);
  g_assert_cmpint (ent_scenario_budget_get_commune_year (budget, sb_full, 1, 0), ==, 8000);
  g_assert_cmpint (ent_scenario_budget_get_commune_year (budget, sb_full, 0, 1), ==, 34067);
  g_assert_cmpint (ent_scenario_budget_get_commune_year (budget, sb_full, 1, 1), ==, 9733);
  /* contract: Alpha 208,00 + 340,67 = 548,67; Beta 80,00 + 97,33 = 177,33;
   * together 726,00 = 468,00 base + 108,00 option + 150,00 half-day */
  g_assert_cmpint (ent_scenario_budget_get_commune_total (budget, sb_full, 0), ==, 54867);
  g_assert_cmpint (ent_scenario_budget_get_commune_total (budget, sb_full, 1), ==, 17733);
  g_assert_cmpint (sb_full->total, ==, 72600);
}

static void
test_line_totals (void)
{
  EntScenario *base, *full;
  g_autoptr(EntDocument) doc = make_document (&base, &full);
  g_autoptr(EntBudget) budget = compute (doc);
  const EntScenarioBudget *sb_base = ent_budget_find_scenario (budget, base);
  const EntScenarioBudget *sb_full = ent_budget_find_scenario (budget, full);

  /* base: 2 × 180 × 1,30 = 468,00; nothing else */
  g_assert_cmpint (ent_scenario_budget_get_line_total (sb_base, ENT_LINE_BASE), ==, 46800);
  g_assert_cmpint (ent_scenario_budget_get_line_total (sb_base, ENT_LINE_OPTIONAL), ==, 0);
  g_assert_cmpint (ent_scenario_budget_get_line_total (sb_base, ENT_LINE_SPECIFIC), ==, 0);
  /* option: 2 × 180 × 0,30 = 108,00; one half-day: 150,00 */
  g_assert_cmpint (ent_scenario_budget_get_line_total (sb_full, ENT_LINE_BASE), ==, 46800);
  g_assert_cmpint (ent_scenario_budget_get_line_total (sb_full, ENT_LINE_OPTIONAL), ==, 10800);
  g_assert_cmpint (ent_scenario_budget_get_line_total (sb_full, ENT_LINE_SPECIFIC), ==, 15000);
}

static void
test_compare_cell (void)
{
  EntCompareCell cell;

  /* 110,00 against 100,00: +10,00, +10 % = 1 000 bp */
  ent_compare_cell_init (&cell, 11000, 10000);
  g_assert_cmpint (cell.amount, ==, 11000);
  g_assert_cmpint (cell.diff, ==, 1000);
  g_assert_true (cell.has_percent);
  g_assert_cmpint (cell.diff_bp, ==, 1000);

  /* 2,00 against 3,00: −1,00, −33,33… % → −3 333 bp */
  ent_compare_cell_init (&cell, 200, 300);
  g_assert_cmpint (cell.diff, ==, -100);
  g_assert_cmpint (cell.diff_bp, ==, -3333);

  /* against nothing: a difference, no percentage */
  ent_compare_cell_init (&cell, 500, 0);
  g_assert_cmpint (cell.diff, ==, 500);
  g_assert_false (cell.has_percent);
  g_assert_cmpint (cell.diff_bp, ==, 0);

  /* a difference beyond 64 bits saturates */
  ent_compare_cell_init (&cell, G_MAXINT64, -1);
  g_assert_cmpint (cell.diff, ==, G_MAXINT64);
  g_assert_false (cell.has_percent);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/budget-queries/find-scenario", test_find_scenario);
  g_test_add_func ("/model/budget-queries/counted-school-year", test_counted_school_year);
  g_test_add_func ("/model/budget-queries/count-pupils", test_count_pupils);
  g_test_add_func ("/model/budget-queries/communes", test_communes);
  g_test_add_func ("/model/budget-queries/line-totals", test_line_totals);
  g_test_add_func ("/model/budget-queries/compare-cell", test_compare_cell);

  return g_test_run ();
}
