/* test-validate.c: the rules shared by the widgets, the loader and the engine
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each rule at its bounds: the last value accepted and the first refused on
 * each side, from the SPEC and the limits of the model's headers.
 */
#include "config.h"

#include <string.h>

#include "ent-contract.h"
#include "ent-scenario.h"
#include "ent-school.h"
#include "ent-validate.h"

typedef gboolean (*IntegerRule) (gint64 value, GError **error);

static void
assert_integer_rule (IntegerRule rule,
                     gint64      first,
                     gint64      last)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (rule (first, NULL));
  g_assert_true (rule (last, NULL));
  g_assert_false (rule (first - 1, &error));
  g_assert_error (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_OUT_OF_RANGE);
  g_assert_cmpstr (error->message, !=, "");
  /* a reason is a sentence without a full stop: the callers add what follows */
  g_assert_false (g_str_has_suffix (error->message, "."));
  g_clear_error (&error);
  g_assert_false (rule (last + 1, &error));
  g_assert_error (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);
  g_assert_false (rule (G_MININT64, NULL));
  g_assert_false (rule (G_MAXINT64, NULL));
}

static void
test_counts_and_years (void)
{
  assert_integer_rule (ent_validate_first_school_year, 2000, 2100);
  assert_integer_rule (ent_validate_school_years, 1, 10);
  /* any school year of any contract: F = 2100, L = 10 bills 2100/2101 to 2109/2110 */
  assert_integer_rule (ent_validate_count_school_year, 2000, 2109);
  /* and its last budget year is 2110 */
  assert_integer_rule (ent_validate_budget_year, 2000, 2110);
  assert_integer_rule (ent_validate_pupil_count, 0, ENT_MAX_PUPILS_PER_SCHOOL);
  assert_integer_rule (ent_validate_half_days, 0, ENT_MAX_HALF_DAYS_PER_YEAR);
  assert_integer_rule (ent_validate_tariff_amount, 0, 100000000);
}

static GDate *
make_date (int year,
           int month,
           int day)
{
  return g_date_new_dmy (day, month, year);
}

static void
test_dates (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) first = make_date (2000, 1, 1);
  g_autoptr(GDate) before = make_date (1999, 12, 31);
  g_autoptr(GDate) last = make_date (2110, 8, 31);
  g_autoptr(GDate) after = make_date (2110, 9, 1);
  g_autoptr(GDate) leap = make_date (2024, 2, 29);
  GDate bound_first, bound_last;

  ent_validate_get_date_bounds (&bound_first, &bound_last);
  g_assert_cmpint (g_date_compare (&bound_first, first), ==, 0);
  g_assert_cmpint (g_date_compare (&bound_last, last), ==, 0);

  g_assert_true (ent_validate_date (first, NULL));
  g_assert_true (ent_validate_date (last, NULL));
  g_assert_true (ent_validate_date (leap, NULL));
  g_assert_false (ent_validate_date (before, &error));
  g_assert_error (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);
  g_assert_false (ent_validate_date (after, NULL));

  /* A tariff period: the same span, whatever the contract */
  g_assert_true (ent_validate_tariff_date (first, NULL));
  g_assert_true (ent_validate_tariff_date (last, NULL));
  g_assert_true (ent_validate_tariff_date (leap, NULL));
  g_assert_false (ent_validate_tariff_date (before, &error));
  g_assert_error (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);
  g_assert_false (ent_validate_tariff_date (after, NULL));
}

/* SPEC 3: contract 1 September F to 31 August F+L. */
static void
test_payment_start (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) start = make_date (2023, 9, 1);
  g_autoptr(GDate) day_before = make_date (2023, 8, 31);
  g_autoptr(GDate) end = make_date (2027, 8, 31);
  g_autoptr(GDate) day_after = make_date (2027, 9, 1);
  g_autoptr(GDate) hem = make_date (2024, 1, 1);

  g_assert_true (ent_validate_payment_start (2023, 4, start, NULL));
  g_assert_true (ent_validate_payment_start (2023, 4, hem, NULL));
  g_assert_true (ent_validate_payment_start (2023, 4, end, NULL));
  g_assert_false (ent_validate_payment_start (2023, 4, day_before, &error));
  g_assert_error (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);
  g_assert_false (ent_validate_payment_start (2023, 4, day_after, &error));
  g_assert_error (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);
  /* the same date, the contract moved: refused */
  g_assert_false (ent_validate_payment_start (2024, 4, hem, NULL));
  g_assert_false (ent_validate_payment_start (2022, 1, hem, NULL));
}

