/* test-csv-import.c: the Ministry's dataset and the template, merging, errors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Fixtures (fixtures/), UAIs made up:
 *
 * - effectifs-2024-2026-{labels,fields}.csv and effectifs-2024-2026-labels-cp1252.csv
 *   look like the Ministry's current exports (SPEC 12): the 2024+ label header
 *   ("Code région Insee", "Code Postal" before "Commune", "Nombre d'élèves en
 *   UEEA"; UTF-8 with BOM, CRLF) and the field-name header without
 *   code_postal, whose code_commune_insee holds the postal code (no BOM, LF);
 *   sectors spelled Public / Privé / Privé sous contrat and PUBLIC / PRIVE /
 *   PRIVE SOUS CONTRAT; rentrées in no order; a secret count ("ss", empty);
 *   an abbreviated commune (ST ANDRE LEZ LILLE); a school that closed and one
 *   that opened; two départements; the label file again in Windows-1252.
 *   Their counts are checked against an independent reading of the file.
 * - effectifs-labels.csv, effectifs-fields.csv, effectifs-latin1.csv and
 *   template.csv are older, simplified shapes (a 2022–2023 label header with
 *   "Code Postal" last, a field header with code_postal), kept because older
 *   releases have fewer columns and other orders; they are not copies of
 *   real files. Their schools:
 *
 *   HEM 59510      0590101A maternelle Jules Ferry      2022: 98   2023: 95
 *                  0590102B élémentaire Victor Hugo      2022: 180  2023: 176
 *                  0590103C primaire "La Marelle; …"     2022: 210  2023: 214
 *                  0590104D primaire privée              2022: 150  2023: 152
 *   ROUBAIX 59100  0590201E élémentaire Jean Macé        2022: 250  2023: 245
 *                  0590202F maternelle Anatole France               2023: 120
 *   VILLENEUVE-D'ASCQ 59650  0590301G                    2022: 300  2023: 310
 *   LILLE 59000    0590401H                              2022: 220  2023: 230
 */
#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "ent-budget.h"
#include "ent-csv-import.h"
#include "ent-workspace.h"

#include "ent-test-utils.h"

static const char * const hem[] = { "Hem", NULL };

static GBytes *
load_fixture (const char *name)
{
  g_autofree char *path = g_build_filename (IMPORT_FIXTURES, name, NULL);

  return ent_test_read_bytes (path);
}

static EntCsvImport *
parse_fixture (const char            *name,
               const EntCsvSelection *selection)
{
  g_autoptr(GBytes) bytes = load_fixture (name);
  g_autoptr(GError) error = NULL;
  EntCsvImport *import = ent_csv_import_parse (bytes, name, selection, &error);

  g_assert_no_error (error);
  g_assert_nonnull (import);
  return import;
}

static EntCsvImport *
parse_text (const char            *text,
            const EntCsvSelection *selection,
            GError               **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return ent_csv_import_parse (bytes, "test.csv", selection, error);
}

static const EntCsvSchool *
find_school (const EntCsvImport *import,
             const char         *uai)
{
  for (guint i = 0; i < ent_csv_import_get_n_schools (import); i++)
    if (g_str_equal (ent_csv_import_get_school (import, i)->uai, uai))
      return ent_csv_import_get_school (import, i);
  return NULL;
}

/* "2022:98;2023:95" */
static char *
counts_string (const EntCsvSchool *school)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < school->n_counts; i++)
    g_string_append_printf (text, "%s%d:%" G_GINT64_FORMAT, i > 0 ? ";" : "",
                            school->counts[i].school_year, school->counts[i].pupils);
  return g_string_free (text, FALSE);
}

static void
assert_counts (const EntCsvImport *import,
               const char         *uai,
               const char         *expected)
{
  const EntCsvSchool *school = find_school (import, uai);
  g_autofree char *counts = NULL;

  g_assert_nonnull (school);
  counts = counts_string (school);
  g_assert_cmpstr (counts, ==, expected);
}

static char *
document_counts (EntSchool *school)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < ent_school_get_n_known (school); i++)
    {
      int year;
      gint64 count;

      ent_school_get_nth_known (school, i, &year, &count);
      g_string_append_printf (text, "%s%d:%" G_GINT64_FORMAT, i > 0 ? ";" : "", year, count);
    }
  return g_string_free (text, FALSE);
}

static void
assert_document_counts (EntDocument *document,
                        const char  *uai,
                        const char  *expected)
{
  EntSchool *school = ent_test_find_school (document, uai);
  g_autofree char *counts = NULL;

  g_assert_nonnull (school);
  counts = document_counts (school);
  g_assert_cmpstr (counts, ==, expected);
}

static char *
document_data (EntDocument *document)
{
  gsize length;

  return ent_document_to_data (document, &length);
}

#define LABELS_HEADER \
  "Rentrée scolaire;Région académique;Académie;Département;Commune;Numéro de l'école;" \
  "Dénomination principale;Patronyme;Secteur;REP;REP +;Nombre total de classes;" \
  "Nombre total d'élèves;Nombre d'élèves en pré-élémentaire hors ULIS;" \
  "Nombre d'élèves en élémentaire hors ULIS;Nombre d'élèves en ULIS;" \
  "Nombre d'élèves en CP hors ULIS;Nombre d'élèves en CE1 hors ULIS;" \
  "Nombre d'élèves en CE2 hors ULIS;Nombre d'élèves en CM1 hors ULIS;" \
  "Nombre d'élèves en CM2 hors ULIS;tri;Code Postal\n"
#define ROW(year, uai, total) \
  year ";HAUTS-DE-FRANCE;LILLE;NORD;HEM;" uai ";ECOLE PRIMAIRE PUBLIQUE;X;Public;0;0;4;" total \
  ";0;0;0;0;0;0;0;0;tri;59510\n"

/* Official dataset */

static void
test_labels_by_commune (void)
{
  EntCsvSelection selection = { .communes = hem };
  g_autoptr(EntCsvImport) import = parse_fixture ("effectifs-labels.csv", &selection);
  const EntCsvSchool *marelle;

  g_assert_cmpint (ent_csv_import_get_format (import), ==, ENT_CSV_FORMAT_OFFICIAL);
  /* the private school is left out, at both rentrées */
  g_assert_cmpuint (ent_csv_import_get_n_schools (import), ==, 3);
  g_assert_cmpuint (ent_csv_import_get_n_private_skipped (import), ==, 2);
  g_assert_null (find_school (import, "0590104D"));

  g_assert_cmpstr (ent_csv_import_get_school (import, 0)->uai, ==, "0590101A");
  g_assert_cmpstr (ent_csv_import_get_school (import, 1)->uai, ==, "0590102B");
  g_assert_cmpstr (ent_csv_import_get_school (import, 2)->uai, ==, "0590103C");
  assert_counts (import, "0590101A", "2022:98;2023:95");
  assert_counts (import, "0590102B", "2022:180;2023:176");
  assert_counts (import, "0590103C", "2022:210;2023:214");

  /* Dénomination principale + Patronyme as given, the quoted ';' kept */
  marelle = find_school (import, "0590103C");
  g_assert_cmpstr (marelle->name, ==, "ECOLE PRIMAIRE PUBLIQUE LA MARELLE; LES TILLEULS");
  /* the commune as the user spelled it, the postal code from the file */
  g_assert_cmpstr (marelle->commune, ==, "Hem");
  g_assert_cmpstr (marelle->postal_code, ==, "59510");
  g_assert_cmpstr (marelle->commune_insee, ==, "");
  g_assert_true (marelle->is_public);
  /* lines of the file: header 1, rentrée 2022 on lines 2–8, 2023 on 9–16 */
  g_assert_cmpint (marelle->counts[0].line, ==, 4);
  g_assert_cmpint (marelle->counts[1].line, ==, 11);
}

static void
test_fields_by_postal_code (void)
{
  static const char * const codes[] = { "59100", NULL };
  EntCsvSelection selection = { .postal_codes = codes };
  g_autoptr(EntCsvImport) import = parse_fixture ("effectifs-fields.csv", &selection);

  g_assert_cmpuint (ent_csv_import_get_n_schools (import), ==, 2);
  assert_counts (import, "0590201E", "2022:250;2023:245");
  assert_counts (import, "0590202F", "2023:120");
  /* no commune typed: the file's spelling */
  g_assert_cmpstr (find_school (import, "0590201E")->commune, ==, "ROUBAIX");
  g_assert_cmpstr (find_school (import, "0590202F")->name, ==,
                   "ECOLE MATERNELLE PUBLIQUE ANATOLE FRANCE");
}

