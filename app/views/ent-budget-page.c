/* ent-budget-page.c: the budget lines, the AE/CP schedule and the per-commune
 * shares of the selected scenario
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Read-only. Each table is a GListStore of EntBudgetRow, whose texts the
 * page formats from the computed budget; the columns are declared in
 * ui/ent-budget-page.ui, their cells built here (cell_setup_cb) as labels
 * bound to the row's properties, each named for assistive technologies with
 * its row, its column and, in the AE/CP table, whether the pupils it bills
 * were counted or projected (GTK 4.8 gives a table's cells no context). A row's key
 * says what it shows ("year-index:line-kind", "year-index:total", "total",
 * "c:commune-index"). When "budget" or "scenario" changes, only the rows whose
 * keys differ are spliced (after an edit of a pupil count the rows are the
 * same, only amounts change), and the rows kept take their new texts, which
 * their bound labels follow.
 *
 * The per-commune table (documents holding several communes, issue 7) shows
 * each commune's pupils counted in the first budget year and its parts of
 * every budget year and of the contract, as the engine allocated them
 * (largest remainder, so they add up exactly to the totals row).
 *
 * Following the contract (SPEC 13) is the one part that edits: per budget
 * year the credits voted and the payments made, and the revisions of the
 * AE. Its grids are built in C (as many rows as budget years, as revisions)
 * and write to the document's EntExecution at once, so every edit is a step
 * of the workspace's undo history; what comes back from the model (an undo)
 * replaces an entry's text only when it means another amount.
 */
#include "config.h"

#include <time.h>

#include <glib/gi18n.h>

#include "ent-budget-page.h"
#include "ent-input-reason.h"
#include "ent-budget-query.h"
#include "ent-budget-row.h"
#include "ent-row-splice.h"
#include "ent-money.h"
#include "ent-validate.h"

#define YEAR_KEY "ent-budget-year"

typedef enum
{
  /* budget lines */
  LINE_YEAR,
  LINE_CHAPTER,
  LINE_NATURE,
  LINE_FUNCTION,
  LINE_LABEL,
  LINE_AMOUNT,
  /* AE/CP */
  YEAR_YEAR,
  YEAR_PUPILS,
  YEAR_CREDITS,
  YEAR_COST,
  YEAR_CUMULATED,
  YEAR_REMAINING,
  YEAR_VINTAGE,        /* SPEC 12: which rentrée is projected */
  /* share per commune */
  COMMUNE_NAME,
  COMMUNE_PUPILS,
  COMMUNE_TOTAL,
  COMMUNE_YEAR,        /* one column per budget year, built in C */
  N_COLUMNS
} Column;

/* The row text each column of the template shows. */
static const EntBudgetRowText column_texts[COMMUNE_YEAR] = {
  [LINE_YEAR] = ENT_BUDGET_ROW_YEAR,
  [LINE_CHAPTER] = ENT_BUDGET_ROW_CHAPTER,
  [LINE_NATURE] = ENT_BUDGET_ROW_NATURE,
  [LINE_FUNCTION] = ENT_BUDGET_ROW_FUNCTION,
  [LINE_LABEL] = ENT_BUDGET_ROW_LABEL,
  [LINE_AMOUNT] = ENT_BUDGET_ROW_AMOUNT,
  [YEAR_YEAR] = ENT_BUDGET_ROW_YEAR,
  [YEAR_PUPILS] = ENT_BUDGET_ROW_PUPILS,
  [YEAR_CREDITS] = ENT_BUDGET_ROW_CREDITS,
  [YEAR_COST] = ENT_BUDGET_ROW_COST,
  [YEAR_CUMULATED] = ENT_BUDGET_ROW_CUMULATED,
  [YEAR_REMAINING] = ENT_BUDGET_ROW_REMAINING,
  [YEAR_VINTAGE] = ENT_BUDGET_ROW_VINTAGE,
  [COMMUNE_NAME] = ENT_BUDGET_ROW_NAME,
  [COMMUNE_PUPILS] = ENT_BUDGET_ROW_PUPILS,
  [COMMUNE_TOTAL] = ENT_BUDGET_ROW_TOTAL,
};

struct _EntBudgetPage
{
  GtkWidget           parent_instance;

  EntDocument        *document;
  EntScenario        *scenario;
  EntBudget          *budget;
  const EntScenarioBudget *scenario_budget;   /* into budget */

  /* template */
  GtkStack           *stack;
  GtkLabel           *title_label;
  GtkLabel           *authorisation_label;
  GtkColumnView      *lines_view;
  GtkColumnView      *years_view;
  GtkWidget          *communes_box;
  GtkColumnView      *communes_view;
  GtkColumnViewColumn *commune_pupils_column;

  GListStore         *line_rows;           /* EntBudgetRow */
  GListStore         *year_rows;
  GListStore         *commune_rows;
  GPtrArray          *commune_year_columns; /* GtkColumnViewColumn, one per budget year */
  int                 commune_first_year;
  /* per commune of the selected scenario: pupils counted in the first budget
   * year, and parts [c * (n_years + 1) + y], the last one the contract's */
  gint64             *commune_pupils;
  gint64             *commune_parts;
  int                 counted_school_year;
  gulong              scenario_notify_id;

  /* following the contract */
  GtkExpander        *execution_expander;
  GtkGrid            *execution_grid;
  GtkLabel           *execution_error;
  GtkLabel           *ae_label;
  GtkGrid            *revisions_grid;
  GtkLabel           *revision_error;
  int                 execution_first_year;  /* the years execution_grid has rows for */
  guint               execution_n_years;
  guint               n_revision_rows;
  gboolean            updating;              /* entries set from the model: no commit */
};

