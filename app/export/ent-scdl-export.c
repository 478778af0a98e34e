/* ent-scdl-export.c: the budget lines in the SCDL « Budget » layout (SPEC 13)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The schema (scdl/budget 0.8.3 on schema.data.gouv.fr) is a Table Schema:
 * BGT_NATDEC, BGT_SIRET, BGT_NOM, BGT_CONTNAT(_LABEL), BGT_NATURE(_LABEL),
 * BGT_SECTION, BGT_OPBUDG and BGT_CODRD are required; BGT_NATDEC, BGT_SECTION,
 * BGT_OPBUDG, BGT_CODRD and BGT_ARTSPE take listed values only; BGT_SIRET
 * matches ^\d{14}$; BGT_ANNEE is a year; the codes have 1 to 9 characters;
 * amounts are numbers with "." as decimal mark. BGT_CONTNAT is the account
 * (the nature of the line: 65548) and BGT_NATURE its chapter (65): the schema
 * calls the chapter "nature" ("Le numéro est un numéro de chapitre").
 * The values are the schema's French words, whatever the UI language: they
 * are data, not messages, so they are not translated.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ent-budget.h"
#include "ent-budget-query.h"
#include "ent-m57.h"
#include "ent-money.h"
#include "ent-safe-file.h"
#include "ent-scdl-export.h"
#include "ent-text.h"
#include "ent-validate.h"

/* The schema's limit on BGT_CONTNAT, BGT_NATURE and BGT_FONCTION. */
#define SCDL_MAX_CODE_LENGTH 9

const char *const ent_scdl_columns[ENT_SCDL_N_COLUMNS] = {
  "BGT_NATDEC", "BGT_ANNEE", "BGT_SIRET", "BGT_NOM",
  "BGT_CONTNAT", "BGT_CONTNAT_LABEL", "BGT_NATURE", "BGT_NATURE_LABEL",
  "BGT_FONCTION", "BGT_FONCTION_LABEL", "BGT_OPERATION", "BGT_SECTION",
  "BGT_OPBUDG", "BGT_CODRD", "BGT_MTREAL", "BGT_MTBUDGPREC",
  "BGT_MTRARPREC", "BGT_MTPROPNOUV", "BGT_MTPREV", "BGT_CREDOUV",
  "BGT_MTRAR3112", "BGT_ARTSPE",
};

/* A code of the line's imputation, checked against what the schema takes;
 * @required: the schema wants its label too (the chapter and the nature). */
static gboolean
check_code (EntAccountKind   kind,
            const char      *code,
            gboolean         required,
            GError         **error)
{
  if (strlen (code) > SCDL_MAX_CODE_LENGTH)
    return g_set_error (error, ENT_EXPORT_ERROR, ENT_EXPORT_ERROR_INVALID,
                        kind == ENT_ACCOUNT_CHAPTER
                        /* Translators: %s is a chapter code */
                        ? _("The open-data budget layout takes codes of nine digits at most: the chapter “%s” is longer")
                        : kind == ENT_ACCOUNT_NATURE
                        /* Translators: %s is a nature code (account) */
                        ? _("The open-data budget layout takes codes of nine digits at most: the nature “%s” is longer")
                        /* Translators: %s is a function code */
                        : _("The open-data budget layout takes codes of nine digits at most: the function “%s” is longer"),
                        code), FALSE;
  if (required && ent_m57_get_label (kind, code) == NULL)
    return g_set_error (error, ENT_EXPORT_ERROR, ENT_EXPORT_ERROR_INVALID,
                        kind == ENT_ACCOUNT_CHAPTER
                        /* Translators: a chapter code, then the year of the chart of accounts */
                        ? _("The open-data budget layout needs the label of the chapter “%s”, which the "
                            "M57 chart of %s known to ENT Budget does not hold: choose a chapter of the chart")
                        /* Translators: a nature code, then the year of the chart of accounts */
                        : _("The open-data budget layout needs the label of the nature “%s”, which the "
                            "M57 chart of %s known to ENT Budget does not hold: choose a nature of the chart"),
                        code, ent_m57_get_year ()), FALSE;
  return TRUE;
}

