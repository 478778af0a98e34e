/* test-communes.c: documents with several communes, per-commune parts (SPEC 4.5)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The engine allocates each budget line to the schools by largest remainder;
 * a commune's part is the sum of its schools' parts. Whatever the document,
 * the parts of the communes must sum exactly to each line, and so must the
 * schools' parts.
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "ent-budget.h"
#include "ent-csv-import.h"

#include "ent-test-utils.h"

static GBytes *
load_fixture (const char *name)
{
  g_autofree char *path = g_build_filename (IMPORT_FIXTURES, name, NULL);

  return ent_test_read_bytes (path);
}

/* Every line of every year of every scenario: Σ communes = Σ schools = amount,
 * and each commune's part is the sum of its schools' parts. Returns the
 * number of lines whose split needed a remainder (not all parts exact). */
static guint
assert_parts_sum (EntBudget *budget)
{
  guint n_checked = 0;

  for (guint s = 0; s < budget->n_scenarios; s++)
    for (guint y = 0; y < budget->scenarios[s].n_years; y++)
      for (guint l = 0; l < ENT_N_LINES; l++)
        {
          const EntBudgetLine *line = &budget->scenarios[s].years[y].lines[l];
          gint64 by_school = 0;
          gint64 by_commune = 0;

          for (guint i = 0; i < budget->n_schools; i++)
            {
              g_assert_cmpint (line->school_parts[i], >=, 0);
              by_school += line->school_parts[i];
            }
          for (guint c = 0; c < budget->n_communes; c++)
            {
              gint64 part = ent_budget_line_get_commune_part (budget, line, c);
              gint64 own = 0;

              for (guint i = 0; i < budget->n_schools; i++)
                if (budget->school_commune[i] == c)
                  own += line->school_parts[i];
              g_assert_cmpint (part, ==, own);
              by_commune += part;
            }
          g_assert_cmpint (by_school, ==, line->amount);
          g_assert_cmpint (by_commune, ==, line->amount);
          n_checked++;
        }

  return n_checked;
}

