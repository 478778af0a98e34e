/* ent-csv-merge.c: what an import changes in a document, and the change itself
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The preview and the merge walk the same way: the file's schools matched
 * to the document's by UAI (by name within the commune without one), each
 * count given its fate by the contract (SPEC 12: after it ignored, before it
 * only the latest kept), then the document's schools of the imported
 * communes the file does not list: kept, or, without UAI, replaced by the
 * imported schools so that their pupils are not counted twice.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ent-contract.h"
#include "ent-csv-import-private.h"
#include "ent-csv-match.h"
#include "ent-money.h"
#include "ent-school.h"
#include "ent-validate.h"

typedef struct
{
  GHashTable *by_uai;       /* uai → EntSchool (first one) */
  GHashTable *by_name;      /* "\ncommune key\nname key" → EntSchool (no UAI) */
  GHashTable *spellings;    /* commune key → the document's spelling */
} DocumentIndex;

typedef enum
{
  COUNT_KEPT,
  COUNT_AFTER,    /* a school year after the contract */
  COUNT_BEFORE,   /* before the contract, and not the latest before it */
} CountFate;

/* Helpers */

static void
document_index_clear (DocumentIndex *self)
{
  g_clear_pointer (&self->by_uai, g_hash_table_unref);
  g_clear_pointer (&self->by_name, g_hash_table_unref);
  g_clear_pointer (&self->spellings, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (DocumentIndex, document_index_clear)

static void
document_index_init (DocumentIndex *self,
                     EntDocument   *document)
{
  GListModel *schools = ent_document_get_schools (document);
  guint n = g_list_model_get_n_items (schools);

  self->by_uai = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->spellings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EntSchool) school = g_list_model_get_item (schools, i);
      const char *uai = ent_school_get_uai (school);
      const char *commune = ent_school_get_commune (school);
      char *upper = g_ascii_strup (uai, -1);
      char *commune_key = ent_csv_commune_key (commune);

      if (upper[0] != '\0' && !g_hash_table_contains (self->by_uai, upper))
        g_hash_table_insert (self->by_uai, upper, g_object_ref (school));
      else
        g_free (upper);

      if (uai[0] == '\0')
        {
          char *key = ent_csv_name_key (commune, ent_school_get_name (school));

          if (!g_hash_table_contains (self->by_name, key))
            g_hash_table_insert (self->by_name, key, g_object_ref (school));
          else
            g_free (key);
        }

      if (!g_hash_table_contains (self->spellings, commune_key))
        g_hash_table_insert (self->spellings, commune_key, g_strdup (commune));
      else
        g_free (commune_key);
    }
}

static EntSchool *
document_index_lookup (DocumentIndex      *self,
                       const EntCsvSchool *school)
{
  g_autofree char *key = NULL;

  if (school->uai[0] != '\0')
    return g_hash_table_lookup (self->by_uai, school->uai);

  key = ent_csv_name_key (school->commune, school->name);
  return g_hash_table_lookup (self->by_name, key);
}

static EntCsvChange *
change_new (EntCsvChangeKind  kind,
            const char       *uai,
            const char       *name,
            const char       *commune,
            int               school_year,
            gint64            old_count,
            gint64            new_count)
{
  EntCsvChange *change = g_new0 (EntCsvChange, 1);

  change->kind = kind;
  change->uai = g_strdup (uai);
  change->name = g_strdup (name);
  change->commune = g_strdup (commune);
  change->school_year = school_year;
  change->old_count = old_count;
  change->new_count = new_count;
  return change;
}

/* SPEC 12: counts of school years after the contract are ignored, and before
 * it only the latest is kept (the base of a projection). */
static CountFate
count_fate (const EntCsvSchool *school,
            guint               index,
            EntContract        *contract)
{
  int first = ent_contract_get_first_school_year (contract);
  int last = first + ent_contract_get_school_years (contract) - 1;
  int year = school->counts[index].school_year;

  if (year > last)
    return COUNT_AFTER;
  if (year < first && index + 1 < school->n_counts && school->counts[index + 1].school_year < first)
    return COUNT_BEFORE;
  return COUNT_KEPT;
}

static EntCountSource
import_source (const EntCsvImport *self)
{
  /* a template is typed by a person; the Ministry's file is open data */
  return self->format == ENT_CSV_FORMAT_OFFICIAL ? ENT_COUNT_SOURCE_OPEN_DATA
                                                 : ENT_COUNT_SOURCE_MANUAL;
}

