/* test-pupils-grid.c: the Pupils page's counts as a spreadsheet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Keys are given to the count cells' own key controller (object data
 * "ent-cell-keys"), as GTK would deliver them: a display under Xvfb cannot be
 * sent real key presses reliably. The page follows a workspace, as in the
 * window, so that a paste can be undone.
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>
#include <gtk/gtk.h>
#include <adwaita.h>

#include "ent-history.h"
#include "ent-money.h"
#include "ent-pupils-page.h"
#include "ent-workspace.h"

#include "ent-test-gtk-utils.h"

typedef struct
{
  EntWorkspace *workspace;
  EntDocument  *document;
  GtkWidget    *page;
  GtkWidget    *window;
} Fixture;

/* The Hem example (one school, 2023 … 2026) with two more schools. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  EntDocument *document = ent_document_new_example ();
  const char *names[] = { "École Jules Ferry", "École Louise Michel" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(EntSchool) school = ent_school_new (names[i], "Hem");

      ent_school_set_known_pupils (school, 2023, 100 * (i + 1));
      ent_document_add_school (document, school);
    }
  fixture->workspace = ent_workspace_new (document);
  fixture->document = document;
  fixture->page = g_object_ref_sink (ent_pupils_page_new ());
  g_object_bind_property (fixture->workspace, "document", fixture->page, "document", G_BINDING_SYNC_CREATE);
  g_object_bind_property (fixture->workspace, "budget", fixture->page, "budget", G_BINDING_SYNC_CREATE);

  fixture->window = gtk_window_new ();
  /* the application's style (EntWindow loads it), for the screenshots */
  if (g_object_get_data (G_OBJECT (gdk_display_get_default ()), "ent-budget-style") == NULL)
    {
      g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

      gtk_css_provider_load_from_resource (provider, "/io/github/budgetent/BudgetEnt/style.css");
      gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
      g_object_set_data_full (G_OBJECT (gdk_display_get_default ()), "ent-budget-style",
                              g_steal_pointer (&provider), g_object_unref);
    }
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1100, 600);
  gtk_window_set_child (GTK_WINDOW (fixture->window), fixture->page);
  ent_test_present (fixture->window);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  /* the torn-down editable labels live 250 ms more (ent-pupils-page.c) */
  ent_test_run_for (300);
  ent_test_destroy_window (fixture->window);
  g_assert_finalize_object (fixture->page);
  g_assert_finalize_object (fixture->workspace);
  g_assert_finalize_object (fixture->document);
}

static EntSchool *
school_at (Fixture *fixture,
           guint    i)
{
  return ent_test_school_at (fixture->document, i);
}

typedef struct
{
  EntSchool *school;
  int        year;
} CellQuery;

static gboolean
match_count_cell (GtkWidget     *widget,
                  gconstpointer  data)
{
  const CellQuery *query = data;

  return g_strcmp0 (g_object_get_data (G_OBJECT (widget), "ent-cell-kind"), "count") == 0 &&
         g_object_get_data (G_OBJECT (widget), "ent-cell-school") == query->school &&
         GPOINTER_TO_INT (g_object_get_data (G_OBJECT (widget), "ent-cell-year")) == query->year &&
         gtk_widget_get_mapped (widget);
}

static GtkWidget *
find_count_cell (Fixture   *fixture,
                 EntSchool *school,
                 int        year)
{
  CellQuery query = { school, year };
  GtkWidget *cell = ent_test_find_widget (fixture->page, match_count_cell, &query);

  g_assert_nonnull (cell);
  return cell;
}

/* One key pressed on @cell; TRUE when handled. */
static gboolean
press (GtkWidget       *cell,
       guint            keyval,
       GdkModifierType  state)
{
  GtkEventController *keys = g_object_get_data (G_OBJECT (cell), "ent-cell-keys");
  gboolean handled = FALSE;

  g_assert_nonnull (keys);
  g_signal_emit_by_name (keys, "key-pressed", keyval, 0, state, &handled);
  ent_test_settle (cell);
  return handled;
}

