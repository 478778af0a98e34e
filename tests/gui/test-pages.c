/* test-pages.c: the Pupils, Scenarios and Budget pages, driven like a user would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each page is shown in a window of its own, on the bundled Hem example and on
 * a document built here. The test plays the window's part: it recomputes the
 * budget on the document's "changed" signal and sets it on the page.
 * Each page is rendered to a PNG in the build directory.
 */
#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>
#include <gtk/gtk.h>

#include <adwaita.h>

#include "ent-assumptions-page.h"
#include "ent-budget-page.h"
#include "ent-budget.h"
#include "ent-money.h"
#include "ent-pupils-page.h"
#include "ent-scenarios-page.h"

#include "ent-test-gtk-utils.h"

/* the window's part: recompute on every change and hand the result over */

static void
recompute_cb (EntDocument *document,
              GtkWidget   *page)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EntBudget) budget = ent_budget_compute (document, &error);

  g_assert_no_error (error);
  g_object_set (page, "budget", budget, NULL);
}

static void
attach_budget (GtkWidget   *page,
               EntDocument *document)
{
  g_signal_connect_object (document, "changed", G_CALLBACK (recompute_cb), page, 0);
  recompute_cb (document, page);
}

/* widgets */

static gboolean
match_text (GtkWidget     *widget,
            gconstpointer  data)
{
  if (!gtk_widget_get_mapped (widget))
    return FALSE;
  if (GTK_IS_LABEL (widget))
    return g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), data) == 0;
  return FALSE;
}

/* TRUE when a label on screen shows exactly @text. */
static gboolean
shows_text (GtkWidget  *root,
            const char *text)
{
  return ent_test_find_widget (root, match_text, text) != NULL;
}

static gboolean
shows_money (GtkWidget *root,
             gint64     cents)
{
  g_autofree char *text = ent_money_format (cents);

  return shows_text (root, text);
}

typedef struct
{
  const char *kind;
  gpointer    school;   /* NULL: any, or the totals row with total = TRUE */
  int         year;
  gboolean    total;
} CellQuery;

static gboolean
match_cell (GtkWidget     *widget,
            gconstpointer  data)
{
  const CellQuery *query = data;
  const char *kind = g_object_get_data (G_OBJECT (widget), "ent-cell-kind");
  gpointer school = g_object_get_data (G_OBJECT (widget), "ent-cell-school");
  int year = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (widget), "ent-cell-year"));

  if (kind == NULL || !g_str_equal (kind, query->kind) || year != query->year)
    return FALSE;
  if (!gtk_widget_get_mapped (widget))
    return FALSE;
  if (query->total)
    return school == NULL && !gtk_editable_get_editable (GTK_EDITABLE (widget));
  return query->school == NULL || school == query->school;
}

static GtkWidget *
find_cell (GtkWidget  *root,
           const char *kind,
           gpointer    school,
           int         year)
{
  CellQuery query = { kind, school, year, FALSE };
  GtkWidget *cell = ent_test_find_widget (root, match_cell, &query);

  g_assert_nonnull (cell);
  return cell;
}

static GtkWidget *
find_total_cell (GtkWidget *root,
                 int        year)
{
  CellQuery query = { "count", NULL, year, TRUE };
  GtkWidget *cell = ent_test_find_widget (root, match_cell, &query);

  g_assert_nonnull (cell);
  return cell;
}

static EntDocument *
new_own_document (void)
{
  EntDocument *document = ent_document_new ();
  EntContract *contract = ent_document_get_contract (document);
  g_autoptr(EntTariffPeriod) period = NULL;
  g_autoptr(EntSchool) a = ent_school_new ("École Jules Ferry", "Roubaix");
  g_autoptr(EntSchool) b = ent_school_new ("École Louise Michel", "Croix");
  g_autoptr(EntScenario) scenario = ent_scenario_new ("Prudent");
  g_autoptr(GError) error = NULL;
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, G_DATE_SEPTEMBER, 2021);
  period = ent_tariff_period_new (&date, 130, 30, 15000, "Test tariff");
  g_assert_true (ent_tariff_schedule_add (ent_document_get_tariffs (document), period, &error));
  g_assert_no_error (error);

  ent_contract_set_first_school_year (contract, 2022);
  ent_contract_set_school_years (contract, 3);
  g_date_set_dmy (&date, 1, G_DATE_JANUARY, 2023);
  ent_contract_set_payment_start (contract, &date);

  ent_school_set_known_pupils (a, 2022, 200);
  ent_school_set_known_pupils (b, 2022, 100);
  ent_school_set_known_pupils (b, 2023, 110);
  ent_document_add_school (document, a);
  ent_document_add_school (document, b);

  ent_scenario_set_projection (scenario, ENT_PROJECTION_RATE);
  ent_scenario_set_projection_rate (scenario, -1000);
  ent_document_add_scenario (document, scenario);
  return document;
}

/* Pupils */

