/* ent-error.c: the model's error domain
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ent-error.h"

G_DEFINE_QUARK (ent-model-error-quark, ent_model_error)
