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
/* SPEC 4.4, the tariff increase, once for the engine and the workbook.
 * The anniversaries of @valid_from reached on or before @date: n, the full
 * years from V to D (0 before the first). */
guint              ent_tariff_count_raises     (const GDate       *valid_from,
                                                const GDate       *date);
/* The @n-th anniversary of @valid_from (@n >= 1), the first day a rate
 * raised @n times applies: V's day and month @n years later, and 1 March for
 * 29 February in a common year. */
void               ent_tariff_get_anniversary  (const GDate       *valid_from,
                                                guint              n,
                                                GDate             *out_date);
/* @cents raised @n_raises times by @increase_bp (basis points), rounded to
 * the cent after each raise. FALSE when a step does not fit in 64 bits. */
gboolean           ent_tariff_raise_rate       (gint64             cents,
                                                gint64             increase_bp,
                                                guint              n_raises,
                                                gint64            *out_cents);

/* TRUE when another period than @except starts on @date. */
gboolean           ent_tariff_schedule_has_date (EntTariffSchedule *self,
                                                 const GDate       *date,
                                                 EntTariffPeriod   *except);

G_END_DECLS