static void
test_pupils_example (void)
{
  g_autoptr(EntDocument) document = ent_document_new_example ();
  EntSchool *school = ent_test_school_at (document, 0);
  GtkWidget *page = ent_pupils_page_new ();
  GtkWidget *window;
  GtkWidget *cell;
  GtkWidget *error_revealer;
  GtkWidget *error_label;
  g_autofree char *text = NULL;
  gint64 count = 0;
  guint n_schools;

  g_object_ref_sink (page);
  g_object_set (page, "document", document, NULL);
  attach_budget (page, document);
  window = ent_test_show_in_window (page, 1100, 720);

  /* the known count and the projected ones, distinct */
  cell = find_cell (page, "count", school, 2023);
  text = ent_count_format (1209);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cell)), ==, text);
  g_assert_false (gtk_widget_has_css_class (cell, "projected"));
  cell = find_cell (page, "count", school, 2024);
  {
    /* a projected count is marked, not only greyed: "≈" and a narrow
     * no-break space before it (issue 16) */
    g_autofree char *projected = g_strconcat ("\u2248\u202f", text, NULL);

    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cell)), ==, projected);
  }
  g_assert_true (gtk_widget_has_css_class (cell, "projected"));
  g_assert_true (gtk_widget_has_css_class (cell, "dim-label"));
  g_assert_false (ent_school_get_known_pupils (school, 2024, NULL));
  ent_test_save_png (window, "pages-pupils-example.png");

  /* typing over a projected count makes it known, the totals follow */
  ent_test_type_into_label (cell, "1250");
  g_assert_true (ent_school_get_known_pupils (school, 2024, &count));
  g_assert_cmpint (count, ==, 1250);
  g_assert_false (gtk_widget_has_css_class (cell, "projected"));
  g_clear_pointer (&text, g_free);
  text = ent_count_format (1250);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cell)), ==, text);
  ent_test_wait_for_frames (window, 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_total_cell (page, 2024))), ==, text);
  /* 2025 is now projected from 2024 (marked "≈") */
  {
    g_autofree char *projected = g_strconcat ("\u2248\u202f", text, NULL);

    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_cell (page, "count", school, 2025))), ==,
                     projected);
  }

  /* invalid input is refused with a reason, the model keeps its value */
  error_revealer = ent_test_find_by_id (page, "error_revealer");
  error_label = ent_test_find_by_id (page, "error_label");
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (error_revealer)));
  cell = find_cell (page, "count", school, 2025);
  ent_test_type_into_label (cell, "12a");
  g_assert_false (ent_school_get_known_pupils (school, 2025, NULL));
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (error_revealer)));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (error_label)), ==,
                   _("A pupil count is a whole number of pupils, such as 1209."));
  /* the cell shows the model's value again: still projected */
  {
    g_autofree char *projected = g_strconcat ("\u2248\u202f", text, NULL);

    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cell)), ==, projected);
  }
  ent_test_wait_for_frames (window, 1);
  ent_test_save_png (window, "pages-pupils-invalid.png");

  ent_test_type_into_label (cell, "-3");
  g_assert_false (ent_school_get_known_pupils (school, 2025, NULL));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (error_label)), ==,
                   _("A pupil count cannot be negative."));
  ent_test_type_into_label (cell, "100001");
  g_assert_false (ent_school_get_known_pupils (school, 2025, NULL));
  {
    g_autofree char *limit = ent_count_format (ENT_MAX_PUPILS_PER_SCHOOL);
    g_autofree char *reason = g_strdup_printf (_("A school has at most %s pupils"), limit);

    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (error_label)), ==, reason);
  }

  /* a grouped count as displayed is accepted */
  g_clear_pointer (&text, g_free);
  text = ent_count_format (1300);
  ent_test_type_into_label (cell, text);
  g_assert_true (ent_school_get_known_pupils (school, 2025, &count));
  g_assert_cmpint (count, ==, 1300);
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (error_revealer)));

  /* erasing a known count goes back to the projection */
  ent_test_type_into_label (cell, "");
  g_assert_false (ent_school_get_known_pupils (school, 2025, NULL));
  g_assert_true (gtk_widget_has_css_class (cell, "projected"));

  /* UAI: refused when malformed, taken when valid */
  cell = find_cell (page, "uai", school, 0);
  ent_test_type_into_label (cell, "59A");
  g_assert_cmpstr (ent_school_get_uai (school), ==, "");
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (error_revealer)));
  ent_test_type_into_label (cell, "0590123A");
  g_assert_cmpstr (ent_school_get_uai (school), ==, "0590123A");

  /* rename */
  cell = find_cell (page, "name", school, 0);
  ent_test_type_into_label (cell, "Écoles de Hem");
  g_assert_cmpstr (ent_school_get_name (school), ==, "Écoles de Hem");

  /* SPEC 10.5: a name or a commune with a control character or a
   * noncharacter is refused, with the reason, and the cell shows the
   * school's again */
  {
    static const struct { const char *kind; const char *text; const char *reason; } refused[] = {
      { "name", "Écoles\tde Hem", "single line" },
      { "name", "Écoles de Hem\xc2\x9b" "31m", "U+009B" },
      { "commune", "Hem\xef\xb7\x90", "U+FDD0" },
      { "commune", "H\x01" "em", "U+0001" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
      {
        gboolean is_name = g_str_equal (refused[i].kind, "name");
        const char *before = is_name ? "Écoles de Hem" : "Hem";

        cell = find_cell (page, refused[i].kind, school, 0);
        ent_test_type_into_label (cell, refused[i].text);
        g_assert_cmpstr (is_name ? ent_school_get_name (school) : ent_school_get_commune (school), ==, before);
        g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (error_revealer)));
        if (strstr (gtk_label_get_text (GTK_LABEL (error_label)), refused[i].reason) == NULL)
          g_error ("“%s” is not in “%s”", refused[i].reason, gtk_label_get_text (GTK_LABEL (error_label)));
        g_assert_true (gtk_widget_has_css_class (cell, "error"));
        g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cell)), ==, before);
      }
    cell = find_cell (page, "name", school, 0);
    ent_test_type_into_label (cell, "Écoles de Hem");
    g_assert_false (gtk_widget_has_css_class (cell, "error"));
  }

  /* add a school, then remove it */
  n_schools = g_list_model_get_n_items (ent_document_get_schools (document));
  ent_test_click (ent_test_find_by_id (page, "add_button"));
  g_assert_cmpuint (g_list_model_get_n_items (ent_document_get_schools (document)), ==, n_schools + 1);
  g_assert_cmpstr (ent_school_get_commune (ent_test_school_at (document, n_schools)), ==, "Hem");
  ent_test_wait_for_frames (window, 1);
  cell = find_cell (page, "count", ent_test_school_at (document, n_schools), 2023);
  ent_test_type_into_label (cell, "42");
  g_clear_pointer (&text, g_free);
  text = ent_count_format (1209 + 42);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_total_cell (page, 2023))), ==, text);
  ent_test_save_png (window, "pages-pupils-added.png");
  ent_test_click (ent_test_find_by_id (page, "remove_button"));
  g_assert_cmpuint (g_list_model_get_n_items (ent_document_get_schools (document)), ==, n_schools);
  ent_test_wait_for_frames (window, 1);
  g_clear_pointer (&text, g_free);
  text = ent_count_format (1209);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_total_cell (page, 2023))), ==, text);

  ent_test_destroy_shown_window (window, 300);
  g_assert_finalize_object (page);
  g_assert_finalize_object (g_steal_pointer (&document));
}

