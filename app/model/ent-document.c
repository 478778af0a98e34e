/* ent-document.c: everything a .entbudget file holds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ent-budget-examples.h"
#include "ent-document.h"
#include "ent-document-private.h"

/* SPEC section 5: fonctionnement, chapter 65, nature 65548, function 21. */
#define DEFAULT_CHAPTER  "65"
#define DEFAULT_NATURE   "65548"
#define DEFAULT_FUNCTION "21"

typedef struct
{
  char *chapter;   /* never NULL */
  char *nature;    /* never NULL */
  char *function;  /* never NULL */
} Imputation;

struct _EntDocument
{
  GObject            parent_instance;

  char              *title;          /* never NULL */
  char              *payer;          /* never NULL */
  EntPayerKind       payer_kind;
  char              *insee;          /* never NULL */
  char              *siret;          /* never NULL: "" or 14 digits (SCDL export) */
  GFile             *file;           /* nullable */
  char              *file_stamp;     /* nullable: "file" on disk when loaded or last saved */

  EntContract       *contract;
  EntTariffSchedule *tariffs;
  GListStore        *schools;        /* EntSchool */
  GListStore        *scenarios;      /* EntScenario */
  Imputation         imputation[ENT_N_LINES];
  gboolean           split_functions; /* [Imputation] split-functions: base line on 211/212 */

  GKeyFile          *extras;         /* never NULL */
  GPtrArray         *load_warnings;  /* char *, NULL-terminated */
  EntScenario       *current;        /* nullable: one of scenarios (saved as [Document] scenario) */
  EntExecution      *execution;      /* voted, paid, AE revisions (SPEC 13) */

  guint              batch;          /* > 0: "changed" waits for the end of a replacement */
  guint              modified : 1;
  guint              batch_changed : 1;
};

G_DEFINE_FINAL_TYPE (EntDocument, ent_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_PAYER,
  PROP_PAYER_KIND,
  PROP_INSEE,
  PROP_SIRET,
  PROP_MODIFIED,
  PROP_FILE,
  PROP_FILE_STAMP,
  PROP_CURRENT_SCENARIO,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char * const payer_kinds[] = {
  [ENT_PAYER_COMMUNE] = "commune",
  [ENT_PAYER_EPCI] = "epci",
};

static const char * const line_labels[ENT_N_LINES] = {
  [ENT_LINE_BASE] = N_("Base contribution"),
  [ENT_LINE_OPTIONAL] = N_("Optional flat support"),
  [ENT_LINE_SPECIFIC] = N_("Specific support (half-days)"),
};

static void child_changed_cb (EntDocument *self);

/* Marks the document modified and tells views to recompute; during
 * ent_document_replace_content (), once at its end. */
static void
emit_changed (EntDocument *self)
{
  ent_document_set_modified (self, TRUE);
  if (self->batch > 0)
    {
      self->batch_changed = TRUE;
      return;
    }
  g_signal_emit (self, signals[CHANGED], 0);
}

static gboolean
replace_string (char       **field,
                const char  *value)
{
  if (value == NULL)
    value = "";

  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);

  return TRUE;
}

static void
set_string_property (EntDocument  *self,
                     char        **field,
                     const char   *value,
                     guint         prop_id)
{
  if (!replace_string (field, value))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
  emit_changed (self);
}

static void
disconnect_children (EntDocument *self,
                     GListModel  *model)
{
  guint n_items = g_list_model_get_n_items (model);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      g_signal_handlers_disconnect_by_func (item, G_CALLBACK (child_changed_cb), self);
    }
}

static void
child_changed_cb (EntDocument *self)
{
  g_assert (ENT_IS_DOCUMENT (self));

  emit_changed (self);
}

/* A school or a scenario already in a document has our handler (searching
 * the list instead would make adding n schools quadratic). */
static gboolean
is_connected (EntDocument *self,
              gpointer     child)
{
  return g_signal_handler_find (child, G_SIGNAL_MATCH_FUNC | G_SIGNAL_MATCH_DATA,
                                0, 0, NULL, child_changed_cb, self) != 0;
}

/* A plain connection, not g_signal_connect_object (): that one registers a
 * closure on the document for every child, a reallocated array that made
 * adding n schools quadratic (and disposing them too). The document holds
 * its children and disconnects them when it removes them or is disposed. */
static void
connect_child (EntDocument *self,
               gpointer     child)
{
  g_signal_connect_swapped (child, "changed", G_CALLBACK (child_changed_cb), self);
}

static guint
find_scenario (EntDocument *self,
               EntScenario *scenario)
{
  guint position;

  if (scenario != NULL && g_list_store_find (self->scenarios, scenario, &position))
    return position;
  return G_MAXUINT;
}

/* The scenario at @position, or the last one before it; NULL without any. */
static void
set_current_near (EntDocument *self,
                  guint        position)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->scenarios));
  g_autoptr(EntScenario) scenario = NULL;

  if (n > 0)
    scenario = g_list_model_get_item (G_LIST_MODEL (self->scenarios), MIN (position, n - 1));
  ent_document_set_current_scenario (self, scenario);
}

static void
items_changed_cb (EntDocument *self,
                  guint        position,
                  guint        removed,
                  guint        added,
                  GListModel  *model)
{
  g_assert (ENT_IS_DOCUMENT (self));

  emit_changed (self);
}

/* The current scenario removed: its neighbour, as a list's selection does.
 * After every other handler, so that views (a selection model among them)
 * have seen the change before they hear of the new current scenario. During
 * a replacement the replacement chooses (ent_document_replace_content). */
