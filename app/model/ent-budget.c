/* ent-budget.c: the budget engine (SPEC section 4), exact in integer cents
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ent-budget.h"
#include "ent-budget-query.h"
#include "ent-m57.h"
#include "ent-money.h"
#include "ent-validate.h"

/* A projection step cannot push a count past this: saturating keeps the
 * arithmetic exact and in range however far a rate is projected. */
#define MAX_PROJECTED_PUPILS G_GINT64_CONSTANT (1000000000)
#define BP_SCALE             10000  /* 100 % in basis points */

G_DEFINE_BOXED_TYPE (EntBudget, ent_budget, ent_budget_ref, ent_budget_unref)

/* Everything one computation needs, gathered once. */
typedef struct
{
  EntDocument       *document;
  EntContract       *contract;
  EntTariffSchedule *tariffs;
  gint64             pupil_change_bp;
  GDate              payment_start;
  EntBudget         *budget;
} Computation;

static gint64
apply_rate (gint64 value,
            gint64 rate_bp)
{
  gint64 product;

  /* value <= MAX_PROJECTED_PUPILS and |rate| is bounded by the scenario limits,
   * but a corrupt in-memory value must not overflow: saturate. */
  if (!ent_checked_mul (value, BP_SCALE + rate_bp, &product))
    return MAX_PROJECTED_PUPILS;
  return CLAMP (ent_round_div (product, BP_SCALE), 0, MAX_PROJECTED_PUPILS);
}

static gint64
project_pupils (EntSchool   *school,
                EntScenario *scenario,
                int          school_year,
                gint64       pupil_change_bp,
                gboolean    *out_known)
{
  guint n_known = ent_school_get_n_known (school);
  int year = 0, latest_year = 0;
  gint64 count = 0, latest = -1;
  gint64 earliest = -1;

  if (out_known)
    *out_known = FALSE;

  /* SPEC 3, 4.1: outside opens <= S < closes a school has no pupil, whatever
   * the projection says; that 0 is a fact, not a projection. */
  if (!ent_school_is_open (school, school_year))
    {
      if (out_known)
        *out_known = TRUE;
      return 0;
    }

  for (guint i = 0; i < n_known; i++)
    {
      ent_school_get_nth_known (school, i, &year, &count);
      if (pupil_change_bp != 0)
        count = apply_rate (count, pupil_change_bp);
      if (i == 0)
        earliest = count;
      if (year == school_year)
        {
          if (out_known)
            *out_known = TRUE;
          return count;
        }
      if (year < school_year)
        {
          latest_year = year;
          latest = count;
        }
    }

  if (latest < 0)
    /* Nothing known before: the earliest known count, unprojected (the
     * school is open in @school_year: checked above). */
    return MAX (earliest, 0);

  if (ent_scenario_get_projection (scenario) == ENT_PROJECTION_RATE)
    {
      gint64 rate = ent_scenario_get_projection_rate (scenario);

      for (int y = latest_year + 1; y <= school_year; y++)
        latest = apply_rate (latest, rate);
    }
  return latest;
}

gint64
ent_school_project_pupils (EntSchool   *school,
                           EntScenario *scenario,
                           int          school_year,
                           gboolean    *out_known)
{
  g_return_val_if_fail (ENT_IS_SCHOOL (school), 0);
  g_return_val_if_fail (ENT_IS_SCENARIO (scenario), 0);

  return project_pupils (school, scenario, school_year, 0, out_known);
}

gint64
ent_tariff_period_get_rate (EntTariffPeriod *period,
                            EntLineKind      line)
{
  g_return_val_if_fail (ENT_IS_TARIFF_PERIOD (period), 0);

  switch (line)
    {
    case ENT_LINE_BASE:
      return ent_tariff_period_get_base_per_pupil (period);
    case ENT_LINE_OPTIONAL:
      return ent_tariff_period_get_optional_per_pupil (period);
    case ENT_LINE_SPECIFIC:
    case ENT_N_LINES:
    default:
      return ent_tariff_period_get_half_day (period);
    }
}