static void
count_changes_cb (guint *n_changes)
{
  (*n_changes)++;
}

static void
test_pupils_own_document (void)
{
  g_autoptr(EntDocument) document = new_own_document ();
  EntScenario *prudent = ent_test_scenario_at (document, 0);
  EntSchool *a = ent_test_school_at (document, 0);
  GtkWidget *page = ent_pupils_page_new ();
  GtkWidget *column_view;
  GtkWidget *window;
  GtkWidget *cell;
  g_autofree char *text = NULL;

  g_object_ref_sink (page);
  g_object_set (page, "document", document, "scenario", prudent, NULL);
  attach_budget (page, document);
  window = ent_test_show_in_window (page, 1100, 720);

  column_view = ent_test_find_by_id (page, "column_view");
  /* name, UAI, commune, level, opens, closes + 3 school years */
  g_assert_cmpuint (g_list_model_get_n_items (gtk_column_view_get_columns (GTK_COLUMN_VIEW (column_view))), ==, 9);

  /* −10 % a year: 200 → 180 → 162 */
  cell = find_cell (page, "count", a, 2024);
  text = g_strconcat ("\u2248\u202f" "162", NULL);   /* projected: marked */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cell)), ==, text);
  g_assert_true (gtk_widget_has_css_class (cell, "projected"));
  g_clear_pointer (&text, g_free);
  /* 162 + (110 → 99) */
  text = ent_count_format (162 + 99);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_total_cell (page, 2024))), ==, text);

  /* an edit touches the edited school's cells and the totals, not the others */
  {
    EntSchool *b = ent_test_school_at (document, 1);
    GtkWidget *other = find_cell (page, "count", b, 2022);
    guint other_changes = 0;
    /* any property of the widget set again (text, tooltip, style classes) */
    gulong id = g_signal_connect_swapped (other, "notify", G_CALLBACK (count_changes_cb), &other_changes);

    ent_test_type_into_label (find_cell (page, "count", a, 2023), "190");
    ent_test_wait_for_frames (window, 1);
    g_clear_pointer (&text, g_free);
    /* 190 + 110 */
    text = ent_count_format (300);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_total_cell (page, 2023))), ==, text);
    g_clear_pointer (&text, g_free);
    /* 2024: 190 → 171, plus 99 */
    text = ent_count_format (171 + 99);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_total_cell (page, 2024))), ==, text);
    g_assert_cmpuint (other_changes, ==, 0);
    g_signal_handler_disconnect (other, id);
  }

  /* SPEC 3: where a count comes from; a typed count over an imported one
   * becomes "manual" */
  {
    EntSchool *b = ent_test_school_at (document, 1);
    GtkWidget *imported = find_cell (page, "count", b, 2022);

    ent_school_set_known_pupils_from (b, 2022, 100, ENT_COUNT_SOURCE_OPEN_DATA);
    ent_test_wait_for_frames (window, 1);
    g_assert_true (gtk_widget_has_css_class (imported, "open-data"));
    g_assert_false (gtk_widget_has_css_class (find_cell (page, "count", b, 2023), "open-data"));
    ent_test_type_into_label (imported, "101");
    g_assert_cmpint (ent_school_get_count_source (b, 2022), ==, ENT_COUNT_SOURCE_MANUAL);
    g_assert_false (gtk_widget_has_css_class (imported, "open-data"));
    ent_school_set_known_pupils (b, 2022, 100);
  }

  /* SPEC 4.1: the first count of a new school typed for a later year opens
   * it then: nothing before, in the grid or in the totals */
  {
    g_autoptr(EntSchool) c = ent_school_new ("École nouvelle", "Roubaix");
    GtkWidget *before;

    ent_document_add_school (document, c);
    ent_test_wait_for_frames (window, 1);
    ent_test_type_into_label (find_cell (page, "count", c, 2024), "40");
    g_assert_cmpint (ent_school_get_opens (c), ==, 2024);
    ent_test_wait_for_frames (window, 1);
    before = find_cell (page, "count", c, 2023);
    g_assert_true (gtk_widget_has_css_class (before, "closed"));
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_cell (page, "opens", c, 0))), ==, "2024");
    g_clear_pointer (&text, g_free);
    /* 2023: 190 + 110, the new school not open */
    text = ent_count_format (300);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_total_cell (page, 2023))), ==, text);
    ent_test_save_png (window, "pages-pupils-opens.png");

    /* an opening after a known count is refused, with the reason */
    ent_test_type_into_label (find_cell (page, "opens", c, 0), "2025");
    g_assert_cmpint (ent_school_get_opens (c), ==, 2024);
    g_assert_true (gtk_widget_has_css_class (find_cell (page, "opens", c, 0), "error"));
    ent_document_remove_school (document, c);
  }

  /* the columns follow the contract */
  ent_contract_set_school_years (ent_document_get_contract (document), 5);
  ent_test_wait_for_frames (window, 1);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_column_view_get_columns (GTK_COLUMN_VIEW (column_view))), ==, 11);
  find_cell (page, "count", a, 2026);
  ent_test_save_png (window, "pages-pupils-own.png");

  ent_test_destroy_shown_window (window, 300);
  g_assert_finalize_object (page);
  g_assert_finalize_object (g_steal_pointer (&document));
}

