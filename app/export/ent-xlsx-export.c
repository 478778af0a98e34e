/* ent-xlsx-export.c: the budget workbook (SPEC section 8)
 *
 * Sheets, in this order: Summary, Credits, Pupils, Assumptions, AE-CP,
 * Allocation (French: Synthèse, Crédits, Effectifs, Hypothèses, AE-CP,
 * Répartition). The workbook is live: every amount of the Credits sheet is a
 * ROUND formula over its quantity, unit price and months cells; unit prices
 * refer to named tariff cells of the Assumptions sheet (raised by formulas
 * when a scenario has a tariff increase); quantities refer to the pupil totals
 * of the Pupils sheet, whose projected counts are formulas too. Each formula
 * carries the engine's value as its cached result, and is only written as a
 * formula when that formula gives the engine's value; otherwise the engine's
 * value is written as a constant (the engine is the reference). The Summary's
 * sensitivity table holds values only: each of its columns is a whole
 * recomputation with rescaled pupil counts, which no formula here reproduces.
 *
 * This file prepares the export (the budget, which scenarios, the rows each
 * sheet will share) and writes the workbook safely; each sheet is written by
 * its own ent-xlsx-sheet-*.c (ent-xlsx-export-private.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ent-xlsx-export-private.h"

#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <string.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "ent-chart.h"
#include "ent-safe-file.h"

#if !LXW_VERSION_ID || LXW_VERSION_ID < 110
#error "libxlsxwriter 1.1.0 or later is required (worksheet_write_formula_num, doc properties)"
#endif

/* Excel refuses a string longer than 255 characters in a formula, and a
 * SUMIFS criterion longer than that gives #VALUE!. */
#define FORMULA_STRING_MAX 255

/* Whether SUMIFS cannot be trusted to find the cells holding @text with the
 * criterion the Credits sheet makes of it (exact_criterion() in
 * ent-xlsx-sheet-credits.c): longer than Excel takes (counted in
 * UTF-16 units, as Excel does), or holding a tab together with a line break
 * (LibreOffice then matches no cell: a multi-line cell keeps its tabs apart).
 * Text that is not UTF-8 is not measured. The year totals of such a name are
 * the SUM of its rows, which quotes nothing. */
static gboolean
criterion_unusable (const char *text)
{
  gsize units = 1;   /* the "=" */

  if (!g_utf8_validate (text, -1, NULL) || (strchr (text, '\t') != NULL && strchr (text, '\n') != NULL))
    return TRUE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      units += (c >= 0x10000 ? 2 : 1) + (c == '*' || c == '?' || c == '~' ? 1 : 0);
      if (units > FORMULA_STRING_MAX)
        return TRUE;
    }
  return FALSE;
}