/* Both headers, BOM or not, CRLF or LF, year or date: the same schools. */
static void
test_both_headers_agree (void)
{
  static const char * const codes[] = { "59510", NULL };
  EntCsvSelection by_name = { .communes = hem };
  EntCsvSelection by_code = { .postal_codes = codes };
  g_autoptr(EntCsvImport) labels = parse_fixture ("effectifs-labels.csv", &by_name);
  g_autoptr(EntCsvImport) fields = parse_fixture ("effectifs-fields.csv", &by_code);

  g_assert_cmpuint (ent_csv_import_get_n_schools (labels), ==,
                    ent_csv_import_get_n_schools (fields));
  for (guint i = 0; i < ent_csv_import_get_n_schools (labels); i++)
    {
      const EntCsvSchool *a = ent_csv_import_get_school (labels, i);
      const EntCsvSchool *b = ent_csv_import_get_school (fields, i);
      g_autofree char *counts_a = counts_string (a);
      g_autofree char *counts_b = counts_string (b);

      g_assert_cmpstr (a->uai, ==, b->uai);
      g_assert_cmpstr (a->name, ==, b->name);
      g_assert_cmpstr (counts_a, ==, counts_b);
    }
}

static void
test_commune_names_compare_loosely (void)
{
  /* typographic apostrophe, no hyphen, lower case, accents */
  static const char * const communes[] = { "villeneuve d’ascq", NULL };
  static const char * const accented[] = { "HÉM", NULL };
  EntCsvSelection selection = { .communes = communes };
  EntCsvSelection accent = { .communes = accented };
  g_autoptr(EntCsvImport) import = parse_fixture ("effectifs-labels.csv", &selection);
  g_autoptr(EntCsvImport) hem_import = parse_fixture ("effectifs-fields.csv", &accent);
  g_autofree char *key = ent_csv_commune_key ("  Villeneuve-d'Ascq ");

  g_assert_cmpstr (key, ==, "villeneuve d ascq");
  g_assert_cmpuint (ent_csv_import_get_n_schools (import), ==, 1);
  assert_counts (import, "0590301G", "2022:300;2023:310");
  g_assert_cmpstr (ent_csv_import_get_school (import, 0)->commune, ==, "villeneuve d’ascq");
  g_assert_cmpuint (ent_csv_import_get_n_schools (hem_import), ==, 3);
}

/* A selection's spelling becomes the commune's name: trimmed, whoever split
 * the list (the CLI once kept the space of "Hem, Roubaix"). */
static void
test_commune_spelling_trimmed (void)
{
  static const char * const communes[] = { "Hem", " Roubaix\t", NULL };
  EntCsvSelection selection = { .communes = communes };
  g_autoptr(EntCsvImport) import = parse_fixture ("effectifs-labels.csv", &selection);
  g_auto(GStrv) names = ent_csv_import_dup_communes (import);

  g_assert_cmpstrv (names, ((const char * const[]) { "Hem", "Roubaix", NULL }));
}

static void
test_private_schools_on_demand (void)
{
  EntCsvSelection selection = { .communes = hem, .include_private = TRUE };
  g_autoptr(EntCsvImport) import = parse_fixture ("effectifs-labels.csv", &selection);

  g_assert_cmpuint (ent_csv_import_get_n_schools (import), ==, 4);
  g_assert_cmpuint (ent_csv_import_get_n_private_skipped (import), ==, 0);
  assert_counts (import, "0590104D", "2022:150;2023:152");
  g_assert_false (find_school (import, "0590104D")->is_public);
}

/* With communes and postal codes, a row needs both (homonyms). */
static void
test_commune_and_postal_code (void)
{
  static const char * const communes[] = { "Hem", "Roubaix", NULL };
  static const char * const codes[] = { "59510", NULL };
  EntCsvSelection selection = { .communes = communes, .postal_codes = codes };
  g_autoptr(EntCsvImport) import = parse_fixture ("effectifs-fields.csv", &selection);
  g_auto(GStrv) found = ent_csv_import_dup_communes (import);

  g_assert_cmpuint (ent_csv_import_get_n_schools (import), ==, 3);
  g_assert_cmpuint (g_strv_length (found), ==, 1);
  g_assert_cmpstr (found[0], ==, "Hem");
}

/* The document the command line makes without a base. */
static void
test_new_document_one_commune (void)
{
  EntCsvSelection selection = { .communes = hem };
  g_autoptr(EntCsvImport) import = parse_fixture ("effectifs-labels.csv", &selection);
  g_autoptr(GError) error = NULL;
  g_autoptr(EntDocument) document = ent_csv_import_to_document (import, NULL, &error);
  g_autoptr(EntDocument) example = ent_document_new_example ();
  g_autoptr(EntBudget) budget = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(EntDocument) reloaded = NULL;
  char *data;
  gsize length;

  g_assert_no_error (error);
  g_assert_cmpstr (ent_document_get_title (document), ==, "ENT of the public schools of Hem");
  g_assert_cmpstr (ent_document_get_payer (document), ==, "Hem");
  g_assert_cmpint (ent_document_get_payer_kind (document), ==, ENT_PAYER_COMMUNE);
  g_assert_cmpstr (ent_document_get_insee (document), ==, "");
  g_assert_false (ent_document_get_modified (document));
  g_assert_null (ent_document_get_file (document));

  /* the example's contract, tariffs and scenarios, only the imported schools */
  g_assert_cmpuint (g_list_model_get_n_items (ent_document_get_schools (document)), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (ent_document_get_scenarios (document)), ==,
                    g_list_model_get_n_items (ent_document_get_scenarios (example)));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (ent_document_get_tariffs (document))), ==,
                    g_list_model_get_n_items (G_LIST_MODEL (ent_document_get_tariffs (example))));
  assert_document_counts (document, "0590103C", "2022:210;2023:214");
  g_assert_cmpstr (ent_school_get_commune (ent_test_find_school (document, "0590101A")), ==, "Hem");
  g_assert_cmpstr (ent_school_get_name (ent_test_find_school (document, "0590101A")), ==,
                   "ECOLE MATERNELLE PUBLIQUE JULES FERRY");

  /* 2024 bills the rentrée 2023: 95 + 176 + 214 = 485 pupils × 1,30 € */
  budget = ent_budget_compute (document, &error);
  g_assert_no_error (error);
  g_assert_cmpint (budget->scenarios[0].years[0].year, ==, 2024);
  g_assert_cmpint (budget->scenarios[0].years[0].pupils, ==, 485);
  g_assert_cmpint (budget->scenarios[0].years[0].lines[ENT_LINE_BASE].amount, ==, 63050);

  /* saves and loads back the same */
  data = ent_document_to_data (document, &length);
  bytes = g_bytes_new_take (data, length);
  reloaded = ent_document_new_from_bytes (bytes, "imported.entbudget", &error);
  g_assert_no_error (error);
  g_assert_true (ent_document_equal (document, reloaded));
}

static void
test_new_document_several_communes (void)
{
  static const char * const communes[] = { "Hem", "Roubaix", NULL };
  EntCsvSelection selection = { .communes = communes };
  g_autoptr(EntCsvImport) import = parse_fixture ("effectifs-fields.csv", &selection);
  g_autoptr(GError) error = NULL;
  g_autoptr(EntDocument) document = ent_csv_import_to_document (import, NULL, &error);
  g_auto(GStrv) names = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (ent_document_get_payer_kind (document), ==, ENT_PAYER_EPCI);
  g_assert_cmpstr (ent_document_get_title (document), ==, "ENT of the public schools of 2 communes");
  g_assert_cmpstr (ent_document_get_payer (document), ==, "Group of 2 communes");
  names = ent_document_dup_communes (document);
  g_assert_cmpuint (g_strv_length (names), ==, 2);
  g_assert_cmpstr (names[0], ==, "Hem");
  g_assert_cmpstr (names[1], ==, "Roubaix");
  g_assert_cmpuint (g_list_model_get_n_items (ent_document_get_schools (document)), ==, 5);
  assert_document_counts (document, "0590202F", "2023:120");
}

/* Merging into an existing document */

static EntDocument *
make_base (void)
{
  EntDocument *base = ent_document_new_example ();
  g_autoptr(EntSchool) ferry = ent_school_new ("Maternelle Jules-Ferry", "Hem");

  ent_school_set_uai (ferry, "0590101a");
  ent_school_set_known_pupils (ferry, 2021, 100);
  ent_school_set_known_pupils (ferry, 2023, 90);
  ent_document_add_school (base, ferry);
  ent_document_set_modified (base, FALSE);
  return base;
}

static guint
count_kind (GPtrArray        *changes,
            EntCsvChangeKind  kind)
{
  guint n = 0;

  for (guint i = 0; i < changes->len; i++)
    if (((EntCsvChange *) g_ptr_array_index (changes, i))->kind == kind)
      n++;
  return n;
}

