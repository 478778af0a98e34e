/* test-workspace.c: the workspace without a display — recomputation, the
 * last good budget and its error, the current scenario saved, undo and redo
 * of every kind of edit SPEC 11 lists, drafts and their recovery
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "ent-csv-import.h"
#include "ent-document-private.h"
#include "ent-workspace.h"

#include "ent-test-utils.h"

/* ------------------------------------------------------------------ helpers */

static gboolean
timeout_cb (gpointer data)
{
  g_error ("timed out waiting for %s", (const char *) data);
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until nothing is pending (what the window's main loop
 * does between two user actions). */
static void
settle (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* The document's text but the scenario chosen (a choice, not an edit: undo
 * keeps the choice rather than bring back an old one). */
static char *
text_of (EntDocument *document)
{
  g_autofree char *text = ent_document_to_data (document, NULL);
  GString *out = g_string_new (text);
  char *line = strstr (out->str, "\nscenario=");

  if (line != NULL)
    g_string_erase (out, line - out->str + 1, strchr (line + 1, '\n') - line);
  return g_string_free (out, FALSE);
}

static guint
count_drafts (const char *directory)
{
  g_autoptr(GDir) dir = g_dir_open (directory, 0, NULL);
  const char *name;
  guint n = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (name[0] != '.' && g_str_has_suffix (name, ENT_DRAFT_SUFFIX))
      n++;
  return n;
}

/* Applies one user action (@edit), lets the main loop close its step, then
 * checks that undo gives back the text before it and redo the text after. */
typedef void (*EditFunc) (EntDocument *document);

static void
check_undo_redo (EntWorkspace *workspace,
                 EditFunc      edit,
                 const char   *what)
{
  EntDocument *document = ent_workspace_get_document (workspace);
  g_autofree char *before = text_of (document);
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;
  guint n_states = ent_history_get_n_states (ent_workspace_get_history (workspace));

  g_test_message ("undo and redo: %s", what);
  edit (document);
  settle ();
  after = text_of (document);
  g_assert_cmpstr (before, !=, after);
  /* one user action, one step */
  g_assert_cmpuint (ent_history_get_n_states (ent_workspace_get_history (workspace)), ==, n_states + 1);
  g_assert_true (ent_workspace_get_can_undo (workspace));

  g_assert_true (ent_workspace_undo (workspace));
  settle ();
  undone = text_of (document);
  g_assert_cmpstr (undone, ==, before);
  g_assert_true (ent_workspace_get_can_redo (workspace));

  g_assert_true (ent_workspace_redo (workspace));
  settle ();
  redone = text_of (document);
  g_assert_cmpstr (redone, ==, after);
  g_assert_false (ent_workspace_get_can_redo (workspace));
}

/* ------------------------------------------------------------- the edits */

static void
edit_cell (EntDocument *document)
{
  ent_school_set_known_pupils (ent_test_school_at (document, 0), 2024, 1150);
}

static void
edit_field (EntDocument *document)
{
  ent_document_set_title (document, "Budget ENT 2024");
}

static void
add_school (EntDocument *document)
{
  g_autoptr(EntSchool) school = ent_school_new ("École Jules Ferry", "Hem");

  ent_school_set_known_pupils (school, 2023, 120);
  ent_document_add_school (document, school);
}

static void
remove_school (EntDocument *document)
{
  ent_document_remove_school (document, ent_test_school_at (document, 0));
}

static void
rename_school (EntDocument *document)
{
  ent_school_set_name (ent_test_school_at (document, 0), "Écoles de Hem");
}

static void
duplicate_scenario (EntDocument *document)
{
  g_autoptr(EntScenario) copy = ent_scenario_duplicate (ent_test_scenario_at (document, 1), "Copie");

  ent_document_add_scenario (document, copy);
}

static void
delete_scenario (EntDocument *document)
{
  g_assert_true (ent_document_remove_scenario (document, ent_test_scenario_at (document, 0)));
}

static void
edit_scenario (EntDocument *document)
{
  ent_scenario_set_projection (ent_test_scenario_at (document, 0), ENT_PROJECTION_RATE);
  ent_scenario_set_projection_rate (ent_test_scenario_at (document, 0), -200);
}

static void
add_tariff (EntDocument *document)
{
  GDate date;
  g_autoptr(EntTariffPeriod) period = NULL;
  g_autoptr(GError) error = NULL;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, G_DATE_SEPTEMBER, 2025);
  period = ent_tariff_period_new (&date, 140, 30, 15000, "Délibération du 12 juin 2025");
  g_assert_true (ent_tariff_schedule_add (ent_document_get_tariffs (document), period, &error));
  g_assert_no_error (error);
}

