/* test-objects.c: the model's GObjects: defaults, setters, notifications,
 * "changed" propagation, sorting and comparison
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "ent-document.h"
#include "ent-document-private.h"

/* Counts emissions of one signal on one object. */
typedef struct
{
  guint count;
} Counter;

static void
count_cb (Counter *counter)
{
  counter->count++;
}

static gulong
watch (gpointer    object,
       const char *signal,
       Counter    *counter)
{
  return g_signal_connect_swapped (object, signal, G_CALLBACK (count_cb), counter);
}

static GDate *
make_date (int      year,
           GDateMonth month,
           int      day)
{
  return g_date_new_dmy (day, month, year);
}

static EntTariffPeriod *
make_period (int    year,
             GDateMonth month,
             int    day,
             gint64 base)
{
  g_autoptr(GDate) date = make_date (year, month, day);

  return ent_tariff_period_new (date, base, 30, 15000, "");
}

/* A small document: one period, two schools in two communes, two scenarios. */
static EntDocument *
make_document (void)
{
  EntDocument *document = ent_document_new ();
  g_autoptr(EntTariffPeriod) period = make_period (2023, G_DATE_SEPTEMBER, 1, 130);
  g_autoptr(EntSchool) school1 = ent_school_new ("École A", "Hem");
  g_autoptr(EntSchool) school2 = ent_school_new ("École B", "Roubaix");
  g_autoptr(EntScenario) scenario1 = ent_scenario_new ("Base seule");
  g_autoptr(EntScenario) scenario2 = ent_scenario_new ("Tout");

  ent_document_set_title (document, "Titre");
  ent_document_set_payer (document, "Ville de Hem");
  ent_document_set_insee (document, "59299");
  g_assert_true (ent_tariff_schedule_add (ent_document_get_tariffs (document), period, NULL));
  ent_school_set_known_pupils (school1, 2023, 600);
  ent_school_set_known_pupils (school2, 2023, 609);
  ent_school_set_uai (school2, "0590123A");
  ent_document_add_school (document, school1);
  ent_document_add_school (document, school2);
  ent_scenario_set_optional_all (scenario2, TRUE);
  ent_scenario_set_half_days (scenario2, 2024, 2);
  ent_document_add_scenario (document, scenario1);
  ent_document_add_scenario (document, scenario2);
  ent_document_set_modified (document, FALSE);

  return document;
}

static gpointer
nth_item (GListModel *model,
          guint       position)
{
  GObject *item = g_list_model_get_item (model, position);

  /* the model keeps its own reference: the tests never outlive it */
  g_object_unref (item);
  return item;
}

static void
test_error_quark (void)
{
  g_assert_cmpstr (g_quark_to_string (ENT_MODEL_ERROR), ==, "ent-model-error-quark");
}

/* ---- tariff period ---------------------------------------------------- */

static void
test_period_defaults (void)
{
  g_autoptr(GDate) date = make_date (2023, G_DATE_SEPTEMBER, 1);
  g_autoptr(EntTariffPeriod) period = ent_tariff_period_new (date, 130, 30, 15000, NULL);
  g_autoptr(EntTariffPeriod) bare = g_object_new (ENT_TYPE_TARIFF_PERIOD, NULL);
  g_autoptr(GDate) from_property = NULL;

  g_assert_cmpint (g_date_compare (ent_tariff_period_get_valid_from (period), date), ==, 0);
  g_assert_cmpint (ent_tariff_period_get_base_per_pupil (period), ==, 130);
  g_assert_cmpint (ent_tariff_period_get_optional_per_pupil (period), ==, 30);
  g_assert_cmpint (ent_tariff_period_get_half_day (period), ==, 15000);
  g_assert_cmpstr (ent_tariff_period_get_reference (period), ==, "");

  g_object_get (period, "valid-from", &from_property, NULL);
  g_assert_nonnull (from_property);
  g_assert_cmpint (g_date_get_year (from_property), ==, 2023);
  g_assert_cmpint (g_date_get_month (from_property), ==, G_DATE_SEPTEMBER);
  g_assert_cmpint (g_date_get_day (from_property), ==, 1);

  g_assert_false (g_date_valid (ent_tariff_period_get_valid_from (bare)));
  g_assert_cmpint (ent_tariff_period_get_base_per_pupil (bare), ==, 0);
  g_assert_cmpstr (ent_tariff_period_get_reference (bare), ==, "");
}

static void
test_period_setters (void)
{
  g_autoptr(EntTariffPeriod) period = make_period (2023, G_DATE_SEPTEMBER, 1, 130);
  g_autoptr(GDate) same = make_date (2023, G_DATE_SEPTEMBER, 1);
  g_autoptr(GDate) other = make_date (2024, G_DATE_JANUARY, 1);
  Counter changed = { 0 };
  Counter valid_from = { 0 }, base = { 0 }, optional = { 0 }, half_day = { 0 }, reference = { 0 };

  watch (period, "changed", &changed);
  watch (period, "notify::valid-from", &valid_from);
  watch (period, "notify::base-per-pupil", &base);
  watch (period, "notify::optional-per-pupil", &optional);
  watch (period, "notify::half-day", &half_day);
  watch (period, "notify::reference", &reference);

  /* setting the same values notifies nothing */
  ent_tariff_period_set_valid_from (period, same);
  ent_tariff_period_set_base_per_pupil (period, 130);
  ent_tariff_period_set_optional_per_pupil (period, 30);
  ent_tariff_period_set_half_day (period, 15000);
  ent_tariff_period_set_reference (period, "");
  ent_tariff_period_set_reference (period, NULL);
  g_assert_cmpuint (changed.count, ==, 0);
  g_assert_cmpuint (valid_from.count + base.count + optional.count +
                    half_day.count + reference.count, ==, 0);

  ent_tariff_period_set_valid_from (period, other);
  g_assert_cmpuint (valid_from.count, ==, 1);
  g_assert_cmpuint (changed.count, ==, 1);
  g_assert_cmpint (g_date_get_year (ent_tariff_period_get_valid_from (period)), ==, 2024);

  ent_tariff_period_set_base_per_pupil (period, 133);
  g_assert_cmpuint (base.count, ==, 1);
  g_assert_cmpint (ent_tariff_period_get_base_per_pupil (period), ==, 133);

  ent_tariff_period_set_optional_per_pupil (period, 31);
  g_assert_cmpuint (optional.count, ==, 1);
  g_assert_cmpint (ent_tariff_period_get_optional_per_pupil (period), ==, 31);

  ent_tariff_period_set_half_day (period, 16000);
  g_assert_cmpuint (half_day.count, ==, 1);
  g_assert_cmpint (ent_tariff_period_get_half_day (period), ==, 16000);

  ent_tariff_period_set_reference (period, "Délibération");
  ent_tariff_period_set_reference (period, "Délibération");
  g_assert_cmpuint (reference.count, ==, 1);
  g_assert_cmpstr (ent_tariff_period_get_reference (period), ==, "Délibération");

  g_object_set (period, "base-per-pupil", (gint64)140, NULL);
  g_assert_cmpuint (base.count, ==, 2);

  g_assert_cmpuint (changed.count, ==, 6);
}

/* ---- tariff schedule -------------------------------------------------- */

static void
assert_schedule_order (EntTariffSchedule *schedule,
                       const int         *years,
                       guint              n_years)
{
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (schedule)), ==, n_years);

  for (guint i = 0; i < n_years; i++)
    {
      EntTariffPeriod *period = nth_item (G_LIST_MODEL (schedule), i);

      g_assert_cmpint (g_date_get_year (ent_tariff_period_get_valid_from (period)), ==, years[i]);
    }
}

typedef struct
{
  guint position;
  guint removed;
  guint added;
  guint count;
} ItemsChanged;

static void
items_changed_cb (GListModel   *model,
                  guint         position,
                  guint         removed,
                  guint         added,
                  ItemsChanged *record)
{
  record->position = position;
  record->removed = removed;
  record->added = added;
  record->count++;
}

