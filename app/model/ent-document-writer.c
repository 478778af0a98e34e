/* ent-document-writer.c: an EntDocument written as a .entbudget key file (SPEC 6)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The mirror of ent-document-loader.c: each object becomes its group, then
 * the unknown groups and keys the loader kept are written back as they were.
 * ent_document_to_bytes () checks first that the loader would take the text
 * back, and ent_document_save () writes nothing else (SPEC 10.4, 10.6).
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ent-budget.h"
#include "ent-document-format.h"
#include "ent-document-private.h"
#include "ent-money.h"
#include "ent-safe-file.h"
#include "ent-validate.h"

/* Helpers: the checks the loader makes, on the document in memory */

/* "[GROUP] KEY: REASON": where a value of the document breaks a rule, named
 * as in the file ent_document_to_data () writes. */
static gboolean
fail_value (GError     **error,
            const char  *group,
            const char  *key,
            GError      *reason)
{
  /* Translators: [group] key: the reason a value is refused */
  g_set_error (error, ENT_MODEL_ERROR, reason->code, _("[%s] %s: %s"), group, key, reason->message);
  return FALSE;
}

static gboolean
check_name (const char  *group,
            const char  *key,
            const char  *text,
            GError     **error)
{
  g_autoptr(GError) reason = NULL;

  if (!ent_validate_name (text != NULL ? text : "", &reason))
    return fail_value (error, group, key, reason);
  return TRUE;
}

/* [Execution YEAR] and [AE revision N] (SPEC 13), as the loader checks them. */
static gboolean
check_execution (EntDocument  *self,
                 GError      **error)
{
  g_autoptr(GError) reason = NULL;
  EntExecution *execution = ent_document_get_execution (self);

  for (guint i = 0; i < ent_execution_get_n_years (execution); i++)
    {
      int year = ent_execution_get_nth_year (execution, i);
      g_autofree char *group = g_strdup_printf (ENT_PREFIX_EXECUTION "%d", year);
      gint64 cents;

      if (!ent_validate_budget_year (year, &reason))
        {
          g_set_error (error, ENT_MODEL_ERROR, reason->code, _("[%s]: %s"), group, reason->message);
          return FALSE;
        }
      if (ent_execution_get_voted (execution, year, &cents)
          && !ent_validate_execution_amount (cents, &reason))
        return fail_value (error, group, "voted", reason);
      if (ent_execution_get_paid (execution, year, &cents)
          && !ent_validate_execution_amount (cents, &reason))
        return fail_value (error, group, "paid", reason);
    }

  for (guint i = 0; i < ent_execution_get_n_revisions (execution); i++)
    {
      g_autofree char *group = g_strdup_printf (ENT_PREFIX_AE_REVISION "%u", i + 1);
      const char *reference;
      gint64 amount;
      GDate date;

      ent_execution_get_revision (execution, i, &date, &amount, &reference);
      if (!ent_validate_date (&date, &reason))
        return fail_value (error, group, "date", reason);
      if (!ent_validate_execution_amount (amount, &reason))
        return fail_value (error, group, "amount", reason);
      if (!check_name (group, "reference", reference, error))
        return FALSE;
    }

  return TRUE;
}

/* [Execution YEAR] with the amounts entered (a key absent: not entered),
 * then [AE revision N] numbered from 1 in the order entered. */