G_DEFINE_FINAL_TYPE (EntBudgetPage, ent_budget_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_SCENARIO,
  PROP_BUDGET,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* helpers */

/* Parses a row key: "total", "I:total", "I:K" (year index I, line kind K) or
 * "c:C" (commune index C, returned in @out_year). */
static void
parse_key (const char *key,
           int        *out_year,
           int        *out_line,
           gboolean   *out_commune)
{
  char *end = NULL;

  *out_year = -1;
  *out_line = -1;
  *out_commune = FALSE;
  if (g_str_equal (key, "total"))
    return;

  if (g_str_has_prefix (key, "c:"))
    {
      *out_commune = TRUE;
      *out_year = (int) g_ascii_strtoll (key + 2, NULL, 10);
      return;
    }

  *out_year = (int) g_ascii_strtoll (key, &end, 10);
  if (end != NULL && *end == ':' && !g_str_equal (end + 1, "total"))
    *out_line = (int) g_ascii_strtoll (end + 1, NULL, 10);
}

/* "Y:K:F": part F (0: 211, 1: 212) of a line split by function; -1 otherwise. */
static int
parse_split (const char *key)
{
  const char *first = strchr (key, ':');
  const char *second = first != NULL ? strchr (first + 1, ':') : NULL;

  return second != NULL ? (int) g_ascii_strtoll (second + 1, NULL, 10) : -1;
}

static gboolean
has_communes (EntBudgetPage *self)
{
  return self->scenario_budget != NULL && self->budget->n_communes > 1 &&
         self->commune_parts != NULL;
}

/* A cell of the per-commune table; @year is a budget year index (COMMUNE_YEAR). */
static char *
format_commune_cell (EntBudgetPage *self,
                     Column         column,
                     int            year,
                     int            commune)
{
  const EntScenarioBudget *sb = self->scenario_budget;
  guint stride = sb->n_years + 1;
  gboolean is_total = commune < 0;

  if (!is_total && (guint) commune >= self->budget->n_communes)
    return g_strdup ("");

  switch (column)
    {
    case COMMUNE_NAME:
      if (is_total)
        /* Translators: the row that sums every commune */
        return g_strdup (_("Total"));
      return g_strdup (self->budget->communes[commune]);

    case COMMUNE_PUPILS:
      if (is_total)
        return ent_count_format (sb->n_years > 0 ? sb->years[0].pupils : 0);
      return ent_count_format (self->commune_pupils[commune]);

    case COMMUNE_YEAR:
      if (year < 0 || (guint) year >= sb->n_years)
        return g_strdup ("");
      if (is_total)
        return ent_money_format (sb->years[year].total);
      return ent_money_format (self->commune_parts[commune * stride + year]);

    case COMMUNE_TOTAL:
      if (is_total)
        return ent_money_format (sb->total);
      return ent_money_format (self->commune_parts[commune * stride + sb->n_years]);

    default:
      g_assert_not_reached ();
    }
}

static char *
format_cell (EntBudgetPage *self,
             Column         column,
             int            column_year,
             const char    *key)
{
  const EntScenarioBudget *sb = self->scenario_budget;
  const EntBudgetYear *year = NULL;
  const EntBudgetLine *line = NULL;
  int year_index;
  int line_kind;
  int split;
  gboolean commune;

  if (sb == NULL)
    return g_strdup ("");

  parse_key (key, &year_index, &line_kind, &commune);
  if (column >= COMMUNE_NAME)
    return has_communes (self) && (commune || year_index < 0)
           ? format_commune_cell (self, column, column_year, year_index)
           : g_strdup ("");
  if (commune)
    return g_strdup ("");

  if (year_index >= 0 && (guint) year_index < sb->n_years)
    year = &sb->years[year_index];
  if (year != NULL && line_kind >= 0 && line_kind < ENT_N_LINES)
    line = &year->lines[line_kind];
  split = line != NULL && line->split ? parse_split (key) : -1;
  if (split >= ENT_N_SPLIT_FUNCTIONS)
    split = -1;

  switch (column)
    {
    case LINE_YEAR:
    case YEAR_YEAR:
      if (year == NULL)
        /* Translators: the last row of the AE/CP table, over the whole contract */
        return g_strdup (_("Contract"));
      if (line == NULL && column == LINE_YEAR)
        return g_strdup ("");
      return g_strdup_printf ("%d", year->year);

    case LINE_CHAPTER:
      return g_strdup (line != NULL && line->chapter != NULL ? line->chapter : "");
    case LINE_NATURE:
      return g_strdup (line != NULL && line->nature != NULL ? line->nature : "");
    case LINE_FUNCTION:
      if (split >= 0)
        return g_strdup (ent_split_functions[split]);
      return g_strdup (line != NULL && line->function != NULL ? line->function : "");

    case LINE_LABEL:
      if (split >= 0)
        return ent_budget_line_dup_split_label (line, (guint) split);
      if (line != NULL)
        return g_strdup (line->label != NULL ? line->label : ent_line_kind_get_label (line->kind));
      /* Translators: total of the budget lines of one budget year; %d is the year */
      return g_strdup_printf (_("Total %d"), year != NULL ? year->year : 0);

    case LINE_AMOUNT:
      if (split >= 0)
        return ent_money_format (line->function_parts[split]);
      if (line != NULL)
        return ent_money_format (line->amount);
      return ent_money_format (year != NULL ? year->total : sb->total);

    case YEAR_PUPILS:
      return year != NULL ? ent_count_format (year->pupils) : g_strdup ("");
    case YEAR_CREDITS:
      return ent_money_format (year != NULL ? year->total : sb->total);
    case YEAR_COST:
      if (year == NULL || year->pupils == 0)
        return g_strdup ("");
      return ent_money_format (year->cost_per_pupil);
    case YEAR_CUMULATED:
      return ent_money_format (year != NULL ? year->cumulated : sb->total);
    case YEAR_REMAINING:
      return ent_money_format (year != NULL ? year->remaining : 0);
    case YEAR_VINTAGE:
      {
        char *vintage;

        if (year == NULL || self->budget == NULL)
          return g_strdup ("");
        vintage = ent_budget_year_describe_vintage (self->budget, sb, year);
        /* Translators: the Budget page says the pupils a budget year bills were all counted */
        return vintage != NULL ? vintage : g_strdup (_("observed"));
      }

    default:
      g_assert_not_reached ();
    }
}

static void
set_label_text (GtkLabel   *label,
                const char *text)
{
  if (g_strcmp0 (gtk_label_get_text (label), text) != 0)
    gtk_label_set_text (label, text);
}

static void
update_scenario_budget (EntBudgetPage *self)
{
  self->scenario_budget = NULL;
  if (self->budget == NULL)
    return;

  self->scenario_budget = ent_budget_find_scenario (self->budget, self->scenario);
  /* a scenario the last good budget does not know yet (just added): the
   * page keeps showing the first one rather than going blank */
  if (self->scenario_budget == NULL)
    self->scenario_budget = ent_budget_find_scenario (self->budget, NULL);
}

/* Replaces the rows of @store by @rows (EntBudgetRow), splicing only the
 * range whose keys differ: the rows kept take the new texts, so their bound
 * cells follow without being rebuilt. */
static void
update_rows (GListStore *store,
             GPtrArray  *rows)
{
  ent_row_splice (store, rows, (EntRowKeyFunc) ent_budget_row_get_key,
                  (EntRowAssignFunc) ent_budget_row_assign);
}

/* A row of a table whose template columns are @first to @last, its texts
 * formatted from the budget. */
static EntBudgetRow *
make_row (EntBudgetPage *self,
          const char    *key,
          Column         first,
          Column         last)
{
  EntBudgetRow *row = ent_budget_row_new (key);
  int year_index;
  int line_kind;
  gboolean commune;

  for (Column column = first; column <= last; column++)
    {
      g_autofree char *text = format_cell (self, column, -1, key);

      ent_budget_row_set_text (row, column_texts[column], text);
    }

  /* the per-commune table's budget year columns (built in C) */
  if (first == COMMUNE_NAME && self->scenario_budget != NULL)
    {
      g_autoptr(GStrvBuilder) years = g_strv_builder_new ();
      g_auto(GStrv) texts = NULL;

      for (guint y = 0; y < self->scenario_budget->n_years; y++)
        {
          g_autofree char *text = format_cell (self, COMMUNE_YEAR, (int) y, key);

          g_strv_builder_add (years, text);
        }
      texts = g_strv_builder_end (years);
      ent_budget_row_set_year_texts (row, (const char *const *) texts);
    }

  /* totals in bold: a year's total line, the contract row of the AE/CP
   * table, the total row of the communes */
  parse_key (key, &year_index, &line_kind, &commune);
  ent_budget_row_set_is_total (row, (first == LINE_YEAR && line_kind < 0) || (!commune && year_index < 0));
  return row;
}

static void add_row (EntBudgetPage *self,
                     GPtrArray     *rows,
                     Column         first,
                     Column         last,
                     const char    *key_format,
                     ...) G_GNUC_PRINTF (5, 6);

static void
add_row (EntBudgetPage *self,
         GPtrArray     *rows,
         Column         first,
         Column         last,
         const char    *key_format,
         ...)
{
  g_autofree char *key = NULL;
  va_list args;

  va_start (args, key_format);
  key = g_strdup_vprintf (key_format, args);
  va_end (args);
  g_ptr_array_add (rows, make_row (self, key, first, last));
}

/* Each commune's pupils counted in the first budget year and its parts, read
 * from the engine's per-commune parts of every line (sum == line amount). */
static void
collect_commune_shares (EntBudgetPage *self)
{
  const EntBudget *budget = self->budget;
  const EntScenarioBudget *sb = self->scenario_budget;
  guint stride;

  g_clear_pointer (&self->commune_pupils, g_free);
  g_clear_pointer (&self->commune_parts, g_free);
  if (sb == NULL || budget->n_communes < 2)
    return;

  stride = sb->n_years + 1;
  self->commune_pupils = g_new0 (gint64, budget->n_communes);
  self->commune_parts = g_new0 (gint64, (gsize) budget->n_communes * stride);

  self->counted_school_year = ent_budget_get_counted_school_year (budget, budget->first_budget_year);
  for (guint c = 0; c < budget->n_communes; c++)
    {
      if (budget->n_school_years > 0)
        self->commune_pupils[c] =
          ent_scenario_budget_get_commune_pupils (budget, sb, c, self->counted_school_year);
      for (guint y = 0; y < sb->n_years; y++)
        self->commune_parts[c * stride + y] = ent_scenario_budget_get_commune_year (budget, sb, c, y);
      self->commune_parts[c * stride + sb->n_years] = ent_scenario_budget_get_commune_total (budget, sb, c);
    }
}

static void add_commune_year_column (EntBudgetPage *self,
                                     guint          year_index,
                                     int            year);

/* One part column per budget year, rebuilt only when the budget years change. */
static void
update_commune_columns (EntBudgetPage *self)
{
  const EntScenarioBudget *sb = self->scenario_budget;
  int first = sb != NULL && sb->n_years > 0 ? sb->years[0].year : 0;
  guint n = sb != NULL ? sb->n_years : 0;
  g_autofree char *pupils_title = NULL;

  if (first != self->commune_first_year || n != self->commune_year_columns->len)
    {
      for (guint i = 0; i < self->commune_year_columns->len; i++)
        gtk_column_view_remove_column (self->communes_view,
                                       g_ptr_array_index (self->commune_year_columns, i));
      g_ptr_array_set_size (self->commune_year_columns, 0);
      self->commune_first_year = first;
      for (guint y = 0; y < n; y++)
        add_commune_year_column (self, y, first + (int) y);
    }

  /* Translators: column header, the pupils of a school year (%d/%d) */
  pupils_title = g_strdup_printf (_("Pupils %d/%d"), self->counted_school_year,
                                  self->counted_school_year + 1);
  if (g_strcmp0 (gtk_column_view_column_get_title (self->commune_pupils_column), pupils_title) != 0)
    gtk_column_view_column_set_title (self->commune_pupils_column, pupils_title);
}

static void update_execution_grid (EntBudgetPage           *self,
                                   const EntScenarioBudget *sb);
static void update_revisions      (EntBudgetPage           *self,
                                   const EntScenarioBudget *sb);

static void
refresh (EntBudgetPage *self)
{
  const EntScenarioBudget *sb;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) years = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) communes = g_ptr_array_new_with_free_func (g_object_unref);

  update_scenario_budget (self);
  collect_commune_shares (self);
  sb = self->scenario_budget;

  if (sb != NULL)
    {
      g_autofree char *total = ent_money_format (sb->total);
      g_autofree char *title = NULL;
      g_autofree char *authorisation = NULL;

      for (guint y = 0; y < sb->n_years; y++)
        {
          for (int k = 0; k < ENT_N_LINES; k++)
            {
              const EntBudgetLine *line = &sb->years[y].lines[k];

              /* lines that bill nothing (option not taken, no half-day) are left out */
              if (line->split)
                for (guint f = 0; f < ENT_N_SPLIT_FUNCTIONS; f++)
                  add_row (self, lines, LINE_YEAR, LINE_AMOUNT, "%u:%d:%u", y, k, f);
              else if (line->n_segments > 0 || line->amount != 0)
                add_row (self, lines, LINE_YEAR, LINE_AMOUNT, "%u:%d", y, k);
            }
          add_row (self, lines, LINE_YEAR, LINE_AMOUNT, "%u:total", y);
          add_row (self, years, YEAR_YEAR, YEAR_VINTAGE, "%u", y);
        }
      add_row (self, years, YEAR_YEAR, YEAR_VINTAGE, "total");

      if (has_communes (self))
        {
          for (guint c = 0; c < self->budget->n_communes; c++)
            add_row (self, communes, COMMUNE_NAME, COMMUNE_TOTAL, "c:%u", c);
          add_row (self, communes, COMMUNE_NAME, COMMUNE_TOTAL, "total");
        }

      /* Translators: title of the budget page; %s is a scenario name */
      title = g_strdup_printf (_("Budget of “%s”"), sb->name != NULL ? sb->name : "");
      /* Translators: %s is an amount; AE is "autorisation d'engagement" */
      authorisation = g_strdup_printf (_("Authorisation (AE) for the whole contract: %s"), total);
      set_label_text (self->title_label, title);
      set_label_text (self->authorisation_label, authorisation);
      gtk_stack_set_visible_child_name (self->stack, "budget");
    }
  else
    {
      set_label_text (self->title_label, "");
      set_label_text (self->authorisation_label, "");
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }

  update_commune_columns (self);
  gtk_widget_set_visible (self->communes_box, has_communes (self));

  update_rows (self->line_rows, lines);
  update_rows (self->year_rows, years);
  update_rows (self->commune_rows, communes);

  update_execution_grid (self, sb);
  update_revisions (self, sb);
}

