/* test-xlsx-export.c: the XLSX export's API, its safety and its locale handling
 *
 * The contents of the workbook are checked by check-workbook.py (openpyxl and
 * LibreOffice); here: the file appears complete or not at all, errors name the
 * path, options work, and numbers are written the C way under a French locale.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "ent-budget.h"
#include "ent-xlsx-export.h"
#include "ent-xlsx-writer.h"

#include "ent-test-utils.h"

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("ent-xlsx-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  ent_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static EntXlsxOptions *
fixed_options (EntXlsxOptions *options)
{
  g_autoptr (GTimeZone) utc = g_time_zone_new_utc ();

  memset (options, 0, sizeof *options);
  options->generated = g_date_time_new (utc, 2024, 3, 15, 10, 30, 0);
  return options;
}

static void
assert_is_xlsx (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr (GError) error = NULL;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 4000);
  g_assert_cmpmem (contents, 4, "PK\003\004", 4);
}

static void
test_example (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr (EntDocument) document = ent_document_new_example ();
  g_autofree char *path = g_build_filename (fixture->dir, "hem.xlsx", NULL);
  g_autofree char *listing = NULL;
  g_autoptr (GError) error = NULL;
  EntXlsxOptions options;

  g_assert_true (ent_xlsx_export (document, path, fixed_options (&options), &error));
  g_assert_no_error (error);
  g_date_time_unref (options.generated);
  assert_is_xlsx (path);

  /* nothing else left in the folder */
  listing = ent_test_list_dir (fixture->dir);
  g_assert_cmpstr (listing, ==, "hem.xlsx");

  /* NULL options: all scenarios, now */
  g_assert_true (ent_xlsx_export (document, path, NULL, &error));
  g_assert_no_error (error);
  assert_is_xlsx (path);
}

static void
test_replace (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr (EntDocument) document = ent_document_new_example ();
  g_autofree char *path = g_build_filename (fixture->dir, "book.xlsx", NULL);
  g_autofree char *listing = NULL;
  g_autoptr (GError) error = NULL;
  GStatBuf st;

  g_assert_true (g_file_set_contents (path, "an earlier file", -1, NULL));
  g_assert_true (ent_xlsx_export (document, path, NULL, &error));
  g_assert_no_error (error);
  assert_is_xlsx (path);
  listing = ent_test_list_dir (fixture->dir);
  g_assert_cmpstr (listing, ==, "book.xlsx");

  /* a usual mode, not mkstemp's 0600 */
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0044, !=, 0);
}

/* A failure after the workbook was started: a cell string over Excel's limit
 * of 32 767 characters. The earlier file stays, no temporary file remains. */
static void
test_failure_keeps_earlier (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr (EntDocument) document = ent_document_new_example ();
  g_autofree char *path = g_build_filename (fixture->dir, "book.xlsx", NULL);
  g_autofree char *huge = g_strnfill (40000, 'x');
  g_autofree char *contents = NULL;
  g_autofree char *listing = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (g_file_set_contents (path, "an earlier file", -1, NULL));
  ent_document_set_title (document, huge);
  g_assert_false (ent_xlsx_export (document, path, NULL, &error));
  g_assert_error (error, ENT_EXPORT_ERROR, ENT_EXPORT_ERROR_WRITER);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, path));

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "an earlier file");
  listing = ent_test_list_dir (fixture->dir);
  g_assert_cmpstr (listing, ==, "book.xlsx");
}