static void
scenarios_changed_after_cb (EntDocument *self,
                            guint        position,
                            guint        removed,
                            guint        added,
                            GListModel  *model)
{
  if (self->batch == 0 && find_scenario (self, self->current) == G_MAXUINT)
    set_current_near (self, position);
}

static void
ent_document_dispose (GObject *object)
{
  EntDocument *self = (EntDocument *)object;

  if (self->schools != NULL)
    {
      disconnect_children (self, G_LIST_MODEL (self->schools));
      g_signal_handlers_disconnect_by_data (self->schools, self);
    }

  if (self->scenarios != NULL)
    {
      disconnect_children (self, G_LIST_MODEL (self->scenarios));
      g_signal_handlers_disconnect_by_data (self->scenarios, self);
    }

  if (self->contract != NULL)
    g_signal_handlers_disconnect_by_data (self->contract, self);

  if (self->tariffs != NULL)
    g_signal_handlers_disconnect_by_data (self->tariffs, self);

  g_clear_object (&self->current);
  g_clear_object (&self->schools);
  g_clear_object (&self->scenarios);
  g_clear_object (&self->contract);
  g_clear_object (&self->tariffs);
  if (self->execution != NULL)
    g_signal_handlers_disconnect_by_data (self->execution, self);
  g_clear_object (&self->execution);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (ent_document_parent_class)->dispose (object);
}

static void
ent_document_finalize (GObject *object)
{
  EntDocument *self = (EntDocument *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->payer, g_free);
  g_clear_pointer (&self->insee, g_free);
  g_clear_pointer (&self->siret, g_free);
  g_clear_pointer (&self->file_stamp, g_free);

  for (guint i = 0; i < ENT_N_LINES; i++)
    {
      g_clear_pointer (&self->imputation[i].chapter, g_free);
      g_clear_pointer (&self->imputation[i].nature, g_free);
      g_clear_pointer (&self->imputation[i].function, g_free);
    }

  g_clear_pointer (&self->extras, g_key_file_unref);
  g_clear_pointer (&self->load_warnings, g_ptr_array_unref);

  G_OBJECT_CLASS (ent_document_parent_class)->finalize (object);
}

static void
ent_document_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  EntDocument *self = ENT_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_PAYER:
      g_value_set_string (value, self->payer);
      break;

    case PROP_PAYER_KIND:
      g_value_set_enum (value, self->payer_kind);
      break;

    case PROP_INSEE:
      g_value_set_string (value, self->insee);
      break;

    case PROP_SIRET:
      g_value_set_string (value, self->siret);
      break;

    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;

    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    case PROP_FILE_STAMP:
      g_value_set_string (value, self->file_stamp);
      break;

    case PROP_CURRENT_SCENARIO:
      g_value_set_object (value, self->current);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ent_document_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  EntDocument *self = ENT_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      ent_document_set_title (self, g_value_get_string (value));
      break;

    case PROP_PAYER:
      ent_document_set_payer (self, g_value_get_string (value));
      break;

    case PROP_PAYER_KIND:
      ent_document_set_payer_kind (self, g_value_get_enum (value));
      break;

    case PROP_INSEE:
      ent_document_set_insee (self, g_value_get_string (value));
      break;

    case PROP_SIRET:
      ent_document_set_siret (self, g_value_get_string (value));
      break;

    case PROP_FILE:
      ent_document_set_file (self, g_value_get_object (value));
      break;

    case PROP_CURRENT_SCENARIO:
      ent_document_set_current_scenario (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ent_document_class_init (EntDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ent_document_dispose;
  object_class->finalize = ent_document_finalize;
  object_class->get_property = ent_document_get_property;
  object_class->set_property = ent_document_set_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_PAYER] =
    g_param_spec_string ("payer", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_PAYER_KIND] =
    g_param_spec_enum ("payer-kind", NULL, NULL,
                       ENT_TYPE_PAYER_KIND,
                       ENT_PAYER_COMMUNE,
                       (G_PARAM_READWRITE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  properties[PROP_INSEE] =
    g_param_spec_string ("insee", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /* The payer's SIRET, for the open-data budget export (SPEC 13) */
  properties[PROP_SIRET] =
    g_param_spec_string ("siret", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE |
                           G_PARAM_STATIC_STRINGS));

  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL,
                         G_TYPE_FILE,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_FILE_STAMP] =
    g_param_spec_string ("file-stamp", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE |
                          G_PARAM_STATIC_STRINGS));

  /* The scenario the window shows and the command line uses by default;
   * saved as [Document] scenario. Choosing one is not an edit: neither
   * "changed" nor "modified". */
  properties[PROP_CURRENT_SCENARIO] =
    g_param_spec_object ("current-scenario", NULL, NULL,
                         ENT_TYPE_SCENARIO,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * EntDocument::changed:
   *
   * Emitted after any change of the document or of anything it holds:
   * contract, tariffs, schools, scenarios, imputation. Views recompute the
   * budget from it.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);
}

