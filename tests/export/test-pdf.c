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

#include "ent-budget.h"
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

/* @needle in @text once every run of white space (a line wrapped in the
 * PDF) is one space in both. */
static void
assert_contains_flowing (const char *text,
                         const char *needle)
{
  g_autoptr(GRegex) spaces = g_regex_new ("\\s+", 0, 0, NULL);
  g_autofree char *flat_text = g_regex_replace_literal (spaces, text, -1, 0, " ", 0, NULL);
  g_autofree char *flat_needle = g_regex_replace_literal (spaces, needle, -1, 0, " ", 0, NULL);

  if (strstr (flat_text, flat_needle) == NULL)
    g_error ("“%s” not found in the PDF text: %s", flat_needle, flat_text);
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
  /* one commune: no per-commune table */
  g_assert_null (strstr (text, "Share per commune"));
  g_assert_null (strstr (text, "Répartition par commune"));
  /* SPEC 5, 13: where the lines are booked, the M57 labels beside the codes
   * (all three lines share the defaults); the labels are the chart's French
   * wording in any language, the words around them follow the UI (here the
   * untranslated strings, as for the headings above) */
  assert_contains_flowing (text, "chapter 65 – Autres charges de gestion courante");
  assert_contains_flowing (text, "nature 65548 – Autres contributions");
  assert_contains_flowing (text, "function 21 – Enseignement du premier degré");
  assert_contains_flowing (text, "M57 chart of accounts at 1 January 2025");
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

/* The line of the per-commune table whose first cell is @name: it must show
 * @pupils and end with an amount, returned in cents. */
static gint64
commune_row (const char *text,
             const char *name,
             const char *pupils)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      const char *euro;
      GString *digits;
      const char *p;

      while (*line == ' ')
        line++;
      /* the name, then the column gap */
      if (!g_str_has_prefix (line, name) || strncmp (line + strlen (name), "  ", 2) != 0)
        continue;
      euro = g_strrstr (line, " €");
      if (euro == NULL)
        continue;
      if (pupils != NULL)
        {
          g_autofree char *padded = g_strdup_printf ("  %s  ", pupils);

          if (strstr (line, padded) == NULL)
            g_error ("“%s”: %s pupils expected in “%s”", name, pupils, line);
        }
      /* back over "4 435,52": digits, a comma, single spaces between groups */
      digits = g_string_new (NULL);
      for (p = euro - 1; p >= line; p--)
        {
          if (g_ascii_isdigit (*p))
            g_string_prepend_c (digits, *p);
          else if (*p == ',' || (*p == ' ' && p > line && g_ascii_isdigit (p[-1])))
            continue;
          else
            break;
        }
      {
        gint64 cents = g_ascii_strtoll (digits->str, NULL, 10);

        g_string_free (digits, TRUE);
        return cents;
      }
    }
  g_error ("no row “%s” in the PDF text:\n%s", name, text);
  return -1;
}

static EntSchool *
school_in (const char *commune,
           gint64      pupils)
{
  g_autofree char *name = g_strdup_printf ("École de %s", commune);
  EntSchool *school = ent_school_new (name, commune);

  ent_school_set_known_pupils (school, 2023, pupils);
  return school;
}

/* The Hem example with its one school replaced by one school in each of
 * @n_communes communes (names and 2023/2024 counts). */
static EntDocument *
document_with_communes (const char *const *communes,
                        const gint64      *pupils,
                        guint              n_communes)
{
  EntDocument *document = ent_document_new_example ();
  GListModel *schools = ent_document_get_schools (document);

  while (g_list_model_get_n_items (schools) > 0)
    {
      g_autoptr(EntSchool) school = g_list_model_get_item (schools, 0);

      ent_document_remove_school (document, school);
    }
  for (guint i = 0; i < n_communes; i++)
    {
      g_autoptr(EntSchool) school = school_in (communes[i], pupils[i]);

      ent_document_add_school (document, school);
    }
  return document;
}

