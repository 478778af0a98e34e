/* test-scdl.c: the open-data budget lines (SPEC 13), checked against the
 * rules of the schema scdl/budget 0.8.3 (schema.data.gouv.fr)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The validator below is written from the schema's documentation, not from
 * the exporter: its columns in order; required fields non-empty (BGT_NATDEC,
 * BGT_ANNEE, BGT_SIRET, BGT_NOM, BGT_CONTNAT, BGT_CONTNAT_LABEL, BGT_NATURE,
 * BGT_NATURE_LABEL, BGT_SECTION, BGT_OPBUDG, BGT_CODRD); the allowed values
 * of BGT_NATDEC, BGT_SECTION, BGT_OPBUDG, BGT_CODRD, BGT_ARTSPE; BGT_SIRET
 * ^\d{14}$ (and its Luhn key, SPEC 13); BGT_ANNEE a year; the codes 1 to 9
 * characters; the amounts numbers with a dot. The expected rows are Hem's
 * figures by hand (SPEC 2 and 4): 1 209 pupils × 1,30 € = 1 571,70 € base,
 * × 0,30 € = 362,70 € optional, 2 half-days × 150 € = 300,00 € specific.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "ent-scdl-export.h"
#include "ent-test-utils.h"

#define SIRET "21590299000013"   /* synthetic, Luhn key right: see test-validate.c */

static const char *const schema_columns[] = {
  "BGT_NATDEC", "BGT_ANNEE", "BGT_SIRET", "BGT_NOM", "BGT_CONTNAT", "BGT_CONTNAT_LABEL",
  "BGT_NATURE", "BGT_NATURE_LABEL", "BGT_FONCTION", "BGT_FONCTION_LABEL", "BGT_OPERATION",
  "BGT_SECTION", "BGT_OPBUDG", "BGT_CODRD", "BGT_MTREAL", "BGT_MTBUDGPREC", "BGT_MTRARPREC",
  "BGT_MTPROPNOUV", "BGT_MTPREV", "BGT_CREDOUV", "BGT_MTRAR3112", "BGT_ARTSPE",
};
#define N_COLUMNS G_N_ELEMENTS (schema_columns)

enum {
  NATDEC, ANNEE, SIRET_COL, NOM, CONTNAT, CONTNAT_LABEL, NATURE, NATURE_LABEL, FONCTION,
  FONCTION_LABEL, OPERATION, SECTION, OPBUDG, CODRD, MTREAL, MTBUDGPREC, MTRARPREC,
  MTPROPNOUV, MTPREV, CREDOUV, MTRAR3112, ARTSPE,
};

static const guint required[] = {
  NATDEC, ANNEE, SIRET_COL, NOM, CONTNAT, CONTNAT_LABEL, NATURE, NATURE_LABEL, SECTION, OPBUDG, CODRD,
};
static const guint numbers[] = { MTREAL, MTBUDGPREC, MTRARPREC, MTPROPNOUV, MTPREV, CREDOUV, MTRAR3112 };
static const guint codes[] = { CONTNAT, NATURE, FONCTION };

typedef struct
{
  guint              column;
  const char *const *values;
} Enumeration;

static const char *const natdec_values[] = {
  "budget primitif", "budget supplémentaire", "décision modificative", "compte administratif", NULL
};
static const char *const section_values[] = { "investissement", "fonctionnement", NULL };
static const char *const opbudg_values[] = { "réel", "ordre", NULL };
static const char *const codrd_values[] = { "recette", "dépense", NULL };
static const char *const artspe_values[] = { "non spécialisé", "spécialisé", NULL };

static const Enumeration enumerations[] = {
  { NATDEC, natdec_values }, { SECTION, section_values }, { OPBUDG, opbudg_values },
  { CODRD, codrd_values }, { ARTSPE, artspe_values },
};

/* RFC 4180: fields separated by commas, quoted when they hold a comma, a
 * quote or a line break, quotes doubled; records end with CRLF. */
