/* ent-export-error.h: the error domain of the exporters (XLSX, PDF)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define ENT_EXPORT_ERROR (ent_export_error_quark ())

typedef enum
{
  ENT_EXPORT_ERROR_BUDGET,      /* the budget cannot be computed (message from the model) */
  ENT_EXPORT_ERROR_IO,          /* the target or its temporary file cannot be written */
  ENT_EXPORT_ERROR_WRITER,      /* the writer library refused (libxlsxwriter's message) */
  ENT_EXPORT_ERROR_INVALID,     /* a bad option (an unknown scenario, ...) */
} EntExportError;

GQuark ent_export_error_quark (void);

G_END_DECLS
