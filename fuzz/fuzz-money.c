/* fuzz-money.c: the money and percentage parsers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Any text must parse or fail with an ENT_MODEL_ERROR. A parsed amount must
 * come back from its plain form (and, under a French locale, from its
 * displayed form) unchanged; same for percentages.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ent-error.h"
#include "ent-money.h"
#include "fuzz-common.h"

static gboolean french;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_setup ();
  french = setlocale (LC_ALL, "fr_FR.UTF-8") != NULL;
  return 0;
}

static void
check_money (const char *text)
{
  g_autoptr(GError) error = NULL;
  gint64 cents, again;

  if (!ent_money_parse (text, &cents, &error))
    {
      fuzz_check (error != NULL && error->domain == ENT_MODEL_ERROR);
      return;
    }

  {
    g_autofree char *plain = ent_money_to_plain (cents);

    fuzz_check (ent_money_parse (plain, &again, NULL) && again == cents);
  }

  if (french)
    {
      g_autofree char *shown = ent_money_format (cents);
      g_autofree char *number = ent_money_format_number (cents);

      fuzz_check (ent_money_parse (shown, &again, NULL) && again == cents);
      fuzz_check (ent_money_parse (number, &again, NULL) && again == cents);
    }
}

static void
check_percent (const char *text)
{
  g_autoptr(GError) error = NULL;
  gint64 bp, again;

  if (!ent_percent_parse (text, &bp, &error))
    {
      fuzz_check (error != NULL && error->domain == ENT_MODEL_ERROR);
      return;
    }

  {
    g_autofree char *plain = ent_percent_to_plain (bp);

    fuzz_check (ent_percent_parse (plain, &again, NULL) && again == bp);
  }

  if (french)
    {
      g_autofree char *shown = ent_percent_format (bp);

      fuzz_check (ent_percent_parse (shown, &again, NULL) && again == bp);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  /* The parsers take NUL-terminated text: stop at the first NUL, as a caller would. */
  g_autofree char *text = g_strndup ((const char *) data, size);

  check_money (text);
  check_percent (text);

  {
    g_autofree char *count = ent_count_format ((gint64) size * 1000003);

    fuzz_check (count != NULL);
  }

  return 0;
}
