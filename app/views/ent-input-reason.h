/* ent-input-reason.h: why a typed value was refused, shown beside the input
 * and given to screen readers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Shows @message in @reason and marks @input refused (error style, invalid
 * state, described by @reason); with @message NULL, clears that. A reason
 * label shared by several inputs is only hidden by the input that filled it. */
void ent_input_show_reason        (GtkWidget  *input,
                                   GtkLabel   *reason,
                                   const char *message);

/* Hides the icons of the buttons under @root from assistive technologies
 * (the button's name says what it does; ent_accessible_fix_mnemonics ()
 * does it too). */
void ent_accessible_hide_icons    (GtkWidget  *root);

/* Gives @widget @reason (or none) as its accessible description, which
 * ent_accessible_announce () gives back after an announcement. */
void ent_accessible_set_reason    (GtkWidget  *widget,
                                   const char *reason);

/* Hides @reason and clears the input that filled it, if any. */
void ent_input_clear_reason_label (GtkLabel   *reason);

/* Accessible names (issue 16), for GTK 4.8 */

/* @text without its mnemonic markers: "_Open" -> "Open", "a__b" -> "a_b". */
char *ent_accessible_strip_mnemonic (const char  *text);

/* GTK 4.8 copies a button's label, marker included, into its accessible
 * name ("_Open" is read "underscore Open"): gives every button and check
 * button under @root that uses an underline its label without the marker.
 * Call again after changing such a label. */
void  ent_accessible_fix_mnemonics  (GtkWidget   *root);

/* A GtkDropDown or an AdwComboRow (@chooser) as a screen reader should
 * meet it: one Tab stop (GTK 4.8 makes the item shown in its button a
 * second, unnamed one) named by its purpose and its value: @format, a
 * printf format with one %s ("Scenario: %s"), filled with @item_text of
 * the chosen item; kept up to date when the choice changes. */
void  ent_accessible_name_chooser   (GtkWidget   *chooser,
                                     const char  *format,
                                     char      *(*item_text) (gpointer item));

/* Names every GtkListBoxRow under @root by the first text it shows (GTK 4.8
 * gives a row no name of its own: a GtkStackSidebar's rows are read empty). */
void  ent_accessible_name_rows      (GtkWidget   *root);

/* The libadwaita rows under @root as fields a screen reader and the
 * keyboard meet once: an AdwEntryRow's text, an AdwActionRow's activatable
 * widget named by the row's title (without mnemonic marker), the title's
 * mnemonic leading to that field (or to an AdwComboRow itself), and an
 * AdwActionRow holding a control no Tab stop of its own. Call once the rows'
 * titles and activatable widgets are set. */
void  ent_accessible_name_fields    (GtkWidget   *root);

/* Announcements (issue 16) */

/* Has a screen reader speak @message (a changed total, an error, a file
 * written) without moving the focus: gtk_accessible_announce () on GTK 4.14
 * and later; nothing on GTK 4.8, which has no such call (show the message
 * where a screen reader finds it too: an alert banner, a named value). */
void        ent_accessible_announce              (GtkWidget  *widget,
                                                  const char *message);

/* For tests: how many messages were announced, and the last one. */
guint       ent_accessible_get_n_announcements   (void);
const char *ent_accessible_get_last_announcement (void);

G_END_DECLS
