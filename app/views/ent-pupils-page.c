/* ent-pupils-page.c: schools × school years of the contract, editable counts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The table is a GtkColumnView over an EntPupilsGrid (ent-pupils-grid.h):
 * one row per school of the document, then the totals row. Known counts
 * are plain editable labels; projected counts are dimmed (style classes
 * "dim-label" and "projected") with a tooltip, and become known only when
 * the user types a value over them (click or Enter starts editing, Enter
 * commits, Escape cancels). Erasing a known count, or pressing Delete on it,
 * returns the cell to the projection. A known count shows where it comes from
 * (SPEC 3): one of the Ministry's open data is drawn in the accent colour
 * (style class "open-data"), with « Constat DEPP, rentrée 2024 » as its
 * tooltip, a typed one « Saisi ». Where the school is not open (before
 * "opens", from "closes") the cell shows "–" (style class "closed"). The
 * Opens and Closes columns edit those years; typing the first count of a new
 * school in a later school year than the contract's first sets its opening
 * to that rentrée, so that nothing is billed before it (SPEC 4.1).
 *
 * Incremental: the grid keeps one EntPupilsCount per school and school year
 * and updates them in place, notifying only the counts that differ, so only
 * the cells showing a changed count (the edited school, the projections that
 * follow from it, the totals) are touched. GtkColumnView creates cells for
 * the rows on screen only; a cell follows its count object while it is
 * bound. The year columns are rebuilt only when the grid's (the contract's)
 * school years change. This file is the widgets: columns, cells, editing;
 * moving through the counts, typing, copying and pasting them like a
 * spreadsheet is in ent-pupils-page-keys.c.
 * Edits go straight to the model (EntSchool, EntDocument), where the
 * workspace records them for undo.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "ent-input-reason.h"
#include "ent-money.h"
#include "ent-pupils-page-private.h"
#include "ent-row-splice.h"
#include "ent-validate.h"

static const char *const cell_kind_names[] = { "name", "uai", "commune", "count", "opens", "closes" };

/* closure data of a school-year column's factory */
typedef struct
{
  EntPupilsPage *page;
  int            school_year;
} YearColumn;

G_DEFINE_FINAL_TYPE (EntPupilsPage, ent_pupils_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_SCENARIO,
  PROP_BUDGET,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SCHOOL_REMOVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* helpers */

void
ent_pupils_page_show_error (EntPupilsPage *self,
                            const char    *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
}

void
ent_pupils_page_hide_error (EntPupilsPage *self)
{
  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
}

/* The school of the selected row, or NULL (none, or the totals). */
static EntSchool *
get_selected_school (EntPupilsPage *self)
{
  EntPupilsRow *row = gtk_single_selection_get_selected_item (self->selection);

  return row != NULL ? ent_pupils_row_get_school (row) : NULL;
}

/* Parses a whole pupil count typed by the user: digits, optionally grouped by
 * spaces (U+0020, U+00A0, U+202F) or the locale's thousands separator as
 * ent_count_format () writes it. Returns a translated reason on failure. */
gboolean
ent_pupils_page_parse_count (const char  *text,
                             gint64      *out_count,
                             char       **out_reason)
{
  g_autofree char *grouped = ent_count_format (1000);
  g_autofree char *separator = NULL;
  gint64 count = 0;
  gboolean any_digit = FALSE;
  const char *p;

  /* the separator is whatever ent_count_format puts between "1" and "000" */
  if (g_str_has_prefix (grouped, "1") && g_str_has_suffix (grouped, "000") && strlen (grouped) > 4)
    separator = g_strndup (grouped + 1, strlen (grouped) - 4);

  for (p = text; *p != '\0';)
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= '0' && c <= '9')
        {
          any_digit = TRUE;
          count = count * 10 + (c - '0');
          if (count > ENT_MAX_PUPILS_PER_SCHOOL)
            {
              g_autoptr(GError) error = NULL;

              /* stops here, before the number grows past 64 bits */
              if (!ent_validate_pupil_count (count, &error))
                *out_reason = g_strdup (error->message);
              return FALSE;
            }
        }
      else if (c == '-' || c == 0x2212)
        {
          *out_reason = g_strdup (_("A pupil count cannot be negative."));
          return FALSE;
        }
      else if (separator != NULL && g_str_has_prefix (p, separator))
        {
          p += strlen (separator);
          continue;
        }
      else if (!(c == ' ' || c == 0x00A0 || c == 0x202F))
        {
          *out_reason = g_strdup (_("A pupil count is a whole number of pupils, such as 1209."));
          return FALSE;
        }
      p = g_utf8_next_char (p);
    }

  if (!any_digit)
    {
      *out_reason = g_strdup (_("A pupil count is a whole number of pupils, such as 1209."));
      return FALSE;
    }

  *out_count = count;
  return TRUE;
}

/* Whether a count is projected (shown with PROJECTED_MARK): neither known
 * nor in a year where the school is not open. */
static gboolean
is_projected (EntPupilsCount *count)
{
  return !ent_pupils_count_get_known (count) && !ent_pupils_count_get_closed (count);
}

/* A projected count is marked "≈ 1 250", not by its grey alone (identical in
 * High Contrast, and lost to a colour-blind reader; issue 16): before the
 * digits, so that they stay aligned on the right with the known counts. The
 * mark is never typed over: editing starts from the bare count. */
#define PROJECTED_MARK "≈\u202f"

static char *
dup_shown_text (EntPupilsCount *count)
{
  const char *text = ent_pupils_count_get_text (count);

  return is_projected (count) ? g_strconcat (PROJECTED_MARK, text, NULL) : g_strdup (text);
}

/* Whether @text (typed, stripped) is the count as shown, marked or not: then
 * nothing was typed over it. */
gboolean
ent_pupils_page_is_shown_text (Cell       *cell,
                               const char *text)
{
  g_autofree char *shown = NULL;

  if (cell->count == NULL)
    return FALSE;
  if (g_strcmp0 (text, ent_pupils_count_get_text (cell->count)) == 0)
    return TRUE;
  shown = dup_shown_text (cell->count);
  return g_strcmp0 (text, shown) == 0;
}

/* The accessible label of a cell: its row and column, and for a count its
 * value and status, as a screen reader speaks it (GTK 4.8 exposes no table
 * structure: « Jules Ferry, 2024/2025 : 98 élèves, projeté »). Set at bind,
 * and again when the count, its status or the school's name change. */
