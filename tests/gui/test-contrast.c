/* test-contrast.c: the contrast of what the pages draw (WCAG 2.1 AA), under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Issue 16: text must stand out 4.5:1 from what is behind it, the focus ring
 * and the chart series 3:1, in the light, dark and High Contrast styles.
 * Rather than reading pixels (antialiased glyph edges never reach the text's
 * colour), the test reads the colours GTK itself draws with: it snapshots the
 * Pupils, Budget and Compare pages of the Hem example, styled by the
 * application's style sheet, and walks the render nodes, composing every
 * text's colour (with the opacity of the groups around it, e.g. "dim-label")
 * over the colour rectangles drawn behind it before. The ratio is WCAG's
 * (L1 + 0.05) / (L2 + 0.05) of the relative luminances.
 *
 * The light and dark styles are both checked in one run (AdwStyleManager can
 * force dark); High Contrast cannot be forced from inside in libadwaita 1.2,
 * so tests/gui/meson.build runs this program a second time with
 * ADW_DEBUG_HIGH_CONTRAST=1. Without a display: "1..0 # SKIP no display".
 */
#include "config.h"

#include <locale.h>
#include <math.h>

#include <adwaita.h>
#include <gtk/gtk.h>

#include "ent-budget-page.h"
#include "ent-budget.h"
#include "ent-chart.h"
#include "ent-compare-page.h"
#include "ent-pupils-page.h"
#include "ent-compare.h"

#include "ent-test-gtk-utils.h"

#define TEXT_RATIO 4.5
#define RING_RATIO 3.0

/* what failed in the current style: every page is measured before failing */
static guint n_failures;

/* WCAG */

