/* ent-pupils-page-private.h: shared by ent-pupils-page.c and
 * ent-pupils-page-keys.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ent-pupils-grid.h"
#include "ent-pupils-page.h"

G_BEGIN_DECLS

/* Object data keys of the cells (the GUI tests find cells through them). */
#define CELL_KEY "ent-pupils-cell"

typedef enum
{
  CELL_NAME,
  CELL_UAI,
  CELL_COMMUNE,
  CELL_COUNT,
  CELL_OPENS,
  CELL_CLOSES,
} CellKind;

/* Each cell widget carries one of these (object data CELL_KEY). */
typedef struct
{
  EntPupilsPage  *page;        /* unowned: the page outlives its cells */
  CellKind        kind;
  int             school_year; /* CELL_COUNT only */
  EntSchool      *school;      /* bound school (the list item holds it), or NULL */
  gboolean        is_total;    /* bound to the totals row */
  GBinding       *binding;
  EntPupilsCount *count;       /* CELL_COUNT while bound: a reference */
  gulong          notify_id;   /* on count */
  gulong          name_id;     /* on school's "name": the accessible label names it */
} Cell;

struct _EntPupilsPage
{
  GtkWidget          parent_instance;

  /* template */
  GtkColumnView     *column_view;
  GtkColumnViewColumn *name_column;
  GtkColumnViewColumn *uai_column;
  GtkColumnViewColumn *commune_column;
  GtkColumnViewColumn *level_column;
  GtkColumnViewColumn *opens_column;
  GtkColumnViewColumn *closes_column;
  GtkSingleSelection *selection;
  GtkButton         *remove_button;
  GtkButton         *rename_button;
  GtkRevealer       *error_revealer;
  GtkLabel          *error_label;

  EntPupilsGrid     *grid;            /* the rows shown */
  GPtrArray         *year_columns;    /* GtkColumnViewColumn, one per school year */
  int                columns_first_school_year; /* of year_columns[0] */
  GHashTable        *name_cells;      /* bound name widgets (set) */
  GHashTable        *count_cells;     /* bound count widgets of the schools (set) */
  GHashTable        *total_cells;     /* bound count widgets of the totals row (set) */

  /* keyboard moves (spreadsheet-like): the cell to focus once its row is on
   * screen, and the pending scroll that shows the focused cell */
  EntSchool         *focus_school;
  int                focus_school_year;
  gboolean           focus_name;      /* the name cell, to edit, not a count */
  guint              focus_tick_id;
  guint              focus_tries;
  guint              scroll_id;

  /* the count that Tab enters the table at: the last one focused (a
   * reference; NULL: the first school's first count); when the pointer
   * last pressed in the table (a click is not a Tab) */
  EntSchool         *current_school;
  int                current_year;
  gint64             pointer_time;
  guint              enter_id;

  /* the block of counts selected with Shift+arrows, from its anchor (the
   * count it started from) to its extent (the focused count); none while
   * block_anchor is NULL */
  EntSchool         *block_anchor;
  int                block_anchor_year;
  EntSchool         *block_extent;
  int                block_extent_year;
};

static inline Cell *
get_cell (GtkWidget *widget)
{
  return g_object_get_data (G_OBJECT (widget), CELL_KEY);
}

/* ent-pupils-page.c */
void      ent_pupils_page_show_error       (EntPupilsPage  *self,
                                            const char     *message);
void      ent_pupils_page_hide_error       (EntPupilsPage  *self);
void      ent_pupils_page_set_cell_refused (EntPupilsPage  *self,
                                            GtkWidget      *widget,
                                            const char     *reason);
char     *ent_pupils_page_dup_cell_text    (GtkWidget      *widget);
gboolean  ent_pupils_page_is_shown_text    (Cell           *cell,
                                            const char     *text);
gboolean  ent_pupils_page_parse_count      (const char     *text,
                                            gint64         *out_count,
                                            char          **out_reason);

/* ent-pupils-page-keys.c */
gboolean  ent_pupils_page_check_count      (EntSchool      *school,
                                            int             school_year,
                                            const char     *text,
                                            gboolean       *out_clear,
                                            gint64         *out_count,
                                            char          **out_reason);
void      ent_pupils_page_apply_count      (EntPupilsPage  *self,
                                            EntSchool      *school,
                                            int             school_year,
                                            gboolean        clear,
                                            gint64          count);
/* The spreadsheet keys of a count cell (a key controller in the capture
 * phase, object data "ent-cell-keys" for the tests). */
void      ent_pupils_page_add_count_keys   (GtkWidget      *label);
/* Scrolls a cell into view, sideways too, when it gets the focus. */
void      ent_pupils_page_add_cell_focus   (GtkWidget      *label);
/* The table's own keys and focus: one Tab stop for the whole table. */
void      ent_pupils_page_add_table_focus  (EntPupilsPage  *self);
/* The keys of the cells other than a school's counts (and of those too,
 * after theirs): arrows along the row, Tab out of the table. */
void      ent_pupils_page_add_table_keys   (EntPupilsPage  *self,
                                            GtkWidget      *widget);
/* Shows whether a count cell just bound is in the selected block. */
void      ent_pupils_page_show_cell_block  (GtkWidget      *label);
void      ent_pupils_page_clear_block      (EntPupilsPage  *self);
/* Scrolls to the school at @position and edits its name (a new school). */
void      ent_pupils_page_edit_school_name (EntPupilsPage  *self,
                                            guint           position);

G_END_DECLS