static void
change_tariff (EntDocument *document)
{
  g_autoptr(EntTariffPeriod) period =
    g_list_model_get_item (G_LIST_MODEL (ent_document_get_tariffs (document)), 0);

  ent_tariff_period_set_base_per_pupil (period, 135);
}

static void
edit_contract (EntDocument *document)
{
  ent_contract_set_billing (ent_document_get_contract (document), ENT_BILLING_PRORATA);
}

/* SPEC 13: the payer's SIRET is a document field like the others */
static void
edit_siret (EntDocument *document)
{
  ent_document_set_siret (document, "21590299000013");
}

static void
edit_imputation (EntDocument *document)
{
  ent_document_set_imputation (document, ENT_LINE_SPECIFIC, "011", "611", "21");
}

static void
import_csv (EntDocument *document)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "model", "fixtures",
                                                 "template.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  EntCsvImport *import = ent_csv_import_load_file (file, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (ent_csv_import_apply (import, document), >, 0);
  ent_csv_import_free (import);
}

/* -------------------------------------------------------------------- tests */

/* Many changes in one dispatch cost one computation, before anything else
 * runs; the last good budget stays when the document cannot be computed,
 * with the reason; the reason goes when it can again. */
static void
test_recompute (void)
{
  g_autoptr(EntDocument) document = ent_document_new_example ();
  g_autoptr(EntWorkspace) workspace = ent_workspace_new_with_draft_directory (document, "");
  EntBudget *first;
  EntBudget *second;
  g_autoptr(EntTariffPeriod) period = NULL;
  GDate late;
  guint notified = 0;

  first = ent_workspace_get_budget (workspace);
  g_assert_nonnull (first);
  g_assert_null (ent_workspace_get_error (workspace));
  g_assert_cmpint (first->scenarios[0].total, ==, 628680);

  g_signal_connect_swapped (workspace, "notify::budget", G_CALLBACK (g_atomic_int_inc), &notified);
  ent_school_set_known_pupils (ent_test_school_at (document, 0), 2023, 1000);
  ent_school_set_known_pupils (ent_test_school_at (document, 0), 2023, 1100);
  g_assert_true (ent_workspace_get_budget (workspace) == first);   /* not yet */
  settle ();
  g_assert_cmpuint (notified, ==, 1);
  second = ent_workspace_get_budget (workspace);
  g_assert_cmpint (second->scenarios[0].total, ==, 1100 * 130 * 4);

  /* a tariff that starts after the first billed date: no budget, the last
   * good one stays, with the reason */
  period = g_list_model_get_item (G_LIST_MODEL (ent_document_get_tariffs (document)), 0);
  g_date_clear (&late, 1);
  g_date_set_dmy (&late, 1, G_DATE_SEPTEMBER, 2025);
  ent_tariff_period_set_valid_from (period, &late);
  ent_workspace_flush (workspace);
  g_assert_true (ent_workspace_get_budget (workspace) == second);
  g_assert_nonnull (ent_workspace_get_error (workspace));

  g_date_set_dmy (&late, 1, G_DATE_SEPTEMBER, 2023);
  ent_tariff_period_set_valid_from (period, &late);
  ent_workspace_flush (workspace);
  g_assert_null (ent_workspace_get_error (workspace));
}

