/* test-window-size.c: the window fits any screen and never resizes itself
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Issue 13: on every page, with the Hem example and with a document of nine
 * school years and four scenarios, the window asks for no more than 800×600;
 * given a whole screen of 800×600, 1280×800 or 1920×1080 it is allocated no
 * more than the screen; switching pages or adding a school year leaves its
 * size alone; at 800×600
 * the page list folds away and the pages are still reachable; Tab from the
 * page list goes into the page; the scenario can be chosen on every page.
 */
#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>
#include <gtk/gtk.h>
#include <adwaita.h>

#include "ent-compare-page.h"
#include "ent-window-private.h"

#include "ent-test-gtk-utils.h"

#define MAX_WIDTH  800
#define MAX_HEIGHT 600

static const char * const pages[] = { "assumptions", "pupils", "scenarios", "budget", "compare" };

/* ------------------------------------------------------------------ helpers */

static EntWindow *
show_window (EntDocument *document,
             int          width,
             int          height)
{
  EntWindow *window = ent_window_new (NULL, document);

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  return ent_test_present (window);
}

/* The example, or the example stretched to nine school years and four
 * scenarios: the widest document a commune is likely to have. */
static EntDocument *
new_document (gboolean large)
{
  EntDocument *document = ent_document_new_example ();

  if (large)
    {
      g_autoptr(EntScenario) scenario = ent_scenario_new ("Quatrième scénario aux effectifs en hausse");

      ent_contract_set_school_years (ent_document_get_contract (document), 9);
      ent_document_add_scenario (document, scenario);
      g_assert_cmpuint (g_list_model_get_n_items (ent_document_get_scenarios (document)), ==, 4);
    }
  return document;
}

static void
show_page (EntWindow  *window,
           const char *name)
{
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", name);
  ent_test_settle (GTK_WIDGET (window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->stack), ==, name);
}

/* What the window asks of the screen: at most 800 wide (minimum and
 * natural) and 600 high (minimum). */
static void
assert_fits (EntWindow  *window,
             const char *where)
{
  int min_width, nat_width, min_height, nat_height;

  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1,
                      &min_width, &nat_width, NULL, NULL);
  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_VERTICAL, -1,
                      &min_height, &nat_height, NULL, NULL);
  g_test_message ("%s: width %d (natural %d), height %d (natural %d)",
                  where, min_width, nat_width, min_height, nat_height);
  if (min_width > MAX_WIDTH || nat_width > MAX_WIDTH || min_height > MAX_HEIGHT)
    g_test_fail_printf ("%s: the window asks for %d (natural %d) × %d, more than %d × %d",
             where, min_width, nat_width, min_height, MAX_WIDTH, MAX_HEIGHT);
}

typedef struct
{
  int default_width;
  int default_height;
  int width;
  int height;
} Size;

static Size
window_size (EntWindow *window)
{
  Size size;

  gtk_window_get_default_size (GTK_WINDOW (window), &size.default_width, &size.default_height);
  size.width = gtk_widget_get_width (GTK_WIDGET (window));
  size.height = gtk_widget_get_height (GTK_WIDGET (window));
  return size;
}

static void
assert_same_size (EntWindow  *window,
                  const Size *before,
                  const char *where)
{
  Size now = window_size (window);

  if (now.default_width != before->default_width || now.default_height != before->default_height ||
      now.width != before->width || now.height != before->height)
    g_test_fail_printf ("%s: the window went from %d × %d (default %d × %d) to %d × %d (default %d × %d)",
             where, before->width, before->height, before->default_width, before->default_height,
             now.width, now.height, now.default_width, now.default_height);
}

static GtkWidget *
flap (EntWindow *window)
{
  return ent_test_template_child (window, ENT_TYPE_WINDOW, "flap");
}

/* ------------------------------------------------------------------- tests */

/* A screen, by its size in pixels, and the document shown on it. */
typedef struct
{
  gboolean large;
  int      width;
  int      height;
} Screen;

/* Whether the display's monitor holds @screen: GTK keeps a window within
 * its monitor, so a larger screen is only tried on a display that large
 * (xvfb-run -s '-screen 0 1920x1080x24'); otherwise the test is skipped,
 * saying so. */
