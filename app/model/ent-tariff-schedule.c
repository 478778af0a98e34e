/* ent-tariff-schedule.c: date-versioned tariff periods, a GListModel sorted by date
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ent-error.h"
#include "ent-money.h"
#include "ent-tariff-schedule.h"

#define BP_SCALE 10000  /* 100 % in basis points */

struct _EntTariffSchedule
{
  GObject    parent_instance;

  /* EntTariffPeriod, strong references, sorted by valid-from (stable). */
  GPtrArray *periods;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (EntTariffSchedule, ent_tariff_schedule, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void period_changed_cb (EntTariffSchedule *self,
                               EntTariffPeriod   *period);

/* Invalid dates (a period made without one) sort first. */
static int
compare_dates (const GDate *a,
               const GDate *b)
{
  gboolean a_valid = g_date_valid (a);
  gboolean b_valid = g_date_valid (b);

  if (!a_valid || !b_valid)
    return (int)a_valid - (int)b_valid;

  return g_date_compare (a, b);
}

static int
compare_period_to_date (EntTariffPeriod *period,
                        const GDate     *date)
{
  return compare_dates (ent_tariff_period_get_valid_from (period), date);
}

/* Index where a period starting on @date goes in the array without the item
 * at @skip (G_MAXUINT for none): after every period starting on or before
 * @date, so that periods on one date keep their order. */
static guint
find_insert_position (EntTariffSchedule *self,
                      const GDate       *date,
                      guint              skip)
{
  guint position = 0;

  for (guint i = 0; i < self->periods->len; i++)
    {
      if (i != skip &&
          compare_period_to_date (g_ptr_array_index (self->periods, i), date) <= 0)
        position++;
    }

  return position;
}

static char *
format_date (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u",
                          (guint)g_date_get_year (date),
                          (guint)g_date_get_month (date),
                          (guint)g_date_get_day (date));
}

/* Moves @period to its sorted place after its date changed. */
static void
resort_period (EntTariffSchedule *self,
               EntTariffPeriod   *period)
{
  guint old_position;
  guint new_position;
  guint first;
  guint n_changed;

  if (!g_ptr_array_find (self->periods, period, &old_position))
    return;

  new_position = find_insert_position (self,
                                       ent_tariff_period_get_valid_from (period),
                                       old_position);
  if (new_position == old_position)
    return;

  g_ptr_array_steal_index (self->periods, old_position);
  g_ptr_array_insert (self->periods, new_position, period);

  first = MIN (old_position, new_position);
  n_changed = MAX (old_position, new_position) - first + 1;
  g_list_model_items_changed (G_LIST_MODEL (self), first, n_changed, n_changed);
}

static void
period_changed_cb (EntTariffSchedule *self,
                   EntTariffPeriod   *period)
{
  g_assert (ENT_IS_TARIFF_SCHEDULE (self));
  g_assert (ENT_IS_TARIFF_PERIOD (period));

  resort_period (self, period);
  g_signal_emit (self, signals[CHANGED], 0);
}

static GType
ent_tariff_schedule_get_item_type (GListModel *model)
{
  return ENT_TYPE_TARIFF_PERIOD;
}

static guint
ent_tariff_schedule_get_n_items (GListModel *model)
{
  return ENT_TARIFF_SCHEDULE (model)->periods->len;
}

static gpointer
ent_tariff_schedule_get_item (GListModel *model,
                              guint       position)
{
  EntTariffSchedule *self = ENT_TARIFF_SCHEDULE (model);

  if (position >= self->periods->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->periods, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = ent_tariff_schedule_get_item_type;
  iface->get_n_items = ent_tariff_schedule_get_n_items;
  iface->get_item = ent_tariff_schedule_get_item;
}

static void
ent_tariff_schedule_dispose (GObject *object)
{
  EntTariffSchedule *self = (EntTariffSchedule *)object;

  if (self->periods != NULL)
    {
      for (guint i = 0; i < self->periods->len; i++)
        g_signal_handlers_disconnect_by_func (g_ptr_array_index (self->periods, i),
                                              G_CALLBACK (period_changed_cb),
                                              self);
      g_clear_pointer (&self->periods, g_ptr_array_unref);
    }

  G_OBJECT_CLASS (ent_tariff_schedule_parent_class)->dispose (object);
}

static void
ent_tariff_schedule_class_init (EntTariffScheduleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ent_tariff_schedule_dispose;

  /**
   * EntTariffSchedule::changed:
   *
   * Emitted after a period was added, removed or edited.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);
}

static void
ent_tariff_schedule_init (EntTariffSchedule *self)
{
  self->periods = g_ptr_array_new_with_free_func (g_object_unref);
}

EntTariffSchedule *
ent_tariff_schedule_new (void)
{
  return g_object_new (ENT_TYPE_TARIFF_SCHEDULE, NULL);
}

/**
 * ent_tariff_schedule_add:
 * @self: a schedule
 * @period: (transfer none): a period with a valid date, not yet in @self
 * @error: a location for a #GError
 *
 * Inserts @period at its place in date order.
 *
 * Returns: %TRUE on success; %FALSE with %ENT_MODEL_ERROR_DUPLICATE when a
 *   period already starts on the same date.
 */
gboolean
ent_tariff_schedule_add (EntTariffSchedule  *self,
                         EntTariffPeriod    *period,
                         GError            **error)
{
  const GDate *date;
  guint position;

  g_return_val_if_fail (ENT_IS_TARIFF_SCHEDULE (self), FALSE);
  g_return_val_if_fail (ENT_IS_TARIFF_PERIOD (period), FALSE);
  g_return_val_if_fail (g_date_valid (ent_tariff_period_get_valid_from (period)), FALSE);
  g_return_val_if_fail (!g_ptr_array_find (self->periods, period, NULL), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  date = ent_tariff_period_get_valid_from (period);

  if (ent_tariff_schedule_has_date (self, date, NULL))
    {
      g_autofree char *text = format_date (date);

      g_set_error (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_DUPLICATE,
                   /* Translators: %s is a date such as 2023-09-01 */
                   _("A tariff period already starts on %s"), text);
      return FALSE;
    }

  position = find_insert_position (self, date, G_MAXUINT);
  g_ptr_array_insert (self->periods, position, g_object_ref (period));
  g_signal_connect_object (period,
                           "changed",
                           G_CALLBACK (period_changed_cb),
                           self,
                           G_CONNECT_SWAPPED);

  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
  g_signal_emit (self, signals[CHANGED], 0);

  return TRUE;
}

void
ent_tariff_schedule_remove (EntTariffSchedule *self,
                            EntTariffPeriod   *period)
{
  guint position;

  g_return_if_fail (ENT_IS_TARIFF_SCHEDULE (self));
  g_return_if_fail (ENT_IS_TARIFF_PERIOD (period));

  if (!g_ptr_array_find (self->periods, period, &position))
    g_return_if_reached ();

  g_signal_handlers_disconnect_by_func (period, G_CALLBACK (period_changed_cb), self);
  g_ptr_array_remove_index (self->periods, position);

  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * ent_tariff_schedule_lookup:
 *
 * Returns: (transfer none) (nullable): the period in force on @date, the last
 *   one whose valid-from is on or before @date; %NULL before the first one.
 */
EntTariffPeriod *
ent_tariff_schedule_lookup (EntTariffSchedule *self,
                            const GDate       *date)
{
  EntTariffPeriod *found = NULL;

  g_return_val_if_fail (ENT_IS_TARIFF_SCHEDULE (self), NULL);
  g_return_val_if_fail (date != NULL, NULL);
  g_return_val_if_fail (g_date_valid (date), NULL);

  for (guint i = 0; i < self->periods->len; i++)
    {
      EntTariffPeriod *period = g_ptr_array_index (self->periods, i);

      if (!g_date_valid (ent_tariff_period_get_valid_from (period)))
        continue;

      if (compare_period_to_date (period, date) > 0)
        break;

      found = period;
    }

  return found;
}

/**
 * ent_tariff_schedule_get_last:
 *
 * Returns: (transfer none) (nullable): the period with the latest valid-from.
 */
EntTariffPeriod *
ent_tariff_schedule_get_last (EntTariffSchedule *self)
{
  g_return_val_if_fail (ENT_IS_TARIFF_SCHEDULE (self), NULL);

  if (self->periods->len == 0)
    return NULL;

  return g_ptr_array_index (self->periods, self->periods->len - 1);
}

gboolean
ent_tariff_schedule_has_date (EntTariffSchedule *self,
                              const GDate       *date,
                              EntTariffPeriod   *except)
{
  g_return_val_if_fail (ENT_IS_TARIFF_SCHEDULE (self), FALSE);
  g_return_val_if_fail (date != NULL, FALSE);
  g_return_val_if_fail (except == NULL || ENT_IS_TARIFF_PERIOD (except), FALSE);

  for (guint i = 0; i < self->periods->len; i++)
    {
      EntTariffPeriod *period = g_ptr_array_index (self->periods, i);

      if (period != except && compare_period_to_date (period, date) == 0)
        return TRUE;
    }

  return FALSE;
}

/**
 * ent_tariff_get_anniversary:
 *
 * SPEC 4.4 raises a rate "once for each anniversary of V reached on or
 * before D (n = full years from V to D)": the anniversary counts on its day,
 * as an age does (V = 1 September: raised from 1 September on). 29 February
 * has no such day in a common year. Its year from V runs to the end of
 * 28 February (article 641 of the code de procédure civile makes a one-year
 * period from 29 February expire on the last day of February, that is at
 * its end), so on 28 February the full year is not yet behind: 0 raises on
 * 28 February 2025 for V = 29 February 2024, 1 from 1 March 2025, as a
 * person born on 29 February comes of age on 1 March of a common year.
 * The engine and the workbook both take this date from here.
 */
void
ent_tariff_get_anniversary (const GDate *valid_from,
                            guint        n,
                            GDate       *out_date)
{
  GDateYear year;
  GDateMonth month;
  GDateDay day;

  g_return_if_fail (valid_from != NULL && g_date_valid (valid_from));
  g_return_if_fail (out_date != NULL);

  year = g_date_get_year (valid_from) + n;
  month = g_date_get_month (valid_from);
  day = g_date_get_day (valid_from);
  if (month == G_DATE_FEBRUARY && day == 29 && !g_date_is_leap_year (year))
    {
      month = G_DATE_MARCH;
      day = 1;
    }

  g_date_clear (out_date, 1);
  g_date_set_dmy (out_date, day, month, year);
}

/**
 * ent_tariff_count_raises:
 *
 * Returns: the anniversaries of @valid_from (ent_tariff_get_anniversary ())
 *   on or before @date: 0 from V to the day before the first one.
 */
guint
ent_tariff_count_raises (const GDate *valid_from,
                         const GDate *date)
{
  int n;
  GDate anniversary;

  g_return_val_if_fail (valid_from != NULL && g_date_valid (valid_from), 0);
  g_return_val_if_fail (date != NULL && g_date_valid (date), 0);

  n = (int) g_date_get_year (date) - (int) g_date_get_year (valid_from);
  if (n <= 0)
    return 0;
  ent_tariff_get_anniversary (valid_from, n, &anniversary);
  if (g_date_compare (&anniversary, date) > 0)
    n--;
  return (guint) n;
}

gboolean
ent_tariff_raise_rate (gint64  cents,
                       gint64  increase_bp,
                       guint   n_raises,
                       gint64 *out_cents)
{
  g_return_val_if_fail (out_cents != NULL, FALSE);

  for (guint i = 0; i < n_raises; i++)
    {
      gint64 product;

      if (!ent_checked_mul (cents, BP_SCALE + increase_bp, &product))
        return FALSE;
      cents = ent_round_div (product, BP_SCALE);
    }

  *out_cents = cents;
  return TRUE;
}
