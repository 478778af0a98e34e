/* ent-csv-import.c: pupil counts from the Ministry's open data, or from a template CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The import as the views, the command line and the tests see it: reading a
 * file, what was found, and the document it makes. The work is done in
 * csv/, one step a file:
 *
 * - ent-csv-reader.c: the bytes as text (UTF-8, else Windows-1252), split
 *   into records (RFC 4180 quoting), and every "FILE:LINE:" message;
 * - ent-csv-match.c: how names compare (ent_csv_commune_key()) and which
 *   rows the selection keeps, with the closest communes when none does;
 * - ent-csv-parse.c: the header (either Ministry header, or the template)
 *   and the rows as schools with their counts (ent_csv_import_parse());
 * - ent-csv-merge.c: the preview and the merge into a document.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "csv/ent-csv-import-private.h"
#include "ent-budget.h"
#include "ent-csv-import.h"
#include "ent-error.h"
#include "ent-school.h"

/* Public API */

/**
 * ent_csv_import_load_file:
 *
 * Reads @file, refusing one larger than %ENT_CSV_IMPORT_MAX_SIZE, and parses it
 * under its display name.
 *
 * Returns: (transfer full) (nullable): the schools found, or %NULL on error.
 */
EntCsvImport *
ent_csv_import_load_file (GFile                 *file,
                          const EntCsvSelection *selection,
                          GCancellable          *cancellable,
                          GError               **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GByteArray) data = g_byte_array_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  guint8 chunk[64 * 1024];

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = g_file_get_parse_name (file);
  stream = g_file_read (file, cancellable, &local_error);
  if (stream == NULL)
    {
      /* Translators: file name, system message */
      g_set_error (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_IO, _("%s: %s"),
                   name, local_error->message);
      return NULL;
    }

  for (;;)
    {
      gssize n = g_input_stream_read (G_INPUT_STREAM (stream), chunk, sizeof chunk,
                                      cancellable, &local_error);

      if (n < 0)
        {
          g_set_error (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_IO, _("%s: %s"),
                       name, local_error->message);
          return NULL;
        }
      if (n == 0)
        break;
      if (data->len + (gsize) n > ENT_CSV_IMPORT_MAX_SIZE)
        {
          /* Translators: file name, a size */
          g_set_error (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_PARSE,
                       _("%s: the file is larger than %d MB"),
                       name, ENT_CSV_IMPORT_MAX_SIZE / (1024 * 1024));
          return NULL;
        }
      g_byte_array_append (data, chunk, n);
    }

  bytes = g_byte_array_free_to_bytes (g_steal_pointer (&data));
  return ent_csv_import_parse (bytes, name, selection, error);
}

void
ent_csv_import_free (EntCsvImport *self)
{
  if (self == NULL)
    return;

  g_strfreev (self->warnings);
  for (guint i = 0; i < self->n_schools; i++)
    {
      g_free (self->schools[i].uai);
      g_free (self->schools[i].name);
      g_free (self->schools[i].commune);
      g_free (self->schools[i].commune_insee);
      g_free (self->schools[i].postal_code);
      g_free (self->schools[i].counts);
    }
  g_free (self->schools);
  g_free (self);
}

EntCsvFormat
ent_csv_import_get_format (const EntCsvImport *self)
{
  g_return_val_if_fail (self != NULL, ENT_CSV_FORMAT_OFFICIAL);

  return self->format;
}

guint
ent_csv_import_get_n_schools (const EntCsvImport *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_schools;
}

const EntCsvSchool *
ent_csv_import_get_school (const EntCsvImport *self,
                           guint               index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->n_schools, NULL);

  return &self->schools[index];
}

guint
ent_csv_import_get_n_private_skipped (const EntCsvImport *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_private_skipped;
}

const char * const *
ent_csv_import_get_warnings (const EntCsvImport *self)
{
  static const char * const none[] = { NULL };

  g_return_val_if_fail (self != NULL, none);

  return self->warnings != NULL ? (const char * const *) self->warnings : none;
}

char **
ent_csv_import_dup_communes (const EntCsvImport *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < self->n_schools; i++)
    {
      char *key = ent_csv_commune_key (self->schools[i].commune);

      if (g_hash_table_add (seen, key))
        g_strv_builder_add (builder, self->schools[i].commune);
    }

  return g_strv_builder_end (builder);
}

/**
 * ent_csv_import_to_document:
 * @base: (nullable): the document to merge into (left untouched)
 *
 * Returns: (transfer full) (nullable): a new document, or %NULL when @base
 *   cannot be copied or the result could not be opened again once saved
 *   (ent_document_to_bytes () refuses it).
 */