static gboolean
display_holds (const Screen *screen)
{
  GListModel *monitors = gdk_display_get_monitors (gdk_display_get_default ());
  g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, 0);
  GdkRectangle geometry;

  g_assert_nonnull (monitor);
  gdk_monitor_get_geometry (monitor, &geometry);
  if (geometry.width >= screen->width && geometry.height >= screen->height)
    return TRUE;

  {
    g_autofree char *message =
      g_strdup_printf ("a %d × %d screen needs a display that large; this one is %d × %d",
                       screen->width, screen->height, geometry.width, geometry.height);

    g_test_skip (message);
  }
  return FALSE;
}

/* The window as laid out on @screen: given the whole screen, it is
 * allocated no more than the screen (the surface, shadows included, as
 * well), whatever page it shows. */
static void
assert_within_screen (EntWindow    *window,
                      const Screen *screen,
                      const char   *where)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  int width = gtk_widget_get_width (GTK_WIDGET (window));
  int height = gtk_widget_get_height (GTK_WIDGET (window));

  g_test_message ("%s: allocated %d × %d, surface %d × %d", where, width, height,
                  gdk_surface_get_width (surface), gdk_surface_get_height (surface));
  if (width > screen->width || height > screen->height)
    g_test_fail_printf ("%s: the window is allocated %d × %d on a screen of %d × %d",
                        where, width, height, screen->width, screen->height);
  if (gdk_surface_get_width (surface) > screen->width)
    g_test_fail_printf ("%s: the window's surface is %d wide on a screen of %d",
                        where, gdk_surface_get_width (surface), screen->width);
}

/* Every page, then one more school year, on a screen of a given size (the
 * window given the whole screen, as a maximized one would be): the window
 * asks for no more than 800 × 600, fits the screen and keeps the size it
 * was given. */
static void
check_pages (gconstpointer data)
{
  const Screen *screen = data;
  gboolean large = screen->large;
  g_autoptr(EntDocument) document = NULL;
  EntWindow *window;
  GtkSpinButton *years;
  Size size;

  if (!display_holds (screen))
    return;
  document = new_document (large);
  window = show_window (document, screen->width, screen->height);
  size = window_size (window);
  if (size.width < screen->width - 20 || size.height < screen->height - 20)
    g_test_fail_printf ("the window was given %d × %d and is %d × %d",
                        screen->width, screen->height, size.width, size.height);

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autofree char *where = g_strdup_printf ("page %s", pages[i]);

      show_page (window, pages[i]);
      assert_fits (window, where);
      assert_within_screen (window, screen, where);
      assert_same_size (window, &size, where);
    }

  /* "+" on the number of school years, on the Assumptions page */
  show_page (window, "assumptions");
  years = ent_test_template_child (window->assumptions_page, ENT_TYPE_ASSUMPTIONS_PAGE, "school_years_spin");
  gtk_spin_button_set_value (years, large ? 9 : 4);
  gtk_spin_button_spin (years, GTK_SPIN_STEP_FORWARD, 1);
  ent_test_settle (GTK_WIDGET (window));
  g_assert_cmpint (ent_contract_get_school_years (ent_document_get_contract (document)), ==, large ? 10 : 5);
  assert_fits (window, "one more school year");
  assert_within_screen (window, screen, "one more school year");
  assert_same_size (window, &size, "one more school year");
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autofree char *where = g_strdup_printf ("page %s, one more school year", pages[i]);

      show_page (window, pages[i]);
      assert_fits (window, where);
      assert_within_screen (window, screen, where);
      assert_same_size (window, &size, where);
    }

  ent_test_destroy_window (window);
}

/* 800 × 600: the page list is folded away, each page has the whole width,
 * and the button in the header bar brings the list back, with the focus. */
