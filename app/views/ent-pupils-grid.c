/* ent-pupils-grid.c: the rows the Pupils page shows, schools × school years
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * See ent-pupils-grid.h. Every school of the document has its row from the
 * moment it is in the document (the totals need every count anyway); a row
 * leaves the grid with its school, and from then on follows nothing, though a
 * list item may keep it a little longer.
 */
#include "config.h"

#include "ent-budget-query.h"
#include "ent-money.h"
#include "ent-pupils-grid.h"

/* ------------------------------------------------------- EntPupilsCount */

struct _EntPupilsCount
{
  GObject   parent_instance;

  gint64    count;
  gboolean  known;
  gboolean  open_data;  /* known, from the Ministry's open data */
  gboolean  closed;     /* the school is not open that school year */
  char     *text;     /* count as displayed, formatted once per change */
};

G_DEFINE_FINAL_TYPE (EntPupilsCount, ent_pupils_count, G_TYPE_OBJECT)

enum {
  COUNT_PROP_0,
  COUNT_PROP_COUNT,
  COUNT_PROP_KNOWN,
  COUNT_PROP_TEXT,
  COUNT_N_PROPS
};

static GParamSpec *count_properties[COUNT_N_PROPS];

static void
ent_pupils_count_finalize (GObject *object)
{
  EntPupilsCount *self = ENT_PUPILS_COUNT (object);

  g_free (self->text);
  G_OBJECT_CLASS (ent_pupils_count_parent_class)->finalize (object);
}