EntDocument *
ent_csv_import_to_document (const EntCsvImport *self,
                            EntDocument        *base,
                            GError            **error)
{
  g_autoptr(EntDocument) document = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (base == NULL || ENT_IS_DOCUMENT (base), NULL);

  if (base != NULL)
    {
      gsize length;
      g_autofree char *data = ent_document_to_data (base, &length);
      g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&data), length);
      GFile *file = ent_document_get_file (base);
      g_autofree char *name = file != NULL ? g_file_get_parse_name (file) : NULL;

      document = ent_document_new_from_bytes (bytes, name != NULL ? name : "base", error);
      if (document == NULL)
        return NULL;
    }
  else
    {
      GListModel *schools;
      g_auto(GStrv) communes = ent_csv_import_dup_communes (self);
      guint n_communes = g_strv_length (communes);
      gboolean all_public = TRUE;

      document = ent_document_new_example ();
      if (document == NULL)
        {
          g_set_error_literal (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_IO,
                               _("The bundled example document is missing"));
          return NULL;
        }

      schools = ent_document_get_schools (document);
      while (g_list_model_get_n_items (schools) > 0)
        {
          g_autoptr(EntSchool) school = g_list_model_get_item (schools, 0);

          ent_document_remove_school (document, school);
        }

      for (guint i = 0; i < self->n_schools; i++)
        all_public = all_public && self->schools[i].is_public;

      ent_document_set_insee (document, "");
      if (n_communes <= 1)
        {
          const char *commune = n_communes == 1 ? communes[0] : "";
          g_autofree char *title = NULL;

          if (all_public)
            /* Translators: a commune; the title of a new document */
            title = g_strdup_printf (_("ENT of the public schools of %s"), commune);
          else
            /* Translators: a commune; the title of a new document */
            title = g_strdup_printf (_("ENT of the schools of %s"), commune);
          ent_document_set_title (document, title);
          ent_document_set_payer (document, commune);
          ent_document_set_payer_kind (document, ENT_PAYER_COMMUNE);
        }
      else
        {
          g_autofree char *title = NULL;
          g_autofree char *payer = NULL;

          if (all_public)
            /* Translators: the title of a new document for several communes */
            title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "ENT of the public schools of %u commune",
                                                  "ENT of the public schools of %u communes",
                                                  n_communes), n_communes);
          else
            /* Translators: the title of a new document for several communes */
            title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "ENT of the schools of %u commune",
                                                  "ENT of the schools of %u communes",
                                                  n_communes), n_communes);
          /* Translators: the payer of a new document for several communes */
          payer = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "Group of %u commune",
                                                "Group of %u communes",
                                                n_communes), n_communes);
          ent_document_set_title (document, title);
          ent_document_set_payer (document, payer);
          ent_document_set_payer_kind (document, ENT_PAYER_EPCI);
        }
    }

  ent_csv_import_apply (self, document);
  ent_document_set_file (document, NULL);
  ent_document_set_modified (document, FALSE);

  /* SPEC 10.6: a document written by the import can always be opened. The
   * file could hold more schools than a document may (ENT_DOCUMENT_MAX_SIZE),
   * or a name the loader refuses: refuse the import before anything is
   * written, with the loader's own rules. */
  bytes = ent_document_to_bytes (document, &local_error);
  if (bytes == NULL)
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                  /* Translators: the reason follows */
                                  _("The import would make a document that cannot be opened: "));
      return NULL;
    }

  return g_steal_pointer (&document);
}

/**
 * ent_csv_import_compute_totals:
 *
 * Returns: (transfer full) (nullable): the totals, or %NULL with the reason.
 */
EntCsvTotals *
ent_csv_import_compute_totals (const EntCsvImport *self,
                               EntDocument        *document,
                               guint               scenario_index,
                               GError            **error)
{
  g_autoptr(EntDocument) after = NULL;
  g_autoptr(EntBudget) budget_before = NULL;
  g_autoptr(EntBudget) budget_after = NULL;
  const EntScenarioBudget *before_sb;
  const EntScenarioBudget *after_sb;
  EntCsvTotals *totals;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (ENT_IS_DOCUMENT (document), NULL);

  after = ent_csv_import_to_document (self, document, error);
  if (after == NULL)
    return NULL;
  budget_before = ent_budget_compute (document, error);
  if (budget_before == NULL)
    return NULL;
  budget_after = ent_budget_compute (after, error);
  if (budget_after == NULL)
    return NULL;

  if (scenario_index >= budget_before->n_scenarios)
    scenario_index = 0;
  before_sb = &budget_before->scenarios[scenario_index];
  after_sb = &budget_after->scenarios[scenario_index];

  totals = g_new0 (EntCsvTotals, 1);
  totals->scenario = g_strdup (before_sb->name);
  totals->n_years = MIN (before_sb->n_years, after_sb->n_years);
  totals->years = g_new0 (EntCsvYearTotals, MAX (totals->n_years, 1));
  for (guint y = 0; y < totals->n_years; y++)
    {
      totals->years[y].year = before_sb->years[y].year;
      totals->years[y].pupils_before = before_sb->years[y].pupils;
      totals->years[y].pupils_after = after_sb->years[y].pupils;
      totals->years[y].total_before = before_sb->years[y].total;
      totals->years[y].total_after = after_sb->years[y].total;
    }
  totals->contract_before = before_sb->total;
  totals->contract_after = after_sb->total;
  return totals;
}

void
ent_csv_totals_free (EntCsvTotals *totals)
{
  if (totals == NULL)
    return;

  g_free (totals->scenario);
  g_free (totals->years);
  g_free (totals);
}
