/* ent-scenario.c: one what-if: options taken, half-days, projection, tariff increase
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ent-scenario.h"

typedef struct
{
  int    budget_year;
  gint64 count;        /* > 0 */
} HalfDays;

struct _EntScenario
{
  GObject        parent_instance;

  char          *name;             /* never NULL */
  gboolean       optional_all;
  GArray        *optional_years;   /* int, increasing, empty when optional_all */
  GArray        *half_days;        /* HalfDays, increasing budget year */
  EntProjection  projection;
  gint64         projection_rate;  /* bp */
  gint64         tariff_increase;  /* bp */
};

G_DEFINE_FINAL_TYPE (EntScenario, ent_scenario, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_OPTIONAL_ALL,
  PROP_PROJECTION,
  PROP_PROJECTION_RATE,
  PROP_TARIFF_INCREASE,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char * const projections[] = {
  [ENT_PROJECTION_CONSTANT] = "constant",
  [ENT_PROJECTION_RATE] = "rate",
};

static void
notify_changed (EntScenario *self,
                guint        prop_id)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Index of @budget_year in @years (int, increasing), or of where it would go. */
static guint
find_year (GArray   *years,
           int       budget_year,
           gboolean *found)
{
  guint i;

  for (i = 0; i < years->len; i++)
    {
      int year = g_array_index (years, int, i);

      if (year >= budget_year)
        {
          *found = year == budget_year;
          return i;
        }
    }

  *found = FALSE;
  return i;
}

static guint
find_half_days (EntScenario *self,
                int          budget_year,
                gboolean    *found)
{
  guint i;

  for (i = 0; i < self->half_days->len; i++)
    {
      const HalfDays *entry = &g_array_index (self->half_days, HalfDays, i);

      if (entry->budget_year >= budget_year)
        {
          *found = entry->budget_year == budget_year;
          return i;
        }
    }

  *found = FALSE;
  return i;
}

static void
ent_scenario_finalize (GObject *object)
{
  EntScenario *self = (EntScenario *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->optional_years, g_array_unref);
  g_clear_pointer (&self->half_days, g_array_unref);

  G_OBJECT_CLASS (ent_scenario_parent_class)->finalize (object);
}

static void
ent_scenario_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  EntScenario *self = ENT_SCENARIO (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_OPTIONAL_ALL:
      g_value_set_boolean (value, self->optional_all);
      break;

    case PROP_PROJECTION:
      g_value_set_enum (value, self->projection);
      break;

    case PROP_PROJECTION_RATE:
      g_value_set_int64 (value, self->projection_rate);
      break;

    case PROP_TARIFF_INCREASE:
      g_value_set_int64 (value, self->tariff_increase);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ent_scenario_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  EntScenario *self = ENT_SCENARIO (object);

  switch (prop_id)
    {
    case PROP_NAME:
      ent_scenario_set_name (self, g_value_get_string (value));
      break;

    case PROP_OPTIONAL_ALL:
      ent_scenario_set_optional_all (self, g_value_get_boolean (value));
      break;

    case PROP_PROJECTION:
      ent_scenario_set_projection (self, g_value_get_enum (value));
      break;

    case PROP_PROJECTION_RATE:
      ent_scenario_set_projection_rate (self, g_value_get_int64 (value));
      break;

    case PROP_TARIFF_INCREASE:
      ent_scenario_set_tariff_increase (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ent_scenario_class_init (EntScenarioClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ent_scenario_finalize;
  object_class->get_property = ent_scenario_get_property;
  object_class->set_property = ent_scenario_set_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_OPTIONAL_ALL] =
    g_param_spec_boolean ("optional-all", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  properties[PROP_PROJECTION] =
    g_param_spec_enum ("projection", NULL, NULL,
                       ENT_TYPE_PROJECTION,
                       ENT_PROJECTION_CONSTANT,
                       (G_PARAM_READWRITE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  properties[PROP_PROJECTION_RATE] =
    g_param_spec_int64 ("projection-rate", NULL, NULL,
                        ENT_MIN_PROJECTION_RATE_BP, ENT_MAX_PROJECTION_RATE_BP, 0,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  properties[PROP_TARIFF_INCREASE] =
    g_param_spec_int64 ("tariff-increase", NULL, NULL,
                        ENT_MIN_TARIFF_INCREASE_BP, ENT_MAX_TARIFF_INCREASE_BP, 0,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * EntScenario::changed:
   *
   * Emitted after any property, optional year or half-day count changed.
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
ent_scenario_init (EntScenario *self)
{
  self->name = g_strdup ("");
  self->optional_years = g_array_new (FALSE, FALSE, sizeof (int));
  self->half_days = g_array_new (FALSE, FALSE, sizeof (HalfDays));
  self->projection = ENT_PROJECTION_CONSTANT;
}

EntScenario *
ent_scenario_new (const char *name)
{
  return g_object_new (ENT_TYPE_SCENARIO,
                       "name", name,
                       NULL);
}

/**
 * ent_scenario_duplicate:
 * @new_name: (nullable): the copy's name, %NULL to keep @self's
 *
 * Returns: (transfer full): a new scenario with the same settings.
 */
EntScenario *
ent_scenario_duplicate (EntScenario *self,
                        const char  *new_name)
{
  EntScenario *copy;

  g_return_val_if_fail (ENT_IS_SCENARIO (self), NULL);

  copy = ent_scenario_new (new_name != NULL ? new_name : self->name);
  copy->optional_all = self->optional_all;
  g_array_append_vals (copy->optional_years,
                       self->optional_years->data,
                       self->optional_years->len);
  g_array_append_vals (copy->half_days,
                       self->half_days->data,
                       self->half_days->len);
  copy->projection = self->projection;
  copy->projection_rate = self->projection_rate;
  copy->tariff_increase = self->tariff_increase;

  return copy;
}

const char *
ent_scenario_get_name (EntScenario *self)
{
  g_return_val_if_fail (ENT_IS_SCENARIO (self), "");

  return self->name;
}

void
ent_scenario_set_name (EntScenario *self,
                       const char  *name)
{
  g_return_if_fail (ENT_IS_SCENARIO (self));

  if (name == NULL)
    name = "";

  if (g_strcmp0 (self->name, name) == 0)
    return;

  g_free (self->name);
  self->name = g_strdup (name);
  notify_changed (self, PROP_NAME);
}

gboolean
ent_scenario_get_optional_all (EntScenario *self)
{
  g_return_val_if_fail (ENT_IS_SCENARIO (self), FALSE);

  return self->optional_all;
}

void
ent_scenario_set_optional_all (EntScenario *self,
                               gboolean     all)
{
  gboolean list_cleared = FALSE;

  g_return_if_fail (ENT_IS_SCENARIO (self));

  all = !!all;

  if (all && self->optional_years->len > 0)
    {
      g_array_set_size (self->optional_years, 0);
      list_cleared = TRUE;
    }

  if (self->optional_all != all)
    {
      self->optional_all = all;
      notify_changed (self, PROP_OPTIONAL_ALL);
    }
  else if (list_cleared)
    {
      g_signal_emit (self, signals[CHANGED], 0);
    }
}

gboolean
ent_scenario_get_optional_in_year (EntScenario *self,
                                   int          budget_year)
{
  gboolean found;

  g_return_val_if_fail (ENT_IS_SCENARIO (self), FALSE);

  if (self->optional_all)
    return TRUE;

  find_year (self->optional_years, budget_year, &found);

  return found;
}

void
ent_scenario_set_optional_in_year (EntScenario *self,
                                   int          budget_year,
                                   gboolean     taken)
{
  gboolean all_changed = FALSE;
  gboolean list_changed = FALSE;
  gboolean found;
  guint index;

  g_return_if_fail (ENT_IS_SCENARIO (self));

  if (self->optional_all)
    {
      self->optional_all = FALSE;
      all_changed = TRUE;
    }

  index = find_year (self->optional_years, budget_year, &found);

  if (taken && !found)
    {
      g_array_insert_val (self->optional_years, index, budget_year);
      list_changed = TRUE;
    }
  else if (!taken && found)
    {
      g_array_remove_index (self->optional_years, index);
      list_changed = TRUE;
    }

  if (all_changed)
    notify_changed (self, PROP_OPTIONAL_ALL);
  else if (list_changed)
    g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * ent_scenario_get_optional_years:
 * @n_years: (out) (optional): the number of years
 *
 * Returns: (array length=n_years) (transfer none) (nullable): the years of the
 *   list, increasing, valid until the next change of @self.
 */
const int *
ent_scenario_get_optional_years (EntScenario *self,
                                 guint       *n_years)
{
  if (n_years != NULL)
    *n_years = 0;

  g_return_val_if_fail (ENT_IS_SCENARIO (self), NULL);

  if (n_years != NULL)
    *n_years = self->optional_years->len;

  if (self->optional_years->len == 0)
    return NULL;

  return &g_array_index (self->optional_years, int, 0);
}

gint64
ent_scenario_get_half_days (EntScenario *self,
                            int          budget_year)
{
  gboolean found;
  guint index;

  g_return_val_if_fail (ENT_IS_SCENARIO (self), 0);

  index = find_half_days (self, budget_year, &found);
  if (!found)
    return 0;

  return g_array_index (self->half_days, HalfDays, index).count;
}

/**
 * ent_scenario_set_half_days:
 * @count: 0 .. %ENT_MAX_HALF_DAYS_PER_YEAR; 0 unsets the year
 */
void
ent_scenario_set_half_days (EntScenario *self,
                            int          budget_year,
                            gint64       count)
{
  HalfDays entry = { budget_year, count };
  gboolean found;
  guint index;

  g_return_if_fail (ENT_IS_SCENARIO (self));
  g_return_if_fail (count >= 0);
  g_return_if_fail (count <= ENT_MAX_HALF_DAYS_PER_YEAR);

  index = find_half_days (self, budget_year, &found);

  if (found)
    {
      HalfDays *existing = &g_array_index (self->half_days, HalfDays, index);

      if (existing->count == count)
        return;

      if (count == 0)
        g_array_remove_index (self->half_days, index);
      else
        existing->count = count;
    }
  else
    {
      if (count == 0)
        return;

      g_array_insert_val (self->half_days, index, entry);
    }

  g_signal_emit (self, signals[CHANGED], 0);
}

guint
ent_scenario_get_n_half_days (EntScenario *self)
{
  g_return_val_if_fail (ENT_IS_SCENARIO (self), 0);

  return self->half_days->len;
}

/**
 * ent_scenario_get_nth_half_days:
 * @index: less than ent_scenario_get_n_half_days()
 * @out_budget_year: (out) (optional):
 * @out_count: (out) (optional):
 */
void
ent_scenario_get_nth_half_days (EntScenario *self,
                                guint        index,
                                int         *out_budget_year,
                                gint64      *out_count)
{
  const HalfDays *entry;

  g_return_if_fail (ENT_IS_SCENARIO (self));
  g_return_if_fail (index < self->half_days->len);

  entry = &g_array_index (self->half_days, HalfDays, index);

  if (out_budget_year != NULL)
    *out_budget_year = entry->budget_year;
  if (out_count != NULL)
    *out_count = entry->count;
}

EntProjection
ent_scenario_get_projection (EntScenario *self)
{
  g_return_val_if_fail (ENT_IS_SCENARIO (self), ENT_PROJECTION_CONSTANT);

  return self->projection;
}

void
ent_scenario_set_projection (EntScenario   *self,
                             EntProjection  projection)
{
  g_return_if_fail (ENT_IS_SCENARIO (self));
  g_return_if_fail (projection == ENT_PROJECTION_CONSTANT ||
                    projection == ENT_PROJECTION_RATE);

  if (self->projection == projection)
    return;

  self->projection = projection;
  notify_changed (self, PROP_PROJECTION);
}

gint64
ent_scenario_get_projection_rate (EntScenario *self)
{
  g_return_val_if_fail (ENT_IS_SCENARIO (self), 0);

  return self->projection_rate;
}

void
ent_scenario_set_projection_rate (EntScenario *self,
                                  gint64       bp)
{
  g_return_if_fail (ENT_IS_SCENARIO (self));
  g_return_if_fail (bp >= ENT_MIN_PROJECTION_RATE_BP && bp <= ENT_MAX_PROJECTION_RATE_BP);

  if (self->projection_rate == bp)
    return;

  self->projection_rate = bp;
  notify_changed (self, PROP_PROJECTION_RATE);
}

gint64
ent_scenario_get_tariff_increase (EntScenario *self)
{
  g_return_val_if_fail (ENT_IS_SCENARIO (self), 0);

  return self->tariff_increase;
}

void
ent_scenario_set_tariff_increase (EntScenario *self,
                                  gint64       bp)
{
  g_return_if_fail (ENT_IS_SCENARIO (self));
  g_return_if_fail (bp >= ENT_MIN_TARIFF_INCREASE_BP && bp <= ENT_MAX_TARIFF_INCREASE_BP);

  if (self->tariff_increase == bp)
    return;

  self->tariff_increase = bp;
  notify_changed (self, PROP_TARIFF_INCREASE);
}

const char *
ent_projection_to_string (EntProjection projection)
{
  g_return_val_if_fail (projection == ENT_PROJECTION_CONSTANT ||
                        projection == ENT_PROJECTION_RATE, NULL);

  return projections[projection];
}

gboolean
ent_projection_from_string (const char    *text,
                            EntProjection *out)
{
  g_return_val_if_fail (out != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (projections); i++)
    {
      if (g_str_equal (text, projections[i]))
        {
          *out = (EntProjection)i;
          return TRUE;
        }
    }

  return FALSE;
}