static void
test_schedule_sorting (void)
{
  g_autoptr(EntTariffSchedule) schedule = ent_tariff_schedule_new ();
  g_autoptr(EntTariffPeriod) p2025 = make_period (2025, G_DATE_JANUARY, 1, 140);
  g_autoptr(EntTariffPeriod) p2023 = make_period (2023, G_DATE_SEPTEMBER, 1, 130);
  g_autoptr(EntTariffPeriod) p2024 = make_period (2024, G_DATE_SEPTEMBER, 1, 135);
  ItemsChanged record = { 0 };
  Counter changed = { 0 };

  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (schedule)) == ENT_TYPE_TARIFF_PERIOD);
  g_assert_null (ent_tariff_schedule_get_last (schedule));
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (schedule), 0));

  g_signal_connect (schedule, "items-changed", G_CALLBACK (items_changed_cb), &record);
  watch (schedule, "changed", &changed);

  g_assert_true (ent_tariff_schedule_add (schedule, p2025, NULL));
  g_assert_cmpuint (record.position, ==, 0);
  g_assert_true (ent_tariff_schedule_add (schedule, p2023, NULL));
  g_assert_cmpuint (record.position, ==, 0);
  g_assert_cmpuint (record.added, ==, 1);
  g_assert_true (ent_tariff_schedule_add (schedule, p2024, NULL));
  g_assert_cmpuint (record.position, ==, 1);
  g_assert_cmpuint (record.count, ==, 3);
  g_assert_cmpuint (changed.count, ==, 3);

  assert_schedule_order (schedule, (const int[]) { 2023, 2024, 2025 }, 3);
  g_assert_true (ent_tariff_schedule_get_last (schedule) == p2025);

  ent_tariff_schedule_remove (schedule, p2024);
  g_assert_cmpuint (record.position, ==, 1);
  g_assert_cmpuint (record.removed, ==, 1);
  g_assert_cmpuint (record.added, ==, 0);
  g_assert_cmpuint (changed.count, ==, 4);
  assert_schedule_order (schedule, (const int[]) { 2023, 2025 }, 2);

  /* a removed period no longer reaches the schedule */
  ent_tariff_period_set_base_per_pupil (p2024, 1);
  g_assert_cmpuint (changed.count, ==, 4);
}

static void
test_schedule_lookup (void)
{
  g_autoptr(EntTariffSchedule) schedule = ent_tariff_schedule_new ();
  g_autoptr(EntTariffPeriod) p2023 = make_period (2023, G_DATE_SEPTEMBER, 1, 130);
  g_autoptr(EntTariffPeriod) p2025 = make_period (2025, G_DATE_JANUARY, 1, 140);
  g_autoptr(GDate) before = make_date (2023, G_DATE_AUGUST, 31);
  g_autoptr(GDate) first_day = make_date (2023, G_DATE_SEPTEMBER, 1);
  g_autoptr(GDate) inside = make_date (2024, G_DATE_DECEMBER, 31);
  g_autoptr(GDate) second_day = make_date (2025, G_DATE_JANUARY, 1);
  g_autoptr(GDate) later = make_date (2030, G_DATE_JUNE, 15);

  g_assert_null (ent_tariff_schedule_lookup (schedule, first_day));

  g_assert_true (ent_tariff_schedule_add (schedule, p2025, NULL));
  g_assert_true (ent_tariff_schedule_add (schedule, p2023, NULL));

  g_assert_null (ent_tariff_schedule_lookup (schedule, before));
  g_assert_true (ent_tariff_schedule_lookup (schedule, first_day) == p2023);
  g_assert_true (ent_tariff_schedule_lookup (schedule, inside) == p2023);
  g_assert_true (ent_tariff_schedule_lookup (schedule, second_day) == p2025);
  g_assert_true (ent_tariff_schedule_lookup (schedule, later) == p2025);
}

static void
test_schedule_duplicate (void)
{
  g_autoptr(EntTariffSchedule) schedule = ent_tariff_schedule_new ();
  g_autoptr(EntTariffPeriod) first = make_period (2023, G_DATE_SEPTEMBER, 1, 130);
  g_autoptr(EntTariffPeriod) same_day = make_period (2023, G_DATE_SEPTEMBER, 1, 999);
  g_autoptr(GDate) date = make_date (2023, G_DATE_SEPTEMBER, 1);
  g_autoptr(GDate) other = make_date (2024, G_DATE_SEPTEMBER, 1);
  g_autoptr(GError) error = NULL;
  Counter changed = { 0 };

  g_assert_true (ent_tariff_schedule_add (schedule, first, &error));
  g_assert_no_error (error);
  watch (schedule, "changed", &changed);

  g_assert_false (ent_tariff_schedule_add (schedule, same_day, &error));
  g_assert_error (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, "2023-09-01"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (schedule)), ==, 1);
  g_assert_cmpuint (changed.count, ==, 0);

  g_assert_true (ent_tariff_schedule_has_date (schedule, date, NULL));
  g_assert_false (ent_tariff_schedule_has_date (schedule, date, first));
  g_assert_false (ent_tariff_schedule_has_date (schedule, other, NULL));
}

static void
test_schedule_resort (void)
{
  g_autoptr(EntTariffSchedule) schedule = ent_tariff_schedule_new ();
  g_autoptr(EntTariffPeriod) a = make_period (2023, G_DATE_SEPTEMBER, 1, 130);
  g_autoptr(EntTariffPeriod) b = make_period (2024, G_DATE_SEPTEMBER, 1, 135);
  g_autoptr(EntTariffPeriod) c = make_period (2025, G_DATE_SEPTEMBER, 1, 140);
  g_autoptr(GDate) to_end = make_date (2026, G_DATE_JANUARY, 1);
  g_autoptr(GDate) to_start = make_date (2020, G_DATE_JANUARY, 1);
  g_autoptr(GDate) in_place = make_date (2025, G_DATE_DECEMBER, 1);
  g_autoptr(GDate) lookup_date = make_date (2025, G_DATE_OCTOBER, 1);
  ItemsChanged record = { 0 };
  Counter changed = { 0 };

  g_assert_true (ent_tariff_schedule_add (schedule, c, NULL));
  g_assert_true (ent_tariff_schedule_add (schedule, a, NULL));
  g_assert_true (ent_tariff_schedule_add (schedule, b, NULL));

  g_signal_connect (schedule, "items-changed", G_CALLBACK (items_changed_cb), &record);
  watch (schedule, "changed", &changed);

  /* a (index 0) moves after c: items 0..2 change */
  ent_tariff_period_set_valid_from (a, to_end);
  g_assert_cmpuint (record.count, ==, 1);
  g_assert_cmpuint (record.position, ==, 0);
  g_assert_cmpuint (record.removed, ==, 3);
  g_assert_cmpuint (record.added, ==, 3);
  g_assert_cmpuint (changed.count, ==, 1);
  g_assert_true (nth_item (G_LIST_MODEL (schedule), 0) == b);
  g_assert_true (nth_item (G_LIST_MODEL (schedule), 1) == c);
  g_assert_true (nth_item (G_LIST_MODEL (schedule), 2) == a);
  g_assert_true (ent_tariff_schedule_get_last (schedule) == a);
  g_assert_true (ent_tariff_schedule_lookup (schedule, lookup_date) == c);

  /* c (index 1) moves to the front: items 0..1 change */
  ent_tariff_period_set_valid_from (c, to_start);
  g_assert_cmpuint (record.count, ==, 2);
  g_assert_cmpuint (record.position, ==, 0);
  g_assert_cmpuint (record.removed, ==, 2);
  g_assert_cmpuint (record.added, ==, 2);
  g_assert_true (nth_item (G_LIST_MODEL (schedule), 0) == c);
  g_assert_true (nth_item (G_LIST_MODEL (schedule), 1) == b);
  g_assert_true (ent_tariff_schedule_lookup (schedule, lookup_date) == b);

  /* a date change that keeps the order and any other edit: no items-changed */
  ent_tariff_period_set_valid_from (b, in_place);
  ent_tariff_period_set_half_day (b, 1);
  g_assert_cmpuint (record.count, ==, 2);
  g_assert_cmpuint (changed.count, ==, 4);
  g_assert_true (nth_item (G_LIST_MODEL (schedule), 1) == b);
}

/* ---- contract --------------------------------------------------------- */

static void
test_contract_defaults (void)
{
  g_autoptr(EntContract) contract = ent_contract_new ();
  GDate end;

  g_assert_cmpint (ent_contract_get_first_school_year (contract), ==, 2023);
  g_assert_cmpint (ent_contract_get_school_years (contract), ==, 4);
  g_assert_cmpint (g_date_get_year (ent_contract_get_payment_start (contract)), ==, 2024);
  g_assert_cmpint (g_date_get_month (ent_contract_get_payment_start (contract)), ==, G_DATE_JANUARY);
  g_assert_cmpint (g_date_get_day (ent_contract_get_payment_start (contract)), ==, 1);
  g_assert_cmpint (ent_contract_get_billing (contract), ==, ENT_BILLING_ANNUAL);

  ent_contract_get_end_date (contract, &end);
  g_assert_cmpint (g_date_get_year (&end), ==, 2027);
  g_assert_cmpint (g_date_get_month (&end), ==, G_DATE_AUGUST);
  g_assert_cmpint (g_date_get_day (&end), ==, 31);
  g_assert_cmpint (ent_contract_get_first_budget_year (contract), ==, 2024);
  g_assert_cmpint (ent_contract_get_last_budget_year (contract), ==, 2027);
  g_assert_cmpint (ent_contract_get_last_school_year (contract), ==, 2026);
}

