/* test-document-io.c: loading and saving .entbudget files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "ent-budget.h"
#include "ent-document.h"
#include "ent-document-private.h"
#include "ent-money.h"

#include "ent-test-utils.h"

#define BAD_NAME "bad.entbudget"

/* A valid document; the bad inputs mutate it. Line numbers matter. */
static const char base_text[] =
  "[Document]\n"                          /*  1 */
  "format-version=1\n"                    /*  2 */
  "title=Test\n"                          /*  3 */
  "payer=Ville de Test\n"                 /*  4 */
  "payer-kind=commune\n"                  /*  5 */
  "insee=59299\n"                         /*  6 */
  "\n"                                    /*  7 */
  "[Contract]\n"                          /*  8 */
  "first-school-year=2023\n"              /*  9 */
  "school-years=4\n"                      /* 10 */
  "payment-start=2024-01-01\n"            /* 11 */
  "billing=annual\n"                      /* 12 */
  "\n"                                    /* 13 */
  "[Tariff 2023-09-01]\n"                 /* 14 */
  "base-per-pupil=1.30\n"                 /* 15 */
  "optional-per-pupil=0.30\n"             /* 16 */
  "half-day=150.00\n"                     /* 17 */
  "reference=Comité du 15 juin 2023\n"    /* 18 */
  "\n"                                    /* 19 */
  "[Imputation]\n"                        /* 20 */
  "chapter=65\n"                          /* 21 */
  "nature=65548\n"                        /* 22 */
  "function=21\n"                         /* 23 */
  "\n"                                    /* 24 */
  "[School 1]\n"                          /* 25 */
  "name=École A\n"                        /* 26 */
  "commune=Hem\n"                         /* 27 */
  "insee=59299\n"                         /* 28 */
  "uai=0590001F\n"                        /* 29 */
  "pupils=2023:1209\n"                    /* 30 */
  "\n"                                    /* 31 */
  "[Scenario 1]\n"                        /* 32 */
  "name=Base\n"                           /* 33 */
  "optional-support=2024;2025\n"          /* 34 */
  "half-days=2024:2\n"                    /* 35 */
  "projection=rate\n"                     /* 36 */
  "projection-rate=-2.5\n"                /* 37 */
  "tariff-increase=0\n";                  /* 38 */

/* Every field of the format, unknown keys and groups included. */
static const char full_text[] =
  "# A comment, not kept\n"
  "[Document]\n"
  "format-version=1\n"
  "title=Syndicat — essai complet\n"
  "payer=Communauté de communes du Test\n"
  "payer-kind=epci\n"
  "insee=200012345\n"
  "colour=blue\n"
  "\n"
  "[Contract]\n"
  "first-school-year=2023\n"
  "school-years=5\n"
  "payment-start=2023-11-01\n"
  "billing=prorata\n"
  "\n"
  "[Tariff 2023-09-01]\n"
  "base-per-pupil=1,30\n"
  "optional-per-pupil=0.3\n"
  "half-day=150\n"
  "reference=Délibération du comité syndical du 15 juin 2023\n"
  "\n"
  "[Tariff 2025-1-1]\n"
  "base-per-pupil=1.45\n"
  "optional-per-pupil=0,35\n"
  "half-day=160.50\n"
  "reference=Révision; avec un point-virgule\n"
  "note=voted twice\n"
  "\n"
  "[Imputation]\n"
  "chapter=65\n"
  "nature=65548\n"
  "function=212\n"
  "specific-chapter=011\n"
  "specific-nature=611\n"
  "\n"
  "[School 2]\n"
  "name=École B\n"
  "commune=Lys\n"
  "insee=59367\n"
  "uai=\n"
  "pupils=2023:80\n"
  "\n"
  "[School 1]\n"
  "name=  École A\n"
  "commune=Hem\n"
  "insee=59299\n"
  "uai=0590001F\n"
  "pupils=2023:1209;2024:1190;2025:1201\n"
  "\n"
  "[School 3]\n"
  "name=École C\n"
  "commune=Hem\n"
  "insee=59299\n"
  "pupils=\n"
  "\n"
  "[Scenario 1]\n"
  "name=Base seule\n"
  "optional-support=false\n"
  "half-days=\n"
  "projection=constant\n"
  "projection-rate=0\n"
  "tariff-increase=0\n"
  "\n"
  "[Scenario 2]\n"
  "name=Baisse des effectifs\n"
  "optional-support=2024;2026\n"
  "half-days=2024:2;2026:1\n"
  "projection=rate\n"
  "projection-rate=-2,5\n"
  "tariff-increase=2\n"
  "owner=finances\n"
  "\n"
  "[Scenario 3]\n"
  "name=Tout compris\n"
  "optional-support=true\n"
  "half-days=2028:3\n"
  "projection=rate\n"
  "projection-rate=1.25\n"
  "tariff-increase=-0.5\n"
  "\n"
  "[Notes]\n"
  "author=Service des finances\n"
  "reviewed=2024-01-15\n";

/* Helpers */

static char *
mutate (const char *find,
        const char *replace,
        gsize       replace_len,
        gsize      *out_len)
{
  const char *at;
  GString *text;

  if (replace_len == 0 && replace != NULL)
    replace_len = strlen (replace);

  if (find == NULL)
    {
      *out_len = replace_len;
      return g_memdup2 (replace, replace_len + 1);
    }

  at = strstr (base_text, find);
  g_assert_nonnull (at);

  text = g_string_new_len (base_text, at - base_text);
  g_string_append_len (text, replace, replace_len);
  g_string_append (text, at + strlen (find));
  *out_len = text->len;
  return g_string_free (text, FALSE);
}

static EntDocument *
load_text (const char  *text,
           gssize       length,
           const char  *name,
           GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;

  bytes = g_bytes_new (text, length < 0 ? strlen (text) : (gsize) length);
  return ent_document_new_from_bytes (bytes, name, error);
}

