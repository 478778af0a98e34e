/* ent-pdf-export.h: the one-page summary (A4 PDF), drawn with cairo and pango
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ent-document.h"
#include "ent-export-error.h"

G_BEGIN_DECLS

typedef struct
{
  /* Index of the scenario the others are compared with (the differences row);
   * out of range means the first. */
  guint      reference;
  /* Date printed on the page and stored as the creation date; NULL means now.
   * Tests fix it to get reproducible files. */
  GDateTime *generated;
} EntPdfOptions;

/* Writes the one-page summary of @document to @path: title (payer, contract),
 * the assumptions, the year × scenario table with the differences, the yearly
 * totals chart, the sensitivity to pupil numbers (table and chart), the date
 * and the application version. Labels follow the current LC_MESSAGES, amounts
 * the current locale. The file is written next to @path under a temporary name
 * and renamed into place only when complete: on failure an earlier file at
 * @path is untouched and nothing is left behind. @options may be NULL. Errors
 * are in ENT_EXPORT_ERROR and name @path. */
gboolean ent_pdf_export (EntDocument          *document,
                         const char           *path,
                         const EntPdfOptions  *options,
                         GError              **error);

G_END_DECLS
