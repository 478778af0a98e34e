/* ent-large-document.h: a synthetic document at the syndicate's scale (issue 7)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ent-document.h"

G_BEGIN_DECLS

/* The syndicate's scale: about 1 500 communes, 3 500 schools, 500 000 pupils. */
#define ENT_BENCH_N_COMMUNES  1500
#define ENT_BENCH_N_SCHOOLS   3500
#define ENT_BENCH_N_PUPILS    500000
#define ENT_BENCH_N_SCENARIOS 4

/* A deterministic document (same arguments, same document) paid by an EPCI:
 * the Hem contract (4 school years from 2023, annual billing) and tariffs,
 * @n_communes communes ("Commune 0001"…, INSEE "59001"…) holding @n_schools
 * schools (every commune at least one, a few large ones many), each with a
 * UAI and known counts for 2022 and 2023 (some also 2024); the counts of
 * rentrée 2023 sum to exactly @n_pupils. @n_scenarios scenarios (1 to 8) mix
 * the options: optional support all years or some, half-days, a falling
 * projection, a tariff increase. Needs n_communes <= n_schools and
 * n_pupils <= n_schools × ENT_MAX_PUPILS_PER_SCHOOL. Not modified. */
EntDocument *ent_bench_make_large_document (guint  n_communes,
                                            guint  n_schools,
                                            gint64 n_pupils,
                                            guint  n_scenarios);

/* A document of @n_schools small schools, for the load benchmark: the Hem
 * contract and tariffs, the four scenarios above, schools "École N" spread
 * over sixteen communes with one known count each (rentrée 2023, 40 to 99
 * pupils). About 80 bytes a school once saved, so that 200 000 schools stay
 * under the document size limit. Deterministic; not modified. */
EntDocument *ent_bench_make_schools_document (guint  n_schools);

G_END_DECLS
