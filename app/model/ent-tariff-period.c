/* ent-tariff-period.c: the contributions voted on one date
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ent-tariff-period.h"

struct _EntTariffPeriod
{
  GObject  parent_instance;

  GDate    valid_from;          /* invalid until set */
  gint64   base_per_pupil;      /* cents */
  gint64   optional_per_pupil;  /* cents */
  gint64   half_day;            /* cents */
  char    *reference;           /* never NULL */
};

G_DEFINE_FINAL_TYPE (EntTariffPeriod, ent_tariff_period, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_VALID_FROM,
  PROP_BASE_PER_PUPIL,
  PROP_OPTIONAL_PER_PUPIL,
  PROP_HALF_DAY,
  PROP_REFERENCE,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean
dates_equal (const GDate *a,
             const GDate *b)
{
  gboolean a_valid = g_date_valid (a);
  gboolean b_valid = g_date_valid (b);

  if (!a_valid || !b_valid)
    return a_valid == b_valid;

  return g_date_compare (a, b) == 0;
}

static void
set_cents (EntTariffPeriod *self,
           gint64          *field,
           gint64           cents,
           guint            prop_id)
{
  if (*field == cents)
    return;

  *field = cents;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
ent_tariff_period_finalize (GObject *object)
{
  EntTariffPeriod *self = (EntTariffPeriod *)object;

  g_clear_pointer (&self->reference, g_free);

  G_OBJECT_CLASS (ent_tariff_period_parent_class)->finalize (object);
}

static void
ent_tariff_period_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  EntTariffPeriod *self = ENT_TARIFF_PERIOD (object);

  switch (prop_id)
    {
    case PROP_VALID_FROM:
      g_value_set_boxed (value, g_date_valid (&self->valid_from) ? &self->valid_from : NULL);
      break;

    case PROP_BASE_PER_PUPIL:
      g_value_set_int64 (value, self->base_per_pupil);
      break;

    case PROP_OPTIONAL_PER_PUPIL:
      g_value_set_int64 (value, self->optional_per_pupil);
      break;

    case PROP_HALF_DAY:
      g_value_set_int64 (value, self->half_day);
      break;

    case PROP_REFERENCE:
      g_value_set_string (value, self->reference);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ent_tariff_period_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  EntTariffPeriod *self = ENT_TARIFF_PERIOD (object);

  switch (prop_id)
    {
    case PROP_VALID_FROM:
      /* NULL is accepted only so that g_object_new() without a date works. */
      if (g_value_get_boxed (value) != NULL)
        ent_tariff_period_set_valid_from (self, g_value_get_boxed (value));
      break;

    case PROP_BASE_PER_PUPIL:
      ent_tariff_period_set_base_per_pupil (self, g_value_get_int64 (value));
      break;

    case PROP_OPTIONAL_PER_PUPIL:
      ent_tariff_period_set_optional_per_pupil (self, g_value_get_int64 (value));
      break;

    case PROP_HALF_DAY:
      ent_tariff_period_set_half_day (self, g_value_get_int64 (value));
      break;

    case PROP_REFERENCE:
      ent_tariff_period_set_reference (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ent_tariff_period_class_init (EntTariffPeriodClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ent_tariff_period_finalize;
  object_class->get_property = ent_tariff_period_get_property;
  object_class->set_property = ent_tariff_period_set_property;

  properties[PROP_VALID_FROM] =
    g_param_spec_boxed ("valid-from", NULL, NULL,
                        G_TYPE_DATE,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  properties[PROP_BASE_PER_PUPIL] =
    g_param_spec_int64 ("base-per-pupil", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  properties[PROP_OPTIONAL_PER_PUPIL] =
    g_param_spec_int64 ("optional-per-pupil", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  properties[PROP_HALF_DAY] =
    g_param_spec_int64 ("half-day", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  properties[PROP_REFERENCE] =
    g_param_spec_string ("reference", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * EntTariffPeriod::changed:
   *
   * Emitted after any property changed.
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
ent_tariff_period_init (EntTariffPeriod *self)
{
  g_date_clear (&self->valid_from, 1);
  self->reference = g_strdup ("");
}

EntTariffPeriod *
ent_tariff_period_new (const GDate *valid_from,
                       gint64       base_per_pupil,
                       gint64       optional_per_pupil,
                       gint64       half_day,
                       const char  *reference)
{
  g_return_val_if_fail (valid_from != NULL, NULL);
  g_return_val_if_fail (g_date_valid (valid_from), NULL);
  g_return_val_if_fail (base_per_pupil >= 0, NULL);
  g_return_val_if_fail (optional_per_pupil >= 0, NULL);
  g_return_val_if_fail (half_day >= 0, NULL);

  return g_object_new (ENT_TYPE_TARIFF_PERIOD,
                       "valid-from", valid_from,
                       "base-per-pupil", base_per_pupil,
                       "optional-per-pupil", optional_per_pupil,
                       "half-day", half_day,
                       "reference", reference,
                       NULL);
}

/**
 * ent_tariff_period_get_valid_from:
 *
 * Returns: (transfer none): the date the period starts on; an invalid
 *   (cleared) date only for a period made with g_object_new() and no date.
 */
const GDate *
ent_tariff_period_get_valid_from (EntTariffPeriod *self)
{
  g_return_val_if_fail (ENT_IS_TARIFF_PERIOD (self), NULL);

  return &self->valid_from;
}

void
ent_tariff_period_set_valid_from (EntTariffPeriod *self,
                                  const GDate     *valid_from)
{
  g_return_if_fail (ENT_IS_TARIFF_PERIOD (self));
  g_return_if_fail (valid_from != NULL);
  g_return_if_fail (g_date_valid (valid_from));

  if (dates_equal (&self->valid_from, valid_from))
    return;

  self->valid_from = *valid_from;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALID_FROM]);
  g_signal_emit (self, signals[CHANGED], 0);
}

gint64
ent_tariff_period_get_base_per_pupil (EntTariffPeriod *self)
{
  g_return_val_if_fail (ENT_IS_TARIFF_PERIOD (self), 0);

  return self->base_per_pupil;
}

void
ent_tariff_period_set_base_per_pupil (EntTariffPeriod *self,
                                      gint64           cents)
{
  g_return_if_fail (ENT_IS_TARIFF_PERIOD (self));
  g_return_if_fail (cents >= 0);

  set_cents (self, &self->base_per_pupil, cents, PROP_BASE_PER_PUPIL);
}

gint64
ent_tariff_period_get_optional_per_pupil (EntTariffPeriod *self)
{
  g_return_val_if_fail (ENT_IS_TARIFF_PERIOD (self), 0);

  return self->optional_per_pupil;
}

void
ent_tariff_period_set_optional_per_pupil (EntTariffPeriod *self,
                                          gint64           cents)
{
  g_return_if_fail (ENT_IS_TARIFF_PERIOD (self));
  g_return_if_fail (cents >= 0);

  set_cents (self, &self->optional_per_pupil, cents, PROP_OPTIONAL_PER_PUPIL);
}

gint64
ent_tariff_period_get_half_day (EntTariffPeriod *self)
{
  g_return_val_if_fail (ENT_IS_TARIFF_PERIOD (self), 0);

  return self->half_day;
}

void
ent_tariff_period_set_half_day (EntTariffPeriod *self,
                                gint64           cents)
{
  g_return_if_fail (ENT_IS_TARIFF_PERIOD (self));
  g_return_if_fail (cents >= 0);

  set_cents (self, &self->half_day, cents, PROP_HALF_DAY);
}

const char *
ent_tariff_period_get_reference (EntTariffPeriod *self)
{
  g_return_val_if_fail (ENT_IS_TARIFF_PERIOD (self), "");

  return self->reference;
}

void
ent_tariff_period_set_reference (EntTariffPeriod *self,
                                 const char      *reference)
{
  g_return_if_fail (ENT_IS_TARIFF_PERIOD (self));

  if (reference == NULL)
    reference = "";

  if (g_strcmp0 (self->reference, reference) == 0)
    return;

  g_free (self->reference);
  self->reference = g_strdup (reference);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REFERENCE]);
  g_signal_emit (self, signals[CHANGED], 0);
}