static EntDocument *
load_text_or_die (const char *text)
{
  g_autoptr(GError) error = NULL;
  EntDocument *document;

  document = load_text (text, -1, "test.entbudget", &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

static EntDocument *
reload (EntDocument *document)
{
  g_autofree char *data = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;
  EntDocument *copy;

  data = ent_document_to_data (document, &length);
  g_assert_nonnull (data);
  g_assert_cmpuint (length, ==, strlen (data));

  copy = load_text (data, length, "saved.entbudget", &error);
  if (copy == NULL)
    g_printerr ("%s\n", data);
  g_assert_no_error (error);
  return copy;
}

static guint
count_warnings (EntDocument *document)
{
  const char * const *warnings = ent_document_get_load_warnings (document);

  /* Documented as never NULL; be tolerant so a NULL shows as "no warning" */
  return warnings != NULL ? g_strv_length ((char **) warnings) : 0;
}

static guint
count_entries (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

/* The bundled example */

static void
test_example (void)
{
  g_autoptr(EntDocument) document = ent_document_new_example ();
  EntContract *contract;
  EntTariffPeriod *period;
  GListModel *schools;
  GListModel *scenarios;
  g_autoptr(EntSchool) school = NULL;
  g_autoptr(EntScenario) base = NULL;
  g_autoptr(EntScenario) optional = NULL;
  g_autoptr(EntScenario) half_days = NULL;
  const GDate *date;
  gint64 count = 0;

  g_assert_nonnull (document);
  g_assert_false (ent_document_get_modified (document));
  g_assert_cmpstr (ent_document_get_title (document), ==, "ENT des écoles publiques de Hem");
  g_assert_cmpstr (ent_document_get_payer (document), ==, "Ville de Hem");
  g_assert_cmpint (ent_document_get_payer_kind (document), ==, ENT_PAYER_COMMUNE);
  g_assert_cmpstr (ent_document_get_insee (document), ==, "59299");
  g_assert_cmpuint (count_warnings (document), ==, 0);

  contract = ent_document_get_contract (document);
  g_assert_cmpint (ent_contract_get_first_school_year (contract), ==, 2023);
  g_assert_cmpint (ent_contract_get_school_years (contract), ==, 4);
  date = ent_contract_get_payment_start (contract);
  g_assert_cmpint (g_date_get_year (date), ==, 2024);
  g_assert_cmpint (g_date_get_month (date), ==, 1);
  g_assert_cmpint (g_date_get_day (date), ==, 1);
  g_assert_cmpint (ent_contract_get_billing (contract), ==, ENT_BILLING_ANNUAL);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (ent_document_get_tariffs (document))), ==, 1);
  period = ent_tariff_schedule_get_last (ent_document_get_tariffs (document));
  date = ent_tariff_period_get_valid_from (period);
  g_assert_cmpint (g_date_get_year (date), ==, 2023);
  g_assert_cmpint (g_date_get_month (date), ==, 9);
  g_assert_cmpint (g_date_get_day (date), ==, 1);
  g_assert_cmpint (ent_tariff_period_get_base_per_pupil (period), ==, 130);
  g_assert_cmpint (ent_tariff_period_get_optional_per_pupil (period), ==, 30);
  g_assert_cmpint (ent_tariff_period_get_half_day (period), ==, 15000);
  g_assert_cmpstr (ent_tariff_period_get_reference (period), ==,
                   "Délibération du comité syndical du 15 juin 2023");

  for (guint line = 0; line < ENT_N_LINES; line++)
    {
      g_assert_cmpstr (ent_document_get_chapter (document, line), ==, "65");
      g_assert_cmpstr (ent_document_get_nature (document, line), ==, "65548");
      g_assert_cmpstr (ent_document_get_function (document, line), ==, "21");
    }

  schools = ent_document_get_schools (document);
  g_assert_cmpuint (g_list_model_get_n_items (schools), ==, 1);
  school = g_list_model_get_item (schools, 0);
  g_assert_cmpstr (ent_school_get_name (school), ==, "Écoles publiques de Hem (11 écoles)");
  g_assert_cmpstr (ent_school_get_commune (school), ==, "Hem");
  g_assert_cmpstr (ent_school_get_commune_insee (school), ==, "59299");
  g_assert_cmpstr (ent_school_get_uai (school), ==, "");
  g_assert_cmpuint (ent_school_get_n_known (school), ==, 1);
  g_assert_true (ent_school_get_known_pupils (school, 2023, &count));
  g_assert_cmpint (count, ==, 1209);

  scenarios = ent_document_get_scenarios (document);
  g_assert_cmpuint (g_list_model_get_n_items (scenarios), ==, 3);
  base = g_list_model_get_item (scenarios, 0);
  optional = g_list_model_get_item (scenarios, 1);
  half_days = g_list_model_get_item (scenarios, 2);
  g_assert_cmpstr (ent_scenario_get_name (base), ==, "Base seule");
  g_assert_false (ent_scenario_get_optional_all (base));
  g_assert_false (ent_scenario_get_optional_in_year (base, 2024));
  g_assert_cmpuint (ent_scenario_get_n_half_days (base), ==, 0);
  g_assert_cmpint (ent_scenario_get_projection (base), ==, ENT_PROJECTION_CONSTANT);
  g_assert_cmpint (ent_scenario_get_projection_rate (base), ==, 0);
  g_assert_cmpint (ent_scenario_get_tariff_increase (base), ==, 0);
  g_assert_cmpstr (ent_scenario_get_name (optional), ==, "Base + accompagnement forfaitaire");
  g_assert_true (ent_scenario_get_optional_all (optional));
  g_assert_cmpuint (ent_scenario_get_n_half_days (optional), ==, 0);
  g_assert_cmpstr (ent_scenario_get_name (half_days), ==,
                   "Base + accompagnement + 2 demi-journées par an");
  g_assert_true (ent_scenario_get_optional_all (half_days));
  g_assert_cmpuint (ent_scenario_get_n_half_days (half_days), ==, 4);
  for (int year = 2024; year <= 2027; year++)
    g_assert_cmpint (ent_scenario_get_half_days (half_days, year), ==, 2);
}

static void
test_round_trip_example (void)
{
  g_autoptr(EntDocument) document = ent_document_new_example ();
  g_autoptr(EntDocument) copy = reload (document);
  g_autoptr(EntDocument) copy2 = NULL;
  g_autofree char *data = ent_document_to_data (document, NULL);
  g_autofree char *data2 = NULL;

  g_assert_true (ent_document_equal (document, copy));
  g_assert_false (ent_document_get_modified (copy));

  /* What is written is stable: save (load (save (d))) == save (d) */
  data2 = ent_document_to_data (copy, NULL);
  g_assert_cmpstr (data, ==, data2);

  /* Amounts are written with a dot and two decimals */
  g_assert_nonnull (strstr (data, "base-per-pupil=1.30\n"));
  g_assert_nonnull (strstr (data, "half-day=150.00\n"));
  g_assert_nonnull (strstr (data, "[Tariff 2023-09-01]\n"));
  g_assert_nonnull (strstr (data, "half-days=2024:2;2025:2;2026:2;2027:2\n"));
  g_assert_nonnull (strstr (data, "pupils=2023:1209\n"));

  copy2 = reload (copy);
  g_assert_true (ent_document_equal (document, copy2));
}

/* SPEC 13: the SIRET saved as [Document] siret=, without the spaces it was
 * written with, and only when set (a document without one reads as before). */
/* SPEC 5, 6: a school's level and the 211/212 split, absent from a document
 * that does not use them, survive a save and a load when set. */
static void
test_round_trip_level_split (void)
{
  g_autoptr(EntDocument) document = ent_document_new_example ();
  g_autoptr(EntDocument) copy = NULL;
  g_autoptr(GString) text = NULL;
  g_autoptr(EntDocument) typed = NULL;
  g_autofree char *before = ent_document_to_data (document, NULL);
  g_autofree char *data = NULL;
  EntSchool *school = ent_test_school_at (document, 0);

  g_assert_null (strstr (before, "level="));
  g_assert_null (strstr (before, "split-functions"));
  g_assert_cmpint (ent_school_get_level (school), ==, ENT_SCHOOL_LEVEL_UNKNOWN);
  g_assert_false (ent_document_get_split_functions (document));

  copy = reload (document);
  ent_school_set_level (school, ENT_SCHOOL_LEVEL_PRIMAIRE);
  g_assert_false (ent_document_equal (document, copy));
  ent_school_set_level (ent_test_school_at (copy, 0), ENT_SCHOOL_LEVEL_PRIMAIRE);
  g_assert_true (ent_document_equal (document, copy));
  ent_document_set_split_functions (document, TRUE);
  g_assert_false (ent_document_equal (document, copy));
  g_clear_object (&copy);

  data = ent_document_to_data (document, NULL);
  g_assert_nonnull (strstr (data, "\nsplit-functions=true\n"));
  g_assert_nonnull (strstr (data, "\nlevel=primaire\n"));
  copy = reload (document);
  g_assert_true (ent_document_get_split_functions (copy));
  g_assert_cmpint (ent_school_get_level (ent_test_school_at (copy, 0)), ==, ENT_SCHOOL_LEVEL_PRIMAIRE);
  g_assert_true (ent_document_equal (document, copy));

  /* typed by hand: any case, and the other two levels */
  text = g_string_new (before);
  g_string_replace (text, "uai=\n", "uai=\nlevel=Maternelle\n", 1);
  g_string_replace (text, "function=21\n", "function=21\nsplit-functions=false\n", 1);
  typed = load_text_or_die (text->str);
  g_assert_cmpint (ent_school_get_level (ent_test_school_at (typed, 0)), ==, ENT_SCHOOL_LEVEL_MATERNELLE);
  g_assert_false (ent_document_get_split_functions (typed));
  g_assert_true (ent_school_level_from_string ("elementaire", NULL));
  g_assert_false (ent_school_level_from_string ("élémentaire", NULL));

  /* undo puts the level back on the school kept */
  ent_document_replace_content (document, typed);
  g_assert_false (ent_document_get_split_functions (document));
  g_assert_cmpint (ent_school_get_level (ent_test_school_at (document, 0)), ==, ENT_SCHOOL_LEVEL_MATERNELLE);
}

static void
test_round_trip_siret (void)
{
  g_autoptr(EntDocument) document = ent_document_new_example ();
  g_autoptr(EntDocument) copy = NULL;
  g_autoptr(EntDocument) spaced = NULL;
  g_autofree char *before = ent_document_to_data (document, NULL);
  g_autofree char *data = NULL;
  g_autoptr(GString) text = NULL;

  g_assert_cmpstr (ent_document_get_siret (document), ==, "");
  g_assert_null (strstr (before, "siret="));

  copy = reload (document);
  ent_document_set_siret (document, "21590299000013");
  g_assert_true (ent_document_get_modified (document));
  g_assert_false (ent_document_equal (document, copy));
  g_clear_object (&copy);

  data = ent_document_to_data (document, NULL);
  g_assert_nonnull (strstr (data, "\nsiret=21590299000013\n"));
  copy = reload (document);
  g_assert_cmpstr (ent_document_get_siret (copy), ==, "21590299000013");
  g_assert_true (ent_document_equal (document, copy));

  text = g_string_new (before);
  g_string_replace (text, "insee=59299\n", "insee=59299\nsiret=215 902 990 00013\n", 1);
  spaced = load_text_or_die (text->str);
  g_assert_cmpstr (ent_document_get_siret (spaced), ==, "21590299000013");
  g_assert_true (ent_document_equal (document, spaced));
}

static void
test_full_document (void)
{
  g_autoptr(EntDocument) document = load_text_or_die (full_text);
  g_autoptr(EntDocument) copy = NULL;
  g_autofree char *data = NULL;
  g_autofree char *data2 = NULL;
  const char * const *warnings;
  EntContract *contract;
  EntTariffSchedule *tariffs;
  GListModel *schools;
  GListModel *scenarios;
  g_autoptr(EntTariffPeriod) second = NULL;
  g_autoptr(EntSchool) school1 = NULL;
  g_autoptr(EntSchool) school2 = NULL;
  g_autoptr(EntSchool) school3 = NULL;
  g_autoptr(EntScenario) scenario2 = NULL;
  g_autoptr(EntScenario) scenario3 = NULL;
  GKeyFile *extras;
  gint64 count = 0;
  int year = 0;

  g_assert_cmpstr (ent_document_get_title (document), ==, "Syndicat — essai complet");
  g_assert_cmpint (ent_document_get_payer_kind (document), ==, ENT_PAYER_EPCI);
  g_assert_cmpstr (ent_document_get_insee (document), ==, "200012345");

  contract = ent_document_get_contract (document);
  g_assert_cmpint (ent_contract_get_school_years (contract), ==, 5);
  g_assert_cmpint (ent_contract_get_billing (contract), ==, ENT_BILLING_PRORATA);
  g_assert_cmpint (g_date_get_month (ent_contract_get_payment_start (contract)), ==, 11);

  tariffs = ent_document_get_tariffs (document);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (tariffs)), ==, 2);
  second = g_list_model_get_item (G_LIST_MODEL (tariffs), 1);
  g_assert_cmpint (g_date_get_year (ent_tariff_period_get_valid_from (second)), ==, 2025);
  g_assert_cmpint (g_date_get_day (ent_tariff_period_get_valid_from (second)), ==, 1);
  g_assert_cmpint (ent_tariff_period_get_base_per_pupil (second), ==, 145);
  g_assert_cmpint (ent_tariff_period_get_optional_per_pupil (second), ==, 35);
  g_assert_cmpint (ent_tariff_period_get_half_day (second), ==, 16050);
  g_assert_cmpstr (ent_tariff_period_get_reference (second), ==, "Révision; avec un point-virgule");

  /* Absent optional-* keys follow the base line; specific-function too */
  g_assert_cmpstr (ent_document_get_function (document, ENT_LINE_BASE), ==, "212");
  g_assert_cmpstr (ent_document_get_chapter (document, ENT_LINE_OPTIONAL), ==, "65");
  g_assert_cmpstr (ent_document_get_function (document, ENT_LINE_OPTIONAL), ==, "212");
  g_assert_cmpstr (ent_document_get_chapter (document, ENT_LINE_SPECIFIC), ==, "011");
  g_assert_cmpstr (ent_document_get_nature (document, ENT_LINE_SPECIFIC), ==, "611");
  g_assert_cmpstr (ent_document_get_function (document, ENT_LINE_SPECIFIC), ==, "212");

  /* Schools come in the order of their numbers, not of the file */
  schools = ent_document_get_schools (document);
  g_assert_cmpuint (g_list_model_get_n_items (schools), ==, 3);
  school1 = g_list_model_get_item (schools, 0);
  school2 = g_list_model_get_item (schools, 1);
  school3 = g_list_model_get_item (schools, 2);
  g_assert_cmpstr (ent_school_get_name (school1), ==, "École A");
  g_assert_cmpstr (ent_school_get_uai (school1), ==, "0590001F");
  g_assert_cmpuint (ent_school_get_n_known (school1), ==, 3);
  ent_school_get_nth_known (school1, 1, &year, &count);
  g_assert_cmpint (year, ==, 2024);
  g_assert_cmpint (count, ==, 1190);
  g_assert_cmpstr (ent_school_get_commune (school2), ==, "Lys");
  g_assert_cmpstr (ent_school_get_commune_insee (school2), ==, "59367");
  g_assert_cmpuint (ent_school_get_n_known (school3), ==, 0);

  scenarios = ent_document_get_scenarios (document);
  g_assert_cmpuint (g_list_model_get_n_items (scenarios), ==, 3);
  scenario2 = g_list_model_get_item (scenarios, 1);
  scenario3 = g_list_model_get_item (scenarios, 2);
  g_assert_false (ent_scenario_get_optional_all (scenario2));
  g_assert_true (ent_scenario_get_optional_in_year (scenario2, 2024));
  g_assert_false (ent_scenario_get_optional_in_year (scenario2, 2025));
  g_assert_true (ent_scenario_get_optional_in_year (scenario2, 2026));
  g_assert_cmpint (ent_scenario_get_half_days (scenario2, 2024), ==, 2);
  g_assert_cmpint (ent_scenario_get_half_days (scenario2, 2026), ==, 1);
  g_assert_cmpint (ent_scenario_get_projection (scenario2), ==, ENT_PROJECTION_RATE);
  g_assert_cmpint (ent_scenario_get_projection_rate (scenario2), ==, -250);
  g_assert_cmpint (ent_scenario_get_tariff_increase (scenario2), ==, 200);
  g_assert_true (ent_scenario_get_optional_all (scenario3));
  g_assert_cmpint (ent_scenario_get_half_days (scenario3, 2028), ==, 3);
  g_assert_cmpint (ent_scenario_get_projection_rate (scenario3), ==, 125);
  g_assert_cmpint (ent_scenario_get_tariff_increase (scenario3), ==, -50);

  /* Unknown keys and groups: kept, one warning each, naming file, line, group, key */
  warnings = ent_document_get_load_warnings (document);
  g_assert_cmpuint (count_warnings (document), ==, 4);
  g_assert_nonnull (strstr (warnings[0], "test.entbudget:8: [Document] colour"));
  g_assert_nonnull (strstr (warnings[1], "test.entbudget:27: [Tariff 2025-1-1] note"));
  g_assert_nonnull (strstr (warnings[2], "test.entbudget:71: [Scenario 2] owner"));
  g_assert_nonnull (strstr (warnings[3], "test.entbudget:81: [Notes]"));
  extras = ent_document_get_extras (document);
  g_assert_true (g_key_file_has_key (extras, "Document", "colour", NULL));
  g_assert_true (g_key_file_has_key (extras, "Tariff 2025-01-01", "note", NULL));
  g_assert_true (g_key_file_has_key (extras, "Notes", "author", NULL));

  /* Round trip */
  data = ent_document_to_data (document, NULL);
  g_assert_nonnull (strstr (data, "[Tariff 2025-01-01]\nbase-per-pupil=1.45\noptional-per-pupil=0.35\nhalf-day=160.50\n"));
  g_assert_nonnull (strstr (data, "optional-per-pupil=0.30\n"));
  g_assert_nonnull (strstr (data, "note=voted twice\n"));
  g_assert_nonnull (strstr (data, "colour=blue\n"));
  g_assert_nonnull (strstr (data, "owner=finances\n"));
  g_assert_nonnull (strstr (data, "[Notes]\nauthor=Service des finances\nreviewed=2024-01-15\n"));
  g_assert_nonnull (strstr (data, "projection-rate=-2.5\n"));
  g_assert_nonnull (strstr (data, "projection-rate=1.25\n"));
  g_assert_nonnull (strstr (data, "tariff-increase=-0.5\n"));
  g_assert_nonnull (strstr (data, "optional-support=2024;2026\n"));
  g_assert_nonnull (strstr (data, "optional-support=true\n"));
  g_assert_nonnull (strstr (data, "optional-support=false\n"));
  g_assert_nonnull (strstr (data, "half-days=2024:2;2026:1\n"));
  g_assert_nonnull (strstr (data, "pupils=2023:1209;2024:1190;2025:1201\n"));
  g_assert_nonnull (strstr (data, "billing=prorata\n"));
  g_assert_nonnull (strstr (data, "payment-start=2023-11-01\n"));
  g_assert_nonnull (strstr (data, "specific-chapter=011\n"));
  g_assert_null (strstr (data, "A comment"));

  copy = reload (document);
  g_assert_true (ent_document_equal (document, copy));
  g_assert_cmpuint (count_warnings (copy), ==, 4);
  data2 = ent_document_to_data (copy, NULL);
  g_assert_cmpstr (data, ==, data2);
}