/* The opening and closing years the file gives @school, each kept only when
 * it changes @existing (nullable) and leaves every count of the school, known
 * or imported, where the school is open. */
static void
plan_span (const EntCsvSchool *school,
           EntSchool          *existing,
           int                *out_opens,
           int                *out_closes)
{
  int opens = existing != NULL ? ent_school_get_opens (existing) : ENT_SCHOOL_YEAR_NONE;
  int closes = existing != NULL ? ent_school_get_closes (existing) : ENT_SCHOOL_YEAR_NONE;
  int new_opens = school->opens != ENT_SCHOOL_YEAR_NONE ? school->opens : opens;
  int new_closes = school->closes != ENT_SCHOOL_YEAR_NONE ? school->closes : closes;
  gboolean fits = ent_validate_school_span (new_opens, new_closes, NULL);

  for (guint k = 0; fits && existing != NULL && k < ent_school_get_n_known (existing); k++)
    {
      int year;

      ent_school_get_nth_known (existing, k, &year, NULL);
      fits = ent_validate_count_in_span (new_opens, new_closes, year, NULL);
    }

  *out_opens = fits && new_opens != opens ? new_opens : ENT_SCHOOL_YEAR_NONE;
  *out_closes = fits && new_closes != closes ? new_closes : ENT_SCHOOL_YEAR_NONE;
}

/* Public API (ent-csv-import.h) */

/**
 * ent_csv_import_preview:
 *
 * Returns: (transfer full) (element-type EntCsvChange): the changes, owning them.
 */
GPtrArray *
ent_csv_import_preview (const EntCsvImport *self,
                        EntDocument        *document)
{
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func ((GDestroyNotify) ent_csv_change_free);
  g_autoptr(GHashTable) matched = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) communes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(DocumentIndex) index = { 0 };
  EntContract *contract;
  GListModel *schools;
  guint n;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (ENT_IS_DOCUMENT (document), NULL);

  document_index_init (&index, document);
  contract = ent_document_get_contract (document);

  for (guint i = 0; i < self->n_schools; i++)
    {
      const EntCsvSchool *school = &self->schools[i];
      EntSchool *existing = document_index_lookup (&index, school);
      const char *uai = school->uai;
      const char *name = school->name;
      const char *commune = school->commune;
      int opens, closes;

      g_hash_table_add (communes, ent_csv_commune_key (school->commune));

      if (existing == NULL)
        {
          g_autofree char *commune_key = ent_csv_commune_key (school->commune);
          const char *spelling = g_hash_table_lookup (index.spellings, commune_key);

          if (spelling != NULL)
            commune = spelling;
          g_ptr_array_add (changes, change_new (ENT_CSV_CHANGE_NEW_SCHOOL, uai, name, commune,
                                                0, -1, -1));
        }
      else
        {
          g_hash_table_add (matched, existing);
          uai = ent_school_get_uai (existing);
          name = ent_school_get_name (existing);
          commune = ent_school_get_commune (existing);
        }

      for (guint c = 0; c < school->n_counts; c++)
        {
          const EntCsvCount *count = &school->counts[c];
          CountFate fate = count_fate (school, c, contract);
          EntCsvChangeKind kind;
          gint64 old_count = -1;

          if (fate == COUNT_AFTER)
            kind = ENT_CSV_CHANGE_IGNORED_AFTER;
          else if (fate == COUNT_BEFORE)
            kind = ENT_CSV_CHANGE_IGNORED_BEFORE;
          else if (existing == NULL ||
                   !ent_school_get_known_pupils (existing, count->school_year, &old_count))
            kind = ENT_CSV_CHANGE_NEW_COUNT, old_count = -1;
          else if (old_count != count->pupils)
            kind = ENT_CSV_CHANGE_CHANGED_COUNT;
          else
            kind = ENT_CSV_CHANGE_UNCHANGED;

          g_ptr_array_add (changes, change_new (kind, uai, name, commune, count->school_year,
                                                old_count, count->pupils));
        }

      plan_span (school, existing, &opens, &closes);
      if (opens != ENT_SCHOOL_YEAR_NONE)
        g_ptr_array_add (changes, change_new (ENT_CSV_CHANGE_OPENS, uai, name, commune,
                                              opens, -1, -1));
      if (closes != ENT_SCHOOL_YEAR_NONE)
        g_ptr_array_add (changes, change_new (ENT_CSV_CHANGE_CLOSES, uai, name, commune,
                                              closes, -1, -1));
    }

  schools = ent_document_get_schools (document);
  n = g_list_model_get_n_items (schools);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EntSchool) school = g_list_model_get_item (schools, i);
      g_autofree char *commune_key = ent_csv_commune_key (ent_school_get_commune (school));
      gboolean replaced;

      if (g_hash_table_contains (matched, school) ||
          !g_hash_table_contains (communes, commune_key))
        continue;

      replaced = !self->keep_unmatched && ent_school_get_uai (school)[0] == '\0';
      g_ptr_array_add (changes, change_new (replaced ? ENT_CSV_CHANGE_REPLACED
                                                     : ENT_CSV_CHANGE_NOT_IN_FILE,
                                            ent_school_get_uai (school),
                                            ent_school_get_name (school),
                                            ent_school_get_commune (school),
                                            0, -1, -1));
    }

  return g_steal_pointer (&changes);
}

