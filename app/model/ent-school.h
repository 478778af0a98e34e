/* ent-school.h: a school, its commune and its known pupil counts per school year
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define ENT_MAX_PUPILS_PER_SCHOOL 100000

#define ENT_TYPE_SCHOOL (ent_school_get_type ())
G_DECLARE_FINAL_TYPE (EntSchool, ent_school, ENT, SCHOOL, GObject)

/* Properties: "name", "uai" (8 characters or empty), "commune", "commune-insee"
 * (strings). Known counts are keyed by school year S (the rentrée of September S).
 * Signal "changed" on any change, counts included. */
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

/* Known counts: 0 <= count <= ENT_MAX_PUPILS_PER_SCHOOL (g_return_if_fail otherwise). */
gboolean    ent_school_get_known_pupils   (EntSchool  *self,
                                           int         school_year,
                                           gint64     *out_count);
void        ent_school_set_known_pupils   (EntSchool  *self,
                                           int         school_year,
                                           gint64      count);
void        ent_school_unset_known_pupils (EntSchool  *self,
                                           int         school_year);
/* Known counts in increasing school year order. */
guint       ent_school_get_n_known        (EntSchool  *self);
void        ent_school_get_nth_known      (EntSchool  *self,
                                           guint       index,
                                           int        *out_school_year,
                                           gint64     *out_count);

/* TRUE when @uai is empty or a valid UAI: 7 digits and a letter (e.g. "0590123A"). */
gboolean    ent_uai_is_valid              (const char *uai);

G_END_DECLS
