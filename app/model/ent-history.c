/* ent-history.c: the undo history of one document, as snapshots
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each state is the whole text of the document (ent_document_to_data) after
 * a user action: undoing restores the previous text into the same document
 * (ent_document_replace_content), so nothing has to know how to reverse an
 * edit and every kind of change — a cell, an import of a thousand schools —
 * is undone the same way. A 3 500-school document is about 360 KiB of text:
 * the limits below keep the memory bounded for the largest ones.
 */
#include "config.h"

#include <string.h>

#include "ent-history.h"

typedef struct
{
  GBytes *bytes;
  gint64  time_us;   /* when it was pushed, monotonic */
} State;

struct _EntHistory
{
  GObject  parent_instance;

  GArray  *states;     /* State; [0] the oldest kept */
  guint    current;    /* index into states */
  int      saved;      /* index of the state in the file, or -1 */
  gsize    n_bytes;    /* sum of the states' sizes */
  guint    position;
  gboolean merge_blocked;   /* the current state was reached by undo or redo */
};

G_DEFINE_FINAL_TYPE (EntHistory, ent_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_AT_SAVED,
  PROP_POSITION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------------ helpers */

static State *
state_at (EntHistory *self,
          guint       index)
{
  return &g_array_index (self->states, State, index);
}

static void
clear_state (gpointer data)
{
  State *state = data;

  g_clear_pointer (&state->bytes, g_bytes_unref);
}

/* Where @a and @b differ when that is inside one line: the offset of that
 * line's start (the same in both); -1 when they differ on several lines or
 * not at all. */
static gssize
single_line_change (GBytes *a,
                    GBytes *b)
{
  gsize len_a, len_b, prefix = 0, suffix = 0, line_start;
  const char *text_a = g_bytes_get_data (a, &len_a);
  const char *text_b = g_bytes_get_data (b, &len_b);

  if (len_a == len_b && (len_a == 0 || memcmp (text_a, text_b, len_a) == 0))
    return -1;

  while (prefix < len_a && prefix < len_b && text_a[prefix] == text_b[prefix])
    prefix++;
  line_start = prefix;
  while (line_start > 0 && text_a[line_start - 1] != '\n')
    line_start--;
  while (suffix < len_a - prefix && suffix < len_b - prefix &&
         text_a[len_a - 1 - suffix] == text_b[len_b - 1 - suffix])
    suffix++;

  if (memchr (text_a + line_start, '\n', len_a - suffix - line_start) != NULL ||
      memchr (text_b + line_start, '\n', len_b - suffix - line_start) != NULL)
    return -1;
  return (gssize) line_start;
}

static void
notify_state (EntHistory *self,
              gboolean    could_undo,
              gboolean    could_redo,
              gboolean    was_saved)
{
  self->position++;
  if (could_undo != ent_history_get_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (could_redo != ent_history_get_can_redo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  if (was_saved != ent_history_get_at_saved (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AT_SAVED]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
}

/* Drops the states after the current one (the steps undone). */
static void
drop_redo (EntHistory *self)
{
  for (guint i = self->current + 1; i < self->states->len; i++)
    self->n_bytes -= g_bytes_get_size (state_at (self, i)->bytes);
  if (self->saved > (int) self->current)
    self->saved = -1;
  g_array_set_size (self->states, self->current + 1);
}

/* Drops the oldest states beyond the limits, never the current one. */
static void
enforce_limits (EntHistory *self)
{
  while (self->current > 0 &&
         (self->states->len > ENT_HISTORY_MAX_STEPS + 1 || self->n_bytes > ENT_HISTORY_MAX_BYTES))
    {
      self->n_bytes -= g_bytes_get_size (state_at (self, 0)->bytes);
      g_array_remove_index (self->states, 0);
      self->current--;
      self->saved = self->saved > 0 ? self->saved - 1 : -1;
    }
}

static void
append_state (EntHistory *self,
              GBytes     *bytes,
              gint64      time_us)
{
  State state = { g_bytes_ref (bytes), time_us };

  g_array_append_val (self->states, state);
  self->n_bytes += g_bytes_get_size (bytes);
}

/* ---------------------------------------------------------------- overrides */

static void
ent_history_finalize (GObject *object)
{
  EntHistory *self = ENT_HISTORY (object);

  g_clear_pointer (&self->states, g_array_unref);

  G_OBJECT_CLASS (ent_history_parent_class)->finalize (object);
}

static void
ent_history_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  EntHistory *self = ENT_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, ent_history_get_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, ent_history_get_can_redo (self));
      break;
    case PROP_AT_SAVED:
      g_value_set_boolean (value, ent_history_get_at_saved (self));
      break;
    case PROP_POSITION:
      g_value_set_uint (value, self->position);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ent_history_class_init (EntHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ent_history_finalize;
  object_class->get_property = ent_history_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_AT_SAVED] =
    g_param_spec_boolean ("at-saved", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_POSITION] =
    g_param_spec_uint ("position", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ent_history_init (EntHistory *self)
{
  self->states = g_array_new (FALSE, TRUE, sizeof (State));
  g_array_set_clear_func (self->states, clear_state);
  self->saved = -1;
}

/* ------------------------------------------------------------------- public */

EntHistory *
ent_history_new (void)
{
  return g_object_new (ENT_TYPE_HISTORY, NULL);
}

void
ent_history_reset (EntHistory *self,
                   GBytes     *state,
                   gboolean    saved)
{
  gboolean could_undo, could_redo, was_saved;

  g_return_if_fail (ENT_IS_HISTORY (self));
  g_return_if_fail (state != NULL);

  could_undo = ent_history_get_can_undo (self);
  could_redo = ent_history_get_can_redo (self);
  was_saved = ent_history_get_at_saved (self);

  g_array_set_size (self->states, 0);
  self->n_bytes = 0;
  append_state (self, state, g_get_monotonic_time ());
  self->current = 0;
  self->saved = saved ? 0 : -1;
  self->merge_blocked = TRUE;
  notify_state (self, could_undo, could_redo, was_saved);
}

void
ent_history_push (EntHistory *self,
                  GBytes     *state,
                  gint64      time_us)
{
  gboolean could_undo, could_redo, was_saved;
  State *current;

  g_return_if_fail (ENT_IS_HISTORY (self));
  g_return_if_fail (state != NULL);
  g_return_if_fail (self->states->len > 0);

  current = state_at (self, self->current);
  if (g_bytes_equal (current->bytes, state))
    return;

  could_undo = ent_history_get_can_undo (self);
  could_redo = ent_history_get_can_redo (self);
  was_saved = ent_history_get_at_saved (self);
  drop_redo (self);
  current = state_at (self, self->current);

  /* Typing in one field: the same single line changed again, soon after. */
  if (!self->merge_blocked && self->current > 0 && (int) self->current != self->saved &&
      time_us - current->time_us < ENT_HISTORY_MERGE_MS * G_TIME_SPAN_MILLISECOND)
    {
      GBytes *before = state_at (self, self->current - 1)->bytes;
      gssize line = single_line_change (current->bytes, state);

      if (line >= 0 && single_line_change (before, current->bytes) == line)
        {
          self->n_bytes -= g_bytes_get_size (current->bytes);
          if (g_bytes_equal (before, state))
            {
              /* typed and erased: no step at all */
              g_array_set_size (self->states, self->current);
              self->current--;
            }
          else
            {
              g_bytes_unref (current->bytes);
              current->bytes = g_bytes_ref (state);
              current->time_us = time_us;
              self->n_bytes += g_bytes_get_size (state);
            }
          notify_state (self, could_undo, could_redo, was_saved);
          return;
        }
    }

  append_state (self, state, time_us);
  self->current++;
  self->merge_blocked = FALSE;
  enforce_limits (self);
  notify_state (self, could_undo, could_redo, was_saved);
}

GBytes *
ent_history_get_current (EntHistory *self)
{
  g_return_val_if_fail (ENT_IS_HISTORY (self), NULL);

  if (self->states->len == 0)
    return NULL;
  return state_at (self, self->current)->bytes;
}

GBytes *
ent_history_undo (EntHistory *self)
{
  gboolean could_undo, could_redo, was_saved;

  g_return_val_if_fail (ENT_IS_HISTORY (self), NULL);

  if (!ent_history_get_can_undo (self))
    return NULL;

  could_undo = ent_history_get_can_undo (self);
  could_redo = ent_history_get_can_redo (self);
  was_saved = ent_history_get_at_saved (self);
  self->current--;
  self->merge_blocked = TRUE;
  notify_state (self, could_undo, could_redo, was_saved);
  return state_at (self, self->current)->bytes;
}

GBytes *
ent_history_redo (EntHistory *self)
{
  gboolean could_undo, could_redo, was_saved;

  g_return_val_if_fail (ENT_IS_HISTORY (self), NULL);

  if (!ent_history_get_can_redo (self))
    return NULL;

  could_undo = ent_history_get_can_undo (self);
  could_redo = ent_history_get_can_redo (self);
  was_saved = ent_history_get_at_saved (self);
  self->current++;
  self->merge_blocked = TRUE;
  notify_state (self, could_undo, could_redo, was_saved);
  return state_at (self, self->current)->bytes;
}

gboolean
ent_history_get_can_undo (EntHistory *self)
{
  g_return_val_if_fail (ENT_IS_HISTORY (self), FALSE);

  return self->current > 0;
}

gboolean
ent_history_get_can_redo (EntHistory *self)
{
  g_return_val_if_fail (ENT_IS_HISTORY (self), FALSE);

  return self->current + 1 < self->states->len;
}

void
ent_history_mark_saved (EntHistory *self)
{
  gboolean was_saved;

  g_return_if_fail (ENT_IS_HISTORY (self));

  was_saved = ent_history_get_at_saved (self);
  self->saved = (int) self->current;
  /* what follows a save is a new step, not more of the typing before it */
  self->merge_blocked = TRUE;
  if (!was_saved)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AT_SAVED]);
}

gboolean
ent_history_get_at_saved (EntHistory *self)
{
  g_return_val_if_fail (ENT_IS_HISTORY (self), FALSE);

  return self->states->len > 0 && self->saved == (int) self->current;
}

guint
ent_history_get_position (EntHistory *self)
{
  g_return_val_if_fail (ENT_IS_HISTORY (self), 0);

  return self->position;
}

guint
ent_history_get_n_states (EntHistory *self)
{
  g_return_val_if_fail (ENT_IS_HISTORY (self), 0);

  return self->states->len;
}