/* Imported communes (engine + import together). */
static void
test_imported_communes (void)
{
  static const char * const communes[] = { "Hem", "Roubaix", "Villeneuve-d'Ascq", NULL };
  EntCsvSelection selection = { .communes = communes };
  g_autoptr(GBytes) bytes = load_fixture ("effectifs-labels.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(EntCsvImport) import = ent_csv_import_parse (bytes, "effectifs-labels.csv",
                                                         &selection, &error);
  g_autoptr(EntDocument) document = NULL;
  g_autoptr(EntBudget) budget = NULL;
  g_autoptr(EntScenario) odd = NULL;
  EntScenarioBudget *base_only;
  EntBudgetLine *line;

  g_assert_no_error (error);
  document = ent_csv_import_to_document (import, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ent_document_get_payer_kind (document), ==, ENT_PAYER_EPCI);

  /* a scenario whose amounts do not split evenly */
  odd = ent_scenario_new ("Odd");
  ent_scenario_set_optional_all (odd, TRUE);
  ent_scenario_set_half_days (odd, 2024, 1);
  ent_scenario_set_half_days (odd, 2025, 7);
  ent_scenario_set_projection (odd, ENT_PROJECTION_RATE);
  ent_scenario_set_projection_rate (odd, -250);
  ent_scenario_set_tariff_increase (odd, 333);
  ent_document_add_scenario (document, odd);

  budget = ent_budget_compute (document, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (budget->n_communes, ==, 3);
  g_assert_cmpstr (budget->communes[0], ==, "Hem");
  g_assert_cmpstr (budget->communes[1], ==, "Roubaix");
  g_assert_cmpstr (budget->communes[2], ==, "Villeneuve-d'Ascq");
  g_assert_cmpuint (budget->n_schools, ==, 6);

  g_assert_cmpuint (assert_parts_sum (budget), ==, budget->n_scenarios * 4 * ENT_N_LINES);

  /* "Base seule", 2024, rentrée 2023: Hem 485, Roubaix 365, Villeneuve 310
   * pupils × 1,30 € = 630,50 + 474,50 + 403,00 = 1 508,00 € */
  base_only = &budget->scenarios[0];
  line = &base_only->years[0].lines[ENT_LINE_BASE];
  g_assert_cmpint (base_only->years[0].pupils, ==, 1160);
  g_assert_cmpint (line->amount, ==, 150800);
  g_assert_cmpint (ent_budget_line_get_commune_part (budget, line, 0), ==, 63050);
  g_assert_cmpint (ent_budget_line_get_commune_part (budget, line, 1), ==, 47450);
  g_assert_cmpint (ent_budget_line_get_commune_part (budget, line, 2), ==, 40300);
}

/* One half-day of 150 € over three communes of 1 pupil each: 50 € each; over
 * 1 + 1 + 1 pupils with 100,01 €, the extra cent goes to one commune only. */
static void
test_remainder_cent (void)
{
  static const char text[] =
    "[Document]\nformat-version=1\ntitle=T\npayer=P\npayer-kind=epci\ninsee=\n"
    "[Contract]\nfirst-school-year=2023\nschool-years=1\npayment-start=2024-01-01\nbilling=annual\n"
    "[Tariff 2023-09-01]\nbase-per-pupil=0.01\noptional-per-pupil=0\nhalf-day=100.01\nreference=\n"
    "[School 1]\nname=A\ncommune=A\ninsee=\nuai=\npupils=2023:1\n"
    "[School 2]\nname=B\ncommune=B\ninsee=\nuai=\npupils=2023:1\n"
    "[School 3]\nname=C\ncommune=C\ninsee=\nuai=\npupils=2023:1\n"
    "[Scenario 1]\nname=S\noptional-support=false\nhalf-days=2024:1\nprojection=constant\n"
    "projection-rate=0\ntariff-increase=0\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, sizeof text - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(EntDocument) document = ent_document_new_from_bytes (bytes, "t.entbudget", &error);
  g_autoptr(EntBudget) budget = NULL;
  EntBudgetLine *line;
  gint64 parts[3];

  g_assert_no_error (error);
  budget = ent_budget_compute (document, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (budget->n_communes, ==, 3);
  assert_parts_sum (budget);

  line = &budget->scenarios[0].years[0].lines[ENT_LINE_SPECIFIC];
  g_assert_cmpint (line->amount, ==, 10001);
  for (guint c = 0; c < 3; c++)
    parts[c] = ent_budget_line_get_commune_part (budget, line, c);
  g_assert_cmpint (parts[0] + parts[1] + parts[2], ==, 10001);
  for (guint c = 0; c < 3; c++)
    g_assert_true (parts[c] == 3333 || parts[c] == 3334);
}

/* Many generated documents: communes of 1 to 4 schools, odd counts, both
 * billing modes, projections and tariff increases. */
static void
test_generated_documents (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20231207);

  for (guint round = 0; round < 200; round++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(EntDocument) document = NULL;
      g_autoptr(EntBudget) budget = NULL;
      guint n_communes = g_rand_int_range (rand, 2, 7);
      guint n_school = 0;
      guint n_lines;

      g_string_append_printf (text,
                              "[Document]\nformat-version=1\ntitle=G\npayer=P\npayer-kind=epci\n"
                              "[Contract]\nfirst-school-year=2023\nschool-years=%d\n"
                              "payment-start=%s\nbilling=%s\n"
                              "[Tariff 2023-09-01]\nbase-per-pupil=1.%02d\n"
                              "optional-per-pupil=0.%02d\nhalf-day=%d.%02d\n",
                              g_rand_int_range (rand, 2, 6),
                              g_rand_boolean (rand) ? "2024-01-01" : "2023-09-01",
                              g_rand_boolean (rand) ? "annual" : "prorata",
                              g_rand_int_range (rand, 0, 100), g_rand_int_range (rand, 0, 100),
                              g_rand_int_range (rand, 0, 300), g_rand_int_range (rand, 0, 100));
      for (guint c = 0; c < n_communes; c++)
        {
          guint n_schools = g_rand_int_range (rand, 1, 5);

          for (guint s = 0; s < n_schools; s++)
            {
              int first = g_rand_int_range (rand, 0, 400);
              int second = g_rand_int_range (rand, 0, 400);

              n_school++;
              g_string_append_printf (text,
                                      "[School %u]\nname=S%u\ncommune=Commune %u\n"
                                      "pupils=2023:%d;2024:%d\n",
                                      n_school, n_school, c, first, second);
            }
        }
      g_string_append_printf (text,
                              "[Scenario 1]\nname=A\noptional-support=%s\nhalf-days=2024:%d;2025:%d\n"
                              "projection=rate\nprojection-rate=-%d.%d\ntariff-increase=%d.%d\n",
                              g_rand_boolean (rand) ? "true" : "2025",
                              g_rand_int_range (rand, 0, 20), g_rand_int_range (rand, 0, 20),
                              g_rand_int_range (rand, 0, 10), g_rand_int_range (rand, 0, 10),
                              g_rand_int_range (rand, 0, 5), g_rand_int_range (rand, 0, 10));

      bytes = g_bytes_new (text->str, text->len);
      document = ent_document_new_from_bytes (bytes, "generated.entbudget", &error);
      g_assert_no_error (error);
      budget = ent_budget_compute (document, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (budget->n_communes, ==, n_communes);
      n_lines = assert_parts_sum (budget);
      g_assert_cmpuint (n_lines, >, 0);
    }
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/communes/imported", test_imported_communes);
  g_test_add_func ("/import/communes/remainder-cent", test_remainder_cent);
  g_test_add_func ("/import/communes/generated", test_generated_documents);

  return g_test_run ();
}