static void
append_row (GString             *out,
            const char          *siret,
            const char          *payer,
            int                  year,
            const EntBudgetLine *line,
            const char          *function,
            gint64               cents)
{
  g_autofree char *amount = ent_money_to_plain (cents);

  /* The fixed values and the numbers are the program's own: appended as
   * they are. The document's text (payer, codes) and the chart's labels go
   * through the CSV field rules of SPEC 10.5. */
  g_string_append_printf (out, "budget primitif,%d,%s,", year, siret);
  ent_text_append_csv_field (out, payer, ',');
  g_string_append_c (out, ',');
  ent_text_append_csv_field (out, line->nature, ',');
  g_string_append_c (out, ',');
  ent_text_append_csv_field (out, ent_m57_get_label (ENT_ACCOUNT_NATURE, line->nature), ',');
  g_string_append_c (out, ',');
  ent_text_append_csv_field (out, line->chapter, ',');
  g_string_append_c (out, ',');
  ent_text_append_csv_field (out, ent_m57_get_label (ENT_ACCOUNT_CHAPTER, line->chapter), ',');
  g_string_append_c (out, ',');
  ent_text_append_csv_field (out, function, ',');
  g_string_append_c (out, ',');
  ent_text_append_csv_field (out, ent_m57_get_label (ENT_ACCOUNT_FUNCTION, function) ?: "", ',');
  /* BGT_OPERATION empty; section, kind of operation, direction; then the
   * amounts: only BGT_MTPROPNOUV, the new proposals of a budget primitif */
  g_string_append_printf (out, ",,fonctionnement,réel,dépense,,,,%s,,,,\r\n", amount);
}

char *
ent_scdl_build (EntDocument  *document,
                EntScenario  *scenario,
                GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(EntBudget) budget = NULL;
  g_autoptr(GString) out = NULL;
  const EntScenarioBudget *sb;
  const char *siret;
  const char *payer;

  g_return_val_if_fail (ENT_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (scenario == NULL || ENT_IS_SCENARIO (scenario), NULL);

  siret = ent_document_get_siret (document);
  if (*siret == '\0')
    return g_set_error_literal (error, ENT_EXPORT_ERROR, ENT_EXPORT_ERROR_INVALID,
                                _("The open-data budget lines need the payer’s SIRET: "
                                  "enter it on the Assumptions page")), NULL;
  if (!ent_validate_siret (siret, &local_error))
    return g_set_error_literal (error, ENT_EXPORT_ERROR, ENT_EXPORT_ERROR_INVALID,
                                local_error->message), NULL;
  payer = ent_document_get_payer (document);
  if (*payer == '\0')
    return g_set_error_literal (error, ENT_EXPORT_ERROR, ENT_EXPORT_ERROR_INVALID,
                                _("The open-data budget lines need the payer’s name: "
                                  "enter it on the Assumptions page")), NULL;

  budget = ent_budget_compute (document, &local_error);
  if (budget == NULL)
    return g_set_error_literal (error, ENT_EXPORT_ERROR, ENT_EXPORT_ERROR_BUDGET,
                                local_error->message), NULL;
  if (scenario == NULL)
    scenario = ent_document_get_current_scenario (document);
  sb = ent_budget_find_scenario (budget, scenario);
  if (sb == NULL)
    return g_set_error_literal (error, ENT_EXPORT_ERROR, ENT_EXPORT_ERROR_INVALID,
                                _("The scenario is not one of the document’s")), NULL;

  out = g_string_new (NULL);
  for (guint c = 0; c < ENT_SCDL_N_COLUMNS; c++)
    {
      if (c > 0)
        g_string_append_c (out, ',');
      g_string_append (out, ent_scdl_columns[c]);
    }
  g_string_append (out, "\r\n");

  for (guint y = 0; y < sb->n_years; y++)
    for (guint l = 0; l < ENT_N_LINES; l++)
      {
        const EntBudgetLine *line = &sb->years[y].lines[l];

        if (line->amount == 0)
          continue;
        if (!check_code (ENT_ACCOUNT_NATURE, line->nature, TRUE, error)
            || !check_code (ENT_ACCOUNT_CHAPTER, line->chapter, TRUE, error)
            || !check_code (ENT_ACCOUNT_FUNCTION, line->function ?: "", FALSE, error))
          return NULL;
        /* SPEC 5: a split base line is two rows, one per function */
        if (line->split)
          {
            for (guint f = 0; f < ENT_N_SPLIT_FUNCTIONS; f++)
              if (line->function_parts[f] != 0)
                append_row (out, siret, payer, sb->years[y].year, line,
                            ent_split_functions[f], line->function_parts[f]);
          }
        else
          append_row (out, siret, payer, sb->years[y].year, line,
                      line->function != NULL ? line->function : "", line->amount);
      }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

gboolean
ent_scdl_export (EntDocument  *document,
                 EntScenario  *scenario,
                 const char   *path,
                 GError      **error)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  text = ent_scdl_build (document, scenario, error);
  if (text == NULL)
    return FALSE;
  if (!ent_safe_file_set_contents (path, text, strlen (text), ENT_SAFE_FILE_NONE, &local_error))
    return g_set_error_literal (error, ENT_EXPORT_ERROR, ENT_EXPORT_ERROR_IO,
                                local_error->message), FALSE;
  return TRUE;
}