/* The count cell that has the keyboard focus, or NULL. */
static GtkWidget *
focused_cell (Fixture *fixture)
{
  GtkWidget *widget = gtk_root_get_focus (GTK_ROOT (fixture->window));

  while (widget != NULL && g_object_get_data (G_OBJECT (widget), "ent-cell-kind") == NULL)
    widget = gtk_widget_get_parent (widget);
  return widget;
}

static void
test_type_enter (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkWidget *cell = find_count_cell (fixture, school_at (fixture, 0), 2024);
  GtkWidget *next;
  int position;

  g_assert_cmpint (ent_test_school_known_count (school_at (fixture, 0), 2024), ==, -1);
  gtk_widget_grab_focus (cell);

  /* a digit starts typing, with that digit */
  g_assert_true (press (cell, GDK_KEY_7, 0));
  g_assert_true (gtk_editable_label_get_editing (GTK_EDITABLE_LABEL (cell)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cell)), ==, "7");
  position = gtk_editable_get_position (GTK_EDITABLE (cell));
  gtk_editable_insert_text (GTK_EDITABLE (cell), "42", -1, &position);

  /* Enter commits and moves down */
  g_assert_true (press (cell, GDK_KEY_Return, 0));
  g_assert_cmpint (ent_test_school_known_count (school_at (fixture, 0), 2024), ==, 742);
  next = focused_cell (fixture);
  g_assert_nonnull (next);
  g_assert_true (g_object_get_data (G_OBJECT (next), "ent-cell-school") == school_at (fixture, 1));
  g_assert_cmpint (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (next), "ent-cell-year")), ==, 2024);

  /* arrows move; Tab commits and moves right */
  g_assert_true (press (next, GDK_KEY_Right, 0));
  cell = focused_cell (fixture);
  g_assert_cmpint (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (cell), "ent-cell-year")), ==, 2025);
  g_assert_true (press (cell, GDK_KEY_KP_3, 0));
  g_assert_true (press (cell, GDK_KEY_Tab, 0));
  g_assert_cmpint (ent_test_school_known_count (school_at (fixture, 1), 2025), ==, 3);
  cell = focused_cell (fixture);
  g_assert_cmpint (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (cell), "ent-cell-year")), ==, 2026);
  g_assert_true (g_object_get_data (G_OBJECT (cell), "ent-cell-school") == school_at (fixture, 1));
  ent_test_save_png (fixture->window, "pupils-grid-keyboard.png");
}

static void
test_escape_and_refused (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkWidget *cell = find_count_cell (fixture, school_at (fixture, 1), 2023);
  GtkWidget *error_label = ent_test_find_by_id (fixture->page, "error_label");
  g_autofree char *shown = ent_count_format (100);
  int position;

  gtk_widget_grab_focus (cell);
  g_assert_true (press (cell, GDK_KEY_5, 0));
  g_assert_true (gtk_editable_label_get_editing (GTK_EDITABLE_LABEL (cell)));
  /* Escape: GtkEditableLabel's own "editing.stop" without committing */
  g_assert_true (gtk_widget_activate_action (cell, "editing.stop", "b", FALSE));
  ent_test_settle (cell);
  g_assert_cmpint (ent_test_school_known_count (school_at (fixture, 1), 2023), ==, 100);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cell)), ==, shown);

  /* a refused value stays, being typed, with its reason, for screen readers too */
  g_assert_true (press (cell, GDK_KEY_1, 0));
  position = -1;
  gtk_editable_insert_text (GTK_EDITABLE (cell), "2a", -1, &position);
  g_assert_true (press (cell, GDK_KEY_Return, 0));
  g_assert_true (gtk_editable_label_get_editing (GTK_EDITABLE_LABEL (cell)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cell)), ==, "12a");
  g_assert_cmpint (ent_test_school_known_count (school_at (fixture, 1), 2023), ==, 100);
  g_assert_true (gtk_widget_has_css_class (cell, "error"));
  g_assert_true (gtk_widget_get_mapped (error_label));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (error_label)), ==,
                   _("A pupil count is a whole number of pupils, such as 1209."));
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_STATE_INVALID,
                                    GTK_ACCESSIBLE_INVALID_TRUE);
  gtk_test_accessible_assert_relation (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                       error_label, NULL);
  ent_test_save_png (fixture->window, "pupils-grid-refused.png");

  /* then Escape: the count as it was, no longer refused */
  g_assert_true (gtk_widget_activate_action (cell, "editing.stop", "b", FALSE));
  ent_test_settle (cell);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cell)), ==, shown);
  g_assert_false (gtk_widget_has_css_class (cell, "error"));
}

