/* ent-workspace.h: one open document and everything that follows it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ent-budget.h"
#include "ent-compare.h"
#include "ent-document.h"
#include "ent-draft.h"
#include "ent-history.h"

G_BEGIN_DECLS

/* A draft is written this long after the last edit (SPEC 11). */
#define ENT_WORKSPACE_DRAFT_DELAY_MS 3000
/* The sensitivity table (seven budget computations) follows this long after
 * the last edit; the budget follows every edit before the next frame. */
#define ENT_WORKSPACE_SENSITIVITY_DELAY_MS 300

#define ENT_TYPE_WORKSPACE (ent_workspace_get_type ())
G_DECLARE_FINAL_TYPE (EntWorkspace, ent_workspace, ENT, WORKSPACE, GObject)

/* The state of one window, without GTK: the window holds one and its pages
 * bind to it. Properties:
 *   "document"     EntDocument, never NULL; the same object for the life of a
 *                  history (undo restores into it); replaced only by
 *                  ent_workspace_set_document () (New, Open), which starts a
 *                  new history
 *   "scenario"     EntScenario, read-write: the document's current scenario
 *                  (setting NULL or another document's scenario does nothing)
 *   "budget"       ENT_TYPE_BUDGET, read-only: the last budget computed
 *                  without error (NULL when the document never had one)
 *   "error"        string, read-only: why the document's budget cannot be
 *                  computed now, NULL when it can
 *   "can-undo", "can-redo"  booleans, read-only
 *   "sensitivity"  ENT_TYPE_SENSITIVITY, read-only, computed only while
 *                  "sensitivity-wanted" (the Compare page is shown), after
 *                  ENT_WORKSPACE_SENSITIVITY_DELAY_MS; "sensitivity-error"
 *   "draft-directory"  string, construct-only: where drafts go (NULL:
 *                  ent_draft_dup_default_directory (); "": no drafts)
 *   "draft-delay"  uint, milliseconds (ENT_WORKSPACE_DRAFT_DELAY_MS)
 *
 * Every "changed" of the document schedules one recomputation before the
 * next frame (several changes cost one computation), and opens an undo step
 * that closes once the main loop is idle, after that frame: what one user
 * action changes is one step (SPEC 11). */
EntWorkspace   *ent_workspace_new                    (EntDocument   *document);
EntWorkspace   *ent_workspace_new_with_draft_directory (EntDocument *document,
                                                      const char    *directory);

EntDocument    *ent_workspace_get_document           (EntWorkspace  *self);
/* New or Open, once the previous document was saved or discarded: its
 * draft is removed and the history starts again. */
void            ent_workspace_set_document           (EntWorkspace  *self,
                                                      EntDocument   *document);
EntScenario    *ent_workspace_get_scenario           (EntWorkspace  *self);
void            ent_workspace_set_scenario           (EntWorkspace  *self,
                                                      EntScenario   *scenario);
EntBudget      *ent_workspace_get_budget             (EntWorkspace  *self);
const char     *ent_workspace_get_error              (EntWorkspace  *self);
/* Runs a pending recomputation and closes the open undo step now. */
void            ent_workspace_flush                  (EntWorkspace  *self);

EntHistory     *ent_workspace_get_history            (EntWorkspace  *self);
gboolean        ent_workspace_get_can_undo           (EntWorkspace  *self);
gboolean        ent_workspace_get_can_redo           (EntWorkspace  *self);
gboolean        ent_workspace_undo                   (EntWorkspace  *self);
gboolean        ent_workspace_redo                   (EntWorkspace  *self);

/* ent_document_save (), then the history's saved state is this one and the
 * draft goes. (A save made otherwise is noticed too: the document's
 * "modified" going FALSE marks the current state saved.) */
gboolean        ent_workspace_save                   (EntWorkspace  *self,
                                                      GFile         *file,
                                                      GError       **error);
/* The changes are discarded (the window is closing, or another document
 * replaces this one): the draft goes. */
void            ent_workspace_discard_draft          (EntWorkspace  *self);
/* Writes the draft now if one is due (tests; normally a timer does). */
void            ent_workspace_write_draft            (EntWorkspace  *self);
/* The draft of this workspace, NULL before the first one is written. */
EntDraft       *ent_workspace_get_draft              (EntWorkspace  *self);
/* Opens @draft (left by a crash) in place of the document: marked
 * modified, tied to its file; this workspace writes it from now on, and
 * saving or discarding removes it. The document replaced must be unmodified. */
gboolean        ent_workspace_recover                (EntWorkspace  *self,
                                                      EntDraft      *draft,
                                                      GError       **error);

gboolean        ent_workspace_get_sensitivity_wanted (EntWorkspace  *self);
void            ent_workspace_set_sensitivity_wanted (EntWorkspace  *self,
                                                      gboolean       wanted);
EntSensitivity *ent_workspace_get_sensitivity        (EntWorkspace  *self);
const char     *ent_workspace_get_sensitivity_error  (EntWorkspace  *self);

G_END_DECLS
