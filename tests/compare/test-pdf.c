/* test-pdf.c: the one-page summary, read back with pdftotext and pdftoppm
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under fr_FR.UTF-8 (skipped when the locale is not generated): amounts
 * come out as "6 286,80 €", glibc grouping with U+202F; the text is
 * normalised so that U+202F, U+00A0 and a space all match.
 */
#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "ent-pdf-export.h"

static gboolean french;

static char *
build_path (const char *name)
{
  return g_test_build_filename (G_TEST_BUILT, name, NULL);
}

static GDateTime *
fixed_date (void)
{
  return g_date_time_new_utc (2025, 3, 15, 10, 30, 0);
}

/* U+202F and U+00A0 become plain spaces. */
static char *
normalise_spaces (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0';)
    {
      if (strncmp (p, "\xe2\x80\xaf", 3) == 0)
        {
          g_string_append_c (out, ' ');
          p += 3;
        }
      else if (strncmp (p, "\xc2\xa0", 2) == 0)
        {
          g_string_append_c (out, ' ');
          p += 2;
        }
      else
        g_string_append_c (out, *p++);
    }
  return g_string_free (out, FALSE);
}

static char *
pdf_to_text (const char *pdf)
{
  const char *argv[] = { PDFTOTEXT, "-layout", "-enc", "UTF-8", pdf, "-", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, &error));
  g_assert_no_error (error);
  return normalise_spaces (out);
}

static void
assert_contains (const char *text,
                 const char *needle)
{
  if (strstr (text, needle) == NULL)
    g_error ("“%s” not found in the PDF text:\n%s", needle, text);
}

static int
count_pages (const char *text)
{
  int pages = 1;

  /* pdftotext ends each page with a form feed, the last one included */
  for (const char *p = text; *p != '\0'; p++)
    if (*p == '\f' && p[1] != '\0')
      pages++;
  return pages;
}

static char **
list_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  GStrvBuilder *builder = g_strv_builder_new ();
  const char *name;
  char **names;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    g_strv_builder_add (builder, name);
  names = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return names;
}

static void
test_example (void)
{
  g_autoptr(EntDocument) document = ent_document_new_example ();
  g_autoptr(GDateTime) date = fixed_date ();
  EntPdfOptions options = { 0, date };
  g_autofree char *pdf = build_path ("summary-hem.pdf");
  g_autofree char *png_root = build_path ("summary-hem");
  g_autofree char *png = build_path ("summary-hem.png");
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  if (!french)
    {
      g_test_skip ("fr_FR.UTF-8 is not available");
      return;
    }
  if (*PDFTOTEXT == '\0' || *PDFTOPPM == '\0')
    {
      g_test_skip ("poppler-utils (pdftotext, pdftoppm) not installed");
      return;
    }

  g_unlink (pdf);
  g_assert_true (ent_pdf_export (document, pdf, &options, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_assert_false (ent_document_get_modified (document));

  text = pdf_to_text (pdf);
  g_test_message ("%s", text);
  g_assert_cmpint (count_pages (text), ==, 1);

  /* title: payer and document */
  assert_contains (text, "Ville de Hem");
  assert_contains (text, "ENT des écoles publiques de Hem");
  /* assumptions: the voted tariff, its decision, the pupils, every scenario */
  assert_contains (text, "1,30 €");
  assert_contains (text, "0,30 €");
  assert_contains (text, "150,00 €");
  assert_contains (text, "comité syndical du 15 juin 2023");
  assert_contains (text, "1 209");
  assert_contains (text, "Base + accompagnement forfaitaire");
  /* year × scenario table (SPEC 4 worked examples): 1 209 × 1,30 = 1 571,70 a
   * year, 6 286,80 in all; × 1,60 = 1 934,40, 7 737,60; + 2 × 150 a year =
   * 2 234,40, 8 937,60 */
  assert_contains (text, "2024");
  assert_contains (text, "2027");
  assert_contains (text, "1 571,70 €");
  assert_contains (text, "6 286,80 €");
  assert_contains (text, "1 934,40 €");
  assert_contains (text, "7 737,60 €");
  assert_contains (text, "2 234,40 €");
  assert_contains (text, "8 937,60 €");
  /* differences from Base seule: +1 450,80 € (+23,08 %), +2 650,80 € (+42,16 %) */
  assert_contains (text, "+1 450,80 €");
  assert_contains (text, "+23,08 %");
  assert_contains (text, "+2 650,80 €");
  assert_contains (text, "+42,16 %");
  /* sensitivity: −20 % → 967 pupils × 1,30 × 4 = 5 028,40; +20 % → 1 451 ×
   * 1,60 × 4 + 1 200 = 10 486,40 */
  assert_contains (text, "5 028,40 €");
  assert_contains (text, "10 486,40 €");
  assert_contains (text, "+20 %");
  /* the chart's axis, in French amounts */
  assert_contains (text, "2 000,00 €");
  /* date and version */
  assert_contains (text, "15 mars 2025");
  assert_contains (text, PACKAGE_VERSION);

  /* a picture of the page for people to look at */
  {
    const char *argv[] = { PDFTOPPM, "-png", "-r", "100", "-singlefile", pdf, png_root, NULL };
    g_autofree char *err = NULL;
    int status;
    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                                 NULL, &err, &status, &error));
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, &error));
    g_assert_no_error (error);
  }
  {
    cairo_surface_t *image = cairo_image_surface_create_from_png (png);

    g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
    /* A4 at 100 dpi: 827 × 1170 pixels, portrait */
    g_assert_cmpint (cairo_image_surface_get_width (image), ==, 827);
    g_assert_cmpint (cairo_image_surface_get_height (image), ==, 1170);
    cairo_surface_destroy (image);
  }
}