/* following the contract (SPEC 13) */

enum {
  EXEC_YEAR,
  EXEC_PLANNED,
  EXEC_VOTED,
  EXEC_PAID,
  EXEC_LEFT,
  EXEC_ESTIMATE,
  EXEC_MESSAGE,
  N_EXEC_COLUMNS
};

enum {
  REVISION_DATE,
  REVISION_AMOUNT,
  REVISION_REFERENCE,
  REVISION_REMOVE,
};

#define EXEC_YEAR_KEY   "ent-execution-year"
#define EXEC_PAID_KEY   "ent-execution-paid"
#define REVISION_KEY    "ent-revision-index"

static EntExecution *
get_execution (EntBudgetPage *self)
{
  return self->document != NULL ? ent_document_get_execution (self->document) : NULL;
}

/* An amount typed in an entry: *@out_entered FALSE when empty. FALSE with
 * the reason when refused. */
static gboolean
parse_execution_amount (const char  *text,
                        gboolean    *out_entered,
                        gint64      *out_cents,
                        char       **out_reason)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  *out_entered = FALSE;
  *out_cents = 0;
  if (*stripped == '\0')
    return TRUE;
  if (!ent_money_parse (stripped, out_cents, NULL))
    {
      g_autofree char *example = ent_money_format_number (157170);

      /* Translators: %s is an example amount, "1,30" in French */
      *out_reason = g_strdup_printf (_("This is not an amount in euros. Type it like %s."), example);
      return FALSE;
    }
  if (!ent_validate_execution_amount (*out_cents, &error))
    {
      *out_reason = g_strdup (error->message);
      return FALSE;
    }
  *out_entered = TRUE;
  return TRUE;
}

/* Puts the model's amount in @entry, unless the entry already says it (the
 * user typing "1 500,5" must keep the text typed) or holds a refused text
 * whose reason is shown. */
