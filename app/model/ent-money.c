/* ent-money.c: integer cents and basis points, parsed and shown the French way
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <langinfo.h>
#include <limits.h>
#include <locale.h>
#include <string.h>

#include "ent-error.h"
#include "ent-money.h"

/* Keeps every parsed value far from G_MAXINT64 so that sums of a few values
 * cannot overflow: 10^15 cents is ten thousand billion euros. */
#define MAX_PARSED_UNITS G_GINT64_CONSTANT (1000000000000000)

#define ISO_DATE "%Y-%m-%d"

/* Skips a thousands separator at @p: a space, U+00A0 or U+202F. */
static gsize
group_separator_length (const char *p)
{
  if (*p == ' ')
    return 1;
  if (strncmp (p, "\xc2\xa0", 2) == 0)
    return 2;
  if (strncmp (p, "\xe2\x80\xaf", 3) == 0)
    return 3;
  return 0;
}

static const char *
skip_spaces (const char *p)
{
  for (;;)
    {
      gsize n = group_separator_length (p);

      if (n == 0 && (*p == '\t'))
        n = 1;
      if (n == 0)
        return p;
      p += n;
    }
}

/* Parses a decimal number with at most two decimals into hundredths.
 * @suffix is an optional unit accepted at the end ("€", "%"). */
/* "1,571.70" and "1.571,70": when both separators appear, the last one is the
 * decimal separator and the other one groups thousands, each occurrence being
 * followed by exactly three digits. Returns a copy without the grouping
 * separators, or NULL when they are misplaced. */
static char *
drop_mixed_grouping (const char *text)
{
  const char *last_dot = strrchr (text, '.');
  const char *last_comma = strrchr (text, ',');
  char group;
  const char *decimal;
  GString *out;

  if (last_dot == NULL || last_comma == NULL)
    return g_strdup (text);

  decimal = MAX (last_dot, last_comma);
  group = (decimal == last_dot) ? ',' : '.';
  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == group)
        {
          if (p > decimal || p == text || !g_ascii_isdigit (p[-1]) ||
              !g_ascii_isdigit (p[1]) || !g_ascii_isdigit (p[2]) ||
              !g_ascii_isdigit (p[3]) || (p + 4 != decimal && p[4] != group))
            {
              g_string_free (out, TRUE);
              return NULL;
            }
          continue;
        }
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static gboolean
parse_hundredths (const char  *raw_text,
                  const char  *suffix,
                  gint64      *out,
                  gboolean    *out_too_precise)
{
  g_autofree char *text = NULL;
  const char *p;
  gboolean negative = FALSE;
  gint64 units = 0;
  gint64 hundredths = 0;
  guint n_digits = 0;
  guint n_decimals = 0;

  *out_too_precise = FALSE;
  if (raw_text == NULL || (text = drop_mixed_grouping (raw_text)) == NULL)
    return FALSE;

  p = skip_spaces (text);
  if (*p == '-' || *p == '+')
    {
      negative = (*p == '-');
      p++;
    }

  while (TRUE)
    {
      if (g_ascii_isdigit (*p))
        {
          units = units * 10 + (*p - '0');
          if (units > MAX_PARSED_UNITS)
            return FALSE;
          n_digits++;
          p++;
        }
      else if (n_digits > 0 && group_separator_length (p) > 0 &&
               g_ascii_isdigit (p[group_separator_length (p)]))
        {
          p += group_separator_length (p);
        }
      else
        break;
    }

  if (*p == '.' || *p == ',')
    {
      p++;
      while (g_ascii_isdigit (*p))
        {
          if (n_decimals == 2)
            {
              *out_too_precise = TRUE;
              return FALSE;
            }
          hundredths = hundredths * 10 + (*p - '0');
          n_decimals++;
          p++;
        }
      if (n_decimals == 0 && n_digits == 0)
        return FALSE;
    }
  if (n_digits == 0 && n_decimals == 0)
    return FALSE;
  if (n_decimals == 1)
    hundredths *= 10;

  p = skip_spaces (p);
  if (suffix != NULL && g_str_has_prefix (p, suffix))
    p = skip_spaces (p + strlen (suffix));
  if (*p != '\0')
    return FALSE;

  *out = (units * 100 + hundredths) * (negative ? -1 : 1);
  return TRUE;
}