static void
ent_document_init (EntDocument *self)
{
  self->title = g_strdup ("");
  self->payer = g_strdup ("");
  self->payer_kind = ENT_PAYER_COMMUNE;
  self->insee = g_strdup ("");
  self->siret = g_strdup ("");

  for (guint i = 0; i < ENT_N_LINES; i++)
    {
      self->imputation[i].chapter = g_strdup (DEFAULT_CHAPTER);
      self->imputation[i].nature = g_strdup (DEFAULT_NATURE);
      self->imputation[i].function = g_strdup (DEFAULT_FUNCTION);
    }

  self->extras = g_key_file_new ();
  self->load_warnings = g_ptr_array_new_null_terminated (0, g_free, TRUE);

  self->contract = ent_contract_new ();
  g_signal_connect_object (self->contract,
                           "changed",
                           G_CALLBACK (child_changed_cb),
                           self,
                           G_CONNECT_SWAPPED);

  self->tariffs = ent_tariff_schedule_new ();
  g_signal_connect_object (self->tariffs,
                           "changed",
                           G_CALLBACK (child_changed_cb),
                           self,
                           G_CONNECT_SWAPPED);

  self->execution = ent_execution_new ();
  g_signal_connect_object (self->execution,
                           "changed",
                           G_CALLBACK (child_changed_cb),
                           self,
                           G_CONNECT_SWAPPED);

  self->schools = g_list_store_new (ENT_TYPE_SCHOOL);
  g_signal_connect_object (self->schools,
                           "items-changed",
                           G_CALLBACK (items_changed_cb),
                           self,
                           G_CONNECT_SWAPPED);

  self->scenarios = g_list_store_new (ENT_TYPE_SCENARIO);
  g_signal_connect_object (self->scenarios,
                           "items-changed",
                           G_CALLBACK (items_changed_cb),
                           self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->scenarios,
                           "items-changed",
                           G_CALLBACK (scenarios_changed_after_cb),
                           self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
}

/**
 * ent_document_new:
 *
 * An empty document: default contract and imputation, no tariff period, no
 * school, no scenario. Not modified.
 */
EntDocument *
ent_document_new (void)
{
  return g_object_new (ENT_TYPE_DOCUMENT, NULL);
}

/**
 * ent_document_new_example:
 *
 * Returns: (transfer full): the bundled Hem example, not modified and with no
 *   file.
 */
EntDocument *
ent_document_new_example (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  EntDocument *self;

  bytes = g_resource_lookup_data (ent_examples_get_resource (),
                                  ENT_EXAMPLE_RESOURCE,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE,
                                  &error);
  if (bytes == NULL)
    {
      g_critical ("Bundled example %s is missing: %s", ENT_EXAMPLE_RESOURCE, error->message);
      return NULL;
    }

  self = ent_document_new_from_bytes (bytes, "hem.entbudget", &error);
  if (self == NULL)
    {
      g_critical ("Bundled example %s does not load: %s", ENT_EXAMPLE_RESOURCE, error->message);
      return NULL;
    }

  ent_document_set_modified (self, FALSE);

  return self;
}

const char *
ent_document_get_title (EntDocument *self)
{
  g_return_val_if_fail (ENT_IS_DOCUMENT (self), "");

  return self->title;
}

void
ent_document_set_title (EntDocument *self,
                        const char  *title)
{
  g_return_if_fail (ENT_IS_DOCUMENT (self));

  set_string_property (self, &self->title, title, PROP_TITLE);
}

const char *
ent_document_get_payer (EntDocument *self)
{
  g_return_val_if_fail (ENT_IS_DOCUMENT (self), "");

  return self->payer;
}

void
ent_document_set_payer (EntDocument *self,
                        const char  *payer)
{
  g_return_if_fail (ENT_IS_DOCUMENT (self));

  set_string_property (self, &self->payer, payer, PROP_PAYER);
}

EntPayerKind
ent_document_get_payer_kind (EntDocument *self)
{
  g_return_val_if_fail (ENT_IS_DOCUMENT (self), ENT_PAYER_COMMUNE);

  return self->payer_kind;
}

void
ent_document_set_payer_kind (EntDocument  *self,
                             EntPayerKind  kind)
{
  g_return_if_fail (ENT_IS_DOCUMENT (self));
  g_return_if_fail (kind == ENT_PAYER_COMMUNE || kind == ENT_PAYER_EPCI);

  if (self->payer_kind == kind)
    return;

  self->payer_kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAYER_KIND]);
  emit_changed (self);
}

const char *
ent_document_get_insee (EntDocument *self)
{
  g_return_val_if_fail (ENT_IS_DOCUMENT (self), "");

  return self->insee;
}

void
ent_document_set_insee (EntDocument *self,
                        const char  *insee)
{
  g_return_if_fail (ENT_IS_DOCUMENT (self));

  set_string_property (self, &self->insee, insee, PROP_INSEE);
}

const char *
ent_document_get_siret (EntDocument *self)
{
  g_return_val_if_fail (ENT_IS_DOCUMENT (self), "");

  return self->siret;
}

/* Stored as given: the loader and the Assumptions page pass it through
 * ent_validate_siret () first, and the writer checks it again. */
void
ent_document_set_siret (EntDocument *self,
                        const char  *siret)
{
  g_return_if_fail (ENT_IS_DOCUMENT (self));

  set_string_property (self, &self->siret, siret, PROP_SIRET);
}

gboolean
ent_document_get_modified (EntDocument *self)
{
  g_return_val_if_fail (ENT_IS_DOCUMENT (self), FALSE);

  return self->modified;
}

/**
 * ent_document_set_modified:
 *
 * Any change sets "modified"; a successful save or load clears it. Only
 * notifies: "changed" is for the content.
 */
