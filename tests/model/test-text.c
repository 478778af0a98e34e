/* test-text.c: lists typed by a person, text for a terminal, CSV text fields
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "ent-text.h"

static void
assert_list_with (const char        *text,
                  const char        *separators,
                  const char *const *expected)
{
  g_auto(GStrv) items = ent_text_split_list (text, separators);

  g_test_message ("splitting “%s”", text ? text : "(null)");
  if (expected == NULL)
    {
      g_assert_null (items);
      return;
    }
  g_assert_nonnull (items);
  g_assert_cmpstrv (items, expected);
}

static void
assert_list (const char        *text,
             const char *const *expected)
{
  assert_list_with (text, ENT_TEXT_LIST_SEPARATORS, expected);
}

static void
test_split_list (void)
{
  assert_list ("Hem, Roubaix", (const char *const[]) { "Hem", "Roubaix", NULL });
  assert_list ("Hem,Roubaix", (const char *const[]) { "Hem", "Roubaix", NULL });
  assert_list ("  Hem ;\tRoubaix ,Wattrelos  ",
               (const char *const[]) { "Hem", "Roubaix", "Wattrelos", NULL });
  /* spaces inside a name stay; ',' and ';' both separate */
  assert_list ("Villeneuve d'Ascq; Saint-André-lez-Lille",
               (const char *const[]) { "Villeneuve d'Ascq", "Saint-André-lez-Lille", NULL });
  /* no-break spaces (U+00A0, U+202F) are trimmed too */
  assert_list ("\xc2\xa0" "Hem\xe2\x80\xaf,\xe2\x80\xaf" "Lys-lez-Lannoy",
               (const char *const[]) { "Hem", "Lys-lez-Lannoy", NULL });
  /* empty items are dropped */
  assert_list ("59510,,  , 59100,", (const char *const[]) { "59510", "59100", NULL });
  assert_list ("Élancourt", (const char *const[]) { "Élancourt", NULL });
  /* nothing to take */
  assert_list (NULL, NULL);
  assert_list ("", NULL);
  assert_list (" , ;; ", NULL);
  /* not UTF-8: still a list, the bad byte replaced */
  assert_list ("H\xffm, Roubaix", (const char *const[]) { "H\xef\xbf\xbdm", "Roubaix", NULL });
  /* other separators: the document format's "2024:2; 2025:3" */
  assert_list_with (" 2024:2; 2025:3 ;", ";", (const char *const[]) { "2024:2", "2025:3", NULL });
  assert_list_with ("Hem, Roubaix", ";", (const char *const[]) { "Hem, Roubaix", NULL });
}

static void
test_escape_controls (void)
{
  static const struct { const char *text; gboolean keep_newlines; const char *expected; } cases[] = {
    { "Base seule", FALSE, "Base seule" },
    { "Écoles publiques de Hem — 11 écoles", FALSE, "Écoles publiques de Hem — 11 écoles" },
    { "", FALSE, "" },
    /* ESC [ 2 J clears the screen; BEL rings; CR rewrites the line */
    { "a\x1b[2Jb", FALSE, "a\\x1b[2Jb" },
    { "bell\x07", FALSE, "bell\\x07" },
    { "x\ry", FALSE, "x\\x0dy" },
    { "tab\there", FALSE, "tab\\x09here" },
    { "DEL\x7f", FALSE, "DEL\\x7f" },
    /* C1 controls as UTF-8: U+009B (CSI), U+0085 (NEL), U+0080, U+009F */
    { "csi\xc2\x9b" "31m", FALSE, "csi\\x9b31m" },
    { "\xc2\x85\xc2\x80\xc2\x9f", FALSE, "\\x85\\x80\\x9f" },
    /* the neighbours of C1 are ordinary characters */
    { "\xc2\xa0\xc2\xa9", FALSE, "\xc2\xa0\xc2\xa9" },
    { "two\nlines", FALSE, "two\\x0alines" },
    { "two\nlines\x1b", TRUE, "two\nlines\\x1b" },
    /* not UTF-8: U+FFFD, never the raw byte */
    { "bad\x9b" "byte", FALSE, "bad\xef\xbf\xbd" "byte" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *escaped = ent_text_escape_controls (cases[i].text, cases[i].keep_newlines);

      g_assert_cmpstr (escaped, ==, cases[i].expected);
      g_assert_true (g_utf8_validate (escaped, -1, NULL));
    }

  {
    g_autofree char *escaped = ent_text_escape_controls (NULL, FALSE);

    g_assert_cmpstr (escaped, ==, "");
  }
}

static void
test_csv_field (void)
{
  static const struct { const char *text; char separator; const char *expected; } cases[] = {
    { "Base seule", ';', "Base seule" },
    { "", ';', "" },
    /* SPEC 10.5: what a spreadsheet would run is prefixed with ' */
    { "=1+1", ';', "'=1+1" },
    { "+cmd|' /C calc'!A0", ';', "'+cmd|' /C calc'!A0" },
    { "@SUM(A1)", ';', "'@SUM(A1)" },
    { "-2+3", ';', "'-2+3" },
    { "\t=1", ';', "'\t=1" },
    { "\r=1", ';', "\"'\r=1\"" },
    /* only at the start */
    { "Base + accompagnement", ';', "Base + accompagnement" },
    { "a=b", ';', "a=b" },
    { "'quoted", ';', "'quoted" },
    /* RFC 4180 quoting */
    { "Baisse; hausse", ';', "\"Baisse; hausse\"" },
    { "Say \"hi\"", ';', "\"Say \"\"hi\"\"\"" },
    { "two\nlines", ';', "\"two\nlines\"" },
    { "a,b", ';', "a,b" },
    { "a,b", ',', "\"a,b\"" },
    { "a;b", ',', "a;b" },
    /* both: the prefix goes inside the quotes */
    { "=HYPERLINK(\"http://x\";\"y\")", ';', "\"'=HYPERLINK(\"\"http://x\"\";\"\"y\"\")\"" },
    { "-1;2", ';', "\"'-1;2\"" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) out = g_string_new ("x;");

      ent_text_append_csv_field (out, cases[i].text, cases[i].separator);
      g_test_message ("field “%s”", cases[i].text);
      g_assert_true (g_str_has_prefix (out->str, "x;"));
      g_assert_cmpstr (out->str + 2, ==, cases[i].expected);
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/text/split-list", test_split_list);
  g_test_add_func ("/model/text/escape-controls", test_escape_controls);
  g_test_add_func ("/model/text/csv-field", test_csv_field);

  return g_test_run ();
}
