/* test-execution.c: following the contract (SPEC 13): voted and paid per
 * budget year and AE revisions, loaded, saved, compared, undone, and the
 * figures the Budget page and the AE-CP sheet show
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Hem example (SPEC 4, worked examples): 1 209 pupils, base 1,30 €,
 * optional 0,30 €, budget years 2024 to 2027. "Base seule" plans
 * 1 209 × 1,30 = 1 571,70 € a year (6 286,80 € in all); "Base +
 * accompagnement forfaitaire" 1 209 × 1,60 = 1 934,40 € a year (7 737,60 €).
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "ent-budget-query.h"
#include "ent-money.h"
#include "ent-workspace.h"

#include "ent-test-utils.h"

/* Entered by hand, with both decimal separators and a year outside the contract. */
static const char execution_text[] =
  "\n"
  "[Execution 2024]\n"
  "voted=1571.70\n"
  "paid=1571.70\n"
  "\n"
  "[Execution 2025]\n"
  "voted=1451,70\n"
  "paid=600\n"
  "\n"
  "[Execution 2026]\n"
  "voted=1600.00\n"
  "\n"
  "[Execution 2027]\n"
  "paid=2000.00\n"
  "\n"
  "[Execution 2031]\n"
  "voted=10\n"
  "\n"
  "[AE revision 2]\n"
  "date=2025-03-15\n"
  "amount=6000,00\n"
  "reference=DM n° 1\n"
  "\n"
  "[AE revision 1]\n"
  "date=2024-06-30\n"
  "amount=7000.00\n"
  "reference=Délibération 2024-40\n";

/* The example's text followed by @extra. */
static char *
example_with (const char *extra)
{
  g_autoptr(EntDocument) example = ent_document_new_example ();
  g_autofree char *text = ent_document_to_data (example, NULL);

  return g_strconcat (text, extra, NULL);
}

static EntDocument *
load_text (const char  *text,
           GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return ent_document_new_from_bytes (bytes, "suivi.entbudget", error);
}