/* The sensitivity table is computed only while wanted, after the edits. */
static void
test_sensitivity (void)
{
  g_autoptr(EntDocument) document = ent_document_new_example ();
  g_autoptr(EntWorkspace) workspace = ent_workspace_new_with_draft_directory (document, "");
  EntSensitivity *sensitivity;
  guint timeout;

  g_assert_null (ent_workspace_get_sensitivity (workspace));
  ent_workspace_set_sensitivity_wanted (workspace, TRUE);
  sensitivity = ent_workspace_get_sensitivity (workspace);
  g_assert_nonnull (sensitivity);
  /* 967 × 1,30 × 4 = 5 028,40 at −20 % */
  g_assert_cmpint (ent_sensitivity_get_total (sensitivity, 0, 0), ==, 502840);

  ent_school_set_known_pupils (ent_test_school_at (document, 0), 2023, 1000);
  ent_workspace_flush (workspace);
  /* the previous table stays meanwhile */
  g_assert_true (ent_workspace_get_sensitivity (workspace) == sensitivity);
  timeout = g_timeout_add_seconds (10, timeout_cb, (gpointer) "the sensitivity");
  while (ent_workspace_get_sensitivity (workspace) == sensitivity)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (timeout);
  /* 800 × 1,30 × 4 */
  g_assert_cmpint (ent_sensitivity_get_total (ent_workspace_get_sensitivity (workspace), 0, 0), ==, 416000);

  ent_workspace_set_sensitivity_wanted (workspace, FALSE);
  ent_school_set_known_pupils (ent_test_school_at (document, 0), 2023, 900);
  settle ();
  g_usleep ((ENT_WORKSPACE_SENSITIVITY_DELAY_MS + 100) * 1000);
  settle ();
  g_assert_cmpint (ent_sensitivity_get_total (ent_workspace_get_sensitivity (workspace), 0, 0), ==, 416000);
}

/* The scenario chosen is the document's, saved in the file; an old file
 * without it opens on the first. */
static void
test_current_scenario_saved (void)
{
  g_autoptr(EntDocument) document = ent_document_new_example ();
  g_autoptr(EntWorkspace) workspace = ent_workspace_new_with_draft_directory (document, "");
  g_autoptr(EntDocument) reloaded = NULL;
  g_autoptr(EntDocument) old = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *dir = ent_test_make_temp_dir ("ent-workspace-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "hem.entbudget", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GString *edited;

  g_assert_true (ent_workspace_get_scenario (workspace) == ent_test_scenario_at (document, 0));
  ent_workspace_set_scenario (workspace, ent_test_scenario_at (document, 2));
  g_assert_true (ent_document_get_current_scenario (document) == ent_test_scenario_at (document, 2));
  /* a choice, not an edit */
  g_assert_false (ent_document_get_modified (document));
  g_assert_false (ent_workspace_get_can_undo (workspace));

  g_assert_true (ent_workspace_save (workspace, file, &error));
  g_assert_no_error (error);
  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "\nscenario=3\n"));
  reloaded = ent_document_new_from_file (file, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ent_document_get_current_scenario_index (reloaded), ==, 2);
  g_assert_true (ent_document_equal (document, reloaded));

  /* without the key: the first */
  edited = g_string_new (text);
  g_string_replace (edited, "\nscenario=3\n", "\n", 1);
  bytes = g_bytes_new_take (edited->str, edited->len);
  g_string_free (edited, FALSE);
  old = ent_document_new_from_bytes (bytes, "old.entbudget", &error);
  g_assert_no_error (error);
  g_assert_true (ent_document_get_current_scenario (old) == ent_test_scenario_at (old, 0));
  g_clear_pointer (&bytes, g_bytes_unref);
  g_clear_object (&old);

  /* a scenario the file does not have, or no number: refused with the place */
  {
    const char *bad[] = { "scenario=4", "scenario=0", "scenario=deux" };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        GString *wrong = g_string_new (text);

        g_string_replace (wrong, "scenario=3", bad[i], 1);
        bytes = g_bytes_new_take (wrong->str, wrong->len);
        g_string_free (wrong, FALSE);
        old = ent_document_new_from_bytes (bytes, "bad.entbudget", &error);
        g_assert_null (old);
        g_assert_error (error, ENT_MODEL_ERROR, (int) (i == 0 ? ENT_MODEL_ERROR_OUT_OF_RANGE
                                                              : ENT_MODEL_ERROR_INVALID_VALUE));
        g_assert_nonnull (strstr (error->message, "[Document] scenario"));
        g_clear_error (&error);
        g_clear_pointer (&bytes, g_bytes_unref);
      }
  }

  /* removing the current scenario chooses its neighbour */
  g_assert_true (ent_document_remove_scenario (document, ent_test_scenario_at (document, 2)));
  g_assert_true (ent_workspace_get_scenario (workspace) == ent_test_scenario_at (document, 1));

  ent_test_remove_tree (dir);
}