static void
test_small_screen (void)
{
  g_autoptr(EntDocument) document = new_document (TRUE);
  EntWindow *window = show_window (document, MAX_WIDTH, MAX_HEIGHT);
  GtkWidget *sidebar_button = ent_test_template_child (window, ENT_TYPE_WINDOW, "sidebar_button");
  Size size = window_size (window);

  g_assert_cmpint (size.default_width, ==, MAX_WIDTH);
  g_assert_cmpint (size.default_height, ==, MAX_HEIGHT);
  g_assert_cmpint (size.width, <=, MAX_WIDTH);
  g_assert_true (adw_flap_get_folded (ADW_FLAP (flap (window))));
  g_assert_false (adw_flap_get_reveal_flap (ADW_FLAP (flap (window))));
  g_assert_true (gtk_widget_get_visible (sidebar_button));

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      GtkWidget *page = gtk_stack_get_child_by_name (window->stack, pages[i]);
      graphene_rect_t bounds;

      show_page (window, pages[i]);
      g_assert_true (gtk_widget_get_mapped (page));
      g_assert_true (gtk_widget_compute_bounds (page, GTK_WIDGET (window), &bounds));
      /* the whole width, nothing hidden behind the page list */
      g_assert_cmpfloat (bounds.origin.x, <, 10);
      g_assert_cmpfloat (bounds.size.width, >, MAX_WIDTH - 20);
      assert_same_size (window, &size, pages[i]);
    }

  /* the page list comes back over the page, and goes when a page is chosen */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (sidebar_button), TRUE);
  ent_test_settle (GTK_WIDGET (window));
  g_assert_true (adw_flap_get_reveal_flap (ADW_FLAP (flap (window))));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), window->sidebar));
  show_page (window, "pupils");
  g_assert_false (adw_flap_get_reveal_flap (ADW_FLAP (flap (window))));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (sidebar_button)));
  /* the focus is not left in the hidden list */
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), window->pupils_page));

  ent_test_destroy_window (window);
}

/* A wide window shows the page list beside the page, without the button. */
static void
test_large_screen (void)
{
  g_autoptr(EntDocument) document = new_document (FALSE);
  EntWindow *window = show_window (document, 1280, 800);

  g_assert_false (adw_flap_get_folded (ADW_FLAP (flap (window))));
  g_assert_true (gtk_widget_get_mapped (window->sidebar));
  g_assert_false (gtk_widget_get_visible (ent_test_template_child (window, ENT_TYPE_WINDOW, "sidebar_button")));

  ent_test_destroy_window (window);
}

/* Tab from the page list goes into the page shown, and leaves the page
 * shown as it was (the list's next row is no place to go). */
static void
check_tab_from_sidebar (gconstpointer data)
{
  gboolean small = GPOINTER_TO_INT (data);
  g_autoptr(EntDocument) document = new_document (FALSE);
  EntWindow *window = show_window (document, small ? MAX_WIDTH : 1280, small ? MAX_HEIGHT : 800);

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      GtkWidget *page = gtk_stack_get_child_by_name (window->stack, pages[i]);
      GtkWidget *focus;

      show_page (window, pages[i]);
      if (small)
        {
          adw_flap_set_reveal_flap (ADW_FLAP (flap (window)), TRUE);
          ent_test_settle (GTK_WIDGET (window));
        }
      gtk_window_set_focus (GTK_WINDOW (window), NULL);
      g_assert_true (gtk_widget_child_focus (window->sidebar, GTK_DIR_TAB_FORWARD));
      focus = gtk_root_get_focus (GTK_ROOT (window));
      g_assert_true (gtk_widget_is_ancestor (focus, window->sidebar));

      /* what Tab does (GtkWindow's binding) */
      g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD));
      ent_test_settle (GTK_WIDGET (window));
      focus = gtk_root_get_focus (GTK_ROOT (window));
      g_assert_cmpstr (gtk_stack_get_visible_child_name (window->stack), ==, pages[i]);
      g_assert_nonnull (focus);
      if (!gtk_widget_is_ancestor (focus, page))
        g_error ("Tab from the page list on %s went to a %s, out of the page",
                 pages[i], G_OBJECT_TYPE_NAME (focus));
      if (small)
        g_assert_false (adw_flap_get_reveal_flap (ADW_FLAP (flap (window))));
    }

  ent_test_destroy_window (window);
}

/* A page chosen in the folded page list shows from its start: the focus
 * goes to its first widget, the first row of a table wider than the window
 * on the Budget page, and GtkViewport scrolled to that row's far end, so the
 * page opened scrolled sideways and down, its title out of sight. */