static EntDocument *
load_execution_example (void)
{
  g_autofree char *text = example_with (execution_text);
  g_autoptr(GError) error = NULL;
  EntDocument *document = load_text (text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

static void
test_load (void)
{
  g_autoptr(EntDocument) document = load_execution_example ();
  EntExecution *execution = ent_document_get_execution (document);
  const char *reference = NULL;
  gint64 cents = -1;
  GDate date;

  g_assert_false (ent_document_get_modified (document));
  g_assert_cmpuint (ent_execution_get_n_years (execution), ==, 5);
  g_assert_cmpint (ent_execution_get_nth_year (execution, 0), ==, 2024);
  g_assert_cmpint (ent_execution_get_nth_year (execution, 4), ==, 2031);

  g_assert_true (ent_execution_get_voted (execution, 2025, &cents));
  g_assert_cmpint (cents, ==, 145170);   /* "1451,70" */
  g_assert_true (ent_execution_get_paid (execution, 2025, &cents));
  g_assert_cmpint (cents, ==, 60000);    /* "600" */
  /* not entered is not 0 */
  cents = -1;
  g_assert_false (ent_execution_get_paid (execution, 2026, &cents));
  g_assert_cmpint (cents, ==, -1);
  g_assert_false (ent_execution_get_voted (execution, 2027, NULL));
  g_assert_false (ent_execution_get_voted (execution, 2028, NULL));
  /* outside the contract: kept */
  g_assert_true (ent_execution_get_voted (execution, 2031, &cents));
  g_assert_cmpint (cents, ==, 1000);

  /* revisions in the order of their numbers, not of the file */
  g_assert_cmpuint (ent_execution_get_n_revisions (execution), ==, 2);
  ent_execution_get_revision (execution, 0, &date, &cents, &reference);
  g_assert_cmpint (cents, ==, 700000);
  g_assert_cmpstr (reference, ==, "Délibération 2024-40");
  g_assert_cmpint (g_date_get_year (&date), ==, 2024);
  g_assert_cmpint (g_date_get_month (&date), ==, 6);
  g_assert_cmpint (g_date_get_day (&date), ==, 30);
  ent_execution_get_revision (execution, 1, &date, &cents, &reference);
  g_assert_cmpint (cents, ==, 600000);
  g_assert_cmpstr (reference, ==, "DM n° 1");
}

static void
test_round_trip (void)
{
  g_autoptr(EntDocument) document = load_execution_example ();
  g_autofree char *text = ent_document_to_data (document, NULL);
  g_autoptr(EntDocument) again = NULL;
  g_autofree char *text_again = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  /* what is saved: plain amounts with a dot, a key per value entered,
   * revisions numbered in order */
  g_assert_nonnull (strstr (text, "[Execution 2025]\nvoted=1451.70\npaid=600.00\n"));
  g_assert_nonnull (strstr (text, "[Execution 2026]\nvoted=1600.00\n\n"));
  g_assert_nonnull (strstr (text, "[Execution 2027]\npaid=2000.00\n"));
  g_assert_nonnull (strstr (text, "[AE revision 1]\ndate=2024-06-30\namount=7000.00\n"));
  g_assert_nonnull (strstr (text, "[AE revision 2]\ndate=2025-03-15\namount=6000.00\nreference=DM n° 1\n"));

  bytes = ent_document_to_bytes (document, &error);
  g_assert_no_error (error);
  again = ent_document_new_from_bytes (bytes, "again.entbudget", &error);
  g_assert_no_error (error);
  g_assert_true (ent_document_equal (document, again));
  g_assert_cmpuint (g_strv_length ((char **) ent_document_get_load_warnings (again)), ==, 0);
  text_again = ent_document_to_data (again, NULL);
  g_assert_cmpstr (text_again, ==, text);
}

static void
test_equal (void)
{
  g_autoptr(EntDocument) a = load_execution_example ();
  g_autoptr(EntDocument) b = load_execution_example ();
  EntExecution *eb = ent_document_get_execution (b);

  g_assert_true (ent_document_equal (a, b));

  /* 0,00 € entered is not "not entered" */
  ent_execution_set_paid (eb, 2026, TRUE, 0);
  g_assert_true (ent_document_get_modified (b));
  g_assert_false (ent_document_equal (a, b));
  ent_execution_set_paid (eb, 2026, FALSE, 0);
  g_assert_true (ent_document_equal (a, b));

  {
    GDate date;

    g_date_clear (&date, 1);
    g_date_set_dmy (&date, 16, G_DATE_MARCH, 2025);
    ent_execution_set_revision (eb, 1, &date, 600000, "DM n° 1");
  }
  g_assert_false (ent_document_equal (a, b));
}

typedef struct
{
  const char *extra;
  const char *line;         /* the line the message names, as written */
  const char *place;        /* "[GROUP] KEY" or "[GROUP]" */
  const char *detail;       /* part of the reason */
} BadCase;

/* The line number of @needle, looked for after the example's text. */
static int
line_number (const char *text,
             gsize       from,
             const char *needle)
{
  const char *found = strstr (text + from, needle);
  int line = 1;

  g_assert_nonnull (found);
  for (const char *p = text; p < found; p++)
    line += *p == '\n';
  return line;
}

static void
test_bad_values (void)
{
  static const BadCase cases[] = {
    { "\n[Execution 2025]\nvoted=1000\npaid=-5\n", "paid=-5", "[Execution 2025] paid", "negative" },
    { "\n[Execution 2025]\nvoted=12,345\n", "voted=12,345", "[Execution 2025] voted", "not an amount" },
    { "\n[Execution 2025]\nvoted=deux mille\n", "voted=deux", "[Execution 2025] voted", "not an amount" },
    { "\n[Execution 2025]\npaid=1000000000.01\n", "paid=1", "[Execution 2025] paid", "typing error" },
    { "\n[Execution 20x5]\nvoted=1\n", "[Execution 20x5]", "[Execution 20x5]", "not a budget year" },
    { "\n[Execution 1999]\nvoted=1\n", "[Execution 1999]", "[Execution 1999]", "1999" },
    { "\n[Execution 2025]\nvoted=1\n\n[Execution 02025]\npaid=1\n", "[Execution 02025]",
      "[Execution 02025]", "already" },
    { "\n[AE revision 1]\ndate=2025-13-01\namount=6000\n", "date=2025-13-01", "[AE revision 1] date", "" },
    { "\n[AE revision 1]\ndate=2025-03-15\n", "[AE revision 1]", "[AE revision 1] amount", "missing" },
    { "\n[AE revision 1]\ndate=2025-03-15\namount=-1\n", "amount=-1", "[AE revision 1] amount", "negative" },
    { "\n[AE revision 1]\ndate=2025-03-15\namount=1\nreference=a\tb\n", "reference=",
      "[AE revision 1] reference", "" },
  };
  g_autofree char *base = example_with ("");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = example_with (cases[i].extra);
      g_autoptr(GError) error = NULL;
      g_autoptr(EntDocument) document = load_text (text, &error);
      g_autofree char *where = NULL;

      g_test_message ("case %u: %s", i, cases[i].extra);
      g_assert_null (document);
      g_assert_nonnull (error);
      g_assert_true (error->domain == ENT_MODEL_ERROR);
      where = g_strdup_printf ("suivi.entbudget:%d: %s", line_number (text, strlen (base), cases[i].line),
                               cases[i].place);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, where));
      g_assert_nonnull (strstr (error->message, cases[i].detail));
    }
}

