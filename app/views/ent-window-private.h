/* ent-window-private.h: shared by ent-window.c, ent-window-actions.c and the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ent-window.h"
#include "ent-assumptions-page.h"
#include "ent-totals-bar-private.h"

G_BEGIN_DECLS

struct _EntWindow
{
  AdwApplicationWindow parent_instance;

  EntWorkspace *workspace;       /* the document and all that follows it */
  GSignalGroup *document_signals; /* on the workspace's document */
  GSettings    *settings;        /* NULL when the schema is not installed */
  GPtrArray    *drafts;          /* EntDraft offered for recovery, first shown */
  AdwToast     *undo_toast;      /* the toast offering to undo a step, or NULL */
  guint         undo_position;   /* the history's position when it was shown */
  guint         undo_toast_timeout; /* seconds (libadwaita's 5); 0: until dismissed */
  gboolean      close_confirmed;
  gboolean      guard_pending;   /* the Save / Discard / Cancel question is asked */
  GtkWindow    *guard_dialog;    /* that question's AdwMessageDialog */
  gboolean      overwrite_pending; /* "the file changed on disk: overwrite?" is asked */
  GtkWindow    *overwrite_dialog;  /* that question's AdwMessageDialog */
  gboolean      is_example;      /* the document is the bundled example, tied to no file */

  /* template */
  AdwToastOverlay *toast_overlay;
  GMenu        *recent_menu;     /* Open Recent's items */
  GtkRevealer  *recovery_revealer;
  GtkLabel     *recovery_label;
  GtkLabel     *title_label;
  GtkLabel     *subtitle_label;
  GtkRevealer  *error_revealer;
  GtkLabel     *error_label;
  GtkRevealer  *info_revealer;
  GtkLabel     *info_label;
  GtkRevealer  *budget_revealer;
  GtkLabel     *budget_label;
  GtkRevealer  *example_revealer; /* "This is an example", over the example */
  GtkStack     *content_stack;   /* "start" (start_page) or "document" (flap) */
  GtkWidget    *start_page;
  AdwFlap      *flap;            /* the page list, folded under FOLD_WIDTH */
  GtkStack     *stack;
  GtkWidget    *sidebar;
  GtkWidget    *totals_bar;
  GtkWidget    *assumptions_page;
  GtkWidget    *pupils_page;
  GtkWidget    *scenarios_page;
  GtkWidget    *budget_page;
  GtkWidget    *compare_page;
  /* the pages after the first are built after the first frame (ent-window.c) */
  gboolean      pages_built;
  guint         pages_idle;
  guint         page_focus_idle;  /* the focus into a page chosen in the folded list */
};

/* The responses of the AdwMessageDialogs: "the file was changed by another
 * program" and the unsaved-changes question. Closing either (Escape) is
 * Cancel. */
#define ENT_WINDOW_OVERWRITE_CANCEL  "cancel"
#define ENT_WINDOW_OVERWRITE_SAVE_AS "save-as"
#define ENT_WINDOW_OVERWRITE_CONFIRM "overwrite"
#define ENT_WINDOW_GUARD_CANCEL      "cancel"
#define ENT_WINDOW_GUARD_DISCARD     "discard"
#define ENT_WINDOW_GUARD_SAVE        "save"

/* What to do once unsaved changes are saved or discarded (not on Cancel). */
typedef void (*EntWindowContinueFunc) (EntWindow *self,
                                       gpointer   user_data);

/* What a file dialog chose: @file, or NULL when it was cancelled. */
typedef void (*EntWindowChosenFunc) (EntWindow *self,
                                     GFile     *file,
                                     gpointer   user_data);

void     ent_window_class_add_actions    (GtkWidgetClass        *widget_class);
void     ent_window_class_add_paperwork_actions (GtkWidgetClass *widget_class); /* ent-window-paperwork.c */
void     ent_window_update_actions       (EntWindow             *self);
/* TRUE while the start page is shown (no document of the user's yet). */
gboolean ent_window_get_start_page_shown (EntWindow             *self);
/* Calls @func at once when the document is unmodified; otherwise asks
 * Save / Discard / Cancel first. Save asks before writing over a file
 * changed on disk, as the Save action does. */
void     ent_window_confirm_discard      (EntWindow             *self,
                                          EntWindowContinueFunc  func,
                                          gpointer               user_data,
                                          GDestroyNotify         destroy);
void     ent_window_remember_document    (EntWindow             *self,
                                          GFile                 *file);
/* Open, Open Recent, a drop: @file in the window that has it, else here
 * after the unsaved-changes question. */
void     ent_window_open_document_file   (EntWindow             *self,
                                          GFile                 *file);
/* "Wednesday, March 12, 2025 at 14:32", in the user's language. */
char    *ent_window_format_date_time     (GDateTime             *time);
/* Shows @message in a toast with an Undo button that undoes the step just
 * done (and goes as soon as another step is done or undone). */
void     ent_window_show_undo_toast      (EntWindow             *self,
                                          const char            *message);

/* Asks where to write an export (ent-window-actions.c; the one save dialog
 * of every export): @title, one filter (@filter_name: @pattern and
 * @mime_type), "Export" to accept, @initial_name in @initial_folder (may be
 * NULL). Then calls @chosen with the file, @extension (".csv") added to a
 * name without it, or with NULL when cancelled. */
void     ent_window_choose_export_file   (EntWindow             *self,
                                          const char            *title,
                                          const char            *filter_name,
                                          const char            *pattern,
                                          const char            *mime_type,
                                          const char            *extension,
                                          const char            *initial_name,
                                          GFile                 *initial_folder,
                                          EntWindowChosenFunc    chosen);

/* Builds the pages not built yet (they are after the window's first frame,
 * or when one is shown): their fields are NULL until then. */
void     ent_window_ensure_pages         (EntWindow             *self);

/* What the banners show, for the tests: the error message, or NULL; the
 * recovery offer's text, or NULL when nothing is offered. */
const char *ent_window_get_error_message    (EntWindow *self);
const char *ent_window_get_recovery_message (EntWindow *self);

G_END_DECLS
