/* ent-validate.c: the rules a value must follow, shared by the widgets, the
 * loader and the engine
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <inttypes.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "ent-contract.h"
#include "ent-money.h"
#include "ent-scenario.h"
#include "ent-school.h"
#include "ent-validate.h"

/* The last school year any contract can bill: F = ENT_MAX_SCHOOL_YEAR, L = ENT_MAX_SCHOOL_YEARS. */
#define LAST_SCHOOL_YEAR (ENT_MAX_SCHOOL_YEAR + ENT_MAX_SCHOOL_YEARS - 1)
/* Its budget year, the last one of that contract. */
#define LAST_BUDGET_YEAR (ENT_MAX_SCHOOL_YEAR + ENT_MAX_SCHOOL_YEARS)

static gboolean fail (GError     **error,
                      EntModelError code,
                      const char  *format,
                      ...) G_GNUC_PRINTF (3, 4);

static gboolean
fail (GError        **error,
      EntModelError   code,
      const char     *format,
      ...)
{
  va_list args;

  if (error == NULL)
    return FALSE;

  va_start (args, format);
  *error = g_error_new_valist (ENT_MODEL_ERROR, code, format, args);
  va_end (args);
  return FALSE;
}

static gboolean
is_digits (const char *text,
           gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  return TRUE;
}

/* C0 (U+0000–U+001F), DEL and C1 (U+007F–U+009F): Unicode's Cc category. */
static gboolean
is_control (gunichar c)
{
  return c < 0x20 || (c >= 0x7f && c <= 0x9f);
}

/* U+FDD0–U+FDEF and U+xFFFE, U+xFFFF of every plane. */
static gboolean
is_noncharacter (gunichar c)
{
  return (c >= 0xfdd0 && c <= 0xfdef) || (c & 0xfffe) == 0xfffe;
}

void
ent_validate_get_date_bounds (GDate *out_first,
                              GDate *out_last)
{
  g_return_if_fail (out_first != NULL);
  g_return_if_fail (out_last != NULL);

  g_date_clear (out_first, 1);
  g_date_set_dmy (out_first, 1, G_DATE_JANUARY, ENT_MIN_SCHOOL_YEAR);
  g_date_clear (out_last, 1);
  g_date_set_dmy (out_last, 31, G_DATE_AUGUST, LAST_BUDGET_YEAR);
}

gboolean
ent_validate_date (const GDate  *date,
                   GError      **error)
{
  GDate first, last;

  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  ent_validate_get_date_bounds (&first, &last);
  if (g_date_compare (date, &first) < 0 || g_date_compare (date, &last) > 0)
    {
      g_autofree char *text = ent_date_format (date);
      g_autofree char *first_text = ent_date_format (&first);
      g_autofree char *last_text = ent_date_format (&last);

      /* Translators: three dates, such as "1 January 2000" */
      return fail (error, ENT_MODEL_ERROR_OUT_OF_RANGE,
                   _("%s is outside the dates a document can hold, from %s to %s"),
                   text, first_text, last_text);
    }
  return TRUE;
}

gboolean
ent_validate_first_school_year (gint64   year,
                                GError **error)
{
  if (year < ENT_MIN_SCHOOL_YEAR || year > ENT_MAX_SCHOOL_YEAR)
    /* Translators: a number, then two years */
    return fail (error, ENT_MODEL_ERROR_OUT_OF_RANGE,
                 _("%" PRId64 " is not a first school year between %d and %d"),
                 year, ENT_MIN_SCHOOL_YEAR, ENT_MAX_SCHOOL_YEAR);
  return TRUE;
}

gboolean
ent_validate_school_years (gint64   n_years,
                           GError **error)
{
  if (n_years < 1 || n_years > ENT_MAX_SCHOOL_YEARS)
    /* Translators: the longest contract in school years, then the number given */
    return fail (error, ENT_MODEL_ERROR_OUT_OF_RANGE,
                 _("A contract lasts 1 to %d school years, not %" PRId64),
                 ENT_MAX_SCHOOL_YEARS, n_years);
  return TRUE;
}