static void
ent_pupils_count_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  EntPupilsCount *self = ENT_PUPILS_COUNT (object);

  switch (prop_id)
    {
    case COUNT_PROP_COUNT:
      g_value_set_int64 (value, self->count);
      break;
    case COUNT_PROP_KNOWN:
      g_value_set_boolean (value, self->known);
      break;
    case COUNT_PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ent_pupils_count_class_init (EntPupilsCountClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ent_pupils_count_finalize;
  object_class->get_property = ent_pupils_count_get_property;

  count_properties[COUNT_PROP_COUNT] =
    g_param_spec_int64 ("count", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  count_properties[COUNT_PROP_KNOWN] =
    g_param_spec_boolean ("known", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  count_properties[COUNT_PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, COUNT_N_PROPS, count_properties);
}

static void
ent_pupils_count_init (EntPupilsCount *self)
{
}

static EntPupilsCount *
ent_pupils_count_new (void)
{
  EntPupilsCount *self = g_object_new (ENT_TYPE_PUPILS_COUNT, NULL);

  self->text = ent_count_format (0);
  return self;
}

/* Compares, assigns, then notifies only what changed. */
static void
ent_pupils_count_set (EntPupilsCount *self,
                      gint64          count,
                      gboolean        known,
                      gboolean        open_data,
                      gboolean        closed)
{
  gboolean count_changed = self->count != count;
  gboolean known_changed = self->known != !!known;
  gboolean state_changed = self->open_data != !!open_data || self->closed != !!closed;

  if (!count_changed && !known_changed && !state_changed)
    return;

  if (state_changed)
    {
      self->open_data = !!open_data;
      self->closed = !!closed;
      /* the cells follow "known": told as well when only the state changed */
      known_changed = TRUE;
    }

  g_object_freeze_notify (G_OBJECT (self));
  if (count_changed || state_changed)
    {
      self->count = count;
      g_free (self->text);
      /* not open: no pupil, and no count to type over either */
      self->text = self->closed ? g_strdup ("–") : ent_count_format (count);
      g_object_notify_by_pspec (G_OBJECT (self), count_properties[COUNT_PROP_COUNT]);
      g_object_notify_by_pspec (G_OBJECT (self), count_properties[COUNT_PROP_TEXT]);
    }
  if (known_changed)
    {
      self->known = !!known;
      g_object_notify_by_pspec (G_OBJECT (self), count_properties[COUNT_PROP_KNOWN]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

gint64
ent_pupils_count_get_count (EntPupilsCount *self)
{
  g_return_val_if_fail (ENT_IS_PUPILS_COUNT (self), 0);
  return self->count;
}

gboolean
ent_pupils_count_get_known (EntPupilsCount *self)
{
  g_return_val_if_fail (ENT_IS_PUPILS_COUNT (self), FALSE);
  return self->known;
}

gboolean
ent_pupils_count_get_open_data (EntPupilsCount *self)
{
  g_return_val_if_fail (ENT_IS_PUPILS_COUNT (self), FALSE);
  return self->open_data;
}

gboolean
ent_pupils_count_get_closed (EntPupilsCount *self)
{
  g_return_val_if_fail (ENT_IS_PUPILS_COUNT (self), FALSE);
  return self->closed;
}

const char *
ent_pupils_count_get_text (EntPupilsCount *self)
{
  g_return_val_if_fail (ENT_IS_PUPILS_COUNT (self), NULL);
  return self->text;
}

/* --------------------------------------------------------- EntPupilsRow */

struct _EntPupilsRow
{
  GObject        parent_instance;

  EntSchool     *school;            /* a reference; NULL on the totals row */
  EntPupilsGrid *grid;              /* unowned; NULL once out of the grid */
  gulong         changed_id;        /* on school, while in the grid */
  int            first_school_year; /* of counts[0] */
  GPtrArray     *counts;            /* EntPupilsCount, one per school year */
};

G_DEFINE_FINAL_TYPE (EntPupilsRow, ent_pupils_row, G_TYPE_OBJECT)

enum {
  ROW_PROP_0,
  ROW_PROP_SCHOOL,
  ROW_N_PROPS
};

static GParamSpec *row_properties[ROW_N_PROPS];

static GPtrArray *
new_counts (guint n)
{
  GPtrArray *counts = g_ptr_array_new_full (n, g_object_unref);

  for (guint k = 0; k < n; k++)
    g_ptr_array_add (counts, ent_pupils_count_new ());
  return counts;
}

/* New count objects, all zero, for other school years. */
static void
ent_pupils_row_reset_counts (EntPupilsRow *self,
                             int           first_school_year,
                             int           n_school_years)
{
  g_clear_pointer (&self->counts, g_ptr_array_unref);
  self->first_school_year = first_school_year;
  self->counts = new_counts ((guint) MAX (n_school_years, 0));
}

/* Out of the grid: follows its school no more. */
static void
ent_pupils_row_detach (EntPupilsRow *self)
{
  if (self->school != NULL)
    g_clear_signal_handler (&self->changed_id, self->school);
  self->grid = NULL;
}

static void
ent_pupils_row_dispose (GObject *object)
{
  EntPupilsRow *self = ENT_PUPILS_ROW (object);

  ent_pupils_row_detach (self);
  g_clear_object (&self->school);
  g_clear_pointer (&self->counts, g_ptr_array_unref);
  G_OBJECT_CLASS (ent_pupils_row_parent_class)->dispose (object);
}

static void
ent_pupils_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  EntPupilsRow *self = ENT_PUPILS_ROW (object);

  switch (prop_id)
    {
    case ROW_PROP_SCHOOL:
      g_value_set_object (value, self->school);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ent_pupils_row_class_init (EntPupilsRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ent_pupils_row_dispose;
  object_class->get_property = ent_pupils_row_get_property;

  row_properties[ROW_PROP_SCHOOL] =
    g_param_spec_object ("school", NULL, NULL, ENT_TYPE_SCHOOL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, ROW_N_PROPS, row_properties);
}

static void
ent_pupils_row_init (EntPupilsRow *self)
{
  self->counts = new_counts (0);
}

EntSchool *
ent_pupils_row_get_school (EntPupilsRow *self)
{
  g_return_val_if_fail (ENT_IS_PUPILS_ROW (self), NULL);
  return self->school;
}

gboolean
ent_pupils_row_is_total (EntPupilsRow *self)
{
  g_return_val_if_fail (ENT_IS_PUPILS_ROW (self), FALSE);
  return self->school == NULL;
}

EntPupilsCount *
ent_pupils_row_get_count (EntPupilsRow *self,
                          int           school_year)
{
  int k;

  g_return_val_if_fail (ENT_IS_PUPILS_ROW (self), NULL);

  k = school_year - self->first_school_year;
  if (k < 0 || (guint) k >= self->counts->len)
    return NULL;
  return g_ptr_array_index (self->counts, k);
}

/* -------------------------------------------------------- EntPupilsGrid */

struct _EntPupilsGrid
{
  GObject                  parent_instance;

  EntDocument             *document;
  EntScenario             *scenario;
  EntBudget               *budget;

  GPtrArray               *rows;            /* EntPupilsRow, the schools in order */
  EntPupilsRow            *totals;          /* always the last item */
  int                      first_school_year;
  int                      n_school_years;
  GHashTable              *school_index;    /* EntSchool* → index + 1 in the budget */
  const EntScenarioBudget *scenario_budget; /* into budget, or NULL */
  gulong                   document_changed_id;
  gulong                   schools_changed_id;
};

static void ent_pupils_grid_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (EntPupilsGrid, ent_pupils_grid, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      ent_pupils_grid_list_model_init))

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_SCENARIO,
  PROP_BUDGET,
  PROP_FIRST_SCHOOL_YEAR,
  PROP_N_SCHOOL_YEARS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* helpers */

static EntScenario *
get_effective_scenario (EntPupilsGrid *self)
{
  g_autoptr(EntScenario) first = NULL;
  GListModel *scenarios;

  if (self->scenario != NULL)
    return self->scenario;
  if (self->document == NULL)
    return NULL;

  scenarios = ent_document_get_scenarios (self->document);
  if (g_list_model_get_n_items (scenarios) == 0)
    return NULL;

  /* the document keeps its own reference */
  first = g_list_model_get_item (scenarios, 0);
  return first;
}

static gboolean
find_budget_school (EntPupilsGrid *self,
                    EntSchool     *school,
                    guint         *out_index)
{
  gpointer value;

  if (self->school_index == NULL || self->scenario_budget == NULL)
    return FALSE;
  value = g_hash_table_lookup (self->school_index, school);
  if (value == NULL)
    return FALSE;
  *out_index = GPOINTER_TO_UINT (value) - 1;
  return TRUE;
}

/* The count shown for a school and school year: the known count, else the
 * projection of the budget's scenario (the model's own projection when the
 * budget does not know the school yet). */
static gint64
get_school_count (EntPupilsGrid *self,
                  EntSchool     *school,
                  int            school_year,
                  gboolean      *out_known)
{
  gint64 count = 0;
  guint index;

  if (ent_school_get_known_pupils (school, school_year, &count))
    {
      *out_known = TRUE;
      return count;
    }

  *out_known = FALSE;
  if (find_budget_school (self, school, &index) &&
      school_year >= self->budget->first_school_year &&
      school_year < self->budget->first_school_year + (int) self->budget->n_school_years)
    return ent_scenario_budget_get_pupils (self->budget, self->scenario_budget,
                                           index, school_year, out_known);

  return ent_school_project_pupils (school, get_effective_scenario (self),
                                    school_year, out_known);
}

/* Sets the counts of @row from the model and the budget. */
static void
update_row (EntPupilsGrid *self,
            EntPupilsRow  *row)
{
  for (guint k = 0; k < row->counts->len; k++)
    {
      int school_year = self->first_school_year + (int) k;
      gboolean known = TRUE;
      gint64 count = get_school_count (self, row->school, school_year, &known);
      gboolean closed = !ent_school_is_open (row->school, school_year);
      gboolean open_data = ent_school_get_count_source (row->school, school_year) ==
                           ENT_COUNT_SOURCE_OPEN_DATA &&
                           ent_school_get_known_pupils (row->school, school_year, NULL);

      ent_pupils_count_set (g_ptr_array_index (row->counts, k), count, known, open_data, closed);
    }
}

/* The totals row: sums of the counts shown (known or projected). */
static void
update_totals (EntPupilsGrid *self)
{
  g_autofree gint64 *sums = g_new0 (gint64, MAX (self->n_school_years, 1));

  for (guint i = 0; i < self->rows->len; i++)
    {
      EntPupilsRow *row = g_ptr_array_index (self->rows, i);

      for (guint k = 0; k < row->counts->len; k++)
        sums[k] += ((EntPupilsCount *) g_ptr_array_index (row->counts, k))->count;
    }

  for (guint k = 0; k < self->totals->counts->len; k++)
    ent_pupils_count_set (g_ptr_array_index (self->totals->counts, k), sums[k], TRUE, FALSE, FALSE);
}

/* After a new budget or scenario: every row in place, then the totals. Only
 * the counts whose value differs notify their cells. */
static void
update_all_rows (EntPupilsGrid *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    update_row (self, g_ptr_array_index (self->rows, i));
  update_totals (self);
}

static void school_changed_cb (EntSchool    *school,
                               EntPupilsRow *row);

static EntPupilsRow *
new_row (EntPupilsGrid *self,
         EntSchool     *school)
{
  EntPupilsRow *row = g_object_new (ENT_TYPE_PUPILS_ROW, NULL);

  row->school = g_object_ref (school);
  row->grid = self;
  row->changed_id = g_signal_connect (school, "changed", G_CALLBACK (school_changed_cb), row);
  ent_pupils_row_reset_counts (row, self->first_school_year, self->n_school_years);
  update_row (self, row);
  return row;
}

/* Replaces rows [position, position + removed) by rows for the @added
 * schools from @position in @schools; the caller emits items-changed. A
 * school removed and added back in the same change keeps its row (as GTK
 * keeps the selection and the cells of an item that comes back). */
static void
splice_rows (EntPupilsGrid *self,
             GListModel    *schools,
             guint          position,
             guint          removed,
             guint          added)
{
  GPtrArray *old = self->rows;
  GPtrArray *rows = g_ptr_array_new_full (old->len - removed + added, g_object_unref);
  g_autoptr(GHashTable) kept = NULL;

  if (removed > 0 && added > 0)
    {
      kept = g_hash_table_new (NULL, NULL);
      for (guint i = position; i < position + removed; i++)
        {
          EntPupilsRow *row = g_ptr_array_index (old, i);

          g_hash_table_insert (kept, row->school, row);
        }
    }

  for (guint i = 0; i < position; i++)
    g_ptr_array_add (rows, g_object_ref (g_ptr_array_index (old, i)));
  for (guint i = 0; i < added; i++)
    {
      g_autoptr(EntSchool) school = g_list_model_get_item (schools, position + i);
      EntPupilsRow *row = kept != NULL ? g_hash_table_lookup (kept, school) : NULL;

      if (row != NULL)
        {
          g_hash_table_remove (kept, school);
          g_ptr_array_add (rows, g_object_ref (row));
        }
      else
        {
          g_ptr_array_add (rows, new_row (self, school));
        }
    }
  for (guint i = position + removed; i < old->len; i++)
    g_ptr_array_add (rows, g_object_ref (g_ptr_array_index (old, i)));
  for (guint i = position; i < position + removed; i++)
    {
      EntPupilsRow *row = g_ptr_array_index (old, i);

      if (kept == NULL || g_hash_table_contains (kept, row->school))
        ent_pupils_row_detach (row);
    }

  self->rows = rows;
  g_ptr_array_unref (old);
}

/* The contract's school years: when they change, every row gets new counts
 * (the cells of the old ones are about to go with their columns). Returns
 * whether they changed; the caller notifies. */
static gboolean
update_school_years (EntPupilsGrid *self)
{
  int first = 0;
  int n = 0;

  if (self->document != NULL)
    {
      EntContract *contract = ent_document_get_contract (self->document);

      first = ent_contract_get_first_school_year (contract);
      n = ent_contract_get_school_years (contract);
    }

  if (first == self->first_school_year && n == self->n_school_years)
    return FALSE;

  self->first_school_year = first;
  self->n_school_years = n;
  for (guint i = 0; i < self->rows->len; i++)
    {
      EntPupilsRow *row = g_ptr_array_index (self->rows, i);

      ent_pupils_row_reset_counts (row, first, n);
      update_row (self, row);
    }
  ent_pupils_row_reset_counts (self->totals, first, n);
  update_totals (self);
  return TRUE;
}

static void
notify_school_years (EntPupilsGrid *self)
{
  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIRST_SCHOOL_YEAR]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_SCHOOL_YEARS]);
  g_object_thaw_notify (G_OBJECT (self));
}

static void
update_scenario_budget (EntPupilsGrid *self)
{
  self->scenario_budget = NULL;
  if (self->budget == NULL || self->budget->n_scenarios == 0)
    return;

  /* a scenario the last good budget does not know yet (just added): show
   * the first one's projection until the next budget */
  self->scenario_budget = ent_budget_find_scenario (self->budget, self->scenario);
  if (self->scenario_budget == NULL)
    self->scenario_budget = ent_budget_find_scenario (self->budget, NULL);
}

static void
disconnect_document (EntPupilsGrid *self)
{
  if (self->document == NULL)
    return;
  g_clear_signal_handler (&self->document_changed_id, self->document);
  g_clear_signal_handler (&self->schools_changed_id, ent_document_get_schools (self->document));
}

/* callbacks */

/* A school's counts changed: its row, then the totals (before the budget is
 * recomputed, the other years keep the last budget's projections). */
static void
school_changed_cb (EntSchool    *school,
                   EntPupilsRow *row)
{
  EntPupilsGrid *self = row->grid;

  if (self == NULL)
    return;
  update_row (self, row);
  update_totals (self);
}

static void
schools_changed_cb (GListModel    *schools,
                    guint          position,
                    guint          removed,
                    guint          added,
                    EntPupilsGrid *self)
{
  splice_rows (self, schools, position, removed, added);
  /* the totals row stays last: the positions are the schools' */
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
  update_totals (self);
}

static void
document_changed_cb (EntDocument   *document,
                     EntPupilsGrid *self)
{
  /* only the contract's school years change anything here; counts follow
   * their school's "changed" and the next budget */
  if (update_school_years (self))
    notify_school_years (self);
}

/* GListModel */

static GType
ent_pupils_grid_get_item_type (GListModel *model)
{
  return ENT_TYPE_PUPILS_ROW;
}

static guint
ent_pupils_grid_get_n_items (GListModel *model)
{
  EntPupilsGrid *self = ENT_PUPILS_GRID (model);

  return self->rows->len + 1;
}

static gpointer
ent_pupils_grid_get_item (GListModel *model,
                          guint       position)
{
  EntPupilsGrid *self = ENT_PUPILS_GRID (model);

  if (position < self->rows->len)
    return g_object_ref (g_ptr_array_index (self->rows, position));
  if (position == self->rows->len)
    return g_object_ref (self->totals);
  return NULL;
}

static void
ent_pupils_grid_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = ent_pupils_grid_get_item_type;
  iface->get_n_items = ent_pupils_grid_get_n_items;
  iface->get_item = ent_pupils_grid_get_item;
}

/* overrides */

static void
ent_pupils_grid_dispose (GObject *object)
{
  EntPupilsGrid *self = ENT_PUPILS_GRID (object);

  disconnect_document (self);
  if (self->rows != NULL)
    for (guint i = 0; i < self->rows->len; i++)
      ent_pupils_row_detach (g_ptr_array_index (self->rows, i));
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->totals);
  g_clear_pointer (&self->school_index, g_hash_table_unref);
  g_clear_object (&self->document);
  g_clear_object (&self->scenario);
  self->scenario_budget = NULL;
  g_clear_pointer (&self->budget, ent_budget_unref);

  G_OBJECT_CLASS (ent_pupils_grid_parent_class)->dispose (object);
}

static void
ent_pupils_grid_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  EntPupilsGrid *self = ENT_PUPILS_GRID (object);

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
    case PROP_FIRST_SCHOOL_YEAR:
      g_value_set_int (value, self->first_school_year);
      break;
    case PROP_N_SCHOOL_YEARS:
      g_value_set_int (value, self->n_school_years);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ent_pupils_grid_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  EntPupilsGrid *self = ENT_PUPILS_GRID (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      ent_pupils_grid_set_document (self, g_value_get_object (value));
      break;
    case PROP_SCENARIO:
      ent_pupils_grid_set_scenario (self, g_value_get_object (value));
      break;
    case PROP_BUDGET:
      ent_pupils_grid_set_budget (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ent_pupils_grid_class_init (EntPupilsGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ent_pupils_grid_dispose;
  object_class->get_property = ent_pupils_grid_get_property;
  object_class->set_property = ent_pupils_grid_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, ENT_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SCENARIO] =
    g_param_spec_object ("scenario", NULL, NULL, ENT_TYPE_SCENARIO,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUDGET] =
    g_param_spec_boxed ("budget", NULL, NULL, ENT_TYPE_BUDGET,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FIRST_SCHOOL_YEAR] =
    g_param_spec_int ("first-school-year", NULL, NULL, G_MININT, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_SCHOOL_YEARS] =
    g_param_spec_int ("n-school-years", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ent_pupils_grid_init (EntPupilsGrid *self)
{
  self->rows = g_ptr_array_new_with_free_func (g_object_unref);
  self->totals = g_object_new (ENT_TYPE_PUPILS_ROW, NULL);
}

/* public API */

EntPupilsGrid *
ent_pupils_grid_new (void)
{
  return g_object_new (ENT_TYPE_PUPILS_GRID, NULL);
}

EntDocument *
ent_pupils_grid_get_document (EntPupilsGrid *self)
{
  g_return_val_if_fail (ENT_IS_PUPILS_GRID (self), NULL);
  return self->document;
}

void
ent_pupils_grid_set_document (EntPupilsGrid *self,
                              EntDocument   *document)
{
  guint old_n;
  guint n = 0;
  gboolean years_changed;

  g_return_if_fail (ENT_IS_PUPILS_GRID (self));
  g_return_if_fail (document == NULL || ENT_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  disconnect_document (self);
  g_set_object (&self->document, document);

  /* the old rows go, then the contract's school years, then the new rows;
   * a new totals row too, so that no row stays selected (the schools and
   * the totals used to be two lists flattened, emptied then filled) */
  old_n = self->rows->len;
  splice_rows (self, NULL, 0, old_n, 0);
  g_clear_object (&self->totals);
  self->totals = g_object_new (ENT_TYPE_PUPILS_ROW, NULL);
  ent_pupils_row_reset_counts (self->totals, self->first_school_year, self->n_school_years);
  years_changed = update_school_years (self);
  if (document != NULL)
    {
      GListModel *schools = ent_document_get_schools (document);

      n = g_list_model_get_n_items (schools);
      splice_rows (self, schools, 0, 0, n);
      self->document_changed_id = g_signal_connect (document, "changed",
                                                    G_CALLBACK (document_changed_cb), self);
      self->schools_changed_id = g_signal_connect (schools, "items-changed",
                                                   G_CALLBACK (schools_changed_cb), self);
    }
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n + 1, n + 1);
  update_totals (self);

  if (years_changed)
    notify_school_years (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

EntScenario *
ent_pupils_grid_get_scenario (EntPupilsGrid *self)
{
  g_return_val_if_fail (ENT_IS_PUPILS_GRID (self), NULL);
  return self->scenario;
}

void
ent_pupils_grid_set_scenario (EntPupilsGrid *self,
                              EntScenario   *scenario)
{
  g_return_if_fail (ENT_IS_PUPILS_GRID (self));
  g_return_if_fail (scenario == NULL || ENT_IS_SCENARIO (scenario));

  if (!g_set_object (&self->scenario, scenario))
    return;

  update_scenario_budget (self);
  update_all_rows (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCENARIO]);
}

EntBudget *
ent_pupils_grid_get_budget (EntPupilsGrid *self)
{
  g_return_val_if_fail (ENT_IS_PUPILS_GRID (self), NULL);
  return self->budget;
}

void
ent_pupils_grid_set_budget (EntPupilsGrid *self,
                            EntBudget     *budget)
{
  g_return_if_fail (ENT_IS_PUPILS_GRID (self));

  if (self->budget == budget)
    return;

  g_clear_pointer (&self->budget, ent_budget_unref);
  g_clear_pointer (&self->school_index, g_hash_table_unref);
  if (budget != NULL)
    {
      self->budget = ent_budget_ref (budget);
      self->school_index = g_hash_table_new (NULL, NULL);
      for (guint i = 0; i < budget->n_schools; i++)
        g_hash_table_insert (self->school_index, budget->schools[i], GUINT_TO_POINTER (i + 1));
    }

  update_scenario_budget (self);
  update_all_rows (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUDGET]);
}

int
ent_pupils_grid_get_first_school_year (EntPupilsGrid *self)
{
  g_return_val_if_fail (ENT_IS_PUPILS_GRID (self), 0);
  return self->first_school_year;
}

int
ent_pupils_grid_get_n_school_years (EntPupilsGrid *self)
{
  g_return_val_if_fail (ENT_IS_PUPILS_GRID (self), 0);
  return self->n_school_years;
}