static gboolean
prepare (EntXlsxExport         *ex,
         EntDocument           *document,
         const EntXlsxOptions  *options,
         const char            *path,
         GError               **error)
{
  g_autoptr (GError) local_error = NULL;
  GListModel *periods;

  ex->document = document;
  ex->tariffs = ent_document_get_tariffs (document);
  ex->budget = ent_budget_compute (document, &local_error);
  if (ex->budget == NULL)
    {
      g_set_error (error, ENT_EXPORT_ERROR, ENT_EXPORT_ERROR_BUDGET,
                   _("Cannot export “%s”: %s"), path, local_error->message);
      return FALSE;
    }

  /* before the export switches to a C numeric locale: "−20 %" in French */
  ex->sensitivity = ent_sensitivity_compute (document, NULL, 0, &local_error);
  if (ex->sensitivity == NULL)
    {
      g_set_error (error, ENT_EXPORT_ERROR, ENT_EXPORT_ERROR_BUDGET,
                   _("Cannot export “%s”: %s"), path, local_error->message);
      return FALSE;
    }
  {
    g_autoptr (EntChartData) labels = ent_chart_data_new_sensitivity (ex->sensitivity);

    ex->sensitivity_labels = g_steal_pointer (&labels->category_labels);
  }

  ex->generated = options != NULL && options->generated != NULL
                  ? g_date_time_ref (options->generated) : g_date_time_new_now_local ();
  ex->prorata = ent_contract_get_billing (ent_document_get_contract (document)) == ENT_BILLING_PRORATA;
  ex->cr_amount = ex->prorata ? ENT_XLSX_CR_MONTHS_2 + 1 : ENT_XLSX_CR_MONTHS + 1;
  ex->cr_scenario = ex->cr_amount + 1;

  periods = G_LIST_MODEL (ex->tariffs);
  ex->n_periods = g_list_model_get_n_items (periods);
  ex->periods = g_new0 (EntTariffPeriod *, ex->n_periods + 1);
  for (guint i = 0; i < ex->n_periods; i++)
    ex->periods[i] = g_list_model_get_item (periods, i);

  /* the scenarios asked for, in the order asked */
  if (options != NULL && options->scenarios != NULL && options->n_scenarios > 0)
    {
      ex->n_scenarios = options->n_scenarios;
      ex->scenarios = g_new0 (EntXlsxScenarioInfo, ex->n_scenarios);
      for (guint s = 0; s < options->n_scenarios; s++)
        {
          /* NULL is no scenario here, not "the first" */
          ex->scenarios[s].sb = options->scenarios[s] != NULL
                                ? ent_budget_find_scenario (ex->budget, options->scenarios[s]) : NULL;
          if (ex->scenarios[s].sb == NULL)
            {
              g_set_error (error, ENT_EXPORT_ERROR, ENT_EXPORT_ERROR_INVALID,
                           _("Cannot export “%s”: the scenario to export is not in the document"),
                           path);
              return FALSE;
            }
        }
    }
  else
    {
      ex->n_scenarios = ex->budget->n_scenarios;
      ex->scenarios = g_new0 (EntXlsxScenarioInfo, ex->n_scenarios);
      for (guint s = 0; s < ex->n_scenarios; s++)
        ex->scenarios[s].sb = &ex->budget->scenarios[s];
    }

  /* the cells hold each name made safe for XML: the formulas quote it so */
  for (guint s = 0; s < ex->n_scenarios; s++)
    {
      EntXlsxScenarioInfo *si = &ex->scenarios[s];

      if (ent_xlsx_xml_safe (si->sb->name, &si->safe_name) == si->sb->name)
        si->safe_name = g_strdup (si->sb->name);
    }

  for (guint s = 0; s < ex->n_scenarios; s++)
    {
      EntXlsxScenarioInfo *si = &ex->scenarios[s];

      si->number = s + 1;
      si->increase_bp = ent_scenario_get_tariff_increase (si->sb->scenario);
      si->year_total_rows = g_new0 (guint32, si->sb->n_years + 1);
      si->year_first_rows = g_new0 (guint32, si->sb->n_years + 1);
      si->year_end_rows = g_new0 (guint32, si->sb->n_years + 1);
      /* SUMIFS matches text regardless of case */
      for (guint t = 0; t < ex->n_scenarios; t++)
        {
          g_autofree char *a = NULL;
          g_autofree char *b = NULL;

          if (t == s)
            continue;
          a = g_utf8_casefold (si->safe_name, -1);
          b = g_utf8_casefold (ex->scenarios[t].safe_name, -1);
          si->sum_by_rows = si->sum_by_rows || g_str_equal (a, b);
        }
      si->sum_by_rows = si->sum_by_rows || criterion_unusable (si->safe_name);
      /* how many raised rates the Credits sheet will refer to */
      for (guint y = 0; y < si->sb->n_years; y++)
        for (EntLineKind kind = 0; kind < ENT_N_LINES; kind++)
          {
            const EntBudgetLine *line = &si->sb->years[y].lines[kind];

            for (guint g = 0; g < line->n_segments && g < 2; g++)
              {
                int raises = 0;
                g_autofree char *name = ent_xlsx_export_rate_name (ex, si, kind, &line->segments[g].tariff_date,
                                                                   NULL, &raises);

                if (name != NULL)
                  si->max_raise = MAX (si->max_raise, raises);
              }
          }
    }
  return TRUE;
}

static void
export_clear (EntXlsxExport *ex)
{
  if (ex->scenarios != NULL)
    for (guint s = 0; s < ex->n_scenarios; s++)
      {
        g_free (ex->scenarios[s].safe_name);
        g_free (ex->scenarios[s].year_total_rows);
        g_free (ex->scenarios[s].year_first_rows);
        g_free (ex->scenarios[s].year_end_rows);
      }
  g_clear_pointer (&ex->scenarios, g_free);
  if (ex->periods != NULL)
    for (guint i = 0; i < ex->n_periods; i++)
      g_clear_object (&ex->periods[i]);
  g_clear_pointer (&ex->periods, g_free);
  g_clear_pointer (&ex->budget, ent_budget_unref);
  g_clear_pointer (&ex->sensitivity, ent_sensitivity_free);
  g_clear_pointer (&ex->sensitivity_labels, g_strfreev);
  g_clear_pointer (&ex->generated, g_date_time_unref);
  ent_xlsx_writer_clear (&ex->w);
}