static void
test_unwritable (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr (EntDocument) document = ent_document_new_example ();
  g_autofree char *file = g_build_filename (fixture->dir, "plain-file", NULL);
  g_autofree char *below_file = g_build_filename (file, "book.xlsx", NULL);
  g_autofree char *locked = g_build_filename (fixture->dir, "locked", NULL);
  g_autofree char *in_locked = g_build_filename (locked, "book.xlsx", NULL);
  g_autofree char *listing = NULL;
  g_autoptr (GError) error = NULL;

  /* a parent that is a regular file: fails even as root */
  g_assert_true (g_file_set_contents (file, "", -1, NULL));
  g_assert_false (ent_xlsx_export (document, below_file, NULL, &error));
  g_assert_error (error, ENT_EXPORT_ERROR, ENT_EXPORT_ERROR_IO);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, below_file));
  g_clear_error (&error);

  /* a folder without write permission: root ignores permissions */
  g_assert_cmpint (g_mkdir (locked, 0555), ==, 0);
  if (geteuid () != 0)
    {
      g_assert_false (ent_xlsx_export (document, in_locked, NULL, &error));
      g_assert_error (error, ENT_EXPORT_ERROR, ENT_EXPORT_ERROR_IO);
      g_assert_nonnull (strstr (error->message, in_locked));
      g_clear_error (&error);
    }
  g_chmod (locked, 0755);
  g_rmdir (locked);

  listing = ent_test_list_dir (fixture->dir);
  g_assert_cmpstr (listing, ==, "plain-file");
}

static void
test_directory (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (EntDocument) document = ent_document_new_example ();
  g_autofree char *folder = g_build_filename (fixture->dir, "book.xlsx", NULL);
  g_autofree char *listing = NULL;
  g_autofree char *inside = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  g_assert_false (ent_xlsx_export (document, folder, NULL, &error));
  g_assert_error (error, ENT_EXPORT_ERROR, ENT_EXPORT_ERROR_IO);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, folder));

  listing = ent_test_list_dir (fixture->dir);
  g_assert_cmpstr (listing, ==, "book.xlsx");
  inside = ent_test_list_dir (folder);
  g_assert_cmpstr (inside, ==, "");
}

static void
test_scenarios_option (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr (EntDocument) document = ent_document_new_example ();
  g_autoptr (EntScenario) second = g_list_model_get_item (ent_document_get_scenarios (document), 1);
  g_autoptr (EntScenario) stranger = ent_scenario_new ("Not in the document");
  g_autofree char *path = g_build_filename (fixture->dir, "one.xlsx", NULL);
  g_autofree char *listing = NULL;
  g_autoptr (GError) error = NULL;
  EntScenario *chosen[1] = { second };
  EntScenario *unknown[1] = { stranger };
  EntXlsxOptions options = { .scenarios = chosen, .n_scenarios = 1 };

  g_assert_nonnull (second);
  g_assert_true (ent_xlsx_export (document, path, &options, &error));
  g_assert_no_error (error);
  assert_is_xlsx (path);

  options.scenarios = unknown;
  g_assert_false (ent_xlsx_export (document, path, &options, &error));
  g_assert_error (error, ENT_EXPORT_ERROR, ENT_EXPORT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, path));
  listing = ent_test_list_dir (fixture->dir);
  g_assert_cmpstr (listing, ==, "one.xlsx");
}

static char *
unzip_member (const char *path,
              const char *member)
{
  const char *argv[] = { "unzip", "-p", path, member, NULL };
  g_autofree char *out = NULL;
  g_autoptr (GError) error = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&out);
}

/* Under a French LC_NUMERIC the C library prints 1.3 as "1,3": the export
 * must still write "1.3", and give the caller its locale back. */
static void
test_french_locale (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr (EntDocument) document = ent_document_new_example ();
  g_autofree char *path = g_build_filename (fixture->dir, "fr.xlsx", NULL);
  g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));
  g_autofree char *assumptions = NULL;
  g_autofree char *credits = NULL;
  g_autoptr (GRegex) comma = NULL;
  g_autoptr (GError) error = NULL;
  char printed[32];

  if (setlocale (LC_ALL, "fr_FR.UTF-8") == NULL)
    {
      g_test_skip ("the fr_FR.UTF-8 locale is not installed");
      return;
    }
  /* the hazard is real in this process */
  snprintf (printed, sizeof printed, "%.16G", 1.3);
  g_assert_cmpstr (printed, ==, "1,3");

  g_assert_true (ent_xlsx_export (document, path, NULL, &error));
  g_assert_no_error (error);

  /* the caller's locale is back */
  snprintf (printed, sizeof printed, "%.16G", 1.3);
  g_assert_cmpstr (printed, ==, "1,3");
  g_assert_cmpstr (setlocale (LC_NUMERIC, NULL), ==, "fr_FR.UTF-8");
  setlocale (LC_ALL, saved);

  /* sheet4 is Assumptions: the tariff of 1,30 € */
  assumptions = unzip_member (path, "xl/worksheets/sheet4.xml");
  g_assert_nonnull (strstr (assumptions, "<v>1.3</v>"));
  g_assert_null (strstr (assumptions, "<v>1,3</v>"));
  credits = unzip_member (path, "xl/worksheets/sheet2.xml");
  g_assert_nonnull (strstr (credits, "<v>1571.7</v>"));
  comma = g_regex_new ("<v>-?[0-9]+,[0-9]+</v>|=\"-?[0-9]+,[0-9]+\"", 0, 0, NULL);
  g_assert_false (g_regex_match (comma, assumptions, 0, NULL));
  g_assert_false (g_regex_match (comma, credits, 0, NULL));
}

