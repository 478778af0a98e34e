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

/* ent-document-equal.c: equality of everything saved (ent_document_equal ()
 * and undo's replace_content () keep the objects these find equal). */
typedef gboolean (*EntItemsEqualFunc) (gpointer a,
                                       gpointer b);
gboolean  ent_date_equal_or_invalid     (const GDate     *a,
                                         const GDate     *b);
gboolean  ent_contract_equal            (EntContract     *a,
                                         EntContract     *b);
gboolean  ent_tariff_period_equal       (EntTariffPeriod *a,
                                         EntTariffPeriod *b);
gboolean  ent_school_equal              (EntSchool       *a,
                                         EntSchool       *b);
gboolean  ent_scenario_equal            (EntScenario     *a,
                                         EntScenario     *b);
gboolean  ent_list_models_equal         (GListModel      *a,
                                         GListModel      *b,
                                         EntItemsEqualFunc equal);
/* The same groups, keys and values, in any order. */
gboolean  ent_key_files_equal           (GKeyFile        *a,
                                         GKeyFile        *b);

G_END_DECLS
