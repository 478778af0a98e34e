/* ent-cli.c: the headless command line: --summary, --csv, --export, --pdf,
 * --scdl, --rob, --scenario, --import, --version
 *
 * Everything here runs from "handle-local-options", before GTK is initialised:
 * no display and no session bus are needed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "ent-budget.h"
#include "ent-budget-query.h"
#include "ent-cli.h"
#include "ent-csv-import.h"
#include "ent-money.h"
#include "ent-pdf-export.h"
#include "ent-rob.h"
#include "ent-scdl-export.h"
#include "ent-text.h"
#include "ent-xlsx-export.h"

static const GOptionEntry cli_entries[] = {
  { "summary", 's', 0, G_OPTION_ARG_NONE, NULL,
    N_("Print each scenario’s budget lines per year and the totals"), NULL },
  { "csv", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --summary, print CSV (scenario;year;pupils;base;optional;specific;total)"), NULL },
  { "export", 'x', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the budget workbook (XLSX) to OUT"), N_("OUT") },
  { "pdf", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the one-page PDF summary to OUT"), N_("OUT") },
  { "scdl", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the scenario’s budget lines as open data (SCDL « Budget » CSV) to OUT"), N_("OUT") },
  { "rob", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the multi-year commitments section of the budget orientation report (in French)"), NULL },
  { "scenario", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("The scenario --summary, --export, --pdf, --scdl and --rob use, by number (1 for the first) "
       "or name; default: all scenarios for --summary and --export, the document’s current one "
       "for the others"), N_("N|NAME") },
  { "import", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Import pupil counts from a CSV file (the Ministry’s open data or the template)"), N_("CSV") },
  { "commune", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --import, the communes to take, separated by commas"), N_("NAME[,NAME…]") },
  { "postal-code", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --import, the postal codes to take, separated by commas"), N_("CODE[,CODE…]") },
  { "uai", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --import, the schools to take by their UAI, separated by commas"), N_("UAI[,UAI…]") },
  { "departement", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --import, the départements to take (59, 2A…), separated by commas"), N_("CODE[,CODE…]") },
  { "include-private", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --import, take private schools too"), NULL },
  { "keep-unmatched", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --import, keep the document’s schools without UAI in the imported communes "
       "(replaced by the imported schools otherwise)"), NULL },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("With --import, the document to write (FILE is the document to merge into)"), N_("DOC") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the version and exit"), NULL },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL,
    NULL, N_("[FILE…]") },
  { NULL }
};

static const char *
summary_text (void)
{
  /* Translators: the --help description of the command line */
  return _("Plans the commune’s contribution to the school digital workspace (ENT) "
           "and prints or exports its budget. With no option, opens the window "
           "on FILE, the last document or the bundled example (Hem).");
}

/* An empty path is bad usage (SPEC 10.5): every path option (any
 * G_OPTION_ARG_FILENAME of the table, so a new one is covered too) and every
 * FILE. Returns the reason, or NULL. */
static char *
find_empty_path (const GOptionEntry *entries,
                 char *const        *files)
{
  for (guint i = 0; entries[i].long_name != NULL; i++)
    {
      const char *const *value = entries[i].arg_data;

      if (entries[i].arg == G_OPTION_ARG_FILENAME && value != NULL &&
          *value != NULL && **value == '\0')
        /* Translators: a command-line error; %s is an option name such as "export" */
        return g_strdup_printf (_("the path given to --%s is empty"), entries[i].long_name);
    }
  for (guint i = 0; files != NULL && files[i] != NULL; i++)
    if (*files[i] == '\0')
      return g_strdup (_("a document path is empty"));
  return NULL;
}

