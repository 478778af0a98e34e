/* test-rob.c: the « engagements pluriannuels » text of the budget
 * orientation report (SPEC 13), for the three Hem scenarios
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Expected amounts by hand from SPEC 4's worked examples, written the French
 * way with U+202F between thousands and U+00A0 before "€": the AE is the
 * contract total and each CP a year total (worked below; Hem's third
 * scenario takes two half-days every year, not only in 2024 as SPEC 4's
 * third example). The text is French whatever the locale: the test runs
 * under C.
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "ent-rob.h"
#include "ent-test-utils.h"

#define E(amount) amount "\xc2\xa0€"
#define TH "\xe2\x80\xaf"   /* the thousands separator */

typedef struct
{
  const char *ae;
  const char *cp;          /* the same every year: constant pupils, same options */
  const char *options;     /* a phrase of the options paragraph */
} Expected;

/* Hem, 1 209 pupils of the rentrée 2023, constant:
 * base 1 209 × 1,30 = 1 571,70; optional 1 209 × 0,30 = 362,70;
 * specific 2 × 150,00 = 300,00 in each of the four budget years.
 * 1: 4 × 1 571,70 = 6 286,80
 * 2: 4 × (1 571,70 + 362,70) = 4 × 1 934,40 = 7 737,60
 * 3: 4 × (1 934,40 + 300,00) = 4 × 2 234,40 = 8 937,60 */
static const Expected expected[] = {
  { E ("6" TH "286,80"), E ("1" TH "571,70"),
    "ni l’accompagnement forfaitaire ni l’accompagnement spécifique ne sont retenus" },
  { E ("7" TH "737,60"), E ("1" TH "934,40"),
    "l’accompagnement forfaitaire pour toute la durée du marché" },
  { E ("8" TH "937,60"), E ("2" TH "234,40"),
    "8 demi-journées d’accompagnement spécifique (2 par exercice de 2024 à 2027)" },
};

static void
assert_contains (const char *text,
                 const char *part)
{
  if (strstr (text, part) == NULL)
    g_error ("“%s” not in:\n%s", part, text);
}

static void
test_hem_scenarios (void)
{
  g_autoptr(EntDocument) document = ent_document_new_example ();

  for (guint s = 0; s < G_N_ELEMENTS (expected); s++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;
      g_autofree char *html = NULL;
      g_autofree char *ae_sentence = g_strdup_printf ("autorisation d’engagement (AE) de %s", expected[s].ae);

      g_assert_true (ent_rob_build (document, ent_test_scenario_at (document, s), &text, &html, &error));
      g_assert_no_error (error);

      /* the AE, its legal basis, the contract, the payer */
      assert_contains (text, ae_sentence);
      assert_contains (text, "L2311-3 II");
      assert_contains (text, "La Ville de Hem, membre du SMO La Fibre Numérique 59/62");
      assert_contains (text, "4 années scolaires à compter de l’année scolaire 2023/2024");
      assert_contains (text, "jusqu’au 31 août 2027");
      assert_contains (text, "à compter du 1er janvier 2024");
      assert_contains (text, "chapitre 65 «\xc2\xa0" "Autres charges de gestion courante\xc2\xa0»");
      assert_contains (text, "compte 65548");
      assert_contains (text, "fonction 21");
      /* the tariffs voted, the options of the scenario */
      assert_contains (text, E ("1,30") " par élève et par an");
      assert_contains (text, expected[s].options);

      /* each CP, in a row of its year with the rentrée it counts */
      for (int year = 2024; year <= 2027; year++)
        {
          g_autofree char *rentree = g_strdup_printf ("1" TH "209 (rentrée %d%s)", year - 1,
                                                      year > 2024 ? " *" : "");
          g_autofree char *pattern = g_strdup_printf ("\n%d ", year);
          const char *row = strstr (text, pattern);
          g_autofree char *line = NULL;

          g_assert_nonnull (row);
          line = g_strndup (row + 1, strcspn (row + 1, "\n"));
          assert_contains (line, rentree);
          assert_contains (line, expected[s].cp);
        }
      assert_contains (text, "Total (AE)");

      /* the pupils' vintage: observed 2023, typed, later ones projected */
      assert_contains (text, "Le dernier effectif constaté est celui de la rentrée 2023");
      assert_contains (text, "saisi par la collectivité");
      assert_contains (text, "Les effectifs des rentrées 2024 à 2026 (exercices 2025 à 2027)");
      assert_contains (text, "projetés à effectif constant");

      /* no English, no untranslated word left in */
      g_assert_null (strstr (text, "pupil"));
      g_assert_null (strstr (text, "year"));

      /* the HTML says the same in a table */
      assert_contains (html, "<table");
      assert_contains (html, ae_sentence);
      assert_contains (html, expected[s].cp);
      assert_contains (html, "<th");
      g_assert_null (strstr (html, "<script"));
    }
}

