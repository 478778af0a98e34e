/* ent-pupils-page-keys.c: the pupils grid's counts as a spreadsheet: the
 * keys that move through them and type into them, the checks shared with
 * typing, copy and block paste
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ent-pupils-page-private.h"
#include "ent-row-splice.h"

/* Checks a count typed or pasted for @school in @school_year: empty (back to
 * the projection: *out_clear), or a count the school can have then. Returns
 * a translated reason on failure. One rule for typing and pasting. */
gboolean
ent_pupils_page_check_count (EntSchool   *school,
                             int          school_year,
                             const char  *text,
                             gboolean    *out_clear,
                             gint64      *out_count,
                             char       **out_reason)
{
  int closes = ent_school_get_closes (school);

  *out_clear = *text == '\0';
  *out_count = 0;
  if (*out_clear)
    return TRUE;

  if (!ent_pupils_page_parse_count (text, out_count, out_reason))
    return FALSE;

  /* SPEC 3, 4.1: a count only where the school is open; before its opening
   * it was open then (ent_pupils_page_apply_count () opens it earlier) */
  if (!ent_school_is_open (school, school_year) &&
      closes != ENT_SCHOOL_YEAR_NONE && school_year >= closes)
    {
      /* Translators: a year, the rentrée of September */
      *out_reason = g_strdup_printf (_("The school is closed from the rentrée %d: change its closing "
                                       "year first."), closes);
      return FALSE;
    }
  return TRUE;
}

/* Sets a count that ent_pupils_page_check_count () accepted. */
void
ent_pupils_page_apply_count (EntPupilsPage *self,
                             EntSchool     *school,
                             int            school_year,
                             gboolean       clear,
                             gint64         count)
{
  gint64 known_count = 0;
  gboolean known = ent_school_get_known_pupils (school, school_year, &known_count);

  if (clear)
    {
      if (known)
        ent_school_unset_known_pupils (school, school_year);
      return;
    }

  if (!ent_school_is_open (school, school_year))
    {
      /* typed before its opening: it was open then */
      ent_school_set_opens (school, school_year);
    }
  else if (!known && ent_school_get_n_known (school) == 0 &&
           ent_school_get_opens (school) == ENT_SCHOOL_YEAR_NONE &&
           school_year > ent_pupils_grid_get_first_school_year (self->grid))
    {
      /* the first count of a new school, typed for a later rentrée: the
       * school opens then, and nothing is billed before (the issue's
       * school typed for 2025/2026 was billed from 2023/2024) */
      ent_school_set_opens (school, school_year);
    }

  if (!known || known_count != count)
    ent_school_set_known_pupils (school, school_year, count);
}

/* The position of @school in the document (its row), or FALSE. */
static gboolean
find_school_position (EntPupilsPage *self,
                      EntSchool     *school,
                      guint         *out_position)
{
  EntDocument *document = ent_pupils_grid_get_document (self->grid);
  GListModel *schools;
  guint n;

  if (document == NULL)
    return FALSE;
  schools = ent_document_get_schools (document);
  n = g_list_model_get_n_items (schools);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EntSchool) item = g_list_model_get_item (schools, i);

      if (item == school)
        {
          *out_position = i;
          return TRUE;
        }
    }
  return FALSE;
}

/* The count cell of @school and @school_year, if its row is on screen. */
static GtkWidget *
find_count_cell (EntPupilsPage *self,
                 EntSchool     *school,
                 int            school_year)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->count_cells);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      Cell *cell = get_cell (key);

      if (cell->school == school && cell->school_year == school_year)
        return key;
    }
  return NULL;
}

/* The list view inside the column view: it owns the "list.scroll-to-item"
 * action (GTK 4.8 has no gtk_column_view_scroll_to ()). */
static GtkWidget *
get_list_view (EntPupilsPage *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      return child;
  return NULL;
}

/* Scrolls the table sideways so that the focused cell is whole on screen
 * (GtkColumnView scrolls rows into view, not columns). */
static gboolean
scroll_to_focus_cb (gpointer data)
{
  EntPupilsPage *self = data;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *widget = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *view = GTK_WIDGET (self->column_view);
  GtkAdjustment *adjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (view));
  graphene_rect_t bounds;
  int width = gtk_widget_get_width (view);

  self->scroll_id = 0;

  /* the cell, also while its inner text has the focus */
  while (widget != NULL && get_cell (widget) == NULL && widget != view)
    widget = gtk_widget_get_parent (widget);
  if (widget == NULL || get_cell (widget) == NULL || adjustment == NULL ||
      !gtk_widget_compute_bounds (widget, view, &bounds))
    return G_SOURCE_REMOVE;

  if (bounds.origin.x < 0)
    gtk_adjustment_set_value (adjustment,
                              gtk_adjustment_get_value (adjustment) + bounds.origin.x - 6);
  else if (bounds.origin.x + bounds.size.width > width)
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) +
                              bounds.origin.x + bounds.size.width - width + 6);
  return G_SOURCE_REMOVE;
}