/**
 * ent_csv_change_describe:
 *
 * Returns: (transfer full): e.g. "ECOLE PRIMAIRE X (0590001A), 2023/2024: 120 → 125 pupils"
 */
char *
ent_csv_change_describe (const EntCsvChange *change)
{
  g_autofree char *school = NULL;
  g_autofree char *old_count = NULL;
  g_autofree char *new_count = NULL;

  g_return_val_if_fail (change != NULL, NULL);

  if (change->uai != NULL && change->uai[0] != '\0')
    school = g_strdup_printf ("%s (%s)", change->name, change->uai);
  else
    school = g_strdup (change->name);
  old_count = ent_count_format (MAX (change->old_count, 0));
  new_count = ent_count_format (MAX (change->new_count, 0));

  switch (change->kind)
    {
    case ENT_CSV_CHANGE_NEW_SCHOOL:
      /* Translators: school name (UAI), commune */
      return g_strdup_printf (_("New school: %s, %s"), school, change->commune);
    case ENT_CSV_CHANGE_NEW_COUNT:
      /* Translators: school, school year as 2023/2024, a count */
      return g_strdup_printf (_("%s, %d/%d: %s pupils (new)"), school,
                              change->school_year, change->school_year + 1, new_count);
    case ENT_CSV_CHANGE_CHANGED_COUNT:
      /* Translators: school, school year as 2023/2024, old and new counts */
      return g_strdup_printf (_("%s, %d/%d: %s → %s pupils"), school,
                              change->school_year, change->school_year + 1,
                              old_count, new_count);
    case ENT_CSV_CHANGE_UNCHANGED:
      /* Translators: school, school year as 2023/2024, a count */
      return g_strdup_printf (_("%s, %d/%d: %s pupils (unchanged)"), school,
                              change->school_year, change->school_year + 1, new_count);
    case ENT_CSV_CHANGE_REPLACED:
      /* Translators: school, commune */
      return g_strdup_printf (_("%s, %s: no UAI, replaced by the imported schools"),
                              school, change->commune);
    case ENT_CSV_CHANGE_IGNORED_AFTER:
      /* Translators: school, school year as 2023/2024, a count */
      return g_strdup_printf (_("%s, %d/%d: %s pupils, after the contract: ignored"), school,
                              change->school_year, change->school_year + 1, new_count);
    case ENT_CSV_CHANGE_IGNORED_BEFORE:
      /* Translators: school, school year as 2023/2024, a count */
      return g_strdup_printf (_("%s, %d/%d: %s pupils, before the contract and not the latest: "
                                "ignored"), school,
                              change->school_year, change->school_year + 1, new_count);
    case ENT_CSV_CHANGE_OPENS:
      /* Translators: school, a year */
      return g_strdup_printf (_("%s: opened at the rentrée %d (absent from the file before)"),
                              school, change->school_year);
    case ENT_CSV_CHANGE_CLOSES:
      /* Translators: school, a year */
      return g_strdup_printf (_("%s: closed from the rentrée %d (absent from the file since)"),
                              school, change->school_year);
    case ENT_CSV_CHANGE_NOT_IN_FILE:
    default:
      /* Translators: school, commune */
      return g_strdup_printf (_("%s, %s: not in the file, kept (check that its pupils are "
                                "not counted twice)"), school, change->commune);
    }
}

void
ent_csv_change_free (EntCsvChange *change)
{
  if (change == NULL)
    return;

  g_free (change->uai);
  g_free (change->name);
  g_free (change->commune);
  g_free (change);
}