static void
test_contract_setters (void)
{
  g_autoptr(EntContract) contract = ent_contract_new ();
  g_autoptr(GDate) start = make_date (2023, G_DATE_SEPTEMBER, 1);
  g_autoptr(GDate) same = make_date (2023, G_DATE_SEPTEMBER, 1);
  Counter changed = { 0 }, first = { 0 }, years = { 0 }, payment = { 0 }, billing = { 0 };
  GDate end;
  int billing_value = -1;

  watch (contract, "changed", &changed);
  watch (contract, "notify::first-school-year", &first);
  watch (contract, "notify::school-years", &years);
  watch (contract, "notify::payment-start", &payment);
  watch (contract, "notify::billing", &billing);

  ent_contract_set_first_school_year (contract, 2023);
  ent_contract_set_school_years (contract, 4);
  ent_contract_set_billing (contract, ENT_BILLING_ANNUAL);
  g_assert_cmpuint (changed.count, ==, 0);

  ent_contract_set_first_school_year (contract, 2024);
  ent_contract_set_school_years (contract, 3);
  ent_contract_set_payment_start (contract, start);
  ent_contract_set_payment_start (contract, same);
  ent_contract_set_billing (contract, ENT_BILLING_PRORATA);
  ent_contract_set_billing (contract, ENT_BILLING_PRORATA);

  g_assert_cmpuint (first.count, ==, 1);
  g_assert_cmpuint (years.count, ==, 1);
  /* F = 2024 moved P (2024-01-01) to the contract's first day, then P was set */
  g_assert_cmpuint (payment.count, ==, 2);
  g_assert_cmpuint (billing.count, ==, 1);
  g_assert_cmpuint (changed.count, ==, 4);

  ent_contract_get_end_date (contract, &end);
  g_assert_cmpint (g_date_get_year (&end), ==, 2027);
  g_assert_cmpint (ent_contract_get_first_budget_year (contract), ==, 2023);
  g_assert_cmpint (ent_contract_get_last_budget_year (contract), ==, 2027);
  g_assert_cmpint (ent_contract_get_last_school_year (contract), ==, 2026);

  g_object_get (contract, "billing", &billing_value, NULL);
  g_assert_cmpint (billing_value, ==, ENT_BILLING_PRORATA);
  g_object_set (contract, "school-years", 5, NULL);
  g_assert_cmpint (ent_contract_get_school_years (contract), ==, 5);
  g_assert_cmpuint (years.count, ==, 2);
}

static void
assert_payment_start (EntContract *contract,
                      int          year,
                      GDateMonth   month,
                      int          day)
{
  const GDate *date = ent_contract_get_payment_start (contract);

  g_assert_true (g_date_valid (date));
  g_assert_cmpint (g_date_get_year (date), ==, year);
  g_assert_cmpint (g_date_get_month (date), ==, month);
  g_assert_cmpint (g_date_get_day (date), ==, day);
}

/* A contract moved under its payment start keeps it inside: a document whose
 * P falls outside [1 September F, 31 August F+L] does not load, and the
 * window's year fields set F and L directly. */
static void
test_contract_keeps_payment_start (void)
{
  g_autoptr(EntContract) contract = ent_contract_new ();
  Counter changed = { 0 }, payment = { 0 };

  watch (contract, "changed", &changed);
  watch (contract, "notify::payment-start", &payment);

  /* later first school year: P goes to 1 September F */
  ent_contract_set_first_school_year (contract, 2030);
  assert_payment_start (contract, 2030, G_DATE_SEPTEMBER, 1);
  g_assert_cmpuint (payment.count, ==, 1);
  g_assert_cmpuint (changed.count, ==, 1);

  /* P inside: unchanged */
  ent_contract_set_first_school_year (contract, 2029);
  assert_payment_start (contract, 2030, G_DATE_SEPTEMBER, 1);
  g_assert_cmpuint (payment.count, ==, 1);
  g_assert_cmpuint (changed.count, ==, 2);

  /* a shorter contract ending before P: P goes to 31 August F+L */
  ent_contract_set_school_years (contract, 1);
  assert_payment_start (contract, 2030, G_DATE_AUGUST, 31);
  g_assert_cmpuint (payment.count, ==, 2);

  /* the earliest first school year, through the property as a spin button does */
  g_object_set (contract, "first-school-year", ENT_MIN_SCHOOL_YEAR, NULL);
  assert_payment_start (contract, ENT_MIN_SCHOOL_YEAR + 1, G_DATE_AUGUST, 31);
  g_assert_cmpint (ent_contract_get_first_budget_year (contract), ==,
                   ent_contract_get_last_budget_year (contract));
  g_assert_cmpuint (changed.count, ==, 4);
}

static void
test_contract_billing_strings (void)
{
  EntBilling billing = ENT_BILLING_PRORATA;

  g_assert_cmpstr (ent_billing_to_string (ENT_BILLING_ANNUAL), ==, "annual");
  g_assert_cmpstr (ent_billing_to_string (ENT_BILLING_PRORATA), ==, "prorata");
  g_assert_true (ent_billing_from_string ("annual", &billing));
  g_assert_cmpint (billing, ==, ENT_BILLING_ANNUAL);
  g_assert_true (ent_billing_from_string ("prorata", &billing));
  g_assert_cmpint (billing, ==, ENT_BILLING_PRORATA);
  g_assert_false (ent_billing_from_string ("monthly", &billing));
  g_assert_false (ent_billing_from_string ("", &billing));
  g_assert_false (ent_billing_from_string (NULL, &billing));
  g_assert_cmpint (billing, ==, ENT_BILLING_PRORATA);

  /* LC_ALL=C.UTF-8 in the tests: the English source strings */
  g_assert_cmpstr (ent_billing_get_label (ENT_BILLING_ANNUAL), ==, "Annual");
  g_assert_cmpstr (ent_billing_get_label (ENT_BILLING_PRORATA), ==, "Prorata");
  g_assert_nonnull (strstr (ent_billing_get_description (ENT_BILLING_ANNUAL), "1 January"));
  g_assert_nonnull (strstr (ent_billing_get_description (ENT_BILLING_PRORATA), "months"));
}

/* ---- school ----------------------------------------------------------- */

static void
test_school_defaults (void)
{
  g_autoptr(EntSchool) school = ent_school_new ("École Jules Ferry", "Hem");
  g_autoptr(EntSchool) bare = ent_school_new (NULL, NULL);
  gint64 count = -1;

  g_assert_cmpstr (ent_school_get_name (school), ==, "École Jules Ferry");
  g_assert_cmpstr (ent_school_get_commune (school), ==, "Hem");
  g_assert_cmpstr (ent_school_get_uai (school), ==, "");
  g_assert_cmpstr (ent_school_get_commune_insee (school), ==, "");
  g_assert_cmpuint (ent_school_get_n_known (school), ==, 0);
  g_assert_false (ent_school_get_known_pupils (school, 2023, &count));
  g_assert_cmpint (count, ==, -1);

  g_assert_cmpstr (ent_school_get_name (bare), ==, "");
  g_assert_cmpstr (ent_school_get_commune (bare), ==, "");
}

static void
test_school_setters (void)
{
  g_autoptr(EntSchool) school = ent_school_new ("A", "Hem");
  Counter changed = { 0 }, name = { 0 }, uai = { 0 }, commune = { 0 }, insee = { 0 };
  g_autofree char *name_value = NULL;

  watch (school, "changed", &changed);
  watch (school, "notify::name", &name);
  watch (school, "notify::uai", &uai);
  watch (school, "notify::commune", &commune);
  watch (school, "notify::commune-insee", &insee);

  ent_school_set_name (school, "A");
  ent_school_set_commune (school, "Hem");
  ent_school_set_uai (school, NULL);
  g_assert_cmpuint (changed.count, ==, 0);

  ent_school_set_name (school, "B");
  ent_school_set_uai (school, "0590123A");
  ent_school_set_commune (school, "Roubaix");
  ent_school_set_commune_insee (school, "59512");
  ent_school_set_commune_insee (school, "59512");

  g_assert_cmpuint (name.count, ==, 1);
  g_assert_cmpuint (uai.count, ==, 1);
  g_assert_cmpuint (commune.count, ==, 1);
  g_assert_cmpuint (insee.count, ==, 1);
  g_assert_cmpuint (changed.count, ==, 4);
  g_assert_cmpstr (ent_school_get_name (school), ==, "B");
  g_assert_cmpstr (ent_school_get_uai (school), ==, "0590123A");
  g_assert_cmpstr (ent_school_get_commune (school), ==, "Roubaix");
  g_assert_cmpstr (ent_school_get_commune_insee (school), ==, "59512");

  ent_school_set_name (school, NULL);
  g_assert_cmpstr (ent_school_get_name (school), ==, "");
  g_object_get (school, "name", &name_value, NULL);
  g_assert_cmpstr (name_value, ==, "");
  g_assert_cmpuint (name.count, ==, 2);
}

