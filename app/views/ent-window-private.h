/* ent-window-private.h: shared by ent-window.c and ent-window-actions.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ent-window.h"
#include "ent-assumptions-page.h"
#include "ent-totals-bar.h"

G_BEGIN_DECLS

struct _EntWindow
{
  GtkApplicationWindow parent_instance;

  EntDocument  *document;
  EntScenario  *scenario;
  EntBudget    *budget;
  GSettings    *settings;        /* NULL when the schema is not installed */
  guint         recompute_id;
  gboolean      close_confirmed;
  gboolean      guard_pending;   /* the Save / Discard / Cancel question is asked */
  GtkWindow    *guard_dialog;    /* that question's dialog (GTK < 4.10) */
  gboolean      overwrite_pending; /* "the file changed on disk: overwrite?" is asked */
  GtkWindow    *overwrite_dialog;  /* that question's dialog (GTK < 4.10) */

  /* template */
  GtkLabel     *title_label;
  GtkLabel     *subtitle_label;
  GtkRevealer  *error_revealer;
  GtkLabel     *error_label;
  GtkRevealer  *info_revealer;
  GtkLabel     *info_label;
  GtkRevealer  *budget_revealer;
  GtkLabel     *budget_label;
  GtkStack     *stack;
  GtkWidget    *sidebar;
  GtkWidget    *totals_bar;
  GtkWidget    *assumptions_page;
  GtkWidget    *pupils_page;
  GtkWidget    *scenarios_page;
  GtkWidget    *budget_page;
  GtkWidget    *compare_page;
};

/* The answers to "the file was changed by another program" as responses of
 * its GtkMessageDialog (GTK < 4.10); closing it is Cancel. */
typedef enum
{
  ENT_WINDOW_OVERWRITE_CANCEL  = GTK_RESPONSE_CANCEL,
  ENT_WINDOW_OVERWRITE_SAVE_AS = 1,
  ENT_WINDOW_OVERWRITE_CONFIRM = 2,
} EntWindowOverwriteResponse;

/* What to do once unsaved changes are saved or discarded (not on Cancel). */
typedef void (*EntWindowContinueFunc) (EntWindow *self,
                                       gpointer   user_data);

void     ent_window_class_add_actions    (GtkWidgetClass        *widget_class);
void     ent_window_update_actions       (EntWindow             *self);
/* Calls @func at once when the document is unmodified; otherwise asks
 * Save / Discard / Cancel first. Save asks before writing over a file
 * changed on disk, as the Save action does. */
void     ent_window_confirm_discard      (EntWindow             *self,
                                          EntWindowContinueFunc  func,
                                          gpointer               user_data,
                                          GDestroyNotify         destroy);
void     ent_window_remember_document    (EntWindow             *self,
                                          GFile                 *file);

G_END_DECLS