/* Scenarios */

static GtkWidget *
find_year_cell (GtkWidget  *page,
                const char *kind,
                int         year)
{
  return find_cell (page, kind, NULL, year);
}

static void
test_scenarios_example (void)
{
  g_autoptr(EntDocument) document = ent_document_new_example ();
  EntScenario *base = ent_test_scenario_at (document, 0);
  GListModel *scenarios = ent_document_get_scenarios (document);
  GtkWidget *page = ent_scenarios_page_new ();
  GtkWidget *window;
  GtkWidget *widget;
  guint n;

  g_object_ref_sink (page);
  g_object_set (page, "document", document, NULL);
  window = ent_test_show_in_window (page, 1100, 720);

  g_assert_true (ent_scenarios_page_get_scenario (ENT_SCENARIOS_PAGE (page)) == base);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ent_test_find_by_id (page, "name_entry"))), ==,
                   ent_scenario_get_name (base));
  ent_test_save_png (window, "pages-scenarios-example.png");

  /* optional support in one year, then every year */
  widget = find_year_cell (page, "optional", 2025);
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (widget)));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (widget), TRUE);
  g_assert_true (ent_scenario_get_optional_in_year (base, 2025));
  g_assert_false (ent_scenario_get_optional_in_year (base, 2024));
  widget = ent_test_find_by_id (page, "optional_all_switch");
  gtk_switch_set_active (GTK_SWITCH (widget), TRUE);
  g_assert_true (ent_scenario_get_optional_all (base));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (find_year_cell (page, "optional", 2024))));
  g_assert_false (gtk_widget_get_sensitive (find_year_cell (page, "optional", 2024)));
  gtk_switch_set_active (GTK_SWITCH (widget), FALSE);
  g_assert_false (ent_scenario_get_optional_all (base));

  /* half-days */
  widget = find_year_cell (page, "half-days", 2026);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (widget), 3);
  g_assert_cmpint (ent_scenario_get_half_days (base, 2026), ==, 3);

  /* projection: a negative rate with two decimals, no floating point drift */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (ent_test_find_by_id (page, "rate_check")), TRUE);
  g_assert_cmpint (ent_scenario_get_projection (base), ==, ENT_PROJECTION_RATE);
  widget = ent_test_find_by_id (page, "projection_spin");
  g_assert_true (gtk_widget_get_sensitive (widget));
  gtk_editable_set_text (GTK_EDITABLE (widget), "-2.07");
  gtk_spin_button_update (GTK_SPIN_BUTTON (widget));
  g_assert_cmpint (ent_scenario_get_projection_rate (base), ==, -207);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (widget), 0.29);
  g_assert_cmpint (ent_scenario_get_projection_rate (base), ==, 29);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (widget), -4.35);
  g_assert_cmpint (ent_scenario_get_projection_rate (base), ==, -435);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (ent_test_find_by_id (page, "constant_check")), TRUE);
  g_assert_cmpint (ent_scenario_get_projection (base), ==, ENT_PROJECTION_CONSTANT);
  g_assert_false (gtk_widget_get_sensitive (widget));

  /* tariff increase */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (ent_test_find_by_id (page, "tariff_spin")), 2);
  g_assert_cmpint (ent_scenario_get_tariff_increase (base), ==, 200);

  /* rename through the entry */
  gtk_editable_set_text (GTK_EDITABLE (ent_test_find_by_id (page, "name_entry")), "Base revue");
  g_assert_cmpstr (ent_scenario_get_name (base), ==, "Base revue");
  g_assert_false (gtk_widget_get_visible (ent_test_find_by_id (page, "name_error")));

  /* SPEC 10.5: not with a control character: refused, with the reason */
  gtk_editable_set_text (GTK_EDITABLE (ent_test_find_by_id (page, "name_entry")), "Base\nrevue");
  g_assert_cmpstr (ent_scenario_get_name (base), ==, "Base revue");
  g_assert_true (gtk_widget_get_visible (ent_test_find_by_id (page, "name_error")));
  g_assert_true (gtk_widget_has_css_class (ent_test_find_by_id (page, "name_entry"), "error"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (ent_test_find_by_id (page, "name_error"))),
                            "single line"));
  g_assert_true (gtk_test_accessible_has_state (GTK_ACCESSIBLE (ent_test_find_by_id (page, "name_entry")),
                                                GTK_ACCESSIBLE_STATE_INVALID));
  gtk_editable_set_text (GTK_EDITABLE (ent_test_find_by_id (page, "name_entry")), "Base \xef\xbf\xbf");
  g_assert_cmpstr (ent_scenario_get_name (base), ==, "Base revue");
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (ent_test_find_by_id (page, "name_error"))),
                            "U+FFFF"));
  gtk_editable_set_text (GTK_EDITABLE (ent_test_find_by_id (page, "name_entry")), "Base revue");
  g_assert_false (gtk_widget_get_visible (ent_test_find_by_id (page, "name_error")));
  g_assert_false (gtk_widget_has_css_class (ent_test_find_by_id (page, "name_entry"), "error"));
  ent_test_wait_for_frames (window, 1);
  g_assert_true (shows_text (page, "Base revue"));

  /* add, duplicate, delete; one always remains */
  n = g_list_model_get_n_items (scenarios);
  ent_test_click (ent_test_find_by_id (page, "add_button"));
  g_assert_cmpuint (g_list_model_get_n_items (scenarios), ==, n + 1);
  g_assert_true (ent_scenarios_page_get_scenario (ENT_SCENARIOS_PAGE (page)) == ent_test_scenario_at (document, n));
  ent_test_click (ent_test_find_by_id (page, "duplicate_button"));
  g_assert_cmpuint (g_list_model_get_n_items (scenarios), ==, n + 2);
  {
    g_autofree char *copy = g_strdup_printf (_("%s (copy)"), _("New scenario"));

    g_assert_cmpstr (ent_scenario_get_name (ent_test_scenario_at (document, n + 1)), ==, copy);
  }
  /* the editor shows the copy */
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (ent_test_find_by_id (page, "constant_check"))));
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (ent_test_find_by_id (page, "rate_check"))));
  ent_test_wait_for_frames (window, 1);
  ent_test_save_png (window, "pages-scenarios-edited.png");

  while (g_list_model_get_n_items (scenarios) > 1)
    ent_test_click (ent_test_find_by_id (page, "delete_button"));
  g_assert_false (gtk_widget_get_sensitive (ent_test_find_by_id (page, "delete_button")));
  g_assert_nonnull (ent_scenarios_page_get_scenario (ENT_SCENARIOS_PAGE (page)));
  g_assert_true (ent_scenarios_page_get_scenario (ENT_SCENARIOS_PAGE (page)) == ent_test_scenario_at (document, 0));

  ent_test_destroy_shown_window (window, 300);
  g_assert_finalize_object (page);
  g_assert_finalize_object (g_steal_pointer (&document));
}

