/* ent-budget-page.c: the budget lines, the AE/CP schedule and the per-commune
 * shares of the selected scenario
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Read-only. The computed EntBudget is immutable, so the rows of the tables
 * are keys into it ("year-index:line-kind", "year-index:total", "total",
 * "c:commune-index") held in GtkStringLists. When "budget" or "scenario"
 * changes, only the keys that differ are spliced (after an edit of a pupil
 * count the rows are the same, only amounts change), and the labels bound at
 * that moment are given their new text where it differs. Each cell formats
 * its value from the budget when it is bound.
 *
 * The per-commune table (documents holding several communes, issue 7) shows
 * each commune's pupils counted in the first budget year and its parts of
 * every budget year and of the contract, as the engine allocated them
 * (largest remainder, so they add up exactly to the totals row).
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ent-budget-page.h"
#include "ent-budget-query.h"
#include "ent-money.h"

#define COLUMN_KEY "ent-budget-column"
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

/* the columns declared in the template */
#define N_TEMPLATE_COLUMNS COMMUNE_YEAR

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
  GtkColumnViewColumn *columns[N_TEMPLATE_COLUMNS];

  GtkStringList      *line_rows;
  GtkStringList      *year_rows;
  GtkStringList      *commune_rows;
  GHashTable         *bound;               /* GtkLabel → its GtkListItem, while bound */
  GPtrArray          *commune_year_columns; /* GtkColumnViewColumn, one per budget year */
  int                 commune_first_year;
  /* per commune of the selected scenario: pupils counted in the first budget
   * year, and parts [c * (n_years + 1) + y], the last one the contract's */
  gint64             *commune_pupils;
  gint64             *commune_parts;
  int                 counted_school_year;
  gulong              scenario_notify_id;
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

static gboolean
is_numeric_column (Column column)
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
      return g_strdup (line != NULL && line->function != NULL ? line->function : "");

    case LINE_LABEL:
      if (line != NULL)
        return g_strdup (line->label != NULL ? line->label : ent_line_kind_get_label (line->kind));
      /* Translators: total of the budget lines of one budget year; %d is the year */
      return g_strdup_printf (_("Total %d"), year != NULL ? year->year : 0);

    case LINE_AMOUNT:
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

/* Sets a label's text and, for the budget line labels, its tooltip, where they differ. */
static void
show_cell (EntBudgetPage *self,
           GtkWidget     *label,
           GtkListItem   *list_item)
{
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (label), COLUMN_KEY));
  int year = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (label), YEAR_KEY));
  const char *key = gtk_string_object_get_string (gtk_list_item_get_item (list_item));
  g_autofree char *text = format_cell (self, column, year, key);

  if (g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), text) != 0)
    {
      gtk_label_set_text (GTK_LABEL (label), text);
      if (column == LINE_LABEL)
        gtk_widget_set_tooltip_text (label, text);
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

/* Replaces the rows of @list by @keys, splicing only the range that differs:
 * rows whose key is unchanged keep their widgets. */
static void
update_rows (GtkStringList *list,
             GPtrArray     *keys)
{
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (list));
  guint n_new = keys->len;
  guint prefix = 0, suffix = 0;

  while (prefix < n_old && prefix < n_new &&
         g_str_equal (gtk_string_list_get_string (list, prefix), g_ptr_array_index (keys, prefix)))
    prefix++;
  while (suffix < n_old - prefix && suffix < n_new - prefix &&
         g_str_equal (gtk_string_list_get_string (list, n_old - 1 - suffix),
                      g_ptr_array_index (keys, n_new - 1 - suffix)))
    suffix++;

  if (prefix == n_old && prefix == n_new)
    return;

  {
    g_autofree const char **added = g_new0 (const char *, n_new - prefix - suffix + 1);

    for (guint i = prefix; i < n_new - suffix; i++)
      added[i - prefix] = g_ptr_array_index (keys, i);
    gtk_string_list_splice (list, prefix, n_old - prefix - suffix, added);
  }
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
  if (g_strcmp0 (gtk_column_view_column_get_title (self->columns[COMMUNE_PUPILS]), pupils_title) != 0)
    gtk_column_view_column_set_title (self->columns[COMMUNE_PUPILS], pupils_title);
}

