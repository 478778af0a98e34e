/* test-csv-import.c: the Ministry's dataset and the template, merging, errors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The fixtures (fixtures/) carry the real header lines of the dataset "Effectifs
 * d'élèves par niveau et nombre de classes par école – premier degré": the
 * French label header (UTF-8 with BOM, CRLF) and the field-name header of a
 * newer release (extra columns in another order, dates as rentrée, no BOM);
 * the same label file in Latin-1; and the template. Schools (UAIs are made up):
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
#include <string.h>

#include "ent-budget.h"
#include "ent-csv-import.h"

static const char * const hem[] = { "Hem", NULL };

static GBytes *
load_fixture (const char *name)
{
  g_autofree char *path = g_build_filename (IMPORT_FIXTURES, name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
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

static EntSchool *
document_school (EntDocument *document,
                 const char  *uai)
{
  GListModel *schools = ent_document_get_schools (document);

  for (guint i = 0; i < g_list_model_get_n_items (schools); i++)
    {
      g_autoptr(EntSchool) school = g_list_model_get_item (schools, i);

      if (g_str_equal (ent_school_get_uai (school), uai))
        return school; /* the document keeps a reference */
    }
  return NULL;
}

static void
assert_document_counts (EntDocument *document,
                        const char  *uai,
                        const char  *expected)
{
  EntSchool *school = document_school (document, uai);
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
  g_assert_cmpstr (ent_school_get_commune (document_school (document, "0590101A")), ==, "Hem");
  g_assert_cmpstr (ent_school_get_name (document_school (document, "0590101A")), ==,
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
  /* the example's aggregate school of Hem has no UAI: flagged, kept */
  g_assert_cmpuint (count_kind (changes, ENT_CSV_CHANGE_NOT_IN_FILE), ==, 1);
  change = g_ptr_array_index (changes, changes->len - 1);
  g_assert_cmpint (change->kind, ==, ENT_CSV_CHANGE_NOT_IN_FILE);
  g_assert_cmpstr (change->name, ==, "Écoles publiques de Hem (11 écoles)");

  n_changed = ent_csv_import_apply (import, base);
  g_assert_cmpuint (n_changed, ==, 6);
  g_assert_true (ent_document_get_modified (base));
  g_assert_cmpuint (g_list_model_get_n_items (ent_document_get_schools (base)), ==, 4);
  /* the known school keeps its name, its commune and its other years */
  assert_document_counts (base, "0590101a", "2021:100;2022:98;2023:95");
  g_assert_cmpstr (ent_school_get_name (document_school (base, "0590101a")), ==,
                   "Maternelle Jules-Ferry");
  assert_document_counts (base, "0590103C", "2022:210;2023:214");
  g_assert_cmpstr (ent_school_get_commune (document_school (base, "0590103C")), ==, "Hem");
  /* still one commune */
  g_assert_cmpint (ent_document_get_payer_kind (base), ==, ENT_PAYER_COMMUNE);

  /* applying again changes nothing */
  again = ent_csv_import_preview (import, base);
  g_assert_cmpuint (count_kind (again, ENT_CSV_CHANGE_UNCHANGED), ==, 6);
  g_assert_cmpuint (again->len, ==, 7);
  g_assert_cmpuint (ent_csv_import_apply (import, base), ==, 0);
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
  g_autoptr(GError) error = NULL;
  g_autoptr(EntCsvImport) import = NULL;
  g_autoptr(EntDocument) document = NULL;
  g_autoptr(EntDocument) base = NULL;
  g_autofree char *title = NULL;
  gsize base_size = 0;

  /* A name with a C1 control (U+0085, NEL), which the loader refuses */
  import = parse_text ("ecole;uai;commune;2023\nA\xc2\x85" "B;;Croix;10\n", &selection, &error);
  g_assert_no_error (error);
  document = ent_csv_import_to_document (import, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_INVALID_VALUE);
  g_assert_nonnull (strstr (error->message, "[School 1] name: "));
  g_assert_nonnull (strstr (error->message, "U+0085"));
  g_clear_error (&error);
  g_clear_pointer (&import, ent_csv_import_free);

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
  g_assert_cmpuint (g_list_model_get_n_items (ent_document_get_schools (base)), ==, 4);
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
  { "latin1-row", "école;uai;2023\nA;0590001A;1\n\xc9" "cole B;0590002B;2\n", ENT_MODEL_ERROR_PARSE,
    "test.csv:3: the file is not UTF-8 text (it may be Latin-1 or Windows-1252): open it in "
    "a spreadsheet or a text editor and save it again as “CSV UTF-8”" },
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
  { "empty-count", LABELS_HEADER ROW ("2023", "0590001A", ""), ENT_MODEL_ERROR_MISSING,
    "test.csv:2: " COLUMN_TOTAL ": the number of pupils is missing" },
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
    "test.csv:2: column “Rentrée scolaire (rentree_scolaire)”: school year 1999 is not between "
    "2000 and 2100" },
  { "unclosed-quote", LABELS_HEADER ROW ("2023", "0590001A", "12") "2023;\"HEM;X\n",
    ENT_MODEL_ERROR_PARSE, "test.csv:3: a quoted field is not closed (a “\"” is missing)" },
  { "no-match", LABELS_HEADER "2023;X;X;X;ROUBAIX;0590001A;E;X;Public;0;0;1;10\n",
    ENT_MODEL_ERROR_MISSING, "test.csv: no school matches “Hem”" },
  { "only-private", LABELS_HEADER "2023;X;X;X;HEM;0590001A;E;X;Privé;0;0;1;10\n",
    ENT_MODEL_ERROR_MISSING,
    "test.csv: no public school matches “Hem” (1 private school was left out)" },
  { "bad-sector", LABELS_HEADER "2023;X;X;X;HEM;0590001A;E;X;Mixte;0;0;1;10\n",
    ENT_MODEL_ERROR_INVALID_VALUE,
    "test.csv:2: column “Secteur (secteur)”: “Mixte” is neither “Public” nor “Privé”" },
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

static void
test_latin1_file (void)
{
  g_autoptr(GBytes) bytes = load_fixture ("effectifs-latin1.csv");
  EntCsvSelection selection = { .communes = hem };
  g_autoptr(GError) error = NULL;
  g_autoptr(EntCsvImport) import = ent_csv_import_parse (bytes, "effectifs-latin1.csv",
                                                         &selection, &error);

  g_assert_null (import);
  g_assert_error (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_PARSE);
  g_assert_true (g_str_has_prefix (error->message, "effectifs-latin1.csv:1: the file is not UTF-8"));
  g_assert_nonnull (strstr (error->message, "UTF-8”"));
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
  for (guint i = 0; i < G_N_ELEMENTS (error_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/import/error/%s", error_cases[i].name);

      g_test_add_data_func (path, &error_cases[i], test_error_case);
    }

  return g_test_run ();
}
