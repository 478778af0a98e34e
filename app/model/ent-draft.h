/* ent-draft.h: the copy of an unsaved document that survives a crash (SPEC 11)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A draft is a file "ID.entbudget-draft" in the drafts folder
 * ($XDG_DATA_HOME/ent-budget/drafts, inside the sandbox under Flatpak): a few
 * header lines (the document's file, that file's stamp, the title, when the
 * draft was written) as "#draft-KEY=VALUE" comments, then the document's
 * text. It is written through ent-safe-file (SPEC 10.1). Whoever writes it
 * holds a lock on "ID.lock" (flock) as long as it lives: a process that dies
 * releases it, so a draft whose lock is free was left by a crash (or by a
 * window that went without being asked), and another window — of this
 * process or another — never offers or takes a draft a live window owns.
 */
#pragma once

#include <gio/gio.h>

#include "ent-document.h"

G_BEGIN_DECLS

#define ENT_DRAFT_SUFFIX ".entbudget-draft"

#define ENT_TYPE_DRAFT (ent_draft_get_type ())
G_DECLARE_FINAL_TYPE (EntDraft, ent_draft, ENT, DRAFT, GObject)

/* $XDG_DATA_HOME/ent-budget/drafts */
char        *ent_draft_dup_default_directory (void);

/* A new draft of this process in @directory (made if needed, mode 0700),
 * locked, nothing written yet. Errors in G_IO_ERROR. */
EntDraft    *ent_draft_new                   (const char  *directory,
                                              GError     **error);
/* The drafts of @directory that no live window owns, newest first
 * (EntDraft, not owned). Unreadable ones are skipped. */
GPtrArray   *ent_draft_list_orphans          (const char  *directory);

/* Takes a listed draft over (the window that recovers it writes it from now
 * on). Fails when a window owns it, or it is gone. */
gboolean     ent_draft_claim                 (EntDraft    *self,
                                              GError     **error);
/* Writes @document (owned drafts only). */
gboolean     ent_draft_write                 (EntDraft    *self,
                                              EntDocument *document,
                                              GError     **error);
/* Removes the draft and its lock (claiming it first when not owned). */
gboolean     ent_draft_remove                (EntDraft    *self,
                                              GError     **error);
/* The document the draft holds: modified, with the file it belongs to (and
 * that file's stamp then, so that saving over a file changed since asks). */
EntDocument *ent_draft_load                  (EntDraft    *self,
                                              GError     **error);

const char  *ent_draft_get_path              (EntDraft    *self);
/* What the header said (NULL / "" before the first write of an own draft). */
GFile       *ent_draft_get_file              (EntDraft    *self);
const char  *ent_draft_get_title             (EntDraft    *self);
GDateTime   *ent_draft_get_time              (EntDraft    *self);
gboolean     ent_draft_get_owned             (EntDraft    *self);
/* TRUE once written and until removed. */
gboolean     ent_draft_get_exists            (EntDraft    *self);

G_END_DECLS