static void
test_scenarios_own_document (void)
{
  g_autoptr(EntDocument) document = new_own_document ();
  EntScenario *prudent = ent_test_scenario_at (document, 0);
  GtkWidget *page = ent_scenarios_page_new ();
  GtkWidget *window;

  g_object_ref_sink (page);
  g_object_set (page, "document", document, NULL);
  window = ent_test_show_in_window (page, 1100, 720);

  /* the editor shows the scenario's values: −10 % */
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (ent_test_find_by_id (page, "rate_check"))));
  g_assert_cmpfloat_with_epsilon (gtk_spin_button_get_value (GTK_SPIN_BUTTON (ent_test_find_by_id (page, "projection_spin"))),
                                  -10.0, 1e-9);
  /* budget years 2023 .. 2025 */
  find_year_cell (page, "half-days", 2023);
  find_year_cell (page, "half-days", 2025);

  /* a change made elsewhere shows at once */
  ent_scenario_set_half_days (prudent, 2024, 7);
  g_assert_cmpfloat_with_epsilon (gtk_spin_button_get_value (GTK_SPIN_BUTTON (find_year_cell (page, "half-days", 2024))),
                                  7.0, 1e-9);
  g_assert_false (gtk_widget_get_sensitive (ent_test_find_by_id (page, "delete_button")));
  ent_test_save_png (window, "pages-scenarios-own.png");

  ent_test_destroy_shown_window (window, 300);
  g_assert_finalize_object (page);
  g_assert_finalize_object (g_steal_pointer (&document));
}

/* Budget */