gboolean
ent_money_parse (const char  *text,
                 gint64      *out_cents,
                 GError     **error)
{
  gboolean too_precise;
  gint64 value;

  if (!parse_hundredths (text, "€", &value, &too_precise))
    {
      if (too_precise)
        g_set_error (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_INVALID_VALUE,
                     _("“%s” has more than two decimals: amounts are in euros and cents"),
                     text);
      else
        g_set_error (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_INVALID_VALUE,
                     _("“%s” is not an amount (expected e.g. 1,30 or 1.30)"),
                     text ? text : "");
      return FALSE;
    }

  *out_cents = value;
  return TRUE;
}

gboolean
ent_percent_parse (const char  *text,
                   gint64      *out_bp,
                   GError     **error)
{
  gboolean too_precise;
  gint64 value;

  if (!parse_hundredths (text, "%", &value, &too_precise))
    {
      if (too_precise)
        g_set_error (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_INVALID_VALUE,
                     _("“%s” has more than two decimals: percentages are given to 0.01"),
                     text);
      else
        g_set_error (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_INVALID_VALUE,
                     _("“%s” is not a percentage (expected e.g. -2,5 or 2.5)"),
                     text ? text : "");
      return FALSE;
    }

  *out_bp = value;
  return TRUE;
}

/* Appends the decimal digits of @value (>= 0) to @str, grouped by three with
 * @thousands_sep (may be empty). */
static void
append_grouped (GString    *str,
                guint64     value,
                const char *thousands_sep)
{
  char digits[32];
  gsize n;

  g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT, value);
  n = strlen (digits);
  for (gsize i = 0; i < n; i++)
    {
      if (i > 0 && (n - i) % 3 == 0)
        g_string_append (str, thousands_sep);
      g_string_append_c (str, digits[i]);
    }
}

static guint64
magnitude (gint64 value)
{
  return value < 0 ? (guint64) (-(value + 1)) + 1 : (guint64) value;
}

static void
append_magnitude (GString    *str,
                  guint64     abs_cents,
                  const char *decimal_point,
                  const char *thousands_sep)
{
  append_grouped (str, abs_cents / 100, thousands_sep);
  g_string_append_printf (str, "%s%02u", decimal_point, (guint) (abs_cents % 100));
}

static void
append_amount (GString    *str,
               gint64      cents,
               const char *decimal_point,
               const char *thousands_sep)
{
  if (cents < 0)
    g_string_append_c (str, '-');
  append_magnitude (str, magnitude (cents), decimal_point, thousands_sep);
}

static const char *
or_default (const char *value,
            const char *fallback)
{
  return (value != NULL && *value != '\0') ? value : fallback;
}

char *
ent_money_format_number (gint64 cents)
{
  GString *str = g_string_new (NULL);

  const struct lconv *conv = localeconv ();

  append_amount (str, cents,
                 or_default (conv->mon_decimal_point, "."),
                 or_default (conv->mon_thousands_sep, ","));
  return g_string_free (str, FALSE);
}

char *
ent_money_format (gint64 cents)
{
  GString *str = g_string_new (NULL);
  const struct lconv *conv = localeconv ();
  const char *decimal_point = or_default (conv->mon_decimal_point, ".");
  const char *thousands_sep = or_default (conv->mon_thousands_sep, ",");
  /* The C locale defines no currency conventions: use the English ones. */
  gboolean symbol_first = (conv->p_cs_precedes == CHAR_MAX || conv->p_cs_precedes == 1);
  gboolean space = (conv->p_sep_by_space != CHAR_MAX && conv->p_sep_by_space != 0);

  if (symbol_first)
    {
      if (cents < 0)
        g_string_append_c (str, '-');
      g_string_append (str, "€");
      if (space)
        g_string_append (str, "\xc2\xa0");
      append_magnitude (str, magnitude (cents), decimal_point, thousands_sep);
    }
  else
    {
      append_amount (str, cents, decimal_point, thousands_sep);
      g_string_append (str, space ? "\xc2\xa0€" : "€");
    }
  return g_string_free (str, FALSE);
}

