/* test-money.c: parsing and formatting of cents, basis points, counts and dates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "ent-error.h"
#include "ent-money.h"

static void
test_parse_valid (void)
{
  static const struct { const char *text; gint64 cents; } cases[] = {
    { "1,30", 130 }, { "1.30", 130 }, { "1.3", 130 }, { "150", 15000 },
    { "150.00", 15000 }, { "0,05", 5 }, { ",5", 50 }, { "-0,5", -50 },
    { "+2", 200 }, { "1 571,70", 157170 }, { "1\xc2\xa0" "571,70 €", 157170 },
    { "1\xe2\x80\xaf" "571,70", 157170 }, { "  12  ", 1200 }, { "12€", 1200 },
    { "1 000 000", 100000000 }, { "7.", 700 }, { "1,571.70", 157170 },
    { "1.571,70", 157170 }, { "1,000,000.5", 100000050 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 cents = -1;

      g_test_message ("parsing “%s”", cases[i].text);
      g_assert_true (ent_money_parse (cases[i].text, &cents, &error));
      g_assert_no_error (error);
      g_assert_cmpint (cents, ==, cases[i].cents);
    }
}

static void
test_parse_invalid (void)
{
  static const char *cases[] = {
    "", " ", "abc", "1,305", "1.2.3", "1,30,0", "1 .30", "--1", "1-", "€",
    "1 2,3 4", "12 €€", "0x10", "1e3", "99999999999999999999", ".", "1,3 %",
    "1,57.70", "1.5710,70", "1,571.70,5", ",571.70",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 cents = 42;

      g_test_message ("parsing “%s”", cases[i]);
      g_assert_false (ent_money_parse (cases[i], &cents, &error));
      g_assert_error (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_INVALID_VALUE);
      g_assert_nonnull (strstr (error->message, cases[i]));
      g_assert_cmpint (cents, ==, 42);
    }
}

static void
test_percent (void)
{
  gint64 bp = 0;
  g_autoptr(GError) error = NULL;

  g_assert_true (ent_percent_parse ("-2,0", &bp, NULL));
  g_assert_cmpint (bp, ==, -200);
  g_assert_true (ent_percent_parse ("2.5 %", &bp, NULL));
  g_assert_cmpint (bp, ==, 250);
  g_assert_true (ent_percent_parse ("0.25", &bp, NULL));
  g_assert_cmpint (bp, ==, 25);
  g_assert_false (ent_percent_parse ("2.555", &bp, &error));
  g_assert_error (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_INVALID_VALUE);
}

static void
test_plain (void)
{
  static const struct { gint64 cents; const char *text; } cases[] = {
    { 157170, "1571.70" }, { 0, "0.00" }, { 5, "0.05" }, { -5, "-0.05" },
    { -157170, "-1571.70" }, { G_MAXINT64, "92233720368547758.07" },
    { G_MININT64, "-92233720368547758.08" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = ent_money_to_plain (cases[i].cents);
      g_assert_cmpstr (text, ==, cases[i].text);
    }

  {
    g_autofree char *a = ent_percent_to_plain (-250);
    g_autofree char *b = ent_percent_to_plain (200);
    g_autofree char *c = ent_percent_to_plain (5);
    g_assert_cmpstr (a, ==, "-2.5");
    g_assert_cmpstr (b, ==, "2");
    g_assert_cmpstr (c, ==, "0.05");
  }
}

/* Round trip: every formatted amount parses back to itself. */
static void
test_round_trip (void)
{
  for (gint64 cents = -100000; cents <= 100000; cents += 37)
    {
      g_autofree char *plain = ent_money_to_plain (cents);
      g_autofree char *shown = ent_money_format_number (cents);
      gint64 back = 0;

      g_assert_true (ent_money_parse (plain, &back, NULL));
      g_assert_cmpint (back, ==, cents);
      g_assert_true (ent_money_parse (shown, &back, NULL));
      g_assert_cmpint (back, ==, cents);
    }
}