static void
test_school_known_counts (void)
{
  g_autoptr(EntSchool) school = ent_school_new ("A", "Hem");
  Counter changed = { 0 };
  int year = 0;
  gint64 count = 0;

  watch (school, "changed", &changed);

  ent_school_set_known_pupils (school, 2025, 300);
  ent_school_set_known_pupils (school, 2023, 320);
  ent_school_set_known_pupils (school, 2024, 0);
  ent_school_set_known_pupils (school, 2024, 0);
  g_assert_cmpuint (changed.count, ==, 3);
  g_assert_cmpuint (ent_school_get_n_known (school), ==, 3);

  ent_school_get_nth_known (school, 0, &year, &count);
  g_assert_cmpint (year, ==, 2023);
  g_assert_cmpint (count, ==, 320);
  ent_school_get_nth_known (school, 1, &year, &count);
  g_assert_cmpint (year, ==, 2024);
  g_assert_cmpint (count, ==, 0);
  ent_school_get_nth_known (school, 2, &year, &count);
  g_assert_cmpint (year, ==, 2025);
  g_assert_cmpint (count, ==, 300);

  /* a zero count is known, not unset */
  g_assert_true (ent_school_get_known_pupils (school, 2024, &count));
  g_assert_cmpint (count, ==, 0);

  ent_school_set_known_pupils (school, 2025, ENT_MAX_PUPILS_PER_SCHOOL);
  g_assert_true (ent_school_get_known_pupils (school, 2025, &count));
  g_assert_cmpint (count, ==, ENT_MAX_PUPILS_PER_SCHOOL);
  g_assert_cmpuint (changed.count, ==, 4);

  ent_school_unset_known_pupils (school, 2024);
  ent_school_unset_known_pupils (school, 2024);
  ent_school_unset_known_pupils (school, 1999);
  g_assert_cmpuint (changed.count, ==, 5);
  g_assert_cmpuint (ent_school_get_n_known (school), ==, 2);
  g_assert_false (ent_school_get_known_pupils (school, 2024, NULL));
  ent_school_get_nth_known (school, 1, &year, NULL);
  g_assert_cmpint (year, ==, 2025);
}

static void
test_school_bad_counts (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(EntSchool) school = ent_school_new ("A", "Hem");

      ent_school_set_known_pupils (school, 2023, -1);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*count >= 0*");
}

static void
test_school_too_many (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(EntSchool) school = ent_school_new ("A", "Hem");

      ent_school_set_known_pupils (school, 2023, ENT_MAX_PUPILS_PER_SCHOOL + 1);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*ENT_MAX_PUPILS_PER_SCHOOL*");
}

static void
test_uai_validation (void)
{
  g_assert_true (ent_uai_is_valid (NULL));
  g_assert_true (ent_uai_is_valid (""));
  g_assert_true (ent_uai_is_valid ("0590123A"));
  g_assert_true (ent_uai_is_valid ("0593456z"));

  g_assert_false (ent_uai_is_valid ("0590123"));
  g_assert_false (ent_uai_is_valid ("0590123AB"));
  g_assert_false (ent_uai_is_valid ("05901234"));
  g_assert_false (ent_uai_is_valid ("A590123A"));
  g_assert_false (ent_uai_is_valid ("059012 A"));
  g_assert_false (ent_uai_is_valid (" 0590123A"));
  g_assert_false (ent_uai_is_valid ("0590123É"));
  g_assert_false (ent_uai_is_valid ("A"));
}

/* ---- scenario --------------------------------------------------------- */

static void
test_scenario_defaults (void)
{
  g_autoptr(EntScenario) scenario = ent_scenario_new ("Base seule");
  guint n_years = 42;

  g_assert_cmpstr (ent_scenario_get_name (scenario), ==, "Base seule");
  g_assert_false (ent_scenario_get_optional_all (scenario));
  g_assert_false (ent_scenario_get_optional_in_year (scenario, 2024));
  g_assert_null (ent_scenario_get_optional_years (scenario, &n_years));
  g_assert_cmpuint (n_years, ==, 0);
  g_assert_null (ent_scenario_get_optional_years (scenario, NULL));
  g_assert_cmpint (ent_scenario_get_half_days (scenario, 2024), ==, 0);
  g_assert_cmpuint (ent_scenario_get_n_half_days (scenario), ==, 0);
  g_assert_cmpint (ent_scenario_get_projection (scenario), ==, ENT_PROJECTION_CONSTANT);
  g_assert_cmpint (ent_scenario_get_projection_rate (scenario), ==, 0);
  g_assert_cmpint (ent_scenario_get_tariff_increase (scenario), ==, 0);
}

static void
test_scenario_setters (void)
{
  g_autoptr(EntScenario) scenario = ent_scenario_new ("A");
  Counter changed = { 0 }, name = { 0 }, projection = { 0 }, rate = { 0 }, increase = { 0 };
  gint64 rate_value = 0;

  watch (scenario, "changed", &changed);
  watch (scenario, "notify::name", &name);
  watch (scenario, "notify::projection", &projection);
  watch (scenario, "notify::projection-rate", &rate);
  watch (scenario, "notify::tariff-increase", &increase);

  ent_scenario_set_name (scenario, "A");
  ent_scenario_set_projection (scenario, ENT_PROJECTION_CONSTANT);
  ent_scenario_set_projection_rate (scenario, 0);
  ent_scenario_set_tariff_increase (scenario, 0);
  g_assert_cmpuint (changed.count, ==, 0);

  ent_scenario_set_name (scenario, "B");
  ent_scenario_set_projection (scenario, ENT_PROJECTION_RATE);
  ent_scenario_set_projection_rate (scenario, -200);
  ent_scenario_set_projection_rate (scenario, -200);
  ent_scenario_set_tariff_increase (scenario, 200);

  g_assert_cmpuint (name.count, ==, 1);
  g_assert_cmpuint (projection.count, ==, 1);
  g_assert_cmpuint (rate.count, ==, 1);
  g_assert_cmpuint (increase.count, ==, 1);
  g_assert_cmpuint (changed.count, ==, 4);
  g_assert_cmpstr (ent_scenario_get_name (scenario), ==, "B");
  g_assert_cmpint (ent_scenario_get_projection (scenario), ==, ENT_PROJECTION_RATE);
  g_assert_cmpint (ent_scenario_get_projection_rate (scenario), ==, -200);
  g_assert_cmpint (ent_scenario_get_tariff_increase (scenario), ==, 200);

  g_object_get (scenario, "projection-rate", &rate_value, NULL);
  g_assert_cmpint (rate_value, ==, -200);

  ent_scenario_set_projection_rate (scenario, ENT_MIN_PROJECTION_RATE_BP);
  ent_scenario_set_tariff_increase (scenario, ENT_MAX_TARIFF_INCREASE_BP);
  g_assert_cmpint (ent_scenario_get_projection_rate (scenario), ==, -5000);
  g_assert_cmpint (ent_scenario_get_tariff_increase (scenario), ==, 5000);
}

static void
test_scenario_optional (void)
{
  g_autoptr(EntScenario) scenario = ent_scenario_new ("A");
  Counter changed = { 0 }, all = { 0 };
  const int *years;
  guint n_years = 0;

  watch (scenario, "changed", &changed);
  watch (scenario, "notify::optional-all", &all);

  ent_scenario_set_optional_all (scenario, TRUE);
  g_assert_true (ent_scenario_get_optional_all (scenario));
  g_assert_true (ent_scenario_get_optional_in_year (scenario, 2024));
  g_assert_true (ent_scenario_get_optional_in_year (scenario, 2099));
  g_assert_cmpuint (all.count, ==, 1);
  g_assert_cmpuint (changed.count, ==, 1);

  /* a year set while "all" turns "all" off and keeps only the listed years */
  ent_scenario_set_optional_in_year (scenario, 2026, TRUE);
  g_assert_false (ent_scenario_get_optional_all (scenario));
  g_assert_cmpuint (all.count, ==, 2);
  g_assert_cmpuint (changed.count, ==, 2);
  ent_scenario_set_optional_in_year (scenario, 2024, TRUE);
  ent_scenario_set_optional_in_year (scenario, 2024, TRUE);
  ent_scenario_set_optional_in_year (scenario, 2025, FALSE);
  g_assert_cmpuint (changed.count, ==, 3);
  g_assert_cmpuint (all.count, ==, 2);

  years = ent_scenario_get_optional_years (scenario, &n_years);
  g_assert_cmpuint (n_years, ==, 2);
  g_assert_cmpint (years[0], ==, 2024);
  g_assert_cmpint (years[1], ==, 2026);
  g_assert_true (ent_scenario_get_optional_in_year (scenario, 2024));
  g_assert_false (ent_scenario_get_optional_in_year (scenario, 2025));
  g_assert_true (ent_scenario_get_optional_in_year (scenario, 2026));

  ent_scenario_set_optional_in_year (scenario, 2024, FALSE);
  years = ent_scenario_get_optional_years (scenario, &n_years);
  g_assert_cmpuint (n_years, ==, 1);
  g_assert_cmpint (years[0], ==, 2026);
  g_assert_cmpuint (changed.count, ==, 4);

  /* FALSE keeps the list */
  ent_scenario_set_optional_all (scenario, FALSE);
  g_assert_cmpuint (changed.count, ==, 4);
  g_assert_true (ent_scenario_get_optional_in_year (scenario, 2026));

  /* TRUE clears it */
  ent_scenario_set_optional_all (scenario, TRUE);
  ent_scenario_get_optional_years (scenario, &n_years);
  g_assert_cmpuint (n_years, ==, 0);
  g_assert_cmpuint (changed.count, ==, 5);
  ent_scenario_set_optional_all (scenario, FALSE);
  g_assert_false (ent_scenario_get_optional_in_year (scenario, 2026));
  g_assert_cmpuint (all.count, ==, 4);
  g_assert_cmpuint (changed.count, ==, 6);
}