static GPtrArray *
parse_csv (const char *text)
{
  GPtrArray *records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *record = g_ptr_array_new_with_free_func (g_free);
  GString *field = g_string_new (NULL);
  const char *p = text;

  while (*p != '\0')
    {
      if (*p == '"' && field->len == 0)
        {
          for (p++; !(*p == '"' && p[1] != '"'); p++)
            {
              g_assert_true (*p != '\0');
              if (*p == '"')
                p++;
              g_string_append_c (field, *p);
            }
          p++;
        }
      else if (*p == ',')
        {
          g_ptr_array_add (record, g_string_free (field, FALSE));
          field = g_string_new (NULL);
          p++;
        }
      else if (*p == '\r')
        {
          g_assert_cmpint (p[1], ==, '\n');
          g_ptr_array_add (record, g_string_free (field, FALSE));
          field = g_string_new (NULL);
          g_ptr_array_add (records, record);
          record = g_ptr_array_new_with_free_func (g_free);
          p += 2;
        }
      else
        {
          g_assert_cmpint (*p, !=, '\n');   /* a bare LF: not a CRLF record */
          g_string_append_c (field, *p++);
        }
    }
  /* the last record ends with CRLF too */
  g_assert_cmpuint (field->len, ==, 0);
  g_assert_cmpuint (record->len, ==, 0);
  g_string_free (field, TRUE);
  g_ptr_array_unref (record);
  return records;
}

static gboolean
matches (const char *pattern,
         const char *text)
{
  return g_regex_match_simple (pattern, text, 0, 0);
}

static gboolean
luhn_ok (const char *digits)
{
  guint sum = 0, n = strlen (digits);

  for (guint i = 0; i < n; i++)
    {
      guint d = digits[n - 1 - i] - '0';

      if (i % 2 == 1)
        d = d * 2 > 9 ? d * 2 - 9 : d * 2;
      sum += d;
    }
  return sum % 10 == 0;
}

/* The schema's rules on every record; returns the rows (without the header). */
static GPtrArray *
validate (const char *text)
{
  GPtrArray *records;
  GPtrArray *header;

  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_assert_false (g_str_has_prefix (text, "\xef\xbb\xbf"));
  records = parse_csv (text);
  g_assert_cmpuint (records->len, >=, 1);

  header = g_ptr_array_index (records, 0);
  g_assert_cmpuint (header->len, ==, N_COLUMNS);
  for (guint c = 0; c < N_COLUMNS; c++)
    g_assert_cmpstr (g_ptr_array_index (header, c), ==, schema_columns[c]);

  for (guint r = 1; r < records->len; r++)
    {
      GPtrArray *row = g_ptr_array_index (records, r);
      const char *const *f = (const char *const *) row->pdata;

      g_assert_cmpuint (row->len, ==, N_COLUMNS);
      for (guint i = 0; i < G_N_ELEMENTS (required); i++)
        if (*f[required[i]] == '\0')
          g_error ("row %u: %s is required", r, schema_columns[required[i]]);
      for (guint i = 0; i < G_N_ELEMENTS (enumerations); i++)
        {
          const char *value = f[enumerations[i].column];

          if (*value != '\0' && !g_strv_contains (enumerations[i].values, value))
            g_error ("row %u: “%s” is not allowed in %s", r, value, schema_columns[enumerations[i].column]);
        }
      g_assert_true (matches ("^\\d{14}$", f[SIRET_COL]));
      g_assert_true (luhn_ok (f[SIRET_COL]));
      g_assert_true (matches ("^\\d{4}$", f[ANNEE]));
      for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
        if (*f[codes[i]] != '\0')
          g_assert_true (matches ("^.{1,9}$", f[codes[i]]));
      for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
        if (*f[numbers[i]] != '\0')
          g_assert_true (matches ("^-?\\d+(\\.\\d+)?$", f[numbers[i]]));
    }

  g_ptr_array_remove_index (records, 0);
  return records;
}