static void
wait_for_step (EntWorkspace *workspace,
               guint         position)
{
  EntHistory *history = ent_workspace_get_history (workspace);
  gint64 end = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (ent_history_get_position (history) != position && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (ent_history_get_position (history), ==, position);
}

static void
paste (Fixture    *fixture,
       GtkWidget  *cell,
       const char *text)
{
  gdk_clipboard_set_text (gtk_widget_get_clipboard (cell), text);
  gtk_widget_grab_focus (cell);
  g_assert_true (press (cell, GDK_KEY_v, GDK_CONTROL_MASK));
  ent_test_run_for (100);
}

static void
test_paste_block (Fixture       *fixture,
                  gconstpointer  data)
{
  EntHistory *history = ent_workspace_get_history (fixture->workspace);
  GtkWidget *cell = find_count_cell (fixture, school_at (fixture, 0), 2023);
  gint64 before[3][4];
  guint position;

  /* the history's first state, once the workspace has settled */
  ent_test_run_for (200);
  position = ent_history_get_position (history);
  for (guint i = 0; i < 3; i++)
    for (guint j = 0; j < 4; j++)
      before[i][j] = ent_test_school_known_count (school_at (fixture, i), 2023 + (int) j);

  /* 3 schools × 4 school years, as LibreOffice copies them (French grouping
   * with a no-break space, an empty cell, CRLF, a final newline) */
  paste (fixture, cell,
         "1 209\t1250\t1\xc2\xa0" "300\t1310\r\n"
         "10\t11\t12\t13\r\n"
         "20\t\t22\t23\r\n");
  g_assert_cmpint (ent_test_school_known_count (school_at (fixture, 0), 2023), ==, 1209);
  g_assert_cmpint (ent_test_school_known_count (school_at (fixture, 0), 2024), ==, 1250);
  g_assert_cmpint (ent_test_school_known_count (school_at (fixture, 0), 2025), ==, 1300);
  g_assert_cmpint (ent_test_school_known_count (school_at (fixture, 0), 2026), ==, 1310);
  for (guint j = 0; j < 4; j++)
    g_assert_cmpint (ent_test_school_known_count (school_at (fixture, 1), 2023 + (int) j), ==,
                     10 + j);
  g_assert_cmpint (ent_test_school_known_count (school_at (fixture, 2), 2023), ==, 20);
  /* empty: projected */
  g_assert_cmpint (ent_test_school_known_count (school_at (fixture, 2), 2024), ==, -1);
  g_assert_cmpint (ent_test_school_known_count (school_at (fixture, 2), 2025), ==, 22);
  g_assert_cmpint (ent_test_school_known_count (school_at (fixture, 2), 2026), ==, 23);
  ent_test_save_png (fixture->window, "pupils-grid-pasted.png");

  /* one undo step restores all twelve */
  wait_for_step (fixture->workspace, position + 1);
  g_assert_true (ent_workspace_undo (fixture->workspace));
  for (guint i = 0; i < 3; i++)
    for (guint j = 0; j < 4; j++)
      g_assert_cmpint (ent_test_school_known_count (school_at (fixture, i), 2023 + (int) j), ==,
                       before[i][j]);
}

static void
test_paste_refused (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWidget *cell = find_count_cell (fixture, school_at (fixture, 1), 2024);
  GtkWidget *error_label = ent_test_find_by_id (fixture->page, "error_label");
  GtkWidget *error_revealer = ent_test_find_by_id (fixture->page, "error_revealer");

  paste (fixture, cell, "30\t31\n40\t-4\n");
  g_assert_cmpint (ent_test_school_known_count (school_at (fixture, 1), 2024), ==, -1);
  g_assert_cmpint (ent_test_school_known_count (school_at (fixture, 1), 2025), ==, -1);
  g_assert_cmpint (ent_test_school_known_count (school_at (fixture, 2), 2024), ==, -1);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (error_revealer)));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "-4"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)),
                            _("A pupil count cannot be negative.")));
  ent_test_save_png (fixture->window, "pupils-grid-paste-refused.png");

  /* a block larger than the table from there: nothing either */
  paste (fixture, cell, "1\t2\t3\t4\n");
  g_assert_cmpint (ent_test_school_known_count (school_at (fixture, 1), 2024), ==, -1);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (error_revealer)));
}