static void
queue_scroll_to_focus (EntPupilsPage *self)
{
  /* after the layout that placed the cell */
  if (self->scroll_id == 0)
    self->scroll_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, scroll_to_focus_cb, self, NULL);
}

static void
cell_focus_enter_cb (GtkEventControllerFocus *controller,
                     gpointer                 user_data)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  Cell *cell = get_cell (widget);

  if (cell == NULL)
    return;
  queue_scroll_to_focus (cell->page);
  if (cell->kind == CELL_COUNT && cell->school != NULL && !cell->is_total)
    {
      g_set_object (&cell->page->current_school, cell->school);
      cell->page->current_year = cell->school_year;
    }
  /* a count reached otherwise than by Shift+arrow (a click, Tab): the
   * block is left behind */
  if (cell->page->block_anchor != NULL &&
      (cell->school != cell->page->block_extent || cell->school_year != cell->page->block_extent_year))
    ent_pupils_page_clear_block (cell->page);
}

/* The name cell of @school, if its row is on screen. */
static GtkWidget *
find_name_cell (EntPupilsPage *self,
                EntSchool     *school)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->name_cells);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (get_cell (key)->school == school)
      return key;
  return NULL;
}

/* Focuses the pending cell once its row is on screen: a row scrolled to
 * gets its cells at the next layout. */
static gboolean
focus_pending_cb (GtkWidget     *widget,
                  GdkFrameClock *clock,
                  gpointer       user_data)
{
  EntPupilsPage *self = ENT_PUPILS_PAGE (user_data);
  GtkWidget *cell = NULL;

  if (self->focus_school != NULL)
    cell = self->focus_name ? find_name_cell (self, self->focus_school)
                            : find_count_cell (self, self->focus_school, self->focus_school_year);

  if (cell == NULL && ++self->focus_tries < 10)
    return G_SOURCE_CONTINUE;

  if (cell != NULL && self->focus_name)
    gtk_editable_label_start_editing (GTK_EDITABLE_LABEL (cell));
  else if (cell != NULL)
    gtk_widget_grab_focus (cell);
  g_clear_object (&self->focus_school);
  self->focus_name = FALSE;
  self->focus_tick_id = 0;
  return G_SOURCE_REMOVE;
}

void
ent_pupils_page_edit_school_name (EntPupilsPage *self,
                                  guint          position)
{
  GListModel *schools = ent_document_get_schools (ent_pupils_grid_get_document (self->grid));
  g_autoptr(EntSchool) school = g_list_model_get_item (schools, position);
  GtkWidget *list_view = get_list_view (self);

  if (school == NULL)
    return;
  if (list_view != NULL)
    gtk_widget_activate_action (list_view, "list.scroll-to-item", "u", position);
  /* the row is made at the next layout: focused from the frame clock */
  g_set_object (&self->focus_school, school);
  self->focus_name = TRUE;
  self->focus_tries = 0;
  if (self->focus_tick_id == 0)
    self->focus_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), focus_pending_cb,
                                                        self, NULL);
}

/* Moves the keyboard focus to the count of @school_year in the row at
 * @position, scrolling it into view. */
static void
focus_count (EntPupilsPage *self,
             guint          position,
             int            school_year)
{
  GListModel *schools = ent_document_get_schools (ent_pupils_grid_get_document (self->grid));
  g_autoptr(EntSchool) school = g_list_model_get_item (schools, position);
  GtkWidget *list_view = get_list_view (self);
  GtkWidget *cell;

  if (school == NULL)
    return;
  if (list_view != NULL)
    gtk_widget_activate_action (list_view, "list.scroll-to-item", "u", position);

  cell = find_count_cell (self, school, school_year);
  if (cell != NULL)
    {
      gtk_widget_grab_focus (cell);
      return;
    }

  g_set_object (&self->focus_school, school);
  self->focus_school_year = school_year;
  self->focus_name = FALSE;
  self->focus_tries = 0;
  if (self->focus_tick_id == 0)
    self->focus_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), focus_pending_cb,
                                                        self, NULL);
}