static void
test_merge_preview_and_apply (void)
{
  static const char * const upper[] = { "HEM", NULL };
  EntCsvSelection selection = { .communes = upper };
  g_autoptr(EntCsvImport) import = parse_fixture ("effectifs-labels.csv", &selection);
  g_autoptr(EntDocument) base = make_base ();
  g_autofree char *before = document_data (base);
  g_autoptr(GPtrArray) changes = ent_csv_import_preview (import, base);
  g_autoptr(GPtrArray) again = NULL;
  g_autofree char *after_preview = document_data (base);
  EntCsvChange *change;
  g_autofree char *text = NULL;
  guint n_changed;

  /* the preview changes nothing */
  g_assert_cmpstr (before, ==, after_preview);
  g_assert_false (ent_document_get_modified (base));

  /* 0590101A is known: 2022 new, 2023 changed 90 → 95 */
  change = g_ptr_array_index (changes, 0);
  g_assert_cmpint (change->kind, ==, ENT_CSV_CHANGE_NEW_COUNT);
  g_assert_cmpstr (change->uai, ==, "0590101a");
  g_assert_cmpint (change->school_year, ==, 2022);
  g_assert_cmpint (change->old_count, ==, -1);
  g_assert_cmpint (change->new_count, ==, 98);
  change = g_ptr_array_index (changes, 1);
  g_assert_cmpint (change->kind, ==, ENT_CSV_CHANGE_CHANGED_COUNT);
  g_assert_cmpint (change->school_year, ==, 2023);
  g_assert_cmpint (change->old_count, ==, 90);
  g_assert_cmpint (change->new_count, ==, 95);
  text = ent_csv_change_describe (change);
  g_assert_cmpstr (text, ==, "Maternelle Jules-Ferry (0590101a), 2023/2024: 90 → 95 pupils");
  g_clear_pointer (&text, g_free);

  /* 0590102B is new, with its two counts, in the document's spelling of Hem */
  change = g_ptr_array_index (changes, 2);
  g_assert_cmpint (change->kind, ==, ENT_CSV_CHANGE_NEW_SCHOOL);
  g_assert_cmpstr (change->uai, ==, "0590102B");
  g_assert_cmpstr (change->commune, ==, "Hem");
  text = ent_csv_change_describe (change);
  g_assert_cmpstr (text, ==, "New school: ECOLE ELEMENTAIRE PUBLIQUE VICTOR HUGO (0590102B), Hem");
  g_clear_pointer (&text, g_free);

  g_assert_cmpuint (count_kind (changes, ENT_CSV_CHANGE_NEW_SCHOOL), ==, 2);
  g_assert_cmpuint (count_kind (changes, ENT_CSV_CHANGE_NEW_COUNT), ==, 5);
  g_assert_cmpuint (count_kind (changes, ENT_CSV_CHANGE_CHANGED_COUNT), ==, 1);
  g_assert_cmpuint (count_kind (changes, ENT_CSV_CHANGE_UNCHANGED), ==, 0);
  /* SPEC 12: the example's aggregate line of Hem has no UAI: the imported
   * schools replace it, so that its pupils are not counted twice */
  g_assert_cmpuint (count_kind (changes, ENT_CSV_CHANGE_NOT_IN_FILE), ==, 0);
  g_assert_cmpuint (count_kind (changes, ENT_CSV_CHANGE_REPLACED), ==, 1);
  change = g_ptr_array_index (changes, changes->len - 1);
  g_assert_cmpint (change->kind, ==, ENT_CSV_CHANGE_REPLACED);
  g_assert_cmpstr (change->name, ==, "Écoles publiques de Hem (11 écoles)");
  text = ent_csv_change_describe (change);
  g_assert_cmpstr (text, ==, "Écoles publiques de Hem (11 écoles), Hem: no UAI, replaced by "
                   "the imported schools");
  g_clear_pointer (&text, g_free);

  n_changed = ent_csv_import_apply (import, base);
  g_assert_cmpuint (n_changed, ==, 6);
  g_assert_true (ent_document_get_modified (base));
  g_assert_cmpuint (g_list_model_get_n_items (ent_document_get_schools (base)), ==, 3);
  /* the known school keeps its name, its commune and its other years */
  assert_document_counts (base, "0590101a", "2021:100;2022:98;2023:95");
  g_assert_cmpstr (ent_school_get_name (ent_test_find_school (base, "0590101a")), ==,
                   "Maternelle Jules-Ferry");
  assert_document_counts (base, "0590103C", "2022:210;2023:214");
  g_assert_cmpstr (ent_school_get_commune (ent_test_find_school (base, "0590103C")), ==, "Hem");
  /* still one commune */
  g_assert_cmpint (ent_document_get_payer_kind (base), ==, ENT_PAYER_COMMUNE);

  /* applying again changes nothing */
  again = ent_csv_import_preview (import, base);
  g_assert_cmpuint (count_kind (again, ENT_CSV_CHANGE_UNCHANGED), ==, 6);
  g_assert_cmpuint (again->len, ==, 6);
  g_assert_cmpuint (ent_csv_import_apply (import, base), ==, 0);
}

/* A row of the label header naming its school with @denomination. */
#define ROW_NAMED(uai, denomination) \
  "2023;HAUTS-DE-FRANCE;LILLE;NORD;HEM;" uai ";" denomination ";X;Public;0;0;4;50" \
  ";0;0;0;0;0;0;0;0;tri;59510\n"

static EntSchoolLevel
school_level (EntDocument *document,
              const char  *uai)
{
  EntSchool *school = ent_test_find_school (document, uai);

  g_assert_nonnull (school);
  return ent_school_get_level (school);
}

/* The level comes from « Dénomination principale » (fixture text:
 * 0590101A « ECOLE MATERNELLE PUBLIQUE », 0590102B « ECOLE ELEMENTAIRE
 * PUBLIQUE », 0590103C « ECOLE PRIMAIRE PUBLIQUE »); a denomination naming
 * no level leaves it unknown, without a warning. */