int
ent_cli_check_usage (int    argc,
                     char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  g_autofree char **remaining = NULL;
  gboolean summary = FALSE, csv = FALSE, version = FALSE;
  g_autofree char *export_path = NULL;
  g_autofree char *pdf_path = NULL;
  g_autofree char *scdl_path = NULL;
  g_autofree char *scenario = NULL;
  gboolean rob = FALSE;
  g_autofree char *import_path = NULL;
  g_autofree char *output_path = NULL;
  g_autofree char *communes = NULL;
  g_autofree char *postal_codes = NULL;
  g_autofree char *uais = NULL;
  g_autofree char *departements = NULL;
  gboolean include_private = FALSE, keep_unmatched = FALSE;
  GOptionEntry entries[G_N_ELEMENTS (cli_entries)];

  /* Same table as the application's, with storage to parse into. */
  memcpy (entries, cli_entries, sizeof entries);
  for (guint i = 0; entries[i].long_name != NULL; i++)
    {
      const char *name = entries[i].long_name;

      if (g_str_equal (name, "summary"))
        entries[i].arg_data = &summary;
      else if (g_str_equal (name, "csv"))
        entries[i].arg_data = &csv;
      else if (g_str_equal (name, "export"))
        entries[i].arg_data = &export_path;
      else if (g_str_equal (name, "pdf"))
        entries[i].arg_data = &pdf_path;
      else if (g_str_equal (name, "scdl"))
        entries[i].arg_data = &scdl_path;
      else if (g_str_equal (name, "rob"))
        entries[i].arg_data = &rob;
      else if (g_str_equal (name, "scenario"))
        entries[i].arg_data = &scenario;
      else if (g_str_equal (name, "import"))
        entries[i].arg_data = &import_path;
      else if (g_str_equal (name, "output"))
        entries[i].arg_data = &output_path;
      else if (g_str_equal (name, "commune"))
        entries[i].arg_data = &communes;
      else if (g_str_equal (name, "postal-code"))
        entries[i].arg_data = &postal_codes;
      else if (g_str_equal (name, "uai"))
        entries[i].arg_data = &uais;
      else if (g_str_equal (name, "departement"))
        entries[i].arg_data = &departements;
      else if (g_str_equal (name, "include-private"))
        entries[i].arg_data = &include_private;
      else if (g_str_equal (name, "keep-unmatched"))
        entries[i].arg_data = &keep_unmatched;
      else if (g_str_equal (name, "version"))
        entries[i].arg_data = &version;
      else if (g_str_equal (name, G_OPTION_REMAINING))
        entries[i].arg_data = &remaining;
      else
        g_assert_not_reached ();
    }

  context = g_option_context_new (NULL);
  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_set_ignore_unknown_options (context, FALSE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  args = g_new0 (char *, argc + 1);
  for (int i = 0; i < argc; i++)
    {
      /* --help is GApplication's */
      if (g_str_has_prefix (argv[i], "--help") || g_str_equal (argv[i], "-h") ||
          g_str_equal (argv[i], "-?"))
        return -1;
      args[i] = g_strdup (argv[i]);
    }

  {
    char **parse_args = g_memdup2 (args, sizeof (char *) * (argc + 1));
    int parse_argc = argc;
    gboolean ok = g_option_context_parse (context, &parse_argc, &parse_args, &error);

    g_free (parse_args);
    if (!ok)
      {
        /* Translators: a command-line error: program name, then the reason */
        g_autofree char *message = ent_text_escape_controls (error->message, TRUE);

        g_printerr (C_("command line error", "%s: %s\n"), g_get_prgname (), message);
        g_printerr (_("Run “%s --help” to see the options.\n"), g_get_prgname ());
        g_strfreev (remaining);
        remaining = NULL;
        return ENT_CLI_EXIT_USAGE;
      }
  }

  {
    g_autofree char *problem = NULL;
    const char *conflict = NULL;
    g_auto(GStrv) commune_list = ent_text_split_list (communes, ENT_TEXT_LIST_SEPARATORS);
    g_auto(GStrv) postal_code_list = ent_text_split_list (postal_codes, ENT_TEXT_LIST_SEPARATORS);
    g_auto(GStrv) uai_list = ent_text_split_list (uais, ENT_TEXT_LIST_SEPARATORS);
    g_auto(GStrv) departement_list = ent_text_split_list (departements, ENT_TEXT_LIST_SEPARATORS);

    if (remaining != NULL && g_strv_length (remaining) > 1 &&
        (summary || csv || export_path || pdf_path || scdl_path || rob || import_path))
      conflict = _("give one document at most with --summary, --export, --pdf, --scdl, --rob or --import");
    else if (scenario != NULL && (import_path != NULL ||
                                  !(summary || csv || export_path || pdf_path || scdl_path || rob)))
      conflict = _("--scenario goes with --summary, --export, --pdf, --scdl or --rob");
    else if (import_path != NULL && output_path == NULL)
      conflict = _("--import needs --output=DOC, the document to write");
    else if (import_path != NULL && commune_list == NULL && postal_code_list == NULL &&
             uai_list == NULL && departement_list == NULL)
      /* also "--commune=" or "--commune=,": no name in the list */
      conflict = _("--import needs --commune=NAME, --postal-code=CODE, --uai=UAI or "
                   "--departement=CODE to choose the schools");
    else if (import_path == NULL && (output_path || communes || postal_codes || uais ||
                                     departements || include_private || keep_unmatched))
      conflict = _("--output, --commune, --postal-code, --uai, --departement, "
                   "--include-private and --keep-unmatched go with --import");

    problem = find_empty_path (entries, remaining);
    if (problem == NULL && conflict != NULL)
      problem = g_strdup (conflict);

    g_strfreev (remaining);
    remaining = NULL;
    if (problem != NULL)
      {
        g_printerr (C_("command line error", "%s: %s\n"), g_get_prgname (), problem);
        return ENT_CLI_EXIT_USAGE;
      }
  }
  return -1;
}

void
ent_cli_add_options (GApplication *app)
{
  g_application_add_main_option_entries (app, cli_entries);
  g_application_set_option_context_summary (app, summary_text ());
}

GFile **
ent_cli_dup_files (GVariantDict *options,
                   guint        *n_files)
{
  g_autofree const char **names = NULL;
  g_autoptr(GPtrArray) files = NULL;

  if (n_files)
    *n_files = 0;
  if (!g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &names) ||
      names == NULL || names[0] == NULL)
    return NULL;

  files = g_ptr_array_new ();
  for (guint i = 0; names[i] != NULL; i++)
    g_ptr_array_add (files, g_file_new_for_commandline_arg (names[i]));
  if (n_files)
    *n_files = files->len;
  g_ptr_array_add (files, NULL);
  return (GFile **) g_ptr_array_free (g_steal_pointer (&files), FALSE);
}

