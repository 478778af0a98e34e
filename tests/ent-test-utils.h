/* ent-test-utils.h: helpers the test programs share, over GLib and the model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every helper asserts what it needs: a failure ends the test where it
 * happened. Nothing here links GTK (see ent-test-gtk-utils.h).
 */
#pragma once

#include <glib.h>
#include <gio/gio.h>

#include "ent-document.h"

G_BEGIN_DECLS

/* Files and folders */
char        *ent_test_make_temp_dir  (const char  *tmpl);
void         ent_test_remove_tree    (const char  *path);
char        *ent_test_list_dir       (const char  *path);
char        *ent_test_read_file      (const char  *path);
GBytes      *ent_test_read_bytes     (const char  *path);
GFile       *ent_test_write_example  (const char  *dir,
                                      const char  *name);

/* A document's contents (transfer none: the document keeps them alive) */
EntSchool   *ent_test_school_at      (EntDocument *document,
                                      guint        index);
EntScenario *ent_test_scenario_at    (EntDocument *document,
                                      guint        index);
EntSchool   *ent_test_find_school    (EntDocument *document,
                                      const char  *uai);
gint64       ent_test_school_known_count (EntSchool *school,
                                          int        school_year);

G_END_DECLS