/* Undo and redo of every kind of edit in SPEC 11, and of a whole import. */
static void
test_undo_each_action (void)
{
  g_autoptr(EntDocument) document = ent_document_new_example ();
  g_autoptr(EntWorkspace) workspace = ent_workspace_new_with_draft_directory (document, "");

  g_assert_false (ent_workspace_get_can_undo (workspace));
  g_assert_false (ent_workspace_undo (workspace));

  check_undo_redo (workspace, edit_cell, "one cell");
  check_undo_redo (workspace, edit_field, "one field");
  check_undo_redo (workspace, add_school, "a school added");
  check_undo_redo (workspace, rename_school, "a school renamed");
  check_undo_redo (workspace, remove_school, "a school removed");
  check_undo_redo (workspace, duplicate_scenario, "a scenario duplicated");
  check_undo_redo (workspace, delete_scenario, "a scenario deleted");
  check_undo_redo (workspace, edit_scenario, "a scenario's projection");
  check_undo_redo (workspace, add_tariff, "a tariff period added");
  check_undo_redo (workspace, change_tariff, "a tariff period changed");
  check_undo_redo (workspace, edit_contract, "the billing mode");
  check_undo_redo (workspace, edit_imputation, "an imputation");
  check_undo_redo (workspace, edit_siret, "the SIRET");
  check_undo_redo (workspace, import_csv, "a whole CSV import");

  /* and all the way back, to the example as loaded: not modified */
  while (ent_workspace_undo (workspace))
    ;
  settle ();
  {
    g_autoptr(EntDocument) example = ent_document_new_example ();

    g_assert_true (ent_document_equal (document, example));
    g_assert_false (ent_document_get_modified (document));
  }
}

/* Undo restores into the same objects: the views keep the document, its
 * lists and the schools and scenarios that did not change, with one
 * "items-changed" for what did and one "changed". */
static void
test_undo_in_place (void)
{
  g_autoptr(EntDocument) document = ent_document_new_example ();
  g_autoptr(EntWorkspace) workspace = ent_workspace_new_with_draft_directory (document, "");
  GListModel *schools = ent_document_get_schools (document);
  GListModel *scenarios = ent_document_get_scenarios (document);
  EntScenario *second = ent_test_scenario_at (document, 1);
  guint changed = 0, items_changed = 0;

  add_school (document);
  settle ();
  ent_workspace_set_scenario (workspace, second);
  edit_scenario (document);
  settle ();

  g_signal_connect_swapped (document, "changed", G_CALLBACK (g_atomic_int_inc), &changed);
  g_signal_connect_swapped (schools, "items-changed", G_CALLBACK (g_atomic_int_inc), &items_changed);
  g_assert_true (ent_workspace_undo (workspace));
  g_assert_true (ent_workspace_get_document (workspace) == document);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpuint (items_changed, ==, 0);
  /* the scenario edited was replaced, the others stay */
  g_assert_true (ent_test_scenario_at (document, 1) == second);
  g_assert_cmpint (ent_scenario_get_projection (ent_test_scenario_at (document, 0)), ==, ENT_PROJECTION_CONSTANT);
  /* the current scenario is kept */
  g_assert_true (ent_workspace_get_scenario (workspace) == second);

  g_assert_true (ent_workspace_undo (workspace));
  g_assert_cmpuint (items_changed, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (schools), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (scenarios), ==, 3);

  /* undoing the deletion of the current scenario chooses it again */
  ent_workspace_set_scenario (workspace, ent_test_scenario_at (document, 2));
  delete_scenario (document);   /* the first, not current */
  settle ();
  ent_workspace_set_scenario (workspace, ent_test_scenario_at (document, 0));
  g_assert_true (ent_document_remove_scenario (document, ent_test_scenario_at (document, 0)));
  settle ();
  g_assert_true (ent_workspace_undo (workspace));
  g_assert_cmpuint (ent_document_get_current_scenario_index (document), ==, 0);
  g_assert_cmpstr (ent_scenario_get_name (ent_workspace_get_scenario (workspace)), ==,
                   "Base + accompagnement forfaitaire");
}

/* Typing in one field is one step; a pause, another field, a save, an undo
 * start a new one. Undoing to the saved state clears the mark; a save keeps
 * the history. */