static void
test_budget_example (void)
{
  g_autoptr(EntDocument) document = ent_document_new_example ();
  EntScenario *base = ent_test_scenario_at (document, 0);
  GtkWidget *page = ent_budget_page_new ();
  GtkWidget *window;
  g_autofree char *title = NULL;

  g_object_ref_sink (page);
  g_object_set (page, "document", document, "scenario", base, NULL);
  attach_budget (page, document);
  window = ent_test_show_in_window (page, 1100, 720);

  /* SPEC 4, annual, base only: 1 571,70 a year, 6 286,80 over the contract */
  g_assert_true (shows_money (page, 157170));
  g_assert_true (shows_money (page, 628680));
  g_assert_false (shows_money (page, 193440));
  g_assert_true (shows_text (page, "65548"));
  g_assert_true (shows_text (page, "2027"));
  /* cost per pupil: 1,30 */
  g_assert_true (shows_money (page, 130));
  /* AE/CP: remaining after 2024 */
  g_assert_true (shows_money (page, 628680 - 157170));
  title = g_strdup_printf (_("Budget of “%s”"), ent_scenario_get_name (base));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (ent_test_find_by_id (page, "title_label"))), ==, title);
  /* one commune: no per-commune table */
  g_assert_false (gtk_widget_get_visible (ent_test_find_by_id (page, "communes_box")));
  /* SPEC 12, vintage: 2024 bills the known rentrée 2023; 2025 on rest on projections */
  g_assert_true (shows_text (page, "observed"));
  g_assert_true (shows_text (page, "pupils of the rentrée 2024 projected, last observed: rentrée 2023"));
  g_assert_true (shows_text (page, "pupils of the rentrée 2026 projected, last observed: rentrée 2023"));
  ent_test_save_png (window, "pages-budget-example.png");

  /* a change of the scenario shows once the budget is recomputed */
  ent_scenario_set_optional_all (base, TRUE);
  ent_test_wait_for_frames (window, 1);
  g_assert_true (shows_money (page, 193440));
  g_assert_true (shows_money (page, 773760));
  g_assert_false (shows_money (page, 628680));

  /* another scenario: 2 half-days a year */
  g_object_set (page, "scenario", ent_test_scenario_at (document, 2), NULL);
  ent_test_wait_for_frames (window, 1);
  g_assert_true (shows_money (page, 223440));
  g_assert_true (shows_money (page, 30000));
  ent_test_save_png (window, "pages-budget-half-days.png");

  ent_test_destroy_shown_window (window, 300);
  g_assert_finalize_object (page);
  g_assert_finalize_object (g_steal_pointer (&document));
}

/* SPEC 5, split-functions, from the Assumptions page's switch to the
 * Budget page: Hem's 1 209 pupils plus a primaire school of 100. The switch
 * waits for every school's level; then each year's base line 1 309 × 1,30 =
 * 1 701,70 shows as 211: 1 209 × 1,30 = 1 571,70 and 212: 100 × 1,30 = 130,00. */
static void
test_budget_split_functions (void)
{
  g_autoptr(EntDocument) document = ent_document_new_example ();
  g_autoptr(EntSchool) primaire = ent_school_new ("École primaire", "Hem");
  GtkWidget *assumptions = ent_assumptions_page_new ();
  GtkWidget *page = ent_budget_page_new ();
  GtkWidget *assumptions_window;
  GtkWidget *window;
  GtkWidget *split_switch;
  GtkWidget *split_row;

  ent_school_set_known_pupils (primaire, 2023, 100);
  ent_school_set_level (primaire, ENT_SCHOOL_LEVEL_PRIMAIRE);
  ent_document_add_school (document, primaire);

  g_object_ref_sink (assumptions);
  g_object_set (assumptions, "document", document, NULL);
  assumptions_window = ent_test_show_in_window (assumptions, 1100, 720);
  g_object_ref_sink (page);
  g_object_set (page, "document", document, "scenario", ent_test_scenario_at (document, 0), NULL);
  attach_budget (page, document);
  window = ent_test_show_in_window (page, 1100, 720);

  split_switch = ent_test_find_by_id (assumptions, "split_switch");
  split_row = ent_test_find_by_id (assumptions, "split_row");
  /* one school without a level: the row says why its switch cannot be
   * turned on, and takes the focus itself (Tab reaches the reason) */
  g_assert_false (gtk_widget_is_sensitive (split_switch));
  g_assert_true (gtk_widget_get_focusable (split_row));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (split_row)), ==,
                   "1 school without a level: the split between functions 211 and 212 is impossible");
  g_assert_true (shows_money (page, 170170));
  g_assert_false (shows_money (page, 157170));

  ent_school_set_level (ent_test_school_at (document, 0), ENT_SCHOOL_LEVEL_MATERNELLE);
  g_assert_true (gtk_widget_is_sensitive (split_switch));
  g_assert_false (gtk_widget_get_focusable (split_row));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (split_row)), ==, "");
  g_assert_false (ent_document_get_split_functions (document));

  gtk_widget_activate (split_switch);
  ent_test_settle (window);
  ent_test_wait_for_frames (window, 3);
  g_assert_true (ent_document_get_split_functions (document));
  ent_test_save_png (window, "pages-budget-split.png");
  g_assert_true (shows_money (page, 157170));
  g_assert_true (shows_money (page, 13000));
  g_assert_true (shows_text (page, "211"));
  g_assert_true (shows_text (page, "212"));
  g_assert_true (shows_text (page, "Base contribution – function 211 “Écoles maternelles”"));

  /* and back */
  gtk_widget_activate (split_switch);
  ent_test_settle (window);
  ent_test_wait_for_frames (window, 3);
  g_assert_false (ent_document_get_split_functions (document));
  g_assert_false (shows_money (page, 157170));

  ent_test_destroy_shown_window (assumptions_window, 300);
  ent_test_destroy_shown_window (window, 300);
  g_assert_finalize_object (assumptions);
  g_assert_finalize_object (page);
  g_assert_finalize_object (g_steal_pointer (&document));
}