/* Focuses the total of @school_year (the last row), scrolling to it. */
static gboolean
focus_total (EntPupilsPage *self,
             int            school_year)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->grid));
  GtkWidget *list_view = get_list_view (self);
  GHashTableIter iter;
  gpointer key;

  if (n == 0)
    return FALSE;
  if (list_view != NULL)
    gtk_widget_activate_action (list_view, "list.scroll-to-item", "u", n - 1);
  g_hash_table_iter_init (&iter, self->total_cells);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (get_cell (key)->school_year == school_year)
      return gtk_widget_grab_focus (key);
  return FALSE;
}

/* Moves from the count of @school in @school_year by @dx school years and
 * @dy rows; FALSE (and nothing) at the table's edge. */
static gboolean
move_focus (EntPupilsPage *self,
            EntSchool     *school,
            int            school_year,
            int            dx,
            int            dy)
{
  EntDocument *document = ent_pupils_grid_get_document (self->grid);
  int first = ent_pupils_grid_get_first_school_year (self->grid);
  int n_years = ent_pupils_grid_get_n_school_years (self->grid);
  guint position;
  gint64 row;
  int year = school_year + dx;

  if (document == NULL || !find_school_position (self, school, &position))
    return FALSE;
  row = (gint64) position + dy;
  if (year < first || year >= first + n_years || row < 0)
    return FALSE;
  if (row == g_list_model_get_n_items (ent_document_get_schools (document)))
    return focus_total (self, year);
  if (row > g_list_model_get_n_items (ent_document_get_schools (document)))
    return FALSE;

  focus_count (self, (guint) row, year);
  return TRUE;
}

/* Tab or Shift+Tab from inside the table: out of it, to the next (previous)
 * control, not the next cell: one Tab stop for the whole table, whose cells
 * the arrows move through (issue 16). The table takes no focus while the
 * window moves it on. */
static void
leave_table (EntPupilsPage *self,
             gboolean       forward)
{
  ent_accessible_leave_view (GTK_WIDGET (self->column_view), forward);
}

/* The cell (its focusable widget) in the column next to @widget's, in the
 * same row, skipping the empty cells (of the totals row), or NULL. */
static GtkWidget *
find_side_cell (GtkWidget *widget,
                int        dx)
{
  GtkWidget *column_cell = gtk_widget_get_parent (widget);

  for (;;)
    {
      GtkWidget *child;

      column_cell = dx > 0 ? gtk_widget_get_next_sibling (column_cell)
                           : gtk_widget_get_prev_sibling (column_cell);
      if (column_cell == NULL)
        return NULL;
      child = gtk_widget_get_first_child (column_cell);
      if (child != NULL && gtk_widget_get_visible (child) &&
          (gtk_widget_get_focusable (child) || GTK_IS_DROP_DOWN (child)))
        return child;
    }
}

/* ------------------------------------------------------ the selected block */

typedef struct
{
  guint first_row;
  guint last_row;
  int   first_year;
  int   last_year;
} Block;

/* The selected block as rows and school years, or FALSE when there is none
 * (or its schools or school years have gone since). */
static gboolean
get_block (EntPupilsPage *self,
           Block         *out_block)
{
  int first = ent_pupils_grid_get_first_school_year (self->grid);
  int last = first + ent_pupils_grid_get_n_school_years (self->grid) - 1;
  guint anchor_row, extent_row;

  if (self->block_anchor == NULL ||
      !find_school_position (self, self->block_anchor, &anchor_row) ||
      !find_school_position (self, self->block_extent, &extent_row))
    return FALSE;
  out_block->first_row = MIN (anchor_row, extent_row);
  out_block->last_row = MAX (anchor_row, extent_row);
  out_block->first_year = MAX (MIN (self->block_anchor_year, self->block_extent_year), first);
  out_block->last_year = MIN (MAX (self->block_anchor_year, self->block_extent_year), last);
  return out_block->first_year <= out_block->last_year;
}

static gboolean
block_has (const Block *block,
           guint        row,
           int          school_year)
{
  return row >= block->first_row && row <= block->last_row &&
         school_year >= block->first_year && school_year <= block->last_year;
}

/* Marks @widget, a bound count cell, as in the block or not: a CSS class
 * for the eye, the selected state for screen readers. */
static void
show_cell_block (EntPupilsPage *self,
                 GtkWidget     *widget,
                 const Block   *block)
{
  Cell *cell = get_cell (widget);
  guint row;
  gboolean selected = block != NULL && cell != NULL && cell->school != NULL && !cell->is_total &&
                      find_school_position (self, cell->school, &row) &&
                      block_has (block, row, cell->school_year);

  if (selected == gtk_widget_has_css_class (widget, "block-selected"))
    return;
  if (selected)
    {
      gtk_widget_add_css_class (widget, "block-selected");
      gtk_accessible_update_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_SELECTED, TRUE, -1);
    }
  else
    {
      gtk_widget_remove_css_class (widget, "block-selected");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_SELECTED);
    }
}

