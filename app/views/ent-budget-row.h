/* ent-budget-row.h: one row of a Budget page table, as texts ready to show
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The texts a row can carry; each table reads the properties of its columns
 * ("year", "chapter", …, named as below in lower case). */
typedef enum
{
  ENT_BUDGET_ROW_YEAR,
  ENT_BUDGET_ROW_CHAPTER,
  ENT_BUDGET_ROW_NATURE,
  ENT_BUDGET_ROW_FUNCTION,
  ENT_BUDGET_ROW_LABEL,
  ENT_BUDGET_ROW_AMOUNT,
  ENT_BUDGET_ROW_PUPILS,
  ENT_BUDGET_ROW_CREDITS,
  ENT_BUDGET_ROW_COST,
  ENT_BUDGET_ROW_CUMULATED,
  ENT_BUDGET_ROW_REMAINING,
  ENT_BUDGET_ROW_VINTAGE,
  ENT_BUDGET_ROW_NAME,
  ENT_BUDGET_ROW_TOTAL,
  ENT_BUDGET_ROW_N_TEXTS
} EntBudgetRowText;

#define ENT_TYPE_BUDGET_ROW (ent_budget_row_get_type ())
G_DECLARE_FINAL_TYPE (EntBudgetRow, ent_budget_row, ENT, BUDGET_ROW, GObject)

/* A row identified by @key (what it shows: "I:K", "I:total", "total", "c:C"),
 * without texts yet. */
EntBudgetRow *ent_budget_row_new            (const char        *key);
const char   *ent_budget_row_get_key        (EntBudgetRow      *self);
const char   *ent_budget_row_get_text       (EntBudgetRow      *self,
                                             EntBudgetRowText   text);
/* The per-budget-year texts of the per-commune table, whose columns are
 * built in C (one per budget year); "" past the end. */
const char   *ent_budget_row_get_year_text  (EntBudgetRow      *self,
                                             guint              index);

/* The name of the property that holds @text ("year", "chapter", …). */
const char   *ent_budget_row_text_property  (EntBudgetRowText   text);

/* For the page that fills the rows: each setter notifies only a change. */
void          ent_budget_row_set_text       (EntBudgetRow      *self,
                                             EntBudgetRowText   text,
                                             const char        *value);
void          ent_budget_row_set_year_texts (EntBudgetRow      *self,
                                             const char *const *values);
void          ent_budget_row_set_is_total   (EntBudgetRow      *self,
                                             gboolean           is_total);
/* Gives @self the texts of @other (a row of the same key built afresh). */
void          ent_budget_row_assign         (EntBudgetRow      *self,
                                             EntBudgetRow      *other);

G_END_DECLS
