/* ent-csv-import-private.h: the parsed import, as the csv unit shares it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built by the parser (ent-csv-parse.c), read by the merge
 * (ent-csv-merge.c) and the public accessors (ent-csv-import.c).
 * Private to the model library.
 */
#pragma once

#include "ent-csv-import.h"

G_BEGIN_DECLS

struct _EntCsvImport
{
  EntCsvFormat  format;
  guint         n_schools;
  EntCsvSchool *schools;
  guint         n_private_skipped;
  gboolean      keep_unmatched;   /* the selection's: merging keeps the schools without UAI */
  char        **warnings;         /* NULL-terminated */
};

G_END_DECLS