static guint
count_occurrences (const char *haystack,
                   const char *needle)
{
  guint n = 0;

  for (const char *at = strstr (haystack, needle); at != NULL; at = strstr (at + 1, needle))
    n++;
  return n;
}

/* SPEC 5, split-functions: Hem's 1 209 pupils as a maternelle and a primaire
 * school of 100: each year's base line 1 309 × 1,30 = 1 701,70 becomes two
 * Credits rows, 211 with 1 209 × 1,30 = 1 571,70 and 212 with 100 × 1,30 =
 * 130,00; 1 701,70 is left only as the four year totals. */
static void
test_split_functions (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr (EntDocument) document = ent_document_new_example ();
  g_autoptr (EntSchool) primaire = ent_school_new ("École primaire", "Hem");
  g_autofree char *path = g_build_filename (fixture->dir, "split.xlsx", NULL);
  g_autofree char *credits = NULL;
  g_autoptr (GError) error = NULL;
  EntXlsxOptions options;

  ent_school_set_level (ent_test_school_at (document, 0), ENT_SCHOOL_LEVEL_MATERNELLE);
  ent_school_set_known_pupils (primaire, 2023, 100);
  ent_school_set_level (primaire, ENT_SCHOOL_LEVEL_PRIMAIRE);
  ent_document_add_school (document, primaire);
  ent_document_set_split_functions (document, TRUE);

  EntScenario *first[1] = { ent_test_scenario_at (document, 0) };

  fixed_options (&options);
  options.scenarios = first;
  options.n_scenarios = 1;
  g_assert_true (ent_xlsx_export (document, path, &options, &error));
  g_assert_no_error (error);
  g_date_time_unref (options.generated);

  credits = unzip_member (path, "xl/worksheets/sheet2.xml");
  g_assert_cmpuint (count_occurrences (credits, "<v>1571.7</v>"), ==, 4);
  g_assert_cmpuint (count_occurrences (credits, "<v>130</v>"), ==, 4);
  g_assert_cmpuint (count_occurrences (credits, "<v>1701.7</v>"), ==, 4);
  /* the function and its label, each in its cell */
  g_assert_cmpuint (count_occurrences (credits, "<t>211</t>"), ==, 4);
  g_assert_cmpuint (count_occurrences (credits, "<t>212</t>"), ==, 4);
  g_assert_cmpuint (count_occurrences (credits, "<t>Écoles maternelles</t>"), ==, 4);
  g_assert_cmpuint (count_occurrences (credits, "<t>Écoles primaires</t>"), ==, 4);
}