static void
update_cell_label (GtkWidget *widget,
                   Cell      *cell)
{
  g_autofree char *accessible = NULL;
  const char *name = cell->school != NULL ? ent_school_get_name (cell->school) : NULL;
  int year = cell->school_year;

  if (cell->is_total)
    {
      g_autofree char *number = NULL;
      gint64 n;

      switch (cell->kind)
        {
        case CELL_NAME:
          /* Translators: accessible label of the first cell of the totals row */
          accessible = g_strdup (_("Total of every school"));
          break;
        case CELL_COUNT:
          if (cell->count == NULL)
            return;
          n = ent_pupils_count_get_count (cell->count);
          number = ent_count_format (n);
          accessible =
            /* Translators: accessible label of a total; a school year (2024/2025), a number of pupils */
            g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Total, %d/%d: %s pupil",
                                          "Total, %d/%d: %s pupils", (gulong) MIN (n, 1000000)),
                             year, year + 1, number);
          break;
        default:
          /* blank in the totals row: no name left from a school's row the
           * widget showed before (it is hidden from assistive technologies
           * with the other blank cells) */
          gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL);
          return;
        }
    }
  else if (name == NULL)
    {
      return;
    }
  else
    {
      switch (cell->kind)
        {
        case CELL_NAME:
          /* Translators: accessible label of a school's name cell; %s is the name */
          accessible = g_strdup_printf (_("School name: %s"), name);
          break;
        case CELL_COMMUNE:
          /* Translators: accessible label; %s is a school name */
          accessible = g_strdup_printf (_("Commune of %s"), name);
          break;
        case CELL_UAI:
          /* Translators: accessible label; UAI is the French school identifier, %s a school name */
          accessible = g_strdup_printf (_("UAI of %s"), name);
          break;
        case CELL_OPENS:
          /* Translators: accessible label; %s is a school name */
          accessible = g_strdup_printf (_("Rentrée at which %s opens"), name);
          break;
        case CELL_CLOSES:
          /* Translators: accessible label; %s is a school name */
          accessible = g_strdup_printf (_("Rentrée from which %s is closed"), name);
          break;
        case CELL_COUNT:
          {
            g_autofree char *number = NULL;
            gint64 n;

            if (cell->count == NULL)
              return;
            n = ent_pupils_count_get_count (cell->count);
            number = ent_count_format (n);
            if (ent_pupils_count_get_closed (cell->count))
              /* Translators: accessible label of a pupil count; a school, a school year (2024/2025) */
              accessible = g_strdup_printf (_("%s, %d/%d: school not open"), name, year, year + 1);
            else if (!ent_pupils_count_get_known (cell->count))
              accessible =
                /* Translators: accessible label of a pupil count projected by the scenario;
                 * a school, a school year (2024/2025), a number of pupils */
                g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %d/%d: %s pupil, projected",
                                              "%s, %d/%d: %s pupils, projected",
                                              (gulong) MIN (n, 1000000)),
                                 name, year, year + 1, number);
            else if (ent_pupils_count_get_open_data (cell->count))
              accessible =
                /* Translators: accessible label of a pupil count from the Ministry's open data
                 * (DEPP); a school, a school year (2024/2025), a number of pupils */
                g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %d/%d: %s pupil, Ministry data",
                                              "%s, %d/%d: %s pupils, Ministry data",
                                              (gulong) MIN (n, 1000000)),
                                 name, year, year + 1, number);
            else
              accessible =
                /* Translators: accessible label of a pupil count typed by a person;
                 * a school, a school year (2024/2025), a number of pupils */
                g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %d/%d: %s pupil, typed",
                                              "%s, %d/%d: %s pupils, typed",
                                              (gulong) MIN (n, 1000000)),
                                 name, year, year + 1, number);
          }
          break;
        default:
          return;
        }
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

/* Shows the count a cell is bound to: text unless the user is typing, and
 * whether it is known or projected. */
static void
show_count (GtkWidget *widget,
            Cell      *cell)
{
  EntPupilsCount *count = cell->count;
  g_autofree char *text = NULL;
  gboolean closed;

  if (count == NULL)
    return;

  text = dup_shown_text (count);
  if (!gtk_editable_label_get_editing (GTK_EDITABLE_LABEL (widget)) &&
      g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (widget)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (widget), text);
  update_cell_label (widget, cell);

  if (cell->is_total)
    return;

  /* The tooltip is given on demand by count_query_tooltip_cb: in GTK 4.8,
   * setting one on every bind costs an X server round trip per cell, which
   * made opening a 3 500-school document take over a second. */
  closed = ent_pupils_count_get_closed (count);
  if (ent_pupils_count_get_known (count) && !closed)
    {
      gtk_widget_remove_css_class (widget, "dim-label");
      gtk_widget_remove_css_class (widget, "projected");
    }
  else
    {
      gtk_widget_add_css_class (widget, "dim-label");
      gtk_widget_add_css_class (widget, "projected");
    }
  if (ent_pupils_count_get_open_data (count))
    gtk_widget_add_css_class (widget, "open-data");
  else
    gtk_widget_remove_css_class (widget, "open-data");
  if (closed)
    gtk_widget_add_css_class (widget, "closed");
  else
    gtk_widget_remove_css_class (widget, "closed");
}

static gboolean
count_query_tooltip_cb (GtkWidget  *widget,
                        int         x,
                        int         y,
                        gboolean    keyboard_mode,
                        GtkTooltip *tooltip,
                        gpointer    user_data)
{
  Cell *cell = get_cell (widget);

  if (cell == NULL || cell->count == NULL || cell->is_total || cell->school == NULL)
    return FALSE;

  if (ent_pupils_count_get_closed (cell->count))
    {
      int opens = ent_school_get_opens (cell->school);
      g_autofree char *text = NULL;

      if (opens != ENT_SCHOOL_YEAR_NONE && cell->school_year < opens)
        /* Translators: tooltip of a pupil count before the school opens; a year */
        text = g_strdup_printf (_("Not open yet: the school opens at the rentrée %d. "
                                  "Typing a count here opens it earlier."), opens);
      else
        /* Translators: tooltip of a pupil count after the school closed; a year */
        text = g_strdup_printf (_("Closed: the school is closed from the rentrée %d."),
                                ent_school_get_closes (cell->school));
      gtk_tooltip_set_text (tooltip, text);
    }
  else if (ent_pupils_count_get_known (cell->count) && ent_pupils_count_get_open_data (cell->count))
    {
      /* Translators: tooltip of a pupil count imported from the Ministry's open
       * data (DEPP: the Ministry's statistics department); a year */
      g_autofree char *text = g_strdup_printf (_("DEPP count, rentrée %d. Erase it, or press "
                                                 "Delete, to use the projection."),
                                               cell->school_year);
      gtk_tooltip_set_text (tooltip, text);
    }
  else
    {
      gtk_tooltip_set_text (tooltip, ent_pupils_count_get_known (cell->count)
                            /* Translators: tooltip of a pupil count typed by a person */
                            ? _("Typed. Erase it, or press Delete, to use the projection.")
                            : _("Projected. Click or press Enter to type a known count."));
    }
  return TRUE;
}