/* SPEC 3, 6: sources, opening and closing years round-trip; a school with no
 * imported count writes no pupils-source (old files stay byte-identical, as
 * /model/document-io/round-trip/example checks on the bundled example). */
static void
test_round_trip_sources (void)
{
  g_autoptr(EntDocument) document = ent_document_new_example ();
  g_autoptr(EntDocument) copy = NULL;
  g_autoptr(EntSchool) school = ent_school_new ("École nouvelle", "Hem");
  g_autoptr(EntSchool) hem = g_list_model_get_item (ent_document_get_schools (document), 0);
  g_autofree char *data = NULL;
  g_autofree char *data2 = NULL;
  g_autofree char *old_data = ent_document_to_data (document, NULL);

  g_assert_null (strstr (old_data, "pupils-source"));
  g_assert_null (strstr (old_data, "opens="));
  g_assert_null (strstr (old_data, "closes="));

  ent_school_set_uai (school, "0590999Z");
  ent_school_set_known_pupils_from (school, 2024, 120, ENT_COUNT_SOURCE_OPEN_DATA);
  ent_school_set_known_pupils (school, 2025, 130);
  ent_school_set_opens (school, 2024);
  ent_school_set_closes (school, 2027);
  ent_document_add_school (document, school);
  ent_school_set_closes (hem, 2026);

  data = ent_document_to_data (document, NULL);
  g_assert_nonnull (strstr (data, "uai=0590999Z\npupils=2024:120;2025:130\n"
                                  "pupils-source=2024:open-data;2025:manual\nopens=2024\ncloses=2027\n"));
  g_assert_nonnull (strstr (data, "pupils=2023:1209\ncloses=2026\n"));

  copy = reload (document);
  g_assert_true (ent_document_equal (document, copy));
  school = g_list_model_get_item (ent_document_get_schools (copy), 1);
  g_assert_cmpint (ent_school_get_count_source (school, 2024), ==, ENT_COUNT_SOURCE_OPEN_DATA);
  g_assert_cmpint (ent_school_get_count_source (school, 2025), ==, ENT_COUNT_SOURCE_MANUAL);
  g_assert_cmpint (ent_school_get_opens (school), ==, 2024);
  g_assert_cmpint (ent_school_get_closes (school), ==, 2027);
  g_clear_object (&school);
  data2 = ent_document_to_data (copy, NULL);
  g_assert_cmpstr (data, ==, data2);

  /* a different count typed over an imported one becomes manual; the same
   * count typed again leaves the source alone */
  school = g_list_model_get_item (ent_document_get_schools (copy), 1);
  ent_school_set_known_pupils (school, 2024, 120);
  g_assert_cmpint (ent_school_get_count_source (school, 2024), ==, ENT_COUNT_SOURCE_OPEN_DATA);
  ent_school_set_known_pupils (school, 2024, 121);
  g_assert_cmpint (ent_school_get_count_source (school, 2024), ==, ENT_COUNT_SOURCE_MANUAL);
  g_assert_false (ent_school_has_open_data (school));
  g_clear_pointer (&data2, g_free);
  data2 = ent_document_to_data (copy, NULL);
  g_assert_null (strstr (data2, "pupils-source"));
}

/* A document built through the API, not from a file, round-trips too. */
static void
test_round_trip_built (void)
{
  g_autoptr(EntDocument) document = ent_document_new ();
  g_autoptr(EntDocument) copy = NULL;
  g_autoptr(EntTariffPeriod) period = NULL;
  g_autoptr(EntSchool) school = NULL;
  g_autoptr(EntScenario) scenario = NULL;
  g_autoptr(GError) error = NULL;
  GDate date;

  ent_document_set_title (document, " Leading space, \\ backslash, # hash = equals; [brackets] ");
  ent_document_set_payer (document, "Ville de Roubaix");
  ent_document_set_insee (document, "59512");

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, G_DATE_SEPTEMBER, 2023);
  period = ent_tariff_period_new (&date, 130, 30, 15000, "Comité [2023]");
  g_assert_true (ent_tariff_schedule_add (ent_document_get_tariffs (document), period, &error));
  g_assert_no_error (error);

  school = ent_school_new ("École = Jules; Ferry", "Roubaix");
  ent_school_set_known_pupils (school, 2023, 0);
  ent_school_set_known_pupils (school, 2025, ENT_MAX_PUPILS_PER_SCHOOL);
  ent_document_add_school (document, school);

  scenario = ent_scenario_new ("#1 scénario");
  ent_scenario_set_optional_in_year (scenario, 2027, TRUE);
  ent_scenario_set_half_days (scenario, 2025, ENT_MAX_HALF_DAYS_PER_YEAR);
  ent_scenario_set_projection (scenario, ENT_PROJECTION_RATE);
  ent_scenario_set_projection_rate (scenario, ENT_MIN_PROJECTION_RATE_BP);
  ent_scenario_set_tariff_increase (scenario, ENT_MAX_TARIFF_INCREASE_BP);
  ent_document_add_scenario (document, scenario);

  copy = reload (document);
  g_assert_true (ent_document_equal (document, copy));
  g_assert_cmpstr (ent_document_get_title (copy), ==, " Leading space, \\ backslash, # hash = equals; [brackets] ");
}

/* Files */

static void
test_save_and_load_file (void)
{
  g_autofree char *dir = ent_test_make_temp_dir ("test-document-io-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "hem.entbudget", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(EntDocument) document = ent_document_new_example ();
  g_autoptr(EntDocument) copy = NULL;
  g_autoptr(GError) error = NULL;

  ent_document_set_title (document, "Modifié");
  g_assert_true (ent_document_get_modified (document));

  g_assert_true (ent_document_save (document, file, &error));
  g_assert_no_error (error);
  g_assert_false (ent_document_get_modified (document));
  g_assert_true (g_file_equal (ent_document_get_file (document), file));

  copy = ent_document_new_from_file (file, &error);
  g_assert_no_error (error);
  g_assert_true (ent_document_equal (document, copy));
  g_assert_false (ent_document_get_modified (copy));
  g_assert_true (g_file_equal (ent_document_get_file (copy), file));

  ent_test_remove_tree (dir);
}

static void
test_save_keeps_backup (void)
{
  g_autofree char *dir = ent_test_make_temp_dir ("test-document-io-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "doc.entbudget", NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(EntDocument) document = ent_document_new_example ();
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *on_disk = NULL;
  g_autofree char *in_backup = NULL;

  g_assert_true (ent_document_save (document, file, &error));
  g_assert_no_error (error);
  first = ent_document_to_data (document, NULL);

  ent_document_set_title (document, "Seconde version");
  g_assert_true (ent_document_save (document, file, &error));
  g_assert_no_error (error);
  second = ent_document_to_data (document, NULL);

  on_disk = ent_test_read_file (path);
  in_backup = ent_test_read_file (backup);
  g_assert_cmpstr (on_disk, ==, second);
  g_assert_cmpstr (in_backup, ==, first);

  /* Nothing else is left behind (no temporary file) */
  g_assert_cmpuint (count_entries (dir), ==, 2);

  ent_test_remove_tree (dir);
}

static void
test_save_missing_directory (void)
{
  g_autofree char *dir = ent_test_make_temp_dir ("test-document-io-XXXXXX");
  g_autofree char *missing = g_build_filename (dir, "missing", NULL);
  g_autofree char *path = g_build_filename (missing, "doc.entbudget", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(EntDocument) document = ent_document_new_example ();
  g_autoptr(GError) error = NULL;

  ent_document_set_title (document, "Pas enregistré");
  g_assert_false (ent_document_save (document, file, &error));
  g_assert_error (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "doc.entbudget"));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_entries (dir), ==, 0);
  /* A failed save changes nothing in the document */
  g_assert_true (ent_document_get_modified (document));
  g_assert_null (ent_document_get_file (document));

  ent_test_remove_tree (dir);
}

static void
test_save_onto_directory (void)
{
  g_autofree char *dir = ent_test_make_temp_dir ("test-document-io-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "folder.entbudget", NULL);
  g_autofree char *inside = g_build_filename (path, "keep", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(EntDocument) document = ent_document_new_example ();
  g_autoptr(GError) error = NULL;
  g_autofree char *content = NULL;

  g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
  g_assert_true (g_file_set_contents (inside, "precious", -1, NULL));

  g_assert_false (ent_document_save (document, file, &error));
  g_assert_error (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "folder.entbudget"));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_DIR));
  content = ent_test_read_file (inside);
  g_assert_cmpstr (content, ==, "precious");
  g_assert_cmpuint (count_entries (dir), ==, 1);
  g_assert_cmpuint (count_entries (path), ==, 1);

  ent_test_remove_tree (dir);
}

/* Tests run as root, so a read-only directory would not stop the save: use a
 * parent that is a regular file, and a backup that cannot be replaced. */
static void
test_failed_save_keeps_file (void)
{
  g_autofree char *dir = ent_test_make_temp_dir ("test-document-io-XXXXXX");
  g_autofree char *regular = g_build_filename (dir, "regular", NULL);
  g_autofree char *below = g_build_filename (regular, "doc.entbudget", NULL);
  g_autofree char *path = g_build_filename (dir, "doc.entbudget", NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autofree char *in_backup = g_build_filename (backup, "keep", NULL);
  g_autoptr(GFile) below_file = g_file_new_for_path (below);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(EntDocument) document = ent_document_new_example ();
  g_autoptr(GError) error = NULL;
  g_autofree char *original = NULL;
  g_autofree char *content = NULL;

  /* Parent is a regular file */
  g_assert_true (g_file_set_contents (regular, "not a directory", -1, NULL));
  g_assert_false (ent_document_save (document, below_file, &error));
  g_assert_error (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "doc.entbudget"));
  g_clear_error (&error);
  content = ent_test_read_file (regular);
  g_assert_cmpstr (content, ==, "not a directory");
  g_clear_pointer (&content, g_free);

  /* An existing document whose backup cannot be written */
  g_assert_true (ent_document_save (document, file, &error));
  g_assert_no_error (error);
  original = ent_test_read_file (path);
  g_remove (backup);
  g_assert_cmpint (g_mkdir (backup, 0700), ==, 0);
  g_assert_true (g_file_set_contents (in_backup, "x", -1, NULL));

  ent_document_set_title (document, "Ne doit pas arriver sur le disque");
  g_assert_false (ent_document_save (document, file, &error));
  g_assert_error (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "doc.entbudget"));
  g_assert_true (ent_document_get_modified (document));

  content = ent_test_read_file (path);
  g_assert_cmpstr (content, ==, original);
  /* regular, doc.entbudget, doc.entbudget~: no temporary file left */
  g_assert_cmpuint (count_entries (dir), ==, 3);

  ent_test_remove_tree (dir);
}