void
ent_pupils_page_show_cell_block (GtkWidget *label)
{
  Cell *cell = get_cell (label);
  Block block;

  if (cell == NULL)
    return;
  show_cell_block (cell->page, label, get_block (cell->page, &block) ? &block : NULL);
}

static void
show_block (EntPupilsPage *self)
{
  GHashTableIter iter;
  gpointer key;
  Block block;
  gboolean any = get_block (self, &block);

  g_hash_table_iter_init (&iter, self->count_cells);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    show_cell_block (self, key, any ? &block : NULL);
}

/* Escape, a plain move, a click elsewhere: back to the focused count alone. */
void
ent_pupils_page_clear_block (EntPupilsPage *self)
{
  if (self->block_anchor == NULL)
    return;
  g_clear_object (&self->block_anchor);
  g_clear_object (&self->block_extent);
  show_block (self);
}

/* Shift+arrow: the block grows or shrinks by @dx school years and @dy rows
 * on the side of its extent, which takes the focus; at the table's edge
 * nothing changes. */
static void
extend_block (EntPupilsPage *self,
              Cell          *cell,
              int            dx,
              int            dy)
{
  EntDocument *document = ent_pupils_grid_get_document (self->grid);
  int first = ent_pupils_grid_get_first_school_year (self->grid);
  int n_years = ent_pupils_grid_get_n_school_years (self->grid);
  g_autoptr(EntSchool) school = NULL;
  guint position;
  gint64 row;
  int year;

  if (self->block_anchor == NULL || !find_school_position (self, self->block_extent, &position))
    {
      /* a new block, from the focused count */
      g_set_object (&self->block_anchor, cell->school);
      self->block_anchor_year = cell->school_year;
      g_set_object (&self->block_extent, cell->school);
      self->block_extent_year = cell->school_year;
      if (!find_school_position (self, cell->school, &position))
        return;
    }

  row = (gint64) position + dy;
  year = self->block_extent_year + dx;
  if (row >= 0 && row < g_list_model_get_n_items (ent_document_get_schools (document)) &&
      year >= first && year < first + n_years)
    {
      school = g_list_model_get_item (ent_document_get_schools (document), (guint) row);
      g_set_object (&self->block_extent, school);
      self->block_extent_year = year;
      focus_count (self, (guint) row, year);
    }
  show_block (self);
}

/* Ctrl+C on a block: its counts as a spreadsheet copies them, school years
 * separated by tabs, schools by newlines (a final one too, as LibreOffice
 * does); the counts shown, projected ones included, without grouping; a
 * year where the school is closed, empty. */
static void
copy_block (EntPupilsPage *self,
            GtkWidget     *widget,
            const Block   *block)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = block->first_row; i <= block->last_row; i++)
    {
      g_autoptr(EntPupilsRow) row = g_list_model_get_item (G_LIST_MODEL (self->grid), i);

      for (int year = block->first_year; year <= block->last_year; year++)
        {
          EntPupilsCount *count = row != NULL ? ent_pupils_row_get_count (row, year) : NULL;

          if (year > block->first_year)
            g_string_append_c (text, '\t');
          if (count != NULL && !ent_pupils_count_get_closed (count))
            g_string_append_printf (text, "%" G_GINT64_FORMAT, ent_pupils_count_get_count (count));
        }
      g_string_append_c (text, '\n');
    }
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text->str);
}

/* Delete on a block: every known count in it back to the projection, all
 * in this main-loop dispatch, so one undo step brings them back (as a
 * paste). The block stays selected. */
static void
clear_block_counts (EntPupilsPage *self,
                    const Block   *block)
{
  GListModel *schools = ent_document_get_schools (ent_pupils_grid_get_document (self->grid));

  for (guint i = block->first_row; i <= block->last_row; i++)
    {
      g_autoptr(EntSchool) school = g_list_model_get_item (schools, i);

      for (int year = block->first_year; school != NULL && year <= block->last_year; year++)
        ent_pupils_page_apply_count (self, school, year, TRUE, 0);
    }
}

/* Enter or Tab while typing: the value is checked first; a refused one
 * stays in the cell, being typed, with its reason; an accepted one is set
 * and the focus moves on (by @dx, @dy). */
