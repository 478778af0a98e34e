/* ent-tariff-schedule.h: date-versioned tariff periods, a GListModel sorted by date
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ent-tariff-period.h"

G_BEGIN_DECLS

#define ENT_TYPE_TARIFF_SCHEDULE (ent_tariff_schedule_get_type ())
G_DECLARE_FINAL_TYPE (EntTariffSchedule, ent_tariff_schedule, ENT, TARIFF_SCHEDULE, GObject)

/* Implements GListModel (item type EntTariffPeriod), always sorted by valid-from.
 * Emits "changed" when a period is added, removed or edited (a date edit re-sorts). */
EntTariffSchedule *ent_tariff_schedule_new      (void);
/* Fails with ENT_MODEL_ERROR_DUPLICATE when a period already starts on that date. */
gboolean           ent_tariff_schedule_add      (EntTariffSchedule *self,
                                                 EntTariffPeriod   *period,
                                                 GError           **error);
void               ent_tariff_schedule_remove   (EntTariffSchedule *self,
                                                 EntTariffPeriod   *period);
/* The period in force on @date: the last one whose valid-from <= @date, or NULL. */
EntTariffPeriod   *ent_tariff_schedule_lookup   (EntTariffSchedule *self,
                                                 const GDate       *date);
/* The last period (latest valid-from), or NULL when empty. */
EntTariffPeriod   *ent_tariff_schedule_get_last (EntTariffSchedule *self);
/* TRUE when another period than @except starts on @date. */
gboolean           ent_tariff_schedule_has_date (EntTariffSchedule *self,
                                                 const GDate       *date,
                                                 EntTariffPeriod   *except);

G_END_DECLS