/* The writer refuses what the loader would (a value set through the API). */
static void
test_save_checked (void)
{
  g_autoptr(EntDocument) document = ent_document_new_example ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  ent_execution_set_paid (ent_document_get_execution (document), 2025, TRUE, -1);
  bytes = ent_document_to_bytes (document, &error);
  g_assert_null (bytes);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "[Execution 2025] paid"));
}

/* The figures, derived by hand from the definitions of ent-budget-query.h:
 * estimate = max (planned, paid), DM = estimate − voted, left = voted − paid. */
static void
test_queries (void)
{
  g_autoptr(EntDocument) document = load_execution_example ();
  EntExecution *execution = ent_document_get_execution (document);
  g_autoptr(GError) error = NULL;
  g_autoptr(EntBudget) budget = ent_budget_compute (document, &error);
  const EntScenarioBudget *base, *optional;
  EntExecutionYear y;
  g_autofree char *dm_amount = NULL;
  g_autofree char *spare_amount = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *message = NULL;
  gboolean revised = FALSE;

  g_assert_no_error (error);
  base = ent_budget_find_scenario (budget, ent_test_scenario_at (document, 0));
  optional = ent_budget_find_scenario (budget, ent_test_scenario_at (document, 1));
  g_assert_cmpuint (base->n_years, ==, 4);

  /* 2024: voted and paid as planned */
  ent_scenario_budget_get_execution_year (base, execution, 0, &y);
  g_assert_cmpint (y.year, ==, 2024);
  g_assert_cmpint (y.planned, ==, 157170);
  g_assert_true (y.has_voted && y.has_paid);
  g_assert_cmpint (y.left_to_pay, ==, 0);
  g_assert_cmpint (y.estimate, ==, 157170);
  g_assert_cmpint (y.dm, ==, 0);
  message = ent_execution_year_describe (&y);
  g_assert_cmpstr (message, ==, "credits suffice");
  g_clear_pointer (&message, g_free);

  /* 2025: 1 451,70 voted, 600,00 paid: 851,70 left; the estimate is the
   * plan, 1 571,70, 120,00 above the vote */
  ent_scenario_budget_get_execution_year (base, execution, 1, &y);
  g_assert_cmpint (y.voted, ==, 145170);
  g_assert_cmpint (y.paid, ==, 60000);
  g_assert_cmpint (y.left_to_pay, ==, 85170);
  g_assert_cmpint (y.estimate, ==, 157170);
  g_assert_cmpint (y.dm, ==, 12000);
  dm_amount = ent_money_format_signed (12000);
  expected = g_strdup_printf ("a DM of %s is needed", dm_amount);
  message = ent_execution_year_describe (&y);
  g_assert_cmpstr (message, ==, expected);
  g_clear_pointer (&message, g_free);
  g_clear_pointer (&expected, g_free);
  /* the same year with the optional support: 1 934,40 − 1 451,70 = 482,70 */
  ent_scenario_budget_get_execution_year (optional, execution, 1, &y);
  g_assert_cmpint (y.planned, ==, 193440);
  g_assert_cmpint (y.estimate, ==, 193440);
  g_assert_cmpint (y.dm, ==, 48270);

  /* 2026: 1 600,00 voted, nothing paid: all of it left, 28,30 to spare */
  ent_scenario_budget_get_execution_year (base, execution, 2, &y);
  g_assert_false (y.has_paid);
  g_assert_cmpint (y.paid, ==, 0);
  g_assert_cmpint (y.left_to_pay, ==, 160000);
  g_assert_cmpint (y.estimate, ==, 157170);
  g_assert_cmpint (y.dm, ==, -2830);
  spare_amount = ent_money_format (2830);
  expected = g_strdup_printf ("credits suffice (%s to spare)", spare_amount);
  message = ent_execution_year_describe (&y);
  g_assert_cmpstr (message, ==, expected);
  g_clear_pointer (&message, g_free);

  /* 2027: 2 000,00 paid, more than planned: that is the estimate; no vote
   * entered, so no DM */
  ent_scenario_budget_get_execution_year (base, execution, 3, &y);
  g_assert_false (y.has_voted);
  g_assert_cmpint (y.estimate, ==, 200000);
  g_assert_cmpint (y.dm, ==, 0);
  g_assert_cmpint (y.left_to_pay, ==, 0);
  message = ent_execution_year_describe (&y);
  g_assert_cmpstr (message, ==, "credits voted not entered");

  /* AE: the last revision, 6 000,00; the plans go beyond it by
   * 6 286,80 − 6 000,00 = 286,80 and 7 737,60 − 6 000,00 = 1 737,60 */
  g_assert_cmpint (ent_scenario_budget_get_current_ae (base, execution, &revised), ==, 600000);
  g_assert_true (revised);
  g_assert_cmpint (ent_scenario_budget_get_ae_excess (base, execution), ==, 28680);
  g_assert_cmpint (ent_scenario_budget_get_ae_excess (optional, execution), ==, 173760);

  /* without revision: the contract total, nothing beyond */
  ent_execution_remove_revision (execution, 1);
  ent_execution_remove_revision (execution, 0);
  g_assert_cmpint (ent_scenario_budget_get_current_ae (base, execution, &revised), ==, 628680);
  g_assert_false (revised);
  g_assert_cmpint (ent_scenario_budget_get_ae_excess (base, execution), ==, 0);
}

