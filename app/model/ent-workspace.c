/* ent-workspace.c: one open document and everything that follows it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What used to live in the window and the Compare page: the last good budget
 * and the reason the current one cannot be computed, the throttled
 * recomputation, the sensitivity table; and what SPEC 11 adds: the undo
 * history (ent-history.c: snapshots of the document's text, restored into
 * the same EntDocument so that views never see another object) and the
 * draft (ent-draft.c). GLib only: the model tests drive it without a display.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ent-workspace.h"

/* Before GTK's layout and paint (GDK_PRIORITY_REDRAW = G_PRIORITY_HIGH_IDLE
 * + 20): a change made in one frame is computed and shown in that frame. */
#define RECOMPUTE_PRIORITY (G_PRIORITY_HIGH_IDLE + 10)
/* After the frame that shows the change (the snapshot of a 3 500-school
 * document takes about 30 ms: it must not delay the new totals), and as soon
 * as nothing else is pending: the changes of one user action — one click,
 * one key, one dialog's button — are one step. Input that comes faster than
 * that is one burst (keys typed or held in one field), one step anyway; undo
 * and save close the open step first. */
#define CLOSE_STEP_PRIORITY G_PRIORITY_DEFAULT_IDLE

struct _EntWorkspace
{
  GObject         parent_instance;

  EntDocument    *document;
  GSignalGroup   *document_signals;
  EntBudget      *budget;           /* last good */
  char           *error;            /* nullable */
  EntHistory     *history;
  guint           recompute_id;
  guint           close_step_id;    /* an undo step is open */
  gboolean        restoring;        /* the document's changes are an undo's */
  gboolean        setting_modified; /* "modified" is ours to set */

  char           *draft_directory;  /* "" : no drafts */
  guint           draft_delay;
  guint           draft_id;
  EntDraft       *draft;            /* nullable, owned */

  gboolean        sensitivity_wanted;
  gboolean        sensitivity_stale;
  guint           sensitivity_id;
  EntSensitivity *sensitivity;
  char           *sensitivity_error;
};

G_DEFINE_FINAL_TYPE (EntWorkspace, ent_workspace, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_SCENARIO,
  PROP_BUDGET,
  PROP_ERROR,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_SENSITIVITY_WANTED,
  PROP_SENSITIVITY,
  PROP_SENSITIVITY_ERROR,
  PROP_DRAFT_DIRECTORY,
  PROP_DRAFT_DELAY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------------ helpers */

static void
set_budget (EntWorkspace *self,
            EntBudget    *budget)
{
  if (self->budget == budget)
    return;

  g_clear_pointer (&self->budget, ent_budget_unref);
  self->budget = budget != NULL ? ent_budget_ref (budget) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUDGET]);
}

static void
set_error (EntWorkspace *self,
           const char   *message)
{
  if (g_strcmp0 (self->error, message) == 0)
    return;

  g_free (self->error);
  self->error = g_strdup (message);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

static void
set_sensitivity (EntWorkspace   *self,
                 EntSensitivity *sensitivity,
                 const char     *message)
{
  g_clear_pointer (&self->sensitivity, ent_sensitivity_free);
  self->sensitivity = sensitivity;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SENSITIVITY]);
  if (g_strcmp0 (self->sensitivity_error, message) != 0)
    {
      g_free (self->sensitivity_error);
      self->sensitivity_error = g_strdup (message);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SENSITIVITY_ERROR]);
    }
}

static void
refresh_sensitivity (EntWorkspace *self)
{
  g_autoptr(GError) error = NULL;
  EntSensitivity *sensitivity = NULL;

  g_clear_handle_id (&self->sensitivity_id, g_source_remove);
  self->sensitivity_stale = FALSE;

  /* Without a budget there is nothing to be sensitive about: the engine
   * refuses the document, and the window says why. */
  if (self->budget != NULL && self->error == NULL)
    sensitivity = ent_sensitivity_compute (self->document, NULL, 0, &error);
  set_sensitivity (self, sensitivity, error != NULL ? error->message : NULL);
}