static void
write_workbook (EntXlsxExport *ex)
{
  EntXlsxWriter *w = &ex->w;
  g_autofree char *comments = NULL;
  g_autofree char *safe_title = NULL;
  g_autofree char *safe_subject = NULL;
  g_autofree char *safe_payer = NULL;
  g_autofree char *safe_comments = NULL;
  lxw_doc_properties properties = { 0 };

  if (!ent_xlsx_writer_add_formats (w))
    return;

  /* Translators: sheet names, at most 31 characters, none of []:*?/\ */
  ex->summary = ent_xlsx_writer_add_sheet (w, _("Summary"));
  ex->credits = ent_xlsx_writer_add_sheet (w, _("Credits"));
  ex->pupils = ent_xlsx_writer_add_sheet (w, _("Pupils"));
  ex->assumptions = ent_xlsx_writer_add_sheet (w, _("Assumptions"));
  ex->aecp = ent_xlsx_writer_add_sheet (w, _("AE-CP"));
  ex->allocation = ent_xlsx_writer_add_sheet (w, _("Allocation"));
  if (w->status != LXW_NO_ERROR)
    return;

  /* in dependency order: names and totals before the cells that refer to them */
  ent_xlsx_export_write_assumptions (ex);
  ent_xlsx_export_write_pupils (ex);
  ent_xlsx_export_write_credits (ex);
  ent_xlsx_export_write_summary (ex);
  ent_xlsx_export_write_aecp (ex);
  ent_xlsx_export_write_allocation (ex);
  worksheet_activate (ex->summary->worksheet);

  comments = g_strdup_printf (_("Generated by ENT Budget %s"), PACKAGE_VERSION);
  /* docProps/core.xml and app.xml: libxlsxwriter escapes nothing but & < > " */
  properties.title = (char *) ent_xlsx_xml_safe (ent_document_get_title (ex->document), &safe_title);
  properties.subject = (char *) ent_xlsx_xml_safe (_("Budget of the ENT contribution"), &safe_subject);
  properties.author = (char *) ent_xlsx_xml_safe (ent_document_get_payer (ex->document), &safe_payer);
  properties.company = properties.author;
  properties.comments = (char *) ent_xlsx_xml_safe (comments, &safe_comments);
  properties.created = (time_t) g_date_time_to_unix (ex->generated);
  ent_xlsx_writer_check (w, workbook_set_properties (w->workbook, &properties),
                         "document properties", NULL);
}

/* libxlsxwriter's failure in plain words (SPEC 10.1): never its own codes.
 * For the file errors, the C library's errno right after the failure says
 * why (a full disk, an I/O error); when it says nothing useful, a private
 * directory with no free block is a full disk too. */
static const char *
describe_writer_failure (lxw_error   status,
                         int         saved_errno,
                         const char *private_dir)
{
  switch (status)
    {
    case LXW_ERROR_CREATING_XLSX_FILE:
    case LXW_ERROR_CREATING_TMPFILE:
    case LXW_ERROR_READING_TMPFILE:
    case LXW_ERROR_ZIP_FILE_OPERATION:
    case LXW_ERROR_ZIP_PARAMETER_ERROR:
    case LXW_ERROR_ZIP_BAD_ZIP_FILE:
    case LXW_ERROR_ZIP_INTERNAL_ERROR:
    case LXW_ERROR_ZIP_FILE_ADD:
    case LXW_ERROR_ZIP_CLOSE:
      {
        struct statvfs fs;

        switch (saved_errno)
          {
          case ENOSPC: case EDQUOT: case EIO: case EACCES: case EPERM:
          case EROFS: case EFBIG: case EMFILE: case ENFILE: case ENOMEM:
            return ent_safe_file_describe_errno (saved_errno);
          default:
            break;
          }
        if (private_dir != NULL && statvfs (private_dir, &fs) == 0 && fs.f_bavail == 0)
          return ent_safe_file_describe_errno (ENOSPC);
        return _("the workbook could not be written to the disk");
      }
    case LXW_ERROR_MEMORY_MALLOC_FAILED:
      return ent_safe_file_describe_errno (ENOMEM);
    case LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED:
    case LXW_ERROR_255_STRING_LENGTH_EXCEEDED:
    case LXW_ERROR_128_STRING_LENGTH_EXCEEDED:
    case LXW_ERROR_32_STRING_LENGTH_EXCEEDED:
      return _("a text is longer than a spreadsheet accepts");
    case LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE:
      return _("the document has more rows or columns than a spreadsheet accepts");
    default:
      return _("the workbook could not be made (an internal error: please report it)");
    }
}

static gboolean
set_writer_error (GError    **error,
                  const char *path,
                  lxw_error   status,
                  int         saved_errno,
                  const char *private_dir)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, ENT_EXPORT_ERROR, ENT_EXPORT_ERROR_WRITER,
               _("Cannot write “%1$s”: %2$s."), display,
               describe_writer_failure (status, saved_errno, private_dir));
  return FALSE;
}

