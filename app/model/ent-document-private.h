/* ent-document-private.h: what the key-file loader needs beyond the public API
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ent-document.h"

G_BEGIN_DECLS

/* Unknown groups and keys met on load, written back on save (never NULL). */
GKeyFile *ent_document_get_extras     (EntDocument *self);
void      ent_document_add_load_warning (EntDocument *self,
                                         const char  *warning);

G_END_DECLS