gboolean
ent_validate_payment_start (int           first_school_year,
                            int           school_years,
                            const GDate  *payment_start,
                            GError      **error)
{
  GDate start, end;

  g_return_val_if_fail (payment_start != NULL && g_date_valid (payment_start), FALSE);

  g_date_clear (&start, 1);
  g_date_set_dmy (&start, 1, G_DATE_SEPTEMBER, first_school_year);
  g_date_clear (&end, 1);
  g_date_set_dmy (&end, 31, G_DATE_AUGUST, first_school_year + school_years);

  if (g_date_compare (payment_start, &start) < 0 || g_date_compare (payment_start, &end) > 0)
    {
      g_autofree char *text = ent_date_format (payment_start);
      g_autofree char *start_text = ent_date_format (&start);
      g_autofree char *end_text = ent_date_format (&end);

      /* Translators: the payment start, then the first and last days of the contract */
      return fail (error, ENT_MODEL_ERROR_OUT_OF_RANGE,
                   _("The payment start, %s, is outside the contract, which runs from %s to %s"),
                   text, start_text, end_text);
    }
  return TRUE;
}

gboolean
ent_validate_tariff_date (const GDate  *valid_from,
                          GError      **error)
{
  GDate first, last;

  g_return_val_if_fail (valid_from != NULL && g_date_valid (valid_from), FALSE);

  ent_validate_get_date_bounds (&first, &last);
  if (g_date_compare (valid_from, &first) < 0 || g_date_compare (valid_from, &last) > 0)
    {
      g_autofree char *text = ent_date_format (valid_from);
      g_autofree char *first_text = ent_date_format (&first);
      g_autofree char *last_text = ent_date_format (&last);

      /* Translators: three dates; the last two bound every contract the application handles */
      return fail (error, ENT_MODEL_ERROR_OUT_OF_RANGE,
                   _("A tariff period cannot start on %s: it starts between %s and %s"),
                   text, first_text, last_text);
    }
  return TRUE;
}

gboolean
ent_validate_tariff_amount (gint64   cents,
                            GError **error)
{
  if (cents < 0)
    return fail (error, ENT_MODEL_ERROR_OUT_OF_RANGE, "%s", _("An amount cannot be negative"));
  if (cents > ENT_MAX_TARIFF_CENTS)
    {
      g_autofree char *limit = ent_money_format (ENT_MAX_TARIFF_CENTS);

      /* Translators: %s is an amount, "1 000 000,00 €" */
      return fail (error, ENT_MODEL_ERROR_OUT_OF_RANGE,
                   _("A tariff is at most %s: this amount is surely a typing error"), limit);
    }
  return TRUE;
}

gboolean
ent_validate_count_school_year (gint64   school_year,
                                GError **error)
{
  if (school_year < ENT_MIN_SCHOOL_YEAR || school_year > LAST_SCHOOL_YEAR)
    /* Translators: a number, then two years */
    return fail (error, ENT_MODEL_ERROR_OUT_OF_RANGE,
                 _("%" PRId64 " is not a school year between %d and %d"),
                 school_year, ENT_MIN_SCHOOL_YEAR, LAST_SCHOOL_YEAR);
  return TRUE;
}

gboolean
ent_validate_pupil_count (gint64   count,
                          GError **error)
{
  if (count < 0)
    return fail (error, ENT_MODEL_ERROR_OUT_OF_RANGE, "%s", _("A pupil count cannot be negative"));
  if (count > ENT_MAX_PUPILS_PER_SCHOOL)
    {
      g_autofree char *limit = ent_count_format (ENT_MAX_PUPILS_PER_SCHOOL);

      /* Translators: %s is a number, e.g. "100 000" */
      return fail (error, ENT_MODEL_ERROR_OUT_OF_RANGE, _("A school has at most %s pupils"), limit);
    }
  return TRUE;
}

gboolean
ent_validate_school_span (int      opens,
                          int      closes,
                          GError **error)
{
  if (opens != 0 && !ent_validate_count_school_year (opens, error))
    return FALSE;
  if (closes != 0 && !ent_validate_count_school_year (closes, error))
    return FALSE;
  if (opens != 0 && closes != 0 && closes <= opens)
    /* Translators: two years, the rentrées of September */
    return fail (error, ENT_MODEL_ERROR_OUT_OF_RANGE,
                 _("A school that opens at the rentrée %d closes at a later rentrée, not %d"),
                 opens, closes);
  return TRUE;
}