static double
channel (double c)
{
  return c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

static double
luminance (const GdkRGBA *c)
{
  return 0.2126 * channel (c->red) + 0.7152 * channel (c->green) + 0.0722 * channel (c->blue);
}

static double
contrast (const GdkRGBA *a,
          const GdkRGBA *b)
{
  double la = luminance (a), lb = luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

/* @top with its alpha over the opaque @bottom */
static GdkRGBA
over (const GdkRGBA *top,
      const GdkRGBA *bottom)
{
  GdkRGBA out = {
    top->alpha * top->red + (1 - top->alpha) * bottom->red,
    top->alpha * top->green + (1 - top->alpha) * bottom->green,
    top->alpha * top->blue + (1 - top->alpha) * bottom->blue,
    1.0,
  };
  return out;
}

/* the render node walk */

typedef struct
{
  graphene_rect_t bounds;
  GdkRGBA         color;     /* alpha multiplied by the opacity around it */
} Paint;

typedef struct
{
  GArray *fills;             /* colour rectangles, in the order drawn */
  GArray *texts;             /* text runs, with the background behind each */
  GArray *text_backgrounds;
  GArray *rings;             /* borders and inset shadows in the accent's hue */
  GArray *ring_backgrounds;
} Walk;

/* What is drawn behind the point (@x, @y) so far: the fills over white. */
static GdkRGBA
background_at (Walk  *walk,
               float  x,
               float  y)
{
  GdkRGBA bg = { 1, 1, 1, 1 };

  for (guint i = 0; i < walk->fills->len; i++)
    {
      Paint *fill = &g_array_index (walk->fills, Paint, i);

      if (graphene_rect_contains_point (&fill->bounds, &GRAPHENE_POINT_INIT (x, y)))
        bg = over (&fill->color, &bg);
    }
  return bg;
}

/* The focus ring is drawn in the accent colour: blue, whatever the style. */
static gboolean
is_accent (const GdkRGBA *c)
{
  return c->alpha > 0 && c->blue - c->red > 0.25;
}

static void
add_ring (Walk                  *walk,
          const graphene_rect_t *bounds,
          const GdkRGBA         *color,
          double                 opacity)
{
  Paint ring = { *bounds, *color };
  /* just outside the ring's inner edge: what the ring is seen against */
  GdkRGBA bg = background_at (walk, bounds->origin.x + bounds->size.width / 2,
                              bounds->origin.y + bounds->size.height / 2);

  if (!is_accent (color))
    return;
  ring.color.alpha *= opacity;
  g_array_append_val (walk->rings, ring);
  g_array_append_val (walk->ring_backgrounds, bg);
}

/* @clip: what is seen of the node (scrolled-away rows are drawn, clipped) */
static void
walk_node (Walk                  *walk,
           GskRenderNode         *node,
           float                  dx,
           float                  dy,
           double                 opacity,
           const graphene_rect_t *clip)
{
  graphene_rect_t bounds;
  graphene_rect_t inner;

  gsk_render_node_get_bounds (node, &bounds);
  bounds.origin.x += dx;
  bounds.origin.y += dy;

  switch ((int) gsk_render_node_get_node_type (node))
    {
    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        walk_node (walk, gsk_container_node_get_child (node, i), dx, dy, opacity, clip);
      break;
    case GSK_TRANSFORM_NODE:
      {
        GskTransform *transform = gsk_transform_node_get_transform (node);
        float tx = 0, ty = 0;

        /* the pages only translate; anything else is drawn elsewhere */
        if (gsk_transform_get_category (transform) >= GSK_TRANSFORM_CATEGORY_2D_TRANSLATE)
          {
            gsk_transform_to_translate (transform, &tx, &ty);
            walk_node (walk, gsk_transform_node_get_child (node), dx + tx, dy + ty, opacity, clip);
          }
      }
      break;
    case GSK_OPACITY_NODE:
      walk_node (walk, gsk_opacity_node_get_child (node), dx, dy,
                 opacity * gsk_opacity_node_get_opacity (node), clip);
      break;
    case GSK_CLIP_NODE:
    case GSK_ROUNDED_CLIP_NODE:
      /* the node's bounds are its clip's */
      if (!graphene_rect_intersection (&bounds, clip, &inner))
        break;
      walk_node (walk, gsk_render_node_get_node_type (node) == GSK_CLIP_NODE
                       ? gsk_clip_node_get_child (node) : gsk_rounded_clip_node_get_child (node),
                 dx, dy, opacity, &inner);
      break;
    case GSK_DEBUG_NODE:
      walk_node (walk, gsk_debug_node_get_child (node), dx, dy, opacity, clip);
      break;
    case GSK_SHADOW_NODE:
      walk_node (walk, gsk_shadow_node_get_child (node), dx, dy, opacity, clip);
      break;
    case GSK_COLOR_NODE:
      {
        Paint fill = { bounds, *gsk_color_node_get_color (node) };

        fill.color.alpha *= opacity;
        g_array_append_val (walk->fills, fill);
      }
      break;
    case GSK_TEXT_NODE:
      if (!graphene_rect_contains_point (clip, &GRAPHENE_POINT_INIT (bounds.origin.x + bounds.size.width / 2,
                                                                     bounds.origin.y + bounds.size.height / 2)))
        break;
      {
        Paint text = { bounds, *gsk_text_node_get_color (node) };
        GdkRGBA bg = background_at (walk, bounds.origin.x + bounds.size.width / 2,
                                    bounds.origin.y + bounds.size.height / 2);

        text.color.alpha *= opacity;
        g_array_append_val (walk->texts, text);
        g_array_append_val (walk->text_backgrounds, bg);
      }
      break;
    case GSK_BORDER_NODE:
      add_ring (walk, &bounds, &gsk_border_node_get_colors (node)[0], opacity);
      break;
    case GSK_INSET_SHADOW_NODE:
      add_ring (walk, &bounds, gsk_inset_shadow_node_get_color (node), opacity);
      break;
    default:
      break;
    }
}

/* Checks everything @widget draws; @what names it in the messages.
 * Returns the lowest text ratio. */
static double
check_widget (GtkWidget  *widget,
              const char *what,
              gboolean    expect_ring)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  Walk walk = {
    g_array_new (FALSE, FALSE, sizeof (Paint)), g_array_new (FALSE, FALSE, sizeof (Paint)),
    g_array_new (FALSE, FALSE, sizeof (GdkRGBA)), g_array_new (FALSE, FALSE, sizeof (Paint)),
    g_array_new (FALSE, FALSE, sizeof (GdkRGBA)),
  };
  double lowest = G_MAXDOUBLE;
  guint n_failed = 0;

  gdk_paintable_snapshot (paintable, snapshot,
                          gtk_widget_get_width (widget), gtk_widget_get_height (widget));
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  walk_node (&walk, node, 0, 0, 1.0,
             &GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (widget), gtk_widget_get_height (widget)));

  g_assert_cmpuint (walk.texts->len, >, 0);
  for (guint i = 0; i < walk.texts->len; i++)
    {
      Paint *text = &g_array_index (walk.texts, Paint, i);
      GdkRGBA *bg = &g_array_index (walk.text_backgrounds, GdkRGBA, i);
      GdkRGBA seen = over (&text->color, bg);
      double ratio = contrast (&seen, bg);

      lowest = MIN (lowest, ratio);
      if (ratio < TEXT_RATIO)
        {
          g_autofree char *fg = gdk_rgba_to_string (&text->color);
          g_autofree char *back = gdk_rgba_to_string (bg);

          n_failed++;
          g_test_message ("%s: text at %.0f,%.0f (%.0f×%.0f) %s on %s: %.2f:1",
                          what, text->bounds.origin.x, text->bounds.origin.y,
                          text->bounds.size.width, text->bounds.size.height, fg, back, ratio);
        }
    }
  g_test_message ("%s: %u text runs, lowest %.2f:1", what, walk.texts->len, lowest);

  if (expect_ring)
    {
      double worst = G_MAXDOUBLE;

      g_assert_cmpuint (walk.rings->len, >, 0);
      for (guint i = 0; i < walk.rings->len; i++)
        {
          Paint *ring = &g_array_index (walk.rings, Paint, i);
          GdkRGBA *bg = &g_array_index (walk.ring_backgrounds, GdkRGBA, i);
          GdkRGBA seen = over (&ring->color, bg);

          /* every ring drawn: the cell's and the one of the label inside */
          worst = MIN (worst, contrast (&seen, bg));
        }
      g_test_message ("%s: %u focus ring(s), lowest %.2f:1", what, walk.rings->len, worst);
      if (worst < RING_RATIO)
        n_failures++;
    }

  g_array_unref (walk.fills);
  g_array_unref (walk.texts);
  g_array_unref (walk.text_backgrounds);
  g_array_unref (walk.rings);
  g_array_unref (walk.ring_backgrounds);
  n_failures += n_failed;
  return lowest;
}