static void
free_files (GFile **files)
{
  for (GFile **f = files; f && *f; f++)
    g_object_unref (*f);
  g_free (files);
}

/* Error messages quote document text, CSV cells and paths: shown with their
 * control characters escaped (SPEC 10.5), the message's own lines kept. */
static void
print_error (const GError *error)
{
  g_autofree char *message = ent_text_escape_controls (error->message, TRUE);

  g_printerr ("%s\n", message);
}

static EntDocument *
load_document (GFile **files)
{
  g_autoptr(GError) error = NULL;
  EntDocument *document;

  if (files == NULL || files[0] == NULL)
    return ent_document_new_example ();

  document = ent_document_new_from_file (files[0], &error);
  if (document == NULL)
    {
      print_error (error);
      return NULL;
    }
  for (const char *const *w = ent_document_get_load_warnings (document); w && *w; w++)
    {
      g_autofree char *warning = ent_text_escape_controls (*w, TRUE);

      g_printerr (_("Warning: %s\n"), warning);
    }
  return document;
}

/* Display width of a UTF-8 string, counting each character as one column. */
static glong
text_width (const char *text)
{
  return g_utf8_strlen (text, -1);
}

static void
append_cell (GString    *out,
             const char *text,
             glong       width,
             gboolean    right)
{
  glong pad = MAX (width - text_width (text), 0);

  if (right)
    for (glong i = 0; i < pad; i++)
      g_string_append_c (out, ' ');
  g_string_append (out, text);
  if (!right)
    for (glong i = 0; i < pad; i++)
      g_string_append_c (out, ' ');
}

enum { COL_YEAR, COL_PUPILS, COL_BASE, COL_OPTIONAL, COL_SPECIFIC, COL_TOTAL, COL_PER_PUPIL, N_COLS };