gboolean
ent_validate_count_in_span (int      opens,
                            int      closes,
                            int      school_year,
                            GError **error)
{
  if (opens != 0 && school_year < opens)
    /* Translators: a school year as 2023/2024, then a year */
    return fail (error, ENT_MODEL_ERROR_OUT_OF_RANGE,
                 _("A count is known for %d/%d, but the school opens at the rentrée %d"),
                 school_year, school_year + 1, opens);
  if (closes != 0 && school_year >= closes)
    /* Translators: a school year as 2023/2024, then a year */
    return fail (error, ENT_MODEL_ERROR_OUT_OF_RANGE,
                 _("A count is known for %d/%d, but the school is closed from the rentrée %d"),
                 school_year, school_year + 1, closes);
  return TRUE;
}

gboolean
ent_validate_budget_year (gint64   year,
                          GError **error)
{
  if (year < ENT_MIN_SCHOOL_YEAR || year > LAST_BUDGET_YEAR)
    /* Translators: a number, then two years */
    return fail (error, ENT_MODEL_ERROR_OUT_OF_RANGE,
                 _("%" PRId64 " is not a budget year between %d and %d"),
                 year, ENT_MIN_SCHOOL_YEAR, LAST_BUDGET_YEAR);
  return TRUE;
}

gboolean
ent_validate_half_days (gint64   count,
                        GError **error)
{
  if (count < 0)
    return fail (error, ENT_MODEL_ERROR_OUT_OF_RANGE, "%s",
                 _("A number of half-days cannot be negative"));
  if (count > ENT_MAX_HALF_DAYS_PER_YEAR)
    /* Translators: %d is a number of half-days */
    return fail (error, ENT_MODEL_ERROR_OUT_OF_RANGE,
                 _("A budget year has at most %d half-days of specific support"),
                 ENT_MAX_HALF_DAYS_PER_YEAR);
  return TRUE;
}

gboolean
ent_validate_insee (const char  *code,
                    GError     **error)
{
  gsize length;

  g_return_val_if_fail (code != NULL, FALSE);

  length = strlen (code);
  if (length == 0 || (length == 9 && is_digits (code, 9)))
    return TRUE;
  if (length == 5 && is_digits (code + 2, 3) &&
      (is_digits (code, 2) || (code[0] == '2' && (code[1] == 'A' || code[1] == 'B'))))
    return TRUE;

  return fail (error, ENT_MODEL_ERROR_INVALID_VALUE, "%s",
               _("An INSEE code has five characters, digits or 2A or 2B then three digits "
                 "in Corsica (for example 59299), or nine digits for an EPCI (its SIREN)"));
}

/* The Luhn key of @digits (ASCII digits only): every second digit from the
 * right doubled, its digits added; the sum is a multiple of 10. */
static gboolean
luhn_key_is_right (const char *digits,
                   gsize       length)
{
  guint sum = 0;

  for (gsize i = 0; i < length; i++)
    {
      guint digit = (guint) (digits[length - 1 - i] - '0');

      if (i % 2 == 1)
        digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
      sum += digit;
    }
  return sum % 10 == 0;
}

gboolean
ent_validate_siret (const char  *siret,
                    GError     **error)
{
  gsize length;

  g_return_val_if_fail (siret != NULL, FALSE);

  length = strlen (siret);
  if (length == 0)
    return TRUE;
  if (length != 14 || !is_digits (siret, length))
    return fail (error, ENT_MODEL_ERROR_INVALID_VALUE, "%s",
                 _("A SIRET has fourteen digits: the SIREN (nine) then the NIC (five)"));
  if (!luhn_key_is_right (siret, length))
    return fail (error, ENT_MODEL_ERROR_INVALID_VALUE, "%s",
                 _("This SIRET’s check digit is wrong: a digit was probably mistyped"));
  return TRUE;
}