/* the pages */

/* a PNG in the build directory, named after @what */
static void
save_png (GtkWidget  *window,
          const char *what)
{
  g_autofree char *name = g_strconcat (what, ".png", NULL);

  g_strdelimit (name, ", ", '-');
  ent_test_save_png (window, name);
}

static void
load_style (void)
{
  static gboolean loaded;
  g_autoptr(GtkCssProvider) provider = NULL;

  if (loaded)
    return;
  /* as EntWindow does for its display */
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/io/github/budgetent/BudgetEnt/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  loaded = TRUE;
}

static GtkWidget *
show_in_window (GtkWidget *page)
{
  GtkWidget *window = ent_test_show_in_window (page, 1280, 760);

  ent_test_wait_for_frames (window, 1);   /* the render nodes read settled */
  return window;
}

static gboolean
match_pupils_grid (GtkWidget     *widget,
                   gconstpointer  data)
{
  return GTK_IS_COLUMN_VIEW (widget) && gtk_widget_has_css_class (widget, "pupils-grid");
}

/* a projected count: dimmed, the way the Pupils page shows it */
static gboolean
match_projected_cell (GtkWidget     *widget,
                      gconstpointer  data)
{
  return GTK_IS_EDITABLE (widget) && gtk_widget_get_mapped (widget) &&
         gtk_widget_has_css_class (widget, "dim-label") && gtk_widget_get_focusable (widget);
}

