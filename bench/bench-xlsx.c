/* bench-xlsx.c: how much the XLSX export costs over libxlsxwriter itself
 *
 * Builds a large document in memory (3 500 schools in 700 communes, 4
 * scenarios, prorata billing), then times:
 *   1. ent_xlsx_export() (budget computation included);
 *   2. a bare libxlsxwriter loop writing exactly the same cells (recorded
 *      from a separate export run) with equivalent formats and the export's
 *      workbook options (constant_memory);
 *   3. Python XlsxWriter writing the same cells (bench/xlsxwriter-bench.py
 *      with Debian's /usr/bin/python3), reading the cells before its clock
 *      starts; with its default options and with constant_memory.
 * interleaved, best of --repeat runs (3), and prints the ratios. Not a test: timings depend on the machine.
 *
 *   bench-xlsx [--schools N] [--repeat N] [--python PATH] [--keep DIR]
 *
 * Targets: export ≤ 1.25 × the bare loop, ≥ 5 × faster than Python.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include <glib/gstdio.h>

#include "ent-budget.h"
#include "ent-xlsx-export-private.h"

static EntDocument *
make_document (guint n_schools)
{
  EntDocument *document = ent_document_new ();
  EntContract *contract = ent_document_get_contract (document);
  g_autoptr (EntTariffPeriod) period = NULL;
  g_autoptr (GError) error = NULL;
  GDate date;
  const char *names[] = { "Base seule", "Base + accompagnement, baisse de 1,5 %",
                          "Tout compris, hausse tarifaire 2 %", "Hausse des effectifs 1 %" };

  ent_document_set_title (document, "Benchmark: ENT des écoles d'un grand EPCI");
  ent_document_set_payer (document, "Communauté urbaine de démonstration");
  ent_document_set_payer_kind (document, ENT_PAYER_EPCI);
  ent_contract_set_billing (contract, ENT_BILLING_PRORATA);

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, G_DATE_SEPTEMBER, 2023);
  period = ent_tariff_period_new (&date, 130, 30, 15000, "Délibération du comité syndical du 15 juin 2023");
  if (!ent_tariff_schedule_add (ent_document_get_tariffs (document), period, &error))
    g_error ("%s", error->message);

  for (guint i = 0; i < n_schools; i++)
    {
      g_autofree char *name = g_strdup_printf ("École publique n° %u", i + 1);
      g_autofree char *commune = g_strdup_printf ("Commune %u", i / 5 + 1);
      g_autofree char *uai = g_strdup_printf ("%07uA", 5900000 + i);
      g_autoptr (EntSchool) school = ent_school_new (name, commune);

      ent_school_set_uai (school, uai);
      ent_school_set_known_pupils (school, 2023, 40 + (i * 37) % 560);
      if (i % 3 == 0)
        ent_school_set_known_pupils (school, 2024, 42 + (i * 41) % 540);
      ent_document_add_school (document, school);
    }

  for (guint s = 0; s < G_N_ELEMENTS (names); s++)
    {
      g_autoptr (EntScenario) scenario = ent_scenario_new (names[s]);

      ent_scenario_set_optional_all (scenario, s > 0);
      if (s == 2)
        {
          ent_scenario_set_half_days (scenario, 2024, 4);
          ent_scenario_set_half_days (scenario, 2026, 2);
          ent_scenario_set_tariff_increase (scenario, 200);
        }
      if (s == 1 || s == 3)
        {
          ent_scenario_set_projection (scenario, ENT_PROJECTION_RATE);
          ent_scenario_set_projection_rate (scenario, s == 1 ? -150 : 100);
        }
      ent_document_add_scenario (document, scenario);
    }
  return document;
}

/* The bare loop: the same sheets, cells and number formats, nothing else. */
static double
bare_loop (const char   *path,
           GStrv         sheet_names,
           const GArray *cells)
{
  static const char *const num_formats[ENT_XLSX_N_FORMATS] = {
    [ENT_XLSX_FMT_YEAR] = ENT_XLSX_NUM_YEAR,
    [ENT_XLSX_FMT_YEAR_BOLD] = ENT_XLSX_NUM_YEAR,
    [ENT_XLSX_FMT_INTEGER] = ENT_XLSX_NUM_INTEGER,
    [ENT_XLSX_FMT_INTEGER_BOLD] = ENT_XLSX_NUM_INTEGER,
    [ENT_XLSX_FMT_INTEGER_KNOWN] = ENT_XLSX_NUM_INTEGER,
    [ENT_XLSX_FMT_INTEGER_PROJECTED] = ENT_XLSX_NUM_INTEGER,
    [ENT_XLSX_FMT_EURO] = ENT_XLSX_NUM_EURO,
    [ENT_XLSX_FMT_EURO_BOLD] = ENT_XLSX_NUM_EURO,
    [ENT_XLSX_FMT_EURO_TOTAL] = ENT_XLSX_NUM_EURO,
    [ENT_XLSX_FMT_DATE] = ENT_XLSX_NUM_DATE,
    [ENT_XLSX_FMT_DATETIME] = ENT_XLSX_NUM_DATETIME,
    [ENT_XLSX_FMT_PERCENT] = ENT_XLSX_NUM_PERCENT,
  };
  gint64 start = g_get_monotonic_time ();
  /* the same workbook options as the export */
  lxw_workbook *workbook = workbook_new_opt (path, &(lxw_workbook_options) { .constant_memory = LXW_TRUE });
  lxw_format *formats[ENT_XLSX_N_FORMATS] = { NULL };
  g_autofree lxw_worksheet **sheets = g_new0 (lxw_worksheet *, g_strv_length (sheet_names) + 1);
  lxw_error error;

  for (guint f = 1; f < ENT_XLSX_N_FORMATS; f++)
    {
      formats[f] = workbook_add_format (workbook);
      if (num_formats[f] != NULL)
        format_set_num_format (formats[f], num_formats[f]);
    }
  for (guint i = 0; sheet_names[i] != NULL; i++)
    sheets[i] = workbook_add_worksheet (workbook, sheet_names[i]);

  for (guint i = 0; i < cells->len; i++)
    {
      const EntXlsxCell *cell = &g_array_index (cells, EntXlsxCell, i);
      lxw_worksheet *ws = sheets[cell->sheet];
      lxw_format *format = formats[cell->format];

      switch (cell->type)
        {
        case ENT_XLSX_CELL_STRING:
          worksheet_write_string (ws, cell->row, cell->col, cell->text, format);
          break;
        case ENT_XLSX_CELL_NUMBER:
          worksheet_write_number (ws, cell->row, cell->col, cell->number, format);
          break;
        case ENT_XLSX_CELL_FORMULA:
        default:
          worksheet_write_formula_num (ws, cell->row, cell->col, cell->text, format, cell->number);
          break;
        }
    }
  error = workbook_close (workbook);
  if (error != LXW_NO_ERROR)
    g_error ("bare loop: %s", lxw_strerror (error));
  return (g_get_monotonic_time () - start) / 1e6;
}