char *
ent_money_to_plain (gint64 cents)
{
  GString *str = g_string_new (NULL);

  append_amount (str, cents, ".", "");
  return g_string_free (str, FALSE);
}

/* A count is a plain number, so it takes LC_NUMERIC's separator; in the
 * locales that define none there but group amounts (LC_MONETARY), it takes
 * the amounts' one, so that "1 209 pupils" and "1 571,70 €" group alike on
 * the same screen. French glibc uses U+202F for both; the C locale defines
 * neither and counts stay ungrouped ("1209"). */
char *
ent_count_format (gint64 count)
{
  GString *str = g_string_new (NULL);
  const struct lconv *conv = localeconv ();

  if (count < 0)
    g_string_append_c (str, '-');
  append_grouped (str, magnitude (count),
                  or_default (conv->thousands_sep, or_default (conv->mon_thousands_sep, "")));
  return g_string_free (str, FALSE);
}

/* "-2.5" with @decimal_point, trailing zeros dropped. */
static void
append_percent (GString    *str,
                gint64      bp,
                const char *decimal_point)
{
  guint64 abs_bp = magnitude (bp);
  guint fraction = abs_bp % 100;

  if (bp < 0)
    g_string_append_c (str, '-');
  g_string_append_printf (str, "%" G_GUINT64_FORMAT, abs_bp / 100);
  if (fraction != 0)
    {
      if (fraction % 10 == 0)
        g_string_append_printf (str, "%s%u", decimal_point, fraction / 10);
      else
        g_string_append_printf (str, "%s%02u", decimal_point, fraction);
    }
}

char *
ent_percent_format (gint64 bp)
{
  GString *str = g_string_new (NULL);
  const char *decimal_point = or_default (localeconv ()->decimal_point, ".");

  append_percent (str, bp, decimal_point);
  /* French typography puts a (narrow) no-break space before "%". */
  g_string_append (str, strcmp (decimal_point, ",") == 0 ? "\xe2\x80\xaf%" : "%");
  return g_string_free (str, FALSE);
}

/* Prefixes @magnitude with "+" or U+2212 MINUS SIGN by the sign of @value. */
static char *
signed_text (gint64  value,
             char   *magnitude)
{
  char *text;

  if (value > 0)
    text = g_strconcat ("+", magnitude, NULL);
  else if (value < 0)
    text = g_strconcat ("\xe2\x88\x92", magnitude, NULL);
  else
    return magnitude;
  g_free (magnitude);
  return text;
}

char *
ent_money_format_signed (gint64 cents)
{
  return signed_text (cents, ent_money_format (cents == G_MININT64 ? G_MAXINT64 : ABS (cents)));
}

char *
ent_percent_format_signed (gint64 bp)
{
  return signed_text (bp, ent_percent_format (bp == G_MININT64 ? G_MAXINT64 : ABS (bp)));
}

char *
ent_percent_to_plain (gint64 bp)
{
  GString *str = g_string_new (NULL);

  append_percent (str, bp, ".");
  return g_string_free (str, FALSE);
}

char *
ent_date_format (const GDate *date)
{
  char buf[128];

  g_return_val_if_fail (date != NULL && g_date_valid (date), g_strdup ("?"));

  const char *format;

  if (g_date_get_day (date) == 1)
    /* Translators: a date on the first day of a month, strftime format
     * (French: "1er %B %Y", with no-break spaces) */
    format = C_("long date, first of the month", "%-d %B %Y");
  else
    /* Translators: a long date, strftime format (French: "%-d %B %Y" with
     * no-break spaces, so that the date never breaks across lines) */
    format = C_("long date", "%-d %B %Y");

  if (g_date_strftime (buf, sizeof buf, format, date) == 0)
    return g_strdup ("?");
  return g_strdup (buf);
}