static void
test_budget_own_document (void)
{
  g_autoptr(EntDocument) document = new_own_document ();
  GtkWidget *page = ent_budget_page_new ();
  GtkWidget *window;

  g_object_ref_sink (page);
  g_object_set (page, "document", document, NULL);
  window = ent_test_show_in_window (page, 1100, 720);

  /* no budget yet: the empty state */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (ent_test_find_by_id (page, "stack"))), ==, "empty");

  attach_budget (page, document);
  ent_test_wait_for_frames (window, 1);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (ent_test_find_by_id (page, "stack"))), ==, "budget");
  /* 2023 bills school year 2022: 300 pupils × 1,30 */
  g_assert_true (shows_money (page, 39000));
  g_assert_true (shows_text (page, "2023"));
  ent_test_save_png (window, "pages-budget-own.png");

  g_object_set (page, "budget", NULL, NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (ent_test_find_by_id (page, "stack"))), ==, "empty");

  ent_test_destroy_shown_window (window, 300);
  g_assert_finalize_object (page);
  g_assert_finalize_object (g_steal_pointer (&document));
}

/* Budget: share per commune */

/* Three communes, annual billing, base only at 1,30 € a pupil, the default
 * contract (school years 2023–2026, budget years 2024–2027, each billing the
 * school year before). Only 2023 is known; the constant projection keeps it:
 *   Hem    = 70 + 30 = 100 pupils → 100 × 1,30 = 130,00 € a year, 520,00 € in all
 *   Lys    =          60 pupils →  60 × 1,30 =  78,00 € a year, 312,00 € in all
 *   Sailly =          40 pupils →  40 × 1,30 =  52,00 € a year, 208,00 € in all
 *   total             200 pupils →              260,00 € a year, 1 040,00 € in all */
static EntDocument *
new_communes_document (void)
{
  EntDocument *document = ent_document_new ();
  g_autoptr(EntTariffPeriod) period = NULL;
  g_autoptr(EntScenario) scenario = ent_scenario_new ("Base");
  g_autoptr(GError) error = NULL;
  const struct { const char *name; const char *commune; gint64 pupils; } schools[] = {
    { "École du Centre", "Hem", 70 },
    { "École Lyautey", "Lys", 60 },
    { "École des Prés", "Hem", 30 },
    { "École Pasteur", "Sailly", 40 },
  };
  GDate date;

  ent_document_set_payer (document, "Communauté de communes du Val");
  ent_document_set_payer_kind (document, ENT_PAYER_EPCI);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, G_DATE_SEPTEMBER, 2021);
  period = ent_tariff_period_new (&date, 130, 30, 15000, "Test tariff");
  g_assert_true (ent_tariff_schedule_add (ent_document_get_tariffs (document), period, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ent_contract_get_billing (ent_document_get_contract (document)), ==, ENT_BILLING_ANNUAL);

  for (guint i = 0; i < G_N_ELEMENTS (schools); i++)
    {
      g_autoptr(EntSchool) school = ent_school_new (schools[i].name, schools[i].commune);

      ent_school_set_known_pupils (school, 2023, schools[i].pupils);
      ent_document_add_school (document, school);
    }
  ent_document_add_scenario (document, scenario);
  return document;
}

/* The texts of the row of @view whose first cell shows @first, cell by cell. */
static GStrv
row_texts (GtkWidget  *view,
           const char *first)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GtkWidget *label = ent_test_find_widget (view, match_text, first);
  GtkWidget *row;

  g_assert_nonnull (label);
  /* label → its cell → the row */
  row = gtk_widget_get_parent (gtk_widget_get_parent (label));
  for (GtkWidget *cell = gtk_widget_get_first_child (row);
       cell != NULL;
       cell = gtk_widget_get_next_sibling (cell))
    {
      GtkWidget *child = gtk_widget_get_first_child (cell);

      g_assert_true (GTK_IS_LABEL (child));
      g_strv_builder_add (builder, gtk_label_get_text (GTK_LABEL (child)));
    }
  return g_strv_builder_end (builder);
}

static void
assert_row (GtkWidget    *view,
            const char   *first,
            gint64        pupils,
            const gint64 *cents,   /* 4 budget years, then the contract */
            guint         n_cents)
{
  g_auto(GStrv) texts = row_texts (view, first);
  g_autofree char *count = ent_count_format (pupils);

  g_assert_cmpuint (g_strv_length (texts), ==, 2 + n_cents);
  g_assert_cmpstr (texts[0], ==, first);
  g_assert_cmpstr (texts[1], ==, count);
  for (guint i = 0; i < n_cents; i++)
    {
      g_autofree char *money = ent_money_format (cents[i]);

      g_assert_cmpstr (texts[2 + i], ==, money);
    }
}