static gboolean
finish_editing (EntPupilsPage *self,
                GtkWidget     *widget,
                Cell          *cell,
                int            dx,
                int            dy)
{
  g_autofree char *text = ent_pupils_page_dup_cell_text (widget);
  g_autofree char *reason = NULL;
  g_autoptr(EntSchool) school = g_object_ref (cell->school);
  int school_year = cell->school_year;
  gboolean clear;
  gint64 count;

  if (!ent_pupils_page_is_shown_text (cell, text) &&
      !ent_pupils_page_check_count (school, school_year, text, &clear, &count, &reason))
    {
      ent_pupils_page_set_cell_refused (self, widget, reason);
      return GDK_EVENT_STOP;
    }

  /* commits through count_editing_cb */
  gtk_editable_label_stop_editing (GTK_EDITABLE_LABEL (widget), TRUE);
  move_focus (self, school, school_year, dx, dy);
  return GDK_EVENT_STOP;
}

/* Ctrl+C on a count: the number, without grouping, as spreadsheets read it
 * (a closed year: nothing). */
static void
copy_count (GtkWidget *widget,
            Cell      *cell)
{
  g_autofree char *text = NULL;

  if (cell->count == NULL)
    return;
  text = ent_pupils_count_get_closed (cell->count)
         ? g_strdup ("")
         : g_strdup_printf ("%" G_GINT64_FORMAT, ent_pupils_count_get_count (cell->count));
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
}

typedef struct
{
  EntPupilsPage *page;        /* a reference */
  EntSchool     *school;      /* a reference: the block's top left */
  int            school_year;
} Paste;

static void
paste_free (Paste *paste)
{
  g_object_unref (paste->page);
  g_object_unref (paste->school);
  g_free (paste);
}

typedef struct
{
  EntSchool *school;          /* unowned: the document holds it */
  int        school_year;
  gboolean   clear;
  gint64     count;
} PastedCount;

/* Pastes @text, a block as spreadsheets copy it (rows of schools separated
 * by newlines, school years by tabs), from the count of @school in
 * @school_year on. Every value is checked as a typed one; if any is refused
 * (or the block overflows the table) nothing is set and the reason is shown;
 * otherwise all are set now, in one main-loop dispatch: one undo step. */
static gboolean
paste_block (EntPupilsPage *self,
             EntSchool     *school,
             int            school_year,
             const char    *text)
{
  EntDocument *document = ent_pupils_grid_get_document (self->grid);
  int first = ent_pupils_grid_get_first_school_year (self->grid);
  int n_years = ent_pupils_grid_get_n_school_years (self->grid);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(GArray) pasted = g_array_new (FALSE, FALSE, sizeof (PastedCount));
  GListModel *schools;
  guint n_lines = g_strv_length (lines);
  guint n_schools;
  guint position;

  if (document == NULL || !find_school_position (self, school, &position))
    return FALSE;
  schools = ent_document_get_schools (document);
  n_schools = g_list_model_get_n_items (schools);

  for (guint i = 0; i < n_lines; i++)
    g_strdelimit (lines[i], "\r", ' ');
  /* a block copied from a spreadsheet ends with a newline */
  while (n_lines > 0)
    {
      g_autofree char *last = g_strstrip (g_strdup (lines[n_lines - 1]));

      if (*last != '\0')
        break;
      n_lines--;
    }
  if (n_lines == 0)
    {
      ent_pupils_page_show_error (self, _("Nothing was pasted: the clipboard holds no counts."));
      return FALSE;
    }
  if (position + n_lines > n_schools)
    {
      g_autofree char *message =
        /* Translators: %u are numbers of rows (schools) */
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "Nothing was pasted: the block has %u rows, and only %u school "
                                      "is there from this row on.",
                                      "Nothing was pasted: the block has %u rows, and only %u schools "
                                      "are there from this row on.", n_schools - position),
                         n_lines, n_schools - position);

      ent_pupils_page_show_error (self, message);
      return FALSE;
    }

  for (guint i = 0; i < n_lines; i++)
    {
      g_auto(GStrv) values = g_strsplit (lines[i], "\t", -1);
      g_autoptr(EntSchool) row_school = g_list_model_get_item (schools, position + i);
      guint n_values = g_strv_length (values);

      if ((gint64) school_year - first + n_values > n_years)
        {
          g_autofree char *message =
            /* Translators: %u are numbers of columns (school years) */
            g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Nothing was pasted: the block has %u columns, and only %u "
                                          "school year is there from this column on.",
                                          "Nothing was pasted: the block has %u columns, and only %u "
                                          "school years are there from this column on.",
                                          (gulong) (first + n_years - school_year)),
                             n_values, (guint) (first + n_years - school_year));

          ent_pupils_page_show_error (self, message);
          return FALSE;
        }

      for (guint j = 0; j < n_values; j++)
        {
          g_autofree char *value = g_strstrip (g_strdup (values[j]));
          g_autofree char *reason = NULL;
          PastedCount count = { row_school, school_year + (int) j, FALSE, 0 };

          if (!ent_pupils_page_check_count (row_school, count.school_year, value,
                                            &count.clear, &count.count, &reason))
            {
              g_autofree char *message =
                /* Translators: what was pasted, a school, a school year (2023/2024), then why it was refused */
                g_strdup_printf (_("Nothing was pasted: “%s” for %s in %d/%d: %s"), value,
                                 ent_school_get_name (row_school), count.school_year,
                                 count.school_year + 1, reason);

              ent_pupils_page_show_error (self, message);
              return FALSE;
            }
          g_array_append_val (pasted, count);
        }
    }

  ent_pupils_page_hide_error (self);
  for (guint k = 0; k < pasted->len; k++)
    {
      PastedCount *count = &g_array_index (pasted, PastedCount, k);

      ent_pupils_page_apply_count (self, count->school, count->school_year, count->clear, count->count);
    }
  return TRUE;
}