static void
update_buttons (EntPupilsPage *self)
{
  gboolean is_school = get_selected_school (self) != NULL;

  gtk_widget_set_sensitive (GTK_WIDGET (self->remove_button), is_school);
  gtk_widget_set_sensitive (GTK_WIDGET (self->rename_button), is_school);
}

/* Marks @widget as refused, with @reason in the page's reason label, or
 * (@reason NULL) as accepted; screen readers get the invalid state and the
 * reason as its description, as on the Assumptions page (DESCRIBED_BY, a
 * list on every GTK 4: see ent-assumptions-page.c). */
void
ent_pupils_page_set_cell_refused (EntPupilsPage *self,
                                  GtkWidget     *widget,
                                  const char    *reason)
{
  if (reason != NULL)
    {
      gtk_widget_add_css_class (widget, "error");
      ent_pupils_page_show_error (self, reason);
      gtk_accessible_update_state (GTK_ACCESSIBLE (widget),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (widget),
                                      GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->error_label, NULL,
                                      -1);
      /* the reason itself too: GTK 4.8's AT-SPI bridge gives the description,
       * not what a described-by label says */
      ent_accessible_set_reason (widget, reason);
    }
  else
    {
      gtk_widget_remove_css_class (widget, "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY);
      ent_accessible_set_reason (widget, NULL);
    }
}

/* The text being typed in a count cell, stripped. */
char *
ent_pupils_page_dup_cell_text (GtkWidget *widget)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (widget))));
}

/* Commits the text of a count cell when editing ends. */
static void
commit_count_cell (EntPupilsPage *self,
                   GtkWidget     *widget,
                   Cell          *cell)
{
  g_autofree char *text = ent_pupils_page_dup_cell_text (widget);
  g_autofree char *reason = NULL;
  g_autoptr(EntSchool) school = g_object_ref (cell->school);
  gboolean clear;
  gint64 count;

  if (ent_pupils_page_is_shown_text (cell, text))
    {
      ent_pupils_page_set_cell_refused (self, widget, NULL);
      ent_pupils_page_hide_error (self);
      return;
    }

  if (!ent_pupils_page_check_count (school, cell->school_year, text, &clear, &count, &reason))
    {
      /* the cell stays marked until a valid edit; the model keeps its
       * value: show it again */
      ent_pupils_page_set_cell_refused (self, widget, reason);
      show_count (widget, cell);
      return;
    }

  ent_pupils_page_set_cell_refused (self, widget, NULL);
  ent_pupils_page_hide_error (self);
  ent_pupils_page_apply_count (self, school, cell->school_year, clear, count);
  /* "1250" typed shows as "1 250", also when the count did not change;
   * erased, the projection again */
  show_count (widget, cell);
}

static void add_year_column (EntPupilsPage *self,
                             int            school_year);

static void
rebuild_year_columns (EntPupilsPage *self)
{
  int first = ent_pupils_grid_get_first_school_year (self->grid);
  int n = ent_pupils_grid_get_n_school_years (self->grid);

  if (first == self->columns_first_school_year && self->year_columns->len == (guint) n)
    return;

  /* A focused cell would lose the focus once torn down, and GtkEditableLabel
   * (GTK 4.8) then stops editing from a timeout that outlives it: move the
   * focus to the table while the cells are still there. */
  if (gtk_widget_get_focus_child (GTK_WIDGET (self->column_view)) != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->column_view));

  /* the old cells unbind from the old counts */
  for (guint i = 0; i < self->year_columns->len; i++)
    gtk_column_view_remove_column (self->column_view, g_ptr_array_index (self->year_columns, i));
  g_ptr_array_set_size (self->year_columns, 0);

  self->columns_first_school_year = first;
  for (int i = 0; i < n; i++)
    add_year_column (self, first + i);
}

/* callbacks */

static void
count_editing_cb (GtkWidget  *widget,
                  GParamSpec *pspec,
                  gpointer    user_data)
{
  Cell *cell = get_cell (widget);

  if (cell == NULL || cell->school == NULL || cell->is_total)
    return;

  if (gtk_editable_label_get_editing (GTK_EDITABLE_LABEL (widget)))
    {
      /* typing over a projection starts from its bare count, not its mark */
      if (cell->count != NULL && is_projected (cell->count))
        gtk_editable_set_text (GTK_EDITABLE (widget), ent_pupils_count_get_text (cell->count));
      return;
    }

  commit_count_cell (cell->page, widget, cell);
}

/* Live validation while the user types. */
static void
count_changed_cb (GtkEditable *editable,
                  gpointer     user_data)
{
  GtkWidget *widget = GTK_WIDGET (editable);
  Cell *cell = get_cell (widget);
  g_autofree char *text = NULL;
  g_autofree char *reason = NULL;
  gint64 count;

  if (cell == NULL || cell->school == NULL ||
      !gtk_editable_label_get_editing (GTK_EDITABLE_LABEL (widget)))
    return;

  text = ent_pupils_page_dup_cell_text (widget);
  if (*text == '\0' || ent_pupils_page_parse_count (text, &count, &reason))
    {
      ent_pupils_page_set_cell_refused (cell->page, widget, NULL);
      ent_pupils_page_hide_error (cell->page);
    }
  else
    {
      ent_pupils_page_set_cell_refused (cell->page, widget, reason);
    }
}

static void
count_notify_cb (EntPupilsCount *count,
                 GParamSpec     *pspec,
                 GtkWidget      *widget)
{
  show_count (widget, get_cell (widget));
}

static void
uai_editing_cb (GtkWidget  *widget,
                GParamSpec *pspec,
                gpointer    user_data)
{
  Cell *cell = get_cell (widget);
  g_autofree char *text = NULL;

  if (cell == NULL || cell->school == NULL ||
      gtk_editable_label_get_editing (GTK_EDITABLE_LABEL (widget)))
    return;

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (widget))));
  if (g_strcmp0 (text, ent_school_get_uai (cell->school)) == 0)
    {
      ent_pupils_page_set_cell_refused (cell->page, widget, NULL);
      ent_pupils_page_hide_error (cell->page);
      return;
    }

  if (!ent_uai_is_valid (text))
    {
      ent_pupils_page_set_cell_refused (cell->page, widget,
                                        _("A UAI is 7 digits followed by a letter, "
                                          "such as 0590123A, or nothing."));
      gtk_editable_set_text (GTK_EDITABLE (widget), ent_school_get_uai (cell->school));
      return;
    }

  ent_pupils_page_set_cell_refused (cell->page, widget, NULL);
  ent_pupils_page_hide_error (cell->page);
  ent_school_set_uai (cell->school, text);
}

