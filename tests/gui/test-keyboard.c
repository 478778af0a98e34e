/* test-keyboard.c: the main tasks with the keyboard alone
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Issue 13: change a count, add a scenario and export the workbook without
 * the mouse. Every step is a real key press (through the X server, see
 * ent_test_press_key ()), from the focus the window starts with; nothing
 * is done by calling the widgets. The window belongs to the application
 * (built here, under a test id), whose accelerators are the ones a user has:
 * Alt+2, Alt+3, Ctrl+E. A broken focus chain (a widget Tab cannot reach, an
 * accelerator that does nothing) makes a path fail.
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "ent-application.h"
#include "ent-assumptions-page.h"
#include "ent-input-reason.h"
#include "ent-totals-bar-private.h"
#include "ent-money.h"
#include "ent-window-private.h"

#include "ent-test-gtk-utils.h"

/* Tab presses allowed to reach a widget: a guard, the page's widgets and
 * the page list are fewer */
#define MAX_TABS 40

/* One application for the whole program: on a session bus (the atspi test
 * setup) a second one would find the first's objects exported. */
static EntApplication *application;

typedef struct
{
  EntDocument    *document;
  EntWindow      *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const int *size = data;

  fixture->document = ent_document_new_example ();
  fixture->window = ent_window_new (GTK_APPLICATION (application), fixture->document);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), size[0], size[1]);
  ent_test_present (fixture->window);
  g_test_message ("window %d × %d", gtk_widget_get_width (GTK_WIDGET (fixture->window)),
                  gtk_widget_get_height (GTK_WIDGET (fixture->window)));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  /* the torn-down editable labels of the pupils grid live 250 ms more */
  ent_test_run_for (300);
  ent_document_set_modified (ent_window_get_document (fixture->window), FALSE);
  ent_test_destroy_window (fixture->window);
  g_object_unref (fixture->document);
}

static const char *
visible_page (Fixture *fixture)
{
  return gtk_stack_get_visible_child_name (fixture->window->stack);
}

/* The count cell (of a school, not of the totals row) that has the focus,
 * or NULL. */
static GtkWidget *
focused_count_cell (Fixture *fixture)
{
  GtkWidget *widget = ent_test_get_focus (GTK_WIDGET (fixture->window));

  for (; widget != NULL; widget = gtk_widget_get_parent (widget))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (widget), "ent-cell-kind"), "count") == 0)
      return g_object_get_data (G_OBJECT (widget), "ent-cell-school") != NULL ? widget : NULL;
  return NULL;
}

/* ---------------------------------------------------------- change a count */

/* Alt+2, Tab to the first count, type it, Enter: the count is the
 * document's, and the totals bar shows the contract's new total. */
static void
test_change_count (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  EntSchool *school = ent_test_school_at (fixture->document, 0);
  GtkLabel *total_label = ent_test_template_child (fixture->window->totals_bar, ENT_TYPE_TOTALS_BAR,
                                                   "total_label");
  g_autofree char *expected_total = NULL;
  GtkWidget *cell = NULL;

  g_assert_cmpint (ent_test_school_known_count (school, 2023), ==, 1209);

  ent_test_press_key (window, GDK_KEY_2, GDK_ALT_MASK);
  g_assert_cmpstr (visible_page (fixture), ==, "pupils");

  for (guint i = 0; i < MAX_TABS && (cell = focused_count_cell (fixture)) == NULL; i++)
    ent_test_press_key (window, GDK_KEY_Tab, 0);
  if (cell == NULL)
    g_error ("Tab never reached a count of the pupils grid");
  g_assert_true (g_object_get_data (G_OBJECT (cell), "ent-cell-school") == school);
  /* Tab goes along the row: the first count is its first school year */
  g_assert_cmpint (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (cell), "ent-cell-year")), ==, 2023);

  ent_test_type_text (window, "1300");
  ent_test_press_key (window, GDK_KEY_Return, 0);
  g_assert_cmpint (ent_test_school_known_count (school, 2023), ==, 1300);

  /* SPEC: 1.30 € a pupil under the base tariff, the constant projection
   * keeps 1300 pupils in every school year, so each of the four budget
   * years is 1300 × 1.30 = 1 690.00 € and the contract 6 760.00 € */
  expected_total = ent_money_format (4 * 1300 * 130);
  g_assert_cmpstr (gtk_label_get_text (total_label), ==, expected_total);
}

