/* ent-school.h: a school, its commune and its known pupil counts per school year
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "ent-enum-types.h"

G_BEGIN_DECLS

#define ENT_MAX_PUPILS_PER_SCHOOL 100000

/* Where a known count comes from (SPEC 3). A count with no recorded source
 * (documents written before sources existed, counts typed in the window) is
 * MANUAL: only the import says OPEN_DATA. */
typedef enum
{
  ENT_COUNT_SOURCE_MANUAL,     /* typed or edited by a person */
  ENT_COUNT_SOURCE_OPEN_DATA,  /* imported from the Ministry's dataset */
} EntCountSource;

/* The kind of school (SPEC 5: functions 211 « Écoles maternelles » and 212
 * « Écoles primaires »): what splits the base line between the two when the
 * document asks for it. UNKNOWN until given by the file, the import or the
 * user. */
typedef enum
{
  ENT_SCHOOL_LEVEL_UNKNOWN,
  ENT_SCHOOL_LEVEL_MATERNELLE,   /* function 211 */
  ENT_SCHOOL_LEVEL_ELEMENTAIRE,  /* function 212 */
  ENT_SCHOOL_LEVEL_PRIMAIRE,     /* maternelle and élémentaire classes: function 212 */
} EntSchoolLevel;

/* "opens" / "closes" unset */
#define ENT_SCHOOL_YEAR_NONE 0

#define ENT_TYPE_SCHOOL (ent_school_get_type ())
G_DECLARE_FINAL_TYPE (EntSchool, ent_school, ENT, SCHOOL, GObject)

/* Properties: "name", "uai" (8 characters or empty), "commune", "commune-insee"
 * (strings), "opens" and "closes" (school years, ENT_SCHOOL_YEAR_NONE when
 * unset: SPEC 3, the school has pupils in opens <= S < closes only). Known
 * counts are keyed by school year S (the rentrée of September S), each with
 * its source. Signal "changed" on any change, counts included. */
EntSchool  *ent_school_new                (const char *name,
                                           const char *commune);
const char *ent_school_get_name           (EntSchool  *self);
void        ent_school_set_name           (EntSchool  *self,
                                           const char *name);
const char *ent_school_get_uai            (EntSchool  *self);
void        ent_school_set_uai            (EntSchool  *self,
                                           const char *uai);
const char *ent_school_get_commune        (EntSchool  *self);
void        ent_school_set_commune        (EntSchool  *self,
                                           const char *commune);
const char *ent_school_get_commune_insee  (EntSchool  *self);
void        ent_school_set_commune_insee  (EntSchool  *self,
                                           const char *insee);

int         ent_school_get_opens          (EntSchool  *self);
void        ent_school_set_opens          (EntSchool  *self,
                                           int         school_year);
int         ent_school_get_closes         (EntSchool  *self);
void        ent_school_set_closes         (EntSchool  *self,
                                           int         school_year);
/* TRUE when school year @school_year lies in opens <= S < closes. */
gboolean    ent_school_is_open            (EntSchool  *self,
                                           int         school_year);

/* "level" property (ENT_TYPE_SCHOOL_LEVEL). */
EntSchoolLevel ent_school_get_level       (EntSchool      *self);
void        ent_school_set_level          (EntSchool      *self,
                                           EntSchoolLevel  level);

/* Known counts: 0 <= count <= ENT_MAX_PUPILS_PER_SCHOOL (g_return_if_fail otherwise).
 * ent_school_set_known_pupils () records a count typed by a person: a new
 * count, or a different count over an imported one, becomes MANUAL; the same
 * count again changes nothing. */
gboolean    ent_school_get_known_pupils   (EntSchool  *self,
                                           int         school_year,
                                           gint64     *out_count);
void        ent_school_set_known_pupils   (EntSchool  *self,
                                           int         school_year,
                                           gint64      count);
void        ent_school_set_known_pupils_from (EntSchool     *self,
                                             int            school_year,
                                             gint64         count,
                                             EntCountSource source);
/* The source of the count of @school_year; MANUAL when none is known. */
EntCountSource ent_school_get_count_source (EntSchool  *self,
                                           int         school_year);
gboolean    ent_school_has_open_data      (EntSchool  *self);
void        ent_school_unset_known_pupils (EntSchool  *self,
                                           int         school_year);
/* Known counts in increasing school year order. */
guint       ent_school_get_n_known        (EntSchool  *self);
void        ent_school_get_nth_known      (EntSchool  *self,
                                           guint       index,
                                           int        *out_school_year,
                                           gint64     *out_count);
EntCountSource ent_school_get_nth_source  (EntSchool  *self,
                                           guint       index);

/* "DEPP count: 2024, 2025; typed: 2023; opens at the rentrée 2025", translated
 * (SPEC 3, 12: the workbook and the PDF say where the counts come from);
 * "" when the school has no known count and no opening or closing. */
char       *ent_school_describe_sources   (EntSchool  *self);

const char *ent_count_source_to_string    (EntCountSource source);
gboolean    ent_count_source_from_string  (const char     *text,
                                           EntCountSource *out_source);

/* "maternelle", "elementaire", "primaire"; "" for UNKNOWN. */
const char *ent_school_level_to_string    (EntSchoolLevel  level);
/* Accepts those three words (case-insensitive); "" is UNKNOWN. */
gboolean    ent_school_level_from_string  (const char     *text,
                                           EntSchoolLevel *out_level);
/* Translated: "maternelle", "élémentaire", "primaire", "" for UNKNOWN. */
const char *ent_school_level_get_label    (EntSchoolLevel  level);

/* TRUE when @uai is empty or a valid UAI: 7 digits and a letter (e.g. "0590123A"). */
gboolean    ent_uai_is_valid              (const char *uai);

G_END_DECLS