/* "2025", "2025/2026" → 2025; "" → ENT_SCHOOL_YEAR_NONE. */
static gboolean
parse_span_year (const char *text,
                 int        *out_year)
{
  gint64 year;

  if (text[0] == '\0')
    {
      *out_year = ENT_SCHOOL_YEAR_NONE;
      return TRUE;
    }
  if (strlen (text) == 9 && (text[4] == '/' || text[4] == '-'))
    {
      g_autofree char *first = g_strndup (text, 4);
      gint64 second;

      if (!g_ascii_string_to_signed (first, 10, 0, 9999, &year, NULL) ||
          !g_ascii_string_to_signed (text + 5, 10, 0, 9999, &second, NULL) ||
          second != year + 1)
        return FALSE;
    }
  else if (!g_ascii_string_to_signed (text, 10, 0, 9999, &year, NULL))
    {
      return FALSE;
    }
  *out_year = (int) year;
  return TRUE;
}

/* An opening or closing rentrée typed: checked against the other one and
 * against the known counts (ent-validate's rules), then set. */
static void
span_editing_cb (GtkWidget  *widget,
                 GParamSpec *pspec,
                 gpointer    user_data)
{
  Cell *cell = get_cell (widget);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  int year;
  int opens, closes;
  gboolean ok;

  if (cell == NULL || cell->school == NULL ||
      gtk_editable_label_get_editing (GTK_EDITABLE_LABEL (widget)))
    return;

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (widget))));
  opens = ent_school_get_opens (cell->school);
  closes = ent_school_get_closes (cell->school);
  ok = parse_span_year (text, &year);
  if (!ok)
    g_set_error (&error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_INVALID_VALUE,
                 /* Translators: %s is what was typed */
                 _("“%s” is not a rentrée: type a year such as 2025, or nothing"), text);
  if (ok)
    {
      if (cell->kind == CELL_OPENS)
        opens = year;
      else
        closes = year;
      ok = ent_validate_school_span (opens, closes, &error);
    }
  for (guint k = 0; ok && k < ent_school_get_n_known (cell->school); k++)
    {
      int known_year;

      ent_school_get_nth_known (cell->school, k, &known_year, NULL);
      ok = ent_validate_count_in_span (opens, closes, known_year, &error);
    }

  if (!ok)
    {
      ent_pupils_page_set_cell_refused (cell->page, widget, error->message);
      year = cell->kind == CELL_OPENS ? ent_school_get_opens (cell->school)
                                      : ent_school_get_closes (cell->school);
      g_clear_pointer (&text, g_free);
      text = year != ENT_SCHOOL_YEAR_NONE ? g_strdup_printf ("%d", year) : g_strdup ("");
      gtk_editable_set_text (GTK_EDITABLE (widget), text);
      return;
    }

  ent_pupils_page_set_cell_refused (cell->page, widget, NULL);
  ent_pupils_page_hide_error (cell->page);
  if (cell->kind == CELL_OPENS)
    ent_school_set_opens (cell->school, opens);
  else
    ent_school_set_closes (cell->school, closes);
}

static gboolean
year_to_text (GBinding     *binding,
              const GValue *from,
              GValue       *to,
              gpointer      user_data)
{
  int year = g_value_get_int (from);

  g_value_take_string (to, year != ENT_SCHOOL_YEAR_NONE ? g_strdup_printf ("%d", year)
                                                        : g_strdup (""));
  return TRUE;
}

/* A name or a commune typed: taken by the binding only when
 * ent_validate_name () accepts it (ent_validate_name_transform ()); when editing stops on
 * one it refuses, the reason is shown and the cell shows the school's again. */
static void
name_editing_cb (GtkWidget  *widget,
                 GParamSpec *pspec,
                 gpointer    user_data)
{
  Cell *cell = get_cell (widget);
  g_autoptr(GError) error = NULL;

  if (cell == NULL || cell->school == NULL ||
      gtk_editable_label_get_editing (GTK_EDITABLE_LABEL (widget)))
    return;

  if (ent_validate_name (gtk_editable_get_text (GTK_EDITABLE (widget)), &error))
    {
      ent_pupils_page_set_cell_refused (cell->page, widget, NULL);
      return;
    }

  ent_pupils_page_set_cell_refused (cell->page, widget, error->message);
  gtk_editable_set_text (GTK_EDITABLE (widget),
                         cell->kind == CELL_NAME ? ent_school_get_name (cell->school)
                                                 : ent_school_get_commune (cell->school));
}

/* factories */

static void
setup_cell (GtkListItem *list_item,
            EntPupilsPage *self,
            CellKind     kind,
            int          school_year)
{
  /* an editable value: a text box to screen readers (GtkEditableLabel's own
   * role in GTK 4.8 is the generic "widget", whose value Orca never speaks;
   * a table cell role would promise the table structure GTK 4.8 does not
   * expose) */
  GtkWidget *label = g_object_new (GTK_TYPE_EDITABLE_LABEL,
                                   "accessible-role", GTK_ACCESSIBLE_ROLE_TEXT_BOX,
                                   NULL);
  Cell *cell = g_new0 (Cell, 1);

  cell->page = self;
  cell->kind = kind;
  cell->school_year = school_year;
  g_object_set_data_full (G_OBJECT (label), CELL_KEY, cell, g_free);
  /* for the GUI tests, with "ent-cell-school" set while bound */
  g_object_set_data (G_OBJECT (label), "ent-cell-kind", (gpointer) cell_kind_names[kind]);
  g_object_set_data (G_OBJECT (label), "ent-cell-year", GINT_TO_POINTER (school_year));

  switch (kind)
    {
    case CELL_NAME:
      gtk_editable_set_width_chars (GTK_EDITABLE (label), 24);
      g_signal_connect (label, "notify::editing", G_CALLBACK (name_editing_cb), NULL);
      break;
    case CELL_COMMUNE:
      gtk_editable_set_width_chars (GTK_EDITABLE (label), 12);
      g_signal_connect (label, "notify::editing", G_CALLBACK (name_editing_cb), NULL);
      break;
    case CELL_UAI:
      gtk_editable_set_width_chars (GTK_EDITABLE (label), 9);
      g_signal_connect (label, "notify::editing", G_CALLBACK (uai_editing_cb), NULL);
      break;
    case CELL_OPENS:
    case CELL_CLOSES:
      gtk_editable_set_width_chars (GTK_EDITABLE (label), 5);
      gtk_widget_add_css_class (label, "numeric");
      g_signal_connect (label, "notify::editing", G_CALLBACK (span_editing_cb), NULL);
      break;
    case CELL_COUNT:
      gtk_editable_set_width_chars (GTK_EDITABLE (label), 8);
      gtk_editable_set_alignment (GTK_EDITABLE (label), 1.0);
      gtk_widget_add_css_class (label, "numeric");
      g_signal_connect (label, "notify::editing", G_CALLBACK (count_editing_cb), NULL);
      g_signal_connect (label, "changed", G_CALLBACK (count_changed_cb), NULL);
      gtk_widget_set_has_tooltip (label, TRUE);
      g_signal_connect (label, "query-tooltip", G_CALLBACK (count_query_tooltip_cb), NULL);
      ent_pupils_page_add_count_keys (label);
      break;
    default:
      g_assert_not_reached ();
    }

  ent_pupils_page_add_cell_focus (label);
  ent_pupils_page_add_table_keys (self, label);

  gtk_list_item_set_child (list_item, label);
  /* released by teardown_cb */
  g_object_set_data (G_OBJECT (list_item), "ent-cell", g_object_ref (label));
}