/* Prints one scenario as a table whose columns fit their widest cell. */
static void
print_scenario_table (GString                 *out,
                      const EntScenarioBudget *sb)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  glong widths[N_COLS] = { 0 };
  char **header = g_new0 (char *, N_COLS + 1);
  char **footer = g_new0 (char *, N_COLS + 1);

  header[COL_YEAR] = g_strdup (_("Year"));
  header[COL_PUPILS] = g_strdup (_("Pupils"));
  header[COL_BASE] = g_strdup (_("Base"));
  header[COL_OPTIONAL] = g_strdup (_("Optional"));
  header[COL_SPECIFIC] = g_strdup (_("Specific"));
  header[COL_TOTAL] = g_strdup (_("Total"));
  header[COL_PER_PUPIL] = g_strdup (_("Per pupil"));
  g_ptr_array_add (rows, header);

  for (guint y = 0; y < sb->n_years; y++)
    {
      const EntBudgetYear *by = &sb->years[y];
      char **row = g_new0 (char *, N_COLS + 1);

      row[COL_YEAR] = g_strdup_printf ("%d", by->year);
      row[COL_PUPILS] = ent_count_format (by->pupils);
      row[COL_BASE] = ent_money_format (by->lines[ENT_LINE_BASE].amount);
      row[COL_OPTIONAL] = ent_money_format (by->lines[ENT_LINE_OPTIONAL].amount);
      row[COL_SPECIFIC] = ent_money_format (by->lines[ENT_LINE_SPECIFIC].amount);
      row[COL_TOTAL] = ent_money_format (by->total);
      row[COL_PER_PUPIL] = ent_money_format (by->cost_per_pupil);
      g_ptr_array_add (rows, row);
    }

  footer[COL_YEAR] = g_strdup (_("Total"));
  footer[COL_PUPILS] = g_strdup ("");
  footer[COL_BASE] = ent_money_format (ent_scenario_budget_get_line_total (sb, ENT_LINE_BASE));
  footer[COL_OPTIONAL] = ent_money_format (ent_scenario_budget_get_line_total (sb, ENT_LINE_OPTIONAL));
  footer[COL_SPECIFIC] = ent_money_format (ent_scenario_budget_get_line_total (sb, ENT_LINE_SPECIFIC));
  footer[COL_TOTAL] = ent_money_format (sb->total);
  footer[COL_PER_PUPIL] = g_strdup ("");
  g_ptr_array_add (rows, footer);

  for (guint r = 0; r < rows->len; r++)
    for (guint c = 0; c < N_COLS; c++)
      widths[c] = MAX (widths[c], text_width (((char **) rows->pdata[r])[c]));

  for (guint r = 0; r < rows->len; r++)
    {
      char **row = rows->pdata[r];

      if (r == rows->len - 1)
        {
          /* a rule above the totals */
          glong total_width = 0;
          for (guint c = 0; c < N_COLS; c++)
            total_width += widths[c] + (c > 0 ? 2 : 0);
          for (glong i = 0; i < total_width; i++)
            g_string_append (out, "─");
          g_string_append_c (out, '\n');
        }
      for (guint c = 0; c < N_COLS; c++)
        {
          if (c > 0)
            g_string_append (out, "  ");
          append_cell (out, row[c], widths[c], c != COL_YEAR);
        }
      /* no trailing blanks */
      while (out->len > 0 && out->str[out->len - 1] == ' ')
        g_string_truncate (out, out->len - 1);
      g_string_append_c (out, '\n');
    }
}

/* The contract total split between the communes (largest remainder per line,
 * so the shares add up exactly). */
static void
print_commune_shares (GString                 *out,
                      const EntBudget         *budget,
                      const EntScenarioBudget *sb)
{
  g_auto(GStrv) names = g_new0 (char *, budget->n_communes + 1);
  glong name_width = 0;

  for (guint c = 0; c < budget->n_communes; c++)
    {
      names[c] = ent_text_escape_controls (budget->communes[c], FALSE);
      name_width = MAX (name_width, text_width (names[c]));
    }

  /* Translators: heading of the per-commune shares in the summary */
  g_string_append (out, _("Share per commune:\n"));
  for (guint c = 0; c < budget->n_communes; c++)
    {
      g_autofree char *amount = ent_money_format (ent_scenario_budget_get_commune_total (budget, sb, c));

      g_string_append (out, "  ");
      append_cell (out, names[c], name_width, FALSE);
      g_string_append (out, "  ");
      g_string_append (out, amount);
      g_string_append_c (out, '\n');
    }
}

/* SPEC 10.5: the summary never writes a control character to the terminal.
 * Every text of the document (title, payer, scenario and commune names) goes
 * through ent_text_escape_controls, even where the loader refuses such names:
 * a document built another way (the model's setters, a future format) reaches
 * this output too, which must be safe on its own. */