/* Under a French locale: "1 571,70 €" with a narrow or plain no-break space. */
static void
test_format_french (void)
{
  g_autofree char *amount = NULL;
  g_autofree char *count = NULL;
  g_autofree char *percent = NULL;

  if (setlocale (LC_ALL, "fr_FR.UTF-8") == NULL)
    {
      g_test_skip ("fr_FR.UTF-8 is not generated");
      return;
    }

  amount = ent_money_format (157170);
  count = ent_count_format (1209);
  percent = ent_percent_format (-250);
  setlocale (LC_ALL, "C.UTF-8");

  {
    g_autoptr(GString) s = g_string_new (amount);
    g_string_replace (s, "\xe2\x80\xaf", " ", 0);
    g_string_replace (s, "\xc2\xa0", " ", 0);
    g_assert_cmpstr (s->str, ==, "1 571,70 €");
  }
  {
    g_autoptr(GString) s = g_string_new (count);
    g_string_replace (s, "\xe2\x80\xaf", " ", 0);
    g_string_replace (s, "\xc2\xa0", " ", 0);
    g_assert_cmpstr (s->str, ==, "1 209");
  }
  {
    g_autoptr(GString) s = g_string_new (percent);
    g_string_replace (s, "\xe2\x80\xaf", " ", 0);
    g_assert_cmpstr (s->str, ==, "-2,5 %");
  }
}

static void
test_format_c_locale (void)
{
  g_autofree char *amount = ent_money_format (157170);
  g_autofree char *negative = ent_money_format (-5);
  g_autofree char *percent = ent_percent_format (250);

  g_assert_cmpstr (amount, ==, "€1,571.70");
  g_assert_cmpstr (negative, ==, "-€0.05");
  g_assert_cmpstr (percent, ==, "2.5%");
}

static void
test_format_signed (void)
{
  g_autofree char *plus = ent_money_format_signed (145080);
  g_autofree char *minus = ent_money_format_signed (-1200);
  g_autofree char *zero = ent_money_format_signed (0);
  g_autofree char *percent = ent_percent_format_signed (-250);
  g_autofree char *percent_plus = ent_percent_format_signed (2308);

  g_assert_cmpstr (plus, ==, "+€1,450.80");
  g_assert_cmpstr (minus, ==, "\xe2\x88\x92€12.00");   /* U+2212 MINUS SIGN */
  g_assert_cmpstr (zero, ==, "€0.00");
  g_assert_cmpstr (percent, ==, "\xe2\x88\x92" "2.5%");
  g_assert_cmpstr (percent_plus, ==, "+23.08%");
}

/* The short date's pattern, derived from the locale's D_FMT by hand: the
 * order and separators kept, the year on four digits, ISO 8601 otherwise. */
static void
test_date_pattern (void)
{
  static const struct { const char *d_fmt; const char *pattern; } cases[] = {
    { "%m/%d/%y", "%m/%d/%Y" },          /* C, older en_US */
    { "%m/%d/%Y", "%m/%d/%Y" },          /* en_US */
    { "%d/%m/%Y", "%d/%m/%Y" },          /* fr_FR */
    { "%d/%m/%y", "%d/%m/%Y" },          /* en_GB */
    { "%d.%m.%Y", "%d.%m.%Y" },          /* de_DE */
    { "%Y-%m-%d", "%Y-%m-%d" },          /* sv_SE */
    { "%Y. %m. %d.", "%Y. %m. %d." },    /* hu_HU */
    { "%e/%-m/%y", "%d/%m/%Y" },         /* padding flags: always padded */
    { "%Y年%m月%d日", "%Y-%m-%d" },      /* a non-ASCII separator */
    { "%b %d, %Y", "%Y-%m-%d" },         /* a month name */
    { "%EY", "%Y-%m-%d" },               /* an era */
    { "%Y%m%d", "%Y-%m-%d" },            /* fields run together */
    { "%d/%m", "%Y-%m-%d" },             /* no year */
    { "%d/%m/%Y/%y", "%Y-%m-%d" },       /* two years */
    { "%d/%m/%", "%Y-%m-%d" },           /* a truncated directive */
    { "", "%Y-%m-%d" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *pattern = ent_date_short_pattern (cases[i].d_fmt);

      g_assert_cmpstr (pattern, ==, cases[i].pattern);
    }
  {
    g_autofree char *pattern = ent_date_short_pattern (NULL);

    g_assert_cmpstr (pattern, ==, "%Y-%m-%d");
  }
}

/* Every day of a few years is shown with its four-digit year and read back
 * as the same day, under the current locale. */
static void
assert_dates_round_trip (void)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, G_DATE_JANUARY, 2020);
  for (guint i = 0; i < 366 * 12; i++, g_date_add_days (&date, 1))
    {
      g_autofree char *text = ent_date_format_short (&date);
      g_autofree char *year = g_strdup_printf ("%u", g_date_get_year (&date));
      GDate back;

      g_assert_nonnull (strstr (text, year));
      g_assert_true (ent_date_parse (text, &back));
      g_assert_cmpint (g_date_compare (&back, &date), ==, 0);
    }
}