/* A count cell follows its EntPupilsCount (of its school year) while bound. */
static void
bind_count (GtkWidget    *widget,
            Cell         *cell,
            EntPupilsRow *row)
{
  EntPupilsCount *count = ent_pupils_row_get_count (row, cell->school_year);

  if (count == NULL)
    return;   /* a column about to be removed */

  cell->count = g_object_ref (count);
  g_hash_table_add (cell->is_total ? cell->page->total_cells : cell->page->count_cells, widget);
  cell->notify_id = g_signal_connect (cell->count, "notify",
                                      G_CALLBACK (count_notify_cb), widget);
  show_count (widget, cell);
  /* a recycled cell scrolled into a selected block, or out of it */
  ent_pupils_page_show_cell_block (widget);
}

static void
school_name_cb (EntSchool  *school,
                GParamSpec *pspec,
                GtkWidget  *widget)
{
  update_cell_label (widget, get_cell (widget));
}

static void
bind_cell (GtkListItem   *list_item,
           EntPupilsPage *self)
{
  GtkWidget *widget = gtk_list_item_get_child (list_item);
  EntPupilsRow *row = gtk_list_item_get_item (list_item);
  Cell *cell = get_cell (widget);

  cell->is_total = ent_pupils_row_is_total (row);
  cell->school = ent_pupils_row_get_school (row);
  gtk_editable_set_editable (GTK_EDITABLE (widget), !cell->is_total);

  if (cell->is_total)
    {
      gtk_widget_add_css_class (widget, "heading");
      /* the totals are read with the keyboard too; the empty cells are not
       * stops */
      gtk_widget_set_focusable (widget, cell->kind == CELL_NAME || cell->kind == CELL_COUNT);
      gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                      GTK_ACCESSIBLE_PROPERTY_READ_ONLY, TRUE,
                                      -1);
      switch (cell->kind)
        {
        case CELL_NAME:
          /* Translators: the row that sums every school */
          gtk_editable_set_text (GTK_EDITABLE (widget), _("Total"));
          break;
        case CELL_COUNT:
          bind_count (widget, cell, row);
          break;
        default:
          gtk_editable_set_text (GTK_EDITABLE (widget), "");
          break;
        }
      update_cell_label (widget, cell);
      return;
    }

  gtk_widget_remove_css_class (widget, "heading");
  gtk_widget_set_focusable (widget, TRUE);
  gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_READ_ONLY);
  g_object_set_data (G_OBJECT (widget), "ent-cell-school", cell->school);
  cell->name_id = g_signal_connect (cell->school, "notify::name",
                                    G_CALLBACK (school_name_cb), widget);

  switch (cell->kind)
    {
    case CELL_NAME:
      cell->binding = g_object_bind_property_full (cell->school, "name", widget, "text",
                                                   G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL,
                                                   NULL, ent_validate_name_transform, NULL, NULL);
      g_hash_table_add (self->name_cells, widget);
      break;
    case CELL_COMMUNE:
      cell->binding = g_object_bind_property_full (cell->school, "commune", widget, "text",
                                                   G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL,
                                                   NULL, ent_validate_name_transform, NULL, NULL);
      break;
    case CELL_UAI:
      /* the model only takes a valid UAI: uai_editing_cb commits */
      cell->binding = g_object_bind_property (cell->school, "uai", widget, "text",
                                              G_BINDING_SYNC_CREATE);
      break;
    case CELL_OPENS:
    case CELL_CLOSES:
      /* set by span_editing_cb once checked */
      cell->binding = g_object_bind_property_full (cell->school,
                                                   cell->kind == CELL_OPENS ? "opens" : "closes",
                                                   widget, "text", G_BINDING_SYNC_CREATE,
                                                   year_to_text, NULL, NULL, NULL);
      break;
    case CELL_COUNT:
      bind_count (widget, cell, row);
      break;
    default:
      g_assert_not_reached ();
    }

  update_cell_label (widget, cell);
}

static void
unbind_cell (GtkListItem   *list_item,
             EntPupilsPage *self)
{
  GtkWidget *widget = gtk_list_item_get_child (list_item);
  Cell *cell = get_cell (widget);

  if (gtk_editable_label_get_editing (GTK_EDITABLE_LABEL (widget)))
    gtk_editable_label_stop_editing (GTK_EDITABLE_LABEL (widget), FALSE);

  if (cell->binding != NULL)
    {
      g_binding_unbind (cell->binding);
      cell->binding = NULL;
    }
  if (cell->count != NULL)
    {
      g_clear_signal_handler (&cell->notify_id, cell->count);
      g_clear_object (&cell->count);
    }
  if (cell->school != NULL)
    g_clear_signal_handler (&cell->name_id, cell->school);
  g_hash_table_remove (self->name_cells, widget);
  g_hash_table_remove (self->count_cells, widget);
  g_hash_table_remove (self->total_cells, widget);
  if (gtk_widget_has_css_class (widget, "block-selected"))
    {
      gtk_widget_remove_css_class (widget, "block-selected");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_SELECTED);
    }
  g_object_set_data (G_OBJECT (widget), "ent-cell-school", NULL);
  ent_pupils_page_set_cell_refused (self, widget, NULL);
  cell->school = NULL;
  cell->is_total = FALSE;
}

static gboolean
unref_cell_cb (gpointer data)
{
  g_object_unref (data);
  return G_SOURCE_REMOVE;
}

/* Every 250 ms: once the label has left its window (where the focus leaves
 * it, which sets GTK's timeout below) and one more tick has passed, it goes
 * from a low-priority idle, after that timeout even when a slow frame made
 * both due in the same iteration. */