static void
sync_amount_entry (EntBudgetPage *self,
                   GtkEditable   *entry,
                   gboolean       entered,
                   gint64         cents)
{
  g_autofree char *reason = NULL;
  g_autofree char *text = NULL;
  gboolean shown_entered;
  gint64 shown;

  if (!parse_execution_amount (gtk_editable_get_text (entry), &shown_entered, &shown, &reason))
    return;
  if (shown_entered == entered && (!entered || shown == cents))
    return;

  text = entered ? ent_money_format_number (cents) : g_strdup ("");
  self->updating = TRUE;
  gtk_editable_set_text (entry, text);
  self->updating = FALSE;
}

static void
execution_entry_changed_cb (GtkEditable   *entry,
                            EntBudgetPage *self)
{
  EntExecution *execution = get_execution (self);
  int year = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (entry), EXEC_YEAR_KEY));
  gboolean paid = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (entry), EXEC_PAID_KEY));
  g_autofree char *reason = NULL;
  gboolean entered;
  gint64 cents;

  if (self->updating || execution == NULL)
    return;

  if (!parse_execution_amount (gtk_editable_get_text (entry), &entered, &cents, &reason))
    {
      ent_input_show_reason (GTK_WIDGET (entry), self->execution_error, reason);
      return;
    }
  ent_input_show_reason (GTK_WIDGET (entry), self->execution_error, NULL);
  if (paid)
    ent_execution_set_paid (execution, year, entered, cents);
  else
    ent_execution_set_voted (execution, year, entered, cents);
}

static GtkWidget *
make_cell_label (const char *text,
                 float       xalign,
                 gboolean    heading)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  if (heading)
    {
      /* headers on two lines if need be: the table fits 800 pixels */
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 12);
      gtk_label_set_justify (GTK_LABEL (label), xalign == 1.0f ? GTK_JUSTIFY_RIGHT : GTK_JUSTIFY_LEFT);
      gtk_widget_set_valign (label, GTK_ALIGN_END);
      gtk_widget_add_css_class (label, "heading");
    }
  else if (xalign == 1.0f)
    gtk_widget_add_css_class (label, "numeric");
  return label;
}

static GtkWidget *
make_amount_entry (EntBudgetPage *self,
                   const char    *accessible_name)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 9);
  /* as wide as their contents, not GtkText's 150 pixels, to fit 800 pixels */
  gtk_editable_set_max_width_chars (GTK_EDITABLE (entry), 9);
  gtk_editable_set_alignment (GTK_EDITABLE (entry), 1.0);
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_NUMBER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_name,
                                  -1);
  return entry;
}

static void
clear_grid (GtkGrid *grid)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);
}

/* One row per budget year of the contract, rebuilt only when the years change. */
static void
build_execution_grid (EntBudgetPage           *self,
                      const EntScenarioBudget *sb)
{
  static const char *const titles[N_EXEC_COLUMNS] = {
    /* Translators: column headers of the table following the contract */
    [EXEC_YEAR] = N_("Year"),
    [EXEC_PLANNED] = N_("Planned"),
    [EXEC_VOTED] = N_("Voted"),
    [EXEC_PAID] = N_("Paid"),
    [EXEC_LEFT] = N_("Left to pay"),
    [EXEC_ESTIMATE] = N_("Year-end estimate"),
    [EXEC_MESSAGE] = "",
  };
  int first = sb != NULL && sb->n_years > 0 ? sb->years[0].year : 0;
  guint n = sb != NULL ? sb->n_years : 0;

  if (first == self->execution_first_year && n == self->execution_n_years
      && gtk_widget_get_first_child (GTK_WIDGET (self->execution_grid)) != NULL)
    return;

  clear_grid (self->execution_grid);
  gtk_widget_set_visible (GTK_WIDGET (self->execution_error), FALSE);
  self->execution_first_year = first;
  self->execution_n_years = n;

  for (guint c = 0; c < N_EXEC_COLUMNS; c++)
    gtk_grid_attach (self->execution_grid,
                     make_cell_label (*titles[c] != '\0' ? _(titles[c]) : "",
                                      c == EXEC_YEAR || c == EXEC_MESSAGE ? 0.0f : 1.0f, TRUE),
                     (int) c, 0, 1, 1);

  for (guint y = 0; y < n; y++)
    {
      int year = first + (int) y;
      g_autofree char *year_text = g_strdup_printf ("%d", year);
      /* Translators: accessible names of the entries; %d is a budget year */
      g_autofree char *voted_name = g_strdup_printf (_("Credits voted in %d"), year);
      g_autofree char *paid_name = g_strdup_printf (_("Payments made in %d"), year);
      GtkWidget *voted = make_amount_entry (self, voted_name);
      GtkWidget *paid = make_amount_entry (self, paid_name);
      GtkWidget *message = make_cell_label ("", 0.0f, FALSE);
      int row = (int) y + 1;

      /* the longest message, « une DM de +1 234,56 € est nécessaire », on two lines */
      gtk_label_set_wrap (GTK_LABEL (message), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (message), 20);

      g_object_set_data (G_OBJECT (voted), EXEC_YEAR_KEY, GINT_TO_POINTER (year));
      g_object_set_data (G_OBJECT (paid), EXEC_YEAR_KEY, GINT_TO_POINTER (year));
      g_object_set_data (G_OBJECT (paid), EXEC_PAID_KEY, GINT_TO_POINTER (TRUE));
      g_signal_connect (voted, "changed", G_CALLBACK (execution_entry_changed_cb), self);
      g_signal_connect (paid, "changed", G_CALLBACK (execution_entry_changed_cb), self);

      gtk_grid_attach (self->execution_grid, make_cell_label (year_text, 0.0f, FALSE), EXEC_YEAR, row, 1, 1);
      gtk_grid_attach (self->execution_grid, make_cell_label ("", 1.0f, FALSE), EXEC_PLANNED, row, 1, 1);
      gtk_grid_attach (self->execution_grid, voted, EXEC_VOTED, row, 1, 1);
      gtk_grid_attach (self->execution_grid, paid, EXEC_PAID, row, 1, 1);
      gtk_grid_attach (self->execution_grid, make_cell_label ("", 1.0f, FALSE), EXEC_LEFT, row, 1, 1);
      gtk_grid_attach (self->execution_grid, make_cell_label ("", 1.0f, FALSE), EXEC_ESTIMATE, row, 1, 1);
      gtk_grid_attach (self->execution_grid, message, EXEC_MESSAGE, row, 1, 1);
    }
}