gboolean
ent_tariff_rate_on (EntTariffSchedule *tariffs,
                    EntLineKind        line,
                    const GDate       *date,
                    gint64             increase_bp,
                    gint64            *out_cents,
                    GError           **error)
{
  EntTariffPeriod *period;
  gint64 rate;

  g_return_val_if_fail (ENT_IS_TARIFF_SCHEDULE (tariffs), FALSE);
  g_return_val_if_fail (g_date_valid (date), FALSE);

  period = ent_tariff_schedule_lookup (tariffs, date);
  if (period == NULL)
    {
      EntTariffPeriod *first = g_list_model_get_n_items (G_LIST_MODEL (tariffs)) > 0
        ? g_list_model_get_item (G_LIST_MODEL (tariffs), 0) : NULL;
      g_autofree char *when = ent_date_format (date);

      if (first != NULL)
        {
          g_autofree char *from = ent_date_format (ent_tariff_period_get_valid_from (first));

          g_set_error (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_NO_TARIFF,
                       _("No tariff is in force on %s, a billed date: the first tariff period starts on %s"),
                       when, from);
          g_object_unref (first);
        }
      else
        g_set_error (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_NO_TARIFF,
                     _("No tariff is in force on %s, a billed date: the document has no tariff period"),
                     when);
      return FALSE;
    }

  rate = ent_tariff_period_get_rate (period, line);

  /* SPEC 4.4: one raise per anniversary of the last period's valid-from */
  if (increase_bp != 0 && period == ent_tariff_schedule_get_last (tariffs))
    {
      guint n = ent_tariff_count_raises (ent_tariff_period_get_valid_from (period), date);

      if (!ent_tariff_raise_rate (rate, increase_bp, n, &rate))
        {
          g_set_error (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_OVERFLOW,
                       _("The tariff increase makes a rate too large to compute"));
          return FALSE;
        }
    }

  *out_cents = rate;
  return TRUE;
}

typedef struct
{
  guint    index;
  __int128 remainder;
} Remainder;

/* The largest remainder first; ties go to the part listed first. */
static inline gboolean
ranks_before (const Remainder *a,
              const Remainder *b)
{
  return a->remainder > b->remainder ||
         (a->remainder == b->remainder && a->index < b->index);
}

static inline void
swap_remainders (Remainder *a,
                 Remainder *b)
{
  Remainder t = *a;
  *a = *b;
  *b = t;
}

/* Moves the @k items that rank first to items[0 .. k), in any order: a
 * quickselect, linear on average, since only those k parts get a cent. The
 * order is total (indices differ), so every round makes progress. */
static void
select_first (Remainder *items,
              guint      n,
              guint      k)
{
  guint lo = 0, hi = n;

  while (k > lo && k < hi)
    {
      const Remainder *a = &items[lo], *b = &items[lo + (hi - lo) / 2], *c = &items[hi - 1];
      Remainder pivot;
      guint store = lo;

      /* median of three */
      if (ranks_before (a, b) == ranks_before (b, c))
        pivot = *b;
      else if (ranks_before (b, a) == ranks_before (a, c))
        pivot = *a;
      else
        pivot = *c;

      for (guint i = lo; i < hi; i++)
        if (ranks_before (&items[i], &pivot))
          swap_remainders (&items[i], &items[store++]);

      if (store >= k)
        hi = store;
      else
        {
          /* the pivot ranks right after [lo, store): put it there */
          for (guint i = store; i < hi; i++)
            if (items[i].index == pivot.index)
              {
                swap_remainders (&items[i], &items[store]);
                break;
              }
          lo = store + 1;
        }
    }
}

