/* ent-document-equal.c: what "the same document" means, field by field
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every comparison here covers every field that is saved: ent_document_equal ()
 * and undo (ent_document_replace_content (), which keeps the objects found
 * equal) rest on them, so a field added to the file format is added here too.
 */

#include "config.h"

#include <string.h>

#include "ent-document-private.h"

gboolean
ent_date_equal_or_invalid (const GDate *a,
                           const GDate *b)
{
  if (!g_date_valid (a) || !g_date_valid (b))
    return g_date_valid (a) == g_date_valid (b);

  return g_date_compare (a, b) == 0;
}

gboolean
ent_contract_equal (EntContract *a,
                    EntContract *b)
{
  return ent_contract_get_first_school_year (a) == ent_contract_get_first_school_year (b) &&
         ent_contract_get_school_years (a) == ent_contract_get_school_years (b) &&
         ent_date_equal_or_invalid (ent_contract_get_payment_start (a), ent_contract_get_payment_start (b)) &&
         ent_contract_get_billing (a) == ent_contract_get_billing (b);
}

gboolean
ent_tariff_period_equal (EntTariffPeriod *a,
                         EntTariffPeriod *b)
{
  return ent_date_equal_or_invalid (ent_tariff_period_get_valid_from (a), ent_tariff_period_get_valid_from (b)) &&
         ent_tariff_period_get_base_per_pupil (a) == ent_tariff_period_get_base_per_pupil (b) &&
         ent_tariff_period_get_optional_per_pupil (a) == ent_tariff_period_get_optional_per_pupil (b) &&
         ent_tariff_period_get_half_day (a) == ent_tariff_period_get_half_day (b) &&
         g_str_equal (ent_tariff_period_get_reference (a), ent_tariff_period_get_reference (b));
}

/* Undo (ent_document_replace_content) keeps the schools this finds equal:
 * it must compare every field that is saved. */
gboolean
ent_school_equal (EntSchool *a,
                  EntSchool *b)
{
  guint n_known = ent_school_get_n_known (a);

  if (!g_str_equal (ent_school_get_name (a), ent_school_get_name (b)) ||
      !g_str_equal (ent_school_get_uai (a), ent_school_get_uai (b)) ||
      !g_str_equal (ent_school_get_commune (a), ent_school_get_commune (b)) ||
      !g_str_equal (ent_school_get_commune_insee (a), ent_school_get_commune_insee (b)) ||
      ent_school_get_opens (a) != ent_school_get_opens (b) ||
      ent_school_get_closes (a) != ent_school_get_closes (b) ||
      ent_school_get_level (a) != ent_school_get_level (b) ||
      n_known != ent_school_get_n_known (b))
    return FALSE;

  for (guint i = 0; i < n_known; i++)
    {
      int year_a, year_b;
      gint64 count_a, count_b;

      ent_school_get_nth_known (a, i, &year_a, &count_a);
      ent_school_get_nth_known (b, i, &year_b, &count_b);

      if (year_a != year_b || count_a != count_b ||
          ent_school_get_nth_source (a, i) != ent_school_get_nth_source (b, i))
        return FALSE;
    }

  return TRUE;
}

/* Same as ent_school_equal (): every field that is saved. */
gboolean
ent_scenario_equal (EntScenario *a,
                    EntScenario *b)
{
  const int *years_a;
  const int *years_b;
  guint n_years_a;
  guint n_years_b;
  guint n_half_days = ent_scenario_get_n_half_days (a);

  if (!g_str_equal (ent_scenario_get_name (a), ent_scenario_get_name (b)) ||
      ent_scenario_get_optional_all (a) != ent_scenario_get_optional_all (b) ||
      ent_scenario_get_projection (a) != ent_scenario_get_projection (b) ||
      ent_scenario_get_projection_rate (a) != ent_scenario_get_projection_rate (b) ||
      ent_scenario_get_tariff_increase (a) != ent_scenario_get_tariff_increase (b) ||
      n_half_days != ent_scenario_get_n_half_days (b))
    return FALSE;

  years_a = ent_scenario_get_optional_years (a, &n_years_a);
  years_b = ent_scenario_get_optional_years (b, &n_years_b);
  if (n_years_a != n_years_b ||
      (n_years_a > 0 && memcmp (years_a, years_b, n_years_a * sizeof (int)) != 0))
    return FALSE;

  for (guint i = 0; i < n_half_days; i++)
    {
      int year_a, year_b;
      gint64 count_a, count_b;

      ent_scenario_get_nth_half_days (a, i, &year_a, &count_a);
      ent_scenario_get_nth_half_days (b, i, &year_b, &count_b);

      if (year_a != year_b || count_a != count_b)
        return FALSE;
    }

  return TRUE;
}

gboolean
ent_list_models_equal (GListModel        *a,
                       GListModel        *b,
                       EntItemsEqualFunc  equal)
{
  guint n_items = g_list_model_get_n_items (a);

  if (n_items != g_list_model_get_n_items (b))
    return FALSE;

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GObject) item_a = g_list_model_get_item (a, i);
      g_autoptr(GObject) item_b = g_list_model_get_item (b, i);

      if (!equal (item_a, item_b))
        return FALSE;
    }

  return TRUE;
}

/* TRUE when @a's groups, keys and values are all in @b. */
static gboolean
key_file_included (GKeyFile *a,
                   GKeyFile *b)
{
  g_auto(GStrv) groups = g_key_file_get_groups (a, NULL);

  for (guint i = 0; groups[i] != NULL; i++)
    {
      g_auto(GStrv) keys = g_key_file_get_keys (a, groups[i], NULL, NULL);

      if (!g_key_file_has_group (b, groups[i]))
        return FALSE;
      for (guint k = 0; keys != NULL && keys[k] != NULL; k++)
        {
          g_autofree char *value_a = g_key_file_get_value (a, groups[i], keys[k], NULL);
          g_autofree char *value_b = g_key_file_get_value (b, groups[i], keys[k], NULL);

          if (g_strcmp0 (value_a, value_b) != 0)
            return FALSE;
        }
    }
  return TRUE;
}

/* The same groups, keys and values, in any order: the order of the unknown
 * keys depends on where the file had them (a tariff group saved by date was
 * maybe not in date order), not on what the document holds. */
gboolean
ent_key_files_equal (GKeyFile *a,
                     GKeyFile *b)
{
  return key_file_included (a, b) && key_file_included (b, a);
}