static void
update_execution_grid (EntBudgetPage           *self,
                       const EntScenarioBudget *sb)
{
  EntExecution *execution = get_execution (self);

  build_execution_grid (self, sb);
  if (sb == NULL || execution == NULL)
    return;

  /* opened once something is entered (a document that has some, an undo
   * bringing some back); never closed for the user */
  if (ent_execution_get_n_years (execution) > 0 || ent_execution_get_n_revisions (execution) > 0)
    gtk_expander_set_expanded (self->execution_expander, TRUE);

  for (guint y = 0; y < sb->n_years; y++)
    {
      EntExecutionYear ey;
      int row = (int) y + 1;
      g_autofree char *planned = NULL;
      g_autofree char *left = NULL;
      g_autofree char *estimate = NULL;
      g_autofree char *message = NULL;
      GtkWidget *message_label;

      ent_scenario_budget_get_execution_year (sb, execution, y, &ey);
      planned = ent_money_format (ey.planned);
      /* paid beyond the vote: a true minus, as differences are shown */
      if (!ey.has_voted)
        left = g_strdup ("—");
      else if (ey.left_to_pay < 0)
        left = ent_money_format_signed (ey.left_to_pay);
      else
        left = ent_money_format (ey.left_to_pay);
      estimate = ent_money_format (ey.estimate);
      message = ent_execution_year_describe (&ey);

      set_label_text (GTK_LABEL (gtk_grid_get_child_at (self->execution_grid, EXEC_PLANNED, row)), planned);
      set_label_text (GTK_LABEL (gtk_grid_get_child_at (self->execution_grid, EXEC_LEFT, row)), left);
      set_label_text (GTK_LABEL (gtk_grid_get_child_at (self->execution_grid, EXEC_ESTIMATE, row)), estimate);
      message_label = gtk_grid_get_child_at (self->execution_grid, EXEC_MESSAGE, row);
      set_label_text (GTK_LABEL (message_label), message);
      if (ey.has_voted && ey.dm > 0)
        gtk_widget_add_css_class (message_label, "warning");
      else
        gtk_widget_remove_css_class (message_label, "warning");
      if (ey.has_voted)
        gtk_widget_remove_css_class (message_label, "dim-label");
      else
        gtk_widget_add_css_class (message_label, "dim-label");

      sync_amount_entry (self, GTK_EDITABLE (gtk_grid_get_child_at (self->execution_grid, EXEC_VOTED, row)),
                         ey.has_voted, ey.voted);
      sync_amount_entry (self, GTK_EDITABLE (gtk_grid_get_child_at (self->execution_grid, EXEC_PAID, row)),
                         ey.has_paid, ey.paid);
    }
}

static guint
get_revision_index (GtkWidget *widget)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), REVISION_KEY));
}

/* The date, amount and reference of revision @index as its row shows them,
 * each replaced by the model's value where the row's text is refused. */
static void
commit_revision (EntBudgetPage *self,
                 GtkWidget     *input,
                 int            part)
{
  EntExecution *execution = get_execution (self);
  guint index = get_revision_index (input);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (input));
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;
  const char *reference;
  gint64 amount;
  GDate date;

  if (self->updating || execution == NULL || index >= ent_execution_get_n_revisions (execution))
    return;

  ent_execution_get_revision (execution, index, &date, &amount, &reference);
  switch (part)
    {
    case REVISION_DATE:
      if (!ent_date_parse (text, &date))
        {
          g_autofree char *example = NULL;
          GDate sample;

          g_date_clear (&sample, 1);
          g_date_set_dmy (&sample, 15, G_DATE_MARCH, 2025);
          example = ent_date_format_short (&sample);
          /* Translators: %s is an example date, "15/03/2025" in French */
          reason = g_strdup_printf (_("This is not a date. Type it like %s."), example);
          ent_input_show_reason (input, self->revision_error, reason);
          return;
        }
      if (!ent_validate_date (&date, &error))
        {
          ent_input_show_reason (input, self->revision_error, error->message);
          return;
        }
      break;
    case REVISION_AMOUNT:
      {
        gboolean entered;

        if (!parse_execution_amount (text, &entered, &amount, &reason))
          {
            ent_input_show_reason (input, self->revision_error, reason);
            return;
          }
        if (!entered)
          {
            ent_input_show_reason (input, self->revision_error,
                         _("A revision needs the amount of the revised authorisation."));
            return;
          }
      }
      break;
    case REVISION_REFERENCE:
      if (!ent_validate_name (text, &error))
        {
          ent_input_show_reason (input, self->revision_error, error->message);
          return;
        }
      reference = text;
      break;
    default:
      g_assert_not_reached ();
    }

  ent_input_show_reason (input, self->revision_error, NULL);
  {
    /* @reference may point into the revision being replaced */
    g_autofree char *reference_copy = g_strdup (reference);

    ent_execution_set_revision (execution, index, &date, amount, reference_copy);
  }
}

static void
revision_changed_cb (GtkEditable   *editable,
                     EntBudgetPage *self)
{
  int part = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (editable), "ent-part"));

  /* a date is read once typed (Enter, or leaving it): "15/03/20" is not yet one */
  if (part != REVISION_DATE)
    commit_revision (self, GTK_WIDGET (editable), part);
}

static void
revision_date_activate_cb (GtkEntry      *entry,
                           EntBudgetPage *self)
{
  commit_revision (self, GTK_WIDGET (entry), REVISION_DATE);
}

static void
revision_date_leave_cb (GtkEventControllerFocus *controller,
                        EntBudgetPage           *self)
{
  commit_revision (self, gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)),
                   REVISION_DATE);
}

static void
remove_revision_clicked_cb (GtkButton     *button,
                            EntBudgetPage *self)
{
  EntExecution *execution = get_execution (self);
  guint index = get_revision_index (GTK_WIDGET (button));

  if (execution != NULL && index < ent_execution_get_n_revisions (execution))
    ent_execution_remove_revision (execution, index);
}

static void
add_revision_clicked_cb (EntBudgetPage *self)
{
  EntExecution *execution = get_execution (self);
  gint64 amount = 0;
  GDate today;

  if (execution == NULL)
    return;

  /* today, at the AE in force: the user changes what the deliberation says */
  g_date_clear (&today, 1);
  g_date_set_time_t (&today, time (NULL));
  if (self->scenario_budget != NULL)
    amount = ent_scenario_budget_get_current_ae (self->scenario_budget, execution, NULL);
  ent_execution_add_revision (execution, &today, amount, "");
}

static GtkWidget *
make_revision_input (EntBudgetPage *self,
                     guint          index,
                     int            part)
{
  GtkWidget *entry = gtk_entry_new ();
  g_autofree char *name = NULL;

  switch (part)
    {
    case REVISION_DATE:
      /* Translators: accessible names of a revision's entries; %u counts from 1 */
      name = g_strdup_printf (_("Date of revision %u"), index + 1);
      gtk_editable_set_width_chars (GTK_EDITABLE (entry), 10);
      gtk_editable_set_max_width_chars (GTK_EDITABLE (entry), 10);
      {
        GtkEventController *focus = gtk_event_controller_focus_new ();

        g_signal_connect (entry, "activate", G_CALLBACK (revision_date_activate_cb), self);
        g_signal_connect (focus, "leave", G_CALLBACK (revision_date_leave_cb), self);
        gtk_widget_add_controller (entry, focus);
      }
      break;
    case REVISION_AMOUNT:
      name = g_strdup_printf (_("Amount of revision %u"), index + 1);
      gtk_editable_set_width_chars (GTK_EDITABLE (entry), 13);
      gtk_editable_set_max_width_chars (GTK_EDITABLE (entry), 13);
      gtk_editable_set_alignment (GTK_EDITABLE (entry), 1.0);
      gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_NUMBER);
      break;
    case REVISION_REFERENCE:
      name = g_strdup_printf (_("Reference of revision %u"), index + 1);
      gtk_editable_set_width_chars (GTK_EDITABLE (entry), 24);
      break;
    default:
      g_assert_not_reached ();
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_object_set_data (G_OBJECT (entry), REVISION_KEY, GUINT_TO_POINTER (index));
  g_object_set_data (G_OBJECT (entry), "ent-part", GINT_TO_POINTER (part));
  g_signal_connect (entry, "changed", G_CALLBACK (revision_changed_cb), self);
  return entry;
}

static void
set_entry_text_quietly (EntBudgetPage *self,
                        GtkEditable   *editable,
                        const char    *text)
{
  if (g_strcmp0 (gtk_editable_get_text (editable), text) == 0)
    return;
  self->updating = TRUE;
  gtk_editable_set_text (editable, text);
  self->updating = FALSE;
}