static void
scroll_to_bottom (GtkWidget *widget)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (gtk_widget_get_parent (gtk_widget_get_parent (widget)),
                                                 GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment;

  g_assert_nonnull (scrolled);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  gtk_adjustment_set_value (adjustment,
                            gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment));
}

static void
test_budget_communes (void)
{
  g_autoptr(EntDocument) document = new_communes_document ();
  EntSchool *lys = ent_test_school_at (document, 1);
  GtkWidget *page = ent_budget_page_new ();
  GtkWidget *window;
  GtkWidget *view;
  GtkColumnViewColumn *pupils_column;
  g_autofree char *pupils_title = NULL;
  const gint64 hem[] = { 13000, 13000, 13000, 13000, 52000 };
  const gint64 lys_parts[] = { 7800, 7800, 7800, 7800, 31200 };
  const gint64 lys_after[] = { 10400, 10400, 10400, 10400, 41600 };   /* 80 × 1,30 */
  const gint64 sailly[] = { 5200, 5200, 5200, 5200, 20800 };
  const gint64 total[] = { 26000, 26000, 26000, 26000, 104000 };
  const gint64 total_after[] = { 28600, 28600, 28600, 28600, 114400 };

  g_object_ref_sink (page);
  g_object_set (page, "document", document, "scenario", ent_test_scenario_at (document, 0), NULL);
  attach_budget (page, document);
  window = ent_test_show_in_window (page, 1100, 720);

  g_assert_true (gtk_widget_get_visible (ent_test_find_by_id (page, "communes_box")));
  view = ent_test_find_by_id (page, "communes_view");
  /* commune, pupils, 2024 … 2027, contract */
  g_assert_cmpuint (g_list_model_get_n_items (gtk_column_view_get_columns (GTK_COLUMN_VIEW (view))), ==, 7);
  pupils_column = g_list_model_get_item (gtk_column_view_get_columns (GTK_COLUMN_VIEW (view)), 1);
  pupils_title = g_strdup_printf (_("Pupils %d/%d"), 2023, 2024);
  g_assert_cmpstr (gtk_column_view_column_get_title (pupils_column), ==, pupils_title);
  g_object_unref (pupils_column);

  assert_row (view, "Hem", 100, hem, G_N_ELEMENTS (hem));
  assert_row (view, "Lys", 60, lys_parts, G_N_ELEMENTS (lys_parts));
  assert_row (view, "Sailly", 40, sailly, G_N_ELEMENTS (sailly));
  assert_row (view, _("Total"), 200, total, G_N_ELEMENTS (total));
  /* the total row is the scenario's totals, which the parts sum to exactly */
  {
    g_autoptr(EntBudget) budget = NULL;
    const EntScenarioBudget *sb;

    g_object_get (page, "budget", &budget, NULL);
    sb = &budget->scenarios[0];
    g_assert_cmpuint (budget->n_communes, ==, 3);
    g_assert_cmpint (sb->total, ==, 104000);
    for (guint y = 0; y < sb->n_years; y++)
      {
        gint64 sum = 0;

        g_assert_cmpint (sb->years[y].total, ==, 26000);
        for (guint c = 0; c < budget->n_communes; c++)
          for (guint l = 0; l < ENT_N_LINES; l++)
            sum += ent_budget_line_get_commune_part (budget, &sb->years[y].lines[l], c);
        g_assert_cmpint (sum, ==, sb->years[y].total);
      }
  }
  scroll_to_bottom (view);
  ent_test_save_png (window, "pages-budget-communes.png");

  /* live: Lys has 80 pupils in 2023 → 104,00 a year; the other rows keep theirs */
  ent_school_set_known_pupils (lys, 2023, 80);
  ent_test_wait_for_frames (window, 1);
  assert_row (view, "Hem", 100, hem, G_N_ELEMENTS (hem));
  assert_row (view, "Lys", 80, lys_after, G_N_ELEMENTS (lys_after));
  assert_row (view, "Sailly", 40, sailly, G_N_ELEMENTS (sailly));
  assert_row (view, _("Total"), 220, total_after, G_N_ELEMENTS (total_after));

  /* a single commune: no table */
  ent_school_set_commune (lys, "Hem");
  ent_school_set_commune (ent_test_school_at (document, 3), "Hem");
  ent_test_wait_for_frames (window, 1);
  g_assert_false (gtk_widget_get_visible (ent_test_find_by_id (page, "communes_box")));

  ent_test_destroy_shown_window (window, 300);
  g_assert_finalize_object (page);
  g_assert_finalize_object (g_steal_pointer (&document));
}

int
main (int   argc,
      char *argv[])
{
  if (!ent_test_gtk_init (&argc, &argv))
    return 0;

  g_test_add_func ("/pages/pupils/example", test_pupils_example);
  g_test_add_func ("/pages/pupils/own-document", test_pupils_own_document);
  g_test_add_func ("/pages/scenarios/example", test_scenarios_example);
  g_test_add_func ("/pages/scenarios/own-document", test_scenarios_own_document);
  g_test_add_func ("/pages/budget/example", test_budget_example);
  g_test_add_func ("/pages/budget/own-document", test_budget_own_document);
  g_test_add_func ("/pages/budget/split-functions", test_budget_split_functions);
  g_test_add_func ("/pages/budget/communes", test_budget_communes);

  return g_test_run ();
}