/* The document's names are escaped in the HTML */
static void
test_html_escaped (void)
{
  g_autoptr(EntDocument) document = ent_document_new_example ();
  g_autofree char *text = NULL;
  g_autofree char *html = NULL;

  ent_document_set_payer (document, "Ville <b>&</b> Hem");
  g_assert_true (ent_rob_build (document, NULL, &text, &html, NULL));
  assert_contains (text, "La Ville <b>&</b> Hem");
  assert_contains (html, "La Ville &lt;b&gt;&amp;&lt;/b&gt; Hem");
}

/* Imported counts and a projection rate are said so */
static void
test_open_data_and_rate (void)
{
  g_autoptr(EntDocument) document = ent_document_new_example ();
  EntSchool *school = ent_test_school_at (document, 0);
  EntScenario *scenario = ent_test_scenario_at (document, 0);
  g_autofree char *text = NULL;

  ent_school_set_known_pupils_from (school, 2023, 1209, ENT_COUNT_SOURCE_OPEN_DATA);
  ent_school_set_known_pupils_from (school, 2024, 1200, ENT_COUNT_SOURCE_OPEN_DATA);
  ent_scenario_set_projection (scenario, ENT_PROJECTION_RATE);
  ent_scenario_set_projection_rate (scenario, -250);
  g_assert_true (ent_rob_build (document, scenario, &text, NULL, NULL));
  assert_contains (text, "rentrée 2024 (1" TH "200 élèves), issu du fichier «\xc2\xa0" "Effectifs d’élèves par école\xc2\xa0»");
  assert_contains (text, "Les effectifs des rentrées 2025 à 2026 (exercices 2026 à 2027)");
  assert_contains (text, "avec une évolution de \xe2\x88\x92" "2,5" TH "% par an");
  /* 1 200 × 0,975 = 1 170 pupils for the rentrée 2025, 1 170 × 0,975 = 1 140,75 → 1 141 */
  assert_contains (text, "1" TH "170 (rentrée 2025 *)");
  assert_contains (text, "1" TH "141 (rentrée 2026 *)");
}

/* SPEC 5, split-functions: the imputation names both functions. */
static void
test_split_functions (void)
{
  g_autoptr(EntDocument) document = ent_document_new_example ();
  g_autoptr(EntSchool) primaire = ent_school_new ("École primaire", "Hem");
  g_autofree char *text = NULL;

  ent_school_set_level (ent_test_school_at (document, 0), ENT_SCHOOL_LEVEL_MATERNELLE);
  ent_school_set_known_pupils (primaire, 2023, 100);
  ent_school_set_level (primaire, ENT_SCHOOL_LEVEL_PRIMAIRE);
  ent_document_add_school (document, primaire);
  ent_document_set_split_functions (document, TRUE);
  g_assert_true (ent_rob_build (document, NULL, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "fonctions 211 «\u00a0Écoles maternelles\u00a0» et "
                                  "212 «\u00a0Écoles primaires\u00a0» au prorata des élèves"));
  g_assert_null (strstr (text, "fonction 21 "));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/rob/hem-scenarios", test_hem_scenarios);
  g_test_add_func ("/export/rob/html-escaped", test_html_escaped);
  g_test_add_func ("/export/rob/split-functions", test_split_functions);
  g_test_add_func ("/export/rob/open-data-and-rate", test_open_data_and_rate);

  return g_test_run ();
}