void
ent_allocate_largest_remainder (gint64        amount,
                                const gint64 *weights,
                                guint         n,
                                gint64       *out_parts)
{
  __int128 total_weight = 0;
  gint64 allocated = 0;
  g_autofree Remainder *remainders = NULL;
  guint extra;

  if (n == 0)
    return;
  g_return_if_fail (amount >= 0);

  for (guint i = 0; i < n; i++)
    {
      g_return_if_fail (weights[i] >= 0);
      total_weight += weights[i];
    }

  if (total_weight == 0)
    {
      out_parts[0] = amount;
      for (guint i = 1; i < n; i++)
        out_parts[i] = 0;
      return;
    }

  remainders = g_new (Remainder, n);
  for (guint i = 0; i < n; i++)
    {
      __int128 share = (__int128) amount * weights[i];

      out_parts[i] = (gint64) (share / total_weight);
      allocated += out_parts[i];
      remainders[i].index = i;
      remainders[i].remainder = share % total_weight;
    }

  /* amount − allocated < n since each part lost less than one cent */
  extra = (guint) (amount - allocated);
  if (extra == 0)
    return;
  select_first (remainders, n, extra);
  for (guint k = 0; k < extra; k++)
    out_parts[remainders[k].index]++;
}

static void
clear_line (EntBudgetLine *line)
{
  g_clear_pointer (&line->label, g_free);
  g_clear_pointer (&line->chapter, g_free);
  g_clear_pointer (&line->nature, g_free);
  g_clear_pointer (&line->function, g_free);
  g_clear_pointer (&line->school_parts, g_free);
  g_clear_pointer (&line->commune_parts, g_free);
}

static void
clear_scenario_budget (EntScenarioBudget *sb)
{
  for (guint y = 0; y < sb->n_years; y++)
    for (guint l = 0; l < ENT_N_LINES; l++)
      clear_line (&sb->years[y].lines[l]);
  g_clear_pointer (&sb->years, g_free);
  g_clear_pointer (&sb->name, g_free);
  g_clear_pointer (&sb->pupils, g_free);
  g_clear_pointer (&sb->known, g_free);
  g_clear_object (&sb->scenario);
}

EntBudget *
ent_budget_ref (EntBudget *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
ent_budget_unref (EntBudget *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  for (guint s = 0; s < self->n_scenarios; s++)
    clear_scenario_budget (&self->scenarios[s]);
  g_free (self->scenarios);
  for (guint i = 0; i < self->n_schools; i++)
    g_object_unref (self->schools[i]);
  g_free (self->schools);
  g_strfreev (self->communes);
  g_free (self->school_commune);
  g_free (self);
}

gint64
ent_scenario_budget_get_pupils (const EntBudget         *budget,
                                const EntScenarioBudget *scenario,
                                guint                    school,
                                int                      school_year,
                                gboolean                *out_known)
{
  int offset = school_year - budget->first_school_year;

  g_return_val_if_fail (school < budget->n_schools, 0);
  g_return_val_if_fail (offset >= 0 && (guint) offset < budget->n_school_years, 0);

  if (out_known)
    *out_known = scenario->known[school * budget->n_school_years + offset];
  return scenario->pupils[school * budget->n_school_years + offset];
}

gint64
ent_budget_line_get_commune_part (const EntBudget     *budget,
                                  const EntBudgetLine *line,
                                  guint                commune)
{
  g_return_val_if_fail (commune < budget->n_communes, 0);

  return line->commune_parts[commune];
}

static gboolean
overflow_error (GError **error)
{
  g_set_error (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_OVERFLOW,
               _("An amount is too large to compute exactly"));
  return FALSE;
}

/* Adds the segment quantity × price × months to *@sum (twelfths of a cent). */
static gboolean
add_term (gint64  *sum,
          gint64   quantity,
          gint64   price,
          gint64   months,
          GError **error)
{
  gint64 term;

  if (!ent_checked_mul (quantity, price, &term) ||
      !ent_checked_mul (term, months, &term) ||
      !ent_checked_add (*sum, term, sum))
    return overflow_error (error);
  return TRUE;
}

static char *
describe_segment (EntLineKind       kind,
                  const EntSegment *segment,
                  gboolean          with_months)
{
  g_autofree char *quantity = ent_count_format (segment->quantity);
  g_autofree char *price = ent_money_format (segment->unit_price);

  if (kind == ENT_LINE_SPECIFIC)
    /* Translators: "2 half-days × 150,00 €" */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s half-day × %s", "%s half-days × %s",
                                         segment->quantity),
                            quantity, price);
  if (with_months)
    /* Translators: "1 209 pupils × 1,30 € × 8/12" */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s pupil × %s × %d/12", "%s pupils × %s × %d/12",
                                         segment->quantity),
                            quantity, price, segment->months);
  /* Translators: "1 209 pupils × 1,30 €" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s pupil × %s", "%s pupils × %s",
                                       segment->quantity),
                          quantity, price);
}

static char *
make_label (const EntBudgetLine *line)
{
  const char *part;
  g_autoptr(GString) detail = g_string_new (NULL);

  switch (line->kind)
    {
    case ENT_LINE_BASE:
      part = _("ENT contribution – base part");
      break;
    case ENT_LINE_OPTIONAL:
      part = _("ENT contribution – optional flat support");
      break;
    case ENT_LINE_SPECIFIC:
    case ENT_N_LINES:
    default:
      part = _("ENT contribution – specific support");
      break;
    }

  if (line->n_segments == 0)
    {
      if (line->kind == ENT_LINE_BASE)
        /* Translators: a base line with nothing to bill this year */
        return g_strdup_printf (_("%s (nothing billed this year)"), part);
      /* Translators: an option not taken this year */
      return g_strdup_printf (_("%s (not taken)"), part);
    }

  for (guint i = 0; i < line->n_segments; i++)
    {
      g_autofree char *segment = describe_segment (line->kind, &line->segments[i],
                                                   line->segments[i].months != 12);
      if (i > 0)
        g_string_append (detail, " + ");
      g_string_append (detail, segment);
    }
  return g_strdup_printf ("%s (%s)", part, detail->str);
}