static void
paste_read_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      data)
{
  Paste *paste = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);

  if (text == NULL)
    ent_pupils_page_show_error (paste->page, _("Nothing was pasted: the clipboard holds no text."));
  else
    paste_block (paste->page, paste->school, paste->school_year, text);
  paste_free (paste);
}

static gboolean
is_digit_key (guint  keyval,
              char  *out_digit)
{
  if (keyval >= GDK_KEY_0 && keyval <= GDK_KEY_9)
    *out_digit = (char) ('0' + keyval - GDK_KEY_0);
  else if (keyval >= GDK_KEY_KP_0 && keyval <= GDK_KEY_KP_9)
    *out_digit = (char) ('0' + keyval - GDK_KEY_KP_0);
  else
    return FALSE;
  return TRUE;
}

/* The counts as a spreadsheet (capture phase: before the label and its
 * text): arrows and Tab move, a digit starts typing, Enter and Tab commit
 * and move on, Delete goes back to the projection, Ctrl+C and Ctrl+V copy
 * and paste. Shift+arrows select a block of counts, which Ctrl+C copies
 * whole, Delete takes back to the projection (one undo step) and Ctrl+V
 * pastes over from its top left; Escape or a plain move leaves it. While
 * typing, Escape is GtkEditableLabel's own: it cancels. */
