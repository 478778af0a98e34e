/* xlsx-test-tool.c: a helper of the export tests
 *
 *   xlsx-test-tool export DOCUMENT|--example OUT.xlsx
 *       writes the workbook with a fixed generation time (2024-03-15 10:30)
 *   xlsx-test-tool expected DOCUMENT|--example
 *       prints the engine's figures, one line each, fields separated by ';':
 *         line;SCENARIO;YEAR;KIND;AMOUNT       (every billed line, KIND base|optional|specific)
 *         year;SCENARIO;YEAR;PUPILS;TOTAL;CUMULATED;REMAINING
 *         total;SCENARIO;TOTAL
 *         school;SCENARIO;YEAR;SCHOOL;BASE;OPTIONAL;SPECIFIC
 *         commune;SCENARIO;YEAR;COMMUNE;BASE;OPTIONAL;SPECIFIC
 *         pupils;SCENARIO;SCHOOL;SCHOOL_YEAR;COUNT;known|projected
 *         info;billing;annual|prorata
 *       amounts in euros with a dot and two decimals.
 *   … --rename=NAME (last argument, either command)
 *       first gives NAME, through the model's setters (not the loader, which
 *       refuses some names), to the title, the payer, the first scenario,
 *       the first school and its commune: the export tests' hostile names.
 *   xlsx-test-tool rate DOCUMENT|--example SCENARIO YYYY-MM-DD
 *       prints the engine's rates in force on that date under the tariff
 *       increase of scenario SCENARIO (1-based, document order):
 *       BASE;OPTIONAL;HALFDAY in euros, or "none" when no tariff is in force.
 *
 * With ENT_TEST_LOCALEDIR set (the build's po directory), labels come from
 * the translations built there, as in the installed application.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <stdlib.h>

#include <glib/gi18n-lib.h>

#include "ent-budget.h"
#include "ent-money.h"
#include "ent-xlsx-export.h"

static const char *const kinds[ENT_N_LINES] = { "base", "optional", "specific" };

static EntDocument *
load (const char  *what,
      GError     **error)
{
  g_autoptr (GFile) file = NULL;

  if (g_str_equal (what, "--example"))
    return ent_document_new_example ();
  file = g_file_new_for_commandline_arg (what);
  return ent_document_new_from_file (file, error);
}

static void
rename_document (EntDocument *document,
                 const char  *name)
{
  GListModel *scenarios = ent_document_get_scenarios (document);
  GListModel *schools = ent_document_get_schools (document);

  ent_document_set_title (document, name);
  ent_document_set_payer (document, name);
  if (g_list_model_get_n_items (scenarios) > 0)
    {
      g_autoptr (EntScenario) scenario = g_list_model_get_item (scenarios, 0);

      ent_scenario_set_name (scenario, name);
    }
  if (g_list_model_get_n_items (schools) > 0)
    {
      g_autoptr (EntSchool) school = g_list_model_get_item (schools, 0);

      ent_school_set_name (school, name);
      ent_school_set_commune (school, name);
    }
}

static void
print_money (gint64 cents)
{
  g_autofree char *text = ent_money_to_plain (cents);

  fputs (text, stdout);
}

static int
print_expected (EntDocument *document)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (EntBudget) budget = ent_budget_compute (document, &error);

  if (budget == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  printf ("info;billing;%s\n",
          ent_billing_to_string (ent_contract_get_billing (ent_document_get_contract (document))));
  for (guint s = 0; s < budget->n_scenarios; s++)
    {
      const EntScenarioBudget *sb = &budget->scenarios[s];

      for (guint y = 0; y < sb->n_years; y++)
        {
          const EntBudgetYear *year = &sb->years[y];

          for (EntLineKind kind = 0; kind < ENT_N_LINES; kind++)
            {
              if (year->lines[kind].n_segments == 0)
                continue;
              printf ("line;%s;%d;%s;", sb->name, year->year, kinds[kind]);
              print_money (year->lines[kind].amount);
              putchar ('\n');
            }
          printf ("year;%s;%d;%" G_GINT64_FORMAT ";", sb->name, year->year, year->pupils);
          print_money (year->total);
          putchar (';');
          print_money (year->cumulated);
          putchar (';');
          print_money (year->remaining);
          putchar ('\n');

          for (guint i = 0; i < budget->n_schools; i++)
            {
              printf ("school;%s;%d;%s", sb->name, year->year, ent_school_get_name (budget->schools[i]));
              for (EntLineKind kind = 0; kind < ENT_N_LINES; kind++)
                {
                  const EntBudgetLine *line = &year->lines[kind];

                  putchar (';');
                  print_money (line->school_parts != NULL ? line->school_parts[i] : 0);
                }
              putchar ('\n');
            }
          for (guint c = 0; c < budget->n_communes; c++)
            {
              printf ("commune;%s;%d;%s", sb->name, year->year, budget->communes[c]);
              for (EntLineKind kind = 0; kind < ENT_N_LINES; kind++)
                {
                  putchar (';');
                  print_money (ent_budget_line_get_commune_part (budget, &year->lines[kind], c));
                }
              putchar ('\n');
            }
        }
      printf ("total;%s;", sb->name);
      print_money (sb->total);
      putchar ('\n');

      for (guint i = 0; i < budget->n_schools; i++)
        for (guint y = 0; y < budget->n_school_years; y++)
          printf ("pupils;%s;%s;%d;%" G_GINT64_FORMAT ";%s\n", sb->name,
                  ent_school_get_name (budget->schools[i]), budget->first_school_year + (int) y,
                  sb->pupils[i * budget->n_school_years + y],
                  sb->known[i * budget->n_school_years + y] ? "known" : "projected");
    }
  return 0;
}

static int
print_rates (EntDocument *document,
             int          scenario_number,
             const char  *date_text)
{
  GListModel *scenarios = ent_document_get_scenarios (document);
  g_autoptr (EntScenario) scenario = NULL;
  g_autoptr (GDate) date = g_date_new ();

  if (scenario_number < 1 || (guint) scenario_number > g_list_model_get_n_items (scenarios))
    {
      g_printerr ("no scenario %d\n", scenario_number);
      return 2;
    }
  scenario = g_list_model_get_item (scenarios, scenario_number - 1);
  g_date_set_parse (date, date_text);
  if (!g_date_valid (date))
    {
      g_printerr ("not a date: %s\n", date_text);
      return 2;
    }

  for (EntLineKind kind = 0; kind < ENT_N_LINES; kind++)
    {
      gint64 cents = 0;

      if (!ent_tariff_rate_on (ent_document_get_tariffs (document), kind, date,
                               ent_scenario_get_tariff_increase (scenario), &cents, NULL))
        {
          printf ("none\n");
          return 0;
        }
      if (kind > 0)
        putchar (';');
      print_money (cents);
    }
  putchar ('\n');
  return 0;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (EntDocument) document = NULL;

  setlocale (LC_ALL, "");
  if (g_getenv ("ENT_TEST_LOCALEDIR") != NULL)
    {
      bindtextdomain (GETTEXT_PACKAGE, g_getenv ("ENT_TEST_LOCALEDIR"));
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
    }

  if (argc < 3)
    {
      g_printerr ("usage: %s export DOCUMENT|--example OUT.xlsx | expected DOCUMENT|--example\n", argv[0]);
      return 2;
    }
  document = load (argv[2], &error);
  if (document == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  if (g_str_has_prefix (argv[argc - 1], "--rename="))
    {
      rename_document (document, argv[argc - 1] + strlen ("--rename="));
      argc--;
    }

  if (g_str_equal (argv[1], "expected"))
    return print_expected (document);

  if (g_str_equal (argv[1], "rate") && argc == 5)
    return print_rates (document, atoi (argv[3]), argv[4]);

  if (g_str_equal (argv[1], "export") && argc == 4)
    {
      g_autoptr (GTimeZone) utc = g_time_zone_new_utc ();
      g_autoptr (GDateTime) when = g_date_time_new (utc, 2024, 3, 15, 10, 30, 0);
      EntXlsxOptions options = { .generated = when };

      if (!ent_xlsx_export (document, argv[3], &options, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      return 0;
    }

  g_printerr ("unknown command %s\n", argv[1]);
  return 2;
}
