/* ent-window.h: the main window, one per document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ent-budget.h"
#include "ent-document.h"
#include "ent-workspace.h"

G_BEGIN_DECLS

#define ENT_TYPE_WINDOW (ent_window_get_type ())
G_DECLARE_FINAL_TYPE (EntWindow, ent_window, ENT, WINDOW, AdwApplicationWindow)

/* Property: "workspace" (EntWorkspace, read-only, the window's for its whole
 * life): the document, the scenario shown (driven by the Scenarios page's
 * selection), the last good budget, undo and redo, the draft. The pages and
 * the totals bar bind to it in ui/ent-window.ui. The functions below that
 * take a document or a budget are shortcuts to it. */
EntWindow   *ent_window_new                (GtkApplication *application,
                                            EntDocument    *document);
EntWorkspace *ent_window_get_workspace     (EntWindow      *self);
EntDocument *ent_window_get_document       (EntWindow      *self);
/* Replaces the document without asking (see the actions for the guard). */
void         ent_window_set_document       (EntWindow      *self,
                                            EntDocument    *document);
EntScenario *ent_window_get_scenario       (EntWindow      *self);
void         ent_window_set_scenario       (EntWindow      *self,
                                            EntScenario    *scenario);
EntBudget   *ent_window_get_budget         (EntWindow      *self);
/* Runs a pending recomputation now (it normally runs before the next frame). */
void         ent_window_flush              (EntWindow      *self);

/* Loads @file and replaces the document on success; on failure the document is
 * unchanged and the error is shown in the window as well as returned. */
gboolean     ent_window_load_file          (EntWindow      *self,
                                            GFile          *file,
                                            GError        **error);
/* Saves to @file (which becomes the document's file); errors are shown too. */
gboolean     ent_window_save_to_file       (EntWindow      *self,
                                            GFile          *file,
                                            GError        **error);
/* Writes the XLSX workbook of the current document; errors are shown too. */
gboolean     ent_window_export_to_file     (EntWindow      *self,
                                            GFile          *file,
                                            GError        **error);
/* Writes the one-page PDF summary of the current document; errors are shown too. */
gboolean     ent_window_export_pdf_to_file (EntWindow      *self,
                                            GFile          *file,
                                            GError        **error);
/* Opens the dialog that imports pupil counts from the CSV @file into the
 * current document (modal; it closes itself). Returns it (transfer none). */
GtkWindow   *ent_window_open_import_dialog (EntWindow      *self,
                                            GFile          *file);
/* Shows @message in the window's error banner (NULL hides it). */
void         ent_window_show_error         (EntWindow      *self,
                                            const char     *message);
/* Shows a confirmation (NULL hides it); an error hides it. */
void         ent_window_show_info          (EntWindow      *self,
                                            const char     *message);

/* Offers the drafts left by a crash (SPEC 11), newest first, in a banner:
 * Recover opens one (marked modified, tied to its file) in this window when
 * its document is unmodified, else in a new window; Delete removes it.
 * Returns how many are offered. The application calls it for its first
 * window. */
guint        ent_window_offer_recovery     (EntWindow      *self);
/* Opens files as a drop does: a CSV file in the import dialog, anything
 * else as a document (in the window that has it open, or here after the
 * unsaved-changes question). */
void         ent_window_open_files         (EntWindow      *self,
                                            GFile         **files,
                                            guint           n_files);

/* The page shown when the window starts with no document of the user's
 * (first start): what the application does, and the example, a new
 * document, Open and the CSV import. Any document put in the window (those
 * actions, a drop, a recovered draft) replaces it. */
void         ent_window_show_start_page    (EntWindow      *self);
/* Shows @document (NULL: a fresh copy of the bundled Hem example) as an
 * example: tied to no file (Save asks for a name, so the example is never
 * overwritten), "Example" under the title, and a banner that says so. */
void         ent_window_show_example       (EntWindow      *self,
                                            EntDocument    *document);
/* TRUE when @file is in the bundled examples' folder (the source tree's
 * data/examples, beside ent-budget-examples.gresource.xml). */
gboolean     ent_window_file_is_example    (GFile          *file);

G_END_DECLS
