/* test-compare-page.c: the Compare page on the bundled example, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Builds the page in a window, gives it the document and its budget as the
 * window does, chooses a reference, moves the "what if" slider and reads the
 * labels the user sees; saves a PNG of the page into the build directory.
 * Without a display it prints "1..0 # SKIP no display".
 */
#include "config.h"

#include <gtk/gtk.h>
#include <locale.h>
#include <string.h>

#include "ent-compare-page.h"
#include "ent-money.h"

#include "ent-test-gtk-utils.h"

/* The texts of every visible label under @widget, " | "-separated, spaces normalised. */
static void
collect_labels (GtkWidget *widget,
                GString   *out)
{
  if (!gtk_widget_get_visible (widget))
    return;
  if (GTK_IS_LABEL (widget))
    {
      const char *text = gtk_label_get_text (GTK_LABEL (widget));

      for (const char *p = text; *p != '\0';)
        {
          if (strncmp (p, "\xe2\x80\xaf", 3) == 0)
            g_string_append_c (out, ' '), p += 3;
          else if (strncmp (p, "\xc2\xa0", 2) == 0)
            g_string_append_c (out, ' '), p += 2;
          else
            g_string_append_c (out, *p++);
        }
      g_string_append (out, " | ");
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, out);
}

/* The comparison cell of row @row, scenario @scenario: @cents, and
 * @diff_cents (with its percentage @diff_bp) compared with "Base seule", or
 * the reference itself when @diff_bp is negative; amounts formatted as the
 * page formats them. */
static void
assert_cell_named (GtkWidget  *page,
                   const char *row,
                   const char *scenario,
                   gint64      cents,
                   gint64      diff_cents,
                   gint64      diff_bp)
{
  g_autofree char *amount = ent_money_format (cents);
  g_autofree char *money = ent_money_format_signed (diff_cents);
  g_autofree char *percent = ent_percent_format_signed (diff_bp);
  g_autofree char *name = NULL;

  if (diff_bp < 0)
    name = g_strdup_printf ("%s, %s: %s, the reference", row, scenario, amount);
  else
    name = g_strdup_printf ("%s, %s: %s, %s (%s) compared with Base seule", row, scenario, amount, money, percent);
  if (!ent_test_has_accessible_label (page, name))
    g_error ("no cell named \"%s\"", name);
}

static char *
page_text (GtkWidget *page)
{
  GString *out = g_string_new (NULL);

  collect_labels (page, out);
  return g_string_free (out, FALSE);
}

static void
assert_shows (GtkWidget  *page,
              const char *needle)
{
  g_autofree char *text = page_text (page);

  if (strstr (text, needle) == NULL)
    g_error ("“%s” is not shown; the page shows: %s", needle, text);
}

static void
assert_hides (GtkWidget  *page,
              const char *needle)
{
  g_autofree char *text = page_text (page);

  if (strstr (text, needle) != NULL)
    g_error ("“%s” should not be shown; the page shows: %s", needle, text);
}