static void
print_summary (EntDocument     *document,
               const EntBudget *budget,
               EntScenario     *only)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *title = ent_text_escape_controls (ent_document_get_title (document), FALSE);
  g_autofree char *payer = ent_text_escape_controls (ent_document_get_payer (document), FALSE);
  EntContract *contract = ent_document_get_contract (document);
  g_autofree char *start = ent_date_format (ent_contract_get_payment_start (contract));
  /* the label is capitalised for a menu; here it is in a sentence */
  g_autofree char *billing = g_utf8_strdown (ent_billing_get_label (ent_contract_get_billing (contract)), -1);
  int first = ent_contract_get_first_school_year (contract);
  int n_years = ent_contract_get_school_years (contract);

  g_string_append_printf (out, "%s — %s\n", title, payer);
  g_string_append_printf (out,
                          /* Translators: "4 school years from 2023/2024, annual billing, payments from 01/01/2024" */
                          g_dngettext (GETTEXT_PACKAGE,
                                       "%d school year from %d/%d, billing: %s, payments from %s\n",
                                       "%d school years from %d/%d, billing: %s, payments from %s\n",
                                       n_years),
                          n_years, first, first + 1, billing, start);

  for (guint s = 0; s < budget->n_scenarios; s++)
    {
      const EntScenarioBudget *sb = &budget->scenarios[s];
      g_autofree char *total = NULL;
      g_autofree char *name = NULL;

      if (only != NULL && sb->scenario != only)
        continue;
      total = ent_money_format (sb->total);
      name = ent_text_escape_controls (sb->name, FALSE);
      g_string_append_c (out, '\n');
      /* Translators: a scenario's heading in the summary */
      g_string_append_printf (out, _("Scenario “%s”\n"), name);
      print_scenario_table (out, sb);
      /* Translators: AE = autorisation d'engagement (the contract total) */
      g_string_append_printf (out, _("Commitment authorisation (contract total): %s\n"), total);
      if (budget->n_communes > 1)
        print_commune_shares (out, budget, sb);
    }

  fputs (out->str, stdout);
}

static void
append_csv_amounts (GString *out,
                    gint64   base,
                    gint64   optional,
                    gint64   specific,
                    gint64   total)
{
  const gint64 values[] = { base, optional, specific, total };

  /* Amounts (and years, pupil counts) are numbers this program writes, not
   * text fields: SPEC 7 fixes them as "1571.70", and a negative one stays
   * "-12.00", since the "'" of SPEC 10.5 would turn it into text in a
   * spreadsheet. Only text from the document goes through
   * ent_text_append_csv_field. */
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autofree char *text = ent_money_to_plain (values[i]);
      g_string_append_printf (out, ";%s", text);
    }
  g_string_append_c (out, '\n');
}

/* A scenario name as a CSV field for the terminal: its control characters
 * shown as escapes (stdout may be a terminal, SPEC 10.5), then the field rules
 * (the "'" prefix, quoting). */
static void
append_name_field (GString    *out,
                   const char *name)
{
  g_autofree char *visible = ent_text_escape_controls (name, FALSE);

  ent_text_append_csv_field (out, visible, ';');
}

/* SPEC 7: the exact machine-readable format, independent of the locale;
 * scenario names are CSV text fields (SPEC 10.5). */
static void
print_csv (const EntBudget *budget,
           EntScenario     *only)
{
  g_autoptr(GString) out = g_string_new ("scenario;year;pupils;base;optional;specific;total\n");

  for (guint s = 0; s < budget->n_scenarios; s++)
    {
      const EntScenarioBudget *sb = &budget->scenarios[s];

      if (only != NULL && sb->scenario != only)
        continue;
      for (guint y = 0; y < sb->n_years; y++)
        {
          const EntBudgetYear *by = &sb->years[y];

          append_name_field (out, sb->name);
          g_string_append_printf (out, ";%d;%" G_GINT64_FORMAT, by->year, by->pupils);
          append_csv_amounts (out, by->lines[ENT_LINE_BASE].amount,
                              by->lines[ENT_LINE_OPTIONAL].amount,
                              by->lines[ENT_LINE_SPECIFIC].amount, by->total);
        }
    }

  for (guint s = 0; s < budget->n_scenarios; s++)
    {
      const EntScenarioBudget *sb = &budget->scenarios[s];

      if (only != NULL && sb->scenario != only)
        continue;
      append_name_field (out, sb->name);
      g_string_append (out, ";total;");
      append_csv_amounts (out, ent_scenario_budget_get_line_total (sb, ENT_LINE_BASE),
                          ent_scenario_budget_get_line_total (sb, ENT_LINE_OPTIONAL),
                          ent_scenario_budget_get_line_total (sb, ENT_LINE_SPECIFIC), sb->total);
    }

  fputs (out->str, stdout);
}

/* SPEC 12: each budget year's pupils and total, and the contract total,
 * before and after the import, for the first scenario (after only, without
 * a base). A budget that cannot be computed is said, not an error: the
 * document is written all the same, and --summary gives the reason. */
