/* test-chart.c: the chart function renders without a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "ent-chart.h"

#define WIDTH  640
#define HEIGHT 360

/* Pixels of @surface that differ from the opaque colour @background (0xRRGGBB). */
static guint
count_foreign_pixels (cairo_surface_t *surface,
                      guint32          background)
{
  unsigned char *data;
  int stride;
  guint count = 0;

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
    for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
      {
        guint32 pixel = *(guint32 *) (data + y * stride + x * 4);

        if ((pixel & 0xffffff) != background)
          count++;
      }
  return count;
}

/* Pixels exactly of series colour @index. */
static guint
count_color_pixels (cairo_surface_t    *surface,
                    const EntChartData *data,
                    guint               index)
{
  EntChartColor color;
  guint32 rgb;
  unsigned char *pixels;
  int stride;
  guint count = 0;

  ent_chart_get_series_color (data, index, &color);
  rgb = ((guint32) (color.red * 255 + 0.5) << 16) | ((guint32) (color.green * 255 + 0.5) << 8)
        | (guint32) (color.blue * 255 + 0.5);
  cairo_surface_flush (surface);
  pixels = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
    for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
      if ((*(guint32 *) (pixels + y * stride + x * 4) & 0xffffff) == rgb)
        count++;
  return count;
}

static cairo_surface_t *
render (const EntChartData *data,
        const char         *png_name)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);
  cairo_matrix_t matrix;

  ent_chart_draw (cr, WIDTH, HEIGHT, data);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  /* the caller's state is left as it was */
  cairo_get_matrix (cr, &matrix);
  g_assert_cmpfloat (matrix.xx, ==, 1.0);
  g_assert_cmpfloat (matrix.x0, ==, 0.0);
  cairo_destroy (cr);

  if (png_name != NULL)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_BUILT, png_name, NULL);

      g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
    }
  return surface;
}

static EntChartData *
example_years (void)
{
  g_autoptr(EntDocument) document = ent_document_new_example ();
  g_autoptr(GError) error = NULL;
  g_autoptr(EntBudget) budget = ent_budget_compute (document, &error);

  g_assert_no_error (error);
  return ent_chart_data_new_years (budget);
}

static void
test_data_years (void)
{
  g_autoptr(EntChartData) data = example_years ();

  g_assert_cmpint (data->kind, ==, ENT_CHART_BARS);
  g_assert_cmpuint (data->n_series, ==, 3);
  g_assert_cmpuint (data->n_categories, ==, 4);
  g_assert_cmpstr (data->category_labels[0], ==, "2024");
  g_assert_cmpstr (data->series_names[0], ==, "Base seule");
  /* values[series * n_categories + category]: 1 209 × 1,30 = 1 571,70; × 1,60 = 1 934,40 */
  g_assert_cmpint (data->values[0], ==, 157170);
  g_assert_cmpint (data->values[1 * 4 + 3], ==, 193440);
}

static void
test_data_sensitivity (void)
{
  g_autoptr(EntDocument) document = ent_document_new_example ();
  g_autoptr(GError) error = NULL;
  g_autoptr(EntSensitivity) sens = ent_sensitivity_compute (document, NULL, 0, &error);
  g_autoptr(EntChartData) data = NULL;

  g_assert_no_error (error);
  data = ent_chart_data_new_sensitivity (sens);
  g_assert_cmpint (data->kind, ==, ENT_CHART_LINES);
  g_assert_cmpuint (data->n_categories, ==, ENT_SENSITIVITY_N_STEPS);
  g_assert_cmpint (data->x_values[0], ==, -2000);
  /* a true minus sign, an explicit plus, a percent sign */
  g_assert_true (g_str_has_prefix (data->category_labels[0], "\xe2\x88\x92" "20"));
  g_assert_true (g_str_has_prefix (data->category_labels[6], "+20"));
  g_assert_nonnull (strchr (data->category_labels[6], '%'));
  g_assert_true (g_str_has_prefix (data->category_labels[3], "0"));
  /* 1 209 × 0,80 = 967,2 → 967 pupils × 1,30 × 4 = 5 028,40 */
  g_assert_cmpint (data->values[0], ==, 502840);
}

static void
test_render_bars_light (void)
{
  g_autoptr(EntChartData) data = example_years ();
  cairo_surface_t *first, *second;
  guint foreign, foreign_again;

  first = render (data, "chart-bars-light.png");
  g_assert_cmpint (cairo_image_surface_get_width (first), ==, WIDTH);
  g_assert_cmpint (cairo_image_surface_get_height (first), ==, HEIGHT);
  foreign = count_foreign_pixels (first, 0xffffff);
  /* bars, axis, labels: well beyond a few stray pixels, far from a filled surface */
  g_assert_cmpuint (foreign, >, WIDTH * HEIGHT / 20);
  g_assert_cmpuint (foreign, <, WIDTH * HEIGHT * 3 / 4);
  /* every scenario has its own coloured bars */
  for (guint s = 0; s < data->n_series; s++)
    g_assert_cmpuint (count_color_pixels (first, data, s), >, 1000);

  /* the same data draws the same picture */
  second = render (data, NULL);
  foreign_again = count_foreign_pixels (second, 0xffffff);
  g_assert_cmpuint (foreign, ==, foreign_again);
  g_assert_cmpint (memcmp (cairo_image_surface_get_data (first), cairo_image_surface_get_data (second),
                           (gsize) cairo_image_surface_get_stride (first) * HEIGHT), ==, 0);
  cairo_surface_destroy (first);
  cairo_surface_destroy (second);
}