static void
set_date (GDate *date,
          guint  day,
          guint  month,
          guint  year)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
}

/* C.UTF-8: D_FMT is "%m/%d/%y", so month first, then the day. */
static void
test_date_c_locale (void)
{
  GDate date;
  GDate back;
  g_autofree char *new_year = NULL;
  g_autofree char *november = NULL;

  set_date (&date, 1, 1, 2024);
  new_year = ent_date_format_short (&date);
  set_date (&date, 22, 11, 2024);
  november = ent_date_format_short (&date);
  g_assert_cmpstr (new_year, ==, "01/01/2024");
  g_assert_cmpstr (november, ==, "11/22/2024");
  assert_dates_round_trip ();

  /* What the entries accepted before: the locale's "%x" with two-digit
   * years, ISO 8601, month names. */
  g_assert_true (ent_date_parse ("09/01/24", &back));
  set_date (&date, 1, 9, 2024);
  g_assert_cmpint (g_date_compare (&back, &date), ==, 0);
  g_assert_true (ent_date_parse (" 2024-09-01 ", &back));
  g_assert_cmpint (g_date_compare (&back, &date), ==, 0);
  g_assert_true (ent_date_parse ("September 1, 2024", &back));
  g_assert_cmpint (g_date_compare (&back, &date), ==, 0);

  g_assert_false (ent_date_parse ("not a date", &back));
  g_assert_false (g_date_valid (&back));
  g_assert_false (ent_date_parse ("", &back));
  g_assert_false (ent_date_parse (NULL, &back));

  {
    g_autofree char *none = ent_date_format_short (NULL);

    g_assert_cmpstr (none, ==, "");
  }
}

/* en_US.UTF-8: month/day/year; counts grouped with a comma. */
static void
test_format_english (void)
{
  GDate date;
  g_autofree char *new_year = NULL;
  g_autofree char *november = NULL;
  g_autofree char *count = NULL;
  g_autofree char *small = NULL;

  if (setlocale (LC_ALL, "en_US.UTF-8") == NULL)
    {
      g_test_skip ("en_US.UTF-8 is not generated (localedef -i en_US -f UTF-8 en_US.UTF-8)");
      return;
    }

  set_date (&date, 1, 1, 2024);
  new_year = ent_date_format_short (&date);
  set_date (&date, 22, 11, 2024);
  november = ent_date_format_short (&date);
  count = ent_count_format (1209);
  small = ent_count_format (999);
  assert_dates_round_trip ();
  setlocale (LC_ALL, "C.UTF-8");

  g_assert_cmpstr (new_year, ==, "01/01/2024");
  g_assert_cmpstr (november, ==, "11/22/2024");
  g_assert_cmpstr (count, ==, "1,209");
  g_assert_cmpstr (small, ==, "999");
}