static void
read_text_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  char **text = data;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);
  if (*text == NULL)
    *text = g_strdup ("(none)");
}

static void
test_copy (Fixture       *fixture,
           gconstpointer  data)
{
  GtkWidget *cell = find_count_cell (fixture, school_at (fixture, 0), 2023);
  GdkClipboard *clipboard = gtk_widget_get_clipboard (cell);
  g_autofree char *text = NULL;

  gdk_clipboard_set_text (clipboard, "nothing yet");
  gtk_widget_grab_focus (cell);
  g_assert_true (press (cell, GDK_KEY_c, GDK_CONTROL_MASK));
  gdk_clipboard_read_text_async (clipboard, NULL, read_text_cb, &text);
  while (text == NULL)
    g_main_context_iteration (NULL, TRUE);
  /* as a spreadsheet reads it: no grouping */
  g_assert_cmpstr (text, ==, "1209");
}

static char *
read_clipboard (GtkWidget *widget)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (widget);
  char *text = NULL;

  gdk_clipboard_read_text_async (clipboard, NULL, read_text_cb, &text);
  while (text == NULL)
    g_main_context_iteration (NULL, TRUE);
  return text;
}

/* Shift+arrows from the focused count, one key after the other. */
static void
select_with_shift (Fixture     *fixture,
                   const guint *keyvals,
                   guint        n_keyvals)
{
  for (guint i = 0; i < n_keyvals; i++)
    {
      GtkWidget *cell = focused_cell (fixture);

      g_assert_nonnull (cell);
      g_assert_true (press (cell, keyvals[i], GDK_SHIFT_MASK));
    }
}

/* Whether the count of school @i in @year is shown in the selected block
 * (and says so to screen readers). */
static gboolean
is_selected (Fixture *fixture,
             guint    i,
             int      year)
{
  GtkWidget *cell = find_count_cell (fixture, school_at (fixture, i), year);
  gboolean selected = gtk_widget_has_css_class (cell, "block-selected");

  if (selected)
    gtk_test_accessible_assert_state (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_STATE_SELECTED, TRUE);
  return selected;
}

/* The selected cells of the 3 schools × 2023 … 2026, as a string of 0 and
 * 1, a row per school: "1110 1110 0000". */
static char *
selection_map (Fixture *fixture)
{
  GString *map = g_string_new (NULL);

  for (guint i = 0; i < 3; i++)
    {
      if (i > 0)
        g_string_append_c (map, ' ');
      for (int year = 2023; year <= 2026; year++)
        g_string_append_c (map, is_selected (fixture, i, year) ? '1' : '0');
    }
  return g_string_free (map, FALSE);
}

/* Shift+Right, Shift+Right, Shift+Down from Hem in 2023/2024: a block of
 * 2 schools × 3 school years, shown, that Ctrl+C copies as LibreOffice
 * does; pasted elsewhere it gives the same block back. */