static void
test_chosen_page_shows_its_start (void)
{
  static const char * const wide_pages[] = { "budget", "compare", "pupils", "scenarios" };
  g_autoptr(EntDocument) document = new_document (TRUE);
  GtkSettings *settings = gtk_settings_get_default ();
  EntWindow *window;

  /* as on a desktop: the page crossfades in and the viewport animates its
   * scroll (the tests turn animations off; without them this was not seen) */
  g_object_set (settings, "gtk-enable-animations", TRUE, NULL);
  window = show_window (document, MAX_WIDTH, MAX_HEIGHT);
  g_assert_true (adw_flap_get_folded (ADW_FLAP (flap (window))));
  for (guint i = 0; i < G_N_ELEMENTS (wide_pages); i++)
    {
      GtkWidget *page = gtk_stack_get_child_by_name (window->stack, wide_pages[i]);
      GtkWidget *focus;
      guint n_scrollers = 0;

      show_page (window, "assumptions");
      adw_flap_set_reveal_flap (ADW_FLAP (flap (window)), TRUE);
      ent_test_run_for (600);
      g_assert_true (gtk_widget_child_focus (window->sidebar, GTK_DIR_TAB_FORWARD));
      show_page (window, wide_pages[i]);
      /* the page's crossfade, the list's slide and any scroll animation */
      ent_test_run_for (1000);

      focus = gtk_root_get_focus (GTK_ROOT (window));
      g_assert_nonnull (focus);
      g_assert_true (gtk_widget_is_ancestor (focus, page));
      for (GtkWidget *w = focus; w != NULL; w = gtk_widget_get_parent (w))
        {
          GtkAdjustment *h, *v;

          if (!GTK_IS_SCROLLED_WINDOW (w))
            continue;
          n_scrollers++;
          h = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (w));
          g_test_message ("%s: a scroller at %g of %g–%g", wide_pages[i],
                          gtk_adjustment_get_value (h), gtk_adjustment_get_lower (h),
                          gtk_adjustment_get_upper (h));
          if (gtk_adjustment_get_value (h) != gtk_adjustment_get_lower (h))
            g_error ("%s chosen in the page list opened scrolled sideways (%g px)",
                     wide_pages[i], gtk_adjustment_get_value (h));
          /* and from the top: its first focusable widget is near it */
          v = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (w));
          if (gtk_adjustment_get_value (v) != gtk_adjustment_get_lower (v))
            g_error ("%s chosen in the page list opened scrolled down (%g px)",
                     wide_pages[i], gtk_adjustment_get_value (v));
        }
      g_assert_cmpuint (n_scrollers, >, 0);
    }
  ent_test_save_png (GTK_WIDGET (window), "window-size-chosen-page.png");

  ent_test_destroy_window (window);
  g_object_set (settings, "gtk-enable-animations", FALSE, NULL);
}

/* Whether @scroller's horizontal adjustment has a range to scroll. */
static gboolean
scrolls_sideways (GtkWidget *scroller)
{
  GtkAdjustment *h = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (scroller));

  return gtk_adjustment_get_upper (h) - gtk_adjustment_get_lower (h) >
         gtk_adjustment_get_page_size (h) + 0.5;
}

/* At 800 × 600 the Compare page fits the width and scrolls down only: only
 * its tables scroll sideways, in their own scrollers, and the page's
 * children (title, charts, slider, texts) lie within the page. */
static void
check_compare_page_width (gconstpointer data)
{
  gboolean large = GPOINTER_TO_INT (data);
  g_autoptr(EntDocument) document = new_document (large);
  EntWindow *window = show_window (document, MAX_WIDTH, MAX_HEIGHT);
  GtkWidget *page = window->compare_page;
  GtkWidget *page_scroller = ent_test_template_child (page, ENT_TYPE_COMPARE_PAGE, "page_scroller");
  GtkWidget *comparison = ent_test_template_child (page, ENT_TYPE_COMPARE_PAGE, "comparison_scroller");
  GtkWidget *sensitivity = ent_test_template_child (page, ENT_TYPE_COMPARE_PAGE, "sensitivity_scroller");
  GtkAdjustment *h = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (page_scroller));
  GtkWidget *content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (page_scroller));
  int page_width;

  /* the page's box, in the viewport GtkScrolledWindow put around it */
  if (GTK_IS_VIEWPORT (content))
    content = gtk_viewport_get_child (GTK_VIEWPORT (content));

  show_page (window, "compare");
  ent_test_settle (GTK_WIDGET (window));
  page_width = gtk_widget_get_width (page_scroller);
  g_test_message ("Compare page: %d wide, its scroller %g of %g–%g (page %g); tables %d and %d wide",
                  page_width, gtk_adjustment_get_value (h), gtk_adjustment_get_lower (h),
                  gtk_adjustment_get_upper (h), gtk_adjustment_get_page_size (h),
                  gtk_widget_get_width (comparison), gtk_widget_get_width (sensitivity));
  g_assert_cmpint (page_width, >, 0);
  g_assert_cmpint (page_width, <=, MAX_WIDTH);
  if (scrolls_sideways (page_scroller))
    g_test_fail_printf ("the Compare page scrolls sideways at %d × %d: %g px of content in %g",
                        MAX_WIDTH, MAX_HEIGHT, gtk_adjustment_get_upper (h) - gtk_adjustment_get_lower (h),
                        gtk_adjustment_get_page_size (h));

  /* every child of the page within its width, the tables' scrollers too */
  for (GtkWidget *child = gtk_widget_get_first_child (content);
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      graphene_rect_t bounds;

      if (!gtk_widget_get_visible (child))
        continue;
      g_assert_true (gtk_widget_compute_bounds (child, page_scroller, &bounds));
      if (bounds.origin.x < 0 || bounds.origin.x + bounds.size.width > page_width + 0.5)
        g_test_fail_printf ("a %s of the Compare page lies at %g–%g, out of its %d px",
                            G_OBJECT_TYPE_NAME (child), bounds.origin.x,
                            bounds.origin.x + bounds.size.width, page_width);
    }

  /* the comparison table, wider than the window, scrolls in its scroller */
  if (large)
    g_assert_true (scrolls_sideways (comparison));

  ent_test_destroy_window (window);
}

