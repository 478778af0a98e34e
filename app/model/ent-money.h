/* ent-money.h: amounts are gint64 cents, percentages gint64 basis points
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* 1 % = 100 basis points: "-2,5" (%) is -250. */
#define ENT_BP_PER_PERCENT 100

/* Parses "1,30", "1.30", "150", "1 571,70", "-0,5", an optional trailing "€".
 * At most two decimals; spaces, U+00A0 and U+202F may group thousands.
 * Fails with ENT_MODEL_ERROR_INVALID_VALUE, the message quoting @text. */
gboolean ent_money_parse          (const char  *text,
                                   gint64      *out_cents,
                                   GError     **error);
/* Same grammar, for a percentage with at most two decimals ("-2,0", "2.5"). */
gboolean ent_percent_parse        (const char  *text,
                                   gint64      *out_bp,
                                   GError     **error);

/* Locale-aware display: "1 571,70 €" under fr_FR, "€1,571.70" under en_US. */
char    *ent_money_format         (gint64       cents);
/* Locale-aware, no currency symbol: "1 571,70". */
char    *ent_money_format_number  (gint64       cents);
/* Differences, always signed, with a true minus: "+1 450,80 €", "−12,00 €", "0,00 €". */
char    *ent_money_format_signed  (gint64       cents);
/* "+23,08 %", "−2,5 %", "0 %". */
char    *ent_percent_format_signed (gint64      bp);
/* Locale-independent: "1571.70", "-0.05" (CSV, key files). */
char    *ent_money_to_plain       (gint64       cents);
/* Locale-aware integer with thousands separator: "1 209". */
char    *ent_count_format         (gint64       count);
/* Locale-aware percentage: "-2,5 %" under fr_FR, "-2.5%" otherwise. */
char    *ent_percent_format       (gint64       bp);
/* Locale-independent: "-2.5", "2", "0.25". */
char    *ent_percent_to_plain     (gint64       bp);

/* Locale-aware long date: "1 janvier 2024" under fr_FR, "1 January 2024" otherwise. */
char    *ent_date_format          (const GDate *date);
/* Locale-aware short numeric date, always with a four-digit year:
 * "01/09/2024" under fr_FR, "09/01/2024" under en_US and C, ISO 8601
 * "2024-09-01" where the locale's numeric date cannot be read back.
 * "" for NULL or an invalid date. */
char    *ent_date_format_short    (const GDate *date);
/* Reads what ent_date_format_short () writes, and whatever g_date_set_parse ()
 * accepts: the locale's order (two-digit years as 20xx only where the
 * locale's "%x" writes two digits, as in C), ISO 8601, month names.
 * Surrounding spaces are ignored. FALSE (and @out invalid) otherwise. */
gboolean ent_date_parse           (const char  *text,
                                   GDate       *out);
/* The g_date_strftime () format ent_date_format_short () uses in a locale
 * whose nl_langinfo (D_FMT) is @locale_format: "%d/%m/%y" gives "%d/%m/%Y",
 * "%Y年%m月%d日" gives ISO 8601 "%Y-%m-%d". (Public for the tests.) */
char    *ent_date_short_pattern   (const char  *locale_format);

/* round (num / den) to the nearest integer, halves away from zero; den > 0 */
gint64   ent_round_div            (gint64       num,
                                   gint64       den);

/* Overflow-checked arithmetic: return FALSE on overflow. */
gboolean ent_checked_mul          (gint64       a,
                                   gint64       b,
                                   gint64      *out);
gboolean ent_checked_add          (gint64       a,
                                   gint64       b,
                                   gint64      *out);

G_END_DECLS