void
ent_document_set_modified (EntDocument *self,
                           gboolean     modified)
{
  g_return_if_fail (ENT_IS_DOCUMENT (self));

  modified = !!modified;

  if (self->modified == (guint)modified)
    return;

  self->modified = modified;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

/**
 * ent_document_get_file:
 *
 * Returns: (transfer none) (nullable): where the document was loaded from or
 *   last saved to.
 */
GFile *
ent_document_get_file (EntDocument *self)
{
  g_return_val_if_fail (ENT_IS_DOCUMENT (self), NULL);

  return self->file;
}

/* The file is not content: setting it neither emits "changed" nor modifies.
 * The stamp described the previous file: it goes. */
void
ent_document_set_file (EntDocument *self,
                       GFile       *file)
{
  g_return_if_fail (ENT_IS_DOCUMENT (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  if (self->file == file)
    return;

  if (self->file != NULL && file != NULL && g_file_equal (self->file, file))
    return;

  g_set_object (&self->file, file);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
  ent_document_set_file_stamp (self, NULL);
}

/**
 * ent_document_get_file_stamp:
 *
 * Returns: (nullable): what the document's file was on disk when the
 *   document was loaded from it or last saved to it, as an opaque string;
 *   %NULL when that is not known.
 */
const char *
ent_document_get_file_stamp (EntDocument *self)
{
  g_return_val_if_fail (ENT_IS_DOCUMENT (self), NULL);

  return self->file_stamp;
}

void
ent_document_set_file_stamp (EntDocument *self,
                             const char  *stamp)
{
  g_return_if_fail (ENT_IS_DOCUMENT (self));

  if (g_strcmp0 (self->file_stamp, stamp) == 0)
    return;

  g_free (self->file_stamp);
  self->file_stamp = g_strdup (stamp);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE_STAMP]);
}

/* What identifies one version of a file: a writer that renames a new file
 * into place (as we do, and most editors) changes the inode; one that
 * rewrites in place changes the modification time and most often the size.
 * The time alone is not enough: file systems update it at the kernel's
 * clock tick, and two writes within one tick get the same time. */
#define STAMP_ATTRIBUTES                   \
  G_FILE_ATTRIBUTE_TIME_MODIFIED ","       \
  G_FILE_ATTRIBUTE_TIME_MODIFIED_NSEC ","  \
  G_FILE_ATTRIBUTE_STANDARD_SIZE ","       \
  G_FILE_ATTRIBUTE_UNIX_DEVICE ","         \
  G_FILE_ATTRIBUTE_UNIX_INODE

char *
ent_document_query_file_stamp (GFile       *file,
                               GDateTime  **out_modified,
                               GError     **error)
{
  g_autoptr(GFileInfo) info = NULL;
  guint64 seconds;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (out_modified != NULL)
    *out_modified = NULL;

  info = g_file_query_info (file, STAMP_ATTRIBUTES, G_FILE_QUERY_INFO_NONE, NULL, error);
  if (info == NULL)
    return NULL;

  seconds = g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED);
  if (out_modified != NULL && g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_TIME_MODIFIED) &&
      seconds <= G_MAXINT64)
    *out_modified = g_date_time_new_from_unix_local ((gint64) seconds);

  /* Attributes a backend does not have read as 0: the stamp stays comparable. */
  return g_strdup_printf ("%" G_GUINT64_FORMAT ".%09u:%" G_GUINT64_FORMAT ":%u:%" G_GUINT64_FORMAT,
                          seconds,
                          g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED_NSEC),
                          g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_STANDARD_SIZE),
                          g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_UNIX_DEVICE),
                          g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_UNIX_INODE));
}

/**
 * ent_document_check_file_change:
 * @self: a document
 * @out_change: (out) (optional): what became of the file
 * @out_modified: (out) (optional) (transfer full) (nullable): when the file
 *   on disk was last modified (%ENT_FILE_CHANGE_MODIFIED only)
 * @error: return location for a #GError in %ENT_MODEL_ERROR
 *
 * Tells whether the document's file changed on disk since the document was
 * loaded from it or last saved to it (SPEC 10.3), so that a save does not
 * silently replace another program's (or another instance's) version.
 * Without a file or a "file-stamp" there is nothing to compare:
 * %ENT_FILE_CHANGE_NONE. A file that is gone is %ENT_FILE_CHANGE_DELETED.
 *
 * Returns: %FALSE when the file cannot be examined (a folder on the way that
 *   may not be read, an I/O error)
 */
gboolean
ent_document_check_file_change (EntDocument    *self,
                                EntFileChange  *out_change,
                                GDateTime     **out_modified,
                                GError        **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GDateTime) modified = NULL;
  g_autofree char *stamp = NULL;
  EntFileChange change = ENT_FILE_CHANGE_NONE;

  g_return_val_if_fail (ENT_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (out_change != NULL)
    *out_change = ENT_FILE_CHANGE_NONE;
  if (out_modified != NULL)
    *out_modified = NULL;

  if (self->file == NULL || self->file_stamp == NULL)
    return TRUE;

  stamp = ent_document_query_file_stamp (self->file, &modified, &local_error);
  if (stamp == NULL)
    {
      /* a folder on the way replaced by a file is as gone as the file */
      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND) &&
          !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY))
        {
          g_set_error_literal (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_IO, local_error->message);
          return FALSE;
        }
      change = ENT_FILE_CHANGE_DELETED;
    }
  else if (!g_str_equal (stamp, self->file_stamp))
    change = ENT_FILE_CHANGE_MODIFIED;

  if (out_change != NULL)
    *out_change = change;
  if (out_modified != NULL && change == ENT_FILE_CHANGE_MODIFIED)
    *out_modified = g_steal_pointer (&modified);
  return TRUE;
}