static void
print_import_totals (const EntCsvImport *import,
                     EntDocument        *base,
                     EntDocument        *document)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EntCsvTotals) totals = NULL;
  g_autoptr(EntBudget) budget = NULL;
  const EntScenarioBudget *first;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *scenario = NULL;

  if (base != NULL)
    {
      totals = ent_csv_import_compute_totals (import, base, 0, &error);
      if (totals == NULL)
        {
          g_autofree char *visible = ent_text_escape_controls (error->message, FALSE);

          /* Translators: the reason follows */
          g_print (_("Totals before and after: cannot be computed: %s\n"), visible);
          return;
        }
      scenario = ent_text_escape_controls (totals->scenario, FALSE);
      /* Translators: a scenario's name */
      g_string_append_printf (out, _("Scenario “%s”, before → after the import:\n"), scenario);
      for (guint y = 0; y < totals->n_years; y++)
        {
          const EntCsvYearTotals *t = &totals->years[y];
          g_autofree char *p0 = ent_count_format (t->pupils_before);
          g_autofree char *p1 = ent_count_format (t->pupils_after);
          g_autofree char *a0 = ent_money_format (t->total_before);
          g_autofree char *a1 = ent_money_format (t->total_after);

          /* Translators: budget year, its rentrée, pupils before → after, amounts before → after */
          g_string_append_printf (out, _("  %d (rentrée %d): %s → %s pupils, %s → %s\n"),
                                  t->year, t->year - 1, p0, p1, a0, a1);
        }
      {
        g_autofree char *a0 = ent_money_format (totals->contract_before);
        g_autofree char *a1 = ent_money_format (totals->contract_after);

        /* Translators: contract totals before → after */
        g_string_append_printf (out, _("  Contract total: %s → %s\n"), a0, a1);
      }
      fputs (out->str, stdout);
      return;
    }

  budget = ent_budget_compute (document, &error);
  first = budget != NULL ? ent_budget_find_scenario (budget, NULL) : NULL;
  if (first == NULL)
    return;
  scenario = ent_text_escape_controls (first->name, FALSE);
  /* Translators: a scenario's name */
  g_string_append_printf (out, _("Scenario “%s” of the new document:\n"), scenario);
  for (guint y = 0; y < first->n_years; y++)
    {
      const EntBudgetYear *by = &first->years[y];
      g_autofree char *pupils = ent_count_format (by->pupils);
      g_autofree char *amount = ent_money_format (by->total);

      /* Translators: budget year, its rentrée, pupils, amount */
      g_string_append_printf (out, _("  %d (rentrée %d): %s pupils, %s\n"),
                              by->year, by->year - 1, pupils, amount);
    }
  {
    g_autofree char *amount = ent_money_format (first->total);

    g_string_append_printf (out, _("  Contract total: %s\n"), amount);
  }
  fputs (out->str, stdout);
}