static void
test_undo_typing_and_saved (void)
{
  g_autoptr(EntDocument) document = ent_document_new_example ();
  g_autoptr(EntWorkspace) workspace = ent_workspace_new_with_draft_directory (document, "");
  EntHistory *history = ent_workspace_get_history (workspace);
  g_autofree char *dir = ent_test_make_temp_dir ("ent-workspace-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "hem.entbudget", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  const char *typed[] = { "H", "He", "Hem", "Hem 2", "Hem 20", "Hem 202", "Hem 2024" };

  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      ent_document_set_title (document, typed[i]);
      settle ();
    }
  g_assert_cmpuint (ent_history_get_n_states (history), ==, 2);
  g_assert_true (ent_document_get_modified (document));

  /* another field: another step */
  ent_document_set_payer (document, "Ville de Hem (Nord)");
  settle ();
  g_assert_cmpuint (ent_history_get_n_states (history), ==, 3);

  /* save: the history stays, the state is the saved one */
  g_assert_true (ent_workspace_save (workspace, file, &error));
  g_assert_no_error (error);
  g_assert_false (ent_document_get_modified (document));
  g_assert_true (ent_workspace_get_can_undo (workspace));

  g_assert_true (ent_workspace_undo (workspace));
  g_assert_true (ent_document_get_modified (document));
  g_assert_cmpstr (ent_document_get_title (document), ==, "Hem 2024");
  g_assert_true (ent_workspace_undo (workspace));
  g_assert_cmpstr (ent_document_get_title (document), ==, "ENT des écoles publiques de Hem");
  g_assert_true (ent_workspace_redo (workspace));
  g_assert_true (ent_workspace_redo (workspace));
  /* back to what is in the file */
  g_assert_false (ent_document_get_modified (document));

  /* typed and erased back to the saved text: not modified */
  ent_document_set_title (document, "Hem 20245");
  settle ();
  g_assert_true (ent_document_get_modified (document));
  ent_document_set_title (document, "Hem 2024");
  settle ();
  g_assert_false (ent_document_get_modified (document));
  g_assert_true (ent_workspace_get_can_undo (workspace));

  /* after a pause, the same field is a new step */
  {
    g_autoptr(GBytes) a = g_bytes_new_static ("[D]\nt=1\n", 9);
    g_autoptr(GBytes) b = g_bytes_new_static ("[D]\nt=12\n", 10);
    g_autoptr(GBytes) c = g_bytes_new_static ("[D]\nt=123\n", 11);
    g_autoptr(EntHistory) alone = ent_history_new ();

    ent_history_reset (alone, a, TRUE);
    ent_history_push (alone, b, 0);
    ent_history_push (alone, c, (ENT_HISTORY_MERGE_MS + 1) * G_TIME_SPAN_MILLISECOND);
    g_assert_cmpuint (ent_history_get_n_states (alone), ==, 3);
  }

  /* opening another document starts again */
  {
    g_autoptr(EntDocument) other = ent_document_new_example ();

    ent_workspace_set_document (workspace, other);
    g_assert_false (ent_workspace_get_can_undo (workspace));
    g_assert_false (ent_workspace_get_can_redo (workspace));
  }
  ent_test_remove_tree (dir);
}

/* The oldest steps go beyond the limit; the saved mark with them. */
static void
test_undo_limits (void)
{
  g_autoptr(EntHistory) history = ent_history_new ();
  g_autoptr(GBytes) first = g_bytes_new_static ("0", 1);

  ent_history_reset (history, first, TRUE);
  for (guint i = 1; i <= ENT_HISTORY_MAX_STEPS + 10; i++)
    {
      g_autofree char *text = g_strdup_printf ("[G%u]\n", i);
      g_autoptr(GBytes) state = g_bytes_new (text, strlen (text));

      ent_history_push (history, state, (gint64) i * 10 * G_TIME_SPAN_SECOND);
    }
  g_assert_cmpuint (ent_history_get_n_states (history), ==, ENT_HISTORY_MAX_STEPS + 1);
  while (ent_history_undo (history) != NULL)
    ;
  g_assert_false (ent_history_get_at_saved (history));
  g_assert_cmpmem (g_bytes_get_data (ent_history_get_current (history), NULL), 5, "[G10]", 5);
}

/* A draft a few seconds after an edit, in the drafts folder, locked;
 * removed on save and on discard; undoing to the saved state removes it. */
