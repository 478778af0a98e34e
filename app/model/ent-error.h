/* ent-error.h: the model's error domain
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "ent-enum-types.h"

G_BEGIN_DECLS

#define ENT_MODEL_ERROR (ent_model_error_quark ())

typedef enum
{
  ENT_MODEL_ERROR_PARSE,          /* not a key file, not UTF-8, binary, empty */
  ENT_MODEL_ERROR_MISSING,        /* a required group or key is absent */
  ENT_MODEL_ERROR_INVALID_VALUE,  /* unparsable number, date, keyword */
  ENT_MODEL_ERROR_OUT_OF_RANGE,   /* negative, absurd, outside the contract */
  ENT_MODEL_ERROR_NO_TARIFF,      /* no tariff period in force on a billed date */
  ENT_MODEL_ERROR_DUPLICATE,      /* two tariff periods on one date, ... */
  ENT_MODEL_ERROR_VERSION,        /* written by a newer version */
  ENT_MODEL_ERROR_OVERFLOW,       /* an amount does not fit in 64 bits */
  ENT_MODEL_ERROR_IO,             /* reading or writing the file failed */
} EntModelError;

GQuark ent_model_error_quark (void);

G_END_DECLS