static void
test_scenario_half_days (void)
{
  g_autoptr(EntScenario) scenario = ent_scenario_new ("A");
  Counter changed = { 0 };
  int year = 0;
  gint64 count = 0;

  watch (scenario, "changed", &changed);

  ent_scenario_set_half_days (scenario, 2026, 4);
  ent_scenario_set_half_days (scenario, 2024, 2);
  ent_scenario_set_half_days (scenario, 2024, 2);
  ent_scenario_set_half_days (scenario, 2025, 0);
  g_assert_cmpuint (changed.count, ==, 2);
  g_assert_cmpuint (ent_scenario_get_n_half_days (scenario), ==, 2);
  g_assert_cmpint (ent_scenario_get_half_days (scenario, 2024), ==, 2);
  g_assert_cmpint (ent_scenario_get_half_days (scenario, 2025), ==, 0);
  g_assert_cmpint (ent_scenario_get_half_days (scenario, 2026), ==, 4);

  ent_scenario_get_nth_half_days (scenario, 0, &year, &count);
  g_assert_cmpint (year, ==, 2024);
  g_assert_cmpint (count, ==, 2);
  ent_scenario_get_nth_half_days (scenario, 1, &year, &count);
  g_assert_cmpint (year, ==, 2026);
  g_assert_cmpint (count, ==, 4);

  ent_scenario_set_half_days (scenario, 2026, ENT_MAX_HALF_DAYS_PER_YEAR);
  g_assert_cmpint (ent_scenario_get_half_days (scenario, 2026), ==, 1000);
  g_assert_cmpuint (changed.count, ==, 3);

  /* 0 unsets */
  ent_scenario_set_half_days (scenario, 2024, 0);
  g_assert_cmpuint (changed.count, ==, 4);
  g_assert_cmpuint (ent_scenario_get_n_half_days (scenario), ==, 1);
  ent_scenario_get_nth_half_days (scenario, 0, &year, NULL);
  g_assert_cmpint (year, ==, 2026);
}

static void
test_scenario_duplicate (void)
{
  g_autoptr(EntScenario) scenario = ent_scenario_new ("A");
  g_autoptr(EntScenario) copy = NULL;
  g_autoptr(EntScenario) same_name = NULL;
  const int *years;
  guint n_years = 0;

  ent_scenario_set_optional_in_year (scenario, 2025, TRUE);
  ent_scenario_set_half_days (scenario, 2024, 3);
  ent_scenario_set_projection (scenario, ENT_PROJECTION_RATE);
  ent_scenario_set_projection_rate (scenario, -250);
  ent_scenario_set_tariff_increase (scenario, 150);

  copy = ent_scenario_duplicate (scenario, "B");
  g_assert_true (copy != scenario);
  g_assert_cmpstr (ent_scenario_get_name (copy), ==, "B");
  g_assert_false (ent_scenario_get_optional_all (copy));
  years = ent_scenario_get_optional_years (copy, &n_years);
  g_assert_cmpuint (n_years, ==, 1);
  g_assert_cmpint (years[0], ==, 2025);
  g_assert_cmpint (ent_scenario_get_half_days (copy, 2024), ==, 3);
  g_assert_cmpint (ent_scenario_get_projection (copy), ==, ENT_PROJECTION_RATE);
  g_assert_cmpint (ent_scenario_get_projection_rate (copy), ==, -250);
  g_assert_cmpint (ent_scenario_get_tariff_increase (copy), ==, 150);

  /* the copy is independent */
  ent_scenario_set_half_days (copy, 2024, 5);
  ent_scenario_set_optional_in_year (copy, 2026, TRUE);
  g_assert_cmpint (ent_scenario_get_half_days (scenario, 2024), ==, 3);
  g_assert_false (ent_scenario_get_optional_in_year (scenario, 2026));

  same_name = ent_scenario_duplicate (scenario, NULL);
  g_assert_cmpstr (ent_scenario_get_name (same_name), ==, "A");
}

static void
test_projection_strings (void)
{
  EntProjection projection = ENT_PROJECTION_RATE;

  g_assert_cmpstr (ent_projection_to_string (ENT_PROJECTION_CONSTANT), ==, "constant");
  g_assert_cmpstr (ent_projection_to_string (ENT_PROJECTION_RATE), ==, "rate");
  g_assert_true (ent_projection_from_string ("constant", &projection));
  g_assert_cmpint (projection, ==, ENT_PROJECTION_CONSTANT);
  g_assert_true (ent_projection_from_string ("rate", &projection));
  g_assert_cmpint (projection, ==, ENT_PROJECTION_RATE);
  g_assert_false (ent_projection_from_string ("linear", &projection));
  g_assert_false (ent_projection_from_string (NULL, &projection));
}

/* ---- document --------------------------------------------------------- */

static void
test_document_defaults (void)
{
  g_autoptr(EntDocument) document = ent_document_new ();
  g_auto(GStrv) communes = NULL;
  const char * const *warnings;

  g_assert_cmpstr (ent_document_get_title (document), ==, "");
  g_assert_cmpstr (ent_document_get_payer (document), ==, "");
  g_assert_cmpint (ent_document_get_payer_kind (document), ==, ENT_PAYER_COMMUNE);
  g_assert_cmpstr (ent_document_get_insee (document), ==, "");
  g_assert_false (ent_document_get_modified (document));
  g_assert_null (ent_document_get_file (document));
  g_assert_true (ENT_IS_CONTRACT (ent_document_get_contract (document)));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (ent_document_get_tariffs (document))), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (ent_document_get_schools (document)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (ent_document_get_scenarios (document)), ==, 0);
  g_assert_true (g_list_model_get_item_type (ent_document_get_schools (document)) == ENT_TYPE_SCHOOL);
  g_assert_true (g_list_model_get_item_type (ent_document_get_scenarios (document)) == ENT_TYPE_SCENARIO);

  for (EntLineKind line = ENT_LINE_BASE; line < ENT_N_LINES; line++)
    {
      g_assert_cmpstr (ent_document_get_chapter (document, line), ==, "65");
      g_assert_cmpstr (ent_document_get_nature (document, line), ==, "65548");
      g_assert_cmpstr (ent_document_get_function (document, line), ==, "21");
    }

  communes = ent_document_dup_communes (document);
  g_assert_nonnull (communes);
  g_assert_cmpuint (g_strv_length (communes), ==, 0);

  warnings = ent_document_get_load_warnings (document);
  g_assert_nonnull (warnings);
  g_assert_null (warnings[0]);
  g_assert_nonnull (ent_document_get_extras (document));
}