static void
update_revisions (EntBudgetPage           *self,
                  const EntScenarioBudget *sb)
{
  EntExecution *execution = get_execution (self);
  guint n = execution != NULL ? ent_execution_get_n_revisions (execution) : 0;
  g_autofree char *ae_text = NULL;

  if (n != self->n_revision_rows)
    {
      clear_grid (self->revisions_grid);
      gtk_widget_set_visible (GTK_WIDGET (self->revision_error), FALSE);
      self->n_revision_rows = n;
      if (n > 0)
        {
          /* Translators: column headers of the revisions of the AE */
          gtk_grid_attach (self->revisions_grid, make_cell_label (_("Date"), 0.0f, TRUE), REVISION_DATE, 0, 1, 1);
          gtk_grid_attach (self->revisions_grid, make_cell_label (_("Revised AE"), 1.0f, TRUE), REVISION_AMOUNT, 0, 1, 1);
          gtk_grid_attach (self->revisions_grid, make_cell_label (_("Deliberation"), 0.0f, TRUE), REVISION_REFERENCE, 0, 1, 1);
        }
      for (guint i = 0; i < n; i++)
        {
          GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
          /* Translators: accessible name and tooltip of the button removing a revision; %u counts from 1 */
          g_autofree char *remove_name = g_strdup_printf (_("Remove revision %u"), i + 1);

          gtk_widget_add_css_class (remove, "flat");
          gtk_widget_set_tooltip_text (remove, remove_name);
          gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_name, -1);
          g_object_set_data (G_OBJECT (remove), REVISION_KEY, GUINT_TO_POINTER (i));
          g_signal_connect (remove, "clicked", G_CALLBACK (remove_revision_clicked_cb), self);
          ent_accessible_fix_mnemonics (remove);   /* its icon: decoration */
          for (int part = REVISION_DATE; part <= REVISION_REFERENCE; part++)
            gtk_grid_attach (self->revisions_grid, make_revision_input (self, i, part), part, (int) i + 1, 1, 1);
          gtk_grid_attach (self->revisions_grid, remove, REVISION_REMOVE, (int) i + 1, 1, 1);
        }
    }

  for (guint i = 0; i < n; i++)
    {
      GtkWidget *date_entry = gtk_grid_get_child_at (self->revisions_grid, REVISION_DATE, (int) i + 1);
      GtkWidget *reference_entry = gtk_grid_get_child_at (self->revisions_grid, REVISION_REFERENCE, (int) i + 1);
      const char *reference;
      gint64 amount;
      GDate date, shown;

      ent_execution_get_revision (execution, i, &date, &amount, &reference);
      g_date_clear (&shown, 1);
      if (!gtk_widget_has_css_class (date_entry, "error")
          && (!ent_date_parse (gtk_editable_get_text (GTK_EDITABLE (date_entry)), &shown)
              || g_date_compare (&shown, &date) != 0))
        {
          g_autofree char *text = ent_date_format_short (&date);

          set_entry_text_quietly (self, GTK_EDITABLE (date_entry), text);
        }
      sync_amount_entry (self, GTK_EDITABLE (gtk_grid_get_child_at (self->revisions_grid, REVISION_AMOUNT, (int) i + 1)),
                         TRUE, amount);
      if (!gtk_widget_has_css_class (reference_entry, "error"))
        set_entry_text_quietly (self, GTK_EDITABLE (reference_entry), reference);
    }

  if (sb != NULL && execution != NULL)
    {
      gboolean revised = FALSE;
      gint64 ae = ent_scenario_budget_get_current_ae (sb, execution, &revised);
      gint64 excess = ent_scenario_budget_get_ae_excess (sb, execution);
      g_autofree char *ae_amount = ent_money_format (ae);
      g_autofree char *planned = ent_money_format (sb->total);
      g_autofree char *first = NULL;
      g_autofree char *second = NULL;

      if (revised)
        /* Translators: %s is an amount */
        first = g_strdup_printf (_("AE in force: %s, as last revised."), ae_amount);
      else
        /* Translators: %s is an amount */
        first = g_strdup_printf (_("AE in force: %s, the contract total (no revision)."), ae_amount);
      if (excess > 0)
        {
          g_autofree char *over = ent_money_format (excess);

          /* Translators: two amounts: the payment credits planned, then how much beyond the AE */
          second = g_strdup_printf (_("The payment credits planned (%s) exceed it by %s: the AE must be revised."),
                                    planned, over);
          gtk_widget_add_css_class (GTK_WIDGET (self->ae_label), "warning");
        }
      else
        {
          /* Translators: %s is an amount, the payment credits planned over the contract */
          second = g_strdup_printf (_("The payment credits planned (%s) stay within it."), planned);
          gtk_widget_remove_css_class (GTK_WIDGET (self->ae_label), "warning");
        }
      /* one sentence a line: short enough for 800 pixels */
      ae_text = g_strconcat (first, "\n", second, NULL);
    }
  set_label_text (self->ae_label, ae_text != NULL ? ae_text : "");
}

/* callbacks */

static void
scenario_name_cb (EntScenario   *scenario,
                  GParamSpec    *pspec,
                  EntBudgetPage *self)
{
  g_autofree char *title = NULL;

  /* the budget keeps the name it was computed with: follow renames at once */
  /* Translators: title of the budget page; %s is a scenario name */
  title = g_strdup_printf (_("Budget of “%s”"), ent_scenario_get_name (scenario));
  gtk_label_set_text (self->title_label, title);
}

/* The cells */

#define COLUMN_KEY "ent-budget-column"
#define VIEW_COLUMN_KEY "ent-budget-view-column"

/* The row text that names a row of the table of @column: its first column
 * for a screen reader (N_TEXTS for the row's own name, which is not named) */
static EntBudgetRowText
row_header (Column column)
{
  if (column <= LINE_AMOUNT)
    return column == LINE_LABEL ? ENT_BUDGET_ROW_N_TEXTS : ENT_BUDGET_ROW_LABEL;
  if (column <= YEAR_VINTAGE)
    return column == YEAR_YEAR ? ENT_BUDGET_ROW_N_TEXTS : ENT_BUDGET_ROW_YEAR;
  return column == COMMUNE_NAME ? ENT_BUDGET_ROW_N_TEXTS : ENT_BUDGET_ROW_NAME;
}

static gboolean
is_numeric (Column column)
{
  switch (column)
    {
    case LINE_AMOUNT:
    case YEAR_PUPILS:
    case YEAR_CREDITS:
    case YEAR_COST:
    case YEAR_CUMULATED:
    case YEAR_REMAINING:
    case COMMUNE_PUPILS:
    case COMMUNE_TOTAL:
    case COMMUNE_YEAR:
      return TRUE;
    default:
      return FALSE;
    }
}

/* A cell's accessible name (a closure of its expression): « 2025, Crédits de
 * paiement (CP) : 1 571,70 €, effectifs projetés ». @status is the AE/CP
 * row's vintage for its amounts (SPEC 12), "" elsewhere. */
static char *
cell_name (GtkListItem         *list_item,
           const char          *header,
           const char          *value,
           const char          *status,
           GtkColumnViewColumn *column)
{
  const char *title = gtk_column_view_column_get_title (column);

  if (value == NULL || *value == '\0' || header == NULL)
    return g_strdup ("");
  if (status != NULL && *status != '\0')
    /* Translators: a cell of a Budget page table read by a screen reader:
     * « 2025, Crédits de paiement (CP) : 1 571,70 €, effectifs de la rentrée
     * 2024 projetés » (row, column, value, how its pupils were known) */
    return g_strdup_printf (_("%s, %s: %s, %s"), header, title ? title : "", value, status);
  /* Translators: a cell of a Budget page table read by a screen reader:
   * « Hem, Total : 6 286,80 € » (row, column, value) */
  return g_strdup_printf (_("%s, %s: %s"), header, title ? title : "", value);
}