/**
 * ent_document_get_contract:
 *
 * Returns: (transfer none): the contract, edited in place.
 */
EntContract *
ent_document_get_contract (EntDocument *self)
{
  g_return_val_if_fail (ENT_IS_DOCUMENT (self), NULL);

  return self->contract;
}

/**
 * ent_document_get_tariffs:
 *
 * Returns: (transfer none): the tariff schedule, edited in place.
 */
EntTariffSchedule *
ent_document_get_tariffs (EntDocument *self)
{
  g_return_val_if_fail (ENT_IS_DOCUMENT (self), NULL);

  return self->tariffs;
}

/**
 * ent_document_get_execution:
 *
 * Returns: (transfer none): what was voted and paid, and the AE revisions,
 *   edited in place.
 */
EntExecution *
ent_document_get_execution (EntDocument *self)
{
  g_return_val_if_fail (ENT_IS_DOCUMENT (self), NULL);

  return self->execution;
}

/**
 * ent_document_get_schools:
 *
 * Returns: (transfer none): a #GListModel of #EntSchool; change it only with
 *   ent_document_add_school() and ent_document_remove_school().
 */
GListModel *
ent_document_get_schools (EntDocument *self)
{
  g_return_val_if_fail (ENT_IS_DOCUMENT (self), NULL);

  return G_LIST_MODEL (self->schools);
}

void
ent_document_add_school (EntDocument *self,
                         EntSchool   *school)
{
  g_return_if_fail (ENT_IS_DOCUMENT (self));
  g_return_if_fail (ENT_IS_SCHOOL (school));
  g_return_if_fail (!is_connected (self, school));

  connect_child (self, school);
  g_list_store_append (self->schools, school);
}

void
ent_document_add_schools (EntDocument  *self,
                          EntSchool   **schools,
                          guint         n_schools)
{
  g_return_if_fail (ENT_IS_DOCUMENT (self));
  g_return_if_fail (schools != NULL || n_schools == 0);

  for (guint i = 0; i < n_schools; i++)
    {
      g_return_if_fail (ENT_IS_SCHOOL (schools[i]));
      g_return_if_fail (!is_connected (self, schools[i]));
    }

  for (guint i = 0; i < n_schools; i++)
    connect_child (self, schools[i]);
  g_list_store_splice (self->schools,
                       g_list_model_get_n_items (G_LIST_MODEL (self->schools)),
                       0, (gpointer *) schools, n_schools);
}

void
ent_document_remove_school (EntDocument *self,
                            EntSchool   *school)
{
  guint position;

  g_return_if_fail (ENT_IS_DOCUMENT (self));
  g_return_if_fail (ENT_IS_SCHOOL (school));

  if (!g_list_store_find (self->schools, school, &position))
    g_return_if_reached ();

  g_signal_handlers_disconnect_by_func (school, G_CALLBACK (child_changed_cb), self);
  g_list_store_remove (self->schools, position);
}

/**
 * ent_document_get_scenarios:
 *
 * Returns: (transfer none): a #GListModel of #EntScenario; change it only
 *   with ent_document_add_scenario() and ent_document_remove_scenario().
 */
GListModel *
ent_document_get_scenarios (EntDocument *self)
{
  g_return_val_if_fail (ENT_IS_DOCUMENT (self), NULL);

  return G_LIST_MODEL (self->scenarios);
}

void
ent_document_add_scenario (EntDocument *self,
                           EntScenario *scenario)
{
  g_return_if_fail (ENT_IS_DOCUMENT (self));
  g_return_if_fail (ENT_IS_SCENARIO (scenario));
  g_return_if_fail (!is_connected (self, scenario));

  connect_child (self, scenario);
  g_list_store_append (self->scenarios, scenario);
  if (self->current == NULL)
    ent_document_set_current_scenario (self, scenario);
}

/**
 * ent_document_remove_scenario:
 *
 * Returns: %FALSE, changing nothing, when @scenario is the last one.
 */
