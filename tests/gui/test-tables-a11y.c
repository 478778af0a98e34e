/* test-tables-a11y.c: what a screen reader hears of the Budget page's tables
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK 4.8 gives the cells of a column view no row or column context: Orca
 * read « 1 571,70 € » and nothing else (issue 16). Each cell of the Budget
 * page's tables is named with its row, its column and, for the AE/CP
 * amounts, whether the pupils they bill were counted or projected (SPEC 12).
 * The Hem example, « Base seule », annual billing (SPEC 4): budget year Y
 * bills the pupils of the rentrée Y−1; 1 209 counted at the rentrée 2023,
 * × 1,30 € = 1 571,70 € a year, 6 286,80 € over the four years.
 * English texts (no catalogue bound), French amounts.
 *
 * Also the names and roles of the controls of those pages (issue 16, item 1):
 * GTK 4.8 names a button or check button with its label as written, the
 * mnemonic's underscore included (« _Constant… »), and a grouped check
 * button is a check box to AT-SPI.
 * Without a display it prints "1..0 # SKIP no display".
 */
#include "config.h"

#include <locale.h>

#include <gtk/gtk.h>

#include "ent-budget-page.h"
#include "ent-budget.h"
#include "ent-money.h"
#include "ent-pupils-page.h"
#include "ent-scenarios-page.h"

#include "ent-test-gtk-utils.h"

static void
assert_named (GtkWidget  *page,
              const char *name)
{
  if (!ent_test_has_accessible_label (page, name))
    g_error ("no cell named \"%s\"", name);
}