static gboolean
release_cell_cb (gpointer data)
{
  GtkWidget *label = data;

  if (gtk_widget_get_root (label) != NULL)
    return G_SOURCE_CONTINUE;
  if (g_object_get_data (G_OBJECT (label), "ent-cell-unrooted") == NULL)
    {
      g_object_set_data (G_OBJECT (label), "ent-cell-unrooted", GINT_TO_POINTER (TRUE));
      return G_SOURCE_CONTINUE;
    }
  g_idle_add_full (G_PRIORITY_LOW, unref_cell_cb, label, NULL);
  return G_SOURCE_REMOVE;
}

/* GtkEditableLabel (GTK 4.8) stops editing from a 100 ms timeout set when the
 * focus leaves it, and its dispose does not remove that timeout: a row
 * removed (or replaced by an undo) just after an edit would let it run on a
 * freed label. So each label holds one more reference from setup (object
 * data "ent-cell" of the list item), released a little after the list item
 * is torn down and the label has left the window (under the sanitizers a
 * frame can take longer than a fixed delay). */
static void
teardown_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             gpointer                  user_data)
{
  GtkWidget *label = g_object_steal_data (G_OBJECT (list_item), "ent-cell");

  if (label != NULL)
    g_timeout_add (250, release_cell_cb, label);
}

static void
text_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               EntPupilsPage            *self)
{
  setup_cell (list_item, self,
              GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "ent-factory-kind")), 0);
}

static void
year_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               YearColumn               *column)
{
  setup_cell (list_item, column->page, CELL_COUNT, column->school_year);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *list_item,
         EntPupilsPage            *self)
{
  bind_cell (list_item, self);
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           EntPupilsPage            *self)
{
  unbind_cell (list_item, self);
}

static void
year_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              YearColumn               *column)
{
  bind_cell (list_item, column->page);
}

static void
year_unbind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                YearColumn               *column)
{
  unbind_cell (list_item, column->page);
}

static void
year_column_free (gpointer  data,
                  GClosure *closure)
{
  g_free (data);
}

static GtkListItemFactory *
create_text_factory (EntPupilsPage *self,
                     CellKind       kind)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_object_set_data (G_OBJECT (factory), "ent-factory-kind", GINT_TO_POINTER (kind));
  g_signal_connect (factory, "setup", G_CALLBACK (text_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), self);
  g_signal_connect (factory, "teardown", G_CALLBACK (teardown_cb), NULL);
  return factory;
}

/* The Level column: a drop-down of the levels (ENT_SCHOOL_LEVEL_* are its
 * positions), bound both ways to the school's "level", so that a choice is
 * one change of the document, hence one undo step. Not a Cell: the keys of
 * the table move through the counts only, and the drop-down keeps its own
 * (Space or Enter opens it). Hidden on the totals row. */

static gboolean
level_to_selected (GBinding     *binding,
                   const GValue *from,
                   GValue       *to,
                   gpointer      user_data)
{
  g_value_set_uint (to, (guint) g_value_get_enum (from));
  return TRUE;
}

static gboolean
selected_to_level (GBinding     *binding,
                   const GValue *from,
                   GValue       *to,
                   gpointer      user_data)
{
  guint selected = g_value_get_uint (from);

  /* GTK_INVALID_LIST_POSITION while the drop-down has no model yet */
  if (selected > ENT_SCHOOL_LEVEL_PRIMAIRE)
    return FALSE;
  g_value_set_enum (to, (int) selected);
  return TRUE;
}

static char *
dup_string_object_text (gpointer item)
{
  return g_strdup (gtk_string_object_get_string (GTK_STRING_OBJECT (item)));
}

static void
level_setup_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                EntPupilsPage            *self)
{
  char *labels[ENT_SCHOOL_LEVEL_PRIMAIRE + 2] = { NULL };   /* NULL-terminated */
  GtkWidget *drop_down;

  /* the labels are lower case, to sit in a sentence: a choice starts with a capital */
  labels[ENT_SCHOOL_LEVEL_UNKNOWN] = g_strdup ("—");
  for (int level = ENT_SCHOOL_LEVEL_MATERNELLE; level <= ENT_SCHOOL_LEVEL_PRIMAIRE; level++)
    {
      const char *label = ent_school_level_get_label (level);
      g_autofree char *first = g_utf8_strup (label, g_utf8_next_char (label) - label);

      labels[level] = g_strconcat (first, g_utf8_next_char (label), NULL);
    }
  drop_down = gtk_drop_down_new_from_strings ((const char * const *) labels);
  for (int level = ENT_SCHOOL_LEVEL_UNKNOWN; level <= ENT_SCHOOL_LEVEL_PRIMAIRE; level++)
    g_free (labels[level]);

  /* for the GUI tests, with "ent-cell-school" set while bound */
  g_object_set_data (G_OBJECT (drop_down), "ent-cell-kind", (gpointer) "level");
  ent_pupils_page_add_table_keys (self, drop_down);
  gtk_list_item_set_child (list_item, drop_down);
}

/* The drop-down's name says the school and the level chosen, and follows
 * the choice (ent_accessible_name_chooser ()) and the school's name; a "%"
 * of that name is no conversion of the format. */
static void
name_level_drop_down (GtkWidget *drop_down,
                      EntSchool *school)
{
  g_autoptr(GString) escaped = g_string_new (ent_school_get_name (school));
  g_autofree char *accessible = NULL;

  g_string_replace (escaped, "%", "%%", 0);
  /* Translators: accessible label of a school's level drop-down: %s is the
   * school's name; keep "%%s", which becomes the level chosen */
  accessible = g_strdup_printf (_("Level of %s: %%s"), escaped->str);
  ent_accessible_name_chooser (drop_down, accessible, dup_string_object_text);
}

static void
level_school_renamed_cb (EntSchool  *school,
                         GParamSpec *pspec,
                         GtkWidget  *drop_down)
{
  name_level_drop_down (drop_down, school);
}

static void
level_bind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               EntPupilsPage            *self)
{
  GtkWidget *drop_down = gtk_list_item_get_child (list_item);
  EntPupilsRow *row = gtk_list_item_get_item (list_item);
  EntSchool *school = ent_pupils_row_get_school (row);
  GBinding *binding;

  gtk_widget_set_visible (drop_down, school != NULL);
  if (school == NULL)
    return;

  binding = g_object_bind_property_full (school, "level", drop_down, "selected",
                                         G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL,
                                         level_to_selected, selected_to_level, NULL, NULL);
  g_object_set_data (G_OBJECT (drop_down), "ent-level-binding", binding);
  g_object_set_data (G_OBJECT (drop_down), "ent-cell-school", school);
  name_level_drop_down (drop_down, school);
  g_signal_connect_object (school, "notify::name", G_CALLBACK (level_school_renamed_cb), drop_down, 0);
}