static void
test_document_setters (void)
{
  g_autoptr(EntDocument) document = ent_document_new ();
  g_autoptr(GFile) file = g_file_new_for_path ("/tmp/hem.entbudget");
  g_autoptr(GFile) same_file = g_file_new_for_path ("/tmp/hem.entbudget");
  Counter changed = { 0 }, title = { 0 }, payer = { 0 }, kind = { 0 }, insee = { 0 };
  Counter modified = { 0 }, file_notify = { 0 };
  gboolean modified_value = FALSE;

  watch (document, "changed", &changed);
  watch (document, "notify::title", &title);
  watch (document, "notify::payer", &payer);
  watch (document, "notify::payer-kind", &kind);
  watch (document, "notify::insee", &insee);
  watch (document, "notify::modified", &modified);
  watch (document, "notify::file", &file_notify);

  ent_document_set_title (document, "");
  ent_document_set_payer (document, NULL);
  ent_document_set_payer_kind (document, ENT_PAYER_COMMUNE);
  g_assert_cmpuint (changed.count, ==, 0);
  g_assert_false (ent_document_get_modified (document));

  ent_document_set_title (document, "ENT des écoles");
  g_assert_cmpuint (title.count, ==, 1);
  g_assert_cmpuint (changed.count, ==, 1);
  g_assert_cmpuint (modified.count, ==, 1);
  g_assert_true (ent_document_get_modified (document));

  ent_document_set_payer (document, "CC Pévèle");
  ent_document_set_payer_kind (document, ENT_PAYER_EPCI);
  ent_document_set_insee (document, "200041960");
  g_assert_cmpuint (payer.count, ==, 1);
  g_assert_cmpuint (kind.count, ==, 1);
  g_assert_cmpuint (insee.count, ==, 1);
  g_assert_cmpuint (changed.count, ==, 4);
  /* already modified: no new notification */
  g_assert_cmpuint (modified.count, ==, 1);
  g_assert_cmpstr (ent_document_get_title (document), ==, "ENT des écoles");
  g_assert_cmpstr (ent_document_get_payer (document), ==, "CC Pévèle");
  g_assert_cmpint (ent_document_get_payer_kind (document), ==, ENT_PAYER_EPCI);
  g_assert_cmpstr (ent_document_get_insee (document), ==, "200041960");

  ent_document_set_modified (document, FALSE);
  g_assert_cmpuint (modified.count, ==, 2);
  g_object_get (document, "modified", &modified_value, NULL);
  g_assert_false (modified_value);
  ent_document_set_modified (document, FALSE);
  g_assert_cmpuint (modified.count, ==, 2);

  /* the file is not content */
  ent_document_set_file (document, file);
  ent_document_set_file (document, same_file);
  g_assert_true (ent_document_get_file (document) == file);
  g_assert_cmpuint (file_notify.count, ==, 1);
  g_assert_cmpuint (changed.count, ==, 4);
  g_assert_false (ent_document_get_modified (document));
  ent_document_set_file (document, NULL);
  g_assert_null (ent_document_get_file (document));
  g_assert_cmpuint (file_notify.count, ==, 2);
}

static void
test_document_propagation (void)
{
  g_autoptr(EntDocument) document = make_document ();
  EntSchool *school = nth_item (ent_document_get_schools (document), 0);
  EntScenario *scenario = nth_item (ent_document_get_scenarios (document), 1);
  EntTariffPeriod *period = nth_item (G_LIST_MODEL (ent_document_get_tariffs (document)), 0);
  g_autoptr(EntTariffPeriod) new_period = make_period (2025, G_DATE_JANUARY, 1, 140);
  g_autoptr(GDate) start = make_date (2024, G_DATE_SEPTEMBER, 1);
  Counter changed = { 0 };

  g_assert_false (ent_document_get_modified (document));
  watch (document, "changed", &changed);

  ent_contract_set_billing (ent_document_get_contract (document), ENT_BILLING_PRORATA);
  g_assert_cmpuint (changed.count, ==, 1);
  g_assert_true (ent_document_get_modified (document));

  ent_document_set_modified (document, FALSE);
  ent_contract_set_payment_start (ent_document_get_contract (document), start);
  g_assert_cmpuint (changed.count, ==, 2);
  g_assert_true (ent_document_get_modified (document));

  ent_document_set_modified (document, FALSE);
  ent_tariff_period_set_base_per_pupil (period, 131);
  g_assert_cmpuint (changed.count, ==, 3);
  g_assert_true (ent_document_get_modified (document));

  g_assert_true (ent_tariff_schedule_add (ent_document_get_tariffs (document), new_period, NULL));
  g_assert_cmpuint (changed.count, ==, 4);

  ent_document_set_modified (document, FALSE);
  ent_school_set_known_pupils (school, 2024, 590);
  g_assert_cmpuint (changed.count, ==, 5);
  g_assert_true (ent_document_get_modified (document));

  ent_document_set_modified (document, FALSE);
  ent_school_set_name (school, "École A bis");
  g_assert_cmpuint (changed.count, ==, 6);
  g_assert_true (ent_document_get_modified (document));

  ent_document_set_modified (document, FALSE);
  ent_scenario_set_half_days (scenario, 2025, 1);
  g_assert_cmpuint (changed.count, ==, 7);
  g_assert_true (ent_document_get_modified (document));

  ent_document_set_modified (document, FALSE);
  ent_document_set_imputation (document, ENT_LINE_SPECIFIC, "011", "611", "21");
  g_assert_cmpuint (changed.count, ==, 8);
  g_assert_true (ent_document_get_modified (document));
  g_assert_cmpstr (ent_document_get_chapter (document, ENT_LINE_SPECIFIC), ==, "011");
  g_assert_cmpstr (ent_document_get_nature (document, ENT_LINE_SPECIFIC), ==, "611");
  g_assert_cmpstr (ent_document_get_function (document, ENT_LINE_SPECIFIC), ==, "21");
  g_assert_cmpstr (ent_document_get_chapter (document, ENT_LINE_BASE), ==, "65");

  /* unchanged imputation: nothing */
  ent_document_set_imputation (document, ENT_LINE_SPECIFIC, "011", "611", "21");
  g_assert_cmpuint (changed.count, ==, 8);
  ent_document_set_imputation (document, ENT_LINE_BASE, "65", "65548", "211");
  g_assert_cmpuint (changed.count, ==, 9);
  g_assert_cmpstr (ent_document_get_function (document, ENT_LINE_BASE), ==, "211");
}

static void
test_document_schools (void)
{
  g_autoptr(EntDocument) document = make_document ();
  GListModel *schools = ent_document_get_schools (document);
  g_autoptr(EntSchool) school = g_object_ref (nth_item (schools, 0));
  g_autoptr(EntSchool) added = ent_school_new ("École C", "Hem");
  ItemsChanged record = { 0 };
  Counter changed = { 0 };

  g_signal_connect (schools, "items-changed", G_CALLBACK (items_changed_cb), &record);
  watch (document, "changed", &changed);

  ent_document_add_school (document, added);
  g_assert_cmpuint (g_list_model_get_n_items (schools), ==, 3);
  g_assert_true (nth_item (schools, 2) == added);
  g_assert_cmpuint (record.position, ==, 2);
  g_assert_cmpuint (record.added, ==, 1);
  g_assert_cmpuint (changed.count, ==, 1);
  g_assert_true (ent_document_get_modified (document));

  ent_document_set_modified (document, FALSE);
  ent_document_remove_school (document, school);
  g_assert_cmpuint (g_list_model_get_n_items (schools), ==, 2);
  g_assert_cmpuint (record.position, ==, 0);
  g_assert_cmpuint (record.removed, ==, 1);
  g_assert_cmpuint (changed.count, ==, 2);
  g_assert_true (ent_document_get_modified (document));

  /* a removed school no longer reaches the document */
  ent_document_set_modified (document, FALSE);
  ent_school_set_known_pupils (school, 2023, 1);
  g_assert_cmpuint (changed.count, ==, 2);
  g_assert_false (ent_document_get_modified (document));

  /* all schools may go */
  ent_document_remove_school (document, nth_item (schools, 0));
  ent_document_remove_school (document, nth_item (schools, 0));
  g_assert_cmpuint (g_list_model_get_n_items (schools), ==, 0);
}

static void
test_document_scenarios (void)
{
  g_autoptr(EntDocument) document = make_document ();
  GListModel *scenarios = ent_document_get_scenarios (document);
  g_autoptr(EntScenario) first = g_object_ref (nth_item (scenarios, 0));
  g_autoptr(EntScenario) second = g_object_ref (nth_item (scenarios, 1));
  g_autoptr(EntScenario) copy = ent_scenario_duplicate (second, "Tout (copie)");
  Counter changed = { 0 };

  watch (document, "changed", &changed);

  ent_document_add_scenario (document, copy);
  g_assert_cmpuint (g_list_model_get_n_items (scenarios), ==, 3);
  g_assert_true (nth_item (scenarios, 2) == copy);
  g_assert_cmpuint (changed.count, ==, 1);

  g_assert_true (ent_document_remove_scenario (document, first));
  g_assert_true (ent_document_remove_scenario (document, copy));
  g_assert_cmpuint (changed.count, ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (scenarios), ==, 1);

  ent_document_set_modified (document, FALSE);
  g_assert_false (ent_document_remove_scenario (document, second));
  g_assert_cmpuint (g_list_model_get_n_items (scenarios), ==, 1);
  g_assert_true (nth_item (scenarios, 0) == second);
  g_assert_cmpuint (changed.count, ==, 3);
  g_assert_false (ent_document_get_modified (document));

  /* removed scenarios no longer reach the document */
  ent_scenario_set_name (first, "Gone");
  g_assert_cmpuint (changed.count, ==, 3);
  ent_scenario_set_name (second, "Still here");
  g_assert_cmpuint (changed.count, ==, 4);
}

