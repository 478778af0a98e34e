/* ent-execution.h: following the contract: what was voted and paid per
 * budget year, and the revisions of the commitment authorisation (SPEC 13)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define ENT_TYPE_EXECUTION (ent_execution_get_type ())
G_DECLARE_FINAL_TYPE (EntExecution, ent_execution, ENT, EXECUTION, GObject)

/* What the finance officer entered, saved as [Execution YEAR] (voted=,
 * paid=) and [AE revision N] (date=, amount=, reference=). Each amount of a
 * year is optional: "not entered" is not 0 (nothing voted yet is not a vote
 * of 0,00 €). Years outside the contract are kept, like a scenario's (the
 * contract may be lengthened again); the queries read the contract's years.
 * Revisions keep the order they were entered in: the last one is the AE in
 * force. Signal "changed" (no arguments) after any change. */
EntExecution *ent_execution_new                 (void);

/* FALSE when nothing was entered for @year (*@out_cents left unchanged). */
gboolean      ent_execution_get_voted           (EntExecution *self,
                                                 int           year,
                                                 gint64       *out_cents);
gboolean      ent_execution_get_paid            (EntExecution *self,
                                                 int           year,
                                                 gint64       *out_cents);
/* @entered FALSE clears the value. Amounts follow ent_validate_execution_amount (). */
void          ent_execution_set_voted           (EntExecution *self,
                                                 int           year,
                                                 gboolean      entered,
                                                 gint64        cents);
void          ent_execution_set_paid            (EntExecution *self,
                                                 int           year,
                                                 gboolean      entered,
                                                 gint64        cents);
/* The years with something entered, ascending. */
guint         ent_execution_get_n_years         (EntExecution *self);
int           ent_execution_get_nth_year        (EntExecution *self,
                                                 guint         index);

guint         ent_execution_get_n_revisions     (EntExecution *self);
/* Each output may be NULL; @out_reference is owned by @self. */
void          ent_execution_get_revision        (EntExecution *self,
                                                 guint         index,
                                                 GDate        *out_date,
                                                 gint64       *out_amount,
                                                 const char  **out_reference);
void          ent_execution_add_revision        (EntExecution *self,
                                                 const GDate  *date,
                                                 gint64        amount,
                                                 const char   *reference);
void          ent_execution_set_revision        (EntExecution *self,
                                                 guint         index,
                                                 const GDate  *date,
                                                 gint64        amount,
                                                 const char   *reference);
void          ent_execution_remove_revision     (EntExecution *self,
                                                 guint         index);

gboolean      ent_execution_equal               (EntExecution *a,
                                                 EntExecution *b);
/* Makes @self hold what @from holds; one "changed" when anything differs
 * (undo restores in place, ent_document_replace_content ()). */
void          ent_execution_copy_from           (EntExecution *self,
                                                 EntExecution *from);

G_END_DECLS
