/* ent-export-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ent-export-error.h"

G_DEFINE_QUARK (ent-export-error-quark, ent_export_error)