static void
test_reference_and_reproducible (void)
{
  g_autoptr(EntDocument) document = ent_document_new_example ();
  g_autoptr(GDateTime) date = fixed_date ();
  EntPdfOptions options = { 1, date };
  g_autofree char *first = build_path ("summary-reference-1.pdf");
  g_autofree char *second = build_path ("summary-reference-2.pdf");
  g_autofree char *a = NULL, *b = NULL;
  gsize a_length, b_length;
  g_autoptr(GError) error = NULL;

  if (!french || *PDFTOTEXT == '\0')
    {
      g_test_skip ("fr_FR.UTF-8 or pdftotext not available");
      return;
    }

  g_assert_true (ent_pdf_export (document, first, &options, &error));
  g_assert_no_error (error);
  g_assert_true (ent_pdf_export (document, second, &options, &error));
  g_assert_no_error (error);

  /* a fixed date gives the same file byte for byte */
  g_assert_true (g_file_get_contents (first, &a, &a_length, NULL));
  g_assert_true (g_file_get_contents (second, &b, &b_length, NULL));
  g_assert_cmpmem (a, a_length, b, b_length);

  /* against the second scenario (7 737,60 €): Base seule −1 450,80 €,
   * exactly −18,75 %; the half-days +1 200,00 € (+15,51 %) */
  {
    g_autofree char *text = pdf_to_text (first);

    assert_contains (text, "\xe2\x88\x92" "1 450,80 €");
    assert_contains (text, "\xe2\x88\x92" "18,75 %");
    assert_contains (text, "+1 200,00 €");
    assert_contains (text, "+15,51 %");
  }
  g_unlink (second);
}

static void
test_many_scenarios_fit (void)
{
  g_autoptr(EntDocument) document = ent_document_new_example ();
  g_autoptr(GDateTime) date = fixed_date ();
  EntPdfOptions options = { 0, date };
  g_autofree char *pdf = build_path ("summary-many.pdf");
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *scenarios = ent_document_get_scenarios (document);

  if (*PDFTOTEXT == '\0')
    {
      g_test_skip ("pdftotext not installed");
      return;
    }

  /* eight scenarios: still one page (the content is scaled down to fit) */
  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(EntScenario) model = g_list_model_get_item (scenarios, i % 3);
      g_autofree char *name = g_strdup_printf ("Variante %u avec un nom assez long pour passer à la ligne", i + 1);
      g_autoptr(EntScenario) copy = ent_scenario_duplicate (model, name);

      ent_scenario_set_projection (copy, ENT_PROJECTION_RATE);
      ent_scenario_set_projection_rate (copy, -200 * (gint64) (i + 1));
      ent_document_add_scenario (document, copy);
    }
  g_assert_true (ent_pdf_export (document, pdf, &options, &error));
  g_assert_no_error (error);
  text = pdf_to_text (pdf);
  g_assert_cmpint (count_pages (text), ==, 1);
  assert_contains (text, "Variante 5");
  assert_contains (text, PACKAGE_VERSION);
}

static void
test_atomic_failures (void)
{
  g_autoptr(EntDocument) document = ent_document_new_example ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *missing = NULL;
  g_autofree char *target = NULL;
  g_auto(GStrv) names = NULL;
  g_autofree char *contents = NULL;
  EntTariffSchedule *tariffs;
  g_autoptr(EntTariffPeriod) period = NULL;

  dir = g_dir_make_tmp ("ent-pdf-XXXXXX", &error);
  g_assert_no_error (error);

  /* a folder that does not exist: an I/O error naming the path */
  missing = g_build_filename (dir, "nowhere", "summary.pdf", NULL);
  g_assert_false (ent_pdf_export (document, missing, NULL, &error));
  g_assert_error (error, ENT_EXPORT_ERROR, ENT_EXPORT_ERROR_IO);
  g_assert_nonnull (strstr (error->message, missing));
  g_clear_error (&error);

  /* the target is a folder */
  g_assert_false (ent_pdf_export (document, dir, NULL, &error));
  g_assert_error (error, ENT_EXPORT_ERROR, ENT_EXPORT_ERROR_IO);
  g_assert_nonnull (strstr (error->message, dir));
  g_clear_error (&error);

  /* a budget that cannot be computed leaves an earlier file untouched */
  target = g_build_filename (dir, "summary.pdf", NULL);
  g_assert_true (g_file_set_contents (target, "earlier", -1, NULL));
  tariffs = ent_document_get_tariffs (document);
  period = g_list_model_get_item (G_LIST_MODEL (tariffs), 0);
  ent_tariff_schedule_remove (tariffs, period);
  g_assert_false (ent_pdf_export (document, target, NULL, &error));
  g_assert_error (error, ENT_EXPORT_ERROR, ENT_EXPORT_ERROR_BUDGET);
  g_assert_nonnull (strstr (error->message, target));
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (target, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "earlier");
  g_clear_pointer (&contents, g_free);

  /* a good export replaces it, and leaves no temporary file behind */
  g_assert_true (ent_tariff_schedule_add (tariffs, period, &error));
  g_assert_no_error (error);
  g_assert_true (ent_pdf_export (document, target, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (target, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  names = list_dir (dir);
  g_assert_cmpuint (g_strv_length (names), ==, 1);
  g_assert_cmpstr (names[0], ==, "summary.pdf");

  g_unlink (target);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  french = setlocale (LC_ALL, "fr_FR.UTF-8") != NULL;
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/compare/pdf/example", test_example);
  g_test_add_func ("/compare/pdf/reference", test_reference_and_reproducible);
  g_test_add_func ("/compare/pdf/many-scenarios", test_many_scenarios_fit);
  g_test_add_func ("/compare/pdf/atomic", test_atomic_failures);

  return g_test_run ();
}