static void
write_execution (EntDocument *self,
                 GKeyFile    *key_file)
{
  EntExecution *execution = ent_document_get_execution (self);

  for (guint i = 0; i < ent_execution_get_n_years (execution); i++)
    {
      int year = ent_execution_get_nth_year (execution, i);
      g_autofree char *group = g_strdup_printf (ENT_PREFIX_EXECUTION "%d", year);
      gint64 cents;

      if (ent_execution_get_voted (execution, year, &cents))
        {
          g_autofree char *text = ent_money_to_plain (cents);

          g_key_file_set_value (key_file, group, "voted", text);
        }
      if (ent_execution_get_paid (execution, year, &cents))
        {
          g_autofree char *text = ent_money_to_plain (cents);

          g_key_file_set_value (key_file, group, "paid", text);
        }
    }

  for (guint i = 0; i < ent_execution_get_n_revisions (execution); i++)
    {
      g_autofree char *group = g_strdup_printf (ENT_PREFIX_AE_REVISION "%u", i + 1);
      g_autofree char *date_text = NULL;
      g_autofree char *amount_text = NULL;
      const char *reference;
      gint64 amount;
      GDate date;

      ent_execution_get_revision (execution, i, &date, &amount, &reference);
      date_text = ent_document_format_date (&date);
      amount_text = ent_money_to_plain (amount);
      g_key_file_set_value (key_file, group, "date", date_text);
      g_key_file_set_value (key_file, group, "amount", amount_text);
      g_key_file_set_string (key_file, group, "reference", reference);
    }
}

/* What the loader checks value by value, on the document in memory. */
static gboolean
check_values (EntDocument  *self,
              GError      **error)
{
  g_autoptr(GError) reason = NULL;
  EntTariffSchedule *tariffs = ent_document_get_tariffs (self);
  GListModel *schools = ent_document_get_schools (self);
  GListModel *scenarios = ent_document_get_scenarios (self);

  if (!check_name (ENT_GROUP_DOCUMENT, "title", ent_document_get_title (self), error)
      || !check_name (ENT_GROUP_DOCUMENT, "payer", ent_document_get_payer (self), error))
    return FALSE;
  if (!ent_validate_insee (ent_document_get_insee (self) ?: "", &reason))
    return fail_value (error, ENT_GROUP_DOCUMENT, "insee", reason);
  if (!ent_validate_siret (ent_document_get_siret (self) ?: "", &reason))
    return fail_value (error, ENT_GROUP_DOCUMENT, "siret", reason);

  for (guint line = 0; line < ENT_N_LINES; line++)
    {
      const char *values[3] = {
        ent_document_get_chapter (self, line),
        ent_document_get_nature (self, line),
        ent_document_get_function (self, line),
      };

      for (guint f = 0; f < 3; f++)
        if (!ent_validate_imputation_code ((EntImputationPart) f, values[f] ?: "", &reason))
          {
            g_autofree char *key = ent_document_format_dup_imputation_key (line, f);

            return fail_value (error, ENT_GROUP_IMPUTATION, key, reason);
          }
    }

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (tariffs)); i++)
    {
      g_autoptr(EntTariffPeriod) period = g_list_model_get_item (G_LIST_MODEL (tariffs), i);
      g_autofree char *date = ent_document_format_date (ent_tariff_period_get_valid_from (period));
      g_autofree char *group = g_strconcat (ENT_PREFIX_TARIFF, date, NULL);

      if (!ent_validate_tariff_date (ent_tariff_period_get_valid_from (period), &reason))
        {
          g_set_error (error, ENT_MODEL_ERROR, reason->code, _("[%s]: %s"), group, reason->message);
          return FALSE;
        }
      for (EntLineKind kind = 0; kind < ENT_N_LINES; kind++)
        if (!ent_validate_tariff_amount (ent_tariff_period_get_rate (period, kind), &reason))
          return fail_value (error, group, ent_document_format_get_tariff_key (kind), reason);
      if (!check_name (group, "reference", ent_tariff_period_get_reference (period), error))
        return FALSE;
    }

  for (guint i = 0; i < g_list_model_get_n_items (schools); i++)
    {
      g_autoptr(EntSchool) school = g_list_model_get_item (schools, i);
      g_autofree char *group = g_strdup_printf (ENT_PREFIX_SCHOOL "%u", i + 1);

      if (!check_name (group, "name", ent_school_get_name (school), error)
          || !check_name (group, "commune", ent_school_get_commune (school), error)
          || !check_name (group, "insee", ent_school_get_commune_insee (school), error))
        return FALSE;
      if (!ent_uai_is_valid (ent_school_get_uai (school) ?: ""))
        {
          g_set_error (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_INVALID_VALUE,
                       _("[%s] %s: “%s” is not a UAI (7 digits and a letter, e.g. 0590123A)"),
                       group, "uai", ent_school_get_uai (school));
          return FALSE;
        }
      for (guint k = 0; k < ent_school_get_n_known (school); k++)
        {
          int year;
          gint64 count;

          ent_school_get_nth_known (school, k, &year, &count);
          if (!ent_validate_count_school_year (year, &reason) ||
              !ent_validate_pupil_count (count, &reason))
            return fail_value (error, group, "pupils", reason);
        }
      if (!ent_validate_school_span (ent_school_get_opens (school),
                                     ent_school_get_closes (school), &reason))
        return fail_value (error, group, "closes", reason);
    }

  for (guint i = 0; i < g_list_model_get_n_items (scenarios); i++)
    {
      g_autoptr(EntScenario) scenario = g_list_model_get_item (scenarios, i);
      g_autofree char *group = g_strdup_printf (ENT_PREFIX_SCENARIO "%u", i + 1);
      guint n_years = 0;
      const int *years = ent_scenario_get_optional_years (scenario, &n_years);

      if (!check_name (group, "name", ent_scenario_get_name (scenario), error))
        return FALSE;
      for (guint k = 0; k < n_years; k++)
        if (!ent_validate_budget_year (years[k], &reason))
          return fail_value (error, group, "optional-support", reason);
      for (guint k = 0; k < ent_scenario_get_n_half_days (scenario); k++)
        {
          int year;
          gint64 count;

          ent_scenario_get_nth_half_days (scenario, k, &year, &count);
          if (!ent_validate_budget_year (year, &reason) ||
              !ent_validate_half_days (count, &reason))
            return fail_value (error, group, "half-days", reason);
        }
    }

  return check_execution (self, error);
}