char *
ent_validate_dup_siret (const char  *text,
                        GError     **error)
{
  g_autoptr(GString) siret = g_string_new (NULL);

  g_return_val_if_fail (text != NULL, NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == ' ' || c == 0x00A0 || c == 0x202F || c == 0x2009)
        continue;
      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          /* not UTF-8: refused below as not digits, without reading on */
          g_string_append_c (siret, '?');
          break;
        }
      g_string_append_unichar (siret, c);
    }
  if (!ent_validate_siret (siret->str, error))
    return NULL;
  return g_string_free (g_steal_pointer (&siret), FALSE);
}

gboolean
ent_validate_imputation_code (EntImputationPart   part,
                              const char         *code,
                              GError            **error)
{
  gsize length;

  g_return_val_if_fail (code != NULL, FALSE);

  length = strlen (code);
  if (length <= ENT_MAX_IMPUTATION_DIGITS && is_digits (code, length) &&
      (length > 0 || part == ENT_IMPUTATION_FUNCTION))
    return TRUE;

  switch (part)
    {
    case ENT_IMPUTATION_CHAPTER:
      /* Translators: %d is a number of digits */
      return fail (error, ENT_MODEL_ERROR_INVALID_VALUE,
                   _("A chapter is 1 to %d digits, for example 65 or 011"),
                   ENT_MAX_IMPUTATION_DIGITS);
    case ENT_IMPUTATION_NATURE:
      /* Translators: %d is a number of digits */
      return fail (error, ENT_MODEL_ERROR_INVALID_VALUE,
                   _("A nature is 1 to %d digits, for example 65548"),
                   ENT_MAX_IMPUTATION_DIGITS);
    case ENT_IMPUTATION_FUNCTION:
    default:
      /* Translators: %d is a number of digits */
      return fail (error, ENT_MODEL_ERROR_INVALID_VALUE,
                   _("A function is empty or 1 to %d digits, for example 21"),
                   ENT_MAX_IMPUTATION_DIGITS);
    }
}

gboolean
ent_validate_name (const char  *text,
                   GError     **error)
{
  g_return_val_if_fail (text != NULL, FALSE);

  if (!g_utf8_validate (text, -1, NULL))
    return fail (error, ENT_MODEL_ERROR_INVALID_VALUE, "%s",
                 _("Names and labels must be valid UTF-8 text"));

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\t' || c == '\n' || c == '\r')
        return fail (error, ENT_MODEL_ERROR_INVALID_VALUE, "%s",
                     _("Names and labels are a single line: tabs and line breaks are not allowed"));
      if (is_control (c))
        /* Translators: %04X is a character's code point, such as 0085 */
        return fail (error, ENT_MODEL_ERROR_INVALID_VALUE,
                     _("Names and labels cannot hold the control character U+%04X"), c);
      if (is_noncharacter (c))
        /* Translators: %04X is a code point, such as FFFE */
        return fail (error, ENT_MODEL_ERROR_INVALID_VALUE,
                     _("Names and labels cannot hold U+%04X, which is not a character"), c);
    }
  return TRUE;
}

gboolean
ent_validate_name_transform (GBinding     *binding,
                             const GValue *from,
                             GValue       *to,
                             gpointer      user_data)
{
  const char *text = g_value_get_string (from);

  if (text == NULL || !ent_validate_name (text, NULL))
    return FALSE;
  g_value_set_string (to, text);
  return TRUE;
}

gboolean
ent_validate_execution_amount (gint64   cents,
                               GError **error)
{
  if (cents < 0)
    return fail (error, ENT_MODEL_ERROR_OUT_OF_RANGE, "%s", _("An amount cannot be negative"));
  if (cents > ENT_MAX_EXECUTION_CENTS)
    {
      g_autofree char *limit = ent_money_format (ENT_MAX_EXECUTION_CENTS);

      /* Translators: %s is an amount, "1 000 000 000,00 €" */
      return fail (error, ENT_MODEL_ERROR_OUT_OF_RANGE,
                   _("An amount is at most %s: this one is surely a typing error"), limit);
    }
  return TRUE;
}
