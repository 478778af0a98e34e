/* ent-csv-match.h: how an import compares names, and which rows its selection keeps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Private to the model library (ent-csv-import.h is the public API, with
 * ent_csv_commune_key()).
 */
#pragma once

#include "ent-csv-import.h"

G_BEGIN_DECLS

/* Keys */

/* NFD, marks dropped, case-folded, every run of other characters made one
 * @joiner, trimmed ("" for NULL or invalid UTF-8). */
char     *ent_csv_make_key               (const char *text,
                                          char        joiner);
/* The key of a school without UAI: its commune's key and its name's. */
char     *ent_csv_name_key               (const char *commune,
                                          const char *name);
/* Control characters (line breaks inside quotes, tabs) and runs of spaces
 * become one space; trimmed. */
char     *ent_csv_clean_text             (const char *text);
/* "1000" (a leading zero lost by a spreadsheet) → "01000"; trimmed. */
char     *ent_csv_normalize_postal_code  (const char *text);
/* "059" → "59", "2a" → "2A", "971" stays. */
char     *ent_csv_normalize_departement  (const char *text);

/* The selection */

/* An EntCsvSelection made ready to match rows: empty entries dropped, each
 * list NULL-terminated (never NULL). Read the lists directly. */
typedef struct
{
  char       **commune_keys;       /* ent_csv_commune_key () of the communes */
  char       **commune_spellings;  /* trimmed, as the document will say them */
  char       **postal_codes;       /* normalized */
  char       **uais;               /* upper case */
  char       **departements;       /* normalized */
  GHashTable  *commune_cache;      /* commune as given → GINT (selection index + 1, 0: none) */
  guint       *commune_hits;       /* rows that matched each selected commune */
} EntCsvMatcher;

void      ent_csv_matcher_init           (EntCsvMatcher         *self,
                                          const EntCsvSelection *selection);
void      ent_csv_matcher_clear          (EntCsvMatcher         *self);

gboolean  ent_csv_matcher_has_communes     (EntCsvMatcher *self);
gboolean  ent_csv_matcher_has_postal_codes (EntCsvMatcher *self);
gboolean  ent_csv_matcher_has_uais         (EntCsvMatcher *self);
gboolean  ent_csv_matcher_has_departements (EntCsvMatcher *self);

/* Index + 1 of the selected commune @commune matches, 0 if none (every
 * commune asked is remembered for ent_csv_matcher_describe_closest()). */
int       ent_csv_matcher_match_commune     (EntCsvMatcher *self,
                                             const char    *commune);
gboolean  ent_csv_matcher_match_postal_code (EntCsvMatcher *self,
                                             const char    *code);
gboolean  ent_csv_matcher_match_uai         (EntCsvMatcher *self,
                                             const char    *uai);
gboolean  ent_csv_matcher_match_departement (EntCsvMatcher *self,
                                             const char    *code);

/* The commune of a selected row: the selection's spelling when it matched
 * one (@match from ent_csv_matcher_match_commune()), else @as_given. */
const char *ent_csv_matcher_spelling        (EntCsvMatcher *self,
                                             int            match,
                                             const char    *as_given);
/* The selection for a message: "Hem, 59510, 0590001A, 59". */
char     *ent_csv_matcher_describe          (EntCsvMatcher *self);
/* "“ST ANDRE LEZ LILLE”, “SAINT AMAND”…": the five communes met so far
 * closest to @key, quoted, or "" when none was met. */
char     *ent_csv_matcher_describe_closest  (EntCsvMatcher *self,
                                             const char    *key);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (EntCsvMatcher, ent_csv_matcher_clear)

G_END_DECLS