/* Names @label with its row's @header, its @value (an expression taken) and
 * the row's @status (NULL for none). */
static void
watch_cell_name (GtkListItem         *list_item,
                 GtkWidget           *label,
                 EntBudgetRowText     header,
                 GtkExpression       *value,
                 EntBudgetRowText     status,
                 GtkColumnViewColumn *column)
{
  GtkExpression *params[3];
  GtkExpression *item = gtk_property_expression_new (GTK_TYPE_LIST_ITEM, NULL, "item");

  params[0] = gtk_property_expression_new (ENT_TYPE_BUDGET_ROW, gtk_expression_ref (item),
                                           ent_budget_row_text_property (header));
  params[1] = value;
  params[2] = status < ENT_BUDGET_ROW_N_TEXTS
              ? gtk_property_expression_new (ENT_TYPE_BUDGET_ROW, gtk_expression_ref (item),
                                             ent_budget_row_text_property (status))
              : gtk_constant_expression_new (G_TYPE_STRING, "");
  gtk_expression_unref (item);
  ent_cell_watch_accessible_label (list_item, label,
                                   gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 3, params,
                                                                G_CALLBACK (cell_name), column, NULL));
}

/* A cell of the template's columns: the row's text, right-aligned figures,
 * "heading" on a total row. */
static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               EntBudgetPage            *self)
{
  Column column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), COLUMN_KEY));
  GtkColumnViewColumn *view_column = g_object_get_data (G_OBJECT (factory), VIEW_COLUMN_KEY);
  const char *text = ent_budget_row_text_property (column_texts[column]);
  GtkWidget *label = gtk_label_new (NULL);
  GtkExpression *item = gtk_property_expression_new (GTK_TYPE_LIST_ITEM, NULL, "item");

  gtk_label_set_xalign (GTK_LABEL (label), is_numeric (column) ? 1.0 : 0.0);
  if (column == LINE_LABEL || column == YEAR_VINTAGE)
    {
      /* the whole text in the tooltip */
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_expression_bind (gtk_property_expression_new (ENT_TYPE_BUDGET_ROW, gtk_expression_ref (item), text),
                           label, "tooltip-text", list_item);
    }
  if (column == YEAR_VINTAGE)
    /* at most 34 characters: « effectifs de la rentrée 2024 projetés,
     * dernier constat : rentrée 2023 » made this table, and with it the page
     * and the lines table above, wider than a 1280 px window, the amounts out
     * of sight. Not wrapped: a list view measures its rows by one line and
     * cut the last ones. */
    gtk_label_set_max_width_chars (GTK_LABEL (label), 34);
  gtk_list_item_set_child (list_item, label);
  gtk_list_item_set_activatable (list_item, FALSE);

  gtk_expression_bind (gtk_property_expression_new (ENT_TYPE_BUDGET_ROW, gtk_expression_ref (item), text),
                       label, "label", list_item);
  gtk_expression_bind (gtk_property_expression_new (ENT_TYPE_BUDGET_ROW, gtk_expression_ref (item),
                                                    is_numeric (column) ? "numeric-classes" : "text-classes"),
                       label, "css-classes", list_item);
  if (row_header (column) < ENT_BUDGET_ROW_N_TEXTS)
    watch_cell_name (list_item, label, row_header (column),
                     gtk_property_expression_new (ENT_TYPE_BUDGET_ROW, gtk_expression_ref (item), text),
                     column >= YEAR_PUPILS && column <= YEAR_REMAINING
                     ? ENT_BUDGET_ROW_VINTAGE : ENT_BUDGET_ROW_N_TEXTS,
                     view_column);
  gtk_expression_unref (item);
}

/* Gives the columns of @view, from the template, their cells: @first… */
static void
setup_columns (EntBudgetPage *self,
               GtkColumnView *view,
               Column         first)
{
  GListModel *columns = gtk_column_view_get_columns (view);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) view_column = g_list_model_get_item (columns, i);
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

      g_object_set_data (G_OBJECT (factory), COLUMN_KEY, GUINT_TO_POINTER (first + i));
      /* unowned: the column owns the factory */
      g_object_set_data (G_OBJECT (factory), VIEW_COLUMN_KEY, view_column);
      g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), self);
      gtk_column_view_column_set_factory (view_column, factory);
    }
}

/* The text of budget year @index in a per-commune row (a closure of the
 * year column's expression). */
static char *
commune_year_text (GtkListItem *list_item,
                   GStrv        year_texts,
                   guint        index)
{
  if (year_texts == NULL || index >= g_strv_length (year_texts))
    return g_strdup ("");
  return g_strdup (year_texts[index]);
}

/* The per-commune table's budget year columns are as many as the budget
 * years, so they are built here; their cells bind like the template's. */
static void
year_cell_setup_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    EntBudgetPage            *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), YEAR_KEY));
  GtkWidget *label = gtk_label_new (NULL);
  GtkExpression *params[2];
  GtkExpression *item;
  GtkExpression *text;
  GtkExpression *classes;

  gtk_label_set_xalign (GTK_LABEL (label), 1.0);
  gtk_list_item_set_child (list_item, label);
  gtk_list_item_set_activatable (list_item, FALSE);

  item = gtk_property_expression_new (GTK_TYPE_LIST_ITEM, NULL, "item");
  params[0] = gtk_property_expression_new (ENT_TYPE_BUDGET_ROW, gtk_expression_ref (item), "year-texts");
  params[1] = gtk_constant_expression_new (G_TYPE_UINT, index);
  text = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 2, params,
                                      G_CALLBACK (commune_year_text), NULL, NULL);
  gtk_expression_bind (text, label, "label", list_item);
  classes = gtk_property_expression_new (ENT_TYPE_BUDGET_ROW, gtk_expression_ref (item), "numeric-classes");
  gtk_expression_bind (classes, label, "css-classes", list_item);
  params[0] = gtk_property_expression_new (ENT_TYPE_BUDGET_ROW, item, "year-texts");
  params[1] = gtk_constant_expression_new (G_TYPE_UINT, index);
  watch_cell_name (list_item, label, ENT_BUDGET_ROW_NAME,
                   gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 2, params,
                                                G_CALLBACK (commune_year_text), NULL, NULL),
                   ENT_BUDGET_ROW_N_TEXTS,
                   g_object_get_data (G_OBJECT (factory), VIEW_COLUMN_KEY));
}

static void
add_commune_year_column (EntBudgetPage *self,
                         guint          year_index,
                         int            year)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autofree char *title = g_strdup_printf ("%d", year);
  g_autoptr(GtkColumnViewColumn) column = NULL;

  g_object_set_data (G_OBJECT (factory), YEAR_KEY, GUINT_TO_POINTER (year_index));
  g_signal_connect (factory, "setup", G_CALLBACK (year_cell_setup_cb), self);
  column = gtk_column_view_column_new (title, g_object_ref (factory));
  /* unowned: the column owns the factory */
  g_object_set_data (G_OBJECT (factory), VIEW_COLUMN_KEY, column);

  /* after the commune and its pupils, before the contract's part */
  gtk_column_view_insert_column (self->communes_view, 2 + year_index, column);
  g_ptr_array_add (self->commune_year_columns, g_object_ref (column));
}

