/* ent-csv-reader.h: the bytes of an import file as CSV records, and its messages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Private to the model library (ent-csv-import.h is the public API).
 */
#pragma once

#include <glib.h>

#include "ent-error.h"

G_BEGIN_DECLS

/* One file being read. Fill it with ent_csv_reader_init(), read it through
 * the functions below, clear it with ent_csv_reader_clear() (g_auto works).
 * A record's fields are trimmed of ASCII spaces. */
typedef struct
{
  const char *name;         /* display name, for messages */
  char       *decoded;      /* the text converted from Windows-1252, or NULL */
  const char *p;
  const char *end;
  char        separator;
  int         line;         /* physical line at p */

  /* current record: NUL-terminated fields one after another in buf */
  GString    *buf;
  GArray     *offsets;      /* guint */
  int         record_line;  /* line where the current record starts */

  GPtrArray  *warnings;     /* char *: "FILE:LINE: …", translated */
} EntCsvReader;

/* Takes the text of @bytes (at most ENT_CSV_IMPORT_MAX_SIZE): UTF-8 with or
 * without BOM, else Windows-1252 with a warning; the separator is ';' unless
 * the first line has none and has a tab or ','. @name (nullable: "?") must
 * outlive the reader, and so must @bytes. */
gboolean     ent_csv_reader_init           (EntCsvReader  *self,
                                            GBytes        *bytes,
                                            const char    *name,
                                            GError       **error);
void         ent_csv_reader_clear          (EntCsvReader  *self);

/* Reads the next record that is not blank; *out_got is FALSE at the end of
 * the input. */
gboolean     ent_csv_reader_next           (EntCsvReader  *self,
                                            gboolean      *out_got,
                                            GError       **error);
guint        ent_csv_reader_get_n_fields   (EntCsvReader  *self);
/* Field @index of the current record, "" when the record is shorter. */
const char  *ent_csv_reader_get_field      (EntCsvReader  *self,
                                            int            index);

/* Sets @error to "FILE:LINE: column “COLUMN”: DETAIL", or "FILE:LINE: DETAIL"
 * when @column is NULL. Returns FALSE. */
gboolean     ent_csv_reader_fail_at        (EntCsvReader  *self,
                                            GError       **error,
                                            EntModelError  code,
                                            int            line,
                                            const char    *column,
                                            const char    *format,
                                            ...) G_GNUC_PRINTF (6, 7);
/* Keeps "FILE:LINE: DETAIL" (line 0: "FILE: DETAIL") for the preview and the report. */
void         ent_csv_reader_warn           (EntCsvReader  *self,
                                            int            line,
                                            const char    *format,
                                            ...) G_GNUC_PRINTF (3, 4);
/* The warnings so far, NULL-terminated (the reader keeps none). */
char       **ent_csv_reader_steal_warnings (EntCsvReader  *self);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (EntCsvReader, ent_csv_reader_clear)

G_END_DECLS
