/* fuzz-csv-import.c: the CSV importer, then the document it makes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The first byte picks a selection (commune names, postal codes, private
 * schools), the rest is the file. Any input must parse or fail with an
 * ENT_MODEL_ERROR. An import must hold valid schools; the document made from
 * it must compute, save and load back equal; applied to the Hem example, a
 * second preview must find nothing left to change.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ent-budget.h"
#include "ent-csv-import.h"
#include "fuzz-common.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_setup ();
  return 0;
}

static const char * const hem[] = { "Hem", NULL };
static const char * const two[] = { "hem", "Villeneuve d’Ascq", NULL };
static const char * const hem_code[] = { "59510", NULL };
static const char * const codes[] = { "59510", "59100", NULL };

static void
check_import (const EntCsvImport *import)
{
  guint n = ent_csv_import_get_n_schools (import);

  fuzz_check (n > 0);
  for (guint i = 0; i < n; i++)
    {
      const EntCsvSchool *school = ent_csv_import_get_school (import, i);

      fuzz_check (ent_uai_is_valid (school->uai));
      fuzz_check (g_utf8_validate (school->name, -1, NULL));
      fuzz_check (g_utf8_validate (school->commune, -1, NULL));
      for (guint c = 0; c < school->n_counts; c++)
        {
          fuzz_check (school->counts[c].pupils >= 0);
          fuzz_check (school->counts[c].pupils <= ENT_MAX_PUPILS_PER_SCHOOL);
          fuzz_check (c == 0 || school->counts[c - 1].school_year < school->counts[c].school_year);
        }
    }
}

static void
check_document (const EntCsvImport *import)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EntDocument) document = NULL;
  g_autoptr(EntDocument) reloaded = NULL;
  g_autoptr(EntDocument) example = NULL;
  g_autoptr(EntBudget) budget = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  char *data;
  gsize length;

  document = ent_csv_import_to_document (import, NULL, &error);
  fuzz_check (document != NULL);

  budget = ent_budget_compute (document, &error);
  fuzz_check (budget != NULL || error->domain == ENT_MODEL_ERROR);
  g_clear_error (&error);

  data = ent_document_to_data (document, &length);
  bytes = g_bytes_new_take (data, length);
  reloaded = ent_document_new_from_bytes (bytes, "imported.entbudget", &error);
  if (reloaded == NULL)
    {
      g_printerr ("an imported document does not load back: %s\n", error->message);
      abort ();
    }
  fuzz_check (ent_document_equal (document, reloaded));

  example = ent_document_new_example ();
  ent_csv_import_apply (import, example);
  changes = ent_csv_import_preview (import, example);
  for (guint i = 0; i < changes->len; i++)
    {
      EntCsvChange *change = g_ptr_array_index (changes, i);
      g_autofree char *text = ent_csv_change_describe (change);

      /* once applied, nothing is left to change: counts the contract
       * leaves out are listed again as such */
      fuzz_check (change->kind == ENT_CSV_CHANGE_UNCHANGED ||
                  change->kind == ENT_CSV_CHANGE_NOT_IN_FILE ||
                  change->kind == ENT_CSV_CHANGE_IGNORED_AFTER ||
                  change->kind == ENT_CSV_CHANGE_IGNORED_BEFORE);
      fuzz_check (text != NULL);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  EntCsvSelection selection = { 0 };
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EntCsvImport) import = NULL;
  guint8 mode;

  if (size < 1)
    return 0;
  mode = data[0];
  bytes = g_bytes_new (data + 1, size - 1);

  switch (mode % 4)
    {
    case 0: selection.communes = hem; break;
    case 1: selection.postal_codes = hem_code; break;
    case 2: selection.communes = two; break;
    default: selection.communes = two; selection.postal_codes = codes; break;
    }
  selection.include_private = (mode & 4) != 0;

  import = ent_csv_import_parse (bytes, "fuzz.csv", &selection, &error);
  if (import == NULL)
    {
      fuzz_check (error != NULL && error->domain == ENT_MODEL_ERROR);
      return 0;
    }

  check_import (import);
  check_document (import);
  return 0;
}
