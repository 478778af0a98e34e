/* ent-history.h: the undo history of one document, as snapshots
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Two consecutive steps that change the same single line of the text (one
 * field being typed into, a spin button held down) within this many
 * milliseconds are one step. */
#define ENT_HISTORY_MERGE_MS 2000
/* The oldest steps go beyond either limit (the current state always stays). */
#define ENT_HISTORY_MAX_STEPS 200
#define ENT_HISTORY_MAX_BYTES (128 * 1024 * 1024)

#define ENT_TYPE_HISTORY (ent_history_get_type ())
G_DECLARE_FINAL_TYPE (EntHistory, ent_history, ENT, HISTORY, GObject)

/* States of a document as the text it saves to (GBytes), the current one
 * last but for the steps undone. Properties (read-only): "can-undo",
 * "can-redo", "at-saved" (the current state is the one last saved, or
 * loaded), "position" (counts the steps done and undone: it changes
 * whenever the current state does, to tell a toast its step is gone).
 *
 * The history knows nothing of documents: EntWorkspace gives it a snapshot
 * after each user action and restores the ones it returns. */
EntHistory *ent_history_new           (void);
/* Forgets everything: @state is the only state, saved when @saved. */
void        ent_history_reset         (EntHistory *self,
                                       GBytes     *state,
                                       gboolean    saved);
/* @state after a user action at @time_us (monotonic): a new step, unless
 * it merges with the previous one (ENT_HISTORY_MERGE_MS) or is the current
 * state already. Drops the steps that were undone. */
void        ent_history_push          (EntHistory *self,
                                       GBytes     *state,
                                       gint64      time_us);
/* The current state (never NULL once reset). */
GBytes     *ent_history_get_current   (EntHistory *self);
/* The state to restore, now current; NULL when there is none. The next
 * push never merges with a step reached this way. */
GBytes     *ent_history_undo          (EntHistory *self);
GBytes     *ent_history_redo          (EntHistory *self);
gboolean    ent_history_get_can_undo  (EntHistory *self);
gboolean    ent_history_get_can_redo  (EntHistory *self);
/* The current state is the one in the file now. */
void        ent_history_mark_saved    (EntHistory *self);
gboolean    ent_history_get_at_saved  (EntHistory *self);
guint       ent_history_get_position  (EntHistory *self);
guint       ent_history_get_n_states  (EntHistory *self);

G_END_DECLS
