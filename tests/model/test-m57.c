/* test-m57.c: the M57 labels and the nature/chapter check (SPEC 13)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The expected labels are SPEC 13's list, typed from the SPEC, not read from
 * the table.
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "ent-error.h"
#include "ent-m57.h"

static void
test_labels (void)
{
  static const struct { EntAccountKind kind; const char *code; const char *label; } spec[] = {
    { ENT_ACCOUNT_CHAPTER,  "65",    "Autres charges de gestion courante" },
    { ENT_ACCOUNT_CHAPTER,  "011",   "Charges à caractère général" },
    { ENT_ACCOUNT_NATURE,   "6554",  "Contributions aux organismes de regroupement" },
    { ENT_ACCOUNT_NATURE,   "65548", "Autres contributions" },
    { ENT_ACCOUNT_NATURE,   "611",   "Contrats de prestations de services" },
    { ENT_ACCOUNT_NATURE,   "62878", "Remboursements de frais à d'autres organismes" },
    { ENT_ACCOUNT_FUNCTION, "21",    "Enseignement du premier degré" },
    { ENT_ACCOUNT_FUNCTION, "211",   "Écoles maternelles" },
    { ENT_ACCOUNT_FUNCTION, "212",   "Écoles primaires" },
    { ENT_ACCOUNT_FUNCTION, "213",   "Classes regroupées" },
  };

  g_assert_cmpstr (ent_m57_get_year (), ==, "2025");
  for (guint i = 0; i < G_N_ELEMENTS (spec); i++)
    g_assert_cmpstr (ent_m57_get_label (spec[i].kind, spec[i].code), ==, spec[i].label);

  /* a code of another kind, an unknown code, nothing */
  g_assert_null (ent_m57_get_label (ENT_ACCOUNT_NATURE, "65"));
  g_assert_null (ent_m57_get_label (ENT_ACCOUNT_FUNCTION, "65548"));
  g_assert_null (ent_m57_get_label (ENT_ACCOUNT_NATURE, "7788"));
  g_assert_null (ent_m57_get_label (ENT_ACCOUNT_NATURE, ""));
  g_assert_null (ent_m57_get_label (ENT_ACCOUNT_NATURE, NULL));
}

static void
test_format (void)
{
  g_autofree char *known = ent_m57_format (ENT_ACCOUNT_NATURE, "65548");
  g_autofree char *unknown = ent_m57_format (ENT_ACCOUNT_NATURE, "65888");
  g_autofree char *empty = ent_m57_format (ENT_ACCOUNT_FUNCTION, "");
  g_autofree char *none = ent_m57_format (ENT_ACCOUNT_FUNCTION, NULL);

  g_assert_cmpstr (known, ==, "65548 – Autres contributions");
  g_assert_cmpstr (unknown, ==, "65888");
  g_assert_cmpstr (empty, ==, "");
  g_assert_cmpstr (none, ==, "");
}

static void
test_nature_chapter (void)
{
  g_assert_cmpstr (ent_m57_get_nature_chapter ("611"), ==, "011");
  g_assert_cmpstr (ent_m57_get_nature_chapter ("62878"), ==, "011");
  g_assert_cmpstr (ent_m57_get_nature_chapter ("6554"), ==, "65");
  g_assert_cmpstr (ent_m57_get_nature_chapter ("65548"), ==, "65");
  /* 6411 (personnel) is chapter 012; 635 and 637 (taxes) chapter 011 while
   * 631 and 633 are 012: the longest prefix decides */
  g_assert_cmpstr (ent_m57_get_nature_chapter ("6411"), ==, "012");
  g_assert_cmpstr (ent_m57_get_nature_chapter ("6351"), ==, "011");
  g_assert_cmpstr (ent_m57_get_nature_chapter ("6331"), ==, "012");
  /* revenue accounts: no chapter of the table holds them */
  g_assert_null (ent_m57_get_nature_chapter ("7478"));
  g_assert_null (ent_m57_get_nature_chapter (""));
  g_assert_null (ent_m57_get_nature_chapter (NULL));
}

static void
test_check (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ent_m57_check_imputation ("65", "65548", NULL));
  g_assert_true (ent_m57_check_imputation ("011", "611", NULL));
  g_assert_true (ent_m57_check_imputation ("65", "6554", NULL));
  /* a nature the table cannot place is not flagged */
  g_assert_true (ent_m57_check_imputation ("65", "7478", NULL));

  /* SPEC 13's two examples: 611 outside 011, 6554x outside 65 */
  g_assert_false (ent_m57_check_imputation ("65", "611", &error));
  g_assert_error (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_INVALID_VALUE);
  g_assert_nonnull (strstr (error->message, "611"));
  g_assert_nonnull (strstr (error->message, "011"));
  g_assert_nonnull (strstr (error->message, "Charges à caractère général"));
  g_clear_error (&error);

  g_assert_false (ent_m57_check_imputation ("011", "65548", &error));
  g_assert_error (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_INVALID_VALUE);
  g_assert_nonnull (strstr (error->message, "65548"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/m57/labels", test_labels);
  g_test_add_func ("/model/m57/format", test_format);
  g_test_add_func ("/model/m57/nature-chapter", test_nature_chapter);
  g_test_add_func ("/model/m57/check", test_check);

  return g_test_run ();
}
