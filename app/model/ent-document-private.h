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

/* The stamp of @file as it is on disk now: modification time to the
 * nanosecond, size, device and inode (symbolic links followed). NULL with a
 * G_IO_ERROR (G_IO_ERROR_NOT_FOUND when it does not exist) on failure.
 * @out_modified (optional): the modification time, in local time. */
char     *ent_document_query_file_stamp (GFile        *file,
                                         GDateTime   **out_modified,
                                         GError      **error);
/* Set by the loader and by ent_document_save() (NULL: unknown). */
void      ent_document_set_file_stamp   (EntDocument  *self,
                                         const char   *stamp);

G_END_DECLS