/* SPEC 10.5: the one function every string to libxlsxwriter goes through. */
static void
test_xml_safe (void)
{
  static const struct { const char *text; const char *expected; } cases[] = {
    { "Base seule", NULL },
    { "Scénario é — « 2024 »", NULL },
    { "tab\there\nline", NULL },
    { "DEL\x7f C1 \xc2\x85\xc2\x9b", NULL },          /* legal XML 1.0 */
    { "\xf0\x9f\x93\x9a book", NULL },                   /* beyond the BMP */
    { "\xef\xbf\xbd", NULL },                             /* U+FFFD itself */
    { "a\x01" "b\x1b[2J\x07", "a\xef\xbf\xbd" "b\xef\xbf\xbd[2J\xef\xbf\xbd" },
    { "cr\r", "cr\xef\xbf\xbd" },
    { "\x0b\x0c\x1f", "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd" },
    { "nc \xef\xbf\xbe\xef\xbf\xbf", "nc \xef\xbf\xbd\xef\xbf\xbd" },
    /* not UTF-8: a lone byte, an encoded surrogate, a sequence cut short */
    { "bad\xff", "bad\xef\xbf\xbd" },
    { "s\xed\xa0\x80", "s\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd" },
    { "cut \xc3", "cut \xef\xbf\xbd" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *storage = NULL;
      const char *safe = ent_xlsx_xml_safe (cases[i].text, &storage);

      g_test_message ("case %" G_GSIZE_FORMAT, i);
      if (cases[i].expected == NULL)
        {
          /* valid text is given back as it is, nothing allocated */
          g_assert_true (safe == cases[i].text);
          g_assert_null (storage);
        }
      else
        {
          g_assert_true (safe == storage);
          g_assert_cmpstr (safe, ==, cases[i].expected);
        }
      g_assert_true (g_utf8_validate (safe, -1, NULL));
    }

  {
    g_autofree char *storage = NULL;

    g_assert_null (ent_xlsx_xml_safe (NULL, &storage));
    g_assert_null (storage);
  }
}

/* Cell references fit ENT_XLSX_CELL_NAME_SIZE for any row and column. */
static void
test_cell_name (void)
{
  static const struct { guint32 row; guint16 col; const char *relative; const char *absolute; } cases[] = {
    { 0, 0, "A1", "$A$1" },
    { 9, 26, "AA10", "$AA$10" },
    { 1, 701, "ZZ2", "$ZZ$2" },
    { 1048575, 16383, "XFD1048576", "$XFD$1048576" },
    { G_MAXUINT32, G_MAXUINT16, "CRXP4294967296", "$CRXP$4294967296" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      char buf[ENT_XLSX_CELL_NAME_SIZE + 8];

      memset (buf, 'X', sizeof buf);
      ent_xlsx_cell_name (buf, cases[i].row, cases[i].col);
      g_assert_cmpstr (buf, ==, cases[i].relative);
      ent_xlsx_cell_name_abs (buf, cases[i].row, cases[i].col);
      g_assert_cmpstr (buf, ==, cases[i].absolute);
      /* nothing written past the size */
      for (gsize k = ENT_XLSX_CELL_NAME_SIZE; k < sizeof buf; k++)
        g_assert_cmpint (buf[k], ==, 'X');
    }
}

int
main (int    argc,
      char **argv)
{
  /* as the application does: the caller's locale from the environment */
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/export/xlsx/example", Fixture, NULL, fixture_set_up, test_example, fixture_tear_down);
  g_test_add ("/export/xlsx/replace", Fixture, NULL, fixture_set_up, test_replace, fixture_tear_down);
  g_test_add ("/export/xlsx/failure-keeps-earlier", Fixture, NULL, fixture_set_up,
              test_failure_keeps_earlier, fixture_tear_down);
  g_test_add ("/export/xlsx/unwritable", Fixture, NULL, fixture_set_up, test_unwritable, fixture_tear_down);
  g_test_add ("/export/xlsx/directory", Fixture, NULL, fixture_set_up, test_directory, fixture_tear_down);
  g_test_add ("/export/xlsx/scenarios-option", Fixture, NULL, fixture_set_up,
              test_scenarios_option, fixture_tear_down);
  g_test_add ("/export/xlsx/french-locale", Fixture, NULL, fixture_set_up,
              test_french_locale, fixture_tear_down);
  g_test_add ("/export/xlsx/split-functions", Fixture, NULL, fixture_set_up,
              test_split_functions, fixture_tear_down);
  g_test_add_func ("/export/xlsx/xml-safe", test_xml_safe);
  g_test_add_func ("/export/xlsx/cell-name", test_cell_name);

  return g_test_run ();
}