/* Public API */

/**
 * ent_document_to_data:
 * @self: a document
 * @out_length: (out) (optional): the length of the text
 *
 * Returns: (transfer full): the document as a .entbudget key file
 */
char *
ent_document_to_data (EntDocument *self,
                      gsize       *out_length)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  EntContract *contract;
  EntTariffSchedule *tariffs;
  GListModel *schools;
  GListModel *scenarios;
  GKeyFile *extras;
  g_auto(GStrv) extra_groups = NULL;
  g_autofree char *payment_start = NULL;

  g_return_val_if_fail (ENT_IS_DOCUMENT (self), NULL);

  g_key_file_set_comment (key_file, NULL, NULL, " Budget ENT document", NULL);

  /* [Document] */
  g_key_file_set_integer (key_file, ENT_GROUP_DOCUMENT, "format-version", ENT_DOCUMENT_FORMAT_VERSION);
  g_key_file_set_string (key_file, ENT_GROUP_DOCUMENT, "title",
                         ent_document_get_title (self) ?: "");
  g_key_file_set_string (key_file, ENT_GROUP_DOCUMENT, "payer",
                         ent_document_get_payer (self) ?: "");
  g_key_file_set_string (key_file, ENT_GROUP_DOCUMENT, "payer-kind",
                         ent_payer_kind_to_string (ent_document_get_payer_kind (self)));
  g_key_file_set_string (key_file, ENT_GROUP_DOCUMENT, "insee",
                         ent_document_get_insee (self) ?: "");
  /* only when set: a document without one reads as before */
  if (*(ent_document_get_siret (self) ?: "") != '\0')
    g_key_file_set_string (key_file, ENT_GROUP_DOCUMENT, "siret", ent_document_get_siret (self));
  /* the current scenario, by its number in the file (the [Scenario N] below) */
  g_key_file_set_integer (key_file, ENT_GROUP_DOCUMENT, "scenario",
                          (int) ent_document_get_current_scenario_index (self) + 1);

  /* [Contract] */
  contract = ent_document_get_contract (self);
  payment_start = ent_document_format_date (ent_contract_get_payment_start (contract));
  g_key_file_set_integer (key_file, ENT_GROUP_CONTRACT, "first-school-year",
                          ent_contract_get_first_school_year (contract));
  g_key_file_set_integer (key_file, ENT_GROUP_CONTRACT, "school-years",
                          ent_contract_get_school_years (contract));
  g_key_file_set_value (key_file, ENT_GROUP_CONTRACT, "payment-start", payment_start);
  g_key_file_set_value (key_file, ENT_GROUP_CONTRACT, "billing",
                        ent_billing_to_string (ent_contract_get_billing (contract)));

  /* [Tariff DATE], sorted by date */
  tariffs = ent_document_get_tariffs (self);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (tariffs)); i++)
    {
      g_autoptr(EntTariffPeriod) period = g_list_model_get_item (G_LIST_MODEL (tariffs), i);
      g_autofree char *date = ent_document_format_date (ent_tariff_period_get_valid_from (period));
      g_autofree char *group = g_strconcat (ENT_PREFIX_TARIFF, date, NULL);
      g_autofree char *base = ent_money_to_plain (ent_tariff_period_get_base_per_pupil (period));
      g_autofree char *optional = ent_money_to_plain (ent_tariff_period_get_optional_per_pupil (period));
      g_autofree char *half_day = ent_money_to_plain (ent_tariff_period_get_half_day (period));

      g_key_file_set_value (key_file, group, "base-per-pupil", base);
      g_key_file_set_value (key_file, group, "optional-per-pupil", optional);
      g_key_file_set_value (key_file, group, "half-day", half_day);
      g_key_file_set_string (key_file, group, "reference",
                             ent_tariff_period_get_reference (period) ?: "");
    }

  /* [Imputation] */
  for (guint line = 0; line < ENT_N_LINES; line++)
    {
      const char *values[3] = {
        ent_document_get_chapter (self, line),
        ent_document_get_nature (self, line),
        ent_document_get_function (self, line),
      };

      for (guint f = 0; f < 3; f++)
        {
          g_autofree char *key = ent_document_format_dup_imputation_key (line, f);

          g_key_file_set_string (key_file, ENT_GROUP_IMPUTATION, key, values[f] ?: "");
        }
    }
  /* Only when asked: documents without the split are written as before */
  if (ent_document_get_split_functions (self))
    g_key_file_set_boolean (key_file, ENT_GROUP_IMPUTATION, "split-functions", TRUE);

  /* [School N] */
  schools = ent_document_get_schools (self);
  for (guint i = 0; i < g_list_model_get_n_items (schools); i++)
    {
      g_autoptr(EntSchool) school = g_list_model_get_item (schools, i);
      g_autofree char *group = g_strdup_printf (ENT_PREFIX_SCHOOL "%u", i + 1);
      GString *pupils = g_string_new (NULL);
      g_autofree char *pupils_text = NULL;

      for (guint k = 0; k < ent_school_get_n_known (school); k++)
        {
          int year;
          gint64 count;

          ent_school_get_nth_known (school, k, &year, &count);
          g_string_append_printf (pupils, "%s%d:%" G_GINT64_FORMAT,
                                  k > 0 ? ";" : "", year, count);
        }
      pupils_text = g_string_free (pupils, FALSE);

      g_key_file_set_string (key_file, group, "name", ent_school_get_name (school) ?: "");
      g_key_file_set_string (key_file, group, "commune", ent_school_get_commune (school) ?: "");
      g_key_file_set_string (key_file, group, "insee", ent_school_get_commune_insee (school) ?: "");
      g_key_file_set_string (key_file, group, "uai", ent_school_get_uai (school) ?: "");
      g_key_file_set_value (key_file, group, "pupils", pupils_text);
      /* Only where some count is open data: a document without imported
       * counts is written byte for byte as before sources existed. */
      if (ent_school_has_open_data (school))
        {
          GString *sources = g_string_new (NULL);

          for (guint k = 0; k < ent_school_get_n_known (school); k++)
            {
              int year;

              ent_school_get_nth_known (school, k, &year, NULL);
              g_string_append_printf (sources, "%s%d:%s", k > 0 ? ";" : "", year,
                                      ent_count_source_to_string (ent_school_get_nth_source (school, k)));
            }
          g_key_file_set_value (key_file, group, "pupils-source", sources->str);
          g_string_free (sources, TRUE);
        }
      if (ent_school_get_opens (school) != ENT_SCHOOL_YEAR_NONE)
        g_key_file_set_integer (key_file, group, "opens", ent_school_get_opens (school));
      if (ent_school_get_closes (school) != ENT_SCHOOL_YEAR_NONE)
        g_key_file_set_integer (key_file, group, "closes", ent_school_get_closes (school));
      if (ent_school_get_level (school) != ENT_SCHOOL_LEVEL_UNKNOWN)
        g_key_file_set_string (key_file, group, "level",
                               ent_school_level_to_string (ent_school_get_level (school)));
    }

  /* [Scenario N] */
  scenarios = ent_document_get_scenarios (self);
  for (guint i = 0; i < g_list_model_get_n_items (scenarios); i++)
    {
      g_autoptr(EntScenario) scenario = g_list_model_get_item (scenarios, i);
      g_autofree char *group = g_strdup_printf (ENT_PREFIX_SCENARIO "%u", i + 1);
      g_autofree char *rate = ent_percent_to_plain (ent_scenario_get_projection_rate (scenario));
      g_autofree char *increase = ent_percent_to_plain (ent_scenario_get_tariff_increase (scenario));
      g_autofree char *optional_text = NULL;
      g_autofree char *half_days_text = NULL;
      GString *half_days = g_string_new (NULL);

      if (ent_scenario_get_optional_all (scenario))
        {
          optional_text = g_strdup ("true");
        }
      else
        {
          guint n_years = 0;
          const int *years = ent_scenario_get_optional_years (scenario, &n_years);
          GString *optional = g_string_new (NULL);

          for (guint k = 0; k < n_years; k++)
            g_string_append_printf (optional, "%s%d", k > 0 ? ";" : "", years[k]);
          if (n_years == 0)
            g_string_append (optional, "false");
          optional_text = g_string_free (optional, FALSE);
        }

      for (guint k = 0; k < ent_scenario_get_n_half_days (scenario); k++)
        {
          int year;
          gint64 count;

          ent_scenario_get_nth_half_days (scenario, k, &year, &count);
          g_string_append_printf (half_days, "%s%d:%" G_GINT64_FORMAT,
                                  k > 0 ? ";" : "", year, count);
        }
      half_days_text = g_string_free (half_days, FALSE);

      g_key_file_set_string (key_file, group, "name", ent_scenario_get_name (scenario) ?: "");
      g_key_file_set_value (key_file, group, "optional-support", optional_text);
      g_key_file_set_value (key_file, group, "half-days", half_days_text);
      g_key_file_set_value (key_file, group, "projection",
                            ent_projection_to_string (ent_scenario_get_projection (scenario)));
      g_key_file_set_value (key_file, group, "projection-rate", rate);
      g_key_file_set_value (key_file, group, "tariff-increase", increase);
    }

  write_execution (self, key_file);

  /* Unknown groups and keys met on load. Keys of a saved group that no longer
   * exists (a school removed since) are dropped with it. */
  extras = ent_document_get_extras (self);
  extra_groups = g_key_file_get_groups (extras, NULL);
  for (guint i = 0; extra_groups[i] != NULL; i++)
    {
      const char *group = extra_groups[i];
      g_auto(GStrv) keys = NULL;

      if (ent_document_format_is_saved_group (group) && !g_key_file_has_group (key_file, group))
        continue;

      keys = g_key_file_get_keys (extras, group, NULL, NULL);
      if (keys == NULL || keys[0] == NULL)
        {
          ent_document_format_add_empty_group (key_file, group);
          continue;
        }

      for (guint k = 0; keys[k] != NULL; k++)
        {
          g_autofree char *value = NULL;

          if (g_key_file_has_key (key_file, group, keys[k], NULL))
            continue;
          value = g_key_file_get_value (extras, group, keys[k], NULL);
          g_key_file_set_value (key_file, group, keys[k], value != NULL ? value : "");
        }
    }

  return g_key_file_to_data (key_file, out_length, NULL);
}