static void
check_style (const char *style)
{
  g_autoptr(EntDocument) document = ent_document_new_example ();
  g_autoptr(GError) error = NULL;
  g_autoptr(EntBudget) budget = ent_budget_compute (document, &error);
  g_autoptr(EntSensitivity) sensitivity = NULL;
  g_autofree char *what = NULL;
  GtkWidget *page, *window, *grid, *cell;
  GtkDropDown *reference;

  g_assert_no_error (error);
  n_failures = 0;
  sensitivity = ent_sensitivity_compute (document, NULL, 0, &error);
  g_assert_no_error (error);

  /* Pupils: the projected counts, in a selected row too, and the ring on one */
  page = ent_pupils_page_new ();
  g_object_set (page, "document", document, "budget", budget, NULL);
  window = show_in_window (page);
  what = g_strdup_printf ("%s, Pupils", style);
  check_widget (window, what, FALSE);
  grid = ent_test_find_widget (page, match_pupils_grid, NULL);
  g_assert_nonnull (grid);
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (grid))),
                                   0, TRUE);
  cell = ent_test_find_widget (page, match_projected_cell, NULL);
  g_assert_nonnull (cell);
  gtk_widget_grab_focus (cell);
  gtk_window_set_focus_visible (GTK_WINDOW (window), TRUE);
  /* past libadwaita's 200 ms transition of the ring */
  ent_test_run_for (400);
  ent_test_wait_for_frames (window, 2);
  g_free (what);
  what = g_strdup_printf ("%s, Pupils, a row selected, a projected count focused", style);
  check_widget (window, what, TRUE);
  save_png (window, what);
  ent_test_destroy_shown_window (window, 300);

  /* Budget */
  page = ent_budget_page_new ();
  g_object_set (page, "document", document, "budget", budget, NULL);
  window = show_in_window (page);
  g_free (what);
  what = g_strdup_printf ("%s, Budget", style);
  check_widget (window, what, FALSE);
  save_png (window, what);
  ent_test_destroy_shown_window (window, 300);

  /* Compare, its reference drop-down focused */
  page = ent_compare_page_new ();
  g_object_set (page, "document", document, "budget", budget, "sensitivity", sensitivity, NULL);
  window = show_in_window (page);
  reference = GTK_DROP_DOWN (gtk_widget_get_template_child (page, ENT_TYPE_COMPARE_PAGE, "reference_dropdown"));
  gtk_widget_grab_focus (GTK_WIDGET (reference));
  gtk_window_set_focus_visible (GTK_WINDOW (window), TRUE);
  /* past libadwaita's 200 ms transition of the ring */
  ent_test_run_for (400);
  ent_test_wait_for_frames (window, 2);
  g_free (what);
  what = g_strdup_printf ("%s, Compare, the reference focused", style);
  check_widget (window, what, TRUE);
  save_png (window, what);
  ent_test_destroy_shown_window (window, 300);

  g_assert_cmpuint (n_failures, ==, 0);
}

static void
test_light (void)
{
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);
  check_style (adw_style_manager_get_high_contrast (adw_style_manager_get_default ())
               ? "contrast-hc-light" : "contrast-light");
}

static void
test_dark (void)
{
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  check_style (adw_style_manager_get_high_contrast (adw_style_manager_get_default ())
               ? "contrast-hc-dark" : "contrast-dark");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

/* The chart series against the backgrounds the charts are drawn on: the
 * views' and the windows' (and white paper for the PDF), light and dark. */
static void
test_chart_series (void)
{
  static const char *const light[] = { "#ffffff", "#fafafa" };
  static const char *const dark[] = { "#1e1e1e", "#242424" };
  EntChartData data = { 0 };

  for (guint d = 0; d < 2; d++)
    for (guint b = 0; b < 2; b++)
      for (guint s = 0; s < 7; s++)
        {
          GdkRGBA background;
          EntChartColor color;
          GdkRGBA series;

          g_assert_true (gdk_rgba_parse (&background, d == 0 ? light[b] : dark[b]));
          data.background = (EntChartColor) { background.red, background.green, background.blue, 1 };
          ent_chart_get_series_color (&data, s, &color);
          series = (GdkRGBA) { color.red, color.green, color.blue, color.alpha };
          g_test_message ("series %u on %s: %.2f:1", s, d == 0 ? light[b] : dark[b],
                          contrast (&series, &background));
          g_assert_cmpfloat (contrast (&series, &background), >=, RING_RATIO);
        }
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  if (!ent_test_gtk_init (&argc, &argv))
    return 0;
  adw_init ();
  load_style ();

  g_test_add_func ("/contrast/chart-series", test_chart_series);
  g_test_add_func ("/contrast/light", test_light);
  g_test_add_func ("/contrast/dark", test_dark);
  return g_test_run ();
}