static void
test_load_file_errors (void)
{
  g_autofree char *dir = ent_test_make_temp_dir ("test-document-io-XXXXXX");
  g_autofree char *missing = g_build_filename (dir, "missing.entbudget", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.entbudget", NULL);
  g_autofree char *huge = g_build_filename (dir, "huge.entbudget", NULL);
  g_autoptr(GFile) missing_file = g_file_new_for_path (missing);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad);
  g_autoptr(GFile) huge_file = g_file_new_for_path (huge);
  g_autoptr(GFile) dir_file = g_file_new_for_path (dir);
  g_autoptr(GError) error = NULL;
  g_autofree char *big = NULL;
  gsize big_len = 16 * 1024 * 1024 + 1;
  gsize header_len;
  EntDocument *document;

  document = ent_document_new_from_file (missing_file, &error);
  g_assert_null (document);
  g_assert_error (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "missing.entbudget"));
  g_clear_error (&error);

  document = ent_document_new_from_file (dir_file, &error);
  g_assert_null (document);
  g_assert_error (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_IO);
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (bad, "[Document]\nformat-version=7\n", -1, NULL));
  document = ent_document_new_from_file (bad_file, &error);
  g_assert_null (document);
  g_assert_error (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_VERSION);
  g_assert_nonnull (strstr (error->message, "bad.entbudget:2: [Document] format-version"));
  g_clear_error (&error);

  /* Over 16 MiB: refused, from a file and from bytes. A valid document padded
   * with a comment, so only the size is wrong. */
  big = g_malloc (big_len + 1);
  header_len = strlen (base_text);
  memcpy (big, base_text, header_len);
  big[header_len] = '#';
  memset (big + header_len + 1, 'x', big_len - header_len - 1);
  big[big_len] = '\0';
  g_assert_true (g_file_set_contents (huge, big, big_len, NULL));
  document = ent_document_new_from_file (huge_file, &error);
  g_assert_null (document);
  g_assert_error (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_OUT_OF_RANGE);
  g_assert_nonnull (strstr (error->message, "huge.entbudget"));
  g_assert_nonnull (strstr (error->message, "16 MiB"));
  g_clear_error (&error);

  document = load_text (big, big_len, "huge.entbudget", &error);
  g_assert_null (document);
  g_assert_error (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);

  /* Just under the limit, the same text loads */
  document = load_text (big, big_len - 1, "huge.entbudget", &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  g_object_unref (document);

  ent_test_remove_tree (dir);
}

/* Bad inputs */

typedef struct
{
  const char    *name;
  const char    *find;         /* in base_text; NULL: @replace is the whole text */
  const char    *replace;
  gsize          replace_len;  /* 0: strlen (replace) */
  EntModelError  code;
  int            line;         /* 0: the message names no line */
  const char    *group;        /* NULL: no group in the message's prefix */
  const char    *key;          /* NULL: no key */
  const char    *expect[3];    /* substrings of the message, after the prefix */
  gboolean       crlf;         /* every line ends with CR LF (after the mutation) */
  gsize          fill_len;     /* @fill repeated @fill_len times, then @suffix, */
  char           fill;         /* follow @replace: enormous lines */
  const char    *suffix;
} BadInput;

#define PARSE     ENT_MODEL_ERROR_PARSE
#define MISSING   ENT_MODEL_ERROR_MISSING
#define INVALID   ENT_MODEL_ERROR_INVALID_VALUE
#define RANGE     ENT_MODEL_ERROR_OUT_OF_RANGE
#define DUPLICATE ENT_MODEL_ERROR_DUPLICATE
#define VERSION   ENT_MODEL_ERROR_VERSION
#define MIB       ((gsize) 1024 * 1024)
/* Inserted after the last line of base_text: the new lines are 39, 40… */
#define AT_END    "tariff-increase=0\n"

/* Each row's code, line, group and key are derived by hand from base_text
 * (the line numbers in its comments), never copied from the program. */