static void
test_levels_from_denomination (void)
{
  EntCsvSelection selection = { .communes = hem };
  g_autoptr(EntCsvImport) labels = parse_fixture ("effectifs-2024-2026-labels.csv", &selection);
  g_autoptr(EntCsvImport) fields = parse_fixture ("effectifs-2024-2026-fields.csv", &selection);
  g_autoptr(EntCsvImport) odd = NULL;
  g_autoptr(EntCsvImport) template = parse_fixture ("template.csv", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (find_school (labels, "0590101A")->level, ==, ENT_SCHOOL_LEVEL_MATERNELLE);
  g_assert_cmpint (find_school (labels, "0590102B")->level, ==, ENT_SCHOOL_LEVEL_ELEMENTAIRE);
  g_assert_cmpint (find_school (labels, "0590103C")->level, ==, ENT_SCHOOL_LEVEL_PRIMAIRE);
  g_assert_cmpint (find_school (fields, "0590101A")->level, ==, ENT_SCHOOL_LEVEL_MATERNELLE);
  g_assert_cmpint (find_school (fields, "0590102B")->level, ==, ENT_SCHOOL_LEVEL_ELEMENTAIRE);
  g_assert_cmpint (find_school (fields, "0590103C")->level, ==, ENT_SCHOOL_LEVEL_PRIMAIRE);

  /* accents, case, the directory's abbreviations; anything else unknown */
  odd = parse_text (LABELS_HEADER
                    ROW_NAMED ("0590001A", "École élémentaire publique")
                    ROW_NAMED ("0590002B", "E.M.PU")
                    ROW_NAMED ("0590003C", "E.P.PU")
                    ROW_NAMED ("0590004D", "Ecole maternelle")
                    ROW_NAMED ("0590005E", "GROUPE SCOLAIRE")
                    ROW_NAMED ("0590006F", "ECOLE PUBLIQUE")
                    ROW_NAMED ("0590007G", ""),
                    &selection, &error);
  g_assert_no_error (error);
  g_assert_cmpint (find_school (odd, "0590001A")->level, ==, ENT_SCHOOL_LEVEL_ELEMENTAIRE);
  g_assert_cmpint (find_school (odd, "0590002B")->level, ==, ENT_SCHOOL_LEVEL_MATERNELLE);
  g_assert_cmpint (find_school (odd, "0590003C")->level, ==, ENT_SCHOOL_LEVEL_PRIMAIRE);
  g_assert_cmpint (find_school (odd, "0590004D")->level, ==, ENT_SCHOOL_LEVEL_MATERNELLE);
  g_assert_cmpint (find_school (odd, "0590005E")->level, ==, ENT_SCHOOL_LEVEL_UNKNOWN);
  g_assert_cmpint (find_school (odd, "0590006F")->level, ==, ENT_SCHOOL_LEVEL_UNKNOWN);
  g_assert_cmpint (find_school (odd, "0590007G")->level, ==, ENT_SCHOOL_LEVEL_UNKNOWN);
  g_assert_cmpuint (g_strv_length ((char **) ent_csv_import_get_warnings (odd)), ==, 0);

  /* a template has no denomination */
  g_assert_cmpint (find_school (template, "0590101A")->level, ==, ENT_SCHOOL_LEVEL_UNKNOWN);
}

/* Merging sets the file's level on new and known schools, keeps a known
 * level the file does not name, and is one undo step that brings the old
 * levels back. */
static void
test_levels_merge_and_undo (void)
{
  EntCsvSelection selection = { .communes = hem };
  g_autoptr(EntCsvImport) fields = parse_fixture ("effectifs-2024-2026-fields.csv", &selection);
  g_autoptr(EntCsvImport) template = parse_fixture ("template.csv", NULL);
  g_autoptr(EntCsvImport) unnamed = NULL;
  g_autoptr(EntDocument) base = make_base ();
  g_autoptr(EntWorkspace) workspace = ent_workspace_new_with_draft_directory (base, "");
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  /* a level the user chose, that the file corrects */
  ent_school_set_level (ent_test_find_school (base, "0590101a"), ENT_SCHOOL_LEVEL_PRIMAIRE);
  ent_workspace_flush (workspace);
  before = document_data (base);

  ent_csv_import_apply (fields, base);
  ent_workspace_flush (workspace);
  after = document_data (base);
  g_assert_cmpint (school_level (base, "0590101a"), ==, ENT_SCHOOL_LEVEL_MATERNELLE);
  g_assert_cmpint (school_level (base, "0590102B"), ==, ENT_SCHOOL_LEVEL_ELEMENTAIRE);
  g_assert_cmpint (school_level (base, "0590103C"), ==, ENT_SCHOOL_LEVEL_PRIMAIRE);

  /* one step back: the user's level again, the new schools gone */
  g_assert_true (ent_workspace_undo (workspace));
  g_assert_cmpint (school_level (base, "0590101a"), ==, ENT_SCHOOL_LEVEL_PRIMAIRE);
  g_assert_null (ent_test_find_school (base, "0590102B"));
  {
    g_autofree char *undone = document_data (base);

    g_assert_cmpstr (undone, ==, before);
  }
  g_assert_true (ent_workspace_redo (workspace));
  g_assert_cmpint (school_level (base, "0590101a"), ==, ENT_SCHOOL_LEVEL_MATERNELLE);
  {
    g_autofree char *redone = document_data (base);

    g_assert_cmpstr (redone, ==, after);
  }

  /* importing again without a denomination keeps the known levels */
  ent_csv_import_apply (template, base);
  g_assert_cmpint (school_level (base, "0590101a"), ==, ENT_SCHOOL_LEVEL_MATERNELLE);
  g_assert_cmpint (school_level (base, "0590102B"), ==, ENT_SCHOOL_LEVEL_ELEMENTAIRE);
  unnamed = parse_text (LABELS_HEADER ROW_NAMED ("0590103C", "GROUPE SCOLAIRE"),
                        &selection, &error);
  g_assert_no_error (error);
  ent_csv_import_apply (unnamed, base);
  g_assert_cmpint (school_level (base, "0590103C"), ==, ENT_SCHOOL_LEVEL_PRIMAIRE);
}

/* A merge that brings a second commune makes the payer an EPCI; the base given
 * to ent_csv_import_to_document is left as it was. */
static void
test_merge_second_commune (void)
{
  static const char * const roubaix[] = { "Roubaix", NULL };
  EntCsvSelection selection = { .communes = roubaix };
  g_autoptr(EntCsvImport) import = parse_fixture ("effectifs-fields.csv", &selection);
  g_autoptr(EntDocument) base = make_base ();
  g_autofree char *before = document_data (base);
  g_autoptr(GError) error = NULL;
  g_autoptr(EntDocument) merged = ent_csv_import_to_document (import, base, &error);
  g_autofree char *after = document_data (base);

  g_assert_no_error (error);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (ent_document_get_payer_kind (base), ==, ENT_PAYER_COMMUNE);
  g_assert_cmpint (ent_document_get_payer_kind (merged), ==, ENT_PAYER_EPCI);
  g_assert_cmpstr (ent_document_get_title (merged), ==, ent_document_get_title (base));
  g_assert_cmpuint (g_list_model_get_n_items (ent_document_get_schools (merged)), ==, 4);
  assert_document_counts (merged, "0590201E", "2022:250;2023:245");
  assert_document_counts (merged, "0590101a", "2021:100;2023:90");
}

/* SPEC 10.6: a document written by the import can always be opened. */
static void
test_result_always_opens (void)
{
  static const char * const croix[] = { "Croix", NULL };
  EntCsvSelection selection = { .communes = croix };
  EntCsvSelection selection_hem = { .communes = hem };
  g_autoptr(GError) error = NULL;
  g_autoptr(EntCsvImport) import = NULL;
  g_autoptr(EntDocument) document = NULL;
  g_autoptr(EntDocument) base = NULL;
  g_autofree char *title = NULL;
  gsize base_size = 0;

  /* A name with a C1 control (U+0085, NEL) or a noncharacter, which the
   * loader refuses (SPEC 10.5): refused when the file is read, with its line
   * and column, by the loader's own rule */
  import = parse_text ("ecole;uai;commune;2023\nA\xc2\x85" "B;;Croix;10\n", &selection, &error);
  g_assert_null (import);
  g_assert_error (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_INVALID_VALUE);
  g_assert_cmpstr (error->message, ==, "test.csv:2: column “école”: Names and labels cannot "
                   "hold the control character U+0085");
  g_clear_error (&error);
  import = parse_text ("ecole;uai;commune;insee;2023\nA;;Croix;59\xef\xbf\xbe;10\n", &selection, &error);
  g_assert_null (import);
  g_assert_error (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_INVALID_VALUE);
  g_assert_cmpstr (error->message, ==, "test.csv:2: column “insee”: Names and labels cannot "
                   "hold U+FFFE, which is not a character");
  g_clear_error (&error);
  import = parse_text (LABELS_HEADER "2023;X;X;X;HEM;0590001A;ECOLE\xc2\x9b;X;Public;0;0;1;10\n",
                       &selection_hem, &error);
  g_assert_null (import);
  g_assert_error (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_INVALID_VALUE);
  g_assert_cmpstr (error->message, ==, "test.csv:2: column “Dénomination principale "
                   "(denomination_principale)”: Names and labels cannot hold the control "
                   "character U+009B");
  g_clear_error (&error);

  /* A base 100 bytes under the size limit, and two schools more */
  base = make_base ();
  g_free (ent_document_to_data (base, &base_size));
  title = g_strnfill (ENT_DOCUMENT_MAX_SIZE - 100 - base_size + strlen (ent_document_get_title (base)), 't');
  ent_document_set_title (base, title);
  g_free (ent_document_to_data (base, &base_size));
  g_assert_cmpuint (base_size, ==, ENT_DOCUMENT_MAX_SIZE - 100);

  import = parse_text ("ecole;uai;commune;2023\nA;;Croix;10\nB;;Croix;20\n", &selection, &error);
  g_assert_no_error (error);
  document = ent_csv_import_to_document (import, base, &error);
  g_assert_null (document);
  g_assert_error (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_OUT_OF_RANGE);
  g_assert_nonnull (strstr (error->message, "16 MiB"));
}

/* The 2024–2026 releases (SPEC 12) */

/* An independent reading of a fixture: lines split at ';' (the new fixtures
 * quote nothing), columns found by their exact header, Windows-1252 decoded by
 * iconv, and the counts of the selected public rows gathered per UAI as
 * "YEAR:COUNT;…" (a secret count leaves its year out, and its school listed). */
typedef enum { BY_COMMUNE, BY_POSTAL_CODE, BY_UAI, BY_DEPARTEMENT } SelectBy;

static int
header_index (char **header,
              const char *label,
              const char *field)
{
  for (guint i = 0; header[i] != NULL; i++)
    if (g_str_equal (header[i], label) || g_str_equal (header[i], field))
      return (int) i;
  return -1;
}

static GHashTable *
expected_from_fixture (const char *name,
                       SelectBy    by,
                       const char *wanted)   /* as the file writes it, ',' between several */
{
  g_autoptr(GBytes) bytes = load_fixture (name);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) header = NULL;
  g_auto(GStrv) wanted_list = g_strsplit (wanted, ",", -1);
  g_autoptr(GHashTable) years = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                       (GDestroyNotify) g_tree_unref);
  GHashTable *expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  int col_year, col_commune, col_postal, col_uai, col_dep, col_sector, col_total;
  GHashTableIter iter;
  gpointer key, value;

  if (g_utf8_validate (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL))
    text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  else
    text = g_convert (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                      "UTF-8", "WINDOWS-1252", NULL, NULL, NULL);
  g_assert_nonnull (text);
  lines = g_strsplit (g_str_has_prefix (text, "\xef\xbb\xbf") ? text + 3 : text, "\n", -1);
  g_strchomp (lines[0]);
  header = g_strsplit (lines[0], ";", -1);
  col_year = header_index (header, "Rentrée scolaire", "rentree_scolaire");
  col_commune = header_index (header, "Commune", "commune");
  col_postal = header_index (header, "Code Postal", "code_commune_insee");
  col_uai = header_index (header, "Numéro de l'école", "numero_ecole");
  col_dep = header_index (header, "Code département", "code_departement");
  col_sector = header_index (header, "Secteur", "secteur");
  col_total = header_index (header, "Nombre total d'élèves", "nombre_total_eleves");
  g_assert_true (col_year >= 0 && col_commune >= 0 && col_postal >= 0 && col_uai >= 0 &&
                 col_dep >= 0 && col_sector >= 0 && col_total >= 0);

  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_auto(GStrv) f = NULL;
      const char *field;
      g_autofree char *sector = NULL;
      GTree *tree;

      g_strchomp (lines[i]);
      if (lines[i][0] == '\0')
        continue;
      f = g_strsplit (lines[i], ";", -1);
      field = by == BY_COMMUNE ? f[col_commune] : by == BY_POSTAL_CODE ? f[col_postal]
            : by == BY_UAI ? f[col_uai] : f[col_dep];
      if (by == BY_DEPARTEMENT)
        {
          gboolean found = FALSE;

          for (guint w = 0; wanted_list[w] != NULL; w++)
            found = found || atoi (field) == atoi (wanted_list[w]);
          if (!found)
            continue;
        }
      else if (!g_strv_contains ((const char * const *) wanted_list, field))
        continue;
      sector = g_ascii_strdown (f[col_sector], -1);
      if (!g_str_has_prefix (sector, "public"))
        continue;

      tree = g_hash_table_lookup (years, f[col_uai]);
      if (tree == NULL)
        {
          tree = g_tree_new_full ((GCompareDataFunc) g_strcmp0, NULL, g_free, g_free);
          g_hash_table_insert (years, g_strdup (f[col_uai]), tree);
        }
      if (f[col_total][0] != '\0' && strspn (f[col_total], "0123456789") == strlen (f[col_total]))
        g_tree_insert (tree, g_strndup (f[col_year], 4), g_strdup (f[col_total]));
    }

  g_hash_table_iter_init (&iter, years);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GString *counts = g_string_new (NULL);
      GTreeNode *node;

      for (node = g_tree_node_first (value); node != NULL; node = g_tree_node_next (node))
        g_string_append_printf (counts, "%s%s:%s", counts->len > 0 ? ";" : "",
                                (char *) g_tree_node_key (node), (char *) g_tree_node_value (node));
      g_hash_table_insert (expected, g_strdup (key), g_string_free (counts, FALSE));
    }
  return expected;
}