static char *
export_to_text (EntDocument *document,
                guint        reference,
                const char  *name)
{
  g_autoptr(GDateTime) date = fixed_date ();
  EntPdfOptions options = { reference, date };
  g_autofree char *pdf = build_path (name);
  g_autoptr(GError) error = NULL;
  char *text;

  g_assert_true (ent_pdf_export (document, pdf, &options, &error));
  g_assert_no_error (error);
  text = pdf_to_text (pdf);
  g_test_message ("%s", text);
  g_assert_cmpint (count_pages (text), ==, 1);
  if (*PDFINFO != '\0')
    {
      const char *argv[] = { PDFINFO, pdf, NULL };
      g_autofree char *out = NULL;
      int status;

      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                                   &out, NULL, &status, &error));
      g_assert_no_error (error);
      g_assert_true (g_spawn_check_wait_status (status, &error));
      g_assert_no_error (error);
      g_assert_true (g_regex_match_simple ("^Pages:\\s+1$", out, G_REGEX_MULTILINE, 0));
    }
  if (*PDFTOPPM != '\0')
    {
      g_autofree char *root = g_strndup (pdf, strlen (pdf) - strlen (".pdf"));
      const char *argv[] = { PDFTOPPM, "-png", "-r", "100", "-singlefile", pdf, root, NULL };
      int status;

      /* a picture of the page for people to look at */
      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                                   NULL, NULL, &status, &error));
      g_assert_no_error (error);
      g_assert_true (g_spawn_check_wait_status (status, &error));
      g_assert_no_error (error);
    }
  return text;
}

static void
test_communes (void)
{
  const char *const communes[] = { "Hem", "Forest-sur-Marque", "Sailly-lez-Lannoy" };
  const gint64 pupils[] = { 600, 400, 209 };
  g_autoptr(EntDocument) document = NULL;
  g_autofree char *text = NULL;
  gint64 hem, forest, sailly, total;

  if (!french || *PDFTOTEXT == '\0')
    {
      g_test_skip ("fr_FR.UTF-8 or pdftotext not available");
      return;
    }

  /* the 1 209 pupils of the example split over three communes */
  document = document_with_communes (communes, pupils, G_N_ELEMENTS (communes));
  text = export_to_text (document, 2, "summary-communes.pdf");

  /* Against the third scenario, "Base + accompagnement + 2 demi-journées par
   * an" (8 937,60 €), annual billing, counts of 2023/2024 billed every year:
   *   base 1 209 × 1,30 = 1 571,70 a year: 780,00 + 520,00 + 271,70 (1,30 a pupil, exact);
   *   optional 1 209 × 0,30 = 362,70: 180,00 + 120,00 + 62,70;
   *   specific 2 × 150 = 300,00 by pupils: 30 000 × 600/1 209 = 14 888,34,
   *     × 400/1 209 = 9 925,56, × 209/1 209 = 5 186,10 cents; the floors make
   *     29 999, the cent left goes to the largest remainder (Forest):
   *     148,88 + 99,26 + 51,86;
   *   a year: Hem 1 108,88, Forest 739,26, Sailly 386,26 (= 2 234,40);
   *   four years: Hem 4 435,52 + Forest 2 957,04 + Sailly 1 545,04 = 8 937,60. */
  if (strstr (text, "Share per commune") == NULL && strstr (text, "Répartition par commune") == NULL)
    g_error ("no per-commune heading in:\n%s", text);
  assert_contains (text, "demi-journées par an");
  hem = commune_row (text, "Hem", "600");
  forest = commune_row (text, "Forest-sur-Marque", "400");
  sailly = commune_row (text, "Sailly-lez-Lannoy", "209");
  g_assert_cmpint (hem, ==, 443552);
  g_assert_cmpint (forest, ==, 295704);
  g_assert_cmpint (sailly, ==, 154504);
  total = commune_row (text, "Total", "1 209");
  g_assert_cmpint (total, ==, 893760);
  g_assert_cmpint (hem + forest + sailly, ==, total);
  g_clear_pointer (&text, g_free);

  /* the default reference, "Base seule": 1,30 € × 4 a pupil:
   * 3 120,00 + 2 080,00 + 1 086,80 = 6 286,80 */
  text = export_to_text (document, 0, "summary-communes-base.pdf");
  g_assert_cmpint (commune_row (text, "Hem", "600"), ==, 312000);
  g_assert_cmpint (commune_row (text, "Forest-sur-Marque", "400"), ==, 208000);
  g_assert_cmpint (commune_row (text, "Sailly-lez-Lannoy", "209"), ==, 108680);
  g_assert_cmpint (commune_row (text, "Total", "1 209"), ==, 628680);
}

