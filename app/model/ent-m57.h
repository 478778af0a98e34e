/* ent-m57.h: the labels of the M57 chart of accounts the app proposes, and
 * which chapter a nature belongs to (SPEC 5 and 13)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The table is data/accounts/m57-YEAR.ini, compiled into the model library:
 * the CLI, the exporters and the window read the same labels. It holds the
 * accounts a commune meets for this expense, not the whole chart: a code it
 * does not hold has no label (NULL), which is not an error.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  ENT_ACCOUNT_CHAPTER,
  ENT_ACCOUNT_NATURE,
  ENT_ACCOUNT_FUNCTION,
} EntAccountKind;

/* The year of the chart the table follows ("2025"). */
const char *ent_m57_get_year            (void);

/* The chart's label of @code ("65548" → "Autres contributions"), or NULL when
 * the table does not hold it (or @code is NULL or empty). */
const char *ent_m57_get_label           (EntAccountKind  kind,
                                         const char     *code);

/* "65548 – Autres contributions"; the code alone when the table has no label;
 * "" for a NULL or empty code (a function left empty). */
char       *ent_m57_format              (EntAccountKind  kind,
                                         const char     *code);

/* The chapter that holds @nature by the chart's nature prefixes ("611" →
 * "011", "65548" → "65"), or NULL when no chapter of the table holds it. */
const char *ent_m57_get_nature_chapter  (const char     *nature);

/* FALSE with a translated ENT_MODEL_ERROR_INVALID_VALUE when @nature belongs,
 * by the chart, to another chapter than @chapter (611 outside 011, 6554x
 * outside 65). TRUE when they agree, and when the table cannot tell (a nature
 * no chapter of the table holds): a flag is only raised on a known mismatch. */
gboolean    ent_m57_check_imputation    (const char     *chapter,
                                         const char     *nature,
                                         GError        **error);

G_END_DECLS
