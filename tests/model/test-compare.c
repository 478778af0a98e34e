/* test-compare.c: comparison and sensitivity figures against hand computation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every expected value below is derived by hand in the comment above it, from
 * the rules of SPEC section 4 (annual billing: budget year Y pays the pupils
 * of school year Y−1 for a whole year at the tariff of 1 January Y).
 */
#include "config.h"

#include "ent-budget.h"
#include "ent-compare.h"

/* Two schools whose −10 % / +10 % counts end in a half: rounding happens per
 * school (halves away from zero), so the sum differs from the scaled sum. */
static const char two_schools[] =
  "[Document]\n"
  "format-version=1\n"
  "title=Deux écoles\n"
  "payer=Commune d'essai\n"
  "payer-kind=commune\n"
  "insee=\n"
  "\n"
  "[Contract]\n"
  "first-school-year=2023\n"
  "school-years=2\n"
  "payment-start=2024-01-01\n"
  "billing=annual\n"
  "\n"
  "[Tariff 2023-09-01]\n"
  "base-per-pupil=1.30\n"
  "optional-per-pupil=0.30\n"
  "half-day=150.00\n"
  "reference=Essai\n"
  "\n"
  "[School 1]\n"
  "name=A\n"
  "commune=Essai\n"
  "insee=\n"
  "uai=\n"
  "pupils=2023:15\n"
  "\n"
  "[School 2]\n"
  "name=B\n"
  "commune=Essai\n"
  "insee=\n"
  "uai=\n"
  "pupils=2023:25\n"
  "\n"
  "[Scenario 1]\n"
  "name=Base\n"
  "optional-support=false\n"
  "half-days=\n"
  "projection=constant\n"
  "projection-rate=0\n"
  "tariff-increase=0\n"
  "\n"
  "[Scenario 2]\n"
  "name=Complet\n"
  "optional-support=true\n"
  "half-days=2024:1\n"
  "projection=constant\n"
  "projection-rate=0\n"
  "tariff-increase=0\n";

