/* test-assumptions.c: the Assumptions page fits a small screen and shows what it adds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page alone in a window, on the bundled Hem example: its minimum width
 * leaves room for the sidebar on an 800 pixel wide screen, even with the
 * longest contract; a tariff period added appears as a row of the table, at
 * full height, with the focus on its date; the groups below the first
 * screen, which the first frame goes without, are there from the second.
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ent-assumptions-page.h"

#include "ent-test-gtk-utils.h"

/* 800 pixels of screen, less the sidebar and the window's borders */
#define MAX_PAGE_WIDTH 560

static GtkWidget *
tariff_date_entry (GtkWidget       *page,
                   EntTariffPeriod *period)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();

  ent_test_collect_list_entries (ent_test_find_by_id (page, "tariff_view"), 0, entries);
  for (guint i = 0; i < entries->len; i++)
    {
      GtkListItem *item = g_object_get_data (g_ptr_array_index (entries, i), "ent-list-item");

      if (gtk_list_item_get_item (item) == (gpointer) period)
        return g_ptr_array_index (entries, i);
    }
  return NULL;
}

static void
test_minimum_width (void)
{
  g_autoptr(EntDocument) document = ent_document_new_example ();
  GtkWidget *page = ent_assumptions_page_new ();
  GtkWidget *window;
  int minimum = 0, natural = 0;

  /* the longest contract the page allows */
  ent_contract_set_school_years (ent_document_get_contract (document), 9);
  g_object_ref_sink (page);
  g_object_set (page, "document", document, NULL);
  window = ent_test_show_in_window (page, 800, 600);

  gtk_widget_measure (page, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  g_test_message ("page width: minimum %d, natural %d", minimum, natural);
  g_assert_cmpint (minimum, <=, MAX_PAGE_WIDTH);

  /* and it lays out at that width: nothing wider inside spills out */
  gtk_window_set_default_size (GTK_WINDOW (window), MAX_PAGE_WIDTH, 600);
  ent_test_wait_for_frames (window, 3);
  g_assert_cmpint (gtk_widget_get_width (page), <=, MAX_PAGE_WIDTH);
  ent_test_save_png (window, "assumptions-narrow.png");

  ent_test_destroy_window (g_object_ref (window));
  g_assert_finalize_object (page);
}

static void
test_add_tariff_period (void)
{
  g_autoptr(EntDocument) document = ent_document_new_example ();
  EntTariffSchedule *tariffs = ent_document_get_tariffs (document);
  GtkWidget *page = ent_assumptions_page_new ();
  GtkWidget *window;
  GtkWidget *view;
  GtkWidget *first_entry;
  GtkWidget *entry;
  GtkWidget *focus;
  g_autoptr(EntTariffPeriod) added = NULL;
  guint n_periods = g_list_model_get_n_items (G_LIST_MODEL (tariffs));
  int height_before, height_after, row_height;
  graphene_rect_t bounds;

  g_object_ref_sink (page);
  g_object_set (page, "document", document, NULL);
  window = ent_test_show_in_window (page, 1280, 800);
  view = ent_test_find_by_id (page, "tariff_view");

  g_assert_cmpuint (n_periods, >=, 1);
  first_entry = tariff_date_entry (page, ent_tariff_schedule_get_last (tariffs));
  g_assert_nonnull (first_entry);
  row_height = gtk_widget_get_height (first_entry);
  g_assert_cmpint (row_height, >, 0);
  height_before = gtk_widget_get_height (view);

  ent_test_click (ent_test_find_by_id (page, "add_tariff_button"));
  ent_test_wait_for_frames (window, 3);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (tariffs)), ==, n_periods + 1);
  added = g_object_ref (ent_tariff_schedule_get_last (tariffs));

  /* the table grew by about a row: every row shown, none scrolled away */
  height_after = gtk_widget_get_height (view);
  g_test_message ("table height %d -> %d, entry height %d", height_before, height_after, row_height);
  g_assert_cmpint (height_after - height_before, >=, row_height);

  /* the new row is there, full height, inside the table, with the focus */
  entry = tariff_date_entry (page, added);
  g_assert_nonnull (entry);
  g_assert_true (gtk_widget_get_mapped (entry));
  g_assert_cmpint (gtk_widget_get_height (entry), >=, row_height);
  g_assert_true (gtk_widget_compute_bounds (entry, view, &bounds));
  g_assert_cmpfloat (bounds.origin.y, >=, 0);
  g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, gtk_widget_get_height (view) + 0.5);
  /* and the page scrolled to it */
  g_assert_true (gtk_widget_compute_bounds (entry, page, &bounds));
  g_assert_cmpfloat (bounds.origin.y, >=, 0);
  g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, gtk_widget_get_height (page) + 0.5);
  focus = gtk_window_get_focus (GTK_WINDOW (window));
  g_assert_nonnull (focus);
  g_assert_true (focus == entry || gtk_widget_is_ancestor (focus, entry));
  ent_test_save_png (window, "assumptions-tariff-added.png");

  ent_test_destroy_window (g_object_ref (window));
  g_assert_finalize_object (page);
}

