/* ent-text.h: text that came from a document, a CSV file or the command line,
 * made safe for where it goes (SPEC 10.5: text is data, never code or control)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The separators of a list typed by a person (--commune, --postal-code, the
 * import dialog): a comma or a semicolon. */
#define ENT_TEXT_LIST_SEPARATORS ",;"

/* A list: "Hem, Roubaix;Wattrelos" → { "Hem", "Roubaix", "Wattrelos" } with
 * ENT_TEXT_LIST_SEPARATORS. Items are separated by any ASCII character of
 * @separators, trimmed of white space (Unicode spaces too: U+00A0, U+202F),
 * and empty items are dropped. Returns NULL when @text (may be NULL) holds no
 * item. */
char   **ent_text_split_list        (const char *text,
                                     const char *separators);

/* @text for a terminal: every C0 control character, DEL and every C1 control
 * character (U+0080–U+009F) is shown as a visible escape "\x1b"; bytes that are
 * not UTF-8 become U+FFFD. With @keep_newlines, '\n' stays (a message of
 * several lines); otherwise it is escaped too (a name, a table cell). */
char    *ent_text_escape_controls   (const char *text,
                                     gboolean    keep_newlines);

/* Appends @text as one CSV text field separated by @separator: a field that a
 * spreadsheet would take for a formula (starting with '=', '+', '-', '@', a
 * tab or a carriage return) is prefixed with "'" (SPEC 10.5), and a field
 * holding @separator, a quote, a newline or a carriage return is quoted, its
 * quotes doubled (RFC 4180). Only for text fields: numbers the program
 * writes itself ("-12.50") are appended as they are. */
void     ent_text_append_csv_field  (GString    *out,
                                     const char *text,
                                     char        separator);

G_END_DECLS