/* overrides */

static void
ent_budget_page_dispose (GObject *object)
{
  GtkWidget *child;
  EntBudgetPage *self = ENT_BUDGET_PAGE (object);

  if (self->scenario != NULL)
    g_clear_signal_handler (&self->scenario_notify_id, self->scenario);

  gtk_widget_dispose_template (GTK_WIDGET (self), ENT_TYPE_BUDGET_PAGE);
  /* the template's top child is ours to unparent (GtkBinLayout) */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_pointer (&self->commune_year_columns, g_ptr_array_unref);
  g_clear_object (&self->line_rows);
  g_clear_object (&self->year_rows);
  g_clear_object (&self->commune_rows);
  g_clear_object (&self->document);
  g_clear_object (&self->scenario);
  self->scenario_budget = NULL;
  g_clear_pointer (&self->commune_pupils, g_free);
  g_clear_pointer (&self->commune_parts, g_free);
  g_clear_pointer (&self->budget, ent_budget_unref);

  G_OBJECT_CLASS (ent_budget_page_parent_class)->dispose (object);
}

static void
ent_budget_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  EntBudgetPage *self = ENT_BUDGET_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_SCENARIO:
      g_value_set_object (value, self->scenario);
      break;
    case PROP_BUDGET:
      g_value_set_boxed (value, self->budget);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ent_budget_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  EntBudgetPage *self = ENT_BUDGET_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      ent_budget_page_set_document (self, g_value_get_object (value));
      break;
    case PROP_SCENARIO:
      ent_budget_page_set_scenario (self, g_value_get_object (value));
      break;
    case PROP_BUDGET:
      ent_budget_page_set_budget (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ent_budget_page_class_init (EntBudgetPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ent_budget_page_dispose;
  object_class->get_property = ent_budget_page_get_property;
  object_class->set_property = ent_budget_page_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, ENT_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SCENARIO] =
    g_param_spec_object ("scenario", NULL, NULL, ENT_TYPE_SCENARIO,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUDGET] =
    g_param_spec_boxed ("budget", NULL, NULL, ENT_TYPE_BUDGET,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/budgetent/BudgetEnt/ui/ent-budget-page.ui");
  gtk_widget_class_bind_template_child (widget_class, EntBudgetPage, stack);
  gtk_widget_class_bind_template_child (widget_class, EntBudgetPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, EntBudgetPage, authorisation_label);
  gtk_widget_class_bind_template_child (widget_class, EntBudgetPage, lines_view);
  gtk_widget_class_bind_template_child (widget_class, EntBudgetPage, years_view);
  gtk_widget_class_bind_template_child (widget_class, EntBudgetPage, communes_box);
  gtk_widget_class_bind_template_child (widget_class, EntBudgetPage, communes_view);
  gtk_widget_class_bind_template_child (widget_class, EntBudgetPage, commune_pupils_column);
  gtk_widget_class_bind_template_child (widget_class, EntBudgetPage, execution_expander);
  gtk_widget_class_bind_template_child (widget_class, EntBudgetPage, execution_grid);
  gtk_widget_class_bind_template_child (widget_class, EntBudgetPage, execution_error);
  gtk_widget_class_bind_template_child (widget_class, EntBudgetPage, ae_label);
  gtk_widget_class_bind_template_child (widget_class, EntBudgetPage, revisions_grid);
  gtk_widget_class_bind_template_child (widget_class, EntBudgetPage, revision_error);
  gtk_widget_class_bind_template_callback (widget_class, add_revision_clicked_cb);

  /* the cells of the template look their rows' properties up by type name */
  g_type_ensure (ENT_TYPE_BUDGET_ROW);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
ent_budget_page_init (EntBudgetPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  ent_accessible_hide_icons (GTK_WIDGET (self));
  ent_accessible_name_view_rows (GTK_WIDGET (self->lines_view));
  ent_accessible_single_tab_stop (GTK_WIDGET (self->lines_view));
  ent_accessible_name_view_rows (GTK_WIDGET (self->years_view));
  ent_accessible_single_tab_stop (GTK_WIDGET (self->years_view));
  ent_accessible_name_view_rows (GTK_WIDGET (self->communes_view));
  ent_accessible_single_tab_stop (GTK_WIDGET (self->communes_view));
  /* its title is a label widget: GTK 4.8 does not name the expander by it */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->execution_expander),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  gtk_expander_get_label_widget (self->execution_expander), NULL,
                                  -1);
  /* before the per-commune table's year columns are inserted */
  setup_columns (self, self->lines_view, LINE_YEAR);
  setup_columns (self, self->years_view, YEAR_YEAR);
  setup_columns (self, self->communes_view, COMMUNE_NAME);

  self->commune_year_columns = g_ptr_array_new_with_free_func (g_object_unref);
  self->line_rows = g_list_store_new (ENT_TYPE_BUDGET_ROW);
  self->year_rows = g_list_store_new (ENT_TYPE_BUDGET_ROW);
  self->commune_rows = g_list_store_new (ENT_TYPE_BUDGET_ROW);
  gtk_column_view_set_model (self->lines_view,
                             GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->line_rows)))));
  gtk_column_view_set_model (self->years_view,
                             GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->year_rows)))));
  gtk_column_view_set_model (self->communes_view,
                             GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->commune_rows)))));

  refresh (self);
}

/* public API */

GtkWidget *
ent_budget_page_new (void)
{
  return g_object_new (ENT_TYPE_BUDGET_PAGE, NULL);
}

EntDocument *
ent_budget_page_get_document (EntBudgetPage *self)
{
  g_return_val_if_fail (ENT_IS_BUDGET_PAGE (self), NULL);
  return self->document;
}

void
ent_budget_page_set_document (EntBudgetPage *self,
                              EntDocument   *document)
{
  g_return_if_fail (ENT_IS_BUDGET_PAGE (self));
  g_return_if_fail (document == NULL || ENT_IS_DOCUMENT (document));

  if (g_set_object (&self->document, document))
    {
      refresh (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
    }
}

EntScenario *
ent_budget_page_get_scenario (EntBudgetPage *self)
{
  g_return_val_if_fail (ENT_IS_BUDGET_PAGE (self), NULL);
  return self->scenario;
}

void
ent_budget_page_set_scenario (EntBudgetPage *self,
                              EntScenario   *scenario)
{
  g_return_if_fail (ENT_IS_BUDGET_PAGE (self));
  g_return_if_fail (scenario == NULL || ENT_IS_SCENARIO (scenario));

  if (self->scenario == scenario)
    return;

  if (self->scenario != NULL)
    g_clear_signal_handler (&self->scenario_notify_id, self->scenario);
  g_set_object (&self->scenario, scenario);
  if (scenario != NULL)
    self->scenario_notify_id = g_signal_connect (scenario, "notify::name",
                                                 G_CALLBACK (scenario_name_cb), self);

  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCENARIO]);
}

EntBudget *
ent_budget_page_get_budget (EntBudgetPage *self)
{
  g_return_val_if_fail (ENT_IS_BUDGET_PAGE (self), NULL);
  return self->budget;
}

void
ent_budget_page_set_budget (EntBudgetPage *self,
                            EntBudget     *budget)
{
  g_return_if_fail (ENT_IS_BUDGET_PAGE (self));

  if (self->budget == budget)
    return;

  g_clear_pointer (&self->budget, ent_budget_unref);
  if (budget != NULL)
    self->budget = ent_budget_ref (budget);

  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUDGET]);
}