/* Counts the months of @year, from @first_month to @last_month, whose first day
 * is on or after the payment start; returns the first such month in *@out_first. */
static int
billed_months (const Computation *c,
               int                year,
               int                first_month,
               int                last_month,
               int               *out_first)
{
  int months = 0;

  *out_first = 0;
  for (int m = first_month; m <= last_month; m++)
    {
      GDate first_day;

      g_date_clear (&first_day, 1);
      g_date_set_dmy (&first_day, 1, m, year);
      if (g_date_compare (&first_day, &c->payment_start) >= 0)
        {
          if (months == 0)
            *out_first = m;
          months++;
        }
    }
  return months;
}

static gboolean
add_segment (const Computation       *c,
             const EntScenarioBudget *sb,
             EntBudgetLine           *line,
             int                      school_year,
             int                      year,
             int                      month,
             int                      months,
             GError                 **error)
{
  EntSegment *segment = &line->segments[line->n_segments];

  g_date_clear (&segment->tariff_date, 1);
  g_date_set_dmy (&segment->tariff_date, 1, month, year);
  segment->school_year = school_year;
  segment->months = months;
  segment->quantity = ent_scenario_budget_count_pupils (c->budget, sb, school_year, NULL);
  if (!ent_tariff_rate_on (c->tariffs, line->kind, &segment->tariff_date,
                           ent_scenario_get_tariff_increase (sb->scenario),
                           &segment->unit_price, error))
    return FALSE;
  line->n_segments++;
  return TRUE;
}