static void
test_page (void)
{
  g_autoptr(EntDocument) document = ent_document_new_example ();
  g_autoptr(EntBudget) budget = NULL;
  g_autoptr(EntSensitivity) sensitivity = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GtkWidget *window, *page;
  GtkDropDown *reference;
  GtkRange *slider;
  GtkStack *charts;
  EntSchool *school;
  gint64 pupils = 0;

  budget = ent_budget_compute (document, &error);
  g_assert_no_error (error);
  /* computed by the window's workspace, a moment after each edit */
  sensitivity = ent_sensitivity_compute (document, NULL, 0, &error);
  g_assert_no_error (error);
  before = ent_document_to_data (document, NULL);

  page = ent_compare_page_new ();
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 780);
  gtk_window_set_child (GTK_WINDOW (window), page);
  g_object_set (page, "document", document, "budget", budget, "sensitivity", sensitivity, NULL);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (page))
    g_main_context_iteration (NULL, TRUE);
  ent_test_wait_for_frames (window, 2);

  /* scenarios in columns, years and the contract total in rows, against the first */
  assert_shows (page, "Base seule");
  assert_shows (page, "Base + accompagnement forfaitaire");
  assert_shows (page, "2027");
  /* 1 209 × 1,30 = 1 571,70 a year, 6 286,80 in all; + optional 1 934,40 / 7 737,60 */
  assert_shows (page, "1 571,70 €");
  assert_shows (page, "6 286,80 €");
  assert_shows (page, "7 737,60 €");
  /* 7 737,60 − 6 286,80 = 1 450,80; 145 080 × 10 000 / 628 680 = 2 307,69 → 23,08 % */
  assert_shows (page, "+1 450,80 € (+23,08 %)");
  /* a year: 1 934,40 − 1 571,70 = 362,70, also 23,08 % */
  assert_shows (page, "+362,70 € (+23,08 %)");
  /* sensitivity table: 967 × 1,30 × 4 = 5 028,40; 1 451 × 1,60 × 4 + 1 200 = 10 486,40 */
  assert_shows (page, "5 028,40 €");
  assert_shows (page, "10 486,40 €");

  /* each cell names its row, its column and how it compares, for a screen
   * reader (issue 16): 1 209 × 1,60 = 1 934,40 in 2025, +362,70 (+23,08 %);
   * the reference's own cell says so; the total row is named too */
  assert_cell_named (page, "2025", "Base + accompagnement forfaitaire", 193440, 36270, 2308);
  assert_cell_named (page, "2025", "Base seule", 157170, 0, -1);
  assert_cell_named (page, "Contract total", "Base + accompagnement forfaitaire", 773760, 145080, 2308);
  /* the sensitivity table: 967 × 1,30 × 4 = 5 028,40 at −20 % */
  {
    g_autofree char *change = ent_percent_format_signed (-2000);
    g_autofree char *amount = ent_money_format (502840);
    g_autofree char *name = g_strdup_printf ("Base seule, pupils %s: %s", change, amount);

    g_assert_true (ent_test_has_accessible_label (page, name));
  }

  /* the second scenario as the reference: −1 450,80 € is exactly −18,75 %;
   * the half-days + 1 200,00 €: 120 000 × 10 000 / 773 760 = 1 550,87 → 15,51 % */
  reference = GTK_DROP_DOWN (gtk_widget_get_template_child (page, ENT_TYPE_COMPARE_PAGE, "reference_dropdown"));
  gtk_drop_down_set_selected (reference, 1);
  ent_test_wait_for_frames (window, 1);
  /* the chart switcher's buttons, named without the mnemonic's underscore,
   * as radio buttons: one chart or the other (issue 16) */
  {
    GtkWidget *switcher = ent_test_find_by_id (page, "chart_switcher");
    GtkWidget *years = gtk_widget_get_first_child (switcher);

    gtk_test_accessible_assert_property (years, GTK_ACCESSIBLE_PROPERTY_LABEL, "Yearly Totals");
    gtk_test_accessible_assert_property (gtk_widget_get_next_sibling (years), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                         "Sensitivity");
  }
  /* the drop-down's focusable button says the choice (issue 16) */
  gtk_test_accessible_assert_property (gtk_widget_get_first_child (GTK_WIDGET (reference)),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Reference: Base + accompagnement forfaitaire");
  assert_shows (page, "\xe2\x88\x92" "1 450,80 € (" "\xe2\x88\x92" "18,75 %)");
  assert_shows (page, "+1 200,00 € (+15,51 %)");
  assert_hides (page, "+1 450,80 € (+23,08 %)");

  /* what if we had 10 % more pupils: 1 209 × 1,10 = 1 329,9 → 1 330;
   * 1 330 × 1,30 × 4 = 6 916,00 (+629,20 €; 62 920 × 10 000 / 628 680 =
   * 1 000,83 → +10,01 %); 1 330 × 1,60 × 4 = 8 512,00; + 1 200 = 9 712,00 */
  slider = GTK_RANGE (gtk_widget_get_template_child (page, ENT_TYPE_COMPARE_PAGE, "what_if_scale"));
  gtk_range_set_value (slider, 10);
  ent_test_wait_for_frames (window, 1);
  g_assert_cmpint (ent_compare_page_get_pupil_change (ENT_COMPARE_PAGE (page)), ==, 1000);
  assert_shows (page, "1 330");
  assert_shows (page, "6 916,00 €, that is +629,20 € (+10,01 %)");
  assert_shows (page, "8 512,00 €");
  assert_shows (page, "9 712,00 €");

  /* the property drives the slider back */
  ent_compare_page_set_pupil_change (ENT_COMPARE_PAGE (page), -2000);
  g_assert_cmpfloat (gtk_range_get_value (slider), ==, -20.0);
  /* −20 %: 967 × 1,30 × 4 = 5 028,40 */
  assert_shows (page, "5 028,40 €, that is " "\xe2\x88\x92" "1 258,40 €");

  /* nothing of it reached the document */
  after = ent_document_to_data (document, NULL);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (ent_document_get_modified (document));
  school = g_list_model_get_item (ent_document_get_schools (document), 0);
  g_assert_true (ent_school_get_known_pupils (school, 2023, &pupils));
  g_assert_cmpint (pupils, ==, 1209);
  g_object_unref (school);

  /* a new budget after an edit: the figures follow (no half-day any more in
   * the third scenario: 7 737,60 like the second) */
  {
    g_autoptr(EntScenario) third = g_list_model_get_item (ent_document_get_scenarios (document), 2);
    g_autoptr(EntBudget) edited = NULL;

    for (int year = 2024; year <= 2027; year++)
      ent_scenario_set_half_days (third, year, 0);
    g_autoptr(EntSensitivity) edited_sensitivity = NULL;

    edited = ent_budget_compute (document, &error);
    g_assert_no_error (error);
    g_object_set (page, "budget", edited, NULL);
    ent_test_wait_for_frames (window, 1);
    /* the comparison follows at once; the sensitivity table when it is
     * given (the workspace computes it a moment after the last edit) */
    assert_shows (page, "0,00 € (0 %)");
    assert_shows (page, "10 486,40 €");
    edited_sensitivity = ent_sensitivity_compute (document, NULL, 0, &error);
    g_assert_no_error (error);
    g_object_set (page, "sensitivity", edited_sensitivity, NULL);
    ent_test_wait_for_frames (window, 1);
    assert_hides (page, "8 937,60 €");
    assert_hides (page, "10 486,40 €");
    for (int year = 2024; year <= 2027; year++)
      ent_scenario_set_half_days (third, year, 2);
    g_object_set (page, "budget", budget, "sensitivity", sensitivity, NULL);
  }

  ent_compare_page_set_pupil_change (ENT_COMPARE_PAGE (page), 1000);
  ent_test_wait_for_frames (window, 1);
  ent_test_save_png (window, "compare-page.png");

  /* the second tab: the sensitivity lines, with the marker at +10 % */
  charts = GTK_STACK (gtk_widget_get_parent (
             GTK_WIDGET (gtk_widget_get_template_child (page, ENT_TYPE_COMPARE_PAGE, "sensitivity_area"))));
  gtk_stack_set_visible_child_name (charts, "sensitivity");
  ent_test_wait_for_frames (window, 1);
  ent_test_save_png (window, "compare-page-sensitivity.png");

  /* the bottom of the page: the sensitivity table and the "what if" result */
  {
    GtkWidget *scrolled = gtk_widget_get_ancestor (
      GTK_WIDGET (gtk_widget_get_template_child (page, ENT_TYPE_COMPARE_PAGE, "what_if_label")),
      GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

    gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_upper (vadjustment));
    ent_test_wait_for_frames (window, 1);
    ent_test_save_png (window, "compare-page-bottom.png");
  }

  /* without a budget: the empty state */
  g_object_set (page, "budget", NULL, NULL);
  ent_test_wait_for_frames (window, 1);
  assert_hides (page, "6 286,80 €");

  g_object_ref (window);
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (window);
}

int
main (int    argc,
      char **argv)
{
  /* French amounts, as the users see them (C.UTF-8 otherwise) */
  g_setenv ("LC_ALL", "fr_FR.UTF-8", TRUE);
  if (setlocale (LC_ALL, "fr_FR.UTF-8") == NULL)
    {
      g_print ("1..0 # SKIP fr_FR.UTF-8 is not available\n");
      return 0;
    }
  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/compare/page", test_page);

  return g_test_run ();
}