/**
 * ent_document_to_bytes:
 * @self: a document
 * @error: return location for a #GError in %ENT_MODEL_ERROR
 *
 * The text ent_document_to_data () gives, once checked to load back: every
 * value follows the rules of ent-validate.h that the loader applies, and the
 * text is at most %ENT_DOCUMENT_MAX_SIZE bytes. Nothing is written: a caller
 * that writes files writes these bytes or nothing.
 *
 * Returns: (transfer full) (nullable): the text, or %NULL on error
 */
GBytes *
ent_document_to_bytes (EntDocument  *self,
                       GError      **error)
{
  g_autofree char *data = NULL;
  gsize length = 0;

  g_return_val_if_fail (ENT_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_values (self, error))
    return NULL;

  data = ent_document_to_data (self, &length);
  if (length > ENT_DOCUMENT_MAX_SIZE)
    {
      /* Translators: a size in MiB, then the limit in MiB */
      g_set_error (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_OUT_OF_RANGE,
                   _("the document would take %.1f MiB, more than the %d MiB a Budget ENT "
                     "document may hold, and could not be opened again: nothing was written"),
                   length / (1024.0 * 1024.0), ENT_DOCUMENT_MAX_SIZE / (1024 * 1024));
      return NULL;
    }

  return g_bytes_new_take (g_steal_pointer (&data), length);
}