/**
 * ent_csv_import_apply:
 *
 * Returns: the number of counts added or changed.
 */
guint
ent_csv_import_apply (const EntCsvImport *self,
                      EntDocument        *document)
{
  g_auto(DocumentIndex) index = { 0 };
  g_autoptr(GHashTable) matched = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) communes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) replaced = g_ptr_array_new_with_free_func (g_object_unref);
  EntCountSource source = import_source (self);
  EntContract *contract;
  GListModel *schools;
  guint n_changed = 0;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (ENT_IS_DOCUMENT (document), 0);

  document_index_init (&index, document);
  contract = ent_document_get_contract (document);

  /* the aggregate lines to replace, found before any school is added */
  for (guint i = 0; i < self->n_schools; i++)
    {
      EntSchool *existing = document_index_lookup (&index, &self->schools[i]);

      g_hash_table_add (communes, ent_csv_commune_key (self->schools[i].commune));
      if (existing != NULL)
        g_hash_table_add (matched, existing);
    }
  schools = ent_document_get_schools (document);
  for (guint i = 0; !self->keep_unmatched && i < g_list_model_get_n_items (schools); i++)
    {
      g_autoptr(EntSchool) school = g_list_model_get_item (schools, i);
      g_autofree char *commune_key = ent_csv_commune_key (ent_school_get_commune (school));

      if (ent_school_get_uai (school)[0] == '\0' &&
          !g_hash_table_contains (matched, school) &&
          g_hash_table_contains (communes, commune_key))
        g_ptr_array_add (replaced, g_steal_pointer (&school));
    }

  for (guint i = 0; i < self->n_schools; i++)
    {
      const EntCsvSchool *csv = &self->schools[i];
      EntSchool *existing = document_index_lookup (&index, csv);
      g_autoptr(EntSchool) school = NULL;
      int opens, closes;

      plan_span (csv, existing, &opens, &closes);

      if (existing == NULL)
        {
          g_autofree char *commune_key = ent_csv_commune_key (csv->commune);
          const char *spelling = g_hash_table_lookup (index.spellings, commune_key);

          if (spelling == NULL)
            {
              spelling = csv->commune;
              g_hash_table_insert (index.spellings, g_steal_pointer (&commune_key),
                                   g_strdup (spelling));
            }

          school = ent_school_new (csv->name, spelling);
          ent_school_set_uai (school, csv->uai);
          ent_school_set_commune_insee (school, csv->commune_insee);
          if (csv->uai[0] != '\0')
            g_hash_table_insert (index.by_uai, g_strdup (csv->uai), g_object_ref (school));
          else
            g_hash_table_insert (index.by_name, ent_csv_name_key (spelling, csv->name),
                                 g_object_ref (school));
        }

      for (guint c = 0; c < csv->n_counts; c++)
        {
          gint64 old_count;
          EntSchool *target = school != NULL ? school : existing;

          if (count_fate (csv, c, contract) != COUNT_KEPT)
            continue;
          if (!ent_school_get_known_pupils (target, csv->counts[c].school_year, &old_count) ||
              old_count != csv->counts[c].pupils)
            n_changed++;
          ent_school_set_known_pupils_from (target, csv->counts[c].school_year,
                                            csv->counts[c].pupils, source);
        }

      /* a known level stays when the file names none (a template, « GROUPE
       * SCOLAIRE »): only the file's own word replaces it */
      if (csv->level != ENT_SCHOOL_LEVEL_UNKNOWN)
        ent_school_set_level (school != NULL ? school : existing, csv->level);
      if (opens != ENT_SCHOOL_YEAR_NONE)
        ent_school_set_opens (school != NULL ? school : existing, opens);
      if (closes != ENT_SCHOOL_YEAR_NONE)
        ent_school_set_closes (school != NULL ? school : existing, closes);
      if (school != NULL)
        ent_document_add_school (document, school);
    }

  for (guint i = 0; i < replaced->len; i++)
    ent_document_remove_school (document, g_ptr_array_index (replaced, i));

  if (ent_document_get_payer_kind (document) == ENT_PAYER_COMMUNE)
    {
      g_auto(GStrv) document_communes = ent_document_dup_communes (document);

      if (g_strv_length (document_communes) > 1)
        ent_document_set_payer_kind (document, ENT_PAYER_EPCI);
    }

  return n_changed;
}
