/* ent-xlsx-export-private.h: what the benchmark and the tests need beyond the public API
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ent-xlsx-export.h"
#include "ent-xlsx-writer.h"

G_BEGIN_DECLS

/* ent_xlsx_export() that also hands back every cell written (EntXlsxCell, in
 * writing order) and the sheet names (in workbook order), so that a benchmark
 * can write exactly the same cells through a bare loop. */
gboolean ent_xlsx_export_recorded (EntDocument          *document,
                                   const char           *path,
                                   const EntXlsxOptions *options,
                                   GArray              **out_cells,
                                   GStrv                *out_sheet_names,
                                   GError              **error);

G_END_DECLS