static void
test_document_communes (void)
{
  g_autoptr(EntDocument) document = make_document ();
  g_autoptr(EntSchool) c = ent_school_new ("École C", "Hem");
  g_autoptr(EntSchool) d = ent_school_new ("École D", "Lys-lez-Lannoy");
  g_autoptr(EntSchool) e = ent_school_new ("École E", "Roubaix");
  g_auto(GStrv) communes = NULL;

  ent_document_add_school (document, c);
  ent_document_add_school (document, d);
  ent_document_add_school (document, e);

  communes = ent_document_dup_communes (document);
  g_assert_cmpuint (g_strv_length (communes), ==, 3);
  g_assert_cmpstr (communes[0], ==, "Hem");
  g_assert_cmpstr (communes[1], ==, "Roubaix");
  g_assert_cmpstr (communes[2], ==, "Lys-lez-Lannoy");
}

static void
test_document_private (void)
{
  g_autoptr(EntDocument) document = ent_document_new ();
  const char * const *warnings;
  g_autofree char *text = NULL;

  ent_document_add_load_warning (document, "Unknown key “colour” in group “Document”");
  ent_document_add_load_warning (document, "Unknown group “Notes”");

  warnings = ent_document_get_load_warnings (document);
  g_assert_cmpuint (g_strv_length ((char **)warnings), ==, 2);
  g_assert_cmpstr (warnings[0], ==, "Unknown key “colour” in group “Document”");
  g_assert_cmpstr (warnings[1], ==, "Unknown group “Notes”");
  g_assert_null (warnings[2]);

  g_key_file_set_string (ent_document_get_extras (document), "Notes", "text", "hello");
  text = g_key_file_get_string (ent_document_get_extras (document), "Notes", "text", NULL);
  g_assert_cmpstr (text, ==, "hello");
  /* private bookkeeping is not an edit */
  g_assert_false (ent_document_get_modified (document));
}

static void
test_document_equal (void)
{
  g_autoptr(EntDocument) a = make_document ();
  g_autoptr(EntDocument) b = make_document ();
  g_autoptr(GFile) file = g_file_new_for_path ("/tmp/other.entbudget");

  g_assert_true (ent_document_equal (a, a));
  g_assert_true (ent_document_equal (a, b));
  g_assert_true (ent_document_equal (b, a));

  /* neither "modified", "file" nor load warnings count */
  ent_document_set_modified (b, TRUE);
  ent_document_set_file (b, file);
  ent_document_add_load_warning (b, "something");
  g_assert_true (ent_document_equal (a, b));
}

typedef void (*EditFunc) (EntDocument *document);

static void
edit_title (EntDocument *document)
{
  ent_document_set_title (document, "Autre");
}

static void
edit_payer (EntDocument *document)
{
  ent_document_set_payer (document, "Ville de Roubaix");
}

static void
edit_payer_kind (EntDocument *document)
{
  ent_document_set_payer_kind (document, ENT_PAYER_EPCI);
}

static void
edit_insee (EntDocument *document)
{
  ent_document_set_insee (document, "59512");
}

static void
edit_first_school_year (EntDocument *document)
{
  ent_contract_set_first_school_year (ent_document_get_contract (document), 2024);
}

static void
edit_school_years (EntDocument *document)
{
  ent_contract_set_school_years (ent_document_get_contract (document), 3);
}

static void
edit_payment_start (EntDocument *document)
{
  g_autoptr(GDate) date = make_date (2023, G_DATE_SEPTEMBER, 1);

  ent_contract_set_payment_start (ent_document_get_contract (document), date);
}

static void
edit_billing (EntDocument *document)
{
  ent_contract_set_billing (ent_document_get_contract (document), ENT_BILLING_PRORATA);
}

static EntTariffPeriod *
first_period (EntDocument *document)
{
  return nth_item (G_LIST_MODEL (ent_document_get_tariffs (document)), 0);
}

static void
edit_period_date (EntDocument *document)
{
  g_autoptr(GDate) date = make_date (2023, G_DATE_SEPTEMBER, 2);

  ent_tariff_period_set_valid_from (first_period (document), date);
}

static void
edit_period_base (EntDocument *document)
{
  ent_tariff_period_set_base_per_pupil (first_period (document), 131);
}

static void
edit_period_optional (EntDocument *document)
{
  ent_tariff_period_set_optional_per_pupil (first_period (document), 31);
}

static void
edit_period_half_day (EntDocument *document)
{
  ent_tariff_period_set_half_day (first_period (document), 15001);
}

static void
edit_period_reference (EntDocument *document)
{
  ent_tariff_period_set_reference (first_period (document), "Délibération");
}

static void
edit_add_period (EntDocument *document)
{
  g_autoptr(EntTariffPeriod) period = make_period (2025, G_DATE_JANUARY, 1, 130);

  g_assert_true (ent_tariff_schedule_add (ent_document_get_tariffs (document), period, NULL));
}

static void
edit_chapter (EntDocument *document)
{
  ent_document_set_imputation (document, ENT_LINE_SPECIFIC, "011", "65548", "21");
}

static void
edit_nature (EntDocument *document)
{
  ent_document_set_imputation (document, ENT_LINE_OPTIONAL, "65", "6558", "21");
}

static void
edit_function (EntDocument *document)
{
  ent_document_set_imputation (document, ENT_LINE_BASE, "65", "65548", "212");
}

static EntSchool *
second_school (EntDocument *document)
{
  return nth_item (ent_document_get_schools (document), 1);
}

static void
edit_school_name (EntDocument *document)
{
  ent_school_set_name (second_school (document), "École Z");
}

static void
edit_school_uai (EntDocument *document)
{
  ent_school_set_uai (second_school (document), "0590124B");
}

static void
edit_school_commune (EntDocument *document)
{
  ent_school_set_commune (second_school (document), "Hem");
}

static void
edit_school_insee (EntDocument *document)
{
  ent_school_set_commune_insee (second_school (document), "59512");
}

static void
edit_school_count (EntDocument *document)
{
  ent_school_set_known_pupils (second_school (document), 2023, 610);
}

static void
edit_school_count_year (EntDocument *document)
{
  ent_school_unset_known_pupils (second_school (document), 2023);
  ent_school_set_known_pupils (second_school (document), 2024, 609);
}

static void
edit_add_count (EntDocument *document)
{
  ent_school_set_known_pupils (second_school (document), 2024, 609);
}

static void
edit_remove_school (EntDocument *document)
{
  ent_document_remove_school (document, second_school (document));
}

static void
edit_school_order (EntDocument *document)
{
  g_autoptr(EntSchool) school = g_object_ref (nth_item (ent_document_get_schools (document), 0));

  ent_document_remove_school (document, school);
  ent_document_add_school (document, school);
}

static EntScenario *
second_scenario (EntDocument *document)
{
  return nth_item (ent_document_get_scenarios (document), 1);
}

static void
edit_scenario_name (EntDocument *document)
{
  ent_scenario_set_name (second_scenario (document), "Autre");
}

static void
edit_scenario_optional_all (EntDocument *document)
{
  ent_scenario_set_optional_all (second_scenario (document), FALSE);
}

static void
edit_scenario_optional_years (EntDocument *document)
{
  ent_scenario_set_optional_in_year (nth_item (ent_document_get_scenarios (document), 0), 2025, TRUE);
}

static void
edit_scenario_half_days (EntDocument *document)
{
  ent_scenario_set_half_days (second_scenario (document), 2024, 3);
}

static void
edit_scenario_half_days_year (EntDocument *document)
{
  ent_scenario_set_half_days (second_scenario (document), 2024, 0);
  ent_scenario_set_half_days (second_scenario (document), 2025, 2);
}

static void
edit_scenario_projection (EntDocument *document)
{
  ent_scenario_set_projection (second_scenario (document), ENT_PROJECTION_RATE);
}

static void
edit_scenario_rate (EntDocument *document)
{
  ent_scenario_set_projection_rate (second_scenario (document), -200);
}

static void
edit_scenario_increase (EntDocument *document)
{
  ent_scenario_set_tariff_increase (second_scenario (document), 200);
}

static void
edit_add_scenario (EntDocument *document)
{
  g_autoptr(EntScenario) copy = ent_scenario_duplicate (second_scenario (document), NULL);

  ent_document_add_scenario (document, copy);
}

static void
edit_extras (EntDocument *document)
{
  g_key_file_set_string (ent_document_get_extras (document), "Notes", "text", "hello");
}