/* --import=CSV --commune=… --output=DOC [BASE]: prints what changes, writes DOC. */
static int
import_pupils (GVariantDict *options,
               GFile       **files)
{
  g_autoptr(EntCsvImport) import = NULL;
  g_autoptr(EntDocument) base = NULL;
  g_autoptr(EntDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) csv_file = NULL;
  g_autoptr(GFile) output = NULL;
  g_autofree char *import_path = NULL;
  g_autofree char *output_path = NULL;
  g_autofree char *communes_text = NULL;
  g_autofree char *codes_text = NULL;
  g_autofree char *uais_text = NULL;
  g_autofree char *departements_text = NULL;
  g_auto(GStrv) communes = NULL;
  g_auto(GStrv) codes = NULL;
  g_auto(GStrv) uais = NULL;
  g_auto(GStrv) departements = NULL;
  EntCsvSelection selection = { 0 };
  const char * const *warnings;

  g_variant_dict_lookup (options, "import", "^ay", &import_path);
  g_variant_dict_lookup (options, "output", "^ay", &output_path);
  g_variant_dict_lookup (options, "commune", "s", &communes_text);
  g_variant_dict_lookup (options, "postal-code", "s", &codes_text);
  /* "Hem, Roubaix": trimmed items, so that the document says "Roubaix" */
  communes = ent_text_split_list (communes_text, ENT_TEXT_LIST_SEPARATORS);
  codes = ent_text_split_list (codes_text, ENT_TEXT_LIST_SEPARATORS);
  g_variant_dict_lookup (options, "uai", "s", &uais_text);
  g_variant_dict_lookup (options, "departement", "s", &departements_text);
  uais = ent_text_split_list (uais_text, ENT_TEXT_LIST_SEPARATORS);
  departements = ent_text_split_list (departements_text, ENT_TEXT_LIST_SEPARATORS);
  selection.communes = (const char * const *) communes;
  selection.postal_codes = (const char * const *) codes;
  selection.uais = (const char * const *) uais;
  selection.departements = (const char * const *) departements;
  selection.include_private = g_variant_dict_contains (options, "include-private");
  selection.keep_unmatched = g_variant_dict_contains (options, "keep-unmatched");

  csv_file = g_file_new_for_commandline_arg (import_path);
  import = ent_csv_import_load_file (csv_file, &selection, NULL, &error);
  if (import == NULL)
    {
      print_error (error);
      return ENT_CLI_EXIT_DOCUMENT;
    }

  if (files != NULL && files[0] != NULL)
    {
      base = load_document (files);
      if (base == NULL)
        return ENT_CLI_EXIT_DOCUMENT;
    }

  /* SPEC 12: secret counts, odd sectors, the encoding — on stderr, the
   * report on stdout */
  warnings = ent_csv_import_get_warnings (import);
  for (guint i = 0; warnings[i] != NULL; i++)
    {
      g_autofree char *visible = ent_text_escape_controls (warnings[i], FALSE);

      /* Translators: a warning of the import, on the terminal */
      g_printerr (_("warning: %s\n"), visible);
    }

  if (base != NULL)
    {
      g_autoptr(GPtrArray) changes = ent_csv_import_preview (import, base);

      for (guint i = 0; i < changes->len; i++)
        {
          g_autofree char *line = ent_csv_change_describe (g_ptr_array_index (changes, i));
          g_autofree char *visible = ent_text_escape_controls (line, FALSE);

          g_print ("%s\n", visible);
        }
    }
  else
    {
      guint n = ent_csv_import_get_n_schools (import);

      for (guint i = 0; i < n; i++)
        {
          const EntCsvSchool *school = ent_csv_import_get_school (import, i);
          g_autofree char *uai = ent_text_escape_controls (school->uai, FALSE);
          g_autofree char *name = ent_text_escape_controls (school->name, FALSE);
          g_autofree char *commune = ent_text_escape_controls (school->commune, FALSE);

          /* the CSV's text, its tabs escaped too: the columns stay three */
          g_print ("%s\t%s\t%s\n", uai, name, commune);
        }
    }

  document = ent_csv_import_to_document (import, base, &error);
  output = g_file_new_for_commandline_arg (output_path);
  if (document == NULL || !ent_document_save (document, output, &error))
    {
      print_error (error);
      return ENT_CLI_EXIT_DOCUMENT;
    }
  print_import_totals (import, base, document);
  return ENT_CLI_EXIT_OK;
}

/* --scenario=N|NAME: the Nth scenario (1 for the first) when @text is a
 * number in range, else the scenario of that name (exactly, then ignoring
 * case). NULL, after printing the valid ones, when none is. */
static EntScenario *
find_scenario (EntDocument *document,
               const char  *text)
{
  GListModel *scenarios = ent_document_get_scenarios (document);
  guint n = g_list_model_get_n_items (scenarios);
  g_autofree char *folded = g_utf8_casefold (text, -1);
  g_autoptr(GString) list = g_string_new (NULL);
  g_autofree char *visible = ent_text_escape_controls (text, FALSE);
  guint64 number;

  if (g_ascii_string_to_unsigned (text, 10, 1, MAX (n, 1), &number, NULL) && number <= n)
    return g_list_model_get_item (scenarios, (guint) number - 1);

  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < n; i++)
      {
        g_autoptr(EntScenario) scenario = g_list_model_get_item (scenarios, i);
        const char *name = ent_scenario_get_name (scenario);
        g_autofree char *name_folded = g_utf8_casefold (name, -1);

        if (pass == 0 ? g_str_equal (name, text) : g_str_equal (name_folded, folded))
          return g_steal_pointer (&scenario);
      }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EntScenario) scenario = g_list_model_get_item (scenarios, i);
      g_autofree char *name = ent_text_escape_controls (ent_scenario_get_name (scenario), FALSE);

      /* Translators: one scenario in the list of an unknown --scenario's
       * error: its number, then its name */
      g_string_append_printf (list, _("\n  %u  “%s”"), i + 1, name);
    }
  {
    /* Translators: a command-line error; %s is what --scenario named, then
     * the list of the document's scenarios, one a line */
    g_autofree char *message = g_strdup_printf (_("no scenario “%s” in the document; its scenarios are:%s"),
                                                visible, list->str);

    g_printerr (C_("command line error", "%s: %s\n"), g_get_prgname (), message);
  }
  return NULL;
}

