/* ent-scdl-export.h: the budget lines as open data, in the SCDL « Budget »
 * layout of schema.data.gouv.fr (scdl/budget 0.8.3, SPEC 13)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ent-document.h"
#include "ent-export-error.h"

G_BEGIN_DECLS

/* The schema's columns, in its order. */
#define ENT_SCDL_N_COLUMNS 22
extern const char *const ent_scdl_columns[ENT_SCDL_N_COLUMNS];

/* The CSV text: a header line, then one row per budget year and budget
 * line of @scenario (NULL: the document's current scenario) whose amount is
 * not zero. UTF-8, comma-separated, CRLF line ends, dot decimals, whatever
 * the locale. Fails (ENT_EXPORT_ERROR_INVALID, translated) without a SIRET,
 * without a payer's name, or with an imputation the schema refuses (a code
 * of more than nine digits, a chapter or nature without a label in the M57
 * table); ENT_EXPORT_ERROR_BUDGET when the budget cannot be computed. */
char     *ent_scdl_build  (EntDocument  *document,
                           EntScenario  *scenario,
                           GError      **error);
/* ent_scdl_build () written to @path through ent-safe-file (atomic: on
 * failure an earlier file is untouched). Errors name @path when writing. */
gboolean  ent_scdl_export (EntDocument  *document,
                           EntScenario  *scenario,
                           const char   *path,
                           GError      **error);

G_END_DECLS
