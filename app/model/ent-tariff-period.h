/* ent-tariff-period.h: the contributions voted on one date
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define ENT_TYPE_TARIFF_PERIOD (ent_tariff_period_get_type ())
G_DECLARE_FINAL_TYPE (EntTariffPeriod, ent_tariff_period, ENT, TARIFF_PERIOD, GObject)

/* Properties: "valid-from" (G_TYPE_DATE), "base-per-pupil", "optional-per-pupil",
 * "half-day" (gint64 cents, >= 0), "reference" (string). Signal "changed" on any change. */
EntTariffPeriod *ent_tariff_period_new                    (const GDate     *valid_from,
                                                           gint64           base_per_pupil,
                                                           gint64           optional_per_pupil,
                                                           gint64           half_day,
                                                           const char      *reference);
const GDate     *ent_tariff_period_get_valid_from         (EntTariffPeriod *self);
void             ent_tariff_period_set_valid_from         (EntTariffPeriod *self,
                                                           const GDate     *valid_from);
gint64           ent_tariff_period_get_base_per_pupil     (EntTariffPeriod *self);
void             ent_tariff_period_set_base_per_pupil     (EntTariffPeriod *self,
                                                           gint64           cents);
gint64           ent_tariff_period_get_optional_per_pupil (EntTariffPeriod *self);
void             ent_tariff_period_set_optional_per_pupil (EntTariffPeriod *self,
                                                           gint64           cents);
gint64           ent_tariff_period_get_half_day           (EntTariffPeriod *self);
void             ent_tariff_period_set_half_day           (EntTariffPeriod *self,
                                                           gint64           cents);
const char      *ent_tariff_period_get_reference          (EntTariffPeriod *self);
void             ent_tariff_period_set_reference          (EntTariffPeriod *self,
                                                           const char      *reference);

G_END_DECLS