/* The scenario chosen in the totals bar is the workspace's, on every page,
 * and follows the workspace's. */
static void
test_scenario_choice (void)
{
  g_autoptr(EntDocument) document = new_document (TRUE);
  EntWindow *window = show_window (document, MAX_WIDTH, MAX_HEIGHT);
  EntWorkspace *workspace = ent_window_get_workspace (window);
  GtkDropDown *choice = ent_test_template_child (window->totals_bar, ENT_TYPE_TOTALS_BAR, "scenario_dropdown");

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      guint index = (i + 1) % 4;

      show_page (window, pages[i]);
      g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (choice)));
      gtk_drop_down_set_selected (choice, index);
      ent_test_settle (GTK_WIDGET (window));
      g_assert_true (ent_workspace_get_scenario (workspace) == ent_test_scenario_at (document, index));
    }

  ent_workspace_set_scenario (workspace, ent_test_scenario_at (document, 2));
  ent_test_settle (GTK_WIDGET (window));
  g_assert_cmpuint (gtk_drop_down_get_selected (choice), ==, 2);

  ent_test_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  /* the two screens, and the common laptop one between them */
  static const Screen screens[] = {
    { FALSE, 800, 600 }, { TRUE, 800, 600 },
    { FALSE, 1280, 800 }, { TRUE, 1280, 800 },
    { FALSE, 1920, 1080 }, { TRUE, 1920, 1080 },
  };

  if (!ent_test_gtk_init (&argc, &argv))
    return 0;
  adw_init ();

  for (guint i = 0; i < G_N_ELEMENTS (screens); i++)
    {
      /* a suite per screen: "-p /window-size/pages/1920x1080" runs one */
      g_autofree char *path = g_strdup_printf ("/window-size/pages/%dx%d/%s",
                                               screens[i].width, screens[i].height,
                                               screens[i].large ? "nine-years-four-scenarios" : "example");

      g_test_add_data_func (path, &screens[i], check_pages);
    }
  g_test_add_func ("/window-size/small-screen", test_small_screen);
  g_test_add_func ("/window-size/large-screen", test_large_screen);
  g_test_add_data_func ("/window-size/tab-from-sidebar/wide", GINT_TO_POINTER (FALSE), check_tab_from_sidebar);
  g_test_add_data_func ("/window-size/tab-from-sidebar/small", GINT_TO_POINTER (TRUE), check_tab_from_sidebar);
  g_test_add_func ("/window-size/scenario-choice", test_scenario_choice);
  g_test_add_data_func ("/window-size/compare-page-width/example", GINT_TO_POINTER (FALSE), check_compare_page_width);
  g_test_add_data_func ("/window-size/compare-page-width/nine-years-four-scenarios", GINT_TO_POINTER (TRUE),
                        check_compare_page_width);
  g_test_add_func ("/window-size/chosen-page-shows-its-start", test_chosen_page_shows_its_start);

  return g_test_run ();
}