/* The short date follows the locale's own numeric date, nl_langinfo (D_FMT)
 * (what "%x" prints), with the year widened to four digits: "01/01/24" reads
 * as three small numbers, and nobody should have to guess the century of a
 * contract date. The locale's order is kept rather than ISO 8601 everywhere
 * because the order is what its users expect, and because the date entries
 * read text with g_date_set_parse (), which takes day, month and year in the
 * order of the locale's "%x" (and years of any width): a date written in
 * that order is read back as the same date.
 *
 * Only a format made of exactly one day, one month and one year directive
 * with punctuation or spaces between them is kept. Anything else (month
 * names, era years, non-ASCII separators such as "年" that the parser may try
 * to read as words, fields run together) falls back to ISO 8601 "%Y-%m-%d",
 * which is unambiguous in every language and which g_date_set_parse () also
 * reads (a four-digit first field is a year). */
char *
ent_date_short_pattern (const char *locale_format)
{
  const char *p = locale_format;
  g_autoptr(GString) format = g_string_new (NULL);
  guint n_days = 0;
  guint n_months = 0;
  guint n_years = 0;
  gboolean after_field = FALSE;

  for (; p != NULL && *p != '\0'; p++)
    {
      const char *field;

      if (*p != '%')
        {
          if (!g_ascii_ispunct (*p) && *p != ' ')
            return g_strdup (ISO_DATE);
          g_string_append_c (format, *p);
          after_field = FALSE;
          continue;
        }

      p++;
      /* glibc's padding flags: the day and month are always padded here */
      if (*p == '-' || *p == '_' || *p == '0')
        p++;
      switch (*p)
        {
        case 'd':
        case 'e':
          field = "%d";
          n_days++;
          break;
        case 'm':
          field = "%m";
          n_months++;
          break;
        case 'y':
        case 'Y':
          field = "%Y";
          n_years++;
          break;
        default:
          return g_strdup (ISO_DATE);
        }
      if (after_field)
        return g_strdup (ISO_DATE);
      g_string_append (format, field);
      after_field = TRUE;
    }

  if (n_days != 1 || n_months != 1 || n_years != 1)
    return g_strdup (ISO_DATE);
  return g_string_free (g_steal_pointer (&format), FALSE);
}

char *
ent_date_format_short (const GDate *date)
{
  g_autofree char *format = NULL;
  char buf[64];

  if (date == NULL || !g_date_valid (date))
    return g_strdup ("");

  format = ent_date_short_pattern (nl_langinfo (D_FMT));
  if (g_date_strftime (buf, sizeof buf, format, date) == 0)
    return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date),
                            (guint) g_date_get_month (date), g_date_get_day (date));
  return g_strdup (buf);
}

gboolean
ent_date_parse (const char *text,
                GDate      *out)
{
  g_return_val_if_fail (out != NULL, FALSE);

  g_date_clear (out, 1);
  if (text != NULL)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (text));

      if (*stripped != '\0')
        g_date_set_parse (out, stripped);
    }
  return g_date_valid (out);
}

gint64
ent_round_div (gint64 num,
               gint64 den)
{
  gint64 q, r;

  g_return_val_if_fail (den > 0, 0);

  q = num / den;
  r = num % den;
  /* halves away from zero; 2 * |r| cannot overflow since |r| < den */
  if (r != 0 && magnitude (r) >= (guint64) den - magnitude (r))
    q += (num < 0) ? -1 : 1;
  return q;
}

gboolean
ent_checked_mul (gint64  a,
                 gint64  b,
                 gint64 *out)
{
  return !__builtin_mul_overflow (a, b, out);
}

gboolean
ent_checked_add (gint64  a,
                 gint64  b,
                 gint64 *out)
{
  return !__builtin_add_overflow (a, b, out);
}
