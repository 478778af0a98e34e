/* ent-execution.c: voted and paid amounts per budget year, AE revisions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ent-execution.h"

typedef struct
{
  int      year;
  gint64   voted;
  gint64   paid;
  gboolean has_voted;
  gboolean has_paid;
} YearEntry;

typedef struct
{
  GDate    date;
  gint64   amount;
  char    *reference;   /* never NULL */
} Revision;

struct _EntExecution
{
  GObject  parent_instance;

  GArray  *years;       /* YearEntry, ascending year, each with something entered */
  GArray  *revisions;   /* Revision, in the order entered */
};

G_DEFINE_FINAL_TYPE (EntExecution, ent_execution, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
revision_clear (gpointer data)
{
  Revision *revision = data;

  g_clear_pointer (&revision->reference, g_free);
}

static void
ent_execution_finalize (GObject *object)
{
  EntExecution *self = (EntExecution *)object;

  g_clear_pointer (&self->years, g_array_unref);
  g_clear_pointer (&self->revisions, g_array_unref);

  G_OBJECT_CLASS (ent_execution_parent_class)->finalize (object);
}

static void
ent_execution_class_init (EntExecutionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ent_execution_finalize;

  /**
   * EntExecution::changed:
   *
   * Emitted after any change of a voted or paid amount or of a revision.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);
}

static void
ent_execution_init (EntExecution *self)
{
  self->years = g_array_new (FALSE, TRUE, sizeof (YearEntry));
  self->revisions = g_array_new (FALSE, TRUE, sizeof (Revision));
  g_array_set_clear_func (self->revisions, revision_clear);
}

EntExecution *
ent_execution_new (void)
{
  return g_object_new (ENT_TYPE_EXECUTION, NULL);
}

/* The entry of @year, or where it would go (*@out_found FALSE). A contract
 * has a handful of years: a linear search is enough. */
static guint
find_year (EntExecution *self,
           int           year,
           gboolean     *out_found)
{
  guint i;

  for (i = 0; i < self->years->len; i++)
    {
      YearEntry *entry = &g_array_index (self->years, YearEntry, i);

      if (entry->year >= year)
        {
          *out_found = entry->year == year;
          return i;
        }
    }
  *out_found = FALSE;
  return i;
}

static gboolean
get_amount (EntExecution *self,
            int           year,
            gboolean      paid,
            gint64       *out_cents)
{
  gboolean found;
  guint i;
  YearEntry *entry;

  g_return_val_if_fail (ENT_IS_EXECUTION (self), FALSE);

  i = find_year (self, year, &found);
  if (!found)
    return FALSE;
  entry = &g_array_index (self->years, YearEntry, i);
  if (paid ? !entry->has_paid : !entry->has_voted)
    return FALSE;
  if (out_cents != NULL)
    *out_cents = paid ? entry->paid : entry->voted;
  return TRUE;
}

static void
set_amount (EntExecution *self,
            int           year,
            gboolean      paid,
            gboolean      entered,
            gint64        cents)
{
  gboolean found;
  guint i;
  YearEntry *entry;

  g_return_if_fail (ENT_IS_EXECUTION (self));

  i = find_year (self, year, &found);
  if (!found)
    {
      YearEntry new_entry = { .year = year };

      if (!entered)
        return;
      g_array_insert_val (self->years, i, new_entry);
    }
  entry = &g_array_index (self->years, YearEntry, i);

  if (paid)
    {
      if (entry->has_paid == entered && (!entered || entry->paid == cents))
        return;
      entry->has_paid = entered;
      entry->paid = entered ? cents : 0;
    }
  else
    {
      if (entry->has_voted == entered && (!entered || entry->voted == cents))
        return;
      entry->has_voted = entered;
      entry->voted = entered ? cents : 0;
    }

  /* a year with nothing entered is not kept: equality stays simple */
  if (!entry->has_voted && !entry->has_paid)
    g_array_remove_index (self->years, i);

  g_signal_emit (self, signals[CHANGED], 0);
}

gboolean
ent_execution_get_voted (EntExecution *self,
                         int           year,
                         gint64       *out_cents)
{
  return get_amount (self, year, FALSE, out_cents);
}

gboolean
ent_execution_get_paid (EntExecution *self,
                        int           year,
                        gint64       *out_cents)
{
  return get_amount (self, year, TRUE, out_cents);
}

void
ent_execution_set_voted (EntExecution *self,
                         int           year,
                         gboolean      entered,
                         gint64        cents)
{
  set_amount (self, year, FALSE, entered, cents);
}

void
ent_execution_set_paid (EntExecution *self,
                        int           year,
                        gboolean      entered,
                        gint64        cents)
{
  set_amount (self, year, TRUE, entered, cents);
}

guint
ent_execution_get_n_years (EntExecution *self)
{
  g_return_val_if_fail (ENT_IS_EXECUTION (self), 0);

  return self->years->len;
}

int
ent_execution_get_nth_year (EntExecution *self,
                            guint         index)
{
  g_return_val_if_fail (ENT_IS_EXECUTION (self), 0);
  g_return_val_if_fail (index < self->years->len, 0);

  return g_array_index (self->years, YearEntry, index).year;
}

guint
ent_execution_get_n_revisions (EntExecution *self)
{
  g_return_val_if_fail (ENT_IS_EXECUTION (self), 0);

  return self->revisions->len;
}

void
ent_execution_get_revision (EntExecution *self,
                            guint         index,
                            GDate        *out_date,
                            gint64       *out_amount,
                            const char  **out_reference)
{
  Revision *revision;

  g_return_if_fail (ENT_IS_EXECUTION (self));
  g_return_if_fail (index < self->revisions->len);

  revision = &g_array_index (self->revisions, Revision, index);
  if (out_date != NULL)
    *out_date = revision->date;
  if (out_amount != NULL)
    *out_amount = revision->amount;
  if (out_reference != NULL)
    *out_reference = revision->reference;
}

static gboolean
revision_matches (const Revision *revision,
                  const GDate    *date,
                  gint64          amount,
                  const char     *reference)
{
  return g_date_valid (&revision->date) && g_date_valid (date)
         && g_date_compare (&revision->date, date) == 0
         && revision->amount == amount
         && g_str_equal (revision->reference, reference != NULL ? reference : "");
}

void
ent_execution_add_revision (EntExecution *self,
                            const GDate  *date,
                            gint64        amount,
                            const char   *reference)
{
  Revision revision = { 0, };

  g_return_if_fail (ENT_IS_EXECUTION (self));
  g_return_if_fail (date != NULL && g_date_valid (date));

  revision.date = *date;
  revision.amount = amount;
  revision.reference = g_strdup (reference != NULL ? reference : "");
  g_array_append_val (self->revisions, revision);
  g_signal_emit (self, signals[CHANGED], 0);
}

void
ent_execution_set_revision (EntExecution *self,
                            guint         index,
                            const GDate  *date,
                            gint64        amount,
                            const char   *reference)
{
  Revision *revision;

  g_return_if_fail (ENT_IS_EXECUTION (self));
  g_return_if_fail (index < self->revisions->len);
  g_return_if_fail (date != NULL && g_date_valid (date));

  revision = &g_array_index (self->revisions, Revision, index);
  if (revision_matches (revision, date, amount, reference))
    return;
  revision->date = *date;
  revision->amount = amount;
  g_free (revision->reference);
  revision->reference = g_strdup (reference != NULL ? reference : "");
  g_signal_emit (self, signals[CHANGED], 0);
}

void
ent_execution_remove_revision (EntExecution *self,
                               guint         index)
{
  g_return_if_fail (ENT_IS_EXECUTION (self));
  g_return_if_fail (index < self->revisions->len);

  g_array_remove_index (self->revisions, index);
  g_signal_emit (self, signals[CHANGED], 0);
}

gboolean
ent_execution_equal (EntExecution *a,
                     EntExecution *b)
{
  g_return_val_if_fail (ENT_IS_EXECUTION (a), FALSE);
  g_return_val_if_fail (ENT_IS_EXECUTION (b), FALSE);

  if (a->years->len != b->years->len || a->revisions->len != b->revisions->len)
    return FALSE;

  for (guint i = 0; i < a->years->len; i++)
    {
      YearEntry *ya = &g_array_index (a->years, YearEntry, i);
      YearEntry *yb = &g_array_index (b->years, YearEntry, i);

      /* amounts not entered are 0: comparing them is enough */
      if (ya->year != yb->year || ya->has_voted != yb->has_voted || ya->has_paid != yb->has_paid
          || ya->voted != yb->voted || ya->paid != yb->paid)
        return FALSE;
    }

  for (guint i = 0; i < a->revisions->len; i++)
    {
      Revision *ra = &g_array_index (a->revisions, Revision, i);
      Revision *rb = &g_array_index (b->revisions, Revision, i);

      if (!revision_matches (ra, &rb->date, rb->amount, rb->reference))
        return FALSE;
    }

  return TRUE;
}

void
ent_execution_copy_from (EntExecution *self,
                         EntExecution *from)
{
  g_return_if_fail (ENT_IS_EXECUTION (self));
  g_return_if_fail (ENT_IS_EXECUTION (from));

  if (self == from || ent_execution_equal (self, from))
    return;

  g_array_set_size (self->years, 0);
  g_array_append_vals (self->years, from->years->data, from->years->len);

  g_array_set_size (self->revisions, 0);
  for (guint i = 0; i < from->revisions->len; i++)
    {
      Revision *source = &g_array_index (from->revisions, Revision, i);
      Revision copy = *source;

      copy.reference = g_strdup (source->reference);
      g_array_append_val (self->revisions, copy);
    }

  g_signal_emit (self, signals[CHANGED], 0);
}