static gboolean
count_key_pressed_cb (GtkEventControllerKey *controller,
                      guint                  keyval,
                      guint                  keycode,
                      GdkModifierType        state,
                      gpointer               user_data)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  Cell *cell = get_cell (widget);
  GdkModifierType mods = state & gtk_accelerator_get_default_mod_mask ();
  gboolean shift_tab = keyval == GDK_KEY_ISO_Left_Tab ||
                       (keyval == GDK_KEY_Tab && mods == GDK_SHIFT_MASK);
  EntPupilsPage *self;
  char digit[2] = { 0, 0 };
  gboolean has_block;
  Block block;
  int dx = 0;
  int dy = 0;

  if (cell == NULL || cell->school == NULL || cell->is_total)
    return GDK_EVENT_PROPAGATE;
  self = cell->page;

  if (gtk_editable_label_get_editing (GTK_EDITABLE_LABEL (widget)))
    {
      if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_ISO_Enter) &&
          mods == 0)
        return finish_editing (self, widget, cell, 0, 1);
      if (keyval == GDK_KEY_Tab && mods == 0)
        return finish_editing (self, widget, cell, 1, 0);
      if (shift_tab)
        return finish_editing (self, widget, cell, -1, 0);
      return GDK_EVENT_PROPAGATE;
    }

  has_block = get_block (self, &block);

  if (mods == GDK_CONTROL_MASK && (keyval == GDK_KEY_c || keyval == GDK_KEY_C))
    {
      if (has_block)
        copy_block (self, widget, &block);
      else
        copy_count (widget, cell);
      return GDK_EVENT_STOP;
    }
  if (mods == GDK_CONTROL_MASK && (keyval == GDK_KEY_v || keyval == GDK_KEY_V))
    {
      Paste *paste = g_new0 (Paste, 1);

      paste->page = g_object_ref (self);
      paste->school = g_object_ref (cell->school);
      paste->school_year = cell->school_year;
      if (has_block)
        {
          /* from the block's top left, as spreadsheets paste */
          GListModel *schools = ent_document_get_schools (ent_pupils_grid_get_document (self->grid));

          g_object_unref (paste->school);
          paste->school = g_list_model_get_item (schools, block.first_row);
          paste->school_year = block.first_year;
          ent_pupils_page_clear_block (self);
        }
      gdk_clipboard_read_text_async (gtk_widget_get_clipboard (widget), NULL, paste_read_cb, paste);
      return GDK_EVENT_STOP;
    }

  if (mods == 0 && (keyval == GDK_KEY_Delete || keyval == GDK_KEY_KP_Delete ||
                    keyval == GDK_KEY_BackSpace))
    {
      if (has_block)
        clear_block_counts (self, &block);
      else
        ent_school_unset_known_pupils (cell->school, cell->school_year);
      return GDK_EVENT_STOP;
    }

  if (mods == 0 && keyval == GDK_KEY_Escape && has_block)
    {
      ent_pupils_page_clear_block (self);
      return GDK_EVENT_STOP;
    }

  if (mods == GDK_SHIFT_MASK)
    {
      switch (keyval)
        {
        case GDK_KEY_Up:
        case GDK_KEY_KP_Up:
          extend_block (self, cell, 0, -1);
          return GDK_EVENT_STOP;
        case GDK_KEY_Down:
        case GDK_KEY_KP_Down:
          extend_block (self, cell, 0, 1);
          return GDK_EVENT_STOP;
        case GDK_KEY_Left:
        case GDK_KEY_KP_Left:
          extend_block (self, cell, -1, 0);
          return GDK_EVENT_STOP;
        case GDK_KEY_Right:
        case GDK_KEY_KP_Right:
          extend_block (self, cell, 1, 0);
          return GDK_EVENT_STOP;
        default:
          break;
        }
    }

  if ((mods & ~GDK_SHIFT_MASK) == 0 && is_digit_key (keyval, &digit[0]))
    {
      /* the digit typed is the first of the new count, of this cell alone */
      ent_pupils_page_clear_block (self);
      gtk_editable_label_start_editing (GTK_EDITABLE_LABEL (widget));
      gtk_editable_set_text (GTK_EDITABLE (widget), digit);
      gtk_editable_set_position (GTK_EDITABLE (widget), -1);
      return GDK_EVENT_STOP;
    }

  if (mods != 0 && !shift_tab)
    return GDK_EVENT_PROPAGATE;

  switch (keyval)
    {
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      dy = -1;
      break;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      dy = 1;
      break;
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      dx = -1;
      break;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      dx = 1;
      break;
    case GDK_KEY_Tab:
    case GDK_KEY_ISO_Left_Tab:
      /* one Tab stop for the table: Tab leaves it */
      ent_pupils_page_clear_block (self);
      leave_table (self, !shift_tab);
      return GDK_EVENT_STOP;
    default:
      return GDK_EVENT_PROPAGATE;
    }

  /* a plain move leaves the block behind; at the table's edge the focus
   * stays, but left of the first count are the school's other cells */
  ent_pupils_page_clear_block (self);
  if (!move_focus (self, cell->school, cell->school_year, dx, dy) && dx < 0)
    {
      GtkWidget *side = find_side_cell (widget, dx);

      if (side != NULL)
        gtk_widget_grab_focus (side);
    }
  return GDK_EVENT_STOP;
}

/* The keys of every other cell (the school's name … closing rentrée, the
 * level drop-down, the totals), while not typing: Left and Right go along
 * the row, Up from a total to the school above, Down from a school's count
 * to its total, Tab and Shift+Tab out of the table. The other keys are the
 * cell's own (Enter edits, Space opens the drop-down). */