static const char *
row_subtitle (GtkWidget  *page,
              const char *id)
{
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (ent_test_find_by_id (page, id)));
}

/* SPEC 13: the chart's label beside each code, following the typing; a
 * nature outside its chapter (611, chapter 011, booked in 65) is flagged but
 * kept; the function may be empty. */
static void
test_imputation_labels (void)
{
  g_autoptr(EntDocument) document = ent_document_new_example ();
  GtkWidget *page = ent_assumptions_page_new ();
  GtkWidget *window;
  GtkWidget *nature;
  GtkWidget *function;
  GtkWidget *icon;
  GtkWidget *warning;
  const char *text;

  g_object_ref_sink (page);
  g_object_set (page, "document", document, NULL);
  window = ent_test_show_in_window (page, 1280, 800);
  nature = ent_test_find_by_id (page, "base_nature_entry");
  function = ent_test_find_by_id (page, "base_function_entry");
  icon = ent_test_find_by_id (page, "base_warning_icon");
  warning = ent_test_find_by_id (page, "imputation_warning");

  /* the defaults of SPEC 5, with the labels SPEC 13 lists */
  g_assert_cmpstr (row_subtitle (page, "base_line_row"), ==,
                   "65 – Autres charges de gestion courante\n"
                   "65548 – Autres contributions\n"
                   "21 – Enseignement du premier degré");
  g_assert_false (gtk_widget_get_visible (icon));
  g_assert_false (gtk_widget_get_visible (warning));

  /* the function refined to 212 as it is typed */
  gtk_editable_set_text (GTK_EDITABLE (function), "212");
  g_assert_nonnull (strstr (row_subtitle (page, "base_line_row"), "212 – Écoles primaires"));

  /* 611 is a service contract, chapter 011: under chapter 65 it is flagged… */
  gtk_editable_set_text (GTK_EDITABLE (nature), "611");
  g_assert_nonnull (strstr (row_subtitle (page, "base_line_row"), "611 – Contrats de prestations de services"));
  g_assert_true (gtk_widget_get_visible (icon));
  g_assert_true (gtk_widget_get_visible (warning));
  text = gtk_label_get_text (GTK_LABEL (warning));
  g_test_message ("warning: %s", text);
  g_assert_nonnull (strstr (text, "611"));
  g_assert_nonnull (strstr (text, "011"));
  g_assert_nonnull (strstr (text, "Charges à caractère général"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (icon), !=, NULL);
  g_assert_true (gtk_widget_has_css_class (nature, "warning"));
  g_assert_false (gtk_widget_has_css_class (nature, "error"));
  gtk_test_accessible_assert_relation (GTK_ACCESSIBLE (nature), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                       warning, NULL);
  /* …and kept: the commune may book it there */
  g_assert_cmpstr (ent_document_get_nature (document, ENT_LINE_BASE), ==, "611");
  ent_test_wait_for_frames (window, 2);
  ent_test_save_png (window, "assumptions-imputation-mismatch.png");

  /* chapter 011 agrees with 611: the flag goes */
  gtk_editable_set_text (GTK_EDITABLE (ent_test_find_by_id (page, "base_chapter_entry")), "011");
  g_assert_false (gtk_widget_get_visible (icon));
  g_assert_false (gtk_widget_get_visible (warning));
  g_assert_false (gtk_widget_has_css_class (nature, "warning"));
  g_assert_false (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (nature),
                                                    GTK_ACCESSIBLE_RELATION_DESCRIBED_BY));

  /* an empty function is accepted (communes under 3 500 inhabitants) */
  gtk_editable_set_text (GTK_EDITABLE (function), "");
  g_assert_false (gtk_widget_has_css_class (function, "error"));
  g_assert_cmpstr (ent_document_get_function (document, ENT_LINE_BASE), ==, "");

  /* the chart's year, discreetly */
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (ent_test_find_by_id (page, "chart_label"))),
                            "2025"));

  ent_test_destroy_window (g_object_ref (window));
  g_assert_finalize_object (page);
}

/* The billing, tariff and imputation groups are below the first screen and
 * left out of the first frame (it opens sooner: bench-startup); from the
 * next frame on they are there, filled, for the eye, the keyboard and
 * assistive technologies. */