gboolean
ent_xlsx_export_recorded (EntDocument           *document,
                          const char            *path,
                          const EntXlsxOptions  *options,
                          GArray               **out_cells,
                          GStrv                 *out_sheet_names,
                          GError               **error)
{
  EntXlsxExport ex = { 0 };
  g_autoptr(EntSafeFile) file = NULL;
  g_autoptr(GError) local_error = NULL;
  lxw_workbook *workbook;
  lxw_error close_error;
  locale_t c_numeric, previous, base_locale;
  int saved_errno;

  g_return_val_if_fail (ENT_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (path != NULL && *path != '\0', FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!prepare (&ex, document, options, path, error))
    {
      export_clear (&ex);
      return FALSE;
    }

  /* SPEC 10.1: libxlsxwriter writes by name, so into a private directory
   * (0700) next to the target, whose file is then synced and moved over the
   * target; its own temporary files go there too. A folder, a pipe or a
   * device as the target is refused before anything is written. */
  file = ent_safe_file_new (path, ENT_SAFE_FILE_PRIVATE_DIR, &local_error);
  if (file == NULL)
    {
      g_set_error_literal (error, ENT_EXPORT_ERROR, ENT_EXPORT_ERROR_IO, local_error->message);
      export_clear (&ex);
      return FALSE;
    }

  /* libxlsxwriter prints doubles with the C library: numbers must have a dot
   * whatever the user's locale. Only LC_NUMERIC changes, for this thread, so
   * the labels stay in the user's language. */
  base_locale = duplocale (uselocale ((locale_t) 0));
  c_numeric = base_locale != (locale_t) 0 ? newlocale (LC_NUMERIC_MASK, "C", base_locale) : (locale_t) 0;
  if (c_numeric == (locale_t) 0)
    {
      saved_errno = errno;
      if (base_locale != (locale_t) 0)
        freelocale (base_locale);
      ent_safe_file_set_error (&local_error, path, saved_errno);
      g_set_error_literal (error, ENT_EXPORT_ERROR, ENT_EXPORT_ERROR_IO, local_error->message);
      export_clear (&ex);
      return FALSE;
    }
  previous = uselocale (c_numeric);

  /* Constant memory: rows go to disk as they are written (every sheet is
   * written top to bottom; a write above the current row fails and is
   * reported), which keeps large documents small in memory and is faster. */
  workbook = workbook_new_opt (ent_safe_file_get_private_path (file),
                               &(lxw_workbook_options) {
                                 .constant_memory = LXW_TRUE,
                                 .tmpdir = (char *) ent_safe_file_get_private_dir (file),
                               });
  if (workbook == NULL)
    {
      saved_errno = errno;
      uselocale (previous);
      freelocale (c_numeric);
      set_writer_error (error, path, LXW_ERROR_CREATING_XLSX_FILE, saved_errno,
                        ent_safe_file_get_private_dir (file));
      export_clear (&ex);
      return FALSE;
    }

  ent_xlsx_writer_init (&ex.w, workbook, out_cells != NULL);
  write_workbook (&ex);

  /* frees the workbook, even when it fails */
  errno = 0;
  close_error = workbook_close (workbook);
  saved_errno = errno;
  ex.w.workbook = NULL;
  uselocale (previous);
  freelocale (c_numeric);

  if (ex.w.status != LXW_NO_ERROR || close_error != LXW_NO_ERROR)
    {
      lxw_error status = ex.w.status != LXW_NO_ERROR ? ex.w.status : close_error;

      g_debug ("libxlsxwriter: %s (%s)", lxw_strerror (status),
               ex.w.failed_at != NULL ? ex.w.failed_at : "close");
      set_writer_error (error, path, status, saved_errno, ent_safe_file_get_private_dir (file));
      export_clear (&ex);
      return FALSE;
    }

  if (!ent_safe_file_commit (file, &local_error))
    {
      g_set_error_literal (error, ENT_EXPORT_ERROR, ENT_EXPORT_ERROR_IO, local_error->message);
      export_clear (&ex);
      return FALSE;
    }

  if (out_cells != NULL)
    *out_cells = g_steal_pointer (&ex.w.record);
  if (out_sheet_names != NULL)
    {
      GStrvBuilder *builder = g_strv_builder_new ();

      for (guint i = 0; i < ex.w.sheets->len; i++)
        g_strv_builder_add (builder, ((EntXlsxSheet *) g_ptr_array_index (ex.w.sheets, i))->name);
      *out_sheet_names = g_strv_builder_end (builder);
      g_strv_builder_unref (builder);
    }
  export_clear (&ex);
  return TRUE;
}

gboolean
ent_xlsx_export (EntDocument          *document,
                 const char           *path,
                 const EntXlsxOptions *options,
                 GError              **error)
{
  return ent_xlsx_export_recorded (document, path, options, NULL, NULL, error);
}