static void
level_unbind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 EntPupilsPage            *self)
{
  GtkWidget *drop_down = gtk_list_item_get_child (list_item);
  GBinding *binding = g_object_steal_data (G_OBJECT (drop_down), "ent-level-binding");
  EntSchool *school = g_object_get_data (G_OBJECT (drop_down), "ent-cell-school");

  if (binding != NULL)
    g_binding_unbind (binding);
  if (school != NULL)
    g_signal_handlers_disconnect_by_func (school, level_school_renamed_cb, drop_down);
  g_object_set_data (G_OBJECT (drop_down), "ent-cell-school", NULL);
}

static GtkListItemFactory *
create_level_factory (EntPupilsPage *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (level_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (level_bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (level_unbind_cb), self);
  return factory;
}

static void
add_year_column (EntPupilsPage *self,
                 int            school_year)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) column = NULL;
  g_autofree char *title = g_strdup_printf ("%d/%d", school_year, school_year + 1);
  YearColumn *data = g_new0 (YearColumn, 1);

  data->page = self;
  data->school_year = school_year;
  g_signal_connect_data (factory, "setup", G_CALLBACK (year_setup_cb), data,
                         year_column_free, 0);
  g_signal_connect (factory, "bind", G_CALLBACK (year_bind_cb), data);
  g_signal_connect (factory, "unbind", G_CALLBACK (year_unbind_cb), data);
  g_signal_connect (factory, "teardown", G_CALLBACK (teardown_cb), NULL);

  column = gtk_column_view_column_new (title, g_object_ref (factory));
  gtk_column_view_append_column (self->column_view, column);
  g_ptr_array_add (self->year_columns, g_object_ref (column));
}

static void
school_years_changed_cb (EntPupilsGrid *grid,
                         GParamSpec    *pspec,
                         EntPupilsPage *self)
{
  /* only the contract's school years rebuild anything; counts follow their
   * school's "changed" and the next budget in the grid */
  rebuild_year_columns (self);
}

static void
selection_changed_cb (GtkSingleSelection *selection,
                      GParamSpec         *pspec,
                      EntPupilsPage      *self)
{
  update_buttons (self);
}

static void
add_school_cb (EntPupilsPage *self)
{
  EntDocument *document = ent_pupils_grid_get_document (self->grid);
  g_autoptr(EntSchool) school = NULL;
  g_auto(GStrv) communes = NULL;
  const char *commune;
  guint position;

  if (document == NULL)
    return;

  communes = ent_document_dup_communes (document);
  commune = communes != NULL && communes[0] != NULL
            ? communes[0] : ent_document_get_payer (document);
  /* the new school takes a commune of the document: never one that it
   * could not save (SPEC 10.5) */
  if (commune == NULL || !ent_validate_name (commune, NULL))
    commune = "";
  school = ent_school_new (_("New school"), commune);
  ent_document_add_school (document, school);

  position = g_list_model_get_n_items (ent_document_get_schools (document)) - 1;
  gtk_single_selection_set_selected (self->selection, position);
  ent_pupils_page_hide_error (self);
  /* the new row's name, ready to be typed over (as a new scenario's): the
   * focus goes there, so a screen reader says it too */
  ent_pupils_page_edit_school_name (self, position);
  {
    /* Translators: said by a screen reader when a school is added; %s is its name */
    g_autofree char *message = g_strdup_printf (_("School “%s” added"), ent_school_get_name (school));

    ent_accessible_announce (GTK_WIDGET (self), message);
  }
}

static void
remove_school_cb (EntPupilsPage *self)
{
  EntDocument *document = ent_pupils_grid_get_document (self->grid);
  EntSchool *selected = get_selected_school (self);

  if (document == NULL || selected == NULL)
    return;

  {
    g_autoptr(EntSchool) school = g_object_ref (selected);

    ent_document_remove_school (document, school);
    /* the window offers to undo it */
    g_signal_emit (self, signals[SCHOOL_REMOVED], 0, school);
  }
  ent_pupils_page_hide_error (self);
}

static void
rename_school_cb (EntPupilsPage *self)
{
  EntSchool *school = get_selected_school (self);
  GHashTableIter iter;
  gpointer key;

  if (school == NULL)
    return;

  /* start editing the name cell of the selected school (it is on screen:
   * the user just selected it) */
  g_hash_table_iter_init (&iter, self->name_cells);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      Cell *cell = get_cell (key);

      if (cell->school == school)
        {
          gtk_editable_label_start_editing (GTK_EDITABLE_LABEL (key));
          return;
        }
    }
}

/* overrides */

static void
ent_pupils_page_dispose (GObject *object)
{
  GtkWidget *child;
  EntPupilsPage *self = ENT_PUPILS_PAGE (object);

  if (self->grid != NULL)
    g_signal_handlers_disconnect_by_data (self->grid, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), ENT_TYPE_PUPILS_PAGE);
  /* the template's top child is ours to unparent (GtkBinLayout) */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_pointer (&self->year_columns, g_ptr_array_unref);
  g_clear_pointer (&self->name_cells, g_hash_table_unref);
  g_clear_pointer (&self->count_cells, g_hash_table_unref);
  g_clear_pointer (&self->total_cells, g_hash_table_unref);
  g_clear_object (&self->current_school);
  g_clear_object (&self->focus_school);
  g_clear_object (&self->block_anchor);
  g_clear_object (&self->block_extent);
  if (self->focus_tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->focus_tick_id);
      self->focus_tick_id = 0;
    }
  g_clear_handle_id (&self->scroll_id, g_source_remove);
  g_clear_handle_id (&self->enter_id, g_source_remove);
  g_clear_object (&self->grid);

  G_OBJECT_CLASS (ent_pupils_page_parent_class)->dispose (object);
}