static EntDocument *
hem_with_siret (void)
{
  EntDocument *document = ent_document_new_example ();

  ent_document_set_siret (document, SIRET);
  return document;
}

/* Rows of one budget year: 65548 "Autres contributions", chapter 65, function 21 */
static const char *
cell (GPtrArray *rows,
      guint      row,
      guint      column)
{
  return g_ptr_array_index ((GPtrArray *) g_ptr_array_index (rows, row), column);
}

static void
assert_row (GPtrArray  *rows,
            guint       index,
            const char *year,
            const char *amount)
{
  const char *const expected[N_COLUMNS] = {
    "budget primitif", year, SIRET, "Ville de Hem", "65548", "Autres contributions",
    "65", "Autres charges de gestion courante", "21", "Enseignement du premier degré", "",
    "fonctionnement", "réel", "dépense", "", "", "", amount, "", "", "", "",
  };
  GPtrArray *row = g_ptr_array_index (rows, index);

  for (guint c = 0; c < N_COLUMNS; c++)
    g_assert_cmpstr (g_ptr_array_index (row, c), ==, expected[c]);
}

static void
test_hem_scenarios (void)
{
  g_autoptr(EntDocument) document = hem_with_siret ();
  static const char *const years[] = { "2024", "2025", "2026", "2027" };

  for (guint s = 0; s < 3; s++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *text = ent_scdl_build (document, ent_test_scenario_at (document, s), &error);
      g_autoptr(GPtrArray) rows = NULL;
      guint per_year = s + 1;   /* base; + optional; + specific */

      g_assert_no_error (error);
      rows = validate (text);
      g_assert_cmpuint (rows->len, ==, 4 * per_year);
      for (guint y = 0; y < 4; y++)
        {
          assert_row (rows, y * per_year, years[y], "1571.70");
          if (per_year > 1)
            assert_row (rows, y * per_year + 1, years[y], "362.70");
          if (per_year > 2)
            assert_row (rows, y * per_year + 2, years[y], "300.00");
        }
    }
}

/* SPEC 5, split-functions: Hem's 1 209 pupils as a maternelle and a
 * primaire school of 100 pupils: the base line 1 309 × 1,30 = 1 701,70 is two
 * rows, 211 « Écoles maternelles » 1 209 × 1,30 = 1 571,70 and 212 « Écoles
 * primaires » 100 × 1,30 = 130,00. */
static void
test_split_functions (void)
{
  g_autoptr(EntDocument) document = hem_with_siret ();
  g_autoptr(EntSchool) primaire = ent_school_new ("École primaire", "Hem");
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  ent_school_set_level (ent_test_school_at (document, 0), ENT_SCHOOL_LEVEL_MATERNELLE);
  ent_school_set_known_pupils (primaire, 2023, 100);
  ent_school_set_level (primaire, ENT_SCHOOL_LEVEL_PRIMAIRE);
  ent_document_add_school (document, primaire);
  ent_document_set_split_functions (document, TRUE);

  text = ent_scdl_build (document, ent_test_scenario_at (document, 0), NULL);
  rows = validate (text);
  g_assert_cmpuint (rows->len, ==, 8);
  for (guint y = 0; y < 4; y++)
    {
      g_assert_cmpstr (cell (rows, 2 * y, 8), ==, "211");
      g_assert_cmpstr (cell (rows, 2 * y, 9), ==, "Écoles maternelles");
      g_assert_cmpstr (cell (rows, 2 * y, 17), ==, "1571.70");
      g_assert_cmpstr (cell (rows, 2 * y + 1, 8), ==, "212");
      g_assert_cmpstr (cell (rows, 2 * y + 1, 9), ==, "Écoles primaires");
      g_assert_cmpstr (cell (rows, 2 * y + 1, 17), ==, "130.00");
    }
}