/* fr_FR.UTF-8: day/month/year; counts grouped with the space amounts use. */
static void
test_format_french_dates_counts (void)
{
  GDate date;
  GDate back;
  gboolean parsed;
  g_autofree char *new_year = NULL;
  g_autofree char *november = NULL;
  g_autofree char *count = NULL;
  g_autofree char *million = NULL;
  g_autofree char *amount = NULL;

  if (setlocale (LC_ALL, "fr_FR.UTF-8") == NULL)
    {
      g_test_skip ("fr_FR.UTF-8 is not generated");
      return;
    }

  set_date (&date, 1, 1, 2024);
  new_year = ent_date_format_short (&date);
  set_date (&date, 22, 11, 2024);
  november = ent_date_format_short (&date);
  count = ent_count_format (1209);
  million = ent_count_format (-1000000);
  amount = ent_money_format (157170);
  assert_dates_round_trip ();
  parsed = ent_date_parse ("22/11/24", &back);   /* accepted before: the year 24 */
  setlocale (LC_ALL, "C.UTF-8");

  g_assert_cmpstr (new_year, ==, "01/01/2024");
  g_assert_cmpstr (november, ==, "22/11/2024");
  g_assert_true (parsed);
  g_assert_cmpuint (g_date_get_day (&back), ==, 22);
  g_assert_cmpuint (g_date_get_month (&back), ==, 11);

  /* "1 209" with a narrow or plain no-break space, the same as in "1 571,70 €" */
  {
    const char *separator = count + 1;
    gsize length = strlen (separator) - strlen ("209");

    g_assert_true (g_str_has_prefix (count, "1"));
    g_assert_true (g_str_has_suffix (count, "209"));
    g_assert_true ((length == 3 && strncmp (separator, "\xe2\x80\xaf", 3) == 0) ||
                   (length == 2 && strncmp (separator, "\xc2\xa0", 2) == 0));
    g_assert_true (strncmp (amount + 1, separator, length) == 0);
    g_assert_cmpstr (amount + 1 + length, ==, "571,70\xc2\xa0€");
  }
  {
    g_autoptr(GString) s = g_string_new (million);

    g_string_replace (s, "\xe2\x80\xaf", " ", 0);
    g_string_replace (s, "\xc2\xa0", " ", 0);
    g_assert_cmpstr (s->str, ==, "-1 000 000");
  }
}

static void
test_round_div (void)
{
  g_assert_cmpint (ent_round_div (390, 12), ==, 33);     /* 32,5 → 33 */
  g_assert_cmpint (ent_round_div (-390, 12), ==, -33);   /* halves away from zero */
  g_assert_cmpint (ent_round_div (389, 12), ==, 32);
  g_assert_cmpint (ent_round_div (391, 12), ==, 33);
  g_assert_cmpint (ent_round_div (12, 12), ==, 1);
  g_assert_cmpint (ent_round_div (5, 10), ==, 1);
  g_assert_cmpint (ent_round_div (4, 10), ==, 0);
  g_assert_cmpint (ent_round_div (G_MAXINT64, 2), ==, G_MAXINT64 / 2 + 1);
}

static void
test_checked (void)
{
  gint64 out;

  g_assert_true (ent_checked_mul (1000000, 1000000, &out));
  g_assert_cmpint (out, ==, G_GINT64_CONSTANT (1000000000000));
  g_assert_false (ent_checked_mul (G_MAXINT64 / 2, 3, &out));
  g_assert_false (ent_checked_add (G_MAXINT64, 1, &out));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/money/parse-valid", test_parse_valid);
  g_test_add_func ("/model/money/parse-invalid", test_parse_invalid);
  g_test_add_func ("/model/money/percent", test_percent);
  g_test_add_func ("/model/money/plain", test_plain);
  g_test_add_func ("/model/money/round-trip", test_round_trip);
  g_test_add_func ("/model/money/format-french", test_format_french);
  g_test_add_func ("/model/money/format-c-locale", test_format_c_locale);
  g_test_add_func ("/model/money/format-signed", test_format_signed);
  g_test_add_func ("/model/money/date-pattern", test_date_pattern);
  g_test_add_func ("/model/money/date-c-locale", test_date_c_locale);
  g_test_add_func ("/model/money/format-english", test_format_english);
  g_test_add_func ("/model/money/format-french-dates-counts", test_format_french_dates_counts);
  g_test_add_func ("/model/money/round-div", test_round_div);
  g_test_add_func ("/model/money/checked", test_checked);

  return g_test_run ();
}