static void
settle (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Each entry is one undo step, restored in place (the same EntExecution). */
static void
test_undo (void)
{
  g_autoptr(EntDocument) document = ent_document_new_example ();
  g_autoptr(EntWorkspace) workspace = ent_workspace_new_with_draft_directory (document, "");
  EntExecution *execution = ent_document_get_execution (document);
  gint64 cents = 0;
  GDate date;

  ent_execution_set_voted (execution, 2025, TRUE, 145170);
  settle ();
  ent_execution_set_paid (execution, 2025, TRUE, 60000);
  settle ();
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 15, G_DATE_MARCH, 2025);
  ent_execution_add_revision (execution, &date, 600000, "DM n° 1");
  settle ();

  g_assert_true (ent_workspace_undo (workspace));
  g_assert_true (ent_workspace_get_document (workspace) == document);
  g_assert_true (ent_document_get_execution (document) == execution);
  g_assert_cmpuint (ent_execution_get_n_revisions (execution), ==, 0);
  g_assert_true (ent_execution_get_paid (execution, 2025, &cents));

  g_assert_true (ent_workspace_undo (workspace));
  g_assert_false (ent_execution_get_paid (execution, 2025, NULL));
  g_assert_true (ent_execution_get_voted (execution, 2025, &cents));
  g_assert_cmpint (cents, ==, 145170);

  g_assert_true (ent_workspace_undo (workspace));
  g_assert_cmpuint (ent_execution_get_n_years (execution), ==, 0);
  g_assert_false (ent_workspace_get_can_undo (workspace));

  g_assert_true (ent_workspace_redo (workspace));
  g_assert_true (ent_workspace_redo (workspace));
  g_assert_true (ent_workspace_redo (workspace));
  g_assert_cmpuint (ent_execution_get_n_revisions (execution), ==, 1);
  g_assert_true (ent_execution_get_paid (execution, 2025, &cents));
  g_assert_cmpint (cents, ==, 60000);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/model/execution/load", test_load);
  g_test_add_func ("/model/execution/round-trip", test_round_trip);
  g_test_add_func ("/model/execution/equal", test_equal);
  g_test_add_func ("/model/execution/bad-values", test_bad_values);
  g_test_add_func ("/model/execution/save-checked", test_save_checked);
  g_test_add_func ("/model/execution/queries", test_queries);
  g_test_add_func ("/model/execution/undo", test_undo);

  return g_test_run ();
}
