/* ent-test-gtk-utils.h: helpers the GUI tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Waiting for frames, showing and destroying windows, finding widgets and
 * acting on them as a user would, saving what is shown as a PNG. Every
 * wait is a guard against a hang (minutes), never a measure.
 */
#pragma once

#include <gtk/gtk.h>

#include "ent-test-utils.h"

G_BEGIN_DECLS

typedef gboolean (*EntTestWidgetMatch) (GtkWidget     *widget,
                                        gconstpointer  data);

/* The start of every GUI test program: the locale and the translations
 * (ENT_BUDGET_LOCALEDIR: run in another language before installing, e.g.
 * ENT_BUDGET_LOCALEDIR=build/po LC_ALL=fr_FR.UTF-8 LANGUAGE=fr),
 * g_test_init (), GTK, and no animations (pages are captured when shown,
 * not halfway through a crossfade). FALSE without a display, after printing
 * the TAP line that skips the program. */
gboolean   ent_test_gtk_init             (int                *argc,
                                          char             ***argv);

/* Waiting */
void       ent_test_wait_for_frame       (GtkWidget          *widget);
GtkWidget *ent_test_show_in_window      (GtkWidget          *child,
                                          int                 width,
                                          int                 height);
void       ent_test_destroy_shown_window (GtkWidget          *window,
                                          guint               wait_ms);
void       ent_test_wait_for_frames      (GtkWidget          *widget,
                                          guint               n_frames);
void       ent_test_settle               (GtkWidget          *widget);
void       ent_test_run_for              (guint               ms);

/* Windows */
gpointer   ent_test_present              (gpointer            window);
void       ent_test_destroy_window       (gpointer            window);
void       ent_test_save_png             (GtkWidget          *widget,
                                          const char         *name);

/* Finding widgets */
gpointer   ent_test_template_child       (gpointer            widget,
                                          GType               type,
                                          const char         *name);
GtkWidget *ent_test_find_widget          (GtkWidget          *root,
                                          EntTestWidgetMatch  match,
                                          gconstpointer       data);
/* TRUE when @root or a widget under it has the accessible LABEL @label */
gboolean   ent_test_has_accessible_label (GtkWidget          *root,
                                          const char         *label);
gpointer   ent_test_find_by_id           (GtkWidget          *root,
                                          const char         *id);
void       ent_test_collect_list_entries (GtkWidget          *root,
                                          int                 column,
                                          GPtrArray          *out);

/* Acting */
void       ent_test_click                (GtkWidget          *button);
void       ent_test_type_into_label      (GtkWidget          *widget,
                                          const char         *text);

/* The keyboard: real key presses through the X server (its XTEST
 * extension), delivered by GTK as a user's are: to the focused widget of
 * @widget's window, through every controller, shortcut and accelerator on
 * the way. The X input focus is given to that window first (no window
 * manager under Xvfb). FALSE from ent_test_keyboard_available () when the
 * display is not X11 or libXtst is missing: the caller skips. */
gboolean   ent_test_keyboard_available   (void);
void       ent_test_press_key            (GtkWidget          *widget,
                                          guint               keyval,
                                          GdkModifierType     modifiers);
void       ent_test_type_text            (GtkWidget          *widget,
                                          const char         *text);
GtkWidget *ent_test_get_focus            (GtkWidget          *widget);
gboolean   ent_test_focus_is_in          (GtkWidget          *widget,
                                          GtkWidget          *target);
gboolean   ent_test_tab_to               (GtkWidget          *target,
                                          guint               max_presses);

G_END_DECLS