static const BadInput bad_inputs[] = {
  /* Not a document at all */
  { "empty", NULL, "", 0, PARSE, 0, NULL, NULL, { "empty" } },
  { "blank", NULL, " \n\n\t\n", 0, PARSE, 0, NULL, NULL, { "empty" } },
  { "bom-only", NULL, "\xEF\xBB\xBF", 0, PARSE, 0, NULL, NULL, { "empty" } },
  { "bom-then-blank", NULL, "\xEF\xBB\xBF\n  \n", 0, PARSE, 0, NULL, NULL, { "empty" } },
  { "comments-only", NULL, "# nothing\n", 0, MISSING, 0, NULL, NULL, { "[Document]" } },
  { "nul-byte", "title=Test", "title=Te\0st", 11, PARSE, 3, NULL, NULL, { "binary" } },
  { "not-utf8", "title=Test", "title=T\xe9st", 0, PARSE, 3, NULL, NULL, { "UTF-8" } },
  { "utf8-overlong", "title=Test", "title=T\xc0\xafst", 0, PARSE, 3, NULL, NULL, { "UTF-8" } },
  { "utf8-surrogate", "title=Test", "title=T\xed\xa0\x80st", 0, PARSE, 3, NULL, NULL, { "UTF-8" } },
  { "utf8-beyond-10ffff", "name=École A", "name=\xf4\x90\x80\x80", 0, PARSE, 26, NULL, NULL, { "UTF-8" } },
  { "utf8-latin1-name", "name=École A", "name=\xc9" "cole A", 0, PARSE, 26, NULL, NULL, { "UTF-8" } },
  { "utf8-truncated-at-end", AT_END, AT_END "\xe2\x82", 0, PARSE, 39, NULL, NULL, { "UTF-8" } },
  { "utf16-bom", NULL, "\xff\xfe[Document]\n", 0, PARSE, 1, NULL, NULL, { "UTF-8" } },
  { "not-a-key-file", NULL, "hello world\nthis is not a key file\n", 0, PARSE, 1, NULL, NULL, { "not a Budget ENT document" } },
  { "key-before-group", "[Document]\n", "title=Avant\n[Document]\n", 0, PARSE, 1, NULL, NULL, { "not a Budget ENT document" } },
  { "garbage-line", "billing=annual", "billing annual", 0, PARSE, 12, NULL, NULL, { "not a Budget ENT document" } },
  { "empty-key", "payer-kind=commune", "=commune", 0, PARSE, 5, NULL, NULL, { "not a Budget ENT document" } },
  { "unclosed-group", "[Contract]", "[Contract", 0, PARSE, 8, NULL, NULL, { "not a Budget ENT document" } },
  { "text-after-group", "[Tariff 2023-09-01]", "[Tariff 2023-09-01] voted", 0, PARSE, 14, NULL, NULL, { "not a Budget ENT document" } },
  { "group-name-control", "[School 1]", "[School\x01 1]", 0, PARSE, 25, NULL, NULL, { "not a Budget ENT document" } },
  { "group-name-tab", "[School 1]", "[School\t1]", 0, PARSE, 25, NULL, NULL, { "not a Budget ENT document" } },
  { "localized-key-unclosed", "name=Base", "name[fr=Base", 0, PARSE, 33, NULL, NULL, { "not a Budget ENT document" } },
  { "localized-key-trailing", "name=Base", "name[fr]x=Base", 0, PARSE, 33, NULL, NULL, { "not a Budget ENT document" } },
  { "key-with-bracket", "name=Base", "na]me=Base", 0, PARSE, 33, NULL, NULL, { "not a Budget ENT document" } },
  { "bom-twice", "[Document]", "\xEF\xBB\xBF\xEF\xBB\xBF[Document]", 0, PARSE, 1, NULL, NULL, { "not a Budget ENT document" } },
  { "bom-mid-file", "[Contract]", "\xEF\xBB\xBF[Contract]", 0, PARSE, 8, NULL, NULL, { "not a Budget ENT document" } },
  { "cr-only-line-ends", NULL, "[Document]\rformat-version=1\r[Contract]\r", 0, PARSE, 1, NULL, NULL, { "not a Budget ENT document" } },
  { "crlf-garbage-line", "billing=annual", "billing annual", 0, PARSE, 12, NULL, NULL, { "not a Budget ENT document" }, .crlf = TRUE },

  /* Repeated groups and keys: GKeyFile would merge or keep the last silently */
  { "document-twice", AT_END, AT_END "[Document]\nformat-version=1\n", 0, DUPLICATE, 39, "Document", NULL, { "line 1" } },
  { "contract-twice", AT_END, AT_END "[Contract]\n", 0, DUPLICATE, 39, "Contract", NULL, { "line 8" } },
  { "imputation-twice", AT_END, AT_END "[Imputation]\nchapter=011\n", 0, DUPLICATE, 39, "Imputation", NULL, { "line 20" } },
  { "scenario-same-header", AT_END, AT_END "[Scenario 1]\nname=Autre\n", 0, DUPLICATE, 39, "Scenario 1", NULL, { "line 32" } },
  { "unknown-group-twice", AT_END, AT_END "[Notes]\n[Notes]\n", 0, DUPLICATE, 40, "Notes", NULL, { "line 39" } },
  { "title-twice", "title=Test\n", "title=Test\ntitle=Autre\n", 0, DUPLICATE, 4, "Document", "title", { "line 3" } },
  { "title-twice-spaced", "title=Test\n", "title=Test\ntitle = Autre\n", 0, DUPLICATE, 4, "Document", "title", { "line 3" } },
  { "amount-twice", "base-per-pupil=1.30\n", "base-per-pupil=1.30\nbase-per-pupil=1.40\n", 0, DUPLICATE, 16, "Tariff 2023-09-01", "base-per-pupil", { "line 15" } },
  { "pupils-twice", "pupils=2023:1209\n", "pupils=2023:1209\npupils=2024:1\n", 0, DUPLICATE, 31, "School 1", "pupils", { "line 30" } },
  { "unknown-key-twice", "payer-kind=commune\n", "payer-kind=commune\ncolour=blue\ncolour=red\n", 0, DUPLICATE, 7, "Document", "colour", { "line 6" } },
  { "localized-key-twice", "name=Base\n", "name=Base\nname[fr]=A\nname[fr]=B\n", 0, DUPLICATE, 35, "Scenario 1", "name[fr]", { "line 34" } },
  { "key-twice-in-unknown-group", AT_END, AT_END "[Notes]\na=1\na=2\n", 0, DUPLICATE, 41, "Notes", "a", { "line 40" } },

  /* [Document] */
  { "no-document-group", "[Document]", "[Documents]", 0, MISSING, 0, NULL, NULL, { "[Document]" } },
  { "no-format-version", "format-version=1", "format=1", 0, MISSING, 1, "Document", "format-version", { "required" } },
  { "newer-format", "format-version=1", "format-version=2", 0, VERSION, 2, "Document", "format-version", { "update" } },
  { "format-huge", "format-version=1", "format-version=99999999999999999999", 0, VERSION, 2, "Document", "format-version", { "99999999999999999999", "update" } },
  { "format-not-a-number", "format-version=1", "format-version=one", 0, INVALID, 2, "Document", "format-version", { "“one”" } },
  { "format-decimal", "format-version=1", "format-version=1.0", 0, INVALID, 2, "Document", "format-version", { "“1.0”" } },
  { "format-zero", "format-version=1", "format-version=0", 0, RANGE, 2, "Document", "format-version", { "0 is not a version number" } },
  { "payer-kind", "payer-kind=commune", "payer-kind=town", 0, INVALID, 5, "Document", "payer-kind", { "“town”" } },
  { "school-level", "uai=0590001F\n", "uai=0590001F\nlevel=college\n", 0, INVALID, 30, "School 1", "level", { "“college”", "maternelle" } },
  { "split-functions", "function=21\n", "function=21\nsplit-functions=oui\n", 0, INVALID, 24, "Imputation", "split-functions", { "“oui”" } },
  { "payer-kind-upper-case", "payer-kind=commune", "payer-kind=EPCI", 0, INVALID, 5, "Document", "payer-kind", { "“EPCI”" } },
  { "insee-four-digits", "insee=59299\n\n[Contract]", "insee=5929\n\n[Contract]", 0, INVALID, 6, "Document", "insee", { "INSEE" } },
  { "insee-corsica-2c", "insee=59299\n\n[Contract]", "insee=2C004\n\n[Contract]", 0, INVALID, 6, "Document", "insee", { "INSEE" } },
  { "insee-corsica-lower-case", "insee=59299\n\n[Contract]", "insee=2a004\n\n[Contract]", 0, INVALID, 6, "Document", "insee", { "INSEE" } },
  { "insee-ten-digits", "insee=59299\n\n[Contract]", "insee=2000123456\n\n[Contract]", 0, INVALID, 6, "Document", "insee", { "SIREN" } },
  { "siret-wrong-key", "insee=59299\n\n[Contract]", "insee=59299\nsiret=21590299000014\n\n[Contract]", 0, INVALID, 7, "Document", "siret", { "check digit" } },
  { "siret-thirteen-digits", "insee=59299\n\n[Contract]", "insee=59299\nsiret=2159029900001\n\n[Contract]", 0, INVALID, 7, "Document", "siret", { "fourteen digits" } },
  { "siret-letters", "insee=59299\n\n[Contract]", "insee=59299\nsiret=2159029900001O\n\n[Contract]", 0, INVALID, 7, "Document", "siret", { "fourteen digits" } },

  /* Names and labels: C0 and C1 controls, noncharacters (SPEC 10.5) */
  { "title-tab", "title=Test", "title=Te\tst", 0, INVALID, 3, "Document", "title", { "single line" } },
  { "title-cr", "title=Test", "title=Te\rst", 0, INVALID, 3, "Document", "title", { "single line" } },
  { "title-escaped-newline", "title=Test", "title=Te\\nst", 0, INVALID, 3, "Document", "title", { "single line" } },
  { "title-escaped-tab", "title=Test", "title=Te\\tst", 0, INVALID, 3, "Document", "title", { "single line" } },
  { "title-escaped-cr", "title=Test", "title=Te\\rst", 0, INVALID, 3, "Document", "title", { "single line" } },
  /* Found by fuzz-document: two bad escapes in one value made GLib 2.74 set
   * its GError twice (a critical, a SIGTRAP in the fuzzer) */
  { "title-bad-escape", "title=Test", "title=Te\\ast", 0, INVALID, 3, "Document", "title", { "“\\a”" } },
  { "title-two-bad-escapes", "title=Test", "title=\\T\\\\ \\a\\", 0, INVALID, 3, "Document", "title", { "“\\T”" } },
  { "title-backslash-at-end", "title=Test", "title=Test\\", 0, INVALID, 3, "Document", "title", { "escape" } },
  { "payer-bad-escape-utf8", "payer=Ville de Test", "payer=Ville \\é", 0, INVALID, 4, "Document", "payer", { "“\\é”" } },
  { "title-noncharacter-fffe", "title=Test", "title=Te\xef\xbf\xbest", 0, INVALID, 3, "Document", "title", { "U+FFFE" } },
  { "title-noncharacter-ffff", "title=Test", "title=Te\xef\xbf\xbfst", 0, INVALID, 3, "Document", "title", { "U+FFFF" } },
  { "payer-c0-soh", "payer=Ville de Test", "payer=Ville\x01" "de Test", 0, INVALID, 4, "Document", "payer", { "U+0001" } },
  { "payer-c0-escape", "payer=Ville de Test", "payer=Ville \x1b[31mde Test", 0, INVALID, 4, "Document", "payer", { "U+001B" } },
  { "payer-del", "payer=Ville de Test", "payer=Ville\x7f" "de Test", 0, INVALID, 4, "Document", "payer", { "U+007F" } },
  { "payer-noncharacter-fdd0", "payer=Ville de Test", "payer=Ville\xef\xb7\x90", 0, INVALID, 4, "Document", "payer", { "U+FDD0" } },
  { "payer-noncharacter-fdef", "payer=Ville de Test", "payer=Ville\xef\xb7\xaf", 0, INVALID, 4, "Document", "payer", { "U+FDEF" } },
  { "reference-escaped-newline", "reference=Comité du 15 juin 2023", "reference=Comité\\ndu 15 juin 2023", 0, INVALID, 18, "Tariff 2023-09-01", "reference", { "single line" } },
  { "reference-c1-apc", "reference=Comité du 15 juin 2023", "reference=Comité\xc2\x9f", 0, INVALID, 18, "Tariff 2023-09-01", "reference", { "U+009F" } },
  { "school-name-c1-nel", "name=École A", "name=École\xc2\x85" "A", 0, INVALID, 26, "School 1", "name", { "U+0085" } },
  { "school-name-c1-csi", "name=École A", "name=École\xc2\x9b" "31mA", 0, INVALID, 26, "School 1", "name", { "U+009B" } },
  { "school-name-noncharacter-1fffe", "name=École A", "name=École\xf0\x9f\xbf\xbe", 0, INVALID, 26, "School 1", "name", { "U+1FFFE" } },
  { "commune-c1-pad", "commune=Hem", "commune=H\xc2\x80" "em", 0, INVALID, 27, "School 1", "commune", { "U+0080" } },
  { "commune-noncharacter-10ffff", "commune=Hem", "commune=Hem\xf4\x8f\xbf\xbf", 0, INVALID, 27, "School 1", "commune", { "U+10FFFF" } },
  { "school-insee-control", "insee=59299\nuai", "insee=59\x01" "299\nuai", 0, INVALID, 28, "School 1", "insee", { "U+0001" } },
  { "scenario-name-tab", "name=Base", "name=Ba\tse", 0, INVALID, 33, "Scenario 1", "name", { "single line" } },
  { "scenario-name-noncharacter-efffe", "name=Base", "name=Base\xf3\xaf\xbf\xbe", 0, INVALID, 33, "Scenario 1", "name", { "U+EFFFE" } },
  { "crlf-title-control", "title=Test", "title=Te\x02st", 0, INVALID, 3, "Document", "title", { "U+0002" }, .crlf = TRUE },

  /* [Contract] */
  { "no-contract-group", "[Contract]", "[Contrat]", 0, MISSING, 0, NULL, NULL, { "[Contract]" } },
  { "first-year-text", "first-school-year=2023", "first-school-year=abc", 0, INVALID, 9, "Contract", "first-school-year", { "“abc”" } },
  { "first-year-low", "first-school-year=2023", "first-school-year=1999", 0, RANGE, 9, "Contract", "first-school-year", { "1999", "2000", "2100" } },
  { "first-year-high", "first-school-year=2023", "first-school-year=2101", 0, RANGE, 9, "Contract", "first-school-year", { "2101" } },
  { "first-year-huge", "first-school-year=2023", "first-school-year=99999999999999999999", 0, RANGE, 9, "Contract", "first-school-year", { "far too large" } },
  { "school-years-zero", "school-years=4", "school-years=0", 0, RANGE, 10, "Contract", "school-years", { "not 0" } },
  { "school-years-eleven", "school-years=4", "school-years=11", 0, RANGE, 10, "Contract", "school-years", { "1 to 10", "not 11" } },
  { "school-years-negative", "school-years=4", "school-years=-1", 0, RANGE, 10, "Contract", "school-years", { "not -1" } },
  { "school-years-huge-negative", "school-years=4", "school-years=-99999999999999999999", 0, RANGE, 10, "Contract", "school-years", { "far too large" } },
  { "school-years-decimal", "school-years=4", "school-years=4.5", 0, INVALID, 10, "Contract", "school-years", { "“4.5”" } },
  { "school-years-missing", "school-years=4\n", "", 0, MISSING, 8, "Contract", "school-years", { "required" } },
  { "crlf-school-years", "school-years=4", "school-years=11", 0, RANGE, 10, "Contract", "school-years", { "not 11" }, .crlf = TRUE },
  { "date-month-13", "payment-start=2024-01-01", "payment-start=2024-13-01", 0, INVALID, 11, "Contract", "payment-start", { "“2024-13-01”" } },
  { "date-month-0", "payment-start=2024-01-01", "payment-start=2024-00-10", 0, INVALID, 11, "Contract", "payment-start", { "“2024-00-10”" } },
  { "date-february-30", "payment-start=2024-01-01", "payment-start=2023-02-30", 0, INVALID, 11, "Contract", "payment-start", { "“2023-02-30”" } },
  { "date-february-29-common-year", "payment-start=2024-01-01", "payment-start=2023-02-29", 0, INVALID, 11, "Contract", "payment-start", { "“2023-02-29”" } },
  { "date-february-29-2100", "payment-start=2024-01-01", "payment-start=2100-02-29", 0, INVALID, 11, "Contract", "payment-start", { "“2100-02-29”" } },
  { "date-four-parts", "payment-start=2024-01-01", "payment-start=2024-01-01-01", 0, INVALID, 11, "Contract", "payment-start", { "“2024-01-01-01”" } },
  { "date-empty", "payment-start=2024-01-01", "payment-start=", 0, INVALID, 11, "Contract", "payment-start", { "“”" } },
  { "date-hello", "payment-start=2024-01-01", "payment-start=hello", 0, INVALID, 11, "Contract", "payment-start", { "“hello”" } },
  { "date-french", "payment-start=2024-01-01", "payment-start=01/01/2024", 0, INVALID, 11, "Contract", "payment-start", { "“01/01/2024”" } },
  { "date-before-2000", "payment-start=2024-01-01", "payment-start=1999-12-31", 0, RANGE, 11, "Contract", "payment-start", { "31 December 1999", "1 January 2000", "31 August 2110" } },
  { "date-after-2110", "payment-start=2024-01-01", "payment-start=2110-09-01", 0, RANGE, 11, "Contract", "payment-start", { "1 September 2110" } },
  { "date-year-9999", "payment-start=2024-01-01", "payment-start=9999-12-31", 0, RANGE, 11, "Contract", "payment-start", { "9999" } },
  { "billing", "billing=annual", "billing=monthly", 0, INVALID, 12, "Contract", "billing", { "“monthly”" } },

  /* [Tariff DATE] */
  { "tariff-bad-date", "[Tariff 2023-09-01]", "[Tariff 2023-09-31]", 0, INVALID, 14, "Tariff 2023-09-31", NULL, { "“2023-09-31”" } },
  { "tariff-february-29-common-year", "[Tariff 2023-09-01]", "[Tariff 2023-02-29]", 0, INVALID, 14, "Tariff 2023-02-29", NULL, { "“2023-02-29”" } },
  { "tariff-year-0", "[Tariff 2023-09-01]", "[Tariff 0000-01-01]", 0, INVALID, 14, "Tariff 0000-01-01", NULL, { "“0000-01-01”" } },
  { "tariff-no-date", "[Tariff 2023-09-01]", "[Tariff ]", 0, INVALID, 14, "Tariff ", NULL, { "“”" } },
  { "tariff-not-a-date", "[Tariff 2023-09-01]", "[Tariff soon]", 0, INVALID, 14, "Tariff soon", NULL, { "“soon”" } },
  { "tariff-before-2000", "[Tariff 2023-09-01]", "[Tariff 1999-12-31]", 0, RANGE, 14, "Tariff 1999-12-31", NULL, { "31 December 1999", "1 January 2000" } },
  { "tariff-after-2110", "[Tariff 2023-09-01]", "[Tariff 2110-09-01]", 0, RANGE, 14, "Tariff 2110-09-01", NULL, { "1 September 2110", "31 August 2110" } },
  { "tariff-same-date", "[Imputation]", "[Tariff 2023-9-1]\nbase-per-pupil=1.40\n\n[Imputation]", 0, DUPLICATE, 20, "Tariff 2023-9-1", NULL, { "2023-09-01", "line 14" } },
  { "tariff-same-header", "[Imputation]", "[Tariff 2023-09-01]\nhalf-day=100\n\n[Imputation]", 0, DUPLICATE, 20, "Tariff 2023-09-01", NULL, { "line 14" } },
  { "no-tariff", "[Tariff 2023-09-01]", "[Tarif 2023-09-01]", 0, MISSING, 0, NULL, NULL, { "[Tariff 2023-09-01]" } },
  { "amount-text", "base-per-pupil=1.30", "base-per-pupil=abc", 0, INVALID, 15, "Tariff 2023-09-01", "base-per-pupil", { "“abc”" } },
  { "amount-negative", "base-per-pupil=1.30", "base-per-pupil=-1.30", 0, RANGE, 15, "Tariff 2023-09-01", "base-per-pupil", { "negative" } },
  { "amount-3-decimals", "optional-per-pupil=0.30", "optional-per-pupil=0.305", 0, INVALID, 16, "Tariff 2023-09-01", "optional-per-pupil", { "“0.305”" } },
  { "amount-two-commas", "half-day=150.00", "half-day=1,5,0", 0, INVALID, 17, "Tariff 2023-09-01", "half-day", { "“1,5,0”" } },
  { "amount-missing", "base-per-pupil=1.30\n", "", 0, MISSING, 14, "Tariff 2023-09-01", "base-per-pupil", { "required" } },
  { "amount-above-limit", "base-per-pupil=1.30", "base-per-pupil=1000000.01", 0, RANGE, 15, "Tariff 2023-09-01", "base-per-pupil", { "€1,000,000.00" } },
  { "amount-overflow", "base-per-pupil=1.30", "base-per-pupil=900000000000000.00", 0, RANGE, 15, "Tariff 2023-09-01", "base-per-pupil", { "€1,000,000.00" } },
  { "amount-beyond-64-bits", "half-day=150.00", "half-day=99999999999999999999.99", 0, RANGE, 17, "Tariff 2023-09-01", "half-day", { "far too large" } },

  /* [Imputation] */
  { "chapter-letters", "chapter=65", "chapter=6a5", 0, INVALID, 21, "Imputation", "chapter", { "chapter" } },
  { "chapter-space", "chapter=65", "chapter=6 5", 0, INVALID, 21, "Imputation", "chapter", { "chapter" } },
  { "chapter-eleven-digits", "chapter=65", "chapter=12345678901", 0, INVALID, 21, "Imputation", "chapter", { "1 to 10 digits" } },
  { "nature-empty", "nature=65548", "nature=", 0, INVALID, 22, "Imputation", "nature", { "nature" } },
  { "function-letters", "function=21", "function=2l", 0, INVALID, 23, "Imputation", "function", { "function" } },
  { "specific-nature-dash", "function=21\n", "function=21\nspecific-nature=6-11\n", 0, INVALID, 24, "Imputation", "specific-nature", { "nature" } },

  /* [School N] */
  { "pupils-too-many", "pupils=2023:1209", "pupils=2023:100001", 0, RANGE, 30, "School 1", "pupils", { "100000", "“2023:100001”" } },
  { "pupils-huge", "pupils=2023:1209", "pupils=2023:99999999999999999999", 0, RANGE, 30, "School 1", "pupils", { "“99999999999999999999” is far too large" } },
  { "pupils-negative", "pupils=2023:1209", "pupils=2023:-5", 0, RANGE, 30, "School 1", "pupils", { "negative", "“2023:-5”" } },
  { "pupils-text", "pupils=2023:1209", "pupils=2023:many", 0, INVALID, 30, "School 1", "pupils", { "“many”" } },
  { "pupils-decimal", "pupils=2023:1209", "pupils=2023:12.5", 0, INVALID, 30, "School 1", "pupils", { "“12.5”" } },
  { "pupils-no-year", "pupils=2023:1209", "pupils=1209", 0, INVALID, 30, "School 1", "pupils", { "YEAR:COUNT" } },
  { "pupils-source-word", "pupils=2023:1209\n", "pupils=2023:1209\npupils-source=2023:ministere\n", 0, INVALID, 31, "School 1", "pupils-source", { "“2023:ministere”", "open-data" } },
  { "pupils-source-no-count", "pupils=2023:1209\n", "pupils=2023:1209\npupils-source=2024:open-data\n", 0, INVALID, 31, "School 1", "pupils-source", { "2024", "no count" } },
  { "pupils-source-no-year", "pupils=2023:1209\n", "pupils=2023:1209\npupils-source=open-data\n", 0, INVALID, 31, "School 1", "pupils-source", { "YEAR:SOURCE" } },
  { "pupils-source-twice", "pupils=2023:1209\n", "pupils=2023:1209\npupils-source=2023:manual;2023:open-data\n", 0, DUPLICATE, 31, "School 1", "pupils-source", { "2023" } },
  { "opens-text", "pupils=2023:1209\n", "pupils=2023:1209\nopens=bientôt\n", 0, INVALID, 31, "School 1", "opens", { "“bientôt”" } },
  { "opens-1999", "pupils=2023:1209\n", "pupils=2023:1209\nopens=1999\n", 0, RANGE, 31, "School 1", "opens", { "1999" } },
  { "closes-before-opens", "pupils=2023:1209\n", "pupils=2023:1209\nopens=2025\ncloses=2025\n", 0, RANGE, 32, "School 1", "closes", { "2025" } },
  { "pupils-same-year", "pupils=2023:1209", "pupils=2023:10;2023:12", 0, DUPLICATE, 30, "School 1", "pupils", { "2023" } },
  { "pupils-year-absurd", "pupils=2023:1209", "pupils=20230:1209", 0, RANGE, 30, "School 1", "pupils", { "20230", "2109" } },
  { "pupils-year-1999", "pupils=2023:1209", "pupils=1999:1209", 0, RANGE, 30, "School 1", "pupils", { "1999" } },
  { "pupils-year-huge", "pupils=2023:1209", "pupils=99999999999999999999:1", 0, RANGE, 30, "School 1", "pupils", { "“99999999999999999999” is far too large" } },
  { "uai", "uai=0590001F", "uai=12345", 0, INVALID, 29, "School 1", "uai", { "“12345”" } },
  { "school-number", "[School 1]", "[School one]", 0, INVALID, 25, "School one", NULL, { "“one”" } },
  { "school-number-zero", "[School 1]", "[School 0]", 0, INVALID, 25, "School 0", NULL, { "“0”" } },
  { "school-number-negative", "[School 1]", "[School -1]", 0, INVALID, 25, "School -1", NULL, { "“-1”" } },
  { "school-number-beyond-int", "[School 1]", "[School 2147483648]", 0, INVALID, 25, "School 2147483648", NULL, { "“2147483648”" } },
  { "school-same-number", "[Scenario 1]", "[School 01]\nname=Doublon\n\n[Scenario 1]", 0, DUPLICATE, 32, "School 01", NULL, { "[School 1]", "line 25" } },
  { "school-same-header", "[Scenario 1]", "[School 1]\nname=Doublon\n\n[Scenario 1]", 0, DUPLICATE, 32, "School 1", NULL, { "line 25" } },

  /* [Scenario N] */
  { "no-scenario", "[Scenario 1]", "[Scenarios]", 0, MISSING, 0, NULL, NULL, { "[Scenario 1]" } },
  { "scenario-number", "[Scenario 1]", "[Scenario 0]", 0, INVALID, 32, "Scenario 0", NULL, { "“0”" } },
  { "scenario-same-number", AT_END, AT_END "[Scenario 01]\nname=Autre\n", 0, DUPLICATE, 39, "Scenario 01", NULL, { "[Scenario 1]", "line 32" } },
  { "optional-word", "optional-support=2024;2025", "optional-support=maybe", 0, INVALID, 34, "Scenario 1", "optional-support", { "“maybe”" } },
  { "optional-year-1999", "optional-support=2024;2025", "optional-support=1999;2024", 0, RANGE, 34, "Scenario 1", "optional-support", { "1999", "2000", "2110" } },
  { "optional-year-2111", "optional-support=2024;2025", "optional-support=2111", 0, RANGE, 34, "Scenario 1", "optional-support", { "2111" } },
  { "optional-year-huge", "optional-support=2024;2025", "optional-support=99999999999999999999", 0, RANGE, 34, "Scenario 1", "optional-support", { "“99999999999999999999” is far too large" } },
  { "optional-same-year", "optional-support=2024;2025", "optional-support=2024;2024", 0, DUPLICATE, 34, "Scenario 1", "optional-support", { "2024" } },
  { "half-days-too-many", "half-days=2024:2", "half-days=2024:1001", 0, RANGE, 35, "Scenario 1", "half-days", { "1000", "“2024:1001”" } },
  { "half-days-huge", "half-days=2024:2", "half-days=2024:99999999999999999999", 0, RANGE, 35, "Scenario 1", "half-days", { "“99999999999999999999” is far too large" } },
  { "half-days-year-2111", "half-days=2024:2", "half-days=2111:1", 0, RANGE, 35, "Scenario 1", "half-days", { "2111" } },
  { "half-days-negative", "half-days=2024:2", "half-days=2024:-1", 0, RANGE, 35, "Scenario 1", "half-days", { "negative" } },
  { "half-days-same-year", "half-days=2024:2", "half-days=2024:2;2024:3", 0, DUPLICATE, 35, "Scenario 1", "half-days", { "2024" } },
  { "half-days-no-count", "half-days=2024:2", "half-days=2024:", 0, INVALID, 35, "Scenario 1", "half-days", { "“2024:”" } },
  { "half-days-no-year", "half-days=2024:2", "half-days=:2", 0, INVALID, 35, "Scenario 1", "half-days", { "“:2”" } },
  { "projection", "projection=rate", "projection=linear", 0, INVALID, 36, "Scenario 1", "projection", { "“linear”" } },
  { "projection-rate-low", "projection-rate=-2.5", "projection-rate=-50.01", 0, RANGE, 37, "Scenario 1", "projection-rate", { "-50.01" } },
  { "projection-rate-huge", "projection-rate=-2.5", "projection-rate=99999999999999999999", 0, RANGE, 37, "Scenario 1", "projection-rate", { "99999999999999999999 %" } },
  { "projection-rate-text", "projection-rate=-2.5", "projection-rate=minus two", 0, INVALID, 37, "Scenario 1", "projection-rate", { "“minus two”" } },
  { "tariff-increase-high", "tariff-increase=0", "tariff-increase=50,5", 0, RANGE, 38, "Scenario 1", "tariff-increase", { "50,5" } },
  { "tariff-increase-huge-negative", "tariff-increase=0", "tariff-increase=-99999999999999999999.5", 0, RANGE, 38, "Scenario 1", "tariff-increase", { "-50 %" } },
  { "tariff-increase-3-decimals", "tariff-increase=0", "tariff-increase=2.555", 0, INVALID, 38, "Scenario 1", "tariff-increase", { "“2.555”" } },

  /* Enormous lines: refused with a short message, never cut silently */
  { "enormous-number", "school-years=4", "school-years=4", 0, RANGE, 10, "Contract", "school-years", { "far too large", "…" },
    .fill_len = MIB, .fill = '0', .suffix = "" },
  { "enormous-garbage-line", "billing=annual\n", "billing=annual\n", 0, PARSE, 13, NULL, NULL, { "not a Budget ENT document", "…" },
    .fill_len = MIB, .fill = 'x', .suffix = "\n" },
  { "enormous-school-number", "[School 1]", "[School 1", 0, INVALID, 25, NULL, NULL, { "is not a number from 1 to 2147483647", "…" },
    .fill_len = MIB, .fill = '7', .suffix = "]" },
  { "enormous-name-with-control", "name=École A", "name=", 0, INVALID, 26, "School 1", "name", { "U+0007" },
    .fill_len = MIB, .fill = 'a', .suffix = "\a" },
};