gboolean
ent_document_remove_scenario (EntDocument *self,
                              EntScenario *scenario)
{
  guint position;

  g_return_val_if_fail (ENT_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (ENT_IS_SCENARIO (scenario), FALSE);

  if (!g_list_store_find (self->scenarios, scenario, &position))
    g_return_val_if_reached (FALSE);

  if (g_list_model_get_n_items (G_LIST_MODEL (self->scenarios)) <= 1)
    return FALSE;

  g_signal_handlers_disconnect_by_func (scenario, G_CALLBACK (child_changed_cb), self);
  g_list_store_remove (self->scenarios, position);

  return TRUE;
}

const char *
ent_document_get_chapter (EntDocument *self,
                          EntLineKind  line)
{
  g_return_val_if_fail (ENT_IS_DOCUMENT (self), "");
  g_return_val_if_fail (line < ENT_N_LINES, "");

  return self->imputation[line].chapter;
}

const char *
ent_document_get_nature (EntDocument *self,
                         EntLineKind  line)
{
  g_return_val_if_fail (ENT_IS_DOCUMENT (self), "");
  g_return_val_if_fail (line < ENT_N_LINES, "");

  return self->imputation[line].nature;
}

const char *
ent_document_get_function (EntDocument *self,
                           EntLineKind  line)
{
  g_return_val_if_fail (ENT_IS_DOCUMENT (self), "");
  g_return_val_if_fail (line < ENT_N_LINES, "");

  return self->imputation[line].function;
}

/**
 * ent_document_set_imputation:
 * @chapter: (nullable): %NULL is stored as ""
 * @nature: (nullable): %NULL is stored as ""
 * @function: (nullable): %NULL is stored as ""
 *
 * Emits "changed" once when any of the three changed.
 */
void
ent_document_set_imputation (EntDocument *self,
                             EntLineKind  line,
                             const char  *chapter,
                             const char  *nature,
                             const char  *function)
{
  Imputation *imputation;
  gboolean changed = FALSE;

  g_return_if_fail (ENT_IS_DOCUMENT (self));
  g_return_if_fail (line < ENT_N_LINES);

  imputation = &self->imputation[line];
  changed |= replace_string (&imputation->chapter, chapter);
  changed |= replace_string (&imputation->nature, nature);
  changed |= replace_string (&imputation->function, function);

  if (changed)
    emit_changed (self);
}

gboolean
ent_document_get_split_functions (EntDocument *self)
{
  g_return_val_if_fail (ENT_IS_DOCUMENT (self), FALSE);

  return self->split_functions;
}

void
ent_document_set_split_functions (EntDocument *self,
                                  gboolean     split)
{
  g_return_if_fail (ENT_IS_DOCUMENT (self));

  split = !!split;
  if (self->split_functions == split)
    return;

  self->split_functions = split;
  emit_changed (self);
}

/**
 * ent_document_dup_communes:
 *
 * Every school's commune name, once, in order of first appearance; a school
 * with no commune contributes "" so that every school has a commune.
 *
 * Returns: (transfer full): a %NULL-terminated array of names
 */
char **
ent_document_dup_communes (EntDocument *self)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  g_autoptr(GHashTable) seen = NULL;
  guint n_schools;

  g_return_val_if_fail (ENT_IS_DOCUMENT (self), NULL);

  builder = g_strv_builder_new ();
  seen = g_hash_table_new (g_str_hash, g_str_equal);
  n_schools = g_list_model_get_n_items (G_LIST_MODEL (self->schools));

  for (guint i = 0; i < n_schools; i++)
    {
      g_autoptr(EntSchool) school = g_list_model_get_item (G_LIST_MODEL (self->schools), i);
      const char *commune = ent_school_get_commune (school);

      /* The school holds the string for as long as the table lives. */
      if (g_hash_table_add (seen, (gpointer)commune))
        g_strv_builder_add (builder, commune);
    }

  return g_strv_builder_end (builder);
}

/**
 * ent_document_equal:
 *
 * Compares everything saved to a file: title, payer, its kind, INSEE code and SIRET,
 * contract, tariff periods, imputation, schools with their counts, scenarios
 * with all their settings, and the unknown keys kept from the last load.
 * Neither "modified", "file" nor load warnings are compared.
 */
gboolean
ent_document_equal (EntDocument *a,
                    EntDocument *b)
{
  g_return_val_if_fail (ENT_IS_DOCUMENT (a), FALSE);
  g_return_val_if_fail (ENT_IS_DOCUMENT (b), FALSE);

  if (a == b)
    return TRUE;

  if (!g_str_equal (a->title, b->title) ||
      !g_str_equal (a->payer, b->payer) ||
      a->payer_kind != b->payer_kind ||
      !g_str_equal (a->insee, b->insee) ||
      !g_str_equal (a->siret, b->siret))
    return FALSE;

  if (!ent_contract_equal (a->contract, b->contract))
    return FALSE;

  if (!ent_list_models_equal (G_LIST_MODEL (a->tariffs),
                              G_LIST_MODEL (b->tariffs),
                              (EntItemsEqualFunc)ent_tariff_period_equal))
    return FALSE;

  for (guint i = 0; i < ENT_N_LINES; i++)
    {
      if (!g_str_equal (a->imputation[i].chapter, b->imputation[i].chapter) ||
          !g_str_equal (a->imputation[i].nature, b->imputation[i].nature) ||
          !g_str_equal (a->imputation[i].function, b->imputation[i].function))
        return FALSE;
    }
  if (a->split_functions != b->split_functions)
    return FALSE;

  if (!ent_list_models_equal (G_LIST_MODEL (a->schools),
                              G_LIST_MODEL (b->schools),
                              (EntItemsEqualFunc)ent_school_equal))
    return FALSE;

  if (!ent_list_models_equal (G_LIST_MODEL (a->scenarios),
                              G_LIST_MODEL (b->scenarios),
                              (EntItemsEqualFunc)ent_scenario_equal))
    return FALSE;

  if (find_scenario (a, a->current) != find_scenario (b, b->current))
    return FALSE;

  if (!ent_execution_equal (a->execution, b->execution))
    return FALSE;

  return ent_key_files_equal (a->extras, b->extras);
}

/**
 * ent_document_get_current_scenario:
 *
 * Returns: (transfer none) (nullable): the scenario chosen in the window and
 *   used by default on the command line; %NULL only without scenarios.
 */
EntScenario *
ent_document_get_current_scenario (EntDocument *self)
{
  g_return_val_if_fail (ENT_IS_DOCUMENT (self), NULL);

  return self->current;
}

/**
 * ent_document_set_current_scenario:
 * @scenario: (nullable): one of the document's scenarios
 *
 * A choice, not an edit: neither "changed" nor "modified"; saved with the
 * document's next save. %NULL, or a scenario the document does not hold,
 * chooses the first one.
 */