static void
ent_pupils_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  EntPupilsPage *self = ENT_PUPILS_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, ent_pupils_grid_get_document (self->grid));
      break;
    case PROP_SCENARIO:
      g_value_set_object (value, ent_pupils_grid_get_scenario (self->grid));
      break;
    case PROP_BUDGET:
      g_value_set_boxed (value, ent_pupils_grid_get_budget (self->grid));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ent_pupils_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  EntPupilsPage *self = ENT_PUPILS_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      ent_pupils_page_set_document (self, g_value_get_object (value));
      break;
    case PROP_SCENARIO:
      ent_pupils_page_set_scenario (self, g_value_get_object (value));
      break;
    case PROP_BUDGET:
      ent_pupils_page_set_budget (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ent_pupils_page_class_init (EntPupilsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ent_pupils_page_dispose;
  object_class->get_property = ent_pupils_page_get_property;
  object_class->set_property = ent_pupils_page_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, ENT_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SCENARIO] =
    g_param_spec_object ("scenario", NULL, NULL, ENT_TYPE_SCENARIO,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUDGET] =
    g_param_spec_boxed ("budget", NULL, NULL, ENT_TYPE_BUDGET,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* "school-removed" (EntSchool, no longer in the document): after the
   * Remove button removed it. */
  signals[SCHOOL_REMOVED] =
    g_signal_new ("school-removed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, ENT_TYPE_SCHOOL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/budgetent/BudgetEnt/ui/ent-pupils-page.ui");
  gtk_widget_class_bind_template_child (widget_class, EntPupilsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, EntPupilsPage, name_column);
  gtk_widget_class_bind_template_child (widget_class, EntPupilsPage, uai_column);
  gtk_widget_class_bind_template_child (widget_class, EntPupilsPage, commune_column);
  gtk_widget_class_bind_template_child (widget_class, EntPupilsPage, level_column);
  gtk_widget_class_bind_template_child (widget_class, EntPupilsPage, opens_column);
  gtk_widget_class_bind_template_child (widget_class, EntPupilsPage, closes_column);
  gtk_widget_class_bind_template_child (widget_class, EntPupilsPage, selection);
  gtk_widget_class_bind_template_child (widget_class, EntPupilsPage, remove_button);
  gtk_widget_class_bind_template_child (widget_class, EntPupilsPage, rename_button);
  gtk_widget_class_bind_template_child (widget_class, EntPupilsPage, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, EntPupilsPage, error_label);
  gtk_widget_class_bind_template_callback (widget_class, add_school_cb);
  gtk_widget_class_bind_template_callback (widget_class, remove_school_cb);
  gtk_widget_class_bind_template_callback (widget_class, rename_school_cb);
  gtk_widget_class_bind_template_callback (widget_class, selection_changed_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
ent_pupils_page_init (EntPupilsPage *self)
{
  g_autoptr(GtkListItemFactory) name_factory = NULL;
  g_autoptr(GtkListItemFactory) uai_factory = NULL;
  g_autoptr(GtkListItemFactory) commune_factory = NULL;
  g_autoptr(GtkListItemFactory) level_factory = NULL;
  g_autoptr(GtkListItemFactory) opens_factory = NULL;
  g_autoptr(GtkListItemFactory) closes_factory = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* "_Add School" is read "Add School"; the rows and cells of the table,
   * which GTK 4.8 exposes by their class names, named by what they hold */
  ent_accessible_fix_mnemonics (GTK_WIDGET (self));
  ent_accessible_name_view_rows (GTK_WIDGET (self->column_view));

  self->year_columns = g_ptr_array_new_with_free_func (g_object_unref);
  self->name_cells = g_hash_table_new (NULL, NULL);
  self->count_cells = g_hash_table_new (NULL, NULL);
  self->total_cells = g_hash_table_new (NULL, NULL);
  ent_pupils_page_add_table_focus (self);

  self->grid = ent_pupils_grid_new ();
  g_signal_connect (self->grid, "notify::first-school-year",
                    G_CALLBACK (school_years_changed_cb), self);
  g_signal_connect (self->grid, "notify::n-school-years",
                    G_CALLBACK (school_years_changed_cb), self);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->grid));

  name_factory = create_text_factory (self, CELL_NAME);
  uai_factory = create_text_factory (self, CELL_UAI);
  commune_factory = create_text_factory (self, CELL_COMMUNE);
  gtk_column_view_column_set_factory (self->name_column, name_factory);
  gtk_column_view_column_set_factory (self->uai_column, uai_factory);
  gtk_column_view_column_set_factory (self->commune_column, commune_factory);
  level_factory = create_level_factory (self);
  gtk_column_view_column_set_factory (self->level_column, level_factory);
  opens_factory = create_text_factory (self, CELL_OPENS);
  closes_factory = create_text_factory (self, CELL_CLOSES);
  gtk_column_view_column_set_factory (self->opens_column, opens_factory);
  gtk_column_view_column_set_factory (self->closes_column, closes_factory);

  update_buttons (self);
}

/* public API */

GtkWidget *
ent_pupils_page_new (void)
{
  return g_object_new (ENT_TYPE_PUPILS_PAGE, NULL);
}

EntDocument *
ent_pupils_page_get_document (EntPupilsPage *self)
{
  g_return_val_if_fail (ENT_IS_PUPILS_PAGE (self), NULL);
  return ent_pupils_grid_get_document (self->grid);
}

void
ent_pupils_page_set_document (EntPupilsPage *self,
                              EntDocument   *document)
{
  g_return_if_fail (ENT_IS_PUPILS_PAGE (self));
  g_return_if_fail (document == NULL || ENT_IS_DOCUMENT (document));

  if (ent_pupils_grid_get_document (self->grid) == document)
    return;

  /* the block selected was in the other document */
  ent_pupils_page_clear_block (self);
  /* the grid's new school years rebuild the columns as it notifies them */
  ent_pupils_grid_set_document (self->grid, document);
  rebuild_year_columns (self);
  ent_pupils_page_hide_error (self);
  update_buttons (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

EntScenario *
ent_pupils_page_get_scenario (EntPupilsPage *self)
{
  g_return_val_if_fail (ENT_IS_PUPILS_PAGE (self), NULL);
  return ent_pupils_grid_get_scenario (self->grid);
}

void
ent_pupils_page_set_scenario (EntPupilsPage *self,
                              EntScenario   *scenario)
{
  g_return_if_fail (ENT_IS_PUPILS_PAGE (self));
  g_return_if_fail (scenario == NULL || ENT_IS_SCENARIO (scenario));

  if (ent_pupils_grid_get_scenario (self->grid) == scenario)
    return;

  ent_pupils_grid_set_scenario (self->grid, scenario);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCENARIO]);
}

EntBudget *
ent_pupils_page_get_budget (EntPupilsPage *self)
{
  g_return_val_if_fail (ENT_IS_PUPILS_PAGE (self), NULL);
  return ent_pupils_grid_get_budget (self->grid);
}

void
ent_pupils_page_set_budget (EntPupilsPage *self,
                            EntBudget     *budget)
{
  g_return_if_fail (ENT_IS_PUPILS_PAGE (self));

  if (ent_pupils_grid_get_budget (self->grid) == budget)
    return;

  ent_pupils_grid_set_budget (self->grid, budget);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUDGET]);
}
