/* ent-contract.h: the four-year contract ("marché") and how it is billed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "ent-enum-types.h"

G_BEGIN_DECLS

typedef enum
{
  ENT_BILLING_ANNUAL,
  ENT_BILLING_PRORATA,
} EntBilling;

#define ENT_MIN_SCHOOL_YEAR   2000
#define ENT_MAX_SCHOOL_YEAR   2100
#define ENT_MAX_SCHOOL_YEARS  10

#define ENT_TYPE_CONTRACT (ent_contract_get_type ())
G_DECLARE_FINAL_TYPE (EntContract, ent_contract, ENT, CONTRACT, GObject)

/* Properties: "first-school-year" (int, F), "school-years" (int, L, 1..10),
 * "payment-start" (G_TYPE_DATE, P), "billing" (ENT_TYPE_BILLING).
 * Defaults: 2023, 4, 2024-01-01, annual. Signal "changed" on any change.
 * Setting F or L moves P to the nearest day of the new contract when it falls
 * outside [1 September F, 31 August F+L] (notifying "payment-start" too, one
 * "changed" in all); ent_contract_set_payment_start() takes P as given. */
EntContract *ent_contract_new                   (void);
int          ent_contract_get_first_school_year (EntContract *self);
void         ent_contract_set_first_school_year (EntContract *self,
                                                 int          year);
int          ent_contract_get_school_years      (EntContract *self);
void         ent_contract_set_school_years      (EntContract *self,
                                                 int          n_years);
const GDate *ent_contract_get_payment_start     (EntContract *self);
void         ent_contract_set_payment_start     (EntContract *self,
                                                 const GDate *date);
EntBilling   ent_contract_get_billing           (EntContract *self);
void         ent_contract_set_billing           (EntContract *self,
                                                 EntBilling   billing);

/* Derived: contract end = 31 August of F+L; budget years = year(P) .. F+L. */
void         ent_contract_get_end_date          (EntContract *self,
                                                 GDate       *out_end);
int          ent_contract_get_first_budget_year (EntContract *self);
int          ent_contract_get_last_budget_year  (EntContract *self);
int          ent_contract_get_last_school_year  (EntContract *self);

const char  *ent_billing_to_string              (EntBilling   billing);  /* "annual" */
gboolean     ent_billing_from_string            (const char  *text,
                                                 EntBilling  *out);
const char  *ent_billing_get_label              (EntBilling   billing);  /* translated */
const char  *ent_billing_get_description        (EntBilling   billing);  /* translated sentence */

G_END_DECLS