static gboolean
table_key_pressed_cb (GtkEventControllerKey *controller,
                      guint                  keyval,
                      guint                  keycode,
                      GdkModifierType        state,
                      gpointer               user_data)
{
  EntPupilsPage *self = user_data;
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  Cell *cell = get_cell (widget);
  GdkModifierType mods = state & gtk_accelerator_get_default_mod_mask ();
  gboolean shift_tab = keyval == GDK_KEY_ISO_Left_Tab ||
                       (keyval == GDK_KEY_Tab && mods == GDK_SHIFT_MASK);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *side = NULL;

  /* while typing, or in the drop-down's open list, the keys are theirs */
  if (GTK_IS_EDITABLE_LABEL (widget) &&
      gtk_editable_label_get_editing (GTK_EDITABLE_LABEL (widget)))
    return GDK_EVENT_PROPAGATE;
  for (GtkWidget *w = focus; w != NULL && w != widget; w = gtk_widget_get_parent (w))
    if (GTK_IS_POPOVER (w))
      return GDK_EVENT_PROPAGATE;

  if ((keyval == GDK_KEY_Tab && mods == 0) || shift_tab)
    {
      leave_table (self, !shift_tab);
      return GDK_EVENT_STOP;
    }
  if (mods != 0)
    return GDK_EVENT_PROPAGATE;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      side = find_side_cell (widget, -1);
      break;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      side = find_side_cell (widget, 1);
      break;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      if (cell != NULL && cell->is_total && cell->kind == CELL_COUNT)
        {
          EntDocument *document = ent_pupils_grid_get_document (self->grid);
          guint n = document != NULL
                    ? g_list_model_get_n_items (ent_document_get_schools (document)) : 0;

          if (n > 0)
            focus_count (self, n - 1, cell->school_year);
          return GDK_EVENT_STOP;
        }
      return GDK_EVENT_PROPAGATE;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      /* the totals row is the last */
      return cell != NULL && cell->is_total ? GDK_EVENT_STOP : GDK_EVENT_PROPAGATE;
    default:
      return GDK_EVENT_PROPAGATE;
    }

  if (side != NULL)
    gtk_widget_grab_focus (side);
  return GDK_EVENT_STOP;
}

void
ent_pupils_page_add_table_keys (EntPupilsPage *self,
                                GtkWidget     *widget)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_object_set_data (G_OBJECT (widget), "ent-table-keys", keys);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (table_key_pressed_cb), self);
  gtk_widget_add_controller (widget, keys);
}

static void
table_pressed_cb (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  EntPupilsPage   *self)
{
  self->pointer_time = g_get_monotonic_time ();
}

/* Tab into the table (from the control before or after it): GTK would give
 * the focus to the first cell of the last row focused, the school's name;
 * the count last focused takes it instead, or the first school's first. A
 * click keeps the cell clicked. */
static gboolean
table_focus_entered_cb (gpointer data)
{
  EntPupilsPage *self = data;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  EntDocument *document = ent_pupils_grid_get_document (self->grid);
  int first = ent_pupils_grid_get_first_school_year (self->grid);
  int n_years = ent_pupils_grid_get_n_school_years (self->grid);
  GtkWidget *cell_widget = focus;
  Cell *cell = NULL;
  guint position = 0;
  int year = first;

  /* the cell holding the focus: itself, or the text of a name being edited */
  for (; cell_widget != NULL && cell_widget != GTK_WIDGET (self->column_view);
       cell_widget = gtk_widget_get_parent (cell_widget))
    if ((cell = get_cell (cell_widget)) != NULL)
      break;
  self->enter_id = 0;
  if (document == NULL || n_years == 0 || focus == NULL ||
      !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->column_view)) ||
      g_list_model_get_n_items (ent_document_get_schools (document)) == 0)
    return G_SOURCE_REMOVE;
  /* only where GTK put it: a cell focused on purpose keeps the focus (a
   * count, or the name of a new school being edited) */
  if (cell != NULL && (cell->kind != CELL_NAME ||
                       gtk_editable_label_get_editing (GTK_EDITABLE_LABEL (cell_widget))))
    return G_SOURCE_REMOVE;
  if (self->current_school != NULL && find_school_position (self, self->current_school, &position) &&
      self->current_year >= first && self->current_year < first + n_years)
    year = self->current_year;
  else
    position = 0;
  focus_count (self, position, year);
  return G_SOURCE_REMOVE;
}

static void
table_focus_enter_cb (GtkEventControllerFocus *controller,
                      EntPupilsPage           *self)
{
  /* once the focus is where GTK puts it (not yet, while it enters) */
  if (g_get_monotonic_time () - self->pointer_time < G_USEC_PER_SEC / 2 || self->enter_id != 0)
    return;
  self->enter_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, table_focus_entered_cb, self, NULL);
}

void
ent_pupils_page_add_table_focus (EntPupilsPage *self)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  g_signal_connect (focus, "enter", G_CALLBACK (table_focus_enter_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), focus);
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect (click, "pressed", G_CALLBACK (table_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), GTK_EVENT_CONTROLLER (click));
}

void
ent_pupils_page_add_count_keys (GtkWidget *label)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  /* before the label and its text see the keys; the tests drive it */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_object_set_data (G_OBJECT (label), "ent-cell-keys", keys);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (count_key_pressed_cb), NULL);
  gtk_widget_add_controller (label, keys);
}

void
ent_pupils_page_add_cell_focus (GtkWidget *label)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  /* the focused cell is scrolled into view, sideways too */
  g_signal_connect (focus, "enter", G_CALLBACK (cell_focus_enter_cb), NULL);
  gtk_widget_add_controller (label, focus);
}
