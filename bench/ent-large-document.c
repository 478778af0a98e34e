/* ent-large-document.c: a synthetic document at the syndicate's scale (issue 7)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ent-budget.h"
#include "ent-large-document.h"

#define SEED 20231207

static EntScenario *
make_scenario (guint index)
{
  g_autofree char *name = NULL;
  EntScenario *scenario;

  switch (index % 4)
    {
    case 0:
      name = g_strdup_printf ("Base seule %u", index + 1);
      scenario = ent_scenario_new (name);
      break;
    case 1:
      name = g_strdup_printf ("Base + accompagnement %u", index + 1);
      scenario = ent_scenario_new (name);
      ent_scenario_set_optional_all (scenario, TRUE);
      break;
    case 2:
      name = g_strdup_printf ("Accompagnement + demi-journées, baisse de 2 %% %u", index + 1);
      scenario = ent_scenario_new (name);
      ent_scenario_set_optional_all (scenario, TRUE);
      for (int year = 2024; year <= 2027; year++)
        ent_scenario_set_half_days (scenario, year, 40 + year % 7);
      ent_scenario_set_projection (scenario, ENT_PROJECTION_RATE);
      ent_scenario_set_projection_rate (scenario, -200);
      break;
    default:
      name = g_strdup_printf ("Option 2025–2026, hausse des tarifs %u", index + 1);
      scenario = ent_scenario_new (name);
      ent_scenario_set_optional_in_year (scenario, 2025, TRUE);
      ent_scenario_set_optional_in_year (scenario, 2026, TRUE);
      ent_scenario_set_half_days (scenario, 2026, 12);
      ent_scenario_set_projection (scenario, ENT_PROJECTION_RATE);
      ent_scenario_set_projection_rate (scenario, -150);
      ent_scenario_set_tariff_increase (scenario, 200);
      break;
    }

  return scenario;
}

EntDocument *
ent_bench_make_large_document (guint  n_communes,
                               guint  n_schools,
                               gint64 n_pupils,
                               guint  n_scenarios)
{
  g_autoptr(EntDocument) document = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED);
  g_autoptr(EntTariffPeriod) period = NULL;
  g_autofree guint *school_commune = NULL;
  g_autofree gint64 *weights = NULL;
  g_autofree gint64 *pupils = NULL;
  GDate valid_from;
  EntContract *contract;

  g_return_val_if_fail (n_communes >= 1 && n_communes <= n_schools, NULL);
  g_return_val_if_fail (n_schools <= 99999, NULL);
  g_return_val_if_fail (n_pupils >= 0 && n_pupils <= (gint64) n_schools * ENT_MAX_PUPILS_PER_SCHOOL / 2, NULL);
  g_return_val_if_fail (n_scenarios >= 1 && n_scenarios <= 8, NULL);

  document = ent_document_new ();
  ent_document_set_title (document, "ENT des écoles du syndicat (document synthétique)");
  ent_document_set_payer (document, "SMO La Fibre Numérique 59/62");
  ent_document_set_payer_kind (document, ENT_PAYER_EPCI);

  contract = ent_document_get_contract (document);
  ent_contract_set_first_school_year (contract, 2023);
  ent_contract_set_school_years (contract, 4);
  {
    GDate start;

    g_date_clear (&start, 1);
    g_date_set_dmy (&start, 1, G_DATE_JANUARY, 2024);
    ent_contract_set_payment_start (contract, &start);
  }
  ent_contract_set_billing (contract, ENT_BILLING_ANNUAL);

  g_date_clear (&valid_from, 1);
  g_date_set_dmy (&valid_from, 1, G_DATE_SEPTEMBER, 2023);
  period = ent_tariff_period_new (&valid_from, 130, 30, 15000,
                                  "Délibération du comité syndical du 15 juin 2023");
  if (!ent_tariff_schedule_add (ent_document_get_tariffs (document), period, NULL))
    g_return_val_if_reached (NULL);

  /* Communes: every one gets a school, the rest go mostly to a few large
   * ones (the square skews the draw towards the first communes). */
  school_commune = g_new (guint, n_schools);
  for (guint i = 0; i < n_schools; i++)
    {
      if (i < n_communes)
        {
          school_commune[i] = i;
        }
      else
        {
          double r = g_rand_double (rand);

          school_commune[i] = (guint) (r * r * n_communes);
        }
    }

  /* Pupils of rentrée 2023: random weights, split exactly to n_pupils. */
  weights = g_new (gint64, n_schools);
  pupils = g_new (gint64, n_schools);
  for (guint i = 0; i < n_schools; i++)
    weights[i] = g_rand_int_range (rand, 40, 400);
  ent_allocate_largest_remainder (n_pupils, weights, n_schools, pupils);

  for (guint i = 0; i < n_schools; i++)
    {
      g_autoptr(EntSchool) school = NULL;
      g_autofree char *name = g_strdup_printf ("École %05u", i + 1);
      g_autofree char *commune = g_strdup_printf ("Commune %04u", school_commune[i] + 1);
      g_autofree char *insee = g_strdup_printf ("%02u%03u", 59 + school_commune[i] / 1000,
                                                school_commune[i] % 1000 + 1);
      g_autofree char *uai = g_strdup_printf ("%07u%c", 5900000 + i, 'A' + i % 26);
      gint64 before = pupils[i] + g_rand_int_range (rand, -5, 6);

      school = ent_school_new (name, commune);
      ent_school_set_uai (school, uai);
      ent_school_set_commune_insee (school, insee);
      ent_school_set_known_pupils (school, 2022, CLAMP (before, 0, ENT_MAX_PUPILS_PER_SCHOOL));
      ent_school_set_known_pupils (school, 2023, pupils[i]);
      if (i % 3 == 0)
        ent_school_set_known_pupils (school, 2024,
                                     CLAMP (pupils[i] + g_rand_int_range (rand, -8, 4),
                                            0, ENT_MAX_PUPILS_PER_SCHOOL));
      ent_document_add_school (document, school);
    }

  for (guint i = 0; i < n_scenarios; i++)
    {
      g_autoptr(EntScenario) scenario = make_scenario (i);

      ent_document_add_scenario (document, scenario);
    }

  ent_document_set_modified (document, FALSE);
  return g_steal_pointer (&document);
}