static void
test_budget_cells (void)
{
  g_autoptr(EntDocument) document = ent_document_new_example ();
  g_autoptr(GError) error = NULL;
  g_autoptr(EntBudget) budget = ent_budget_compute (document, &error);
  g_autofree char *year_amount = ent_money_format (157170);
  g_autofree char *contract_amount = ent_money_format (628680);
  g_autofree char *pupils = ent_count_format (1209);
  g_autofree char *name = NULL;
  GtkWidget *page = ent_budget_page_new ();
  GtkWidget *window;

  g_assert_no_error (error);
  g_object_set (page, "document", document, "budget", budget, NULL);
  window = ent_test_show_in_window (page, 1280, 800);

  /* the AE/CP table: 2025 bills the rentrée 2024, not counted yet */
  name = g_strdup_printf ("2025, Payment credits (CP): %s, pupils of the rentrée 2024 projected, "
                          "last observed: rentrée 2023", year_amount);
  assert_named (page, name);
  g_free (name);
  name = g_strdup_printf ("2025, Pupils counted: %s, pupils of the rentrée 2024 projected, "
                          "last observed: rentrée 2023", pupils);
  assert_named (page, name);
  g_free (name);
  /* 2024 bills the rentrée 2023, counted */
  name = g_strdup_printf ("2024, Payment credits (CP): %s, observed", year_amount);
  assert_named (page, name);
  g_free (name);
  /* the contract's row */
  name = g_strdup_printf ("Contract, Payment credits (CP): %s", contract_amount);
  assert_named (page, name);
  g_free (name);
  /* the budget lines: a year's total, named by its label */
  name = g_strdup_printf ("Total 2025, Amount: %s", year_amount);
  assert_named (page, name);

  /* a button with a mnemonic, named without its underscore (in the
   * expander « Following the contract ») */
  gtk_expander_set_expanded (ent_test_template_child (page, ENT_TYPE_BUDGET_PAGE, "execution_expander"), TRUE);
  gtk_test_accessible_assert_property (ent_test_find_by_id (page, "add_revision_button"),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Add a Revision");
  /* section titles are headings */
  gtk_test_accessible_assert_role (ent_test_find_by_id (page, "title_label"),
                                   GTK_ACCESSIBLE_ROLE_HEADING);

  ent_test_destroy_shown_window (window, 100);
}

/* GTK 4.8 exposes a column view's rows, cells and inner list by their class
 * names: each row is named by its first text (its year, its line), each
 * cell labelled by what it holds, a blank cell hidden, the inner list
 * labelled by the view (ent_accessible_name_view_rows ()). */
static void
test_budget_rows (void)
{
  g_autoptr(EntDocument) document = ent_document_new_example ();
  g_autoptr(GError) error = NULL;
  g_autoptr(EntBudget) budget = ent_budget_compute (document, &error);
  GtkWidget *page = ent_budget_page_new ();
  GtkWidget *window;
  GtkWidget *view, *list = NULL;
  guint n_rows = 0, n_cells = 0, n_blank = 0;
  gboolean seen_2025 = FALSE;

  g_assert_no_error (error);
  g_object_set (page, "document", document, "budget", budget, NULL);
  window = ent_test_show_in_window (page, 1280, 800);
  ent_test_wait_for_frames (window, 1);

  /* the AE/CP table: rows 2024 … 2027 and the contract */
  view = ent_test_find_by_id (page, "years_view");
  for (GtkWidget *child = gtk_widget_get_first_child (view); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      list = child;
  g_assert_nonnull (list);
  gtk_test_accessible_assert_relation (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_RELATION_LABELLED_BY, view, NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *first = gtk_widget_get_first_child (row);
      GtkWidget *label = first != NULL ? gtk_widget_get_first_child (first) : NULL;

      if (!GTK_IS_LABEL (label))
        continue;
      n_rows++;
      /* the row says its year (the first cell's text) */
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                           gtk_label_get_text (GTK_LABEL (label)));
      seen_2025 |= g_str_equal (gtk_label_get_text (GTK_LABEL (label)), "2025");
      for (GtkWidget *cell = first; cell != NULL; cell = gtk_widget_get_next_sibling (cell))
        {
          GtkWidget *content = gtk_widget_get_first_child (cell);

          if (GTK_IS_LABEL (content) && *gtk_label_get_text (GTK_LABEL (content)) == '\0')
            {
              gtk_test_accessible_assert_state (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE);
              n_blank++;
              continue;
            }
          gtk_test_accessible_assert_relation (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                               content, NULL);
          n_cells++;
        }
    }
  g_test_message ("AE/CP table: %u rows, %u cells labelled, %u blank", n_rows, n_cells, n_blank);
  /* four budget years and the contract */
  g_assert_cmpuint (n_rows, ==, 5);
  g_assert_true (seen_2025);
  g_assert_cmpuint (n_cells, >=, 5 * 2);

  ent_test_destroy_shown_window (window, 100);
}

static void
test_scenarios_controls (void)
{
  g_autoptr(EntDocument) document = ent_document_new_example ();
  GtkWidget *page = ent_scenarios_page_new ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *constant, *rate;

  gtk_window_set_child (GTK_WINDOW (window), page);
  g_object_set (page, "document", document, NULL);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (page))
    g_main_context_iteration (NULL, TRUE);

  /* the two projections: one or the other, radio buttons */
  constant = ent_test_template_child (page, ENT_TYPE_SCENARIOS_PAGE, "constant_check");
  rate = ent_test_template_child (page, ENT_TYPE_SCENARIOS_PAGE, "rate_check");
  gtk_test_accessible_assert_role (constant, GTK_ACCESSIBLE_ROLE_RADIO);
  gtk_test_accessible_assert_role (rate, GTK_ACCESSIBLE_ROLE_RADIO);
  gtk_test_accessible_assert_property (constant, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Constant: the last known count stays");
  gtk_test_accessible_assert_property (rate, GTK_ACCESSIBLE_PROPERTY_LABEL, "Annual change");

  ent_test_destroy_shown_window (window, 100);
}

/* A school's level drop-down says the school and the level chosen: its
 * name is built from a format holding the school's name, so a "%" in that
 * name (« 100 % numérique », or a name pasted from anywhere) must come out
 * as typed, and neither crash nor eat the level; and it follows a rename
 * and a new choice. */
static void
test_level_names (void)
{
  g_autoptr(EntDocument) document = ent_document_new_example ();
  EntSchool *school = g_list_model_get_item (ent_document_get_schools (document), 0);
  const char *hostile = "École 100 % numérique %s %d %n %%";
  GtkWidget *page = ent_pupils_page_new ();
  GtkWidget *window;

  ent_school_set_name (school, hostile);
  ent_school_set_level (school, ENT_SCHOOL_LEVEL_MATERNELLE);
  g_object_set (page, "document", document, NULL);
  window = ent_test_show_in_window (page, 1280, 800);

  /* English texts: no catalogue is bound in this test */
  assert_named (page, "Level of École 100 % numérique %s %d %n %%: Nursery");

  ent_school_set_level (school, ENT_SCHOOL_LEVEL_PRIMAIRE);
  ent_test_wait_for_frames (window, 1);
  assert_named (page, "Level of École 100 % numérique %s %d %n %%: Primary");

  ent_school_set_name (school, "Jules Ferry 50%");
  ent_test_wait_for_frames (window, 1);
  assert_named (page, "Level of Jules Ferry 50%: Primary");
  g_assert_false (ent_test_has_accessible_label (page, "Level of École 100 % numérique %s %d %n %%: Primary"));

  g_object_unref (school);
  ent_test_destroy_shown_window (window, 100);
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
  if (!ent_test_gtk_init (&argc, &argv))
    return 0;

  g_test_add_func ("/tables-a11y/budget", test_budget_cells);
  g_test_add_func ("/tables-a11y/budget-rows", test_budget_rows);
  g_test_add_func ("/tables-a11y/scenarios-controls", test_scenarios_controls);
  g_test_add_func ("/tables-a11y/level-names", test_level_names);
  return g_test_run ();
}