static gboolean
sensitivity_timeout_cb (gpointer data)
{
  EntWorkspace *self = data;

  self->sensitivity_id = 0;
  refresh_sensitivity (self);
  return G_SOURCE_REMOVE;
}

/* After a recomputation: at once when there is nothing (right) to show,
 * after the last of a run of edits otherwise, the previous table staying
 * meanwhile. */
static void
schedule_sensitivity (EntWorkspace *self)
{
  if (!self->sensitivity_wanted || !self->sensitivity_stale)
    return;

  if (self->sensitivity == NULL || self->budget == NULL ||
      self->sensitivity->n_scenarios != self->budget->n_scenarios)
    refresh_sensitivity (self);
  else
    {
      g_clear_handle_id (&self->sensitivity_id, g_source_remove);
      self->sensitivity_id = g_timeout_add (ENT_WORKSPACE_SENSITIVITY_DELAY_MS,
                                            sensitivity_timeout_cb, self);
    }
}

static void
recompute (EntWorkspace *self)
{
  g_autoptr(EntBudget) budget = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->recompute_id, g_source_remove);

  budget = ent_budget_compute (self->document, &error);
  /* The last good budget stays on screen; the reason is shown beside it. */
  if (budget != NULL)
    set_budget (self, budget);
  set_error (self, error != NULL ? error->message : NULL);
  schedule_sensitivity (self);
}

static gboolean
recompute_idle_cb (gpointer user_data)
{
  EntWorkspace *self = user_data;

  self->recompute_id = 0;
  recompute (self);
  return G_SOURCE_REMOVE;
}

static void
queue_recompute (EntWorkspace *self)
{
  self->sensitivity_stale = TRUE;
  if (self->recompute_id == 0)
    self->recompute_id = g_idle_add_full (RECOMPUTE_PRIORITY, recompute_idle_cb, self, NULL);
}

static GBytes *
snapshot (EntWorkspace *self)
{
  gsize length = 0;
  char *data = ent_document_to_data (self->document, &length);

  return g_bytes_new_take (data, length);
}

static void remove_draft (EntWorkspace *self);

/* Undone (or typed and erased) back to what is in the file: no draft either
 * (a window closed at once would otherwise leave one to offer). */
static void
set_modified (EntWorkspace *self,
              gboolean      modified)
{
  self->setting_modified = TRUE;
  ent_document_set_modified (self->document, modified);
  self->setting_modified = FALSE;
  if (!modified)
    remove_draft (self);
}

/* The changes since the last step are one step. */
static void
push_step (EntWorkspace *self)
{
  g_autoptr(GBytes) state = snapshot (self);

  ent_history_push (self->history, state, g_get_monotonic_time ());
  /* typed and erased back to the saved text: not modified any more */
  set_modified (self, !ent_history_get_at_saved (self->history));
}

static void
close_step (EntWorkspace *self)
{
  if (self->close_step_id == 0)
    return;
  g_clear_handle_id (&self->close_step_id, g_source_remove);
  push_step (self);
}

static gboolean
close_step_cb (gpointer data)
{
  EntWorkspace *self = data;

  self->close_step_id = 0;
  push_step (self);
  return G_SOURCE_REMOVE;
}

static gboolean drafts_enabled (EntWorkspace *self);

