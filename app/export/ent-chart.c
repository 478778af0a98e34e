/* ent-chart.c: the comparison charts, drawn with cairo and pango
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Layout, top to bottom: optional title, plot (y axis labels on the left,
 * category labels below), legend rows. The y axis always includes 0 and runs
 * between multiples of a "nice" step (1, 2 or 5 × 10^k cents, at least 1 €),
 * computed in integers; only the mapping to the page uses doubles.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "ent-budget-query.h"
#include "ent-chart.h"
#include "ent-money.h"

#define DEFAULT_FONT_SIZE 10.0
#define MIN_STEP_CENTS    100     /* ticks are whole euros */

typedef struct
{
  double x, y, width, height;
} Rect;

typedef struct
{
  gint64 low;      /* cents, a multiple of step, <= 0 */
  gint64 high;     /* cents, a multiple of step, > low */
  gint64 step;
} Axis;

/* Two palettes of the GNOME HIG colours: darker shades for a light
 * background, lighter shades for a dark one. Each series stands 3:1 from the
 * background (WCAG 2.1 non-text contrast, tests/gui/test-contrast.c): the
 * HIG's green 5 (#26a269) was 3.1:1 on the light window, so the light green
 * is libadwaita's success colour, 4.4:1, still apart in lightness from the
 * orange beside it for readers who confuse red and green. */
static const guint32 light_palette[] = {
  0x1c71d8, 0xe66100, 0x1b8553, 0x813d9c, 0xc01c28, 0x865e3c, 0x5e5c64,
};
static const guint32 dark_palette[] = {
  0x62a0ea, 0xffa348, 0x57e389, 0xc061cb, 0xf66151, 0xcdab8f, 0xc0bfbc,
};

/* helpers */

static gint64
floor_div (gint64 a,
           gint64 b)
{
  gint64 q = a / b;

  if ((a % b != 0) && ((a < 0) != (b < 0)))
    q--;
  return q;
}

static gint64
ceil_div (gint64 a,
          gint64 b)
{
  return -floor_div (-a, b);
}

/* The smallest of 1, 2, 5 × 10^k that is at least @raw. */
static gint64
nice_step (gint64 raw)
{
  static const gint64 factors[] = { 1, 2, 5, 10 };
  gint64 magnitude = 1;

  if (raw < MIN_STEP_CENTS)
    return MIN_STEP_CENTS;

  while (magnitude <= raw / 10)
    magnitude *= 10;
  for (guint i = 0; i < G_N_ELEMENTS (factors); i++)
    if (factors[i] * magnitude >= raw)
      return factors[i] * magnitude;
  return 10 * magnitude;
}

static void
compute_axis (const EntChartData *data,
              int                 max_ticks,
              Axis               *axis)
{
  gint64 low = 0, high = 0;
  guint n = data->n_series * data->n_categories;

  for (guint i = 0; i < n; i++)
    {
      low = MIN (low, data->values[i]);
      high = MAX (high, data->values[i]);
    }
  if (low == high)
    high = 100 * MIN_STEP_CENTS;   /* nothing to scale: 0 … 100 € */

  /* amounts are bounded far below G_MAXINT64 / 2 (ent-money.c) */
  axis->step = nice_step (ceil_div (high - low, MAX (max_ticks, 1)));
  axis->low = floor_div (low, axis->step) * axis->step;
  axis->high = ceil_div (high, axis->step) * axis->step;
  if (axis->high <= axis->low)
    axis->high = axis->low + axis->step;
}

static double
axis_to_y (const Axis *axis,
           const Rect *plot,
           gint64      value)
{
  double fraction = (double) (value - axis->low) / (double) (axis->high - axis->low);

  return plot->y + plot->height - fraction * plot->height;
}

static double
luminance (const EntChartColor *color)
{
  return 0.2126 * color->red + 0.7152 * color->green + 0.0722 * color->blue;
}