static void
test_render_bars_dark (void)
{
  g_autoptr(EntChartData) data = example_years ();
  EntChartColor light_color, dark_color;
  cairo_surface_t *surface;

  ent_chart_get_series_color (data, 0, &light_color);
  data->foreground = (EntChartColor) { 1, 1, 1, 1 };
  data->background = (EntChartColor) { 0x24 / 255.0, 0x24 / 255.0, 0x24 / 255.0, 1 };
  ent_chart_get_series_color (data, 0, &dark_color);
  /* a lighter shade on a dark background */
  g_assert_cmpfloat (dark_color.red + dark_color.green + dark_color.blue, >,
                     light_color.red + light_color.green + light_color.blue);

  surface = render (data, "chart-bars-dark.png");
  g_assert_cmpuint (count_foreign_pixels (surface, 0x242424), >, WIDTH * HEIGHT / 20);
  for (guint s = 0; s < data->n_series; s++)
    g_assert_cmpuint (count_color_pixels (surface, data, s), >, 1000);
  cairo_surface_destroy (surface);

  /* transparent background: the palette follows the (light) foreground */
  data->background.alpha = 0;
  ent_chart_get_series_color (data, 0, &light_color);
  g_assert_cmpfloat (light_color.red, ==, dark_color.red);
}

static void
test_render_lines (void)
{
  g_autoptr(EntDocument) document = ent_document_new_example ();
  g_autoptr(GError) error = NULL;
  g_autoptr(EntSensitivity) sens = ent_sensitivity_compute (document, NULL, 0, &error);
  g_autoptr(EntChartData) data = NULL;
  cairo_surface_t *plain, *marked;
  guint plain_count, marked_count;

  g_assert_no_error (error);
  data = ent_chart_data_new_sensitivity (sens);
  plain = render (data, "chart-lines.png");
  plain_count = count_foreign_pixels (plain, 0xffffff);
  g_assert_cmpuint (plain_count, >, WIDTH * HEIGHT / 40);
  for (guint s = 0; s < data->n_series; s++)
    g_assert_cmpuint (count_color_pixels (plain, data, s), >, 200);

  /* the "what if" marker adds a dashed vertical line */
  data->has_marker = TRUE;
  data->marker_x = 700;
  marked = render (data, "chart-lines-marker.png");
  marked_count = count_foreign_pixels (marked, 0xffffff);
  g_assert_cmpuint (marked_count, >, plain_count);
  cairo_surface_destroy (plain);
  cairo_surface_destroy (marked);
}

static void
test_render_degenerate (void)
{
  EntChartData empty = { 0 };
  cairo_surface_t *surface;
  cairo_t *cr;
  g_autoptr(EntChartData) data = example_years ();

  /* nothing to show: a message, no crash */
  empty.foreground = (EntChartColor) { 0, 0, 0, 1 };
  empty.background = (EntChartColor) { 1, 1, 1, 1 };
  surface = render (&empty, NULL);
  g_assert_cmpuint (count_foreign_pixels (surface, 0xffffff), >, 0);
  cairo_surface_destroy (surface);

  /* tiny, zero and negative sizes */
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 10, 10);
  cr = cairo_create (surface);
  ent_chart_draw (cr, 10, 10, data);
  ent_chart_draw (cr, 0, 0, data);
  ent_chart_draw (cr, -5, 20, data);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  /* all zero amounts, and a negative one: the axis still includes 0 */
  for (guint i = 0; i < data->n_series * data->n_categories; i++)
    data->values[i] = 0;
  surface = render (data, NULL);
  cairo_surface_destroy (surface);
  data->values[0] = -50000;
  surface = render (data, "chart-negative.png");
  cairo_surface_destroy (surface);
}

int
main (int    argc,
      char **argv)
{
  /* French amounts on the axis when the locale exists ("1 500,00 €") */
  setlocale (LC_ALL, "fr_FR.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/compare/chart/data-years", test_data_years);
  g_test_add_func ("/compare/chart/data-sensitivity", test_data_sensitivity);
  g_test_add_func ("/compare/chart/bars-light", test_render_bars_light);
  g_test_add_func ("/compare/chart/bars-dark", test_render_bars_dark);
  g_test_add_func ("/compare/chart/lines", test_render_lines);
  g_test_add_func ("/compare/chart/degenerate", test_render_degenerate);

  return g_test_run ();
}
