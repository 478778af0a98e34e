/* ent-contract.c: the four-year contract ("marché") and how it is billed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ent-contract.h"

#define DEFAULT_FIRST_SCHOOL_YEAR 2023
#define DEFAULT_SCHOOL_YEARS      4

struct _EntContract
{
  GObject    parent_instance;

  int        first_school_year;  /* F */
  int        school_years;       /* L */
  GDate      payment_start;      /* P, always valid */
  EntBilling billing;
};

G_DEFINE_FINAL_TYPE (EntContract, ent_contract, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FIRST_SCHOOL_YEAR,
  PROP_SCHOOL_YEARS,
  PROP_PAYMENT_START,
  PROP_BILLING,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const struct {
  const char *keyword;
  const char *label;
  const char *description;
} billings[] = {
  [ENT_BILLING_ANNUAL] = {
    "annual",
    /* Translators: a billing mode of the contract */
    N_("Annual"),
    N_("Each budget year pays for a whole year of the pupils counted at the "
       "September rentrée of the year before, at the tariff in force on 1 January."),
  },
  [ENT_BILLING_PRORATA] = {
    "prorata",
    /* Translators: a billing mode of the contract, in proportion to the months */
    N_("Prorata"),
    N_("Each school year is paid for its months within the contract, September "
       "to December in the budget year it starts and January to August in the "
       "next one, at the tariff in force on the first day of each part."),
  },
};

static void
notify_changed (EntContract *self,
                guint        prop_id)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Keeps P within the contract, [1 September F, 31 August F+L], when F or L
 * moves the contract under it: the window refuses a payment start outside
 * the contract and a file holding one does not load (so without this, typing
 * a new first school year made a document that could not be opened again).
 * The nearest day of the contract is kept. Returns TRUE when P moved. */
static gboolean
keep_payment_start_in_contract (EntContract *self)
{
  GDate start, end;

  g_date_clear (&start, 1);
  g_date_set_dmy (&start, 1, G_DATE_SEPTEMBER, self->first_school_year);
  ent_contract_get_end_date (self, &end);

  if (g_date_compare (&self->payment_start, &start) < 0)
    self->payment_start = start;
  else if (g_date_compare (&self->payment_start, &end) > 0)
    self->payment_start = end;
  else
    return FALSE;
  return TRUE;
}

/* After F or L changed: notifies it, and P when it had to follow. */
static void
notify_contract_moved (EntContract *self,
                       guint        prop_id)
{
  gboolean payment_moved = keep_payment_start_in_contract (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
  if (payment_moved)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAYMENT_START]);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
ent_contract_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  EntContract *self = ENT_CONTRACT (object);

  switch (prop_id)
    {
    case PROP_FIRST_SCHOOL_YEAR:
      g_value_set_int (value, self->first_school_year);
      break;

    case PROP_SCHOOL_YEARS:
      g_value_set_int (value, self->school_years);
      break;

    case PROP_PAYMENT_START:
      g_value_set_boxed (value, &self->payment_start);
      break;

    case PROP_BILLING:
      g_value_set_enum (value, self->billing);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ent_contract_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  EntContract *self = ENT_CONTRACT (object);

  switch (prop_id)
    {
    case PROP_FIRST_SCHOOL_YEAR:
      ent_contract_set_first_school_year (self, g_value_get_int (value));
      break;

    case PROP_SCHOOL_YEARS:
      ent_contract_set_school_years (self, g_value_get_int (value));
      break;

    case PROP_PAYMENT_START:
      ent_contract_set_payment_start (self, g_value_get_boxed (value));
      break;

    case PROP_BILLING:
      ent_contract_set_billing (self, g_value_get_enum (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ent_contract_class_init (EntContractClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = ent_contract_get_property;
  object_class->set_property = ent_contract_set_property;

  properties[PROP_FIRST_SCHOOL_YEAR] =
    g_param_spec_int ("first-school-year", NULL, NULL,
                      ENT_MIN_SCHOOL_YEAR, ENT_MAX_SCHOOL_YEAR,
                      DEFAULT_FIRST_SCHOOL_YEAR,
                      (G_PARAM_READWRITE |
                       G_PARAM_EXPLICIT_NOTIFY |
                       G_PARAM_STATIC_STRINGS));

  properties[PROP_SCHOOL_YEARS] =
    g_param_spec_int ("school-years", NULL, NULL,
                      1, ENT_MAX_SCHOOL_YEARS,
                      DEFAULT_SCHOOL_YEARS,
                      (G_PARAM_READWRITE |
                       G_PARAM_EXPLICIT_NOTIFY |
                       G_PARAM_STATIC_STRINGS));

  properties[PROP_PAYMENT_START] =
    g_param_spec_boxed ("payment-start", NULL, NULL,
                        G_TYPE_DATE,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  properties[PROP_BILLING] =
    g_param_spec_enum ("billing", NULL, NULL,
                       ENT_TYPE_BILLING,
                       ENT_BILLING_ANNUAL,
                       (G_PARAM_READWRITE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * EntContract::changed:
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
ent_contract_init (EntContract *self)
{
  self->first_school_year = DEFAULT_FIRST_SCHOOL_YEAR;
  self->school_years = DEFAULT_SCHOOL_YEARS;
  g_date_clear (&self->payment_start, 1);
  g_date_set_dmy (&self->payment_start, 1, G_DATE_JANUARY, DEFAULT_FIRST_SCHOOL_YEAR + 1);
  self->billing = ENT_BILLING_ANNUAL;
}

EntContract *
ent_contract_new (void)
{
  return g_object_new (ENT_TYPE_CONTRACT, NULL);
}

int
ent_contract_get_first_school_year (EntContract *self)
{
  g_return_val_if_fail (ENT_IS_CONTRACT (self), 0);

  return self->first_school_year;
}

void
ent_contract_set_first_school_year (EntContract *self,
                                    int          year)
{
  g_return_if_fail (ENT_IS_CONTRACT (self));
  g_return_if_fail (year >= ENT_MIN_SCHOOL_YEAR && year <= ENT_MAX_SCHOOL_YEAR);

  if (self->first_school_year == year)
    return;

  self->first_school_year = year;
  notify_contract_moved (self, PROP_FIRST_SCHOOL_YEAR);
}

int
ent_contract_get_school_years (EntContract *self)
{
  g_return_val_if_fail (ENT_IS_CONTRACT (self), 0);

  return self->school_years;
}

void
ent_contract_set_school_years (EntContract *self,
                               int          n_years)
{
  g_return_if_fail (ENT_IS_CONTRACT (self));
  g_return_if_fail (n_years >= 1 && n_years <= ENT_MAX_SCHOOL_YEARS);

  if (self->school_years == n_years)
    return;

  self->school_years = n_years;
  notify_contract_moved (self, PROP_SCHOOL_YEARS);
}

/**
 * ent_contract_get_payment_start:
 *
 * Returns: (transfer none): the payment start date P, always valid.
 */
const GDate *
ent_contract_get_payment_start (EntContract *self)
{
  g_return_val_if_fail (ENT_IS_CONTRACT (self), NULL);

  return &self->payment_start;
}

void
ent_contract_set_payment_start (EntContract *self,
                                const GDate *date)
{
  g_return_if_fail (ENT_IS_CONTRACT (self));
  g_return_if_fail (date != NULL);
  g_return_if_fail (g_date_valid (date));

  if (g_date_compare (&self->payment_start, date) == 0)
    return;

  self->payment_start = *date;
  notify_changed (self, PROP_PAYMENT_START);
}

EntBilling
ent_contract_get_billing (EntContract *self)
{
  g_return_val_if_fail (ENT_IS_CONTRACT (self), ENT_BILLING_ANNUAL);

  return self->billing;
}

void
ent_contract_set_billing (EntContract *self,
                          EntBilling   billing)
{
  g_return_if_fail (ENT_IS_CONTRACT (self));
  g_return_if_fail (billing == ENT_BILLING_ANNUAL || billing == ENT_BILLING_PRORATA);

  if (self->billing == billing)
    return;

  self->billing = billing;
  notify_changed (self, PROP_BILLING);
}

/**
 * ent_contract_get_end_date:
 * @out_end: (out caller-allocates): set to 31 August of F+L
 */
void
ent_contract_get_end_date (EntContract *self,
                           GDate       *out_end)
{
  g_return_if_fail (ENT_IS_CONTRACT (self));
  g_return_if_fail (out_end != NULL);

  g_date_clear (out_end, 1);
  g_date_set_dmy (out_end, 31, G_DATE_AUGUST,
                  self->first_school_year + self->school_years);
}

int
ent_contract_get_first_budget_year (EntContract *self)
{
  g_return_val_if_fail (ENT_IS_CONTRACT (self), 0);

  return g_date_get_year (&self->payment_start);
}

int
ent_contract_get_last_budget_year (EntContract *self)
{
  g_return_val_if_fail (ENT_IS_CONTRACT (self), 0);

  return self->first_school_year + self->school_years;
}

int
ent_contract_get_last_school_year (EntContract *self)
{
  g_return_val_if_fail (ENT_IS_CONTRACT (self), 0);

  return self->first_school_year + self->school_years - 1;
}

const char *
ent_billing_to_string (EntBilling billing)
{
  g_return_val_if_fail (billing == ENT_BILLING_ANNUAL || billing == ENT_BILLING_PRORATA, NULL);

  return billings[billing].keyword;
}

gboolean
ent_billing_from_string (const char *text,
                         EntBilling *out)
{
  g_return_val_if_fail (out != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (billings); i++)
    {
      if (g_str_equal (text, billings[i].keyword))
        {
          *out = (EntBilling)i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
ent_billing_get_label (EntBilling billing)
{
  g_return_val_if_fail (billing == ENT_BILLING_ANNUAL || billing == ENT_BILLING_PRORATA, NULL);

  return _(billings[billing].label);
}

const char *
ent_billing_get_description (EntBilling billing)
{
  g_return_val_if_fail (billing == ENT_BILLING_ANNUAL || billing == ENT_BILLING_PRORATA, NULL);

  return _(billings[billing].description);
}