/**
 * ent_document_save:
 * @self: a document
 * @file: where to save
 * @error: return location for a #GError in %ENT_MODEL_ERROR
 *
 * Writes the document through ent-safe-file (SPEC 10.1–10.3): a temporary
 * file next to @file, synced and renamed into place, the previous @file kept
 * as FILE~. On failure @file and FILE~ are untouched and nothing is left
 * behind. On success the document's "file" is @file, its "file-stamp" that
 * of the file just written, and it is no longer modified.
 *
 * It never asks: whoever saves over the document's own file checks
 * ent_document_check_file_change() first.
 *
 * Returns: %TRUE on success
 */
gboolean
ent_document_save (EntDocument  *self,
                   GFile        *file,
                   GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = NULL;
  g_autofree char *stamp = NULL;

  g_return_val_if_fail (ENT_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Local files only: every folder a desktop shows (and the Flatpak
   * document portal) has a local path. */
  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *name = ent_document_format_dup_file_name (file);

      g_set_error (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_IO,
                   _("%s: could not save the document: only files on this computer can be saved"),
                   name);
      return FALSE;
    }

  /* the checked bytes: what is written can always be opened (SPEC 10.4, 10.6) */
  bytes = ent_document_to_bytes (self, &local_error);
  if (bytes == NULL)
    {
      g_autofree char *name = ent_document_format_dup_file_name (file);

      g_set_error (error, ENT_MODEL_ERROR, local_error->code,
                   _("%s: could not save the document: %s"), name, local_error->message);
      return FALSE;
    }
  if (!ent_safe_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                   ENT_SAFE_FILE_BACKUP, &local_error))
    {
      g_set_error_literal (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_IO, local_error->message);
      return FALSE;
    }

  /* The stamp of what we wrote, right after the rename: the new inode, its
   * time and size. (NULL only if it is already gone again, by a race: then
   * nothing is known, as for a document never loaded.) */
  stamp = ent_document_query_file_stamp (file, NULL, NULL);
  ent_document_set_file (self, file);
  ent_document_set_file_stamp (self, stamp);
  ent_document_set_modified (self, FALSE);
  return TRUE;
}