/* The segments of a pupil line (base or optional) of budget year @year. */
static gboolean
fill_pupil_segments (const Computation       *c,
                     const EntScenarioBudget *sb,
                     EntBudgetLine           *line,
                     int                      year,
                     GError                 **error)
{
  int first_school_year = c->budget->first_school_year;
  int last_school_year = first_school_year + (int) c->budget->n_school_years - 1;
  int first_month;
  int months;

  if (ent_contract_get_billing (c->contract) == ENT_BILLING_ANNUAL)
    {
      /* Rule 4.2: the rentrée of September Y−1, a whole year, tariff of 1 January Y */
      if (year - 1 < first_school_year || year - 1 > last_school_year)
        return TRUE;
      return add_segment (c, sb, line, year - 1, year, 1, 12, error);
    }

  /* Rule 4.3: January–August belong to school year Y−1, September–December to Y */
  if (year - 1 >= first_school_year && year - 1 <= last_school_year)
    {
      months = billed_months (c, year, 1, 8, &first_month);
      if (months > 0 && !add_segment (c, sb, line, year - 1, year, first_month, months, error))
        return FALSE;
    }
  if (year >= first_school_year && year <= last_school_year)
    {
      months = billed_months (c, year, 9, 12, &first_month);
      if (months > 0 && !add_segment (c, sb, line, year, year, first_month, months, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
compute_line (const Computation *c,
              EntScenarioBudget *sb,
              EntBudgetYear     *by,
              EntLineKind        kind,
              GError           **error)
{
  EntBudget *budget = c->budget;
  EntBudgetLine *line = &by->lines[kind];
  g_autofree gint64 *weights = g_new0 (gint64, MAX (budget->n_schools, 1));
  gint64 twelfths = 0;

  line->kind = kind;
  line->chapter = g_strdup (ent_document_get_chapter (c->document, kind));
  line->nature = g_strdup (ent_document_get_nature (c->document, kind));
  line->function = g_strdup (ent_document_get_function (c->document, kind));
  line->school_parts = g_new0 (gint64, MAX (budget->n_schools, 1));

  switch (kind)
    {
    case ENT_LINE_BASE:
      if (!fill_pupil_segments (c, sb, line, by->year, error))
        return FALSE;
      break;

    case ENT_LINE_OPTIONAL:
      if (ent_scenario_get_optional_in_year (sb->scenario, by->year) &&
          !fill_pupil_segments (c, sb, line, by->year, error))
        return FALSE;
      break;

    case ENT_LINE_SPECIFIC:
    case ENT_N_LINES:
    default:
      {
        gint64 half_days = ent_scenario_get_half_days (sb->scenario, by->year);

        if (half_days > 0)
          {
            EntSegment *segment = &line->segments[0];

            /* Rule 4.3: as in annual billing, at the price of 1 January Y */
            g_date_clear (&segment->tariff_date, 1);
            g_date_set_dmy (&segment->tariff_date, 1, G_DATE_JANUARY, by->year);
            segment->school_year = by->year;
            segment->quantity = half_days;
            segment->months = 12;
            if (!ent_tariff_rate_on (c->tariffs, kind, &segment->tariff_date,
                                     ent_scenario_get_tariff_increase (sb->scenario),
                                     &segment->unit_price, error))
              return FALSE;
            line->n_segments = 1;
          }
      }
      break;
    }

  /* Rule: add the segments exactly (in twelfths of a cent), round once. */
  for (guint i = 0; i < line->n_segments; i++)
    if (!add_term (&twelfths, line->segments[i].quantity, line->segments[i].unit_price,
                   line->segments[i].months, error))
      return FALSE;
  line->amount = ent_round_div (twelfths, 12);

  /* Rule 4.5: allocate by pupils, largest remainder. A school's weight is its
   * own exact share of the line; specific support goes by the pupils counted. */
  for (guint s = 0; s < budget->n_schools; s++)
    {
      if (kind == ENT_LINE_SPECIFIC)
        {
          int counted = ent_budget_get_counted_school_year (budget, by->year);

          weights[s] = ent_scenario_budget_get_pupils (budget, sb, s, counted, NULL);
          continue;
        }
      for (guint i = 0; i < line->n_segments; i++)
        {
          const EntSegment *segment = &line->segments[i];
          gint64 pupils = ent_scenario_budget_get_pupils (budget, sb, s, segment->school_year, NULL);

          if (!add_term (&weights[s], pupils, segment->unit_price, segment->months, error))
            return FALSE;
        }
    }
  ent_allocate_largest_remainder (line->amount, weights, budget->n_schools, line->school_parts);
  line->commune_parts = g_new0 (gint64, MAX (budget->n_communes, 1));
  for (guint s = 0; s < budget->n_schools; s++)
    line->commune_parts[budget->school_commune[s]] += line->school_parts[s];

  /* SPEC 5: the school parts already add up to the line, so the two
   * functions' sums do too */
  if (kind == ENT_LINE_BASE && budget->split)
    {
      line->split = TRUE;
      for (guint s = 0; s < budget->n_schools; s++)
        {
          EntSchoolLevel level = ent_school_get_level (budget->schools[s]);

          line->function_parts[level == ENT_SCHOOL_LEVEL_MATERNELLE ? 0 : 1] += line->school_parts[s];
        }
    }

  line->label = make_label (line);
  return TRUE;
}

static gboolean
compute_scenario (const Computation *c,
                  EntScenarioBudget *sb,
                  GError           **error)
{
  EntBudget *budget = c->budget;
  gint64 cumulated = 0;

  sb->name = g_strdup (ent_scenario_get_name (sb->scenario));
  sb->pupils = g_new0 (gint64, MAX (budget->n_schools * budget->n_school_years, 1));
  sb->known = g_new0 (gboolean, MAX (budget->n_schools * budget->n_school_years, 1));

  for (guint s = 0; s < budget->n_schools; s++)
    for (guint k = 0; k < budget->n_school_years; k++)
      sb->pupils[s * budget->n_school_years + k] =
        project_pupils (budget->schools[s], sb->scenario, budget->first_school_year + (int) k,
                        c->pupil_change_bp, &sb->known[s * budget->n_school_years + k]);

  sb->n_years = budget->n_budget_years;
  sb->years = g_new0 (EntBudgetYear, sb->n_years);
  sb->total = 0;

  for (guint y = 0; y < sb->n_years; y++)
    {
      EntBudgetYear *by = &sb->years[y];
      int counted;

      by->year = budget->first_budget_year + (int) y;
      counted = ent_budget_get_counted_school_year (budget, by->year);
      by->pupils = ent_scenario_budget_count_pupils (budget, sb, counted, NULL);

      for (guint l = 0; l < ENT_N_LINES; l++)
        {
          if (!compute_line (c, sb, by, (EntLineKind) l, error))
            return FALSE;
          if (!ent_checked_add (by->total, by->lines[l].amount, &by->total))
            return overflow_error (error);
        }
      by->cost_per_pupil = by->pupils > 0 ? ent_round_div (by->total, by->pupils) : 0;
      if (!ent_checked_add (sb->total, by->total, &sb->total))
        return overflow_error (error);
    }

  /* AE/CP: the authorisation is the contract total, the payment credits the years */
  for (guint y = 0; y < sb->n_years; y++)
    {
      cumulated += sb->years[y].total;
      sb->years[y].cumulated = cumulated;
      sb->years[y].remaining = sb->total - cumulated;
    }
  return TRUE;
}

/* SPEC 3: a known count outside opens <= S < closes is an error naming the
 * school and the year. The window changes opens, closes and the counts one
 * at a time, and the loader accepts what the window saved (SPEC 10.4): the
 * engine checks them together. */
static gboolean
check_school_spans (EntDocument  *document,
                    GError      **error)
{
  GListModel *schools = ent_document_get_schools (document);
  guint n = g_list_model_get_n_items (schools);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EntSchool) school = g_list_model_get_item (schools, i);
      int opens = ent_school_get_opens (school);
      int closes = ent_school_get_closes (school);
      gboolean ok = ent_validate_school_span (opens, closes, error);

      for (guint k = 0; ok && k < ent_school_get_n_known (school); k++)
        {
          int year;

          ent_school_get_nth_known (school, k, &year, NULL);
          ok = ent_validate_count_in_span (opens, closes, year, error);
        }
      if (!ok)
        {
          /* Translators: a school's name; the reason follows */
          g_prefix_error (error, _("School “%s”: "), ent_school_get_name (school));
          return FALSE;
        }
    }
  return TRUE;
}

static void
gather_schools (EntBudget   *budget,
                EntDocument *document)
{
  GListModel *schools = ent_document_get_schools (document);
  g_autoptr(GPtrArray) communes = g_ptr_array_new ();
  g_autoptr(GHashTable) commune_index = g_hash_table_new (g_str_hash, g_str_equal);

  budget->n_schools = g_list_model_get_n_items (schools);
  budget->schools = g_new0 (EntSchool *, MAX (budget->n_schools, 1));
  budget->school_commune = g_new0 (guint, MAX (budget->n_schools, 1));

  for (guint i = 0; i < budget->n_schools; i++)
    {
      const char *commune;
      gpointer index;

      budget->schools[i] = g_list_model_get_item (schools, i);
      commune = ent_school_get_commune (budget->schools[i]);
      if (!g_hash_table_lookup_extended (commune_index, commune, NULL, &index))
        {
          index = GUINT_TO_POINTER (communes->len);
          g_hash_table_insert (commune_index, (gpointer) commune, index);
          g_ptr_array_add (communes, g_strdup (commune));
        }
      budget->school_commune[i] = GPOINTER_TO_UINT (index);
    }

  budget->n_communes = communes->len;
  g_ptr_array_add (communes, NULL);
  budget->communes = (char **) g_ptr_array_steal (communes, NULL);
}

EntBudget *
ent_budget_compute_scaled (EntDocument  *document,
                           gint64        pupil_change_bp,
                           GError      **error)
{
  g_autoptr(EntBudget) budget = NULL;
  GListModel *scenarios;
  Computation c = { 0 };
  int last_budget_year;

  g_return_val_if_fail (ENT_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  c.document = document;
  c.contract = ent_document_get_contract (document);
  c.tariffs = ent_document_get_tariffs (document);
  c.pupil_change_bp = pupil_change_bp;
  c.payment_start = *ent_contract_get_payment_start (c.contract);
  scenarios = ent_document_get_scenarios (document);

  if (g_list_model_get_n_items (scenarios) == 0)
    {
      g_set_error (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_MISSING,
                   _("The document has no scenario"));
      return NULL;
    }

  /* The window lets the contract's school years change after the payment
   * start, and the loader accepts what the window saved: checked here. */
  if (!ent_validate_payment_start (ent_contract_get_first_school_year (c.contract),
                                   ent_contract_get_school_years (c.contract),
                                   &c.payment_start, error))
    return NULL;
  if (!check_school_spans (document, error))
    return NULL;

  budget = g_new0 (EntBudget, 1);
  g_atomic_ref_count_init (&budget->ref_count);
  c.budget = budget;

  budget->first_school_year = ent_contract_get_first_school_year (c.contract);
  budget->n_school_years = ent_contract_get_school_years (c.contract);
  budget->first_budget_year = ent_contract_get_first_budget_year (c.contract);
  last_budget_year = ent_contract_get_last_budget_year (c.contract);
  budget->n_budget_years = last_budget_year >= budget->first_budget_year
    ? (guint) (last_budget_year - budget->first_budget_year + 1) : 0;
  gather_schools (budget, document);
  budget->split_asked = ent_document_get_split_functions (document);
  for (guint i = 0; i < budget->n_schools; i++)
    if (ent_school_get_level (budget->schools[i]) == ENT_SCHOOL_LEVEL_UNKNOWN)
      budget->n_schools_without_level++;
  budget->split = budget->split_asked && budget->n_schools > 0 && budget->n_schools_without_level == 0;

  budget->n_scenarios = g_list_model_get_n_items (scenarios);
  budget->scenarios = g_new0 (EntScenarioBudget, budget->n_scenarios);
  for (guint s = 0; s < budget->n_scenarios; s++)
    {
      budget->scenarios[s].scenario = g_list_model_get_item (scenarios, s);
      if (!compute_scenario (&c, &budget->scenarios[s], error))
        {
          g_prefix_error (error, _("Scenario “%s”: "), ent_scenario_get_name (budget->scenarios[s].scenario));
          return NULL;
        }
    }

  return g_steal_pointer (&budget);
}

const char * const ent_split_functions[ENT_N_SPLIT_FUNCTIONS] = { "211", "212" };

char *
ent_budget_line_dup_split_label (const EntBudgetLine *line,
                                 guint                f)
{
  const char *name;

  g_return_val_if_fail (line != NULL, NULL);
  g_return_val_if_fail (f < ENT_N_SPLIT_FUNCTIONS, NULL);

  name = ent_m57_get_label (ENT_ACCOUNT_FUNCTION, ent_split_functions[f]);
  /* The line's own label names all its pupils: the part names its function */
  /* Translators: a part of a budget line split by function: "Part de base –
   * fonction 211 « Écoles maternelles »"; %1$s the line, %2$s the code, %3$s its label */
  return g_strdup_printf (_("%1$s – function %2$s “%3$s”"), ent_line_kind_get_label (line->kind),
                          ent_split_functions[f], name != NULL ? name : "");
}

char *
ent_budget_describe_split_problem (const EntBudget *budget)
{
  g_return_val_if_fail (budget != NULL, NULL);

  if (!budget->split_asked || budget->split)
    return NULL;
  if (budget->n_schools == 0)
    return g_strdup (_("No school: the split between functions 211 and 212 is impossible"));

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u school without a level: the split between functions 211 and 212 is impossible",
                                       "%u schools without a level: the split between functions 211 and 212 is impossible",
                                       budget->n_schools_without_level),
                          budget->n_schools_without_level);
}

EntBudget *
ent_budget_compute (EntDocument  *document,
                    GError      **error)
{
  return ent_budget_compute_scaled (document, 0, error);
}

gboolean
ent_budget_year_get_vintage (const EntBudget         *budget,
                             const EntScenarioBudget *scenario,
                             const EntBudgetYear     *by,
                             int                     *out_first_projected,
                             int                     *out_last_projected,
                             int                     *out_observed)
{
  const EntBudgetLine *line;
  int first = 0, last = 0, observed = 0;

  g_return_val_if_fail (budget != NULL && scenario != NULL && by != NULL, FALSE);

  line = &by->lines[ENT_LINE_BASE];
  for (guint i = 0; i < line->n_segments; i++)
    {
      int school_year = line->segments[i].school_year;
      int offset = school_year - budget->first_school_year;
      gboolean projected = FALSE;

      if (offset < 0 || (guint) offset >= budget->n_school_years)
        continue;
      for (guint s = 0; s < budget->n_schools && !projected; s++)
        projected = !scenario->known[s * budget->n_school_years + offset];
      if (!projected)
        continue;
      if (first == 0 || school_year < first)
        first = school_year;
      if (school_year > last)
        last = school_year;
    }
  if (first == 0)
    return FALSE;

  for (guint s = 0; s < budget->n_schools; s++)
    for (guint k = 0; k < ent_school_get_n_known (budget->schools[s]); k++)
      {
        int year;

        ent_school_get_nth_known (budget->schools[s], k, &year, NULL);
        if (year < first && year > observed)
          observed = year;
      }

  if (out_first_projected)
    *out_first_projected = first;
  if (out_last_projected)
    *out_last_projected = last;
  if (out_observed)
    *out_observed = observed;
  return TRUE;
}

char *
ent_budget_year_describe_vintage (const EntBudget         *budget,
                                  const EntScenarioBudget *scenario,
                                  const EntBudgetYear     *by)
{
  g_autofree char *projected = NULL;
  int first, last, observed;

  if (!ent_budget_year_get_vintage (budget, scenario, by, &first, &last, &observed))
    return NULL;

  if (first == last)
    /* Translators: a year, the rentrée of September */
    projected = g_strdup_printf (_("pupils of the rentrée %d projected"), first);
  else
    /* Translators: two years, rentrées of September */
    projected = g_strdup_printf (_("pupils of the rentrées %d and %d projected"), first, last);

  if (observed == 0)
    /* Translators: the phrase before says which rentrée's pupils are projected */
    return g_strdup_printf (_("%s, no count observed before"), projected);
  /* Translators: the phrase before says which rentrée's pupils are projected; a year */
  return g_strdup_printf (_("%s, last observed: rentrée %d"), projected, observed);
}