static void
refresh (EntBudgetPage *self)
{
  const EntScenarioBudget *sb;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) years = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) communes = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  gpointer label, list_item;

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
              if (line->n_segments > 0 || line->amount != 0)
                g_ptr_array_add (lines, g_strdup_printf ("%u:%d", y, k));
            }
          g_ptr_array_add (lines, g_strdup_printf ("%u:total", y));
          g_ptr_array_add (years, g_strdup_printf ("%u", y));
        }
      g_ptr_array_add (years, g_strdup ("total"));

      if (has_communes (self))
        {
          for (guint c = 0; c < self->budget->n_communes; c++)
            g_ptr_array_add (communes, g_strdup_printf ("c:%u", c));
          g_ptr_array_add (communes, g_strdup ("total"));
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

  /* the rows kept show new amounts */
  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, &label, &list_item))
    show_cell (self, label, list_item);
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

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               EntBudgetPage            *self)
{
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), COLUMN_KEY));
  GtkWidget *label = gtk_label_new (NULL);

  g_object_set_data (G_OBJECT (label), COLUMN_KEY, GINT_TO_POINTER (column));
  g_object_set_data (G_OBJECT (label), YEAR_KEY, g_object_get_data (G_OBJECT (factory), YEAR_KEY));
  if (is_numeric_column (column))
    {
      gtk_label_set_xalign (GTK_LABEL (label), 1.0);
      gtk_widget_add_css_class (label, "numeric");
    }
  else
    {
      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
    }
  if (column == LINE_LABEL)
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);

  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  gtk_list_item_set_child (list_item, label);
  gtk_list_item_set_activatable (list_item, FALSE);
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              EntBudgetPage            *self)
{
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), COLUMN_KEY));
  GtkWidget *label = gtk_list_item_get_child (list_item);
  const char *key = gtk_string_object_get_string (gtk_list_item_get_item (list_item));
  int year_index;
  int line_kind;
  gboolean commune;

  show_cell (self, label, list_item);
  g_hash_table_insert (self->bound, label, list_item);

  /* totals in bold: a year's total line, the contract row of the AE/CP
   * table, the total row of the communes */
  parse_key (key, &year_index, &line_kind, &commune);
  if ((column < YEAR_YEAR && line_kind < 0) || (!commune && year_index < 0))
    gtk_widget_add_css_class (label, "heading");
}

static void
cell_unbind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                EntBudgetPage            *self)
{
  GtkWidget *label = gtk_list_item_get_child (list_item);

  if (self->bound != NULL)
    g_hash_table_remove (self->bound, label);
  gtk_widget_remove_css_class (label, "heading");
}

static GtkListItemFactory *
create_factory (EntBudgetPage *self,
                Column         column,
                int            year_index)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_object_set_data (G_OBJECT (factory), COLUMN_KEY, GINT_TO_POINTER (column));
  g_object_set_data (G_OBJECT (factory), YEAR_KEY, GINT_TO_POINTER (year_index));
  g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (cell_unbind_cb), self);
  return factory;
}