typedef struct
{
  const char *fixture;
  SelectBy    by;
  const char *typed;      /* what the user gives */
  const char *in_file;    /* how the file writes it */
  guint       n_schools;  /* derived by hand from the fixture */
} SelectionCase;

static const SelectionCase selection_cases[] = {
  { "effectifs-2024-2026-labels.csv", BY_COMMUNE, "Hem", "HEM", 5 },
  { "effectifs-2024-2026-labels.csv", BY_COMMUNE, "Saint-André-lez-Lille", "ST ANDRE LEZ LILLE", 2 },
  { "effectifs-2024-2026-labels.csv", BY_POSTAL_CODE, "59350", "59350", 2 },
  { "effectifs-2024-2026-labels.csv", BY_UAI, "0590201g,0620001M,0590104D", "0590201G,0620001M,0590104D", 2 },
  { "effectifs-2024-2026-labels.csv", BY_DEPARTEMENT, "62", "062", 2 },
  { "effectifs-2024-2026-labels.csv", BY_COMMUNE, "Bouvines", "BOUVINES", 2 },
  { "effectifs-2024-2026-fields.csv", BY_COMMUNE, "saint andré lez lille", "ST ANDRE LEZ LILLE", 2 },
  { "effectifs-2024-2026-fields.csv", BY_POSTAL_CODE, "59510", "59510", 5 },
  { "effectifs-2024-2026-fields.csv", BY_UAI, "0590302K", "0590302K", 1 },
  { "effectifs-2024-2026-fields.csv", BY_DEPARTEMENT, "059", "059", 10 },
  { "effectifs-2024-2026-labels-cp1252.csv", BY_COMMUNE, "HEM", "HEM", 5 },
  { "effectifs-2024-2026-labels-cp1252.csv", BY_POSTAL_CODE, "59830", "59830", 2 },
  { "effectifs-2024-2026-labels-cp1252.csv", BY_UAI, "0590106F", "0590106F", 1 },
  { "effectifs-2024-2026-labels-cp1252.csv", BY_DEPARTEMENT, "62", "062", 2 },
};

static void
test_selection_case (gconstpointer data)
{
  const SelectionCase *c = data;
  g_auto(GStrv) typed = g_strsplit (c->typed, ",", -1);
  EntCsvSelection selection = { 0 };
  g_autoptr(EntCsvImport) import = NULL;
  g_autoptr(GHashTable) expected = expected_from_fixture (c->fixture, c->by, c->in_file);

  switch (c->by)
    {
    case BY_COMMUNE: selection.communes = (const char * const *) typed; break;
    case BY_POSTAL_CODE: selection.postal_codes = (const char * const *) typed; break;
    case BY_UAI: selection.uais = (const char * const *) typed; break;
    case BY_DEPARTEMENT: default: selection.departements = (const char * const *) typed; break;
    }
  import = parse_fixture (c->fixture, &selection);

  g_assert_cmpint (ent_csv_import_get_format (import), ==, ENT_CSV_FORMAT_OFFICIAL);
  g_assert_cmpuint (g_hash_table_size (expected), ==, c->n_schools);
  g_assert_cmpuint (ent_csv_import_get_n_schools (import), ==, c->n_schools);
  for (guint i = 0; i < ent_csv_import_get_n_schools (import); i++)
    {
      const EntCsvSchool *school = ent_csv_import_get_school (import, i);
      g_autofree char *counts = counts_string (school);

      g_assert_true (school->is_public);
      g_assert_cmpstr (counts, ==, g_hash_table_lookup (expected, school->uai));
    }
}

/* SPEC 12: PUBLIC / PRIVE, Public / Privé, Privé sous contrat; anything else
 * is left out with a warning, never an abort. */
static void
test_sector_folding (void)
{
  EntCsvSelection selection = { .communes = hem };
  EntCsvSelection with_private = { .communes = hem, .include_private = TRUE };
  g_autoptr(EntCsvImport) labels = parse_fixture ("effectifs-2024-2026-labels.csv", &selection);
  g_autoptr(EntCsvImport) fields = parse_fixture ("effectifs-2024-2026-fields.csv", &with_private);
  g_autoptr(EntCsvImport) odd = NULL;
  g_autoptr(GError) error = NULL;
  const char * const *warnings;

  /* « Privé sous contrat », three rentrées */
  g_assert_cmpuint (ent_csv_import_get_n_private_skipped (labels), ==, 3);
  g_assert_null (find_school (labels, "0590104D"));
  /* « PRIVE SOUS CONTRAT » on demand */
  assert_counts (fields, "0590104D", "2024:152;2025:150;2026:149");
  g_assert_false (find_school (fields, "0590104D")->is_public);

  odd = parse_text (LABELS_HEADER ROW ("2023", "0590001A", "12")
                    "2023;X;X;X;HEM;0590002B;E;X;Mixte;0;0;1;10\n", &selection, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ent_csv_import_get_n_schools (odd), ==, 1);
  warnings = ent_csv_import_get_warnings (odd);
  g_assert_cmpstr (warnings[0], ==, "test.csv:3: sector “Mixte” is neither public nor private: "
                   "the row is left out");
  g_assert_null (warnings[1]);
}

/* SPEC 12: a secret count (empty, "ss") leaves its school year unknown,
 * listed as a warning; the school is imported with what is known. */
static void
test_secret_counts (void)
{
  static const char * const bouvines[] = { "Bouvines", NULL };
  EntCsvSelection selection = { .communes = bouvines };
  g_autoptr(EntCsvImport) import = parse_fixture ("effectifs-2024-2026-fields.csv", &selection);
  g_autoptr(EntCsvImport) odd = NULL;
  g_autoptr(GError) error = NULL;
  EntCsvSelection by_hem = { .communes = hem };
  const char * const *warnings = ent_csv_import_get_warnings (import);

  assert_counts (import, "0590302K", "2025:6");
  assert_counts (import, "0590301J", "2024:48;2025:51;2026:47");
  /* 2026 rows on lines 2–14 (0590302K the 9th: 10), 2024 on 15–27 (0590302K the
   * 9th: 23), 2025 on 28–41 */
  g_assert_cmpuint (g_strv_length ((char **) warnings), ==, 2);
  g_assert_cmpstr (warnings[0], ==, "effectifs-2024-2026-fields.csv:10: the number of pupils of "
                   "0590302K in 2026/2027 is secret (empty): unknown, it will be projected");
  g_assert_cmpstr (warnings[1], ==, "effectifs-2024-2026-fields.csv:23: the number of pupils of "
                   "0590302K in 2024/2025 is secret (“ss”): unknown, it will be projected");

  /* "nc", "<5", "s" too */
  odd = parse_text (LABELS_HEADER ROW ("2021", "0590001A", "nc") ROW ("2022", "0590001A", "<5")
                    ROW ("2023", "0590001A", "S") ROW ("2024", "0590001A", "7"), &by_hem, &error);
  g_assert_no_error (error);
  assert_counts (odd, "0590001A", "2024:7");
  g_assert_cmpuint (g_strv_length ((char **) ent_csv_import_get_warnings (odd)), ==, 3);
}

/* SPEC 12: ST/STE ↔ SAINT/SAINTE; nothing matching lists the closest
 * communes of the file. */