/* The two communes of the export tests' prorata document: the parts add up
 * to the engine's contract total of the first scenario. */
static void
test_communes_prorata (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "export", "prorata.entbudget", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(EntDocument) document = NULL;
  g_autoptr(EntBudget) budget = NULL;
  g_autofree char *text = NULL;
  gint64 hem, forest;

  if (!french || *PDFTOTEXT == '\0')
    {
      g_test_skip ("fr_FR.UTF-8 or pdftotext not available");
      return;
    }
  document = ent_document_new_from_file (file, &error);
  g_assert_no_error (error);
  budget = ent_budget_compute (document, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (budget->n_communes, ==, 2);

  text = export_to_text (document, 0, "summary-prorata.pdf");
  /* pupils of 2023/2024: Hem 187 + 263 + 309 = 759; Forest-sur-Marque 143
   * (known for 2024/2025 only, so the earliest count stands); 902 in all */
  hem = commune_row (text, "Hem", "759");
  forest = commune_row (text, "Forest-sur-Marque", "143");
  g_assert_cmpint (commune_row (text, "Total", "902"), ==, budget->scenarios[0].total);
  g_assert_cmpint (hem + forest, ==, budget->scenarios[0].total);
  /* 5 303,37 €, the first scenario's contract total in the workbook tests */
  g_assert_cmpint (budget->scenarios[0].total, ==, 530337);
}

/* Twelve communes stay on one page; forty list the fifteen largest parts and
 * the others in one row, still summing to the contract total. */
static void
test_many_communes (void)
{
  const char *const twelve[] = {
    "Hem", "Forest-sur-Marque", "Sailly-lez-Lannoy", "Lys-lez-Lannoy", "Toufflers", "Willems",
    "Baisieux", "Chéreng", "Anstaing", "Gruson", "Tressin", "Villeneuve-d'Ascq",
  };
  gint64 pupils[40];
  char *names_data[40];
  const char *names[40];
  g_autoptr(EntDocument) document = NULL;
  g_autoptr(EntDocument) forty = NULL;
  g_autofree char *text = NULL;
  gint64 sum = 0, total;

  if (!french || *PDFTOTEXT == '\0')
    {
      g_test_skip ("fr_FR.UTF-8 or pdftotext not available");
      return;
    }

  /* 150, 160, … 260 pupils: 2 460 in all; Base seule bills 5,20 € a pupil
   * over the contract (1,30 € × 4 years), each commune's part exactly its
   * pupils × 5,20 €: 780,00 for Hem … 1 352,00 for Villeneuve-d'Ascq;
   * 2 460 × 5,20 = 12 792,00 in all */
  for (guint i = 0; i < 12; i++)
    pupils[i] = 150 + 10 * (gint64) i;
  document = document_with_communes (twelve, pupils, 12);
  text = export_to_text (document, 0, "summary-communes-12.pdf");
  for (guint i = 0; i < 12; i++)
    {
      g_autofree char *count = g_strdup_printf ("%" G_GINT64_FORMAT, pupils[i]);
      gint64 part = commune_row (text, twelve[i], count);

      g_assert_cmpint (part, ==, pupils[i] * 520);
      sum += part;
    }
  total = commune_row (text, "Total", "2 460");
  g_assert_cmpint (total, ==, 1279200);
  g_assert_cmpint (sum, ==, total);
  g_clear_pointer (&text, g_free);

  /* forty communes of 101 … 140 pupils (4 820 in all, 25 064,00 €): the
   * fifteen largest (Commune 40 … Commune 26) by name, then the 25 others
   * (101 … 125 pupils: 2 825, 14 690,00 €) */
  for (guint i = 0; i < 40; i++)
    {
      names_data[i] = g_strdup_printf ("Commune %02u", i + 1);
      names[i] = names_data[i];
      pupils[i] = 101 + (gint64) i;
    }
  forty = document_with_communes (names, pupils, 40);
  text = export_to_text (forty, 0, "summary-communes-40.pdf");
  sum = 0;
  for (guint i = 25; i < 40; i++)
    {
      g_autofree char *count = g_strdup_printf ("%" G_GINT64_FORMAT, pupils[i]);

      sum += commune_row (text, names[i], count);
    }
  g_assert_null (strstr (text, "Commune 25"));
  g_assert_null (strstr (text, "Commune 01"));
  if (strstr (text, "25 other communes") != NULL)
    sum += commune_row (text, "25 other communes", "2 825");
  else
    sum += commune_row (text, "25 autres communes", "2 825");
  g_assert_cmpint (sum, ==, commune_row (text, "Total", "4 820"));
  g_assert_cmpint (sum, ==, 2506400);
  for (guint i = 0; i < 40; i++)
    g_free (names_data[i]);
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

/* SPEC 13: a nature outside its chapter (611 is chapter 011) is flagged in
 * the summary too, and an empty function is said so, not printed blank. */
static void
test_imputation (void)
{
  g_autoptr(EntDocument) document = ent_document_new_example ();
  g_autoptr(GDateTime) date = fixed_date ();
  EntPdfOptions options = { 0, date };
  g_autofree char *pdf = build_path ("summary-imputation.pdf");
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  if (!french)
    {
      g_test_skip ("fr_FR.UTF-8 is not available");
      return;
    }
  if (*PDFTOTEXT == '\0')
    {
      g_test_skip ("poppler-utils (pdftotext) not installed");
      return;
    }

  ent_document_set_imputation (document, ENT_LINE_BASE, "65", "65548", "");
  ent_document_set_imputation (document, ENT_LINE_SPECIFIC, "65", "611", "212");
  g_unlink (pdf);
  g_assert_true (ent_pdf_export (document, pdf, &options, &error));
  g_assert_no_error (error);
  text = pdf_to_text (pdf);
  g_test_message ("%s", text);
  g_assert_cmpint (count_pages (text), ==, 1);

  assert_contains_flowing (text, "nature 65548 – Autres contributions, no function");
  assert_contains_flowing (text, "nature 611 – Contrats de prestations de services");
  assert_contains_flowing (text, "function 212 – Écoles primaires");
  assert_contains_flowing (text, "Nature 611 belongs to chapter 011");
}

int
main (int    argc,
      char **argv)
{
  french = setlocale (LC_ALL, "fr_FR.UTF-8") != NULL;
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/compare/pdf/example", test_example);
  g_test_add_func ("/compare/pdf/imputation", test_imputation);
  g_test_add_func ("/compare/pdf/reference", test_reference_and_reproducible);
  g_test_add_func ("/compare/pdf/many-scenarios", test_many_scenarios_fit);
  g_test_add_func ("/compare/pdf/communes", test_communes);
  g_test_add_func ("/compare/pdf/communes-prorata", test_communes_prorata);
  g_test_add_func ("/compare/pdf/many-communes", test_many_communes);
  g_test_add_func ("/compare/pdf/atomic", test_atomic_failures);

  return g_test_run ();
}