static char *
make_bad_text (const BadInput *row,
               gsize          *out_len)
{
  g_autofree char *replace = NULL;
  gsize replace_len = row->replace_len != 0 ? row->replace_len : strlen (row->replace);
  g_autofree char *text = NULL;
  gsize length = 0;

  if (row->fill_len > 0)
    {
      GString *grown = g_string_new_len (row->replace, replace_len);

      for (gsize i = 0; i < row->fill_len; i++)
        g_string_append_c (grown, row->fill);
      g_string_append (grown, row->suffix);
      replace_len = grown->len;
      replace = g_string_free (grown, FALSE);
    }
  else
    replace = g_memdup2 (row->replace, replace_len + 1);

  text = mutate (row->find, replace, replace_len, &length);
  if (row->crlf)
    {
      GString *crlf = g_string_sized_new (length * 2);

      for (gsize i = 0; i < length; i++)
        {
          if (text[i] == '\n')
            g_string_append_c (crlf, '\r');
          g_string_append_c (crlf, text[i]);
        }
      *out_len = crlf->len;
      return g_string_free (crlf, FALSE);
    }

  *out_len = length;
  return g_steal_pointer (&text);
}

/* The message starts with exactly "FILE:LINE: [GROUP] KEY: ", "FILE:LINE:
 * [GROUP]: ", "FILE:LINE: " or "FILE: ", as the row says. */
