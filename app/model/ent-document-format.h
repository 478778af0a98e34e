/* ent-document-format.h: the names the .entbudget format gives its groups and
 * keys (SPEC 6), shared by the key-file reader, the loader and the writer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Private to app/model. Header-only: each unit uses a different part of it,
 * and static inline functions cost nothing where they are not called.
 */
#pragma once

#include <gio/gio.h>

#include "ent-document.h"
#include "ent-validate.h"

G_BEGIN_DECLS

#define ENT_GROUP_DOCUMENT    "Document"
#define ENT_GROUP_CONTRACT    "Contract"
#define ENT_GROUP_IMPUTATION  "Imputation"
/* The groups that repeat: [Tariff 2023-09-01], [School 1], [Scenario 1] */
#define ENT_PREFIX_TARIFF     "Tariff "
#define ENT_PREFIX_SCHOOL     "School "
#define ENT_PREFIX_SCENARIO   "Scenario "
/* Following the contract (SPEC 13): [Execution 2024], [AE revision 1] */
#define ENT_PREFIX_EXECUTION  "Execution "
#define ENT_PREFIX_AE_REVISION "AE revision "

/* The key of an imputation code: "chapter", "optional-nature", "specific-function"… */
static inline char *
ent_document_format_dup_imputation_key (EntLineKind       line,
                                        EntImputationPart part)
{
  static const char * const prefixes[ENT_N_LINES] = { "", "optional-", "specific-" };
  static const char * const fields[3] = { "chapter", "nature", "function" };

  return g_strconcat (prefixes[line], fields[part], NULL);
}

/* The key of a tariff's amount for @line: "base-per-pupil", "optional-per-pupil", "half-day". */
static inline const char *
ent_document_format_get_tariff_key (EntLineKind line)
{
  static const char * const keys[ENT_N_LINES] = {
    "base-per-pupil", "optional-per-pupil", "half-day"
  };

  return keys[line];
}

/* A group the writer produces from the document: what the loader keeps of
 * any other group goes back unchanged. */
static inline gboolean
ent_document_format_is_saved_group (const char *group)
{
  return g_str_equal (group, ENT_GROUP_DOCUMENT)
         || g_str_equal (group, ENT_GROUP_CONTRACT)
         || g_str_equal (group, ENT_GROUP_IMPUTATION)
         || g_str_has_prefix (group, ENT_PREFIX_TARIFF)
         || g_str_has_prefix (group, ENT_PREFIX_SCHOOL)
         || g_str_has_prefix (group, ENT_PREFIX_SCENARIO)
         || g_str_has_prefix (group, ENT_PREFIX_EXECUTION)
         || g_str_has_prefix (group, ENT_PREFIX_AE_REVISION);
}

/* "2024-01-01", as the file writes dates and names tariff groups. */
static inline char *
ent_document_format_date (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u",
                          (guint) g_date_get_year (date),
                          (guint) g_date_get_month (date),
                          (guint) g_date_get_day (date));
}

/* GKeyFile has no call to add a group: add a key, then remove it. */
static inline void
ent_document_format_add_empty_group (GKeyFile   *key_file,
                                     const char *group)
{
  if (g_key_file_has_group (key_file, group))
    return;
  g_key_file_set_value (key_file, group, "placeholder", "");
  g_key_file_remove_key (key_file, group, "placeholder", NULL);
}

/* The name messages give @file: its display name. */
static inline char *
ent_document_format_dup_file_name (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  if (basename == NULL || g_str_equal (basename, "/"))
    return g_file_get_parse_name (file);

  return g_filename_display_name (basename);
}

G_END_DECLS
