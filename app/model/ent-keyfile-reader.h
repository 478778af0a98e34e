/* ent-keyfile-reader.h: the typed reading of a .entbudget key file, with
 * errors that name the file, the line, the group and the key (SPEC 6)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Private to app/model: the document loader is its one user. Every read_*
 * call returns FALSE with an ENT_MODEL_ERROR "FILE:LINE: [GROUP] KEY: DETAIL";
 * a key that is absent is not an error unless the call says "required".
 */
#pragma once

#include <glib.h>

#include "ent-error.h"

G_BEGIN_DECLS

typedef struct _EntKeyfileReader EntKeyfileReader;

/* A rule of ent-validate.h on a whole number. */
typedef gboolean (*EntIntegerRule) (gint64   value,
                                    GError **error);

/* Parses @bytes (kept until the reader is freed) and checks the groups: NULL
 * with an error naming @display_name (and the line) when the text is too
 * large, binary, not UTF-8, empty, not a key file, or repeats a group. */
EntKeyfileReader *ent_keyfile_reader_new                (GBytes            *bytes,
                                                         const char        *display_name,
                                                         GError           **error);
void              ent_keyfile_reader_free               (EntKeyfileReader  *self);

const char       *ent_keyfile_reader_get_name           (EntKeyfileReader  *self);
GKeyFile         *ent_keyfile_reader_get_key_file       (EntKeyfileReader  *self);
/* Every group, in file order (owned by the reader). */
char            **ent_keyfile_reader_get_groups         (EntKeyfileReader  *self);

/* The line of @key (may be NULL) in @group, else of the group header, else 0. */
int               ent_keyfile_reader_lookup_line        (EntKeyfileReader  *self,
                                                         const char        *group,
                                                         const char        *key);
/* The keys of @group, in file order; NULL with an error when one is written
 * twice (GKeyFile keeps the last value silently). Call it before reading any
 * value of the group. */
GStrv             ent_keyfile_reader_dup_group_keys     (EntKeyfileReader  *self,
                                                         const char        *group,
                                                         GError           **error);

/* "FILE:LINE: [GROUP] KEY: DETAIL", or "FILE:LINE: [GROUP]: DETAIL" when @key
 * is NULL. Always returns FALSE. */
gboolean          ent_keyfile_reader_fail               (EntKeyfileReader  *self,
                                                         GError           **error,
                                                         EntModelError      code,
                                                         const char        *group,
                                                         const char        *key,
                                                         const char        *format,
                                                         ...) G_GNUC_PRINTF (6, 7);
/* The reason a rule of ent-validate.h gave, placed at @group and @key. */
gboolean          ent_keyfile_reader_fail_rule          (EntKeyfileReader  *self,
                                                         GError           **error,
                                                         const char        *group,
                                                         const char        *key,
                                                         GError            *reason);

/* Free text (codes): escapes decoded, nothing else changed. */
gboolean          ent_keyfile_reader_read_text          (EntKeyfileReader  *self,
                                                         const char        *group,
                                                         const char        *key,
                                                         char             **out_value,
                                                         GError           **error);
/* A name or a label that ent_validate_name () accepts. */
gboolean          ent_keyfile_reader_read_name          (EntKeyfileReader  *self,
                                                         const char        *group,
                                                         const char        *key,
                                                         char             **out_value,
                                                         GError           **error);
/* A structured value (number, date, keyword, list): blanks around removed. */
gboolean          ent_keyfile_reader_read_string        (EntKeyfileReader  *self,
                                                         const char        *group,
                                                         const char        *key,
                                                         char             **out_value,
                                                         GError           **error);
gboolean          ent_keyfile_reader_read_required_string (EntKeyfileReader  *self,
                                                           const char        *group,
                                                           const char        *key,
                                                           char             **out_value,
                                                           GError           **error);
/* Required: a whole number that @rule accepts. */
gboolean          ent_keyfile_reader_read_integer       (EntKeyfileReader  *self,
                                                         const char        *group,
                                                         const char        *key,
                                                         EntIntegerRule     rule,
                                                         gint64            *out,
                                                         GError           **error);
/* A tariff amount in cents that ent_validate_tariff_amount () accepts. */
gboolean          ent_keyfile_reader_read_amount        (EntKeyfileReader  *self,
                                                         const char        *group,
                                                         const char        *key,
                                                         gboolean           required,
                                                         gint64            *out,
                                                         GError           **error);
/* A percentage in basis points within [@min_bp, @max_bp]; *@out unchanged
 * when absent or empty. */
gboolean          ent_keyfile_reader_read_percent       (EntKeyfileReader  *self,
                                                         const char        *group,
                                                         const char        *key,
                                                         gint64             min_bp,
                                                         gint64             max_bp,
                                                         gint64            *out,
                                                         GError           **error);
/* Required: a date within the bounds of ent_validate_date (). */
gboolean          ent_keyfile_reader_read_date          (EntKeyfileReader  *self,
                                                         const char        *group,
                                                         const char        *key,
                                                         GDate             *out_date,
                                                         GError           **error);
/* "opens=" / "closes=": *@out unchanged when absent or empty, else a school year. */
gboolean          ent_keyfile_reader_read_optional_school_year (EntKeyfileReader  *self,
                                                                const char        *group,
                                                                const char        *key,
                                                                gint64            *out,
                                                                GError           **error);
/* One "YEAR:COUNT" item of the list in @key: a year @year_rule accepts, a
 * count @count_rule accepts. */
gboolean          ent_keyfile_reader_parse_year_count   (EntKeyfileReader  *self,
                                                         const char        *group,
                                                         const char        *key,
                                                         const char        *item,
                                                         EntIntegerRule     year_rule,
                                                         EntIntegerRule     count_rule,
                                                         int               *out_year,
                                                         gint64            *out_count,
                                                         GError           **error);

/* Parse helpers for the values read above */

/* @text cut after a few dozen characters, for a message quoting it. */
char             *ent_keyfile_reader_dup_excerpt        (const char        *text);
/* "2023", "-5": optional sign and digits only. */
gboolean          ent_keyfile_reader_is_integer_syntax  (const char        *text);
/* Reads @text (integer syntax, checked before); FALSE when it does not fit in 64 bits. */
gboolean          ent_keyfile_reader_parse_whole        (const char        *text,
                                                         gint64            *out);
/* "2024-01-01"; "2023-9-1" is accepted and means 2023-09-01. */
gboolean          ent_keyfile_reader_parse_date         (const char        *text,
                                                         GDate             *out_date);
/* "A:B; C:D" → { "A:B", "C:D" }: never NULL. */
GStrv             ent_keyfile_reader_split_list         (const char        *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EntKeyfileReader, ent_keyfile_reader_free)

G_END_DECLS