static void
test_commune_abbreviations (void)
{
  static const char * const typo[] = { "Saint-André-les-Lille", NULL };
  static const char * const laurent[] = { "Saint-Laurent", NULL };
  EntCsvSelection selection = { .communes = typo };
  EntCsvSelection partial = { .communes = laurent };
  g_autoptr(GBytes) bytes = load_fixture ("effectifs-2024-2026-labels.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(EntCsvImport) import = NULL;
  g_autofree char *a = ent_csv_commune_key ("Saint-André-lez-Lille");
  g_autofree char *b = ent_csv_commune_key ("ST ANDRE LEZ LILLE");
  g_autofree char *c = ent_csv_commune_key ("STE-MARIE-KERQUE");
  g_autofree char *d = ent_csv_commune_key ("Stella-Plage");

  g_assert_cmpstr (a, ==, "saint andre lez lille");
  g_assert_cmpstr (b, ==, a);
  g_assert_cmpstr (c, ==, "sainte marie kerque");
  g_assert_cmpstr (d, ==, "stella plage");

  import = ent_csv_import_parse (bytes, "e.csv", &selection, &error);
  g_assert_null (import);
  g_assert_error (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_MISSING);
  g_assert_true (g_str_has_prefix (error->message, "e.csv: no school matches "
                                   "“Saint-André-les-Lille”; the closest communes of the file "
                                   "are “ST ANDRE LEZ LILLE”, "));
  g_clear_error (&error);

  import = ent_csv_import_parse (bytes, "e.csv", &partial, &error);
  g_assert_null (import);
  g_assert_true (g_str_has_prefix (error->message, "e.csv: no school matches “Saint-Laurent”; "
                                   "the closest communes of the file are “ST LAURENT BLANGY”, "));
}

/* SPEC 3: a school absent from the file's earlier rentrées opens at its
 * first; absent from the later ones, it closes after its last. */
static void
test_opens_and_closes (void)
{
  EntCsvSelection selection = { .communes = hem };
  g_autoptr(EntCsvImport) import = parse_fixture ("effectifs-2024-2026-labels.csv", &selection);

  g_assert_cmpint (find_school (import, "0590105E")->opens, ==, 0);
  g_assert_cmpint (find_school (import, "0590105E")->closes, ==, 2026);
  g_assert_cmpint (find_school (import, "0590106F")->opens, ==, 2025);
  g_assert_cmpint (find_school (import, "0590106F")->closes, ==, 0);
  g_assert_cmpint (find_school (import, "0590101A")->opens, ==, 0);
  g_assert_cmpint (find_school (import, "0590101A")->closes, ==, 0);
  /* the Windows-1252 copy reads the same names */
  {
    g_autoptr(EntCsvImport) cp1252 = parse_fixture ("effectifs-2024-2026-labels-cp1252.csv", &selection);

    g_assert_cmpstr (find_school (cp1252, "0590106F")->name, ==,
                     "ECOLE MATERNELLE PUBLIQUE L’ARC-EN-CIEL");
    g_assert_cmpuint (g_strv_length ((char **) ent_csv_import_get_warnings (cp1252)), ==, 1);
  }
}

/* SPEC 12, merge into the bundled example (Hem, contract 2023–2026, one
 * aggregate line of 1 209 pupils without UAI). */
static void
test_merge_into_example (void)
{
  EntCsvSelection selection = { .communes = hem };
  EntCsvSelection keeping = { .communes = hem, .keep_unmatched = TRUE };
  g_autoptr(EntCsvImport) import = parse_fixture ("effectifs-2024-2026-labels.csv", &selection);
  g_autoptr(EntCsvImport) import_keep = parse_fixture ("effectifs-2024-2026-labels.csv", &keeping);
  g_autoptr(EntDocument) example = ent_document_new_example ();
  g_autoptr(EntDocument) merged = NULL;
  g_autoptr(EntDocument) kept = NULL;
  g_autoptr(EntDocument) reloaded = NULL;
  g_autoptr(EntCsvTotals) totals = NULL;
  g_autoptr(GPtrArray) changes = ent_csv_import_preview (import, example);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  EntSchool *school;

  g_assert_cmpuint (count_kind (changes, ENT_CSV_CHANGE_REPLACED), ==, 1);
  g_assert_cmpuint (count_kind (changes, ENT_CSV_CHANGE_NEW_SCHOOL), ==, 5);
  /* 3 + 3 + 3 + 2 + 2 counts, all within 2023–2026 */
  g_assert_cmpuint (count_kind (changes, ENT_CSV_CHANGE_NEW_COUNT), ==, 13);
  g_assert_cmpuint (count_kind (changes, ENT_CSV_CHANGE_OPENS), ==, 1);
  g_assert_cmpuint (count_kind (changes, ENT_CSV_CHANGE_CLOSES), ==, 1);

  merged = ent_csv_import_to_document (import, example, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (ent_document_get_schools (merged)), ==, 5);
  school = ent_test_find_school (merged, "0590106F");
  g_assert_cmpint (ent_school_get_opens (school), ==, 2025);
  g_assert_cmpint (ent_school_get_count_source (school, 2025), ==, ENT_COUNT_SOURCE_OPEN_DATA);
  g_assert_cmpint (ent_school_get_closes (ent_test_find_school (merged, "0590105E")), ==, 2026);

  /* SPEC 10.6: it opens again */
  bytes = ent_document_to_bytes (merged, &error);
  g_assert_no_error (error);
  reloaded = ent_document_new_from_bytes (bytes, "merged.entbudget", &error);
  g_assert_no_error (error);
  g_assert_true (ent_document_equal (merged, reloaded));

  /* Totals of "Base seule" (1,30 €), by hand: before, 1 209 × 130 = 157 170 a
   * year, 628 680. After: 2024 and 2025 bill 2023/2024 and 2024/2025, where
   * each open school takes its 2024 count (0590106F opens in 2025):
   * 95 + 176 + 214 + 60 = 545 → 70 850; 2026 bills 2025/2026:
   * 92 + 170 + 210 + 55 + 40 = 567 → 73 710; 2027 bills 2026/2027:
   * 90 + 168 + 205 + 45 = 508 (0590105E closed) → 66 040; contract 281 450. */
  totals = ent_csv_import_compute_totals (import, example, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (totals->scenario, ==, "Base seule");
  g_assert_cmpuint (totals->n_years, ==, 4);
  g_assert_cmpint (totals->years[0].year, ==, 2024);
  g_assert_cmpint (totals->years[0].pupils_before, ==, 1209);
  g_assert_cmpint (totals->years[0].pupils_after, ==, 545);
  g_assert_cmpint (totals->years[1].pupils_after, ==, 545);
  g_assert_cmpint (totals->years[2].pupils_after, ==, 567);
  g_assert_cmpint (totals->years[3].pupils_after, ==, 508);
  g_assert_cmpint (totals->years[0].total_before, ==, 157170);
  g_assert_cmpint (totals->years[0].total_after, ==, 70850);
  g_assert_cmpint (totals->years[2].total_after, ==, 73710);
  g_assert_cmpint (totals->years[3].total_after, ==, 66040);
  g_assert_cmpint (totals->contract_before, ==, 628680);
  g_assert_cmpint (totals->contract_after, ==, 281450);

  /* --keep-unmatched keeps the aggregate line (and says so) */
  g_clear_pointer (&changes, g_ptr_array_unref);
  changes = ent_csv_import_preview (import_keep, example);
  g_assert_cmpuint (count_kind (changes, ENT_CSV_CHANGE_REPLACED), ==, 0);
  g_assert_cmpuint (count_kind (changes, ENT_CSV_CHANGE_NOT_IN_FILE), ==, 1);
  kept = ent_csv_import_to_document (import_keep, example, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (ent_document_get_schools (kept)), ==, 6);
}

/* SPEC 12: counts after the contract are ignored; before it, only the latest. */
static void
test_merge_contract_years (void)
{
  EntCsvSelection selection = { .communes = hem };
  g_autoptr(EntCsvImport) import = parse_fixture ("effectifs-2024-2026-fields.csv", &selection);
  g_autoptr(EntDocument) short_contract = ent_document_new_example ();
  g_autoptr(EntDocument) late_contract = ent_document_new_example ();
  g_autoptr(GPtrArray) changes = NULL;
  EntContract *contract;
  GDate start;

  /* 2023–2024: the 2025 and 2026 counts come after */
  ent_contract_set_school_years (ent_document_get_contract (short_contract), 2);
  changes = ent_csv_import_preview (import, short_contract);
  /* 0590101A–C: 2025, 2026; 0590105E: 2025; 0590106F: 2025, 2026 */
  g_assert_cmpuint (count_kind (changes, ENT_CSV_CHANGE_IGNORED_AFTER), ==, 9);
  g_assert_cmpuint (count_kind (changes, ENT_CSV_CHANGE_NEW_COUNT), ==, 4);
  ent_csv_import_apply (import, short_contract);
  assert_document_counts (short_contract, "0590101A", "2024:95");
  g_clear_pointer (&changes, g_ptr_array_unref);

  /* 2026 alone: 2024 comes before 2025, the latest before the contract */
  contract = ent_document_get_contract (late_contract);
  g_date_clear (&start, 1);
  g_date_set_dmy (&start, 1, G_DATE_JANUARY, 2027);
  ent_contract_set_first_school_year (contract, 2026);
  ent_contract_set_school_years (contract, 1);
  ent_contract_set_payment_start (contract, &start);
  changes = ent_csv_import_preview (import, late_contract);
  /* 0590101A–C and 0590105E: 2024 */
  g_assert_cmpuint (count_kind (changes, ENT_CSV_CHANGE_IGNORED_BEFORE), ==, 4);
  ent_csv_import_apply (import, late_contract);
  assert_document_counts (late_contract, "0590101A", "2025:92;2026:90");
  assert_document_counts (late_contract, "0590105E", "2025:55");
  {
    g_autofree char *text = NULL;

    for (guint i = 0; i < changes->len; i++)
      {
        EntCsvChange *change = g_ptr_array_index (changes, i);

        if (change->kind == ENT_CSV_CHANGE_IGNORED_BEFORE && text == NULL)
          text = ent_csv_change_describe (change);
      }
    g_assert_cmpstr (text, ==, "ECOLE MATERNELLE PUBLIQUE JULES FERRY (0590101A), 2024/2025: "
                     "95 pupils, before the contract and not the latest: ignored");
  }
}

/* Template */

static void
test_template (void)
{
  g_autoptr(EntCsvImport) import = parse_fixture ("template.csv", NULL);
  g_autoptr(EntDocument) base = make_base ();
  g_autoptr(GPtrArray) changes = NULL;
  const EntCsvSchool *centre;

  g_assert_cmpint (ent_csv_import_get_format (import), ==, ENT_CSV_FORMAT_TEMPLATE);
  g_assert_cmpuint (ent_csv_import_get_n_schools (import), ==, 3);
  /* the UAI in upper case, an empty cell is an unknown count */
  assert_counts (import, "0590101A", "2023:95;2024:97");
  assert_counts (import, "0590102B", "2023:176");
  centre = ent_csv_import_get_school (import, 2);
  g_assert_cmpstr (centre->uai, ==, "");
  g_assert_cmpstr (centre->name, ==, "École du Centre");
  g_assert_cmpstr (centre->commune, ==, "Hem");

  g_assert_cmpuint (ent_csv_import_apply (import, base), ==, 5);
  assert_document_counts (base, "0590101a", "2021:100;2023:95;2024:97");
  /* the aggregate line of Hem replaced, École du Centre added */
  g_assert_cmpuint (g_list_model_get_n_items (ent_document_get_schools (base)), ==, 3);
  /* a template is typed by a person: its counts are manual */
  g_assert_cmpint (ent_school_get_count_source (ent_test_find_school (base, "0590102B"), 2023), ==,
                   ENT_COUNT_SOURCE_MANUAL);
  /* a school without UAI is found again by its name in its commune */
  changes = ent_csv_import_preview (import, base);
  g_assert_cmpuint (count_kind (changes, ENT_CSV_CHANGE_UNCHANGED), ==, 5);
  g_assert_cmpuint (count_kind (changes, ENT_CSV_CHANGE_NEW_SCHOOL), ==, 0);
}

static void
test_template_variants (void)
{
  static const char * const croix[] = { "Croix", NULL };
  EntCsvSelection selection = { .communes = croix };
  g_autoptr(GError) error = NULL;
  g_autoptr(EntCsvImport) import = NULL;

  /* "name" header, no commune column: the selection's commune; ',' separator;
   * "2023-2024" as a year header */
  import = parse_text ("name,uai,2023-2024\r\nJean Jaurès,0591234K,\"1\"\r\n\r\n", &selection, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ent_csv_import_get_n_schools (import), ==, 1);
  g_assert_cmpstr (ent_csv_import_get_school (import, 0)->commune, ==, "Croix");
  assert_counts (import, "0591234K", "2023:1");
  g_clear_pointer (&import, ent_csv_import_free);

  /* a commune column filters */
  import = parse_text ("ecole;uai;commune;2023\nA;;Croix;10\nB;;Hem;20\n", &selection, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ent_csv_import_get_n_schools (import), ==, 1);
  g_assert_cmpstr (ent_csv_import_get_school (import, 0)->name, ==, "A");
}

/* Quoted line breaks do not shift the line numbers of later errors. */
static void
test_quoted_line_breaks (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EntCsvImport) import = NULL;

  import = parse_text ("école;uai;2023\n\"École\ndu Parc\";0590001A;12\nX;0590002B;douze\n",
                       NULL, &error);
  g_assert_null (import);
  g_assert_error (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_INVALID_VALUE);
  g_assert_cmpstr (error->message, ==,
                   "test.csv:4: column “2023”: “douze” is not a whole number of pupils");
  g_clear_error (&error);

  import = parse_text ("école;uai;2023\n\"École\ndu \"\"Parc\"\"\";0590001A;12\n", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ent_csv_import_get_school (import, 0)->name, ==, "École du \"Parc\"");
}

/* A bad row outside the selection does not block the import. */
static void
test_other_communes_not_validated (void)
{
  g_autoptr(GBytes) bytes = load_fixture ("effectifs-labels.csv");
  g_autoptr(GString) text = g_string_new_len (g_bytes_get_data (bytes, NULL),
                                              g_bytes_get_size (bytes));
  EntCsvSelection selection = { .communes = hem };
  g_autoptr(GError) error = NULL;
  g_autoptr(EntCsvImport) import = NULL;

  g_string_append (text, "2023;X;X;X;LILLE;pas un UAI;ECOLE;X;Public;0;0;1;beaucoup\r\n");
  import = parse_text (text->str, &selection, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ent_csv_import_get_n_schools (import), ==, 3);
}

/* Errors */

#define COLUMN_TOTAL "column “Nombre total d'élèves (nombre_total_eleves)”"

typedef struct
{
  const char    *name;
  const char    *text;
  EntModelError  code;
  const char    *message;
} ErrorCase;

static const ErrorCase error_cases[] = {
  { "empty", "", ENT_MODEL_ERROR_PARSE,
    "test.csv:1: the file is empty: a header line is expected" },
  { "neither-utf8-nor-1252", "école;uai;2023\nA;0590001A;1\n\xc9" "cole B;0590002B;2\n\x81\n",
    ENT_MODEL_ERROR_PARSE,
    "test.csv:4: the file is neither UTF-8 nor Windows-1252 text: open it in a spreadsheet "
    "or a text editor and save it again as “CSV UTF-8”" },
  { "missing-total",
    "Rentrée scolaire;Commune;Numéro de l'école;Dénomination principale;Patronyme;Secteur;Code Postal\n"
    "2023;HEM;0590001A;ECOLE;X;Public;59510\n",
    ENT_MODEL_ERROR_MISSING,
    "test.csv:1: the column “Nombre total d'élèves (nombre_total_eleves)” is missing" },
  { "unknown-format", "a;b;c\n1;2;3\n", ENT_MODEL_ERROR_MISSING,
    "test.csv:1: neither the Ministry’s dataset (no column “Rentrée scolaire (rentree_scolaire)”) "
    "nor the template (no column “école”, “uai” or a school year)" },
  { "template-no-uai-column", "école;2023\nA;1\n", ENT_MODEL_ERROR_MISSING,
    "test.csv:1: the column “uai” is missing" },
  { "non-numeric", LABELS_HEADER ROW ("2022", "0590001A", "12") ROW ("2023", "0590001A", "douze"),
    ENT_MODEL_ERROR_INVALID_VALUE,
    "test.csv:3: " COLUMN_TOTAL ": “douze” is not a whole number of pupils" },
  { "decimal", LABELS_HEADER ROW ("2023", "0590001A", "12.5"), ENT_MODEL_ERROR_INVALID_VALUE,
    "test.csv:2: " COLUMN_TOTAL ": “12.5” is not a whole number of pupils" },
  { "negative", LABELS_HEADER ROW ("2023", "0590001A", "-5"), ENT_MODEL_ERROR_OUT_OF_RANGE,
    "test.csv:2: " COLUMN_TOTAL ": -5 pupils is negative" },
  { "too-many", LABELS_HEADER ROW ("2023", "0590001A", "100001"), ENT_MODEL_ERROR_OUT_OF_RANGE,
    "test.csv:2: " COLUMN_TOTAL ": 100001 pupils is more than 100000 in one school" },
  { "duplicate", LABELS_HEADER ROW ("2023", "0590001A", "12") ROW ("2023", "0590002B", "12")
    ROW ("2023-09-01", "0590001a", "13"), ENT_MODEL_ERROR_DUPLICATE,
    "test.csv:4: column “Rentrée scolaire (rentree_scolaire)”: the school 0590001A already has "
    "a count for the rentrée 2023, on line 2" },
  { "bad-uai", LABELS_HEADER ROW ("2023", "059001A", "12"), ENT_MODEL_ERROR_INVALID_VALUE,
    "test.csv:2: column “Numéro de l'école (numero_ecole)”: “059001A” is not a UAI "
    "(7 digits and a letter, e.g. 0590123A)" },
  { "no-uai", LABELS_HEADER ROW ("2023", "", "12"), ENT_MODEL_ERROR_MISSING,
    "test.csv:2: column “Numéro de l'école (numero_ecole)”: the school has no UAI" },
  { "bad-rentree", LABELS_HEADER ROW ("vingt", "0590001A", "12"), ENT_MODEL_ERROR_INVALID_VALUE,
    "test.csv:2: column “Rentrée scolaire (rentree_scolaire)”: “vingt” is not a rentrée "
    "(a year such as 2023 or a date such as 2023-09-01)" },
  { "old-rentree", LABELS_HEADER ROW ("1999", "0590001A", "12"), ENT_MODEL_ERROR_OUT_OF_RANGE,
    "test.csv:2: column “Rentrée scolaire (rentree_scolaire)”: 1999 is not a school year "
    "between 2000 and 2109" },
  { "unclosed-quote", LABELS_HEADER ROW ("2023", "0590001A", "12") "2023;\"HEM;X\n",
    ENT_MODEL_ERROR_PARSE, "test.csv:3: a quoted field is not closed (a “\"” is missing)" },
  { "no-match", LABELS_HEADER "2023;X;X;X;ROUBAIX;0590001A;E;X;Public;0;0;1;10\n",
    ENT_MODEL_ERROR_MISSING,
    "test.csv: no school matches “Hem”; the closest communes of the file are “ROUBAIX”" },
  { "only-private", LABELS_HEADER "2023;X;X;X;HEM;0590001A;E;X;Privé;0;0;1;10\n",
    ENT_MODEL_ERROR_MISSING,
    "test.csv: no public school matches “Hem” (1 private school was left out)" },
  { "template-duplicate", "école;uai;2023;2024\nA;0590001A;1;2\nB;0590001A;;3\n",
    ENT_MODEL_ERROR_DUPLICATE,
    "test.csv:3: column “2024”: the school 0590001A already has a count for the rentrée 2024, "
    "on line 2" },
  { "template-no-name", "école;uai;2023\n;0590001A;1\n", ENT_MODEL_ERROR_MISSING,
    "test.csv:2: column “école”: the school has no name" },
  { "template-year-twice", "école;uai;2023;2023/2024\nA;0590001A;1;2\n", ENT_MODEL_ERROR_DUPLICATE,
    "test.csv:1: column “2023/2024”: school year 2023 has two columns" },
  { "template-count", "école;uai;2023\nA;0590001A;1 200\n", ENT_MODEL_ERROR_INVALID_VALUE,
    "test.csv:2: column “2023”: “1 200” is not a whole number of pupils" },
};

static void
test_error_case (gconstpointer data)
{
  const ErrorCase *error_case = data;
  EntCsvSelection selection = { .communes = hem };
  g_autoptr(GError) error = NULL;
  g_autoptr(EntCsvImport) import = parse_text (error_case->text, &selection, &error);

  g_assert_null (import);
  g_assert_error (error, ENT_MODEL_ERROR, (int) error_case->code);
  g_assert_cmpstr (error->message, ==, error_case->message);
}

/* SPEC 12: a file that is not UTF-8 is read as Windows-1252, with a warning
 * naming the first line that is not UTF-8. */
static void
test_latin1_file (void)
{
  g_autoptr(GBytes) bytes = load_fixture ("effectifs-latin1.csv");
  EntCsvSelection selection = { .communes = hem };
  g_autoptr(GError) error = NULL;
  g_autoptr(EntCsvImport) import = ent_csv_import_parse (bytes, "effectifs-latin1.csv",
                                                         &selection, &error);
  g_autoptr(EntCsvImport) utf8 = parse_fixture ("effectifs-labels.csv", &selection);
  const char * const *warnings;

  g_assert_no_error (error);
  g_assert_cmpuint (ent_csv_import_get_n_schools (import), ==, ent_csv_import_get_n_schools (utf8));
  assert_counts (import, "0590103C", "2022:210;2023:214");
  warnings = ent_csv_import_get_warnings (import);
  g_assert_cmpuint (g_strv_length ((char **) warnings), ==, 1);
  g_assert_cmpstr (warnings[0], ==, "effectifs-latin1.csv:1: the file is not UTF-8: it was read "
                   "as Windows-1252 (what Excel writes in French); check the accents of the names");
  g_assert_cmpuint (g_strv_length ((char **) ent_csv_import_get_warnings (utf8)), ==, 0);
}

static void
test_official_needs_selection (void)
{
  g_autoptr(GBytes) bytes = load_fixture ("effectifs-fields.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(EntCsvImport) import = ent_csv_import_parse (bytes, "f.csv", NULL, &error);
  static const char * const codes[] = { "59510", NULL };
  EntCsvSelection by_code = { .postal_codes = codes };

  g_assert_null (import);
  g_assert_error (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_MISSING);
  g_clear_error (&error);

  /* selecting by postal code needs the column */
  import = parse_text ("rentree_scolaire;commune;numero_ecole;denomination_principale;secteur;"
                       "nombre_total_eleves\n2023;HEM;0590001A;E;public;1\n", &by_code, &error);
  g_assert_null (import);
  g_assert_error (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_MISSING);
  g_assert_cmpstr (error->message, ==, "test.csv:1: the column “Code Postal (code_postal)” is "
                   "missing (needed to select by postal code)");
}

/* Nothing is imported unless everything is valid: an error on the last line
 * gives no result, and the document is left exactly as it was. */
static void
test_failed_import_changes_nothing (void)
{
  g_autoptr(GBytes) bytes = load_fixture ("effectifs-labels.csv");
  g_autoptr(GString) text = g_string_new_len (g_bytes_get_data (bytes, NULL),
                                              g_bytes_get_size (bytes));
  EntCsvSelection selection = { .communes = hem };
  g_autoptr(EntDocument) base = make_base ();
  g_autofree char *before = document_data (base);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EntCsvImport) import = NULL;

  g_string_append (text, ROW ("2024", "0590101A", "-1"));
  import = parse_text (text->str, &selection, &error);
  g_assert_null (import);
  g_assert_error (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_OUT_OF_RANGE);
  g_assert_true (g_str_has_prefix (error->message, "test.csv:17: "));

  after = document_data (base);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (ent_document_get_modified (base));
}

static void
test_load_file (void)
{
  g_autofree char *path = g_build_filename (IMPORT_FIXTURES, "effectifs-fields.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/effectifs.csv");
  EntCsvSelection selection = { .communes = hem };
  g_autoptr(GError) error = NULL;
  g_autoptr(EntCsvImport) import = ent_csv_import_load_file (file, &selection, NULL, &error);
  g_autoptr(EntCsvImport) none = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (ent_csv_import_get_n_schools (import), ==, 3);

  none = ent_csv_import_load_file (missing, &selection, NULL, &error);
  g_assert_null (none);
  g_assert_error (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_IO);
  g_assert_true (g_str_has_prefix (error->message, "/nonexistent/effectifs.csv: "));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/official/labels-by-commune", test_labels_by_commune);
  g_test_add_func ("/import/official/fields-by-postal-code", test_fields_by_postal_code);
  g_test_add_func ("/import/official/both-headers-agree", test_both_headers_agree);
  g_test_add_func ("/import/official/commune-names", test_commune_names_compare_loosely);
  g_test_add_func ("/import/official/private-on-demand", test_private_schools_on_demand);
  g_test_add_func ("/import/official/commune-and-postal-code", test_commune_and_postal_code);
  g_test_add_func ("/import/official/other-communes-not-validated", test_other_communes_not_validated);
  g_test_add_func ("/import/official/needs-selection", test_official_needs_selection);
  g_test_add_func ("/import/document/one-commune", test_new_document_one_commune);
  g_test_add_func ("/import/document/several-communes", test_new_document_several_communes);
  g_test_add_func ("/import/merge/preview-and-apply", test_merge_preview_and_apply);
  g_test_add_func ("/import/merge/second-commune", test_merge_second_commune);
  g_test_add_func ("/import/document/always-opens", test_result_always_opens);
  g_test_add_func ("/import/template/basic", test_template);
  g_test_add_func ("/import/template/variants", test_template_variants);
  g_test_add_func ("/import/csv/quoted-line-breaks", test_quoted_line_breaks);
  g_test_add_func ("/import/error/latin1-file", test_latin1_file);
  g_test_add_func ("/import/error/nothing-changed", test_failed_import_changes_nothing);
  g_test_add_func ("/import/file", test_load_file);
  g_test_add_func ("/import/official/commune-spelling-trimmed", test_commune_spelling_trimmed);
  g_test_add_func ("/import/2024/sector-folding", test_sector_folding);
  g_test_add_func ("/import/2024/secret-counts", test_secret_counts);
  g_test_add_func ("/import/2024/commune-abbreviations", test_commune_abbreviations);
  g_test_add_func ("/import/2024/opens-and-closes", test_opens_and_closes);
  g_test_add_func ("/import/2024/merge-into-example", test_merge_into_example);
  g_test_add_func ("/import/2024/merge-contract-years", test_merge_contract_years);
  g_test_add_func ("/import/level/from-denomination", test_levels_from_denomination);
  g_test_add_func ("/import/level/merge-and-undo", test_levels_merge_and_undo);
  for (guint i = 0; i < G_N_ELEMENTS (selection_cases); i++)
    {
      static const char * const by[] = { "commune", "postal-code", "uai", "departement" };
      g_autofree char *path = g_strdup_printf ("/import/2024/selection/%u-%s", i,
                                               by[selection_cases[i].by]);

      g_test_add_data_func (path, &selection_cases[i], test_selection_case);
    }
  for (guint i = 0; i < G_N_ELEMENTS (error_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/import/error/%s", error_cases[i].name);

      g_test_add_data_func (path, &error_cases[i], test_error_case);
    }

  return g_test_run ();
}