static EntDocument *
load_two_schools (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (two_schools, sizeof two_schools - 1);
  g_autoptr(GError) error = NULL;
  EntDocument *document = ent_document_new_from_bytes (bytes, "two-schools.entbudget", &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

static void
test_ratio_rounding (void)
{
  gint64 bp = 12345;

  /* 1 × 10 000 / 20 000 = 0,5 bp: a half, away from zero */
  g_assert_true (ent_compare_ratio_bp (1, 20000, &bp));
  g_assert_cmpint (bp, ==, 1);
  g_assert_true (ent_compare_ratio_bp (-1, 20000, &bp));
  g_assert_cmpint (bp, ==, -1);
  /* 10 000 / 20 001 = 0,49997… : down */
  g_assert_true (ent_compare_ratio_bp (1, 20001, &bp));
  g_assert_cmpint (bp, ==, 0);
  /* a negative reference: 1 × 10 000 / −20 000 = −0,5 → −1 */
  g_assert_true (ent_compare_ratio_bp (1, -20000, &bp));
  g_assert_cmpint (bp, ==, -1);
  /* 145 080 × 10 000 / 628 680 = 2 307,69… → 2 308 (+23,08 %) */
  g_assert_true (ent_compare_ratio_bp (145080, 628680, &bp));
  g_assert_cmpint (bp, ==, 2308);
  /* no reference, no percentage; a product beyond 64 bits neither */
  g_assert_false (ent_compare_ratio_bp (100, 0, &bp));
  g_assert_false (ent_compare_ratio_bp (G_MAXINT64 / 100, 1, &bp));
}

static void
test_comparison_example (void)
{
  g_autoptr(EntDocument) document = ent_document_new_example ();
  g_autoptr(GError) error = NULL;
  g_autoptr(EntBudget) budget = ent_budget_compute (document, &error);
  g_autoptr(EntComparison) cmp = NULL;
  const EntCompareScenario *base, *optional, *half_days;

  g_assert_no_error (error);
  cmp = ent_comparison_new (budget, 0);
  g_assert_cmpuint (cmp->reference, ==, 0);
  g_assert_cmpuint (cmp->n_scenarios, ==, 3);
  g_assert_cmpuint (cmp->n_years, ==, 4);
  g_assert_cmpint (cmp->years[0], ==, 2024);
  g_assert_cmpint (cmp->years[3], ==, 2027);

  base = &cmp->scenarios[0];
  optional = &cmp->scenarios[1];
  half_days = &cmp->scenarios[2];
  g_assert_cmpstr (base->name, ==, "Base seule");

  /* Base seule: 1 209 pupils × 1,30 € = 1 571,70 € a year; × 4 = 6 286,80 € */
  for (guint y = 0; y < 4; y++)
    {
      g_assert_cmpint (base->years[y].amount, ==, 157170);
      g_assert_cmpint (base->years[y].diff, ==, 0);
      g_assert_true (base->years[y].has_percent);
      g_assert_cmpint (base->years[y].diff_bp, ==, 0);
    }
  g_assert_cmpint (base->total.amount, ==, 628680);

  /* + optional: 1 209 × (1,30 + 0,30) = 1 934,40 € a year, 7 737,60 € in all.
   * Year: 1 934,40 − 1 571,70 = 362,70 €; 36 270 × 10 000 / 157 170 = 2 307,69 → 2 308.
   * Contract: 7 737,60 − 6 286,80 = 1 450,80 €; 145 080 × 10 000 / 628 680 = 2 307,69 → 2 308. */
  g_assert_cmpint (optional->years[0].amount, ==, 193440);
  g_assert_cmpint (optional->years[0].diff, ==, 36270);
  g_assert_cmpint (optional->years[0].diff_bp, ==, 2308);
  g_assert_cmpint (optional->total.amount, ==, 773760);
  g_assert_cmpint (optional->total.diff, ==, 145080);
  g_assert_cmpint (optional->total.diff_bp, ==, 2308);

  /* + 2 half-days every year: 1 934,40 + 2 × 150 = 2 234,40 € a year, 8 937,60 € in all.
   * Year: 662,70 €; 66 270 × 10 000 / 157 170 = 4 216,45 → 4 216.
   * Contract: 2 650,80 €; 265 080 × 10 000 / 628 680 = 4 216,46 → 4 216. */
  g_assert_cmpint (half_days->years[3].amount, ==, 223440);
  g_assert_cmpint (half_days->years[3].diff, ==, 66270);
  g_assert_cmpint (half_days->years[3].diff_bp, ==, 4216);
  g_assert_cmpint (half_days->total.amount, ==, 893760);
  g_assert_cmpint (half_days->total.diff, ==, 265080);
  g_assert_cmpint (half_days->total.diff_bp, ==, 4216);

  /* Reference = the second scenario (7 737,60 €):
   * Base seule: −1 450,80 €; −145 080 × 10 000 / 773 760 = −1 875 exactly (−18,75 %).
   * Half-days: +1 200,00 €; 120 000 × 10 000 / 773 760 = 1 550,87 → 1 551. */
  g_clear_pointer (&cmp, ent_comparison_free);
  cmp = ent_comparison_new (budget, 1);
  g_assert_cmpuint (cmp->reference, ==, 1);
  g_assert_cmpint (cmp->scenarios[0].total.diff, ==, -145080);
  g_assert_cmpint (cmp->scenarios[0].total.diff_bp, ==, -1875);
  g_assert_cmpint (cmp->scenarios[1].total.diff, ==, 0);
  g_assert_cmpint (cmp->scenarios[2].total.diff, ==, 120000);
  g_assert_cmpint (cmp->scenarios[2].total.diff_bp, ==, 1551);
  /* year 2024: 1 571,70 − 1 934,40 = −362,70 €; −36 270 × 10 000 / 193 440 = −1 875 exactly */
  g_assert_cmpint (cmp->scenarios[0].years[0].diff, ==, -36270);
  g_assert_cmpint (cmp->scenarios[0].years[0].diff_bp, ==, -1875);

  /* an out-of-range reference falls back to the first scenario */
  g_clear_pointer (&cmp, ent_comparison_free);
  cmp = ent_comparison_new (budget, 17);
  g_assert_cmpuint (cmp->reference, ==, 0);
}

static void
test_comparison_zero_reference (void)
{
  g_autoptr(EntDocument) document = load_two_schools ();
  g_autoptr(EntBudget) budget = NULL;
  g_autoptr(EntComparison) cmp = NULL;
  g_autoptr(GError) error = NULL;
  EntSchool *school;

  /* no pupil at all: Base costs 0 € every year, Complet only its half-day in 2024 */
  for (guint i = 0; i < 2; i++)
    {
      school = g_list_model_get_item (ent_document_get_schools (document), i);
      ent_school_set_known_pupils (school, 2023, 0);
      g_object_unref (school);
    }
  budget = ent_budget_compute (document, &error);
  g_assert_no_error (error);
  cmp = ent_comparison_new (budget, 0);
  g_assert_cmpint (cmp->scenarios[0].total.amount, ==, 0);
  g_assert_cmpint (cmp->scenarios[1].years[0].amount, ==, 15000);
  g_assert_cmpint (cmp->scenarios[1].years[0].diff, ==, 15000);
  /* a difference from 0 € has no percentage */
  g_assert_false (cmp->scenarios[1].years[0].has_percent);
  g_assert_false (cmp->scenarios[1].total.has_percent);
  /* nor 0 € against 0 € */
  g_assert_false (cmp->scenarios[0].total.has_percent);
  g_assert_cmpint (cmp->scenarios[0].total.diff_bp, ==, 0);
}

static void
test_sensitivity_example (void)
{
  g_autoptr(EntDocument) document = ent_document_new_example ();
  g_autoptr(GError) error = NULL;
  g_autoptr(EntSensitivity) sens = ent_sensitivity_compute (document, NULL, 0, &error);
  /* Hem, one entry of 1 209 pupils, 4 budget years, 1,30 € base, 0,30 € optional:
   *   −20 %: 1 209 × 0,80 =   967,2  →   967
   *   −10 %: 1 209 × 0,90 = 1 088,1  → 1 088
   *    −5 %: 1 209 × 0,95 = 1 148,55 → 1 149
   *     0  :                           1 209
   *    +5 %: 1 209 × 1,05 = 1 269,45 → 1 269
   *   +10 %: 1 209 × 1,10 = 1 329,9  → 1 330
   *   +20 %: 1 209 × 1,20 = 1 450,8  → 1 451
   * Base seule = pupils × 1,30 × 4; + optional = pupils × 1,60 × 4;
   * + half-days = that + 2 × 150 × 4 = + 1 200,00 €.
   *   967 × 1,30 × 4 =  5 028,40 ;  967 × 1,60 × 4 =  6 188,80 ;  7 388,80
   *  1088 × 1,30 × 4 =  5 657,60 ; 1088 × 1,60 × 4 =  6 963,20 ;  8 163,20
   *  1149 × 1,30 × 4 =  5 974,80 ; 1149 × 1,60 × 4 =  7 353,60 ;  8 553,60
   *  1209 × 1,30 × 4 =  6 286,80 ; 1209 × 1,60 × 4 =  7 737,60 ;  8 937,60
   *  1269 × 1,30 × 4 =  6 598,80 ; 1269 × 1,60 × 4 =  8 121,60 ;  9 321,60
   *  1330 × 1,30 × 4 =  6 916,00 ; 1330 × 1,60 × 4 =  8 512,00 ;  9 712,00
   *  1451 × 1,30 × 4 =  7 545,20 ; 1451 × 1,60 × 4 =  9 286,40 ; 10 486,40 */
  static const gint64 expected[3][ENT_SENSITIVITY_N_STEPS] = {
    { 502840, 565760, 597480, 628680, 659880, 691600, 754520 },
    { 618880, 696320, 735360, 773760, 812160, 851200, 928640 },
    { 738880, 816320, 855360, 893760, 932160, 971200, 1048640 },
  };

  g_assert_no_error (error);
  g_assert_nonnull (sens);
  g_assert_cmpuint (sens->n_steps, ==, ENT_SENSITIVITY_N_STEPS);
  g_assert_cmpuint (sens->n_scenarios, ==, 3);
  g_assert_cmpstr (sens->names[2], ==, "Base + accompagnement + 2 demi-journées par an");
  g_assert_null (sens->names[3]);
  g_assert_cmpint (sens->steps_bp[0], ==, -2000);
  g_assert_cmpint (sens->steps_bp[6], ==, 2000);
  for (guint s = 0; s < 3; s++)
    for (guint i = 0; i < ENT_SENSITIVITY_N_STEPS; i++)
      g_assert_cmpint (ent_sensitivity_get_total (sens, s, i), ==, expected[s][i]);

  /* the document itself does not change */
  g_assert_false (ent_document_get_modified (document));
}

static void
test_sensitivity_rounds_per_school (void)
{
  g_autoptr(EntDocument) document = load_two_schools ();
  g_autoptr(GError) error = NULL;
  g_autoptr(EntSensitivity) sens = ent_sensitivity_compute (document, NULL, 0, &error);
  /* Schools A (15) and B (25), 2 budget years (2024, 2025) billing the 2023
   * count, then its constant projection; Complet adds 1 half-day (150 €) in 2024.
   *          A              B               sum   Base (×1,30×2)  Complet (×1,60×2 + 150)
   *   −20 %: 12             20              32      83,20           252,40
   *   −10 %: 13,5   → 14    22,5   → 23     37      96,20           268,40
   *    −5 %: 14,25  → 14    23,75  → 24     38      98,80           271,60
   *     0  : 15             25              40     104,00           278,00
   *    +5 %: 15,75  → 16    26,25  → 26     42     109,20           284,40
   *   +10 %: 16,5   → 17    27,5   → 28     45     117,00           294,00
   *   +20 %: 18             30              48     124,80           303,60
   * (−10 % of the commune's 40 would be 36, not 37: the rounding is per school.) */
  static const gint64 expected[2][ENT_SENSITIVITY_N_STEPS] = {
    { 8320, 9620, 9880, 10400, 10920, 11700, 12480 },
    { 25240, 26840, 27160, 27800, 28440, 29400, 30360 },
  };

  g_assert_no_error (error);
  g_assert_cmpuint (sens->n_scenarios, ==, 2);
  for (guint s = 0; s < 2; s++)
    for (guint i = 0; i < ENT_SENSITIVITY_N_STEPS; i++)
      g_assert_cmpint (ent_sensitivity_get_total (sens, s, i), ==, expected[s][i]);
}

static void
test_sensitivity_custom_steps (void)
{
  g_autoptr(EntDocument) document = load_two_schools ();
  g_autoptr(GError) error = NULL;
  /* −30 %: A 10,5 → 11, B 17,5 → 18 = 29 pupils; Base 29 × 1,30 × 2 = 75,40 €
   * +30 %: A 19,5 → 20, B 32,5 → 33 = 53 pupils; Base 53 × 1,30 × 2 = 137,80 € */
  static const gint64 steps[] = { -3000, 3000 };
  g_autoptr(EntSensitivity) sens = ent_sensitivity_compute (document, steps, G_N_ELEMENTS (steps), &error);

  g_assert_no_error (error);
  g_assert_cmpuint (sens->n_steps, ==, 2);
  g_assert_cmpint (ent_sensitivity_get_total (sens, 0, 0), ==, 7540);
  g_assert_cmpint (ent_sensitivity_get_total (sens, 0, 1), ==, 13780);
}

static void
test_sensitivity_error (void)
{
  g_autoptr(EntDocument) document = load_two_schools ();
  g_autoptr(GError) error = NULL;
  g_autoptr(EntSensitivity) sens = NULL;
  EntTariffSchedule *tariffs = ent_document_get_tariffs (document);
  g_autoptr(EntTariffPeriod) period = g_list_model_get_item (G_LIST_MODEL (tariffs), 0);

  /* no tariff at all: the budget engine's error comes through */
  ent_tariff_schedule_remove (tariffs, period);
  sens = ent_sensitivity_compute (document, NULL, 0, &error);
  g_assert_null (sens);
  g_assert_error (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_NO_TARIFF);
}

/* The "what if" of the Compare page at +10 %, on the Hem example. */
static void
test_what_if_example (void)
{
  g_autoptr(EntDocument) document = ent_document_new_example ();
  g_autoptr(GError) error = NULL;
  g_autoptr(EntBudget) budget = ent_budget_compute (document, &error);
  g_autoptr(EntWhatIf) what_if = NULL;

  g_assert_no_error (error);
  what_if = ent_what_if_compute (document, budget, 1000, &error);
  g_assert_no_error (error);
  g_assert_nonnull (what_if);
  g_assert_cmpint (what_if->change_bp, ==, 1000);

  /* One entry of 1 209 pupils known for 2023/2024, the contract's first
   * school year; each known count is scaled by (1 + 1 000 / 10 000) and
   * rounded to a whole pupil per school: 1 209 × 1,10 = 1 329,9 → 1 330. */
  g_assert_cmpint (what_if->school_year, ==, 2023);
  g_assert_cmpint (what_if->pupils_before, ==, 1209);
  g_assert_cmpint (what_if->pupils_after, ==, 1330);

  /* Constant projection: the 4 budget years 2024…2027 each bill 1 330 pupils.
   * Base seule: 1 330 × 1,30 × 4 = 6 916,00 € against 1 209 × 1,30 × 4 =
   *   6 286,80 €: +629,20 €; 62 920 × 10 000 / 628 680 = 1 000,83 → 1 001.
   * + optional: 1 330 × 1,60 × 4 = 8 512,00 € against 7 737,60 €: +774,40 €;
   *   77 440 × 10 000 / 773 760 = 1 000,83 → 1 001.
   * + 2 half-days a year: 8 512,00 + 4 × 2 × 150 = 9 712,00 € against
   *   8 937,60 €: +774,40 €; 77 440 × 10 000 / 893 760 = 866,45 → 866. */
  g_assert_cmpuint (what_if->n_scenarios, ==, 3);
  g_assert_cmpstr (what_if->scenarios[0].name, ==, "Base seule");
  g_assert_cmpint (what_if->scenarios[0].total_before, ==, 628680);
  g_assert_cmpint (what_if->scenarios[0].total_after.amount, ==, 691600);
  g_assert_cmpint (what_if->scenarios[0].total_after.diff, ==, 62920);
  g_assert_true (what_if->scenarios[0].total_after.has_percent);
  g_assert_cmpint (what_if->scenarios[0].total_after.diff_bp, ==, 1001);
  g_assert_cmpint (what_if->scenarios[1].total_before, ==, 773760);
  g_assert_cmpint (what_if->scenarios[1].total_after.amount, ==, 851200);
  g_assert_cmpint (what_if->scenarios[1].total_after.diff, ==, 77440);
  g_assert_cmpint (what_if->scenarios[1].total_after.diff_bp, ==, 1001);
  g_assert_cmpstr (what_if->scenarios[2].name, ==, "Base + accompagnement + 2 demi-journées par an");
  g_assert_cmpint (what_if->scenarios[2].total_before, ==, 893760);
  g_assert_cmpint (what_if->scenarios[2].total_after.amount, ==, 971200);
  g_assert_cmpint (what_if->scenarios[2].total_after.diff, ==, 77440);
  g_assert_cmpint (what_if->scenarios[2].total_after.diff_bp, ==, 866);

  /* the document itself does not change */
  g_assert_false (ent_document_get_modified (document));
}

/* Halves of a pupil go away from zero, down as well as up. */
static void
test_what_if_rounding (void)
{
  g_autoptr(EntDocument) document = ent_document_new_example ();
  g_autoptr(GError) error = NULL;
  g_autoptr(EntBudget) budget = ent_budget_compute (document, &error);
  g_autoptr(EntWhatIf) what_if = NULL;

  g_assert_no_error (error);
  /* −50 %: 1 209 × 0,50 = 604,5 → 605 (not 604: halves away from zero).
   * Base seule: 605 × 1,30 × 4 = 3 146,00 € against 6 286,80 €: −3 140,80 €;
   * −314 080 × 10 000 / 628 680 = −4 995,86 → −4 996. */
  what_if = ent_what_if_compute (document, budget, -5000, &error);
  g_assert_no_error (error);
  g_assert_cmpint (what_if->pupils_before, ==, 1209);
  g_assert_cmpint (what_if->pupils_after, ==, 605);
  g_assert_cmpint (what_if->scenarios[0].total_after.amount, ==, 314600);
  g_assert_cmpint (what_if->scenarios[0].total_after.diff, ==, -314080);
  g_assert_cmpint (what_if->scenarios[0].total_after.diff_bp, ==, -4996);
  g_clear_pointer (&what_if, ent_what_if_free);

  /* −5 %, the slider's first step down: 1 209 × 0,95 = 1 148,55 → 1 149.
   * Base seule: 1 149 × 1,30 × 4 = 5 974,80 €: −312,00 €;
   * −31 200 × 10 000 / 628 680 = −496,28 → −496. */
  what_if = ent_what_if_compute (document, budget, -500, &error);
  g_assert_no_error (error);
  g_assert_cmpint (what_if->pupils_after, ==, 1149);
  g_assert_cmpint (what_if->scenarios[0].total_after.amount, ==, 597480);
  g_assert_cmpint (what_if->scenarios[0].total_after.diff, ==, -31200);
  g_assert_cmpint (what_if->scenarios[0].total_after.diff_bp, ==, -496);
}

/* The pupils shown are summed after the rounding of each school. */
static void
test_what_if_per_school (void)
{
  g_autoptr(EntDocument) document = load_two_schools ();
  g_autoptr(GError) error = NULL;
  g_autoptr(EntBudget) budget = ent_budget_compute (document, &error);
  g_autoptr(EntWhatIf) what_if = NULL;

  g_assert_no_error (error);
  /* +10 %: A 15 × 1,10 = 16,5 → 17, B 25 × 1,10 = 27,5 → 28: 45 pupils, not
   * round (40 × 1,10) = 44. Base: 45 × 1,30 × 2 = 117,00 € against 104,00 €:
   * +13,00 €, exactly +12,50 % (1 250). Complet: 45 × 1,60 × 2 + 150 = 294,00 €
   * against 278,00 €: +16,00 €; 1 600 × 10 000 / 27 800 = 575,54 → 576. */
  what_if = ent_what_if_compute (document, budget, 1000, &error);
  g_assert_no_error (error);
  g_assert_cmpint (what_if->pupils_before, ==, 40);
  g_assert_cmpint (what_if->pupils_after, ==, 45);
  g_assert_cmpuint (what_if->n_scenarios, ==, 2);
  g_assert_cmpint (what_if->scenarios[0].total_after.amount, ==, 11700);
  g_assert_cmpint (what_if->scenarios[0].total_after.diff, ==, 1300);
  g_assert_cmpint (what_if->scenarios[0].total_after.diff_bp, ==, 1250);
  g_assert_cmpint (what_if->scenarios[1].total_before, ==, 27800);
  g_assert_cmpint (what_if->scenarios[1].total_after.amount, ==, 29400);
  g_assert_cmpint (what_if->scenarios[1].total_after.diff_bp, ==, 576);
}

static void
test_what_if_error (void)
{
  g_autoptr(EntDocument) document = load_two_schools ();
  g_autoptr(GError) error = NULL;
  g_autoptr(EntBudget) budget = ent_budget_compute (document, &error);
  g_autoptr(EntWhatIf) what_if = NULL;
  EntTariffSchedule *tariffs = ent_document_get_tariffs (document);
  g_autoptr(EntTariffPeriod) period = g_list_model_get_item (G_LIST_MODEL (tariffs), 0);

  g_assert_no_error (error);
  /* the tariff removed after the budget was computed: the budget engine's
   * error comes through */
  ent_tariff_schedule_remove (tariffs, period);
  what_if = ent_what_if_compute (document, budget, 1000, &error);
  g_assert_null (what_if);
  g_assert_error (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_NO_TARIFF);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/compare/ratio-rounding", test_ratio_rounding);
  g_test_add_func ("/compare/comparison/example", test_comparison_example);
  g_test_add_func ("/compare/comparison/zero-reference", test_comparison_zero_reference);
  g_test_add_func ("/compare/sensitivity/example", test_sensitivity_example);
  g_test_add_func ("/compare/sensitivity/per-school", test_sensitivity_rounds_per_school);
  g_test_add_func ("/compare/sensitivity/custom-steps", test_sensitivity_custom_steps);
  g_test_add_func ("/compare/sensitivity/error", test_sensitivity_error);
  g_test_add_func ("/compare/what-if/example", test_what_if_example);
  g_test_add_func ("/compare/what-if/rounding", test_what_if_rounding);
  g_test_add_func ("/compare/what-if/per-school", test_what_if_per_school);
  g_test_add_func ("/compare/what-if/error", test_what_if_error);

  return g_test_run ();
}