/* ---------------------------------------------------------- add a scenario */

static gboolean
has_scenario (EntDocument *document,
              const char  *name)
{
  GListModel *scenarios = ent_document_get_scenarios (document);

  for (guint i = 0; i < g_list_model_get_n_items (scenarios); i++)
    {
      g_autoptr(EntScenario) scenario = g_list_model_get_item (scenarios, i);

      if (g_strcmp0 (ent_scenario_get_name (scenario), name) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Alt+3, Tab to "Add a scenario", Space, type its name: the document has
 * one more scenario, by that name. */
static void
test_add_scenario (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  GListModel *scenarios = ent_document_get_scenarios (fixture->document);
  guint n_scenarios = g_list_model_get_n_items (scenarios);
  GtkWidget *add_button = ent_test_find_by_id (fixture->window->scenarios_page, "add_button");

  ent_test_press_key (window, GDK_KEY_3, GDK_ALT_MASK);
  g_assert_cmpstr (visible_page (fixture), ==, "scenarios");

  if (!ent_test_tab_to (add_button, MAX_TABS))
    g_error ("Tab never reached “Add a scenario”");
  ent_test_press_key (window, GDK_KEY_space, 0);
  g_assert_cmpuint (g_list_model_get_n_items (scenarios), ==, n_scenarios + 1);

  /* the new scenario's name is selected, ready to be typed over */
  ent_test_type_text (window, "Rentree 2025");
  ent_test_press_key (window, GDK_KEY_Return, 0);
  g_assert_cmpuint (g_list_model_get_n_items (scenarios), ==, n_scenarios + 1);
  g_assert_true (has_scenario (fixture->document, "Rentree 2025"));
}

/* ------------------------------------------------------------ add a school */

/* Alt+2, Tab to "Add a school", Space: the new school's name is being
 * edited, with the focus (a screen reader says it), ready to be typed over;
 * type its name, Enter: the document has one more school, by that name.
 * The addition is also announced (spoken on GTK ≥ 4.14). */
static void
test_add_school (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  GListModel *schools = ent_document_get_schools (fixture->document);
  guint n_schools = g_list_model_get_n_items (schools);
  GtkWidget *add_button = ent_test_find_by_id (fixture->window->pupils_page, "add_button");
  guint n_announcements;
  GtkWidget *focus;
  EntSchool *added;

  ent_test_press_key (window, GDK_KEY_2, GDK_ALT_MASK);
  g_assert_cmpstr (visible_page (fixture), ==, "pupils");
  if (!ent_test_tab_to (add_button, MAX_TABS))
    g_error ("Tab never reached “Add a school”");
  n_announcements = ent_accessible_get_n_announcements ();
  ent_test_press_key (window, GDK_KEY_space, 0);
  g_assert_cmpuint (g_list_model_get_n_items (schools), ==, n_schools + 1);
  g_assert_cmpuint (ent_accessible_get_n_announcements (), ==, n_announcements + 1);
  g_assert_cmpstr (ent_accessible_get_last_announcement (), ==, "School “New school” added");

  /* the focus is in the new row's name, being edited */
  ent_test_wait_for_frames (window, 3);
  focus = ent_test_get_focus (window);
  while (focus != NULL && !GTK_IS_EDITABLE_LABEL (focus))
    focus = gtk_widget_get_parent (focus);
  g_assert_nonnull (focus);
  g_assert_true (gtk_editable_label_get_editing (GTK_EDITABLE_LABEL (focus)));
  added = ent_test_school_at (fixture->document, n_schools);
  g_assert_true (g_object_get_data (G_OBJECT (focus), "ent-cell-school") == added);

  ent_test_type_text (window, "Les Tilleuls");
  ent_test_press_key (window, GDK_KEY_Return, 0);
  g_assert_cmpstr (ent_school_get_name (added), ==, "Les Tilleuls");
  g_assert_cmpuint (g_list_model_get_n_items (schools), ==, n_schools + 1);
}

/* ------------------------------------------------------- one stop a table */

/* The table or list (a column view, or a list view not inside one) holding
 * @widget, or NULL. */
static GtkWidget *
table_of (GtkWidget *widget)
{
  GtkWidget *table = NULL;

  for (; widget != NULL; widget = gtk_widget_get_parent (widget))
    {
      if (GTK_IS_POPOVER (widget))
        return NULL;    /* a drop-down's own list */
      if (GTK_IS_COLUMN_VIEW (widget) || (GTK_IS_LIST_VIEW (widget) && table == NULL))
        table = widget;
    }
  return table;
}

/* Issue 16: Tab goes through a page's tables, not through their rows and
 * cells: along the whole focus chain of every page (real Tab presses, until
 * the focus comes back where it started), the focus is never in the same
 * table on two Tab stops running. Arrows move inside (tested per table). */
static void
test_one_stop_per_table (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  static const guint pages[] = { GDK_KEY_1, GDK_KEY_2, GDK_KEY_3, GDK_KEY_4, GDK_KEY_5 };
  guint failures = 0;

  GtkWidget *total = ent_test_template_child (fixture->window->totals_bar, ENT_TYPE_TOTALS_BAR,
                                              "total_label");
  GtkWidget *open = ent_test_find_by_id (window, "open_button");

  guint n_forward[G_N_ELEMENTS (pages)] = { 0, };

  for (guint p = 0; p < G_N_ELEMENTS (pages) * 2; p++)
    {
      gboolean backward = p >= G_N_ELEMENTS (pages);
      GtkWidget *previous_table = NULL;
      GtkWidget *first = NULL;
      guint n_tables = 0, n_stops = 0;
      gboolean total_reached = FALSE, open_reached = FALSE, came_round = FALSE;

      ent_test_press_key (window, pages[p % G_N_ELEMENTS (pages)], GDK_ALT_MASK);
      ent_test_wait_for_frames (window, 2);
      for (guint i = 0; i < 120; i++)
        {
          GtkWidget *focus, *table;

          ent_test_press_key (window, GDK_KEY_Tab, backward ? GDK_SHIFT_MASK : 0);
          focus = ent_test_get_focus (window);
          if (focus == NULL)
            continue;
          if (focus == first)
            {
              came_round = TRUE;
              break;
            }
          if (first == NULL)
            first = focus;
          n_stops++;
          total_reached |= focus == total;
          open_reached |= focus == open;
          table = table_of (focus);
          if (table != NULL && table == previous_table)
            {
              failures++;
              g_test_message ("page %u: two Tab stops running in %s #%s (%s)", p + 1,
                              G_OBJECT_TYPE_NAME (table),
                              gtk_buildable_get_buildable_id (GTK_BUILDABLE (table)),
                              G_OBJECT_TYPE_NAME (focus));
            }
          if (table != NULL && table != previous_table)
            n_tables++;
          previous_table = table;
        }
      g_test_message ("page %u%s: %u stops, %u of them tables", (guint) (p % G_N_ELEMENTS (pages) + 1),
                      backward ? " (Shift+Tab)" : "", n_stops, n_tables);
      /* the whole cycle goes round, through the header bar and the
       * contract total */
      g_assert_true (came_round);
      g_assert_true (total_reached);
      g_assert_true (open_reached);
      /* Shift+Tab goes through the same stops (GtkListBox offers the focus
       * to one row only: a group whose first or last row could not take it
       * was passed one way and not the other) */
      if (!backward)
        n_forward[p] = n_stops;
      else
        g_assert_cmpuint (n_stops, ==, n_forward[p % G_N_ELEMENTS (pages)]);
    }
  g_assert_cmpuint (failures, ==, 0);
}

/* Where the focus is in @view: its row (a child of the inner list) and the
 * column (the cell's index in the row; -1 on a row itself). */
static gboolean
focus_position (GtkWidget *window,
                GtkWidget *view,
                GtkWidget **out_row,
                int        *out_column)
{
  GtkWidget *focus = ent_test_get_focus (window);

  for (GtkWidget *w = focus; w != NULL && w != view; w = gtk_widget_get_parent (w))
    {
      GtkWidget *parent = gtk_widget_get_parent (w);

      if (parent != NULL && GTK_IS_LIST_VIEW (parent) && gtk_widget_get_parent (parent) == view)
        {
          *out_row = w;     /* the row has the focus itself */
          *out_column = -1;
          return TRUE;
        }
      if (parent != NULL && gtk_widget_get_parent (parent) != NULL &&
          GTK_IS_LIST_VIEW (gtk_widget_get_parent (parent)) &&
          gtk_widget_get_parent (gtk_widget_get_parent (parent)) == view)
        {
          int column = 0;

          for (GtkWidget *c = gtk_widget_get_prev_sibling (w); c != NULL; c = gtk_widget_get_prev_sibling (c))
            column++;
          *out_row = parent;
          *out_column = column;
          return TRUE;
        }
    }
  return FALSE;
}

/* Inside a table, the arrows move: the Budget page's read-only lines from
 * row to row; the scenario's editable years table (a check button and a
 * spin button a year) Up and Down in the same column, Right to the cell
 * beside; Tab leaves either table in one press. */
static void
test_arrows_in_tables (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  GtkWidget *lines = ent_test_find_by_id (fixture->window->budget_page, "lines_view");
  GtkWidget *years = ent_test_find_by_id (fixture->window->scenarios_page, "years_view");
  GtkWidget *row = NULL, *row2 = NULL;
  int column = 0, column2 = 0;
  guint i;

  /* read-only: Down goes to the next row */
  ent_test_press_key (window, GDK_KEY_4, GDK_ALT_MASK);
  for (i = 0; i < MAX_TABS && !focus_position (window, lines, &row, &column); i++)
    ent_test_press_key (window, GDK_KEY_Tab, 0);
  g_assert_cmpuint (i, <, MAX_TABS);
  ent_test_press_key (window, GDK_KEY_Down, 0);
  g_assert_true (focus_position (window, lines, &row2, &column2));
  g_assert_true (row2 == gtk_widget_get_next_sibling (row));
  ent_test_press_key (window, GDK_KEY_Tab, 0);
  g_assert_false (focus_position (window, lines, &row2, &column2));

  /* editable: into the years table, then Down, Up, Right */
  ent_test_press_key (window, GDK_KEY_3, GDK_ALT_MASK);
  for (i = 0; i < MAX_TABS && !focus_position (window, years, &row, &column); i++)
    ent_test_press_key (window, GDK_KEY_Tab, 0);
  g_assert_cmpuint (i, <, MAX_TABS);
  g_assert_cmpint (column, >=, 0);
  g_assert_false (GTK_IS_SPIN_BUTTON (gtk_widget_get_ancestor (ent_test_get_focus (window), GTK_TYPE_SPIN_BUTTON)));
  ent_test_press_key (window, GDK_KEY_Down, 0);
  g_assert_true (focus_position (window, years, &row2, &column2));
  g_assert_true (row2 == gtk_widget_get_next_sibling (row));
  g_assert_cmpint (column2, ==, column);
  ent_test_press_key (window, GDK_KEY_Up, 0);
  g_assert_true (focus_position (window, years, &row2, &column2));
  g_assert_true (row2 == row);
  g_assert_cmpint (column2, ==, column);
  ent_test_press_key (window, GDK_KEY_Right, 0);
  g_assert_true (focus_position (window, years, &row2, &column2));
  g_assert_true (row2 == row);
  g_assert_cmpint (column2, >, column);
  ent_test_press_key (window, GDK_KEY_Tab, 0);
  g_assert_false (focus_position (window, years, &row2, &column2));
}

/* With « au prorata » chosen, the billing mode is still reached by Tab and
 * by Shift+Tab, at the chosen one (GTK 4.8 let Tab into a group of radio
 * buttons only at its active one, and the list box holding them tried its
 * first row only: the group was passed). */
static void
test_billing_reachable (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  GtkWidget *prorata = ent_test_template_child (fixture->window->assumptions_page,
                                                ENT_TYPE_ASSUMPTIONS_PAGE, "prorata_check");

  gtk_check_button_set_active (GTK_CHECK_BUTTON (prorata), TRUE);
  ent_test_press_key (window, GDK_KEY_1, GDK_ALT_MASK);
  ent_test_wait_for_frames (window, 2);
  for (guint backward = 0; backward < 2; backward++)
    {
      gboolean reached = FALSE;

      for (guint i = 0; i < 60 && !reached; i++)
        {
          ent_test_press_key (window, GDK_KEY_Tab, backward ? GDK_SHIFT_MASK : 0);
          reached = ent_test_get_focus (window) == prorata;
        }
      if (!reached)
        g_error ("%s never reached the billing mode chosen", backward ? "Shift+Tab" : "Tab");
    }
}

/* ------------------------------------------------------------------ export */

static GtkWindow *
find_file_chooser (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_FILE_CHOOSER (window) && gtk_widget_get_mapped (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

static guint
read_le (const guint8 *p,
         guint         n_bytes)
{
  guint value = 0;

  for (guint i = n_bytes; i > 0; i--)
    value = value << 8 | p[i - 1];
  return value;
}

/* The names in the central directory of the zip file @data (NULL if it is
 * no zip file): the parts of an XLSX workbook. */
static GPtrArray *
zip_names (const guint8 *data,
           gsize         size)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  gsize end = 0;
  gsize offset;
  guint n_entries;

  if (size < 22 || memcmp (data, "PK\x03\x04", 4) != 0)
    return NULL;
  /* the end of central directory record, the last thing in the file but
   * for a comment */
  for (gsize i = size - 22; i > 0 && end == 0; i--)
    if (memcmp (data + i, "PK\x05\x06", 4) == 0)
      end = i;
  if (end == 0)
    return NULL;
  n_entries = read_le (data + end + 10, 2);
  offset = read_le (data + end + 16, 4);
  for (guint i = 0; i < n_entries; i++)
    {
      guint name_length, extra_length, comment_length;

      if (offset + 46 > end || memcmp (data + offset, "PK\x01\x02", 4) != 0)
        return NULL;
      name_length = read_le (data + offset + 28, 2);
      extra_length = read_le (data + offset + 30, 2);
      comment_length = read_le (data + offset + 32, 2);
      if (offset + 46 + name_length > end)
        return NULL;
      g_ptr_array_add (names, g_strndup ((const char *) data + offset + 46, name_length));
      offset += 46 + name_length + extra_length + comment_length;
    }
  return g_steal_pointer (&names);
}

static gboolean
has_name (GPtrArray  *names,
          const char *name)
{
  return g_ptr_array_find_with_equal_func (names, name, g_str_equal, NULL);
}

/* Ctrl+E, then in the file chooser the path typed over the suggested name,
 * Enter: the workbook is written there. */
static void
test_export (Fixture       *fixture,
             gconstpointer  data)
{
#if defined(__SANITIZE_ADDRESS__)
  /* GTK 4.8's GtkFileChooserDialog leaks (the cloud providers' bus, a
   * cancelled GTask's error): not ours, and not for LeakSanitizer to report
   * (as test-window.c's file dialog tests) */
  g_test_skip ("GTK's file chooser leaks under LeakSanitizer");
  return;
#endif
  GtkWidget *window = GTK_WIDGET (fixture->window);
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_dir_make_tmp ("ent-keyboard-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GPtrArray) names = NULL;
  GtkWindow *chooser = NULL;
  gsize length = 0;
  gint64 end;

  g_assert_no_error (error);
  path = g_build_filename (folder, "budget-keyboard.xlsx", NULL);

  ent_test_press_key (window, GDK_KEY_e, GDK_CONTROL_MASK);
  end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while ((chooser = find_file_chooser ()) == NULL && g_get_monotonic_time () < end)
    ent_test_run_for (50);
  if (chooser == NULL)
    g_error ("Ctrl+E showed no file chooser");
  ent_test_settle (GTK_WIDGET (chooser));
  g_assert_cmpint (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)), ==,
                   GTK_FILE_CHOOSER_ACTION_SAVE);
  g_assert_true (GTK_IS_EDITABLE (ent_test_get_focus (GTK_WIDGET (chooser))));

  /* the whole name, then a path instead */
  ent_test_press_key (GTK_WIDGET (chooser), GDK_KEY_a, GDK_CONTROL_MASK);
  ent_test_type_text (GTK_WIDGET (chooser), path);
  ent_test_press_key (GTK_WIDGET (chooser), GDK_KEY_Return, 0);

  end = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  while (!g_file_test (path, G_FILE_TEST_EXISTS) && g_get_monotonic_time () < end)
    ent_test_run_for (50);
  ent_test_settle (window);
  g_assert_null (find_file_chooser ());

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  names = zip_names ((const guint8 *) contents, length);
  g_assert_nonnull (names);
  g_assert_true (has_name (names, "[Content_Types].xml"));
  g_assert_true (has_name (names, "xl/workbook.xml"));

  g_unlink (path);
  g_rmdir (folder);
}

int
main (int   argc,
      char *argv[])
{
  static const int small[] = { 800, 600 };
  static const int wide[] = { 1280, 800 };
  g_autoptr(GError) error = NULL;
  int status;

  if (!ent_test_gtk_init (&argc, &argv))
    return 0;
  if (!ent_test_keyboard_available ())
    {
      g_print ("1..0 # SKIP no XTEST keyboard (an X11 display and libXtst are needed)\n");
      return 0;
    }

  application = ent_application_new ();
  /* never handed to a running Budget ENT through the session bus */
  g_application_set_application_id (G_APPLICATION (application),
                                    "io.github.budgetent.BudgetEnt.Tests.Keyboard");
  g_application_set_flags (G_APPLICATION (application),
                           G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN);
  g_assert_true (g_application_register (G_APPLICATION (application), NULL, &error));
  g_assert_no_error (error);

#define ADD(path, size, func) \
  g_test_add ("/keyboard/" path, Fixture, size, fixture_set_up, func, fixture_tear_down)
  ADD ("change-count/800x600", small, test_change_count);
  ADD ("change-count/1280x800", wide, test_change_count);
  ADD ("add-scenario/800x600", small, test_add_scenario);
  ADD ("add-scenario/1280x800", wide, test_add_scenario);
  ADD ("add-school/800x600", small, test_add_school);
  ADD ("one-stop-per-table/1280x800", wide, test_one_stop_per_table);
  ADD ("arrows-in-tables/1280x800", wide, test_arrows_in_tables);
  ADD ("billing-reachable/1280x800", wide, test_billing_reachable);
  ADD ("export/800x600", small, test_export);
#undef ADD

  status = g_test_run ();
  g_clear_object (&application);
  return status;
}