static void
set_color (cairo_t             *cr,
           const EntChartColor *color,
           double               alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

static PangoLayout *
create_layout (cairo_t    *cr,
               double      font_size,
               gboolean    bold,
               const char *text)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Sans");

  pango_font_description_set_absolute_size (font, font_size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static void
layout_size (PangoLayout *layout,
             double      *out_width,
             double      *out_height)
{
  int w, h;

  pango_layout_get_size (layout, &w, &h);
  if (out_width != NULL)
    *out_width = (double) w / PANGO_SCALE;
  if (out_height != NULL)
    *out_height = (double) h / PANGO_SCALE;
}

/* Draws @text with its anchor point at (@x, @y): @xalign/@yalign 0 = left/top,
 * 0.5 = centre, 1 = right/bottom. */
static void
draw_text (cairo_t    *cr,
           double      font_size,
           gboolean    bold,
           const char *text,
           double      x,
           double      y,
           double      xalign,
           double      yalign)
{
  g_autoptr(PangoLayout) layout = create_layout (cr, font_size, bold, text);
  double w, h;

  layout_size (layout, &w, &h);
  cairo_move_to (cr, x - xalign * w, y - yalign * h);
  pango_cairo_show_layout (cr, layout);
}

static double
text_width (cairo_t    *cr,
            double      font_size,
            const char *text)
{
  g_autoptr(PangoLayout) layout = create_layout (cr, font_size, FALSE, text);
  double w;

  layout_size (layout, &w, NULL);
  return w;
}

/* Lays the legend out in rows within @width; returns its height. When @cr
 * draws (@draw TRUE) the rows start at (@x, @y). */
static double
legend (cairo_t            *cr,
        const EntChartData *data,
        double              font_size,
        double              x,
        double              y,
        double              width,
        gboolean            draw)
{
  double swatch = font_size;
  double gap = font_size * 0.5;
  double item_gap = font_size * 1.5;
  double row_height = font_size * 1.5;
  double cx = x;
  double cy = y;

  for (guint s = 0; s < data->n_series; s++)
    {
      const char *name = data->series_names[s] != NULL ? data->series_names[s] : "";
      g_autoptr(PangoLayout) layout = create_layout (cr, font_size, FALSE, name);
      double w, h;
      double item;

      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_width (layout, (int) (MAX (width - swatch - gap, 1.0) * PANGO_SCALE));
      pango_layout_set_single_paragraph_mode (layout, TRUE);
      /* width set: get the natural width of the (possibly ellipsized) line */
      {
        PangoRectangle logical;

        pango_layout_get_pixel_extents (layout, NULL, &logical);
        w = logical.width;
        h = logical.height;
      }
      item = swatch + gap + w;
      if (cx > x && cx + item > x + width)
        {
          cx = x;
          cy += row_height;
        }
      if (draw)
        {
          EntChartColor color;

          ent_chart_get_series_color (data, s, &color);
          set_color (cr, &color, 1.0);
          cairo_rectangle (cr, cx, cy + (row_height - swatch) / 2, swatch, swatch);
          cairo_fill (cr);
          set_color (cr, &data->foreground, 1.0);
          cairo_move_to (cr, cx + swatch + gap, cy + (row_height - h) / 2);
          pango_layout_set_alignment (layout, PANGO_ALIGN_LEFT);
          pango_cairo_show_layout (cr, layout);
        }
      cx += item + item_gap;
    }

  return data->n_series > 0 ? cy - y + row_height : 0;
}

static double
category_x (const EntChartData *data,
            const Rect         *plot,
            guint               category)
{
  double slot = plot->width / MAX (data->n_categories, 1);

  if (data->kind == ENT_CHART_LINES && data->x_values != NULL && data->n_categories > 1)
    {
      gint64 first = data->x_values[0];
      gint64 last = data->x_values[data->n_categories - 1];
      double inner = plot->width - slot;   /* half a slot of margin on each side */

      if (last != first)
        return plot->x + slot / 2
               + inner * (double) (data->x_values[category] - first) / (double) (last - first);
    }
  return plot->x + slot * (category + 0.5);
}

static double
marker_x (const EntChartData *data,
          const Rect         *plot)
{
  gint64 first = data->x_values[0];
  gint64 last = data->x_values[data->n_categories - 1];
  double slot = plot->width / MAX (data->n_categories, 1);
  double inner = plot->width - slot;

  return plot->x + slot / 2 + inner * (double) (data->marker_x - first) / (double) (last - first);
}

static void
draw_bars (cairo_t            *cr,
           const EntChartData *data,
           const Rect         *plot,
           const Axis         *axis)
{
  double slot = plot->width / MAX (data->n_categories, 1);
  double cluster = slot * 0.8;
  double bar = cluster / MAX (data->n_series, 1);
  double zero = axis_to_y (axis, plot, 0);

  for (guint c = 0; c < data->n_categories; c++)
    for (guint s = 0; s < data->n_series; s++)
      {
        EntChartColor color;
        double x = plot->x + slot * c + (slot - cluster) / 2 + bar * s;
        double y = axis_to_y (axis, plot, data->values[s * data->n_categories + c]);

        ent_chart_get_series_color (data, s, &color);
        set_color (cr, &color, 1.0);
        /* a thin gap between neighbouring bars */
        cairo_rectangle (cr, x + bar * 0.06, MIN (y, zero), bar * 0.88, ABS (zero - y));
        cairo_fill (cr);
      }
}

static void
draw_lines (cairo_t            *cr,
            const EntChartData *data,
            const Rect         *plot,
            const Axis         *axis,
            double              font_size)
{
  if (data->has_marker && data->x_values != NULL && data->n_categories > 1
      && data->x_values[0] != data->x_values[data->n_categories - 1])
    {
      double x = marker_x (data, plot);
      double dash = font_size * 0.4;

      if (x >= plot->x && x <= plot->x + plot->width)
        {
          cairo_save (cr);
          set_color (cr, &data->foreground, 0.6);
          cairo_set_line_width (cr, MAX (font_size * 0.1, 1.0));
          cairo_set_dash (cr, &dash, 1, 0);
          cairo_move_to (cr, x, plot->y);
          cairo_line_to (cr, x, plot->y + plot->height);
          cairo_stroke (cr);
          cairo_restore (cr);
        }
    }

  cairo_set_line_width (cr, MAX (font_size * 0.2, 1.0));
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint s = 0; s < data->n_series; s++)
    {
      EntChartColor color;

      ent_chart_get_series_color (data, s, &color);
      set_color (cr, &color, 1.0);
      for (guint c = 0; c < data->n_categories; c++)
        {
          double x = category_x (data, plot, c);
          double y = axis_to_y (axis, plot, data->values[s * data->n_categories + c]);

          if (c == 0)
            cairo_move_to (cr, x, y);
          else
            cairo_line_to (cr, x, y);
        }
      cairo_stroke (cr);
      for (guint c = 0; c < data->n_categories; c++)
        {
          double x = category_x (data, plot, c);
          double y = axis_to_y (axis, plot, data->values[s * data->n_categories + c]);

          cairo_new_sub_path (cr);
          cairo_arc (cr, x, y, font_size * 0.3, 0, 2 * G_PI);
          cairo_fill (cr);
        }
    }
}

static void
draw_chart (cairo_t            *cr,
            double              width,
            double              height,
            const EntChartData *data)
{
  double fs = data->font_size > 0 ? data->font_size : DEFAULT_FONT_SIZE;
  double pad = fs * 0.8;
  double line_height = fs * 1.4;
  double title_height = 0;
  double legend_height;
  double label_width = 0;
  Rect plot;
  Axis axis;
  int max_ticks;

  if (data->background.alpha > 0)
    {
      set_color (cr, &data->background, 1.0);
      cairo_paint (cr);
    }

  if (data->title != NULL && *data->title != '\0')
    {
      set_color (cr, &data->foreground, 1.0);
      draw_text (cr, fs * 1.1, TRUE, data->title, width / 2, pad, 0.5, 0);
      title_height = fs * 1.1 * 1.4 + pad / 2;
    }

  if (data->n_series == 0 || data->n_categories == 0)
    {
      set_color (cr, &data->foreground, 0.7);
      /* Translators: shown in place of a chart when the document has no scenario */
      draw_text (cr, fs, FALSE, _("Nothing to show"), width / 2, height / 2, 0.5, 0.5);
      return;
    }

  legend_height = legend (cr, data, fs, pad, 0, width - 2 * pad, FALSE);

  plot.y = pad + title_height + line_height / 2;
  plot.height = height - plot.y - line_height - pad - legend_height - pad;
  max_ticks = CLAMP ((int) (plot.height / (line_height * 2)), 1, 8);
  compute_axis (data, max_ticks, &axis);

  for (gint64 tick = axis.low; tick <= axis.high; tick += axis.step)
    {
      g_autofree char *text = ent_money_format (tick);

      label_width = MAX (label_width, text_width (cr, fs, text));
    }
  plot.x = pad + label_width + pad / 2;
  plot.width = width - plot.x - pad;
  if (plot.width < 8 || plot.height < 8)
    return;   /* too small to be read: background only */

  /* grid and y labels */
  cairo_set_line_width (cr, 1.0);
  for (gint64 tick = axis.low; tick <= axis.high; tick += axis.step)
    {
      g_autofree char *text = ent_money_format (tick);
      double y = axis_to_y (&axis, &plot, tick);

      set_color (cr, &data->foreground, tick == 0 ? 0.6 : 0.15);
      cairo_move_to (cr, plot.x, y);
      cairo_line_to (cr, plot.x + plot.width, y);
      cairo_stroke (cr);
      set_color (cr, &data->foreground, 1.0);
      draw_text (cr, fs, FALSE, text, plot.x - pad / 2, y, 1.0, 0.5);
    }

  if (data->kind == ENT_CHART_BARS)
    draw_bars (cr, data, &plot, &axis);
  else
    draw_lines (cr, data, &plot, &axis, fs);

  /* category labels, left to right, leaving out any that would touch the
   * previous one (narrow steps such as −5 % / 0 % / +5 % on a small chart);
   * the last one is always shown */
  set_color (cr, &data->foreground, 1.0);
  {
    double previous_right = -G_MAXDOUBLE;
    double last_left = G_MAXDOUBLE;

    if (data->n_categories > 0)
      {
        const char *label = data->category_labels[data->n_categories - 1];

        last_left = category_x (data, &plot, data->n_categories - 1)
                    - text_width (cr, fs, label != NULL ? label : "") / 2;
      }
    for (guint c = 0; c < data->n_categories; c++)
      {
        const char *label = data->category_labels[c] != NULL ? data->category_labels[c] : "";
        double x = category_x (data, &plot, c);
        double w = text_width (cr, fs, label);
        gboolean last = c + 1 == data->n_categories;

        if (!last && (x - w / 2 < previous_right + fs * 0.6 || x + w / 2 > last_left - fs * 0.6))
          continue;
        draw_text (cr, fs, FALSE, label, x, plot.y + plot.height + pad / 3, 0.5, 0);
        previous_right = x + w / 2;
      }
  }

  legend (cr, data, fs, pad, height - pad - legend_height, width - 2 * pad, TRUE);
}

/* "+5 %", "−20 %", "0 %" (a true minus sign). */
static char *
format_change (gint64 bp)
{
  g_autofree char *magnitude = ent_percent_format (bp < 0 ? -bp : bp);

  if (bp > 0)
    return g_strconcat ("+", magnitude, NULL);
  if (bp < 0)
    return g_strconcat ("\xe2\x88\x92", magnitude, NULL);
  return g_steal_pointer (&magnitude);
}

/* public API */

EntChartData *
ent_chart_data_new_years (const EntBudget *budget)
{
  EntChartData *data;
  const EntScenarioBudget *first;

  g_return_val_if_fail (budget != NULL, NULL);

  /* every scenario of one budget covers the same budget years: the first names them */
  first = ent_budget_find_scenario (budget, NULL);
  data = g_new0 (EntChartData, 1);
  data->kind = ENT_CHART_BARS;
  data->foreground = (EntChartColor) { 0, 0, 0, 1 };
  data->background = (EntChartColor) { 1, 1, 1, 1 };
  data->n_series = budget->n_scenarios;
  data->series_names = g_new0 (char *, data->n_series + 1);
  data->n_categories = first != NULL ? first->n_years : 0;
  data->category_labels = g_new0 (char *, data->n_categories + 1);
  data->values = g_new0 (gint64, MAX (data->n_series * data->n_categories, 1));

  for (guint c = 0; c < data->n_categories; c++)
    data->category_labels[c] = g_strdup_printf ("%d", first->years[c].year);
  for (guint s = 0; s < data->n_series; s++)
    {
      const EntScenarioBudget *sb = &budget->scenarios[s];

      data->series_names[s] = g_strdup (sb->name != NULL ? sb->name : "");
      for (guint c = 0; c < data->n_categories && c < sb->n_years; c++)
        data->values[s * data->n_categories + c] = sb->years[c].total;
    }
  return data;
}

EntChartData *
ent_chart_data_new_sensitivity (const EntSensitivity *sensitivity)
{
  EntChartData *data;

  g_return_val_if_fail (sensitivity != NULL, NULL);

  data = g_new0 (EntChartData, 1);
  data->kind = ENT_CHART_LINES;
  data->foreground = (EntChartColor) { 0, 0, 0, 1 };
  data->background = (EntChartColor) { 1, 1, 1, 1 };
  data->n_series = sensitivity->n_scenarios;
  data->series_names = g_new0 (char *, data->n_series + 1);
  data->n_categories = sensitivity->n_steps;
  data->category_labels = g_new0 (char *, data->n_categories + 1);
  data->x_values = g_memdup2 (sensitivity->steps_bp, sizeof (gint64) * MAX (data->n_categories, 1));
  data->values = g_memdup2 (sensitivity->totals,
                            sizeof (gint64) * MAX (data->n_series * data->n_categories, 1));

  for (guint c = 0; c < data->n_categories; c++)
    data->category_labels[c] = format_change (sensitivity->steps_bp[c]);
  for (guint s = 0; s < data->n_series; s++)
    data->series_names[s] = g_strdup (sensitivity->names[s]);
  return data;
}

void
ent_chart_data_free (EntChartData *data)
{
  if (data == NULL)
    return;

  g_free (data->title);
  g_strfreev (data->series_names);
  g_strfreev (data->category_labels);
  g_free (data->x_values);
  g_free (data->values);
  g_free (data);
}

void
ent_chart_get_series_color (const EntChartData *data,
                            guint               index,
                            EntChartColor      *out_color)
{
  gboolean dark;
  guint32 rgb;

  g_return_if_fail (data != NULL);
  g_return_if_fail (out_color != NULL);

  /* without a background, light text means a dark style */
  if (data->background.alpha > 0)
    dark = luminance (&data->background) < 0.5;
  else
    dark = luminance (&data->foreground) > 0.5;
  rgb = dark ? dark_palette[index % G_N_ELEMENTS (dark_palette)]
             : light_palette[index % G_N_ELEMENTS (light_palette)];

  out_color->red = ((rgb >> 16) & 0xff) / 255.0;
  out_color->green = ((rgb >> 8) & 0xff) / 255.0;
  out_color->blue = (rgb & 0xff) / 255.0;
  out_color->alpha = 1.0;
}

void
ent_chart_draw (cairo_t            *cr,
                int                 width,
                int                 height,
                const EntChartData *data)
{
  g_return_if_fail (cr != NULL);
  g_return_if_fail (data != NULL);
  g_return_if_fail (data->n_series == 0 || data->n_categories == 0 || data->values != NULL);

  if (width <= 0 || height <= 0)
    return;

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  draw_chart (cr, width, height, data);
  cairo_restore (cr);
}