/* NULL: the document's current scenario */
static void
test_current_scenario (void)
{
  g_autoptr(EntDocument) document = hem_with_siret ();
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  ent_document_set_current_scenario (document, ent_test_scenario_at (document, 1));
  text = ent_scdl_build (document, NULL, NULL);
  rows = validate (text);
  g_assert_cmpuint (rows->len, ==, 8);
}

static void
test_refused_without_siret (void)
{
  g_autoptr(EntDocument) document = ent_document_new_example ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = ent_test_make_temp_dir ("scdl-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "out.csv", NULL);

  g_assert_null (ent_scdl_build (document, NULL, &error));
  g_assert_error (error, ENT_EXPORT_ERROR, ENT_EXPORT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "SIRET"));
  g_clear_error (&error);

  g_assert_false (ent_scdl_export (document, NULL, path, &error));
  g_assert_error (error, ENT_EXPORT_ERROR, ENT_EXPORT_ERROR_INVALID);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  ent_test_remove_tree (dir);
}

/* Written whole through ent-safe-file; read back, the same text */
static void
test_written (void)
{
  g_autoptr(EntDocument) document = hem_with_siret ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = ent_test_make_temp_dir ("scdl-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "out.csv", NULL);
  g_autofree char *expected = ent_scdl_build (document, NULL, NULL);
  g_autofree char *written = NULL;

  g_assert_true (ent_scdl_export (document, NULL, path, &error));
  g_assert_no_error (error);
  written = ent_test_read_file (path);
  g_assert_cmpstr (written, ==, expected);
  ent_test_remove_tree (dir);
}

/* SPEC 10.5: the payer's name is a text field (quoted, a formula defused);
 * a code the schema cannot take is refused rather than written invalid */
static void
test_text_fields_and_codes (void)
{
  g_autoptr(EntDocument) document = hem_with_siret ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  ent_document_set_payer (document, "=Hem, ville");
  text = ent_scdl_build (document, NULL, NULL);
  g_assert_nonnull (strstr (text, ",\"'=Hem, ville\","));
  rows = validate (text);
  g_assert_cmpstr (cell (rows, 0, NOM), ==, "'=Hem, ville");
  g_clear_pointer (&text, g_free);

  ent_document_set_imputation (document, ENT_LINE_BASE, "65", "6554812345", "21");
  g_assert_null (ent_scdl_build (document, NULL, &error));
  g_assert_error (error, ENT_EXPORT_ERROR, ENT_EXPORT_ERROR_INVALID);
  g_clear_error (&error);

  /* a nature the chart's table does not know: no label for a required field */
  ent_document_set_imputation (document, ENT_LINE_BASE, "65", "65549", "21");
  g_assert_null (ent_scdl_build (document, NULL, &error));
  g_assert_error (error, ENT_EXPORT_ERROR, ENT_EXPORT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "65549"));
  g_clear_error (&error);

  /* an empty function is allowed (communes under 3 500 inhabitants) */
  ent_document_set_imputation (document, ENT_LINE_BASE, "65", "65548", "");
  text = ent_scdl_build (document, ent_test_scenario_at (document, 0), &error);
  g_assert_no_error (error);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = validate (text);
  g_assert_cmpstr (cell (rows, 0, FONCTION), ==, "");
  g_assert_cmpstr (cell (rows, 0, FONCTION_LABEL), ==, "");
}

int
main (int   argc,
      char *argv[])
{
  /* amounts keep their dot under a French locale (when it is generated) */
  setlocale (LC_ALL, "fr_FR.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/scdl/hem-scenarios", test_hem_scenarios);
  g_test_add_func ("/export/scdl/current-scenario", test_current_scenario);
  g_test_add_func ("/export/scdl/split-functions", test_split_functions);
  g_test_add_func ("/export/scdl/refused-without-siret", test_refused_without_siret);
  g_test_add_func ("/export/scdl/written", test_written);
  g_test_add_func ("/export/scdl/text-fields-and-codes", test_text_fields_and_codes);

  return g_test_run ();
}