EntDocument *
ent_bench_make_schools_document (guint n_schools)
{
  static const char * const communes[] = {
    "Hem", "Lys", "Lille", "Roubaix", "Tourcoing", "Croix", "Wattrelos", "Lannoy",
    "Toufflers", "Sailly", "Forest", "Leers", "Wasquehal", "Mouvaux", "Flers", "Annappes",
  };
  g_autoptr(EntDocument) document = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED);
  g_autoptr(EntTariffPeriod) period = NULL;
  GDate valid_from;

  document = ent_document_new ();
  ent_document_set_title (document, "ENT : document de test de chargement");
  ent_document_set_payer (document, "SMO La Fibre Numérique 59/62");
  ent_document_set_payer_kind (document, ENT_PAYER_EPCI);

  g_date_clear (&valid_from, 1);
  g_date_set_dmy (&valid_from, 1, G_DATE_SEPTEMBER, 2023);
  period = ent_tariff_period_new (&valid_from, 130, 30, 15000,
                                  "Délibération du comité syndical du 15 juin 2023");
  if (!ent_tariff_schedule_add (ent_document_get_tariffs (document), period, NULL))
    g_return_val_if_reached (NULL);

  for (guint i = 0; i < n_schools; i++)
    {
      g_autofree char *name = g_strdup_printf ("École %u", i + 1);
      g_autoptr(EntSchool) school = ent_school_new (name, communes[i % G_N_ELEMENTS (communes)]);

      ent_school_set_known_pupils (school, 2023, g_rand_int_range (rand, 40, 100));
      ent_document_add_school (document, school);
    }

  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(EntScenario) scenario = make_scenario (i);

      ent_document_add_scenario (document, scenario);
    }

  ent_document_set_modified (document, FALSE);
  return g_steal_pointer (&document);
}