static void
test_block_copy_paste (Fixture       *fixture,
                       gconstpointer  data)
{
  static const guint keys[] = { GDK_KEY_Right, GDK_KEY_Right, GDK_KEY_Down };
  /* SPEC 4 (constant projection: the last known count stays): Hem is known
   * in 2023 (1209) and 2024 (1250), so 1250 in 2025; Jules Ferry is known in
   * 2023 (100) and 2025 (120), so 100 in 2024 */
  const char *expected = "1209\t1250\t1250\n"
                         "100\t100\t120\n";
  g_autofree char *map = NULL;
  g_autofree char *text = NULL;
  g_autofree char *again = NULL;
  GtkWidget *cell;

  ent_school_set_known_pupils (school_at (fixture, 0), 2024, 1250);
  ent_school_set_known_pupils (school_at (fixture, 1), 2025, 120);
  ent_test_settle (fixture->window);

  cell = find_count_cell (fixture, school_at (fixture, 0), 2023);
  gtk_widget_grab_focus (cell);
  select_with_shift (fixture, keys, G_N_ELEMENTS (keys));
  /* the focus follows the block's far corner */
  cell = focused_cell (fixture);
  g_assert_true (g_object_get_data (G_OBJECT (cell), "ent-cell-school") == school_at (fixture, 1));
  g_assert_cmpint (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (cell), "ent-cell-year")), ==, 2025);
  map = selection_map (fixture);
  g_assert_cmpstr (map, ==, "1110 1110 0000");
  ent_test_save_png (fixture->window, "pupils-grid-block.png");

  gdk_clipboard_set_text (gtk_widget_get_clipboard (cell), "nothing yet");
  g_assert_true (press (cell, GDK_KEY_c, GDK_CONTROL_MASK));
  text = read_clipboard (cell);
  g_assert_cmpstr (text, ==, expected);

  /* Escape: the focused count alone again */
  g_assert_true (press (cell, GDK_KEY_Escape, 0));
  g_clear_pointer (&map, g_free);
  map = selection_map (fixture);
  g_assert_cmpstr (map, ==, "0000 0000 0000");

  /* pasted from Jules Ferry in 2024/2025 on */
  paste (fixture, find_count_cell (fixture, school_at (fixture, 1), 2024), text);
  g_assert_cmpint (ent_test_school_known_count (school_at (fixture, 1), 2024), ==, 1209);
  g_assert_cmpint (ent_test_school_known_count (school_at (fixture, 1), 2025), ==, 1250);
  g_assert_cmpint (ent_test_school_known_count (school_at (fixture, 1), 2026), ==, 1250);
  g_assert_cmpint (ent_test_school_known_count (school_at (fixture, 2), 2024), ==, 100);
  g_assert_cmpint (ent_test_school_known_count (school_at (fixture, 2), 2025), ==, 100);
  g_assert_cmpint (ent_test_school_known_count (school_at (fixture, 2), 2026), ==, 120);

  /* the same block selected there copies the same text */
  select_with_shift (fixture, keys, G_N_ELEMENTS (keys));
  g_clear_pointer (&map, g_free);
  map = selection_map (fixture);
  g_assert_cmpstr (map, ==, "0000 0111 0111");
  cell = focused_cell (fixture);
  g_assert_true (press (cell, GDK_KEY_c, GDK_CONTROL_MASK));
  again = read_clipboard (cell);
  g_assert_cmpstr (again, ==, expected);

  /* a plain arrow leaves the block */
  g_assert_true (press (cell, GDK_KEY_Left, 0));
  g_clear_pointer (&map, g_free);
  map = selection_map (fixture);
  g_assert_cmpstr (map, ==, "0000 0000 0000");
}

/* Shift+Up, Shift+Left from Jules Ferry in 2024/2025: the block grows
 * towards the top left; Delete takes its known counts back to the
 * projection, and one undo brings them all back. */
static void
test_block_delete (Fixture       *fixture,
                   gconstpointer  data)
{
  static const guint keys[] = { GDK_KEY_Up, GDK_KEY_Left };
  EntHistory *history = ent_workspace_get_history (fixture->workspace);
  g_autofree char *map = NULL;
  GtkWidget *cell;
  guint position;

  ent_school_set_known_pupils (school_at (fixture, 0), 2024, 1250);
  ent_test_run_for (200);
  position = ent_history_get_position (history);

  cell = find_count_cell (fixture, school_at (fixture, 1), 2024);
  gtk_widget_grab_focus (cell);
  select_with_shift (fixture, keys, G_N_ELEMENTS (keys));
  map = selection_map (fixture);
  g_assert_cmpstr (map, ==, "1100 1100 0000");

  cell = focused_cell (fixture);
  g_assert_true (press (cell, GDK_KEY_Delete, 0));
  g_assert_cmpint (ent_test_school_known_count (school_at (fixture, 0), 2023), ==, -1);
  g_assert_cmpint (ent_test_school_known_count (school_at (fixture, 0), 2024), ==, -1);
  g_assert_cmpint (ent_test_school_known_count (school_at (fixture, 1), 2023), ==, -1);
  /* outside */
  g_assert_cmpint (ent_test_school_known_count (school_at (fixture, 2), 2023), ==, 200);
  /* the block stays selected */
  g_clear_pointer (&map, g_free);
  map = selection_map (fixture);
  g_assert_cmpstr (map, ==, "1100 1100 0000");

  wait_for_step (fixture->workspace, position + 1);
  g_assert_true (ent_workspace_undo (fixture->workspace));
  g_assert_cmpint (ent_test_school_known_count (school_at (fixture, 0), 2023), ==, 1209);
  g_assert_cmpint (ent_test_school_known_count (school_at (fixture, 0), 2024), ==, 1250);
  g_assert_cmpint (ent_test_school_known_count (school_at (fixture, 1), 2023), ==, 100);
}

