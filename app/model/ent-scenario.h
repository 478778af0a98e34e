/* ent-scenario.h: one what-if: options taken, half-days, projection, tariff increase
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "ent-enum-types.h"

G_BEGIN_DECLS

typedef enum
{
  ENT_PROJECTION_CONSTANT,
  ENT_PROJECTION_RATE,
} EntProjection;

#define ENT_MAX_HALF_DAYS_PER_YEAR   1000
/* limits, in basis points (1 % = 100) */
#define ENT_MIN_PROJECTION_RATE_BP  (-5000)
#define ENT_MAX_PROJECTION_RATE_BP   5000
#define ENT_MIN_TARIFF_INCREASE_BP  (-5000)
#define ENT_MAX_TARIFF_INCREASE_BP   5000

#define ENT_TYPE_SCENARIO (ent_scenario_get_type ())
G_DECLARE_FINAL_TYPE (EntScenario, ent_scenario, ENT, SCENARIO, GObject)

/* Properties: "name", "optional-all" (boolean), "projection" (ENT_TYPE_PROJECTION),
 * "projection-rate" (gint64 bp), "tariff-increase" (gint64 bp).
 * Signal "changed" on any change, years lists included. */
EntScenario  *ent_scenario_new                     (const char    *name);
EntScenario  *ent_scenario_duplicate               (EntScenario   *self,
                                                    const char    *new_name);
const char   *ent_scenario_get_name                (EntScenario   *self);
void          ent_scenario_set_name                (EntScenario   *self,
                                                    const char    *name);

/* Optional flat support: taken every budget year (all), or in a list of budget
 * years. set_optional_all (TRUE) clears the list; set_optional_in_year sets all
 * to FALSE first, keeping the listed years. */
gboolean      ent_scenario_get_optional_all        (EntScenario   *self);
void          ent_scenario_set_optional_all        (EntScenario   *self,
                                                    gboolean       all);
gboolean      ent_scenario_get_optional_in_year    (EntScenario   *self,
                                                    int            budget_year);
void          ent_scenario_set_optional_in_year    (EntScenario   *self,
                                                    int            budget_year,
                                                    gboolean       taken);
/* Years of the list (not meaningful when all), increasing; NULL-safe n. */
const int    *ent_scenario_get_optional_years      (EntScenario   *self,
                                                    guint         *n_years);

/* Half-days of specific support per budget year (0 when unset). */
gint64        ent_scenario_get_half_days           (EntScenario   *self,
                                                    int            budget_year);
void          ent_scenario_set_half_days           (EntScenario   *self,
                                                    int            budget_year,
                                                    gint64         count);
/* Budget years with a non-zero count, increasing. */
guint         ent_scenario_get_n_half_days         (EntScenario   *self);
void          ent_scenario_get_nth_half_days       (EntScenario   *self,
                                                    guint          index,
                                                    int           *out_budget_year,
                                                    gint64        *out_count);

EntProjection ent_scenario_get_projection          (EntScenario   *self);
void          ent_scenario_set_projection          (EntScenario   *self,
                                                    EntProjection  projection);
gint64        ent_scenario_get_projection_rate     (EntScenario   *self);
void          ent_scenario_set_projection_rate     (EntScenario   *self,
                                                    gint64         bp);
gint64        ent_scenario_get_tariff_increase     (EntScenario   *self);
void          ent_scenario_set_tariff_increase     (EntScenario   *self,
                                                    gint64         bp);

const char   *ent_projection_to_string             (EntProjection  projection);  /* "constant", "rate" */
gboolean      ent_projection_from_string           (const char    *text,
                                                    EntProjection *out);

G_END_DECLS