int
ent_cli_handle_local_options (GApplication *app,
                              GVariantDict *options)
{
  g_autoptr(EntDocument) document = NULL;
  g_autoptr(EntBudget) budget = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *export_path = NULL;
  g_autofree char *pdf_path = NULL;
  g_autofree char *scdl_path = NULL;
  g_autofree char *scenario_text = NULL;
  g_autoptr(EntScenario) scenario = NULL;
  GFile **files = NULL;
  gboolean summary, csv, rob;
  int status = ENT_CLI_EXIT_OK;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("ent-budget %s\n", PACKAGE_VERSION);
      return ENT_CLI_EXIT_OK;
    }

  summary = g_variant_dict_contains (options, "summary");
  csv = g_variant_dict_contains (options, "csv");
  g_variant_dict_lookup (options, "export", "^ay", &export_path);
  g_variant_dict_lookup (options, "pdf", "^ay", &pdf_path);
  g_variant_dict_lookup (options, "scdl", "^ay", &scdl_path);
  g_variant_dict_lookup (options, "scenario", "s", &scenario_text);
  rob = g_variant_dict_contains (options, "rob");

  if (g_variant_dict_contains (options, "import"))
    {
      files = ent_cli_dup_files (options, NULL);
      status = import_pupils (options, files);
      free_files (files);
      return status;
    }

  if (!summary && !csv && export_path == NULL && pdf_path == NULL && scdl_path == NULL && !rob)
    return -1;  /* the window */

  files = ent_cli_dup_files (options, NULL);
  document = load_document (files);
  free_files (files);
  if (document == NULL)
    return ENT_CLI_EXIT_DOCUMENT;

  /* Before the budget: an unknown scenario is said even when the budget
   * cannot be computed. */
  if (scenario_text != NULL && (scenario = find_scenario (document, scenario_text)) == NULL)
    return ENT_CLI_EXIT_USAGE;

  budget = ent_budget_compute (document, &error);
  if (budget == NULL)
    {
      print_error (error);
      return ENT_CLI_EXIT_DOCUMENT;
    }

  if (export_path != NULL)
    {
      /* all the scenarios unless one is named */
      EntXlsxOptions xlsx_options = {
        .scenarios = scenario != NULL ? (EntScenario *const *) &scenario : NULL,
        .n_scenarios = scenario != NULL ? 1 : 0,
      };

      if (!ent_xlsx_export (document, export_path, &xlsx_options, &error))
        {
          print_error (error);
          return ENT_CLI_EXIT_DOCUMENT;
        }
    }

  if (pdf_path != NULL)
    {
      /* every scenario, compared with the one named, else the document's current one */
      EntPdfOptions pdf_options = { .reference = 0 };
      guint position;

      if (g_list_store_find (G_LIST_STORE (ent_document_get_scenarios (document)),
                             scenario != NULL ? scenario : ent_document_get_current_scenario (document),
                             &position))
        pdf_options.reference = position;
      if (!ent_pdf_export (document, pdf_path, &pdf_options, &error))
        {
          print_error (error);
          return ENT_CLI_EXIT_DOCUMENT;
        }
    }

  if (scdl_path != NULL && !ent_scdl_export (document, scenario, scdl_path, &error))
    {
      print_error (error);
      return ENT_CLI_EXIT_DOCUMENT;
    }

  if (csv)
    print_csv (budget, scenario);
  else if (summary)
    print_summary (document, budget, scenario);

  if (rob)
    {
      g_autofree char *text = NULL;
      g_autofree char *visible = NULL;

      if (!ent_rob_build (document, scenario, &text, NULL, &error))
        {
          print_error (error);
          return ENT_CLI_EXIT_DOCUMENT;
        }
      /* the document's names in it: shown without their control characters */
      visible = ent_text_escape_controls (text, TRUE);
      if (summary || csv)
        fputc ('\n', stdout);
      fputs (visible, stdout);
    }

  if (fflush (stdout) != 0)
    status = ENT_CLI_EXIT_DOCUMENT;
  return status;
}
