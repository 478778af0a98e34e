/* ent-chart.h: the comparison charts, drawn with cairo and pango
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ent_chart_draw() is a pure function of its arguments: the Compare page calls
 * it from a GtkDrawingArea with the theme's colours, the PDF summary and the
 * tests call it on their own surfaces. Amounts stay gint64 cents; doubles are
 * only drawing coordinates.
 */
#pragma once

#include <cairo.h>

#include "ent-budget.h"
#include "ent-compare.h"

G_BEGIN_DECLS

typedef enum
{
  ENT_CHART_BARS,    /* clustered bars: one cluster per category, one bar per series */
  ENT_CHART_LINES,   /* one line per series over the categories' x values */
} EntChartKind;

typedef struct
{
  double red, green, blue, alpha;   /* 0..1, like GdkRGBA */
} EntChartColor;

typedef struct
{
  EntChartKind   kind;
  EntChartColor  foreground;      /* text, axes; grid lines are a faint version */
  EntChartColor  background;      /* filled first unless alpha is 0; series colours follow its lightness */
  double         font_size;       /* of the labels in user units (pixels, points); 0 means 10 */
  char          *title;           /* drawn above the plot; may be NULL */

  guint          n_series;        /* scenarios */
  char         **series_names;    /* n_series */
  guint          n_categories;    /* budget years, or pupil changes */
  char         **category_labels; /* n_categories: "2024", "−20 %" */
  gint64        *x_values;        /* ENT_CHART_LINES: position of each category (basis points); NULL spaces them evenly */
  gint64        *values;          /* cents: values[series * n_categories + category] */

  gboolean       has_marker;      /* ENT_CHART_LINES: a vertical marker at marker_x (the "what if" slider) */
  gint64         marker_x;
} EntChartData;

/* Yearly totals of every scenario of @budget (bars; title NULL). */
EntChartData *ent_chart_data_new_years        (const EntBudget      *budget);
/* Contract total of every scenario per pupil change (lines). */
EntChartData *ent_chart_data_new_sensitivity  (const EntSensitivity *sensitivity);
void          ent_chart_data_free             (EntChartData         *data);

/* Colour of series @index: darker hues on a light background, lighter ones on
 * a dark background (judged from the foreground when the background is
 * transparent), so both styles stay readable. */
void          ent_chart_get_series_color      (const EntChartData   *data,
                                               guint                 index,
                                               EntChartColor        *out_color);

/* Draws @data into the rectangle (0, 0, @width, @height) of @cr's user space.
 * Leaves @cr's state as it found it. Draws a "no data" message when there is
 * nothing to show. */
void          ent_chart_draw                  (cairo_t              *cr,
                                               int                   width,
                                               int                   height,
                                               const EntChartData   *data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EntChartData, ent_chart_data_free)

G_END_DECLS