typedef struct
{
  GtkWidget *groups[3];
  int        frames;
  int        visible_at_first_frame;
} FrameWatch;

static void
watch_after_paint_cb (GdkFrameClock *clock,
                      FrameWatch    *watch)
{
  if (watch->frames++ > 0)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (watch->groups); i++)
    watch->visible_at_first_frame += gtk_widget_get_visible (watch->groups[i]);
}

static void
watch_realize_cb (GtkWidget  *window,
                  FrameWatch *watch)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (watch_after_paint_cb), watch);
}

static void
test_lower_groups (void)
{
  static const char * const ids[] = { "billing_group", "tariff_group", "imputation_group" };
  g_autoptr(EntDocument) document = ent_document_new_example ();
  GtkWidget *page = ent_assumptions_page_new ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *chapter;
  FrameWatch watch = { 0 };
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();

  g_object_ref_sink (page);
  g_object_set (page, "document", document, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      watch.groups[i] = ent_test_find_by_id (page, ids[i]);
      g_assert_nonnull (watch.groups[i]);
    }
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_set_child (GTK_WINDOW (window), page);
  g_signal_connect (window, "realize", G_CALLBACK (watch_realize_cb), &watch);
  gtk_window_present (GTK_WINDOW (window));
  while (watch.frames < 2)
    g_main_context_iteration (NULL, TRUE);

  g_test_message ("groups visible at the first frame: %d", watch.visible_at_first_frame);
  g_assert_cmpint (watch.visible_at_first_frame, ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_assert_true (gtk_widget_get_visible (watch.groups[i]));
      g_assert_true (gtk_widget_get_mapped (watch.groups[i]));
    }
  /* filled from the document: Hem's imputation and its tariff period */
  chapter = ent_test_find_by_id (page, "base_chapter_entry");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (chapter)), ==, "65");
  g_assert_true (gtk_widget_get_mapped (chapter));
  ent_test_wait_for_frames (window, 1);
  ent_test_collect_list_entries (ent_test_find_by_id (page, "tariff_view"), 0, entries);
  g_assert_cmpuint (entries->len, ==, 1);
  g_assert_true (gtk_widget_get_mapped (g_ptr_array_index (entries, 0)));

  ent_test_destroy_window (g_object_ref (window));
  g_assert_finalize_object (page);
}

/* ------------------------------------------------------------- the keys */

static void
collect_mnemonic_labels (GtkWidget *widget,
                         GPtrArray *labels)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_get_mapped (child))
        continue;
      if (GTK_IS_LABEL (child) && gtk_label_get_mnemonic_keyval (GTK_LABEL (child)) != GDK_KEY_VoidSymbol)
        g_ptr_array_add (labels, child);
      collect_mnemonic_labels (child, labels);
    }
}

/* The field an underlined title names: the control of its row (a combo
 * row is its own), or the button whose label it is. */
static GtkWidget *
named_field (GtkWidget *label)
{
  GtkWidget *row = gtk_widget_get_ancestor (label, ADW_TYPE_PREFERENCES_ROW);

  if (row == NULL)
    return gtk_widget_get_ancestor (label, GTK_TYPE_BUTTON);
  if (ADW_IS_ACTION_ROW (row) && !ADW_IS_COMBO_ROW (row) &&
      adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row)) != NULL)
    return adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row));
  if (ADW_IS_ENTRY_ROW (row))
    return GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (row)));
  return row;
}

/* Issue 16: Alt+letter on the page landed on an unnamed scroller. Every
 * underlined title of the page, pressed with Alt (a real key, through the
 * window's mnemonics), puts the focus in the field it names; no two
 * titles share a letter (GTK would only cycle between them). */
