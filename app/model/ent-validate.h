/* ent-validate.h: the rules a value must follow, shared by the widgets, the
 * loader and the engine
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each rule lives once, here. A rule returns TRUE when the value is
 * acceptable; otherwise FALSE and an ENT_MODEL_ERROR whose message is the
 * translated reason, a sentence without a final full stop: the widgets show
 * it next to the input, the loader after "FILE:LINE: [GROUP] KEY: ", the
 * window after "The budget cannot be computed: ".
 *
 * Only rules on one value are checked when a document is loaded. A rule
 * between two values the window lets change independently (the payment
 * start and the contract's school years) is checked by the engine, so that a
 * document the window saved always opens and shows the reason instead
 * (SPEC 10.4).
 */
#pragma once

#include <glib.h>
#include <glib-object.h>

#include "ent-enum-types.h"
#include "ent-error.h"

G_BEGIN_DECLS

/* A tariff amount (per pupil, per half-day) above this is surely a typo. */
#define ENT_MAX_TARIFF_CENTS   G_GINT64_CONSTANT (100000000)   /* 1 000 000,00 € */
/* A voted or paid amount, an AE (SPEC 13) above this is surely a typo: the
 * largest town's whole budget is far below, and sums of a few stay far
 * from the 64-bit limit. */
#define ENT_MAX_EXECUTION_CENTS G_GINT64_CONSTANT (100000000000)   /* 1 000 000 000,00 € */
/* Chapter, nature and function codes have at most this many digits. */
#define ENT_MAX_IMPUTATION_DIGITS 10

typedef enum
{
  ENT_IMPUTATION_CHAPTER,
  ENT_IMPUTATION_NATURE,
  ENT_IMPUTATION_FUNCTION,
} EntImputationPart;

/* Every date of a document (a tariff's valid-from, the payment start) lies
 * within the span of every contract the limits allow: from 1 January of
 * ENT_MIN_SCHOOL_YEAR to 31 August of ENT_MAX_SCHOOL_YEAR + ENT_MAX_SCHOOL_YEARS. */
void     ent_validate_get_date_bounds       (GDate       *out_first,
                                             GDate       *out_last);
gboolean ent_validate_date                  (const GDate *date,
                                             GError     **error);

/* The contract: first school year F, number of school years L. */
gboolean ent_validate_first_school_year     (gint64       year,
                                             GError     **error);
gboolean ent_validate_school_years          (gint64       n_years,
                                             GError     **error);
/* The payment start P within the contract, from 1 September F to 31 August F+L. */
gboolean ent_validate_payment_start         (int          first_school_year,
                                             int          school_years,
                                             const GDate *payment_start,
                                             GError     **error);

/* A tariff period's valid-from: any date of ent_validate_date (); it may lie
 * before the contract, and after it once the contract was shortened. */
gboolean ent_validate_tariff_date           (const GDate *valid_from,
                                             GError     **error);
/* A rate per pupil or per half-day: 0 to ENT_MAX_TARIFF_CENTS. */
gboolean ent_validate_tariff_amount         (gint64       cents,
                                             GError     **error);

/* The school year of a known count: any school year of any contract,
 * ENT_MIN_SCHOOL_YEAR to ENT_MAX_SCHOOL_YEAR + ENT_MAX_SCHOOL_YEARS − 1. */
gboolean ent_validate_count_school_year     (gint64       school_year,
                                             GError     **error);
/* A known pupil count: 0 to ENT_MAX_PUPILS_PER_SCHOOL. */
gboolean ent_validate_pupil_count           (gint64       count,
                                             GError     **error);
/* A school's first open school year and first closed one (SPEC 3): each
 * ENT_SCHOOL_YEAR_NONE (0) or a school year of ent_validate_count_school_year (),
 * and opens < closes when both are set. */
gboolean ent_validate_school_span           (int          opens,
                                             int          closes,
                                             GError     **error);
/* A known count of @school_year lies where the school is open,
 * opens <= S < closes. Between two values the window changes one at a time:
 * the engine checks it, and the window before it changes either. */
gboolean ent_validate_count_in_span         (int          opens,
                                             int          closes,
                                             int          school_year,
                                             GError     **error);
/* A budget year a scenario names (optional support, half-days): any budget
 * year of any contract, ENT_MIN_SCHOOL_YEAR to ENT_MAX_SCHOOL_YEAR +
 * ENT_MAX_SCHOOL_YEARS. The engine reads only the years of the contract; the
 * others are kept (the contract may be lengthened again). */
gboolean ent_validate_budget_year           (gint64       year,
                                             GError     **error);
/* Half-days of specific support in a budget year: 0 to ENT_MAX_HALF_DAYS_PER_YEAR. */
gboolean ent_validate_half_days             (gint64       count,
                                             GError     **error);

/* Credits voted, payments made, an AE revision's amount (SPEC 13): 0 to
 * ENT_MAX_EXECUTION_CENTS (a negative amount is a cancelled mandate, entered
 * by lowering the total paid). */
gboolean ent_validate_execution_amount      (gint64       cents,
                                             GError     **error);

/* The payer's INSEE code: empty, a commune's code (five characters: digits,
 * or 2A or 2B then three digits in Corsica) or an EPCI's SIREN (nine digits). */
gboolean ent_validate_insee                 (const char  *code,
                                             GError     **error);
/* The payer's SIRET (SPEC 13, for the open-data budget export): empty, or
 * fourteen digits (SIREN and NIC) whose Luhn key is right. La Poste's
 * establishments, whose SIRET follow another rule, are no payer here.
 * Spaces are not part of it: ent_validate_dup_siret () takes them out first. */
gboolean ent_validate_siret                 (const char  *siret,
                                             GError     **error);
/* @text without its spaces (ASCII, U+00A0, U+202F, U+2009), as a SIRET is
 * often written and pasted ("215 902 990 00013"), then checked by
 * ent_validate_siret (): the SIRET to store, or NULL with the reason. */
char    *ent_validate_dup_siret             (const char  *text,
                                             GError     **error);
/* A chapter or a nature: one to ENT_MAX_IMPUTATION_DIGITS digits. A function:
 * the same, or empty (communes under 3 500 inhabitants, SPEC 13). */
gboolean ent_validate_imputation_code       (EntImputationPart  part,
                                             const char        *code,
                                             GError           **error);

/* A name or label (document title, payer, school, commune, scenario, tariff
 * reference): valid UTF-8 on a single line, without C0 or C1 control
 * characters (tab and line breaks included) nor Unicode noncharacters
 * (U+FDD0 to U+FDEF, and the last two code points of every plane). */
/* A GBindingTransformFunc for a string bound from an entry to a model
 * property: passes the text on only when ent_validate_name () takes it (the
 * page shows the reason), so a refused name never reaches the model. */
gboolean ent_validate_name_transform        (GBinding     *binding,
                                             const GValue *from,
                                             GValue       *to,
                                             gpointer      user_data);
gboolean ent_validate_name                  (const char  *text,
                                             GError     **error);

G_END_DECLS
