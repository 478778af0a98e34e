/* ent-import-dialog.h: import pupil counts from a CSV file into a document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ent-document.h"

G_BEGIN_DECLS

#define ENT_TYPE_IMPORT_DIALOG (ent_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (EntImportDialog, ent_import_dialog, ENT, IMPORT_DIALOG, GtkWindow)

/* Properties: "document" and "file" (construct-only), "busy" (read-only: the
 * file is being read), "can-import" (read-only: a preview succeeded and has
 * something to change). Signal "imported" (guint: counts added or changed),
 * emitted once the import is applied, just before the dialog closes.
 *
 * Actions: "import.preview" reads @file with the communes, postal codes and
 * private-school choice shown (in a thread) and lists what would change;
 * "import.apply" applies that preview to the document. */
EntImportDialog *ent_import_dialog_new            (GtkWindow       *parent,
                                                   EntDocument     *document,
                                                   GFile           *file);
EntDocument     *ent_import_dialog_get_document   (EntImportDialog *self);
GFile           *ent_import_dialog_get_file       (EntImportDialog *self);
gboolean         ent_import_dialog_get_busy       (EntImportDialog *self);
gboolean         ent_import_dialog_get_can_import (EntImportDialog *self);

G_END_DECLS