void
ent_document_set_current_scenario (EntDocument *self,
                                   EntScenario *scenario)
{
  g_autoptr(EntScenario) first = NULL;

  g_return_if_fail (ENT_IS_DOCUMENT (self));
  g_return_if_fail (scenario == NULL || ENT_IS_SCENARIO (scenario));

  if (find_scenario (self, scenario) == G_MAXUINT)
    {
      if (g_list_model_get_n_items (G_LIST_MODEL (self->scenarios)) > 0)
        first = g_list_model_get_item (G_LIST_MODEL (self->scenarios), 0);
      scenario = first;
    }

  if (g_set_object (&self->current, scenario))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_SCENARIO]);
}

/**
 * ent_document_get_current_scenario_index:
 *
 * Returns: the position of the current scenario (0 without scenarios)
 */
guint
ent_document_get_current_scenario_index (EntDocument *self)
{
  guint position;

  g_return_val_if_fail (ENT_IS_DOCUMENT (self), 0);

  position = find_scenario (self, self->current);
  return position == G_MAXUINT ? 0 : position;
}

/* Makes the items of @store those of @from with as few changes as possible:
 * the equal items at the start and at the end stay (the same objects, so
 * that views keep their rows and selections), the rest is replaced in one
 * "items-changed". @disconnect / @connect: the document's handlers. */
static void
replace_items (EntDocument       *self,
               GListStore        *store,
               GListModel        *from,
               EntItemsEqualFunc  equal,
               guint             *out_first,
               guint             *out_removed,
               guint             *out_added)
{
  GListModel *model = G_LIST_MODEL (store);
  guint n_old = g_list_model_get_n_items (model);
  guint n_new = g_list_model_get_n_items (from);
  guint prefix = 0, suffix = 0;
  g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_object_unref);

  while (prefix < n_old && prefix < n_new)
    {
      g_autoptr(GObject) a = g_list_model_get_item (model, prefix);
      g_autoptr(GObject) b = g_list_model_get_item (from, prefix);

      if (!equal (a, b))
        break;
      prefix++;
    }
  while (suffix < n_old - prefix && suffix < n_new - prefix)
    {
      g_autoptr(GObject) a = g_list_model_get_item (model, n_old - 1 - suffix);
      g_autoptr(GObject) b = g_list_model_get_item (from, n_new - 1 - suffix);

      if (!equal (a, b))
        break;
      suffix++;
    }

  for (guint i = prefix; i < n_old - suffix; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      g_signal_handlers_disconnect_by_func (item, G_CALLBACK (child_changed_cb), self);
    }
  for (guint i = prefix; i < n_new - suffix; i++)
    {
      GObject *item = g_list_model_get_item (from, i);

      connect_child (self, item);
      g_ptr_array_add (added, item);
    }

  *out_first = prefix;
  *out_removed = n_old - suffix - prefix;
  *out_added = added->len;
  if (*out_removed > 0 || *out_added > 0)
    g_list_store_splice (store, prefix, *out_removed, added->pdata, added->len);
}

/**
 * ent_document_replace_content:
 * @self: a document
 * @from: a document whose content @self takes (a snapshot being restored);
 *   its schools and scenarios move to @self, so it must not be used after
 *
 * Makes everything saved to a file equal to @from's, in place: views bound
 * to @self, its lists and its unchanged schools and scenarios follow with
 * the usual notifications and "items-changed", and "changed" is emitted once
 * at the end when anything changed. "file", "file-stamp" and the load
 * warnings are not content and stay. The current scenario is the first one
 * that comes back when scenarios come back (a deletion undone), else it stays
 * when it is still there, else the one at its position takes its place (an
 * edit undone). [Document] scenario of @from is not used: choosing a scenario
 * is not an edit, undo does not undo it.
 */