static void
test_draft_written (void)
{
  g_autofree char *dir = ent_test_make_temp_dir ("ent-workspace-XXXXXX");
  g_autofree char *drafts = g_build_filename (dir, "drafts", NULL);
  g_autofree char *path = g_build_filename (dir, "hem.entbudget", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(EntDocument) document = ent_document_new_example ();
  g_autoptr(EntWorkspace) workspace = ent_workspace_new_with_draft_directory (document, drafts);
  g_autoptr(GPtrArray) orphans = NULL;
  g_autoptr(GError) error = NULL;
  EntDraft *draft;
  guint timeout;

  g_object_set (workspace, "draft-delay", 200, NULL);
  g_assert_true (ent_document_save (document, file, &error));
  g_assert_no_error (error);

  edit_cell (document);
  settle ();
  g_assert_null (ent_workspace_get_draft (workspace));
  timeout = g_timeout_add_seconds (10, timeout_cb, (gpointer) "the draft");
  while (ent_workspace_get_draft (workspace) == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (timeout);
  draft = ent_workspace_get_draft (workspace);
  g_assert_true (ent_draft_get_exists (draft));
  g_assert_true (ent_draft_get_owned (draft));
  g_assert_true (g_file_test (ent_draft_get_path (draft), G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (count_drafts (drafts), ==, 1);
  /* a live window's draft is not offered, not even to another of its windows */
  orphans = ent_draft_list_orphans (drafts);
  g_assert_cmpuint (orphans->len, ==, 0);
  g_clear_pointer (&orphans, g_ptr_array_unref);

  /* saved: gone */
  g_assert_true (ent_workspace_save (workspace, file, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_drafts (drafts), ==, 0);

  /* edited, drafted, undone back to the file: gone */
  edit_field (document);
  settle ();
  ent_workspace_write_draft (workspace);
  g_assert_cmpuint (count_drafts (drafts), ==, 1);
  g_assert_true (ent_workspace_undo (workspace));
  g_assert_cmpuint (count_drafts (drafts), ==, 0);

  /* discarded: gone */
  edit_field (document);
  settle ();
  ent_workspace_write_draft (workspace);
  g_assert_cmpuint (count_drafts (drafts), ==, 1);
  ent_workspace_discard_draft (workspace);
  g_assert_cmpuint (count_drafts (drafts), ==, 0);

  /* another document replaces it: gone */
  ent_workspace_write_draft (workspace);
  g_assert_cmpuint (count_drafts (drafts), ==, 1);
  {
    g_autoptr(EntDocument) other = ent_document_new ();

    ent_workspace_set_document (workspace, other);
  }
  g_assert_cmpuint (count_drafts (drafts), ==, 0);

  ent_test_remove_tree (dir);
}

/* A workspace that goes without saving or discarding (a crash, or a window
 * destroyed without asking) leaves a draft that is offered, with its title,
 * file and time, and recovering it gives the edited document, modified and
 * tied to its file; the recovering workspace owns it, and saving removes it. */
static void
test_recover (void)
{
  g_autofree char *dir = ent_test_make_temp_dir ("ent-workspace-XXXXXX");
  g_autofree char *drafts = g_build_filename (dir, "drafts", NULL);
  g_autofree char *path = g_build_filename (dir, "hem.entbudget", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(EntDocument) document = ent_document_new_example ();
  g_autoptr(EntDocument) start = ent_document_new_example ();
  g_autoptr(EntWorkspace) recovering = NULL;
  g_autoptr(EntWorkspace) other = NULL;
  g_autoptr(GPtrArray) orphans = NULL;
  g_autoptr(GPtrArray) offered_elsewhere = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *edited = NULL;
  EntWorkspace *workspace;
  EntDraft *draft;

  g_assert_true (ent_document_save (document, file, &error));
  g_assert_no_error (error);
  workspace = ent_workspace_new_with_draft_directory (document, drafts);
  edit_cell (document);
  ent_workspace_set_scenario (workspace, ent_test_scenario_at (document, 1));
  settle ();
  ent_workspace_write_draft (workspace);
  edited = text_of (document);
  g_object_unref (workspace);   /* as if killed: the lock goes, the draft stays */

  orphans = ent_draft_list_orphans (drafts);
  g_assert_cmpuint (orphans->len, ==, 1);
  draft = g_ptr_array_index (orphans, 0);
  g_assert_false (ent_draft_get_owned (draft));
  g_assert_cmpstr (ent_draft_get_title (draft), ==, "ENT des écoles publiques de Hem");
  g_assert_true (g_file_equal (ent_draft_get_file (draft), file));
  g_assert_nonnull (ent_draft_get_time (draft));
  /* offered in two windows at once */
  offered_elsewhere = ent_draft_list_orphans (drafts);
  g_assert_cmpuint (offered_elsewhere->len, ==, 1);

  recovering = ent_workspace_new_with_draft_directory (start, drafts);
  g_assert_true (ent_workspace_recover (recovering, draft, &error));
  g_assert_no_error (error);
  {
    EntDocument *recovered = ent_workspace_get_document (recovering);
    g_autofree char *text = text_of (recovered);

    g_assert_cmpstr (text, ==, edited);
    g_assert_true (ent_document_get_modified (recovered));
    g_assert_true (g_file_equal (ent_document_get_file (recovered), file));
    g_assert_cmpuint (ent_document_get_current_scenario_index (recovered), ==, 1);
    g_assert_nonnull (ent_workspace_get_budget (recovering));
  }
  g_assert_true (ent_workspace_get_draft (recovering) == draft);

  /* owned now: another window neither sees nor takes it */
  g_clear_pointer (&orphans, g_ptr_array_unref);
  orphans = ent_draft_list_orphans (drafts);
  g_assert_cmpuint (orphans->len, ==, 0);
  other = ent_workspace_new_with_draft_directory (NULL, drafts);
  g_assert_false (ent_workspace_recover (other, g_ptr_array_index (offered_elsewhere, 0), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_BUSY);
  g_clear_error (&error);

  /* saving the recovered document removes the draft */
  g_assert_true (ent_workspace_save (recovering, file, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_drafts (drafts), ==, 0);

  ent_test_remove_tree (dir);
}

/* "Supprimer": an orphan draft is removed; a draft that is not one is never
 * listed; a lock held by another process hides its draft. */
static void
test_recover_discard (void)
{
  g_autofree char *dir = ent_test_make_temp_dir ("ent-workspace-XXXXXX");
  g_autoptr(EntDocument) document = ent_document_new_example ();
  g_autoptr(GPtrArray) orphans = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *junk = g_build_filename (dir, "notes" ENT_DRAFT_SUFFIX, NULL);
  g_autofree char *lock_path = NULL;
  EntDraft *draft;
  int fd;

  draft = ent_draft_new (dir, &error);
  g_assert_no_error (error);
  g_assert_true (ent_draft_write (draft, document, &error));
  g_assert_no_error (error);
  lock_path = g_strconcat (dir, G_DIR_SEPARATOR_S,
                           strrchr (ent_draft_get_path (draft), G_DIR_SEPARATOR) + 1, NULL);
  g_object_unref (draft);
  g_file_set_contents (junk, "[Document]\n", -1, &error);
  g_assert_no_error (error);

  /* locked by someone else (another process of the same user) */
  *strstr (lock_path, ENT_DRAFT_SUFFIX) = '\0';
  {
    g_autofree char *lock = g_strconcat (lock_path, ".lock", NULL);

    fd = g_open (lock, O_RDWR | O_CLOEXEC, 0);
    g_assert_cmpint (fd, >=, 0);
    g_assert_cmpint (flock (fd, LOCK_EX | LOCK_NB), ==, 0);
  }
  orphans = ent_draft_list_orphans (dir);
  g_assert_cmpuint (orphans->len, ==, 0);
  g_clear_pointer (&orphans, g_ptr_array_unref);
  close (fd);

  orphans = ent_draft_list_orphans (dir);
  g_assert_cmpuint (orphans->len, ==, 1);
  g_assert_true (ent_draft_remove (g_ptr_array_index (orphans, 0), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_drafts (dir), ==, 1);   /* the junk stays, unlisted */
  g_clear_pointer (&orphans, g_ptr_array_unref);
  orphans = ent_draft_list_orphans (dir);
  g_assert_cmpuint (orphans->len, ==, 0);

  ent_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/model/workspace/recompute", test_recompute);
  g_test_add_func ("/model/workspace/sensitivity", test_sensitivity);
  g_test_add_func ("/model/workspace/current-scenario-saved", test_current_scenario_saved);
  g_test_add_func ("/model/workspace/undo-each-action", test_undo_each_action);
  g_test_add_func ("/model/workspace/undo-in-place", test_undo_in_place);
  g_test_add_func ("/model/workspace/undo-typing-and-saved", test_undo_typing_and_saved);
  g_test_add_func ("/model/workspace/undo-limits", test_undo_limits);
  g_test_add_func ("/model/workspace/draft-written", test_draft_written);
  g_test_add_func ("/model/workspace/recover", test_recover);
  g_test_add_func ("/model/workspace/recover-discard", test_recover_discard);

  return g_test_run ();
}