static char *
expected_prefix (const BadInput *row)
{
  if (row->line == 0)
    return g_strdup_printf ("%s: ", BAD_NAME);
  if (row->group == NULL)
    return g_strdup_printf ("%s:%d: ", BAD_NAME, row->line);
  if (row->key == NULL)
    return g_strdup_printf ("%s:%d: [%s]: ", BAD_NAME, row->line, row->group);
  return g_strdup_printf ("%s:%d: [%s] %s: ", BAD_NAME, row->line, row->group, row->key);
}

static void
test_bad_input (gconstpointer data)
{
  const BadInput *row = data;
  g_autofree char *text = NULL;
  g_autofree char *prefix = expected_prefix (row);
  g_autoptr(GError) error = NULL;
  g_autoptr(EntDocument) document = NULL;
  gsize length = 0;

  text = make_bad_text (row, &length);
  document = load_text (text, length, BAD_NAME, &error);

  g_test_message ("%s: %s", row->name, error != NULL ? error->message : "(no error)");
  g_assert_null (document);
  g_assert_error (error, ENT_MODEL_ERROR, (int) row->code);
  if (!g_str_has_prefix (error->message, prefix))
    g_error ("%s: “%s” does not start with “%s”", row->name, error->message, prefix);
  /* the prefix names the line: no other line number may follow it at once */
  for (guint i = 0; i < G_N_ELEMENTS (row->expect) && row->expect[i] != NULL; i++)
    {
      if (strstr (error->message + strlen (prefix), row->expect[i]) == NULL)
        g_error ("%s: “%s” is not in “%s”", row->name, row->expect[i], error->message);
    }
  /* however long the line, the message stays short (no value quoted whole) */
  g_assert_cmpuint (strlen (error->message), <, 600);
}

/* The base text itself is valid, so each row fails for its own mutation only. */
static void
test_bad_input_base (void)
{
  g_autoptr(EntDocument) document = load_text_or_die (base_text);
  g_autoptr(EntDocument) copy = reload (document);

  g_assert_cmpuint (G_N_ELEMENTS (bad_inputs), >, 100);
  g_assert_true (ent_document_equal (document, copy));
}

/* Found by fuzz-document: unknown keys of tariff groups written out of date
 * order came back in another order after a save, and the documents compared
 * unequal although they held the same things. */
static void
test_unknown_keys_order (void)
{
  static const char text[] =
    "[Document]\nformat-version=1\n"
    "[Contract]\nfirst-school-year=2023\nschool-years=4\npayment-start=2024-01-01\n"
    "[Tariff 2023-09-01]\nbase-per-pupil=1\nx=1\n"
    "[Tariff 2020-01-01]\nbase-per-pupil=1\ny=2\n"
    "[Scenario 1]\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, sizeof text - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(EntDocument) first = ent_document_new_from_bytes (bytes, "order.entbudget", &error);
  g_autoptr(EntDocument) second = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;

  g_assert_no_error (error);
  data = ent_document_to_data (first, &length);
  saved = g_bytes_new (data, length);
  second = ent_document_new_from_bytes (saved, "order.entbudget", &error);
  g_assert_no_error (error);
  g_assert_true (ent_document_equal (first, second));

  /* and a different unknown value is still a difference */
  g_key_file_set_string (ent_document_get_extras (second), "Tariff 2020-01-01", "y", "3");
  g_assert_false (ent_document_equal (first, second));
}

static EntFileChange
check_change (EntDocument  *document,
              GDateTime   **out_modified)
{
  g_autoptr(GError) error = NULL;
  EntFileChange change = -1;

  g_assert_true (ent_document_check_file_change (document, &change, out_modified, &error));
  g_assert_no_error (error);
  return change;
}

/* Another program's write: another content (the same size, to show that the
 * size is not all the stamp looks at), renamed into place like most editors
 * do, its time set @seconds after the file's own time. */
static void
write_from_outside (const char *path,
                    const char *text,
                    int         seconds)
{
  struct stat before;
  struct timespec times[2];

  g_assert_cmpint (g_stat (path, &before), ==, 0);
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  times[0] = before.st_atim;
  times[1] = before.st_mtim;
  times[1].tv_sec += seconds;
  g_assert_cmpint (utimensat (AT_FDCWD, path, times, 0), ==, 0);
}

/* SPEC 10.3, the model's part: the document remembers what its file was on
 * disk when loaded or last saved, and tells when it changed since. */