/* The accessible label a screen reader speaks for @widget. */
static void
assert_label (GtkWidget  *widget,
              const char *expected)
{
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       expected);
}

static gboolean
match_total_cell (GtkWidget     *widget,
                  gconstpointer  data)
{
  return g_strcmp0 (g_object_get_data (G_OBJECT (widget), "ent-cell-kind"), "count") == 0 &&
         g_object_get_data (G_OBJECT (widget), "ent-cell-school") == NULL &&
         GPOINTER_TO_INT (g_object_get_data (G_OBJECT (widget), "ent-cell-year")) ==
         GPOINTER_TO_INT (data) &&
         gtk_widget_get_mapped (widget);
}

/* Issue 16: each count says its school, school year, count and status, as
 * a text box (not the generic role, whose value Orca never speaks); a
 * projected count carries a mark besides its grey; the totals are named. */
static void
test_accessible_labels (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkWidget *cell;
  g_autofree char *expected = NULL;
  g_autofree char *n = NULL;

  /* Hem: 1 209 typed in 2023 (the example has no DEPP source) */
  cell = find_count_cell (fixture, school_at (fixture, 0), 2023);
  n = ent_count_format (1209);
  expected = g_strdup_printf (_("%s, %d/%d: %s pupils, typed"), "Écoles publiques de Hem (11 écoles)",
                              2023, 2024, n);
  assert_label (cell, expected);
  g_assert_true (gtk_test_accessible_has_role (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_ROLE_TEXT_BOX));

  /* SPEC 4, constant projection: Hem keeps 1 209 in 2025/2026, projected,
   * shown « ≈ 1 209 » */
  cell = find_count_cell (fixture, school_at (fixture, 0), 2025);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf (_("%s, %d/%d: %s pupils, projected"),
                              "Écoles publiques de Hem (11 écoles)", 2025, 2026, n);
  assert_label (cell, expected);
  g_assert_true (g_str_has_prefix (gtk_editable_get_text (GTK_EDITABLE (cell)), "≈"));
  g_assert_true (g_str_has_suffix (gtk_editable_get_text (GTK_EDITABLE (cell)), n));
  /* a known count has no mark */
  cell = find_count_cell (fixture, school_at (fixture, 1), 2023);
  g_assert_false (g_str_has_prefix (gtk_editable_get_text (GTK_EDITABLE (cell)), "≈"));

  /* Jules Ferry: 100 known in 2023, so 100 projected in 2024 */
  cell = find_count_cell (fixture, school_at (fixture, 1), 2024);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf (_("%s, %d/%d: %s pupils, projected"), "École Jules Ferry", 2024, 2025, "100");
  assert_label (cell, expected);

  /* typed over: the label follows */
  ent_school_set_known_pupils (school_at (fixture, 1), 2024, 98);
  ent_test_settle (fixture->window);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf (_("%s, %d/%d: %s pupils, typed"), "École Jules Ferry", 2024, 2025, "98");
  assert_label (cell, expected);

  /* the totals of 2024/2025: 1 209 + 98 + 200 = 1 507, named and focusable */
  cell = ent_test_find_widget (fixture->page, match_total_cell, GINT_TO_POINTER (2024));
  g_assert_nonnull (cell);
  g_clear_pointer (&n, g_free);
  n = ent_count_format (1507);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf (_("Total, %d/%d: %s pupils"), 2024, 2025, n);
  assert_label (cell, expected);
  g_assert_true (gtk_widget_get_focusable (cell));
  ent_test_save_png (fixture->window, "pupils-grid-a11y.png");
}

