/* ent-rob.h: the « engagements pluriannuels » of the budget orientation
 * report (ROB/DOB), as text and as HTML (SPEC 13)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ent-document.h"
#include "ent-export-error.h"

G_BEGIN_DECLS

/* The section for @scenario (NULL: the document's current scenario), in
 * French whatever the UI language: the contract, the payer, the tariffs and
 * the options taken, the commitment authorisation (AE, CGCT art. L2311-3 II)
 * and its imputation, a table of the payment credits (CP) per budget year
 * with the pupils counted, and where the counts come from (observed or
 * projected, imported or typed). @out_text: plain UTF-8 text, amounts as
 * "1 571,70 €" with U+202F and U+00A0 as ent_money_format () writes them
 * under fr_FR; @out_html (may be NULL): the same as an HTML fragment (<p> and
 * <table>) to paste into a word processor. Fails with
 * ENT_EXPORT_ERROR_BUDGET when the budget cannot be computed. */
gboolean ent_rob_build (EntDocument  *document,
                        EntScenario  *scenario,
                        char        **out_text,
                        char        **out_html,
                        GError      **error);

G_END_DECLS