static void
test_mnemonics (void)
{
  g_autoptr(EntDocument) document = ent_document_new_example ();
  GtkWidget *page = ent_assumptions_page_new ();
  GtkWidget *window;
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(GHashTable) keys = g_hash_table_new (NULL, NULL);
  guint wrong = 0;

  if (!ent_test_keyboard_available ())
    {
      g_test_skip ("no X keyboard");
      return;
    }
  g_object_ref_sink (page);
  g_object_set (page, "document", document, NULL);
  window = ent_test_show_in_window (page, 1000, 4000);   /* every row on screen */
  ent_test_wait_for_frames (window, 2);
  collect_mnemonic_labels (page, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkWidget *label = g_ptr_array_index (labels, i);
      guint keyval = gdk_keyval_to_lower (gtk_label_get_mnemonic_keyval (GTK_LABEL (label)));
      GtkWidget *field = named_field (label);
      GtkWidget *focus;

      g_test_message ("Alt+%s: %s", gdk_keyval_name (keyval), gtk_label_get_label (GTK_LABEL (label)));
      g_assert_nonnull (field);
      if (g_hash_table_contains (keys, GUINT_TO_POINTER (keyval)))
        {
          g_test_message ("Alt+%s is taken twice", gdk_keyval_name (keyval));
          wrong++;
        }
      g_hash_table_add (keys, GUINT_TO_POINTER (keyval));
      /* a button's own label: GTK clicks it (Add Tariff Period then
       * focuses the new period's date) */
      if (GTK_IS_BUTTON (field))
        continue;

      ent_test_press_key (page, keyval, GDK_ALT_MASK);
      focus = ent_test_get_focus (page);
      if (focus == NULL || (focus != field && !gtk_widget_is_ancestor (focus, field)))
        {
          g_test_message ("Alt+%s put the focus on %s, not in its field",
                          gdk_keyval_name (keyval), focus != NULL ? G_OBJECT_TYPE_NAME (focus) : "nothing");
          wrong++;
        }
      if (ADW_IS_COMBO_ROW (field))
        ent_test_press_key (page, GDK_KEY_Escape, 0);   /* its list, open */
    }
  g_assert_cmpuint (wrong, ==, 0);
  /* title, payer, kind, INSEE, SIRET, first year, years, payment, the two
   * billing modes, Add Tariff Period */
  g_assert_cmpuint (labels->len, ==, 11);

  ent_test_destroy_window (g_object_ref (window));
  g_assert_finalize_object (page);
}

/* The rows holding a field are no Tab stops; Up and Down still move from
 * field to field in a boxed list, a click on a row still reaches its
 * control. */
static void
test_arrows (void)
{
  g_autoptr(EntDocument) document = ent_document_new_example ();
  GtkWidget *page = ent_assumptions_page_new ();
  GtkWidget *window;
  static const char * const down[] = { "title_entry", "payer_entry", "kind_dropdown",
                                       "insee_entry", "siret_entry" };

  if (!ent_test_keyboard_available ())
    {
      g_test_skip ("no X keyboard");
      return;
    }
  g_object_ref_sink (page);
  g_object_set (page, "document", document, NULL);
  window = ent_test_show_in_window (page, 1000, 1200);

  gtk_widget_grab_focus (ent_test_find_by_id (page, down[0]));
  for (guint i = 1; i < G_N_ELEMENTS (down); i++)
    {
      ent_test_press_key (page, GDK_KEY_Down, 0);
      g_assert_true (ent_test_focus_is_in (page, ent_test_find_by_id (page, down[i])));
    }
  for (guint i = G_N_ELEMENTS (down) - 1; i > 0; i--)
    {
      ent_test_press_key (page, GDK_KEY_Up, 0);
      g_assert_true (ent_test_focus_is_in (page, ent_test_find_by_id (page, down[i - 1])));
    }
  /* a spin button keeps its arrows: they change its value */
  gtk_widget_grab_focus (ent_test_find_by_id (page, "first_year_spin"));
  ent_test_press_key (page, GDK_KEY_Up, 0);
  g_assert_true (ent_test_focus_is_in (page, ent_test_find_by_id (page, "first_year_spin")));
  /* Hem's contract starts in 2023 */
  g_assert_cmpint (gtk_spin_button_get_value_as_int (ent_test_find_by_id (page, "first_year_spin")), ==, 2024);

  /* the row activated (a click) gives its control the focus */
  gtk_widget_grab_focus (ent_test_find_by_id (page, "title_entry"));
  g_signal_emit_by_name (ent_test_find_by_id (page, "school_years_row"), "activate");
  g_assert_true (ent_test_focus_is_in (page, ent_test_find_by_id (page, "school_years_spin")));
  g_assert_false (gtk_widget_get_focusable (ent_test_find_by_id (page, "school_years_row")));

  ent_test_destroy_window (g_object_ref (window));
  g_assert_finalize_object (page);
}

int
main (int   argc,
      char *argv[])
{
  if (!ent_test_gtk_init (&argc, &argv))
    return 0;
  adw_init ();

  g_test_add_func ("/gui/assumptions/minimum-width", test_minimum_width);
  g_test_add_func ("/gui/assumptions/add-tariff-period", test_add_tariff_period);
  g_test_add_func ("/gui/assumptions/imputation-labels", test_imputation_labels);
  g_test_add_func ("/gui/assumptions/lower-groups-follow-first-frame", test_lower_groups);
  g_test_add_func ("/gui/assumptions/mnemonics", test_mnemonics);
  g_test_add_func ("/gui/assumptions/arrows", test_arrows);

  return g_test_run ();
}