static void
test_document_not_equal (void)
{
  static const struct {
    const char *what;
    EditFunc    edit;
  } edits[] = {
    { "title", edit_title },
    { "payer", edit_payer },
    { "payer kind", edit_payer_kind },
    { "insee", edit_insee },
    { "first school year", edit_first_school_year },
    { "school years", edit_school_years },
    { "payment start", edit_payment_start },
    { "billing", edit_billing },
    { "tariff date", edit_period_date },
    { "base rate", edit_period_base },
    { "optional rate", edit_period_optional },
    { "half-day price", edit_period_half_day },
    { "tariff reference", edit_period_reference },
    { "tariff periods", edit_add_period },
    { "chapter", edit_chapter },
    { "nature", edit_nature },
    { "function", edit_function },
    { "school name", edit_school_name },
    { "school uai", edit_school_uai },
    { "school commune", edit_school_commune },
    { "school commune insee", edit_school_insee },
    { "school count", edit_school_count },
    { "school count year", edit_school_count_year },
    { "school counts", edit_add_count },
    { "schools", edit_remove_school },
    { "school order", edit_school_order },
    { "scenario name", edit_scenario_name },
    { "scenario optional all", edit_scenario_optional_all },
    { "scenario optional years", edit_scenario_optional_years },
    { "scenario half-days", edit_scenario_half_days },
    { "scenario half-days year", edit_scenario_half_days_year },
    { "scenario projection", edit_scenario_projection },
    { "scenario projection rate", edit_scenario_rate },
    { "scenario tariff increase", edit_scenario_increase },
    { "scenarios", edit_add_scenario },
    { "extras", edit_extras },
  };

  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    {
      g_autoptr(EntDocument) a = make_document ();
      g_autoptr(EntDocument) b = make_document ();

      g_test_message ("edit: %s", edits[i].what);
      g_assert_true (ent_document_equal (a, b));

      edits[i].edit (b);

      if (ent_document_equal (a, b) || ent_document_equal (b, a))
        g_error ("documents differing in %s compare equal", edits[i].what);
    }
}

static void
test_strings (void)
{
  EntPayerKind kind = ENT_PAYER_EPCI;

  g_assert_cmpstr (ent_payer_kind_to_string (ENT_PAYER_COMMUNE), ==, "commune");
  g_assert_cmpstr (ent_payer_kind_to_string (ENT_PAYER_EPCI), ==, "epci");
  g_assert_true (ent_payer_kind_from_string ("commune", &kind));
  g_assert_cmpint (kind, ==, ENT_PAYER_COMMUNE);
  g_assert_true (ent_payer_kind_from_string ("epci", &kind));
  g_assert_cmpint (kind, ==, ENT_PAYER_EPCI);
  g_assert_false (ent_payer_kind_from_string ("region", &kind));
  g_assert_false (ent_payer_kind_from_string (NULL, &kind));

  g_assert_cmpstr (ent_line_kind_get_label (ENT_LINE_BASE), ==, "Base contribution");
  g_assert_cmpstr (ent_line_kind_get_label (ENT_LINE_OPTIONAL), ==, "Optional flat support");
  g_assert_cmpstr (ent_line_kind_get_label (ENT_LINE_SPECIFIC), ==, "Specific support (half-days)");
}

static void
test_document_example (void)
{
  g_autoptr(EntDocument) document = ent_document_new_example ();
  GListModel *scenarios;
  EntSchool *school;
  gint64 count = 0;

  g_assert_nonnull (document);
  g_assert_false (ent_document_get_modified (document));
  g_assert_null (ent_document_get_file (document));
  g_assert_cmpstr (ent_document_get_payer (document), ==, "Ville de Hem");
  g_assert_cmpstr (ent_document_get_insee (document), ==, "59299");

  g_assert_cmpuint (g_list_model_get_n_items (ent_document_get_schools (document)), ==, 1);
  school = nth_item (ent_document_get_schools (document), 0);
  g_assert_true (ent_school_get_known_pupils (school, 2023, &count));
  g_assert_cmpint (count, ==, 1209);

  scenarios = ent_document_get_scenarios (document);
  g_assert_cmpuint (g_list_model_get_n_items (scenarios), ==, 3);
  g_assert_false (ent_scenario_get_optional_all (nth_item (scenarios, 0)));
  g_assert_true (ent_scenario_get_optional_all (nth_item (scenarios, 1)));
  g_assert_cmpint (ent_scenario_get_half_days (nth_item (scenarios, 2), 2024), ==, 2);

  g_assert_cmpint (ent_tariff_period_get_base_per_pupil (first_period (document)), ==, 130);
  g_assert_cmpint (ent_tariff_period_get_optional_per_pupil (first_period (document)), ==, 30);
  g_assert_cmpint (ent_tariff_period_get_half_day (first_period (document)), ==, 15000);

  /* a change after loading marks it modified */
  ent_document_set_title (document, "Copie");
  g_assert_true (ent_document_get_modified (document));
}

static void
test_document_finalize (void)
{
  EntDocument *document = make_document ();
  g_autoptr(EntSchool) school = g_object_ref (nth_item (ent_document_get_schools (document), 0));
  g_autoptr(EntContract) contract = g_object_ref (ent_document_get_contract (document));

  /* children outliving the document must not call into it */
  g_assert_finalize_object (document);
  ent_school_set_name (school, "After");
  ent_contract_set_billing (contract, ENT_BILLING_PRORATA);
}

/* Enum-valued properties carry their enum type (generated by glib-mkenums),
 * so that bindings, GtkBuilder and g_object_set () check the values. */
static void
test_enum_properties (void)
{
  g_autoptr(EntDocument) document = ent_document_new_example ();
  EntScenario *scenario = g_list_model_get_item (ent_document_get_scenarios (document), 0);
  GParamSpec *pspec;
  g_autoptr(GEnumClass) line_kinds = g_type_class_ref (ENT_TYPE_LINE_KIND);

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (document), "payer-kind");
  g_assert_nonnull (pspec);
  g_assert_true (G_IS_PARAM_SPEC_ENUM (pspec));
  g_assert_true (pspec->value_type == ENT_TYPE_PAYER_KIND);

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (ent_document_get_contract (document)), "billing");
  g_assert_nonnull (pspec);
  g_assert_true (pspec->value_type == ENT_TYPE_BILLING);

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (scenario), "projection");
  g_assert_nonnull (pspec);
  g_assert_true (pspec->value_type == ENT_TYPE_PROJECTION);

  /* a count, not a kind of line */
  g_assert_cmpuint (line_kinds->n_values, ==, ENT_N_LINES);
  g_assert_null (g_enum_get_value (line_kinds, ENT_N_LINES));

  g_object_unref (scenario);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/objects/error-quark", test_error_quark);
  g_test_add_func ("/model/objects/period/defaults", test_period_defaults);
  g_test_add_func ("/model/objects/period/setters", test_period_setters);
  g_test_add_func ("/model/objects/schedule/sorting", test_schedule_sorting);
  g_test_add_func ("/model/objects/schedule/lookup", test_schedule_lookup);
  g_test_add_func ("/model/objects/schedule/duplicate", test_schedule_duplicate);
  g_test_add_func ("/model/objects/schedule/resort", test_schedule_resort);
  g_test_add_func ("/model/objects/contract/defaults", test_contract_defaults);
  g_test_add_func ("/model/objects/contract/setters", test_contract_setters);
  g_test_add_func ("/model/objects/contract/keeps-payment-start", test_contract_keeps_payment_start);
  g_test_add_func ("/model/objects/contract/billing-strings", test_contract_billing_strings);
  g_test_add_func ("/model/objects/school/defaults", test_school_defaults);
  g_test_add_func ("/model/objects/school/setters", test_school_setters);
  g_test_add_func ("/model/objects/school/known-counts", test_school_known_counts);
  g_test_add_func ("/model/objects/school/negative-count", test_school_bad_counts);
  g_test_add_func ("/model/objects/school/too-many-pupils", test_school_too_many);
  g_test_add_func ("/model/objects/school/uai", test_uai_validation);
  g_test_add_func ("/model/objects/scenario/defaults", test_scenario_defaults);
  g_test_add_func ("/model/objects/scenario/setters", test_scenario_setters);
  g_test_add_func ("/model/objects/scenario/optional", test_scenario_optional);
  g_test_add_func ("/model/objects/scenario/half-days", test_scenario_half_days);
  g_test_add_func ("/model/objects/scenario/duplicate", test_scenario_duplicate);
  g_test_add_func ("/model/objects/scenario/projection-strings", test_projection_strings);
  g_test_add_func ("/model/objects/document/defaults", test_document_defaults);
  g_test_add_func ("/model/objects/document/setters", test_document_setters);
  g_test_add_func ("/model/objects/document/propagation", test_document_propagation);
  g_test_add_func ("/model/objects/document/schools", test_document_schools);
  g_test_add_func ("/model/objects/document/scenarios", test_document_scenarios);
  g_test_add_func ("/model/objects/document/communes", test_document_communes);
  g_test_add_func ("/model/objects/document/private", test_document_private);
  g_test_add_func ("/model/objects/document/equal", test_document_equal);
  g_test_add_func ("/model/objects/document/not-equal", test_document_not_equal);
  g_test_add_func ("/model/objects/document/strings", test_strings);
  g_test_add_func ("/model/objects/document/example", test_document_example);
  g_test_add_func ("/model/objects/document/finalize", test_document_finalize);
  g_test_add_func ("/model/objects/enum-properties", test_enum_properties);

  return g_test_run ();
}
