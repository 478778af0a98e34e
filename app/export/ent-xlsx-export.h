/* ent-xlsx-export.h: the budget workbook (SPEC section 8), written with libxlsxwriter
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ent-document.h"
#include "ent-export-error.h"

G_BEGIN_DECLS

typedef struct
{
  /* Scenarios to export, in this order (references into the document's
   * scenarios); NULL or n_scenarios == 0 exports every scenario. */
  EntScenario *const *scenarios;
  guint               n_scenarios;
  /* Generation time shown on the summary and stored as the creation date;
   * NULL means now. Tests fix it to get reproducible files. */
  GDateTime          *generated;
} EntXlsxOptions;

/* Writes the workbook of @document to @path. The file is written next to
 * @path under a temporary name and renamed into place only when complete: on
 * failure an earlier file at @path is untouched and nothing is left behind.
 * Runs under a C numeric locale for the calling thread (libxlsxwriter formats
 * numbers with the C library). Labels follow the current LC_MESSAGES.
 * @options may be NULL (all scenarios, generated now). Errors are in
 * ENT_EXPORT_ERROR and name @path. */
gboolean ent_xlsx_export (EntDocument          *document,
                          const char           *path,
                          const EntXlsxOptions *options,
                          GError              **error);

G_END_DECLS