static void
add_commune_year_column (EntBudgetPage *self,
                         guint          year_index,
                         int            year)
{
  g_autoptr(GtkListItemFactory) factory = create_factory (self, COMMUNE_YEAR, (int) year_index);
  g_autofree char *title = g_strdup_printf ("%d", year);
  g_autoptr(GtkColumnViewColumn) column = gtk_column_view_column_new (title, g_object_ref (factory));

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
  g_clear_pointer (&self->bound, g_hash_table_unref);
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
  gtk_widget_class_bind_template_child_full (widget_class, "line_year_column", FALSE,
                                             G_STRUCT_OFFSET (EntBudgetPage, columns[LINE_YEAR]));
  gtk_widget_class_bind_template_child_full (widget_class, "line_chapter_column", FALSE,
                                             G_STRUCT_OFFSET (EntBudgetPage, columns[LINE_CHAPTER]));
  gtk_widget_class_bind_template_child_full (widget_class, "line_nature_column", FALSE,
                                             G_STRUCT_OFFSET (EntBudgetPage, columns[LINE_NATURE]));
  gtk_widget_class_bind_template_child_full (widget_class, "line_function_column", FALSE,
                                             G_STRUCT_OFFSET (EntBudgetPage, columns[LINE_FUNCTION]));
  gtk_widget_class_bind_template_child_full (widget_class, "line_label_column", FALSE,
                                             G_STRUCT_OFFSET (EntBudgetPage, columns[LINE_LABEL]));
  gtk_widget_class_bind_template_child_full (widget_class, "line_amount_column", FALSE,
                                             G_STRUCT_OFFSET (EntBudgetPage, columns[LINE_AMOUNT]));
  gtk_widget_class_bind_template_child_full (widget_class, "year_year_column", FALSE,
                                             G_STRUCT_OFFSET (EntBudgetPage, columns[YEAR_YEAR]));
  gtk_widget_class_bind_template_child_full (widget_class, "year_pupils_column", FALSE,
                                             G_STRUCT_OFFSET (EntBudgetPage, columns[YEAR_PUPILS]));
  gtk_widget_class_bind_template_child_full (widget_class, "year_credits_column", FALSE,
                                             G_STRUCT_OFFSET (EntBudgetPage, columns[YEAR_CREDITS]));
  gtk_widget_class_bind_template_child_full (widget_class, "year_cost_column", FALSE,
                                             G_STRUCT_OFFSET (EntBudgetPage, columns[YEAR_COST]));
  gtk_widget_class_bind_template_child_full (widget_class, "year_cumulated_column", FALSE,
                                             G_STRUCT_OFFSET (EntBudgetPage, columns[YEAR_CUMULATED]));
  gtk_widget_class_bind_template_child_full (widget_class, "year_remaining_column", FALSE,
                                             G_STRUCT_OFFSET (EntBudgetPage, columns[YEAR_REMAINING]));
  gtk_widget_class_bind_template_child_full (widget_class, "year_vintage_column", FALSE,
                                             G_STRUCT_OFFSET (EntBudgetPage, columns[YEAR_VINTAGE]));
  gtk_widget_class_bind_template_child_full (widget_class, "commune_name_column", FALSE,
                                             G_STRUCT_OFFSET (EntBudgetPage, columns[COMMUNE_NAME]));
  gtk_widget_class_bind_template_child_full (widget_class, "commune_pupils_column", FALSE,
                                             G_STRUCT_OFFSET (EntBudgetPage, columns[COMMUNE_PUPILS]));
  gtk_widget_class_bind_template_child_full (widget_class, "commune_total_column", FALSE,
                                             G_STRUCT_OFFSET (EntBudgetPage, columns[COMMUNE_TOTAL]));

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
ent_budget_page_init (EntBudgetPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->bound = g_hash_table_new (NULL, NULL);
  self->commune_year_columns = g_ptr_array_new_with_free_func (g_object_unref);
  self->line_rows = gtk_string_list_new (NULL);
  self->year_rows = gtk_string_list_new (NULL);
  self->commune_rows = gtk_string_list_new (NULL);
  gtk_column_view_set_model (self->lines_view,
                             GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->line_rows)))));
  gtk_column_view_set_model (self->years_view,
                             GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->year_rows)))));
  gtk_column_view_set_model (self->communes_view,
                             GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->commune_rows)))));

  for (Column column = 0; column < N_TEMPLATE_COLUMNS; column++)
    {
      g_autoptr(GtkListItemFactory) factory = create_factory (self, column, -1);

      gtk_column_view_column_set_factory (self->columns[column], factory);
    }

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
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
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