/* SPEC 13: a SIRET is fourteen digits whose Luhn key is right.
 * 21590299000013 was built by hand for the tests (synthetic: the SIREN of
 * a commune of the Nord is 21 + its INSEE code 59299 + a key, then NIC 0001
 * and its key). Luhn, from the right, digits at odd places as they are:
 * 3 0 0 9 2 9 1 = 24; at even places doubled, less 9 above 9: 1→2 0→0 0→0
 * 9→9 0→0 5→1 2→4 = 16; 24 + 16 = 40, a multiple of 10. The same with a
 * last digit of 4 makes 41: refused. "215 902 991 00017", once said to be
 * Hem's, makes 46: refused too. */
static void
test_siret (void)
{
  static const char * const bad_length[] = {
    "2159029900001", "215902990000130", "2159029900001A", "21590299 00013", "ABCDEFGHIJKLMN",
    "２１５９０２９９０００１３",  /* fullwidth digits: not ASCII */
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *stripped = NULL;

  g_assert_true (ent_validate_siret ("", NULL));
  g_assert_true (ent_validate_siret ("21590299000013", NULL));
  g_assert_true (ent_validate_siret ("00000000000000", NULL));

  g_assert_false (ent_validate_siret ("21590299000014", &error));
  g_assert_error (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_INVALID_VALUE);
  g_assert_nonnull (strstr (error->message, "check digit"));
  g_clear_error (&error);
  g_assert_false (ent_validate_siret ("21590299100017", NULL));

  for (guint i = 0; i < G_N_ELEMENTS (bad_length); i++)
    {
      if (ent_validate_siret (bad_length[i], &error))
        g_error ("“%s” taken for a SIRET", bad_length[i]);
      g_assert_error (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_INVALID_VALUE);
      g_assert_nonnull (strstr (error->message, "fourteen digits"));
      g_clear_error (&error);
    }

  /* pasted with spaces (ASCII, no-break, narrow no-break): taken without them */
  stripped = ent_validate_dup_siret ("215 902 990 00013", NULL);
  g_assert_cmpstr (stripped, ==, "21590299000013");
  g_clear_pointer (&stripped, g_free);
  stripped = ent_validate_dup_siret (" 215\u00a0902\u202f990 00013 ", NULL);
  g_assert_cmpstr (stripped, ==, "21590299000013");
  g_clear_pointer (&stripped, g_free);
  stripped = ent_validate_dup_siret ("", NULL);
  g_assert_cmpstr (stripped, ==, "");
  g_clear_pointer (&stripped, g_free);
  g_assert_null (ent_validate_dup_siret ("215 902 990 00014", &error));
  g_assert_nonnull (strstr (error->message, "check digit"));
  g_clear_error (&error);
  g_assert_null (ent_validate_dup_siret ("215-902-990-00013", &error));
  g_assert_nonnull (strstr (error->message, "fourteen digits"));
  g_clear_error (&error);
  g_assert_null (ent_validate_dup_siret ("2159029900001\xff", NULL));
}

static void
test_codes (void)
{
  static const char * const insee_ok[] = { "", "59299", "01001", "2A004", "2B033", "200093201" };
  static const char * const insee_bad[] = {
    "5929", "592999", "2C004", "2a004", "59 299", "59A99", "20009320", "2000932011", "AB123",
  };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (insee_ok); i++)
    g_assert_true (ent_validate_insee (insee_ok[i], NULL));
  for (guint i = 0; i < G_N_ELEMENTS (insee_bad); i++)
    {
      if (ent_validate_insee (insee_bad[i], &error))
        g_error ("“%s” taken for an INSEE code", insee_bad[i]);
      g_assert_error (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_INVALID_VALUE);
      g_clear_error (&error);
    }

  /* SPEC 5 and 13: 65, 011, 65548, 6554, 611; the function may be empty */
  g_assert_true (ent_validate_imputation_code (ENT_IMPUTATION_CHAPTER, "65", NULL));
  g_assert_true (ent_validate_imputation_code (ENT_IMPUTATION_CHAPTER, "011", NULL));
  g_assert_true (ent_validate_imputation_code (ENT_IMPUTATION_NATURE, "65548", NULL));
  g_assert_true (ent_validate_imputation_code (ENT_IMPUTATION_FUNCTION, "212", NULL));
  g_assert_true (ent_validate_imputation_code (ENT_IMPUTATION_FUNCTION, "", NULL));
  g_assert_true (ent_validate_imputation_code (ENT_IMPUTATION_NATURE, "1234567890", NULL));
  g_assert_false (ent_validate_imputation_code (ENT_IMPUTATION_NATURE, "12345678901", NULL));
  g_assert_false (ent_validate_imputation_code (ENT_IMPUTATION_CHAPTER, "", &error));
  g_assert_error (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_false (ent_validate_imputation_code (ENT_IMPUTATION_NATURE, "", NULL));
  g_assert_false (ent_validate_imputation_code (ENT_IMPUTATION_NATURE, "61l", NULL));
  g_assert_false (ent_validate_imputation_code (ENT_IMPUTATION_FUNCTION, " 21", NULL));
  g_assert_false (ent_validate_imputation_code (ENT_IMPUTATION_CHAPTER, "-65", NULL));
}

/* SPEC 10.5: no C0 or C1 control, tab and line breaks included, no noncharacter. */
static void
test_names (void)
{
  static const char * const ok[] = {
    "",
    "Écoles publiques de Hem (11 écoles)",
    "Base + accompagnement ; 2 demi-journées = « 300 € »",
    "=cmd|' /C calc'!A0",                 /* a formula is data here: --csv and --scdl quote it */
    "\xc2\xa0\xe2\x80\xaf",               /* no-break spaces */
    "\xe2\x80\x8b\xef\xbb\xbf",           /* zero-width space, U+FEFF (a format character) */
    "\xe2\x80\xae" "droite",              /* U+202E: a format character, not a control */
    "\xc2\xa0\xc2\xa1",                   /* U+00A0, U+00A1: just past C1 */
    "\xef\xb7\x8f\xef\xb7\xb0",           /* U+FDCF, U+FDF0: around the noncharacter block */
    "\xef\xbf\xbd",                       /* U+FFFD, the replacement character */
    "\xf0\x9f\x8f\xab",                   /* U+1F3EB, a school */
    "\xf4\x8f\xbf\xbd",                   /* U+10FFFD, the last character */
  };
  static const struct { const char *text; const char *reason; } bad[] = {
    { "a\tb", "single line" },
    { "a\nb", "single line" },
    { "a\rb", "single line" },
    { "a\x01" "b", "U+0001" },
    { "\x1f", "U+001F" },
    { "\x1b[31m", "U+001B" },
    { "\x7f", "U+007F" },
    { "\xc2\x80", "U+0080" },
    { "\xc2\x85", "U+0085" },
    { "\xc2\x9f", "U+009F" },
    { "\xef\xb7\x90", "U+FDD0" },
    { "\xef\xb7\xaf", "U+FDEF" },
    { "\xef\xbf\xbe", "U+FFFE" },
    { "\xef\xbf\xbf", "U+FFFF" },
    { "\xf0\x9f\xbf\xbe", "U+1FFFE" },
    { "\xf0\x9f\xbf\xbf", "U+1FFFF" },
    { "\xf4\x8f\xbf\xbe", "U+10FFFE" },
    { "\xf4\x8f\xbf\xbf", "U+10FFFF" },
    { "\xc3", "UTF-8" },
    { "\xed\xa0\x80", "UTF-8" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (ok); i++)
    {
      g_autoptr(GError) error = NULL;

      if (!ent_validate_name (ok[i], &error))
        g_error ("name %u refused: %s", i, error->message);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      if (ent_validate_name (bad[i].text, &error))
        g_error ("name %u (%s) accepted", i, bad[i].reason);
      g_assert_error (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_INVALID_VALUE);
      if (strstr (error->message, bad[i].reason) == NULL)
        g_error ("name %u: “%s” is not in “%s”", i, bad[i].reason, error->message);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/validate/counts-and-years", test_counts_and_years);
  g_test_add_func ("/model/validate/dates", test_dates);
  g_test_add_func ("/model/validate/payment-start", test_payment_start);
  g_test_add_func ("/model/validate/codes", test_codes);
  g_test_add_func ("/model/validate/siret", test_siret);
  g_test_add_func ("/model/validate/names", test_names);

  return g_test_run ();
}