static void
test_file_changed_on_disk (void)
{
  g_autofree char *dir = ent_test_make_temp_dir ("test-document-io-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "stamp.entbudget", NULL);
  g_autofree char *other_path = g_build_filename (dir, "other.entbudget", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) other = g_file_new_for_path (other_path);
  g_autoptr(EntDocument) document = NULL;
  g_autoptr(EntDocument) never_saved = ent_document_new ();
  g_autoptr(GDateTime) modified = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *outside = g_strdup (base_text);
  g_autofree char *loaded_stamp = NULL;
  struct stat st;

  /* Nothing to compare with: no file. */
  g_assert_null (ent_document_get_file_stamp (never_saved));
  g_assert_cmpint (check_change (never_saved, NULL), ==, ENT_FILE_CHANGE_NONE);

  /* Unchanged after a load. */
  g_assert_true (g_file_set_contents (path, base_text, -1, NULL));
  document = ent_document_new_from_file (file, &error);
  g_assert_no_error (error);
  g_assert_nonnull (ent_document_get_file_stamp (document));
  loaded_stamp = g_strdup (ent_document_get_file_stamp (document));
  g_assert_cmpint (check_change (document, &modified), ==, ENT_FILE_CHANGE_NONE);
  g_assert_null (modified);

  /* Changed after an outside write, which is when it says. */
  *strstr (outside, "title=Test") = 'T';   /* "Title=Test": same size */
  write_from_outside (path, outside, 10);
  g_assert_cmpint (check_change (document, &modified), ==, ENT_FILE_CHANGE_MODIFIED);
  g_assert_nonnull (modified);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (g_date_time_to_unix (modified), ==, st.st_mtime);
  g_clear_pointer (&modified, g_date_time_unref);
  /* asking does not forget: still changed */
  g_assert_cmpint (check_change (document, NULL), ==, ENT_FILE_CHANGE_MODIFIED);
  g_assert_cmpstr (ent_document_get_file_stamp (document), ==, loaded_stamp);

  /* Unchanged after our own save (which keeps the outside version as FILE~). */
  ent_document_set_payer (document, "Ville de Lys");
  g_assert_true (ent_document_save (document, file, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ent_document_get_file_stamp (document), !=, loaded_stamp);
  g_assert_cmpint (check_change (document, NULL), ==, ENT_FILE_CHANGE_NONE);
  {
    g_autofree char *backup_path = g_strconcat (path, "~", NULL);
    g_autofree char *backup = ent_test_read_file (backup_path);

    g_assert_cmpstr (backup, ==, outside);
  }

  /* The same size and the very same time, a new file: still seen (a write
   * within one clock tick of the file system gets the same time). */
  {
    g_autofree char *saved = ent_test_read_file (path);
    struct stat ours;
    struct timespec times[2];

    g_assert_cmpint (g_stat (path, &ours), ==, 0);
    saved[0] = '#';   /* "#Document]": a comment, the same size */
    g_assert_true (g_file_set_contents (path, saved, -1, NULL));
    times[0] = ours.st_atim;
    times[1] = ours.st_mtim;
    g_assert_cmpint (utimensat (AT_FDCWD, path, times, 0), ==, 0);
    g_assert_cmpint (check_change (document, NULL), ==, ENT_FILE_CHANGE_MODIFIED);
  }

  /* Deleted: changed too, with no time. */
  g_assert_true (ent_document_save (document, file, &error));
  g_assert_no_error (error);
  g_assert_cmpint (check_change (document, NULL), ==, ENT_FILE_CHANGE_NONE);
  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (check_change (document, &modified), ==, ENT_FILE_CHANGE_DELETED);
  g_assert_null (modified);

  /* Saved elsewhere: the stamp is that of the new file. */
  g_assert_true (ent_document_save (document, other, &error));
  g_assert_no_error (error);
  g_assert_cmpint (check_change (document, NULL), ==, ENT_FILE_CHANGE_NONE);
  write_from_outside (other_path, "[Document]\n", 1);
  g_assert_cmpint (check_change (document, NULL), ==, ENT_FILE_CHANGE_MODIFIED);

  /* Another file set by hand: nothing known about it. */
  ent_document_set_file (document, file);
  g_assert_null (ent_document_get_file_stamp (document));
  g_assert_cmpint (check_change (document, NULL), ==, ENT_FILE_CHANGE_NONE);

  ent_test_remove_tree (dir);
}

/* Item: "name[fr]=" said it was kept, then vanished: GKeyFile dropped the
 * localized keys of other languages than the user's while parsing, before
 * they could be kept, so what loaded depended on the locale. */
static void
test_localized_keys (void)
{
  g_autofree char *text = NULL;
  g_autoptr(EntDocument) document = NULL;
  g_autoptr(EntDocument) copy = NULL;
  g_autofree char *data = NULL;
  g_autofree char *data2 = NULL;
  const char * const *warnings;
  gsize length = 0;

  /* title[en] on line 4, name[fr] and name[de_DE@euro] on lines 35 and 36 */
  {
    g_autofree char *step = mutate ("title=Test\n", "title=Test\ntitle[en]=Test EN\n", 0, &length);
    const char *at = strstr (step, "name=Base\n");
    GString *grown;

    g_assert_nonnull (at);
    grown = g_string_new_len (step, at - step);
    g_string_append (grown, "name=Base\nname[fr]=Base seule\nname[de_DE@euro]=Nur Basis\n");
    g_string_append (grown, at + strlen ("name=Base\n"));
    text = g_string_free (grown, FALSE);
  }

  document = load_text_or_die (text);
  warnings = ent_document_get_load_warnings (document);
  g_assert_cmpuint (count_warnings (document), ==, 3);
  g_assert_true (g_str_has_prefix (warnings[0], "test.entbudget:4: [Document] title[en]: "));
  g_assert_true (g_str_has_prefix (warnings[1], "test.entbudget:35: [Scenario 1] name[fr]: "));
  g_assert_true (g_str_has_prefix (warnings[2], "test.entbudget:36: [Scenario 1] name[de_DE@euro]: "));
  /* the name itself is the untranslated one */
  {
    g_autoptr(EntScenario) scenario =
      g_list_model_get_item (ent_document_get_scenarios (document), 0);

    g_assert_cmpstr (ent_scenario_get_name (scenario), ==, "Base");
  }

  data = ent_document_to_data (document, NULL);
  g_assert_nonnull (strstr (data, "\ntitle[en]=Test EN\n"));
  g_assert_nonnull (strstr (data, "\nname[fr]=Base seule\n"));
  g_assert_nonnull (strstr (data, "\nname[de_DE@euro]=Nur Basis\n"));

  copy = reload (document);
  g_assert_true (ent_document_equal (document, copy));
  data2 = ent_document_to_data (copy, NULL);
  g_assert_cmpstr (data, ==, data2);
}

/* Inputs at the edge of the rules, which load. */
static void
test_accepted_edges (void)
{
  static const struct {
    const char *name;
    const char *find;
    const char *replace;
  } edges[] = {
    { "siren", "insee=59299\n\n[Contract]", "insee=200093201\n\n[Contract]" },
    { "corsica", "insee=59299\n\n[Contract]", "insee=2A004\n\n[Contract]" },
    { "no-insee", "insee=59299\n\n[Contract]", "insee=\n\n[Contract]" },
    { "empty-function", "function=21", "function=" },
    { "leap-day-payment-start", "payment-start=2024-01-01", "payment-start=2024-02-29" },
    { "leap-day-tariff", "[Tariff 2023-09-01]", "[Tariff 2020-02-29]" },
    { "first-tariff-date", "[Tariff 2023-09-01]", "[Tariff 2000-01-01]" },
    { "largest-amount", "base-per-pupil=1.30", "base-per-pupil=1000000.00" },
    { "largest-pupil-count", "pupils=2023:1209", "pupils=2023:100000;2109:0" },
    { "optional-years-outside-contract", "optional-support=2024;2025", "optional-support=2000;2023;2028;2110" },
    { "half-days-outside-contract", "half-days=2024:2", "half-days=2028:3;2110:1000" },
    { "unicode-names", "name=École A", "name=\xe2\x80\x8b\xef\xbb\xbf\xf0\x9f\x8f\xab \xd8\xa7 \xe2\x80\xae" "A" },
    { "escaped-backslash", "title=Test", "title=C:\\\\ENT\\s" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (edges); i++)
    {
      g_autofree char *text = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(EntDocument) document = NULL;
      g_autoptr(EntDocument) copy = NULL;
      gsize length = 0;

      text = mutate (edges[i].find, edges[i].replace, 0, &length);
      document = load_text (text, length, "edge.entbudget", &error);
      if (document == NULL)
        g_error ("%s: %s", edges[i].name, error->message);
      copy = reload (document);
      g_assert_true (ent_document_equal (document, copy));
    }
}

/* A byte-order mark, CR LF line ends and an enormous name load, the name
 * whole (no fixed-size buffer cuts it). */
static void
test_bom_crlf_enormous (void)
{
  GString *text = g_string_new ("\xEF\xBB\xBF");
  g_autoptr(GError) error = NULL;
  g_autoptr(EntDocument) document = NULL;
  g_autoptr(EntDocument) copy = NULL;
  g_autofree char *title = NULL;
  g_autofree char *full = NULL;
  g_autofree char *long_text = NULL;
  gsize long_length = 0;

  for (const char *p = base_text; *p != '\0'; p++)
    {
      if (*p == '\n')
        g_string_append_c (text, '\r');
      g_string_append_c (text, *p);
    }
  document = load_text (text->str, text->len, "crlf.entbudget", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ent_document_get_title (document), ==, "Test");
  g_clear_object (&document);
  g_string_free (text, TRUE);

  /* CR LF lines, the last LF lost: the final CR ends the last line, whether
   * its key is known (a number) or unknown (kept); saved, the document loads
   * back and saves to the same bytes */
  {
    static const char * const last_lines[] = { "tariff-increase=1.5", "later-key=3.5" };
    /* the CRs ending the last line: one (a CR LF file cut), several (a file
     * converted twice); the other lines end with them too */
    static const char * const line_ends[] = { "\r", "\r\r\r" };

    for (guint k = 0; k < G_N_ELEMENTS (line_ends) * G_N_ELEMENTS (last_lines); k++)
      {
        guint i = k % G_N_ELEMENTS (last_lines);
        const char *line_end = line_ends[k / G_N_ELEMENTS (last_lines)];
        GString *cut = g_string_new (NULL);
        g_autofree char *saved = NULL;
        g_autofree char *saved_again = NULL;
        g_autoptr(EntDocument) reloaded = NULL;
        gsize saved_length, saved_again_length;
        g_autofree char *value = NULL;

        g_autofree char *last_line = g_strconcat ("tariff-increase=0", line_end, "\n", NULL);

        for (const char *p = base_text; *p != '\0'; p++)
          {
            if (*p == '\n')
              g_string_append (cut, line_end);
            g_string_append_c (cut, *p);
          }
        /* "tariff-increase=0\r\n" at the end becomes the last line, CRs and no "\n" */
        g_assert_true (g_str_has_suffix (cut->str, last_line));
        g_string_truncate (cut, cut->len - strlen (last_line));
        if (i == 1)
          g_string_append (cut, last_line);
        g_string_append (cut, last_lines[i]);
        g_string_append (cut, line_end);

        document = load_text (cut->str, cut->len, "cut.entbudget", &error);
        g_assert_no_error (error);
        g_string_free (cut, TRUE);
        saved = ent_document_to_data (document, &saved_length);
        value = g_strconcat (last_lines[i], "\n", NULL);
        g_assert_nonnull (g_strstr_len (saved, saved_length, value));
        g_assert_null (memchr (saved, '\r', saved_length));
        reloaded = reload (document);
        saved_again = ent_document_to_data (reloaded, &saved_again_length);
        g_assert_cmpmem (saved, saved_length, saved_again, saved_again_length);
        g_clear_object (&document);
      }
  }

  /* one line of 1 MiB: "é" repeated */
  {
    GString *name = g_string_new (NULL);

    while (name->len < 1024 * 1024)
      g_string_append (name, "é");
    title = g_string_free (name, FALSE);
    full = g_strconcat ("title=", title, NULL);
    long_text = mutate ("title=Test", full, 0, &long_length);
  }
  document = load_text (long_text, long_length, "long.entbudget", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ent_document_get_title (document), ==, title);
  copy = reload (document);
  g_assert_cmpstr (ent_document_get_title (copy), ==, title);
}

/* base_text with each of @pairs (find, replace, …, NULL) replaced in turn. */
static char *
mutate_all (const char * const *pairs,
            gsize              *out_len)
{
  GString *text = g_string_new (base_text);

  for (guint i = 0; pairs[i] != NULL; i += 2)
    {
      const char *at = strstr (text->str, pairs[i]);

      g_assert_nonnull (at);
      g_string_erase (text, at - text->str, strlen (pairs[i]));
      g_string_insert (text, at - text->str, pairs[i + 1]);
    }
  *out_len = text->len;
  return g_string_free (text, FALSE);
}

/* SPEC 10.4: loading never runs the engine. A budget that cannot be computed
 * is the window's and the command line's to report, the document opens. */
static void
test_loads_without_engine (void)
{
  static const struct {
    const char    *name;
    const char    *pairs[9];
    EntModelError  code;
    const char    *reason;
  } cases[] = {
    /* the review's finding: the only tariff period moved to 1 June 2024 */
    { "no-tariff-on-1-january-2024", { "[Tariff 2023-09-01]", "[Tariff 2024-06-01]" },
      ENT_MODEL_ERROR_NO_TARIFF, "No tariff is in force on 1 January 2024" },
    /* 1 000 000 € raised by 50 % a year from 2000: past 2039 the rate no
     * longer fits in 64 bits (1e8 × 1.5^39 × 1.5 > 2^63 / 1e4) */
    { "overflow", { "[Tariff 2023-09-01]\nbase-per-pupil=1.30", "[Tariff 2000-01-01]\nbase-per-pupil=1000000.00",
                    "first-school-year=2023", "first-school-year=2060",
                    "payment-start=2024-01-01", "payment-start=2061-01-01",
                    "tariff-increase=0", "tariff-increase=50" },
      ENT_MODEL_ERROR_OVERFLOW, NULL },
    /* the first school year raised in the window after the payment start */
    { "payment-start-before-contract", { "first-school-year=2023", "first-school-year=2025" },
      ENT_MODEL_ERROR_OUT_OF_RANGE, "The payment start, 1 January 2024, is outside the contract" },
    /* the contract shortened after it */
    { "payment-start-after-contract", { "payment-start=2024-01-01", "payment-start=2026-01-01",
                                        "school-years=4", "school-years=2" },
      ENT_MODEL_ERROR_OUT_OF_RANGE, "1 January 2026, is outside the contract, which runs from "
                                    "1 September 2023 to 31 August 2025" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(EntDocument) document = NULL;
      g_autoptr(EntDocument) copy = NULL;
      g_autoptr(EntBudget) budget = NULL;
      gsize length = 0;

      text = mutate_all (cases[i].pairs, &length);
      document = load_text (text, length, "open.entbudget", &error);
      if (document == NULL)
        g_error ("%s: %s", cases[i].name, error->message);

      budget = ent_budget_compute (document, &error);
      if (budget != NULL)
        g_error ("%s: the budget was computed", cases[i].name);
      g_assert_error (error, ENT_MODEL_ERROR, (int) cases[i].code);
      if (cases[i].reason != NULL && strstr (error->message, cases[i].reason) == NULL)
        g_error ("%s: “%s” is not in “%s”", cases[i].name, cases[i].reason, error->message);

      /* and what it saves opens again */
      copy = reload (document);
      g_assert_true (ent_document_equal (document, copy));
    }
}

/* Whatever ent_document_to_bytes () gives loads; what would not load, it refuses. */
static void
test_to_bytes (void)
{
  g_autoptr(EntDocument) document = ent_document_new_example ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(EntDocument) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EntScenario) scenario = NULL;
  g_autofree char *huge = NULL;

  bytes = ent_document_to_bytes (document, &error);
  g_assert_no_error (error);
  copy = ent_document_new_from_bytes (bytes, "bytes.entbudget", &error);
  g_assert_no_error (error);
  g_assert_true (ent_document_equal (document, copy));
  g_clear_pointer (&bytes, g_bytes_unref);

  /* A name the loader refuses, set through the API (a CSV import could) */
  scenario = g_list_model_get_item (ent_document_get_scenarios (document), 1);
  ent_scenario_set_name (scenario, "Base\x1b[2J");
  bytes = ent_document_to_bytes (document, &error);
  g_assert_null (bytes);
  g_assert_error (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_INVALID_VALUE);
  g_assert_true (g_str_has_prefix (error->message, "[Scenario 2] name: "));
  g_assert_nonnull (strstr (error->message, "U+001B"));
  g_clear_error (&error);

  /* ... and the save writes those checked bytes: refused, nothing written */
  {
    g_autofree char *dir = ent_test_make_temp_dir ("test-document-io-XXXXXX");
    g_autofree char *path = g_build_filename (dir, "refused.entbudget", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);

    g_assert_false (ent_document_save (document, file, &error));
    g_assert_error (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_INVALID_VALUE);
    g_assert_nonnull (strstr (error->message, "refused.entbudget"));
    g_assert_nonnull (strstr (error->message, "[Scenario 2] name: "));
    g_clear_error (&error);
    g_assert_cmpuint (count_entries (dir), ==, 0);
    ent_test_remove_tree (dir);
  }
  ent_scenario_set_name (scenario, "Base");

  /* Larger than the loader takes */
  huge = g_strnfill (ENT_DOCUMENT_MAX_SIZE, 'x');
  ent_document_set_title (document, huge);
  bytes = ent_document_to_bytes (document, &error);
  g_assert_null (bytes);
  g_assert_error (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_OUT_OF_RANGE);
  g_assert_nonnull (strstr (error->message, "16 MiB"));
  g_clear_error (&error);

}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/document-io/example", test_example);
  g_test_add_func ("/model/document-io/round-trip/example", test_round_trip_example);
  g_test_add_func ("/model/document-io/round-trip/siret", test_round_trip_siret);
  g_test_add_func ("/model/document-io/round-trip/level-split", test_round_trip_level_split);
  g_test_add_func ("/model/document-io/round-trip/every-field", test_full_document);
  g_test_add_func ("/model/document-io/round-trip/built", test_round_trip_built);
  g_test_add_func ("/model/document-io/round-trip/sources", test_round_trip_sources);
  g_test_add_func ("/model/document-io/file/save-and-load", test_save_and_load_file);
  g_test_add_func ("/model/document-io/file/backup", test_save_keeps_backup);
  g_test_add_func ("/model/document-io/file/missing-directory", test_save_missing_directory);
  g_test_add_func ("/model/document-io/file/onto-directory", test_save_onto_directory);
  g_test_add_func ("/model/document-io/file/failed-save-keeps-file", test_failed_save_keeps_file);
  g_test_add_func ("/model/document-io/file/load-errors", test_load_file_errors);
  g_test_add_func ("/model/document-io/bad/base-is-valid", test_bad_input_base);
  for (guint i = 0; i < G_N_ELEMENTS (bad_inputs); i++)
    {
      g_autofree char *path = g_strdup_printf ("/model/document-io/bad/%s", bad_inputs[i].name);

      g_test_add_data_func (path, &bad_inputs[i], test_bad_input);
    }

  g_test_add_func ("/model/document-io/unknown-keys-order", test_unknown_keys_order);
  g_test_add_func ("/model/document-io/file/changed-on-disk", test_file_changed_on_disk);
  g_test_add_func ("/model/document-io/localized-keys", test_localized_keys);
  g_test_add_func ("/model/document-io/accepted-edges", test_accepted_edges);
  g_test_add_func ("/model/document-io/bom-crlf-enormous", test_bom_crlf_enormous);
  g_test_add_func ("/model/document-io/loads-without-engine", test_loads_without_engine);
  g_test_add_func ("/model/document-io/to-bytes", test_to_bytes);

  return g_test_run ();
}