void
ent_document_replace_content (EntDocument *self,
                              EntDocument *from)
{
  EntContract *contract;
  EntContract *from_contract;
  guint old_index;
  guint first, removed, added;
  guint n_tariffs_old, n_tariffs_new, prefix = 0, suffix = 0;
  g_autofree char *extras = NULL;
  gsize extras_length = 0;

  g_return_if_fail (ENT_IS_DOCUMENT (self));
  g_return_if_fail (ENT_IS_DOCUMENT (from));
  g_return_if_fail (self != from);

  g_object_freeze_notify (G_OBJECT (self));
  self->batch++;

  ent_document_set_title (self, from->title);
  ent_document_set_payer (self, from->payer);
  ent_document_set_payer_kind (self, from->payer_kind);
  ent_document_set_insee (self, from->insee);
  ent_document_set_siret (self, from->siret);

  contract = self->contract;
  from_contract = from->contract;
  ent_contract_set_first_school_year (contract, ent_contract_get_first_school_year (from_contract));
  ent_contract_set_school_years (contract, ent_contract_get_school_years (from_contract));
  ent_contract_set_payment_start (contract, ent_contract_get_payment_start (from_contract));
  ent_contract_set_billing (contract, ent_contract_get_billing (from_contract));

  /* Tariff periods: sorted by date, so the differing ones are a range */
  n_tariffs_old = g_list_model_get_n_items (G_LIST_MODEL (self->tariffs));
  n_tariffs_new = g_list_model_get_n_items (G_LIST_MODEL (from->tariffs));
  while (prefix < n_tariffs_old && prefix < n_tariffs_new)
    {
      g_autoptr(EntTariffPeriod) a = g_list_model_get_item (G_LIST_MODEL (self->tariffs), prefix);
      g_autoptr(EntTariffPeriod) b = g_list_model_get_item (G_LIST_MODEL (from->tariffs), prefix);

      if (!ent_tariff_period_equal (a, b))
        break;
      prefix++;
    }
  while (suffix < n_tariffs_old - prefix && suffix < n_tariffs_new - prefix)
    {
      g_autoptr(EntTariffPeriod) a =
        g_list_model_get_item (G_LIST_MODEL (self->tariffs), n_tariffs_old - 1 - suffix);
      g_autoptr(EntTariffPeriod) b =
        g_list_model_get_item (G_LIST_MODEL (from->tariffs), n_tariffs_new - 1 - suffix);

      if (!ent_tariff_period_equal (a, b))
        break;
      suffix++;
    }
  for (guint i = n_tariffs_old - suffix; i > prefix; i--)
    {
      g_autoptr(EntTariffPeriod) period = g_list_model_get_item (G_LIST_MODEL (self->tariffs), i - 1);

      ent_tariff_schedule_remove (self->tariffs, period);
    }
  for (guint i = prefix; i < n_tariffs_new - suffix; i++)
    {
      g_autoptr(EntTariffPeriod) period = g_list_model_get_item (G_LIST_MODEL (from->tariffs), i);
      g_autoptr(EntTariffPeriod) copy =
        ent_tariff_period_new (ent_tariff_period_get_valid_from (period),
                               ent_tariff_period_get_base_per_pupil (period),
                               ent_tariff_period_get_optional_per_pupil (period),
                               ent_tariff_period_get_half_day (period),
                               ent_tariff_period_get_reference (period));
      g_autoptr(GError) error = NULL;

      if (!ent_tariff_schedule_add (self->tariffs, copy, &error))
        g_critical ("%s", error->message);   /* a schedule holds distinct dates */
    }

  for (guint line = 0; line < ENT_N_LINES; line++)
    ent_document_set_imputation (self, line, from->imputation[line].chapter,
                                 from->imputation[line].nature, from->imputation[line].function);
  ent_document_set_split_functions (self, from->split_functions);

  replace_items (self, self->schools, G_LIST_MODEL (from->schools),
                 (EntItemsEqualFunc) ent_school_equal, &first, &removed, &added);

  old_index = ent_document_get_current_scenario_index (self);
  replace_items (self, self->scenarios, G_LIST_MODEL (from->scenarios),
                 (EntItemsEqualFunc) ent_scenario_equal, &first, &removed, &added);
  /* a scenario back (a deletion undone, a copy redone): that one */
  if (added > removed)
    set_current_near (self, first);
  else if (find_scenario (self, self->current) == G_MAXUINT)
    set_current_near (self, old_index);

  ent_execution_copy_from (self->execution, from->execution);

  if (!ent_key_files_equal (self->extras, from->extras))
    {
      extras = g_key_file_to_data (from->extras, &extras_length, NULL);
      g_key_file_unref (self->extras);
      self->extras = g_key_file_new ();
      g_key_file_load_from_data (self->extras, extras, extras_length,
                                 G_KEY_FILE_KEEP_COMMENTS | G_KEY_FILE_KEEP_TRANSLATIONS, NULL);
      emit_changed (self);
    }

  self->batch--;
  if (self->batch == 0 && self->batch_changed)
    {
      self->batch_changed = FALSE;
      g_signal_emit (self, signals[CHANGED], 0);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * ent_document_get_load_warnings:
 *
 * Returns: (transfer none) (array zero-terminated=1): the warnings of the
 *   last load, never %NULL (empty when there were none).
 */
const char * const *
ent_document_get_load_warnings (EntDocument *self)
{
  static const char * const none[] = { NULL };

  g_return_val_if_fail (ENT_IS_DOCUMENT (self), NULL);

  /* An empty null-terminated GPtrArray may not have allocated pdata yet. */
  if (self->load_warnings->pdata == NULL)
    return none;

  return (const char * const *)self->load_warnings->pdata;
}

/**
 * ent_document_get_extras:
 *
 * Returns: (transfer none): the unknown groups and keys met on load, written
 *   back on save; never %NULL.
 */
GKeyFile *
ent_document_get_extras (EntDocument *self)
{
  g_return_val_if_fail (ENT_IS_DOCUMENT (self), NULL);

  return self->extras;
}

void
ent_document_add_load_warning (EntDocument *self,
                               const char  *warning)
{
  g_return_if_fail (ENT_IS_DOCUMENT (self));
  g_return_if_fail (warning != NULL);

  g_ptr_array_add (self->load_warnings, g_strdup (warning));
}

const char *
ent_payer_kind_to_string (EntPayerKind kind)
{
  g_return_val_if_fail (kind == ENT_PAYER_COMMUNE || kind == ENT_PAYER_EPCI, NULL);

  return payer_kinds[kind];
}

gboolean
ent_payer_kind_from_string (const char   *text,
                            EntPayerKind *out)
{
  g_return_val_if_fail (out != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (payer_kinds); i++)
    {
      if (g_str_equal (text, payer_kinds[i]))
        {
          *out = (EntPayerKind)i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
ent_line_kind_get_label (EntLineKind line)
{
  g_return_val_if_fail (line < ENT_N_LINES, NULL);

  return _(line_labels[line]);
}