static gboolean
draft_timeout_cb (gpointer data)
{
  EntWorkspace *self = data;

  self->draft_id = 0;
  ent_workspace_write_draft (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_draft (EntWorkspace *self)
{
  if (!drafts_enabled (self))
    return;

  g_clear_handle_id (&self->draft_id, g_source_remove);
  self->draft_id = g_timeout_add (self->draft_delay, draft_timeout_cb, self);
}

static gboolean
drafts_enabled (EntWorkspace *self)
{
  return self->draft_directory != NULL && *self->draft_directory != '\0';
}

static void
remove_draft (EntWorkspace *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->draft_id, g_source_remove);
  if (self->draft != NULL && ent_draft_get_exists (self->draft) &&
      !ent_draft_remove (self->draft, &error))
    g_debug ("%s", error->message);
  g_clear_object (&self->draft);
}

/* Restores @state (from the history) into the document. */
static gboolean
restore (EntWorkspace *self,
         GBytes       *state)
{
  g_autoptr(EntDocument) from = NULL;
  g_autoptr(GError) error = NULL;

  /* written by ent_document_to_data (): only a bug makes it unreadable */
  from = ent_document_new_from_bytes (state, ent_document_get_title (self->document), &error);
  if (from == NULL)
    {
      g_critical ("Cannot restore an undo step: %s", error->message);
      return FALSE;
    }

  self->restoring = TRUE;
  ent_document_replace_content (self->document, from);
  self->restoring = FALSE;
  set_modified (self, !ent_history_get_at_saved (self->history));
  schedule_draft (self);
  return TRUE;
}

static void
reset_history (EntWorkspace *self,
               gboolean      saved)
{
  g_autoptr(GBytes) state = snapshot (self);

  g_clear_handle_id (&self->close_step_id, g_source_remove);
  ent_history_reset (self->history, state, saved);
}

/* ---------------------------------------------------------------- callbacks */

static void
document_changed_cb (EntWorkspace *self)
{
  queue_recompute (self);
  if (self->restoring)
    return;

  if (self->close_step_id == 0)
    self->close_step_id = g_idle_add_full (CLOSE_STEP_PRIORITY, close_step_cb, self, NULL);
  schedule_draft (self);
}

static void
document_modified_cb (EntWorkspace *self)
{
  if (self->setting_modified || self->restoring || ent_document_get_modified (self->document))
    return;

  /* Saved (or declared unmodified) by someone else: this state is the file's. */
  if (self->close_step_id != 0)
    {
      g_autoptr(GBytes) state = snapshot (self);

      g_clear_handle_id (&self->close_step_id, g_source_remove);
      ent_history_push (self->history, state, g_get_monotonic_time ());
    }
  ent_history_mark_saved (self->history);
  remove_draft (self);
}

static void
document_scenario_cb (EntWorkspace *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCENARIO]);
}