static void
dump_cells (const char   *path,
            GStrv         sheet_names,
            const GArray *cells)
{
  FILE *out = g_fopen (path, "w");

  if (out == NULL)
    g_error ("cannot write %s", path);
  for (guint i = 0; sheet_names[i] != NULL; i++)
    fprintf (out, "S\t%s\n", sheet_names[i]);
  for (guint i = 0; i < cells->len; i++)
    {
      const EntXlsxCell *cell = &g_array_index (cells, EntXlsxCell, i);
      char number[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_dtostr (number, sizeof number, cell->number);
      fprintf (out, "C\t%u\t%u\t%u\t%u\t%u\t%s\t", cell->sheet, cell->row, cell->col,
               cell->type, cell->format, number);
      for (const char *p = cell->text ? cell->text : ""; *p != '\0'; p++)
        {
          if (*p == '\\')
            fputs ("\\\\", out);
          else if (*p == '\t')
            fputs ("\\t", out);
          else if (*p == '\n')
            fputs ("\\n", out);
          else
            fputc (*p, out);
        }
      fputc ('\n', out);
    }
  fclose (out);
}

static double
python_run (const char *python,
            const char *script,
            const char *cells_path,
            const char *out_path,
            gboolean    constant_memory)
{
  const char *argv[] = { python, script, cells_path, out_path,
                         constant_memory ? "--constant-memory" : NULL, NULL };
  g_autofree char *output = NULL;
  g_autoptr (GError) error = NULL;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                     &output, NULL, &status, &error)
      || !g_spawn_check_wait_status (status, &error))
    {
      g_printerr ("Python XlsxWriter run failed: %s\n", error->message);
      return -1;
    }
  return g_ascii_strtod (output, NULL);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (EntDocument) document = NULL;
  g_autoptr (GArray) cells = NULL;
  g_auto (GStrv) sheet_names = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *export_path = NULL;
  g_autofree char *record_path = NULL;
  g_autofree char *bare_path = NULL;
  g_autofree char *python_path = NULL;
  g_autofree char *cells_path = NULL;
  g_autofree char *script = NULL;
  g_autofree char *keep = NULL;
  g_autofree char *python = g_strdup ("/usr/bin/python3");
  int n_schools = 3500;
  int repeat = 3;
  double t_export, t_bare, t_python, t_python_cm;
  gint64 start;
  GOptionEntry entries[] = {
    { "schools", 0, 0, G_OPTION_ARG_INT, &n_schools, "Number of schools (3500)", "N" },
    { "python", 0, 0, G_OPTION_ARG_FILENAME, &python, "Python with xlsxwriter (/usr/bin/python3)", "PATH" },
    { "keep", 0, 0, G_OPTION_ARG_FILENAME, &keep, "Keep the workbooks in DIR", "DIR" },
    { "repeat", 0, 0, G_OPTION_ARG_INT, &repeat, "Best of N runs of each (3)", "N" },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new ("— time the XLSX export");

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  dir = keep != NULL ? g_strdup (keep) : g_dir_make_tmp ("ent-bench-XXXXXX", &error);
  if (dir == NULL)
    g_error ("%s", error->message);
  g_mkdir_with_parents (dir, 0755);
  export_path = g_build_filename (dir, "export.xlsx", NULL);
  record_path = g_build_filename (dir, "recorded.xlsx", NULL);
  bare_path = g_build_filename (dir, "bare.xlsx", NULL);
  python_path = g_build_filename (dir, "python.xlsx", NULL);
  cells_path = g_build_filename (dir, "cells.tsv", NULL);
  script = g_build_filename (BENCH_SOURCE_DIR, "xlsxwriter-bench.py", NULL);

  document = make_document ((guint) n_schools);

  /* the cells, recorded by a separate (untimed) run */
  if (!ent_xlsx_export_recorded (document, record_path, NULL, &cells, &sheet_names, &error))
    g_error ("%s", error->message);

  dump_cells (cells_path, sheet_names, cells);
  repeat = MAX (repeat, 1);
  t_export = t_bare = t_python = t_python_cm = G_MAXDOUBLE;
  /* interleaved, best of @repeat: the machine's other load hits all three */
  for (int r = 0; r < repeat; r++)
    {
      double t;

      start = g_get_monotonic_time ();
      if (!ent_xlsx_export (document, export_path, NULL, &error))
        g_error ("%s", error->message);
      t_export = MIN (t_export, (g_get_monotonic_time () - start) / 1e6);

      t_bare = MIN (t_bare, bare_loop (bare_path, sheet_names, cells));

      t = python_run (python, script, cells_path, python_path, FALSE);
      t_python = t > 0 ? MIN (t_python, t) : -1;
      t = python_run (python, script, cells_path, python_path, TRUE);
      t_python_cm = t > 0 ? MIN (t_python_cm, t) : -1;
    }

  printf ("document: %d schools, %u scenarios, %u cells; best of %d runs\n", n_schools,
          g_list_model_get_n_items (ent_document_get_scenarios (document)), cells->len, repeat);
  printf ("ent_xlsx_export      %8.3f s\n", t_export);
  printf ("bare libxlsxwriter   %8.3f s\n", t_bare);
  if (t_python > 0)
    {
      printf ("Python XlsxWriter    %8.3f s  (default options)\n", t_python);
      printf ("Python XlsxWriter    %8.3f s  (constant_memory, as the export)\n", t_python_cm);
    }
  printf ("export / bare loop   %8.2f ×  (target ≤ 1.25)\n", t_export / t_bare);
  if (t_python > 0)
    {
      printf ("Python / export      %8.2f ×  (target ≥ 5; Python with default options)\n", t_python / t_export);
      printf ("Python / export      %8.2f ×  (both with constant_memory)\n", t_python_cm / t_export);
    }

  if (keep == NULL)
    {
      g_unlink (export_path);
      g_unlink (record_path);
      g_unlink (bare_path);
      g_unlink (python_path);
      g_unlink (cells_path);
      g_rmdir (dir);
    }
  return 0;
}
