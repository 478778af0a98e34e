/* ent-import-dialog-private.h: what the dialog shows, for the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ent-import-dialog.h"

G_BEGIN_DECLS

/* The error of the last preview, or NULL. */
const char *ent_import_dialog_get_error (EntImportDialog *self);

G_END_DECLS