static void
history_notify_cb (EntWorkspace *self,
                   GParamSpec   *pspec)
{
  if (g_str_equal (pspec->name, "can-undo"))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  else if (g_str_equal (pspec->name, "can-redo"))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

/* ---------------------------------------------------------------- overrides */

static void
ent_workspace_constructed (GObject *object)
{
  EntWorkspace *self = ENT_WORKSPACE (object);

  G_OBJECT_CLASS (ent_workspace_parent_class)->constructed (object);

  if (self->draft_directory == NULL)
    self->draft_directory = ent_draft_dup_default_directory ();
  if (self->document == NULL)
    {
      g_autoptr(EntDocument) document = ent_document_new ();

      ent_workspace_set_document (self, document);
    }
}

static void
ent_workspace_dispose (GObject *object)
{
  EntWorkspace *self = ENT_WORKSPACE (object);

  g_clear_handle_id (&self->recompute_id, g_source_remove);
  g_clear_handle_id (&self->close_step_id, g_source_remove);
  g_clear_handle_id (&self->draft_id, g_source_remove);
  g_clear_handle_id (&self->sensitivity_id, g_source_remove);
  if (self->document_signals != NULL)
    g_signal_group_set_target (self->document_signals, NULL);
  if (self->history != NULL)
    g_signal_handlers_disconnect_by_data (self->history, self);
  /* A workspace that goes without its changes saved or discarded (the
   * window destroyed without asking) leaves its draft for the next start:
   * only the lock is released. */
  g_clear_object (&self->draft);
  g_clear_object (&self->document_signals);
  g_clear_object (&self->document);
  g_clear_object (&self->history);
  g_clear_pointer (&self->budget, ent_budget_unref);
  g_clear_pointer (&self->sensitivity, ent_sensitivity_free);

  G_OBJECT_CLASS (ent_workspace_parent_class)->dispose (object);
}

static void
ent_workspace_finalize (GObject *object)
{
  EntWorkspace *self = ENT_WORKSPACE (object);

  g_clear_pointer (&self->error, g_free);
  g_clear_pointer (&self->sensitivity_error, g_free);
  g_clear_pointer (&self->draft_directory, g_free);

  G_OBJECT_CLASS (ent_workspace_parent_class)->finalize (object);
}

static void
ent_workspace_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  EntWorkspace *self = ENT_WORKSPACE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_SCENARIO:
      g_value_set_object (value, ent_workspace_get_scenario (self));
      break;
    case PROP_BUDGET:
      g_value_set_boxed (value, self->budget);
      break;
    case PROP_ERROR:
      g_value_set_string (value, self->error);
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, ent_workspace_get_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, ent_workspace_get_can_redo (self));
      break;
    case PROP_SENSITIVITY_WANTED:
      g_value_set_boolean (value, self->sensitivity_wanted);
      break;
    case PROP_SENSITIVITY:
      g_value_set_boxed (value, self->sensitivity);
      break;
    case PROP_SENSITIVITY_ERROR:
      g_value_set_string (value, self->sensitivity_error);
      break;
    case PROP_DRAFT_DIRECTORY:
      g_value_set_string (value, self->draft_directory);
      break;
    case PROP_DRAFT_DELAY:
      g_value_set_uint (value, self->draft_delay);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ent_workspace_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  EntWorkspace *self = ENT_WORKSPACE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      ent_workspace_set_document (self, g_value_get_object (value));
      break;
    case PROP_SCENARIO:
      ent_workspace_set_scenario (self, g_value_get_object (value));
      break;
    case PROP_SENSITIVITY_WANTED:
      ent_workspace_set_sensitivity_wanted (self, g_value_get_boolean (value));
      break;
    case PROP_DRAFT_DIRECTORY:
      self->draft_directory = g_value_dup_string (value);
      break;
    case PROP_DRAFT_DELAY:
      if (self->draft_delay != g_value_get_uint (value))
        {
          self->draft_delay = g_value_get_uint (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ent_workspace_class_init (EntWorkspaceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = ent_workspace_constructed;
  object_class->dispose = ent_workspace_dispose;
  object_class->finalize = ent_workspace_finalize;
  object_class->get_property = ent_workspace_get_property;
  object_class->set_property = ent_workspace_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, ENT_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SCENARIO] =
    g_param_spec_object ("scenario", NULL, NULL, ENT_TYPE_SCENARIO,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUDGET] =
    g_param_spec_boxed ("budget", NULL, NULL, ENT_TYPE_BUDGET,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ERROR] =
    g_param_spec_string ("error", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SENSITIVITY_WANTED] =
    g_param_spec_boolean ("sensitivity-wanted", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SENSITIVITY] =
    g_param_spec_boxed ("sensitivity", NULL, NULL, ENT_TYPE_SENSITIVITY,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SENSITIVITY_ERROR] =
    g_param_spec_string ("sensitivity-error", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DRAFT_DIRECTORY] =
    g_param_spec_string ("draft-directory", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DRAFT_DELAY] =
    g_param_spec_uint ("draft-delay", NULL, NULL, 0, G_MAXUINT, ENT_WORKSPACE_DRAFT_DELAY_MS,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ent_workspace_init (EntWorkspace *self)
{
  self->draft_delay = ENT_WORKSPACE_DRAFT_DELAY_MS;
  self->history = ent_history_new ();
  g_signal_connect_swapped (self->history, "notify", G_CALLBACK (history_notify_cb), self);

  /* follows whichever document the workspace holds */
  self->document_signals = g_signal_group_new (ENT_TYPE_DOCUMENT);
  g_signal_group_connect_swapped (self->document_signals, "changed",
                                  G_CALLBACK (document_changed_cb), self);
  g_signal_group_connect_swapped (self->document_signals, "notify::modified",
                                  G_CALLBACK (document_modified_cb), self);
  g_signal_group_connect_swapped (self->document_signals, "notify::current-scenario",
                                  G_CALLBACK (document_scenario_cb), self);
}

/* ------------------------------------------------------------------- public */

EntWorkspace *
ent_workspace_new (EntDocument *document)
{
  g_return_val_if_fail (document == NULL || ENT_IS_DOCUMENT (document), NULL);

  return g_object_new (ENT_TYPE_WORKSPACE, "document", document, NULL);
}

EntWorkspace *
ent_workspace_new_with_draft_directory (EntDocument *document,
                                        const char  *directory)
{
  g_return_val_if_fail (document == NULL || ENT_IS_DOCUMENT (document), NULL);

  return g_object_new (ENT_TYPE_WORKSPACE,
                       "draft-directory", directory != NULL ? directory : "",
                       "document", document,
                       NULL);
}

EntDocument *
ent_workspace_get_document (EntWorkspace *self)
{
  g_return_val_if_fail (ENT_IS_WORKSPACE (self), NULL);

  return self->document;
}

void
ent_workspace_set_document (EntWorkspace *self,
                            EntDocument  *document)
{
  g_return_if_fail (ENT_IS_WORKSPACE (self));
  g_return_if_fail (document == NULL || ENT_IS_DOCUMENT (document));

  if (document == NULL || self->document == document)
    return;

  /* The previous document was saved or discarded: its draft goes. */
  remove_draft (self);
  g_clear_handle_id (&self->close_step_id, g_source_remove);
  g_clear_handle_id (&self->sensitivity_id, g_source_remove);

  g_set_object (&self->document, document);
  g_signal_group_set_target (self->document_signals, document);
  reset_history (self, !ent_document_get_modified (document));
  /* A budget of another document is no "last good" state of this one. */
  set_budget (self, NULL);
  set_sensitivity (self, NULL, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCENARIO]);
  self->sensitivity_stale = TRUE;
  recompute (self);
  if (ent_document_get_modified (document))
    schedule_draft (self);
}

EntScenario *
ent_workspace_get_scenario (EntWorkspace *self)
{
  g_return_val_if_fail (ENT_IS_WORKSPACE (self), NULL);

  return self->document != NULL ? ent_document_get_current_scenario (self->document) : NULL;
}

void
ent_workspace_set_scenario (EntWorkspace *self,
                            EntScenario  *scenario)
{
  guint position;

  g_return_if_fail (ENT_IS_WORKSPACE (self));
  g_return_if_fail (scenario == NULL || ENT_IS_SCENARIO (scenario));

  /* Only a scenario of the document is a choice: a view between two
   * documents (no selection yet, or the previous document's) is not, and
   * must not lose the choice saved in the file. Notified through the
   * document's "notify::current-scenario". */
  if (scenario == NULL ||
      !g_list_store_find (G_LIST_STORE (ent_document_get_scenarios (self->document)), scenario, &position))
    return;
  ent_document_set_current_scenario (self->document, scenario);
}

EntBudget *
ent_workspace_get_budget (EntWorkspace *self)
{
  g_return_val_if_fail (ENT_IS_WORKSPACE (self), NULL);

  return self->budget;
}

const char *
ent_workspace_get_error (EntWorkspace *self)
{
  g_return_val_if_fail (ENT_IS_WORKSPACE (self), NULL);

  return self->error;
}

void
ent_workspace_flush (EntWorkspace *self)
{
  g_return_if_fail (ENT_IS_WORKSPACE (self));

  if (self->recompute_id != 0)
    recompute (self);
  close_step (self);
}

EntHistory *
ent_workspace_get_history (EntWorkspace *self)
{
  g_return_val_if_fail (ENT_IS_WORKSPACE (self), NULL);

  return self->history;
}

gboolean
ent_workspace_get_can_undo (EntWorkspace *self)
{
  g_return_val_if_fail (ENT_IS_WORKSPACE (self), FALSE);

  return ent_history_get_can_undo (self->history);
}

gboolean
ent_workspace_get_can_redo (EntWorkspace *self)
{
  g_return_val_if_fail (ENT_IS_WORKSPACE (self), FALSE);

  return ent_history_get_can_redo (self->history);
}

gboolean
ent_workspace_undo (EntWorkspace *self)
{
  GBytes *state;

  g_return_val_if_fail (ENT_IS_WORKSPACE (self), FALSE);

  close_step (self);
  state = ent_history_undo (self->history);
  if (state == NULL)
    return FALSE;
  if (!restore (self, state))
    {
      ent_history_redo (self->history);
      return FALSE;
    }
  return TRUE;
}

gboolean
ent_workspace_redo (EntWorkspace *self)
{
  GBytes *state;

  g_return_val_if_fail (ENT_IS_WORKSPACE (self), FALSE);

  close_step (self);
  state = ent_history_redo (self->history);
  if (state == NULL)
    return FALSE;
  if (!restore (self, state))
    {
      ent_history_undo (self->history);
      return FALSE;
    }
  return TRUE;
}

gboolean
ent_workspace_save (EntWorkspace  *self,
                    GFile         *file,
                    GError       **error)
{
  g_return_val_if_fail (ENT_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  close_step (self);
  if (!ent_document_save (self->document, file, error))
    return FALSE;

  /* (already done when "modified" went FALSE; not when it was FALSE) */
  ent_history_mark_saved (self->history);
  remove_draft (self);
  return TRUE;
}

void
ent_workspace_discard_draft (EntWorkspace *self)
{
  g_return_if_fail (ENT_IS_WORKSPACE (self));

  remove_draft (self);
}

void
ent_workspace_write_draft (EntWorkspace *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (ENT_IS_WORKSPACE (self));

  g_clear_handle_id (&self->draft_id, g_source_remove);
  if (!drafts_enabled (self))
    return;

  /* Undone back to the file's content: nothing to recover. */
  if (!ent_document_get_modified (self->document))
    {
      remove_draft (self);
      return;
    }

  if (self->draft == NULL)
    self->draft = ent_draft_new (self->draft_directory, &error);
  if (self->draft == NULL || !ent_draft_write (self->draft, self->document, &error))
    /* The next edit tries again; the document itself is untouched. */
    g_debug ("the draft could not be written: %s", error->message);
}

EntDraft *
ent_workspace_get_draft (EntWorkspace *self)
{
  g_return_val_if_fail (ENT_IS_WORKSPACE (self), NULL);

  return self->draft;
}

gboolean
ent_workspace_recover (EntWorkspace  *self,
                       EntDraft      *draft,
                       GError       **error)
{
  g_autoptr(EntDocument) document = NULL;

  g_return_val_if_fail (ENT_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (ENT_IS_DRAFT (draft), FALSE);

  if (!ent_draft_claim (draft, error))
    return FALSE;
  document = ent_draft_load (draft, error);
  if (document == NULL)
    return FALSE;

  ent_workspace_set_document (self, document);
  /* set_document () scheduled a new draft: this one is it */
  g_clear_handle_id (&self->draft_id, g_source_remove);
  g_set_object (&self->draft, draft);
  return TRUE;
}

gboolean
ent_workspace_get_sensitivity_wanted (EntWorkspace *self)
{
  g_return_val_if_fail (ENT_IS_WORKSPACE (self), FALSE);

  return self->sensitivity_wanted;
}

void
ent_workspace_set_sensitivity_wanted (EntWorkspace *self,
                                      gboolean      wanted)
{
  g_return_if_fail (ENT_IS_WORKSPACE (self));

  wanted = !!wanted;
  if (self->sensitivity_wanted == wanted)
    return;

  self->sensitivity_wanted = wanted;
  if (wanted && self->sensitivity_stale && self->recompute_id == 0)
    refresh_sensitivity (self);
  else if (!wanted)
    g_clear_handle_id (&self->sensitivity_id, g_source_remove);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SENSITIVITY_WANTED]);
}

EntSensitivity *
ent_workspace_get_sensitivity (EntWorkspace *self)
{
  g_return_val_if_fail (ENT_IS_WORKSPACE (self), NULL);

  return self->sensitivity;
}

const char *
ent_workspace_get_sensitivity_error (EntWorkspace *self)
{
  g_return_val_if_fail (ENT_IS_WORKSPACE (self), NULL);

  return self->sensitivity_error;
}