/* One Tab stop for the table: Tab from the button before it enters at a
 * count, arrows move to the neighbour cells (Down from the last school to
 * its total), and one Tab leaves the table. */
static void
test_tab_and_arrows (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWidget *remove_button = ent_test_find_by_id (fixture->page, "remove_button");
  GtkWidget *add_button = ent_test_find_by_id (fixture->page, "add_button");
  GtkWidget *cell;
  GtkWidget *focus;

  /* a school selected: Remove is sensitive, the control before the table */
  gtk_widget_grab_focus (add_button);
  gtk_widget_grab_focus (remove_button);
  gtk_widget_set_sensitive (remove_button, TRUE);
  gtk_widget_grab_focus (remove_button);
  g_assert_true (gtk_widget_child_focus (fixture->window, GTK_DIR_TAB_FORWARD));
  ent_test_settle (fixture->window);
  cell = focused_cell (fixture);
  g_assert_nonnull (cell);
  g_assert_cmpstr (g_object_get_data (G_OBJECT (cell), "ent-cell-kind"), ==, "count");
  g_assert_true (g_object_get_data (G_OBJECT (cell), "ent-cell-school") == school_at (fixture, 0));
  g_assert_cmpint (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (cell), "ent-cell-year")), ==, 2023);

  /* Right, Down, Down, Down: the total of 2024/2025 */
  g_assert_true (press (cell, GDK_KEY_Right, 0));
  cell = focused_cell (fixture);
  g_assert_cmpint (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (cell), "ent-cell-year")), ==, 2024);
  for (guint i = 0; i < 3; i++)
    {
      g_assert_true (press (cell, GDK_KEY_Down, 0));
      cell = focused_cell (fixture);
    }
  g_assert_nonnull (cell);
  g_assert_null (g_object_get_data (G_OBJECT (cell), "ent-cell-school"));
  g_assert_cmpint (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (cell), "ent-cell-year")), ==, 2024);
  ent_test_save_png (fixture->window, "pupils-grid-total-focus.png");

  /* Up: back to the last school */
  {
    GtkEventController *keys = g_object_get_data (G_OBJECT (cell), "ent-table-keys");
    gboolean handled = FALSE;

    g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Up, 0, 0, &handled);
    ent_test_settle (cell);
    g_assert_true (handled);
  }
  cell = focused_cell (fixture);
  g_assert_true (g_object_get_data (G_OBJECT (cell), "ent-cell-school") == school_at (fixture, 2));

  /* one Tab leaves the table: the focus is no longer in it */
  g_assert_true (press (cell, GDK_KEY_Tab, 0));
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_false (focus != NULL &&
                  gtk_widget_is_ancestor (focus, ent_test_find_by_id (fixture->page, "column_view")));
}

static void
test_min_width (Fixture       *fixture,
                gconstpointer  data)
{
  int minimum = 0;

  ent_contract_set_school_years (ent_document_get_contract (fixture->document), 9);
  ent_test_settle (fixture->window);
  gtk_widget_measure (fixture->page, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_test_message ("minimum width with 9 school years: %d px", minimum);
  g_assert_cmpint (minimum, <=, 560);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 800, 600);
  ent_test_settle (fixture->window);
  ent_test_save_png (fixture->window, "pupils-grid-800.png");
}

int
main (int   argc,
      char *argv[])
{
  if (!ent_test_gtk_init (&argc, &argv))
    return 0;
  /* the application's look (its colours: @accent_bg_color), for the screenshots */
  adw_init ();

#define ADD(path, func) \
  g_test_add ("/pupils-grid/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("type-enter", test_type_enter);
  ADD ("escape-refused", test_escape_and_refused);
  ADD ("paste-block", test_paste_block);
  ADD ("paste-refused", test_paste_refused);
  ADD ("copy", test_copy);
  ADD ("block-copy-paste", test_block_copy_paste);
  ADD ("block-delete", test_block_delete);
  ADD ("min-width", test_min_width);
  ADD ("accessible-labels", test_accessible_labels);
  ADD ("tab-and-arrows", test_tab_and_arrows);
#undef ADD

  return g_test_run ();
}
