/* ent-import-dialog.c: import pupil counts from a CSV file into a document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The dialog asks which rows of the file to take (communes, postal codes,
 * private schools), reads and parses the file in a thread (a national file
 * takes about a second) with ent_csv_import_load_file(), lists the schools
 * found, what ent_csv_import_preview() says would change, the file's warnings
 * (secret counts, the encoding) and each budget year's pupils and total
 * before and after (SPEC 12), and applies that
 * with ent_csv_import_apply(): one change of the document, which then shows as
 * modified (Discard in the unsaved-changes question undoes it). The rows of
 * both lists are keys ("0".."n-1") into the import and the preview held here.
 * Nothing touches the document before "import.apply"; any error of the model
 * is shown in the dialog with its message, and nothing is applied.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ent-csv-import.h"
#include "ent-import-dialog-private.h"
#include "ent-input-reason.h"
#include "ent-row-splice.h"
#include "ent-money.h"
#include "ent-text.h"

struct _EntImportDialog
{
  GtkWindow       parent_instance;

  EntDocument    *document;
  GFile          *file;
  GCancellable   *cancellable;   /* of the preview being read, if any */
  EntCsvImport   *import;        /* the last successful preview, or NULL */
  GPtrArray      *changes;       /* its EntCsvChange, or NULL */
  char           *error;         /* the last preview's error, or NULL */
  gboolean        can_import;

  /* template */
  GtkLabel       *file_label;
  GtkEditable    *communes_entry;
  GtkEditable    *postal_codes_entry;
  GtkCheckButton *private_check;
  GtkCheckButton *keep_check;
  GtkLabel       *warnings_label;
  GtkLabel       *totals_heading;
  GtkLabel       *totals_label;
  GtkSpinner     *spinner;
  GtkWidget      *error_box;
  GtkLabel       *error_label;
  GtkLabel       *status_label;
  GtkWidget      *results_box;
  GtkLabel       *schools_heading;
  GtkStringList  *school_rows;
  GtkStringList  *change_rows;
};

G_DEFINE_FINAL_TYPE (EntImportDialog, ent_import_dialog, GTK_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_FILE,
  PROP_BUSY,
  PROP_CAN_IMPORT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* What the thread reads: a copy of the dialog's choices. */
typedef struct
{
  GFile    *file;
  GStrv     communes;        /* NULL when none */
  GStrv     postal_codes;    /* NULL when none */
  gboolean  include_private;
  gboolean  keep_unmatched;
} Request;

/* ------------------------------------------------------------------ helpers */

static void
request_free (Request *request)
{
  g_clear_object (&request->file);
  g_clear_pointer (&request->communes, g_strfreev);
  g_clear_pointer (&request->postal_codes, g_strfreev);
  g_free (request);
}

static void
replace_rows (GtkStringList *list,
              guint          n)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (keys, g_strdup_printf ("%u", i));
  g_ptr_array_add (keys, NULL);
  gtk_string_list_splice (list, 0, g_list_model_get_n_items (G_LIST_MODEL (list)),
                          (const char * const *) keys->pdata);
}

static guint
row_index (GtkListItem *list_item)
{
  GtkStringObject *item = gtk_list_item_get_item (list_item);

  return (guint) g_ascii_strtoull (gtk_string_object_get_string (item), NULL, 10);
}

static gboolean
is_busy (EntImportDialog *self)
{
  return self->cancellable != NULL;
}

static void
update_actions (EntImportDialog *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.preview", !is_busy (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.apply",
                                 self->can_import && !is_busy (self));
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), is_busy (self));
  gtk_spinner_set_spinning (self->spinner, is_busy (self));
}

static void
set_can_import (EntImportDialog *self,
                gboolean         can_import)
{
  if (self->can_import == can_import)
    return;

  self->can_import = can_import;
  update_actions (self);
  /* The suggested action becomes the default once there is something to import. */
  gtk_window_set_default_widget (GTK_WINDOW (self),
                                 GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (self),
                                                                            ENT_TYPE_IMPORT_DIALOG,
                                                                            can_import ? "import_button"
                                                                                       : "preview_button")));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_IMPORT]);
}

static void
set_busy (EntImportDialog *self,
          GCancellable    *cancellable)
{
  gboolean was_busy = is_busy (self);

  g_set_object (&self->cancellable, cancellable);
  update_actions (self);
  if (was_busy != is_busy (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* Forgets the preview (the choices changed, or a new one starts). */
static void
clear_preview (EntImportDialog *self)
{
  g_clear_pointer (&self->changes, g_ptr_array_unref);
  g_clear_pointer (&self->import, ent_csv_import_free);
  g_clear_pointer (&self->error, g_free);
  replace_rows (self->school_rows, 0);
  replace_rows (self->change_rows, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->warnings_label), FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "dim-label");
  gtk_widget_set_visible (self->results_box, FALSE);
  gtk_widget_set_visible (self->error_box, FALSE);
  set_can_import (self, FALSE);
}

static void
show_error (EntImportDialog *self,
            const char      *message)
{
  g_free (self->error);
  self->error = g_strdup (message);
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (self->error_box, TRUE);
  ent_accessible_announce (GTK_WIDGET (self), message);
  /* Translators: shown in the import dialog after an error of the file */
  gtk_label_set_text (self->status_label, _("Nothing was imported. Correct the file or the choices above, then press Preview again."));
}

/* The file's warnings, the first few of them: an EPCI's file can hold many
 * secret counts, and the command line lists them all. */
static void
show_warnings (EntImportDialog *self)
{
  const char * const *warnings = ent_csv_import_get_warnings (self->import);
  guint n = g_strv_length ((char **) warnings);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < MIN (n, 6); i++)
    {
      g_autofree char *visible = ent_text_escape_controls (warnings[i], FALSE);

      g_string_append_printf (text, "%s%s", i > 0 ? "\n" : "", visible);
    }
  if (n > 6)
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text,
                              /* Translators: after the first warnings of the import */
                              ngettext ("… and %u more warning", "… and %u more warnings", n - 6),
                              n - 6);
    }
  gtk_label_set_text (self->warnings_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->warnings_label), n > 0);
}

/* SPEC 12: each budget year's pupils and total, and the contract total,
 * before and after, for the document's first scenario. */
static void
show_totals (EntImportDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EntCsvTotals) totals = ent_csv_import_compute_totals (self->import, self->document,
                                                                  0, &error);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *heading = NULL;

  if (totals == NULL)
    {
      /* Translators: heading of the totals of the import preview when they cannot be computed */
      gtk_label_set_text (self->totals_heading, _("Totals before and after the import"));
      gtk_label_set_text (self->totals_label, error->message);
      return;
    }

  /* Translators: heading of the totals of the import preview; a scenario's name */
  heading = g_strdup_printf (_("Totals of “%s”, before → after the import"), totals->scenario);
  gtk_label_set_text (self->totals_heading, heading);
  for (guint y = 0; y < totals->n_years; y++)
    {
      const EntCsvYearTotals *t = &totals->years[y];
      g_autofree char *p0 = ent_count_format (t->pupils_before);
      g_autofree char *p1 = ent_count_format (t->pupils_after);
      g_autofree char *a0 = ent_money_format (t->total_before);
      g_autofree char *a1 = ent_money_format (t->total_after);

      g_string_append_printf (text,
                              /* Translators: import preview: budget year, the rentrée it bills,
                               * pupils before → after, amounts before → after */
                              _("%d (rentrée %d):\t%s → %s pupils\t%s → %s\n"),
                              t->year, t->year - 1, p0, p1, a0, a1);
    }
  {
    g_autofree char *a0 = ent_money_format (totals->contract_before);
    g_autofree char *a1 = ent_money_format (totals->contract_after);

    /* Translators: import preview: the contract total before → after */
    g_string_append_printf (text, _("Contract total:\t\t%s → %s"), a0, a1);
  }
  gtk_label_set_text (self->totals_label, text->str);
}

/* The totals' columns: the rentrée, the pupils, the amounts. */
static void
set_totals_tabs (EntImportDialog *self)
{
  PangoTabArray *tabs = pango_tab_array_new_with_positions (2, TRUE,
                                                            PANGO_TAB_LEFT, 170,
                                                            PANGO_TAB_LEFT, 340);

  gtk_label_set_tabs (self->totals_label, tabs);
  pango_tab_array_free (tabs);
}

/* The preview's summary, and whether it changes anything. */
static gboolean
show_preview (EntImportDialog *self)
{
  guint n_schools = ent_csv_import_get_n_schools (self->import);
  guint n_skipped = ent_csv_import_get_n_private_skipped (self->import);
  guint n_new_schools = 0, n_new_counts = 0, n_changed = 0, n_replaced = 0, n_span = 0;
  g_autoptr(GString) status = g_string_new (NULL);
  g_autofree char *heading = NULL;

  for (guint i = 0; i < self->changes->len; i++)
    {
      const EntCsvChange *change = g_ptr_array_index (self->changes, i);

      if (change->kind == ENT_CSV_CHANGE_NEW_SCHOOL)
        n_new_schools++;
      else if (change->kind == ENT_CSV_CHANGE_NEW_COUNT)
        n_new_counts++;
      else if (change->kind == ENT_CSV_CHANGE_CHANGED_COUNT)
        n_changed++;
      else if (change->kind == ENT_CSV_CHANGE_OPENS || change->kind == ENT_CSV_CHANGE_CLOSES)
        n_span++;
      else if (change->kind == ENT_CSV_CHANGE_REPLACED)
        n_replaced++;
    }

  heading = g_strdup_printf (ngettext ("%u school in the file",
                                       "%u schools in the file", n_schools),
                             n_schools);
  gtk_label_set_text (self->schools_heading, heading);
  replace_rows (self->school_rows, n_schools);
  replace_rows (self->change_rows, self->changes->len);

  if (n_new_schools + n_new_counts + n_changed + n_replaced + n_span == 0)
    /* Translators: import preview: the file changes nothing */
    g_string_append (status, _("The document already has these counts: there is nothing to import."));
  else
    g_string_append_printf (status,
                            /* Translators: import preview summary: how many schools are added, counts added and counts changed */
                            _("New schools: %u. New counts: %u. Changed counts: %u."),
                            n_new_schools, n_new_counts, n_changed);
  if (n_replaced > 0)
    {
      g_string_append_c (status, ' ');
      g_string_append_printf (status,
                              /* Translators: import preview: schools of the document without UAI
                               * (an aggregate line) that the imported schools replace */
                              ngettext ("%u school without UAI is replaced by the imported schools.",
                                        "%u schools without UAI are replaced by the imported schools.",
                                        n_replaced),
                              n_replaced);
    }
  if (n_skipped > 0)
    {
      g_string_append_c (status, ' ');
      g_string_append_printf (status,
                              /* Translators: import preview: rows left out because private schools are not included */
                              ngettext ("%u row of a private school was left out.",
                                        "%u rows of private schools were left out.", n_skipped),
                              n_skipped);
    }
  gtk_label_set_text (self->status_label, status->str);
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "dim-label");
  show_warnings (self);
  show_totals (self);
  gtk_widget_set_visible (self->results_box, TRUE);
  return n_new_schools + n_new_counts + n_changed + n_replaced + n_span > 0;
}

static void
read_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Request *request = task_data;
  EntCsvSelection selection = {
    .communes = (const char * const *) request->communes,
    .postal_codes = (const char * const *) request->postal_codes,
    .include_private = request->include_private,
    .keep_unmatched = request->keep_unmatched,
  };
  GError *error = NULL;
  EntCsvImport *import;

  import = ent_csv_import_load_file (request->file, &selection, cancellable, &error);
  if (import == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, import, (GDestroyNotify) ent_csv_import_free);
}

/* ---------------------------------------------------------------- callbacks */

static void
read_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  EntImportDialog *self = ENT_IMPORT_DIALOG (source);
  GCancellable *cancellable = g_task_get_cancellable (G_TASK (result));
  g_autoptr(EntCsvImport) import = NULL;
  g_autoptr(GError) error = NULL;

  import = g_task_propagate_pointer (G_TASK (result), &error);
  /* Closed, or superseded by another preview: someone else's business now. */
  if (g_cancellable_is_cancelled (cancellable) || cancellable != self->cancellable)
    return;

  set_busy (self, NULL);
  if (import == NULL)
    {
      show_error (self, error->message);
      return;
    }

  self->import = g_steal_pointer (&import);
  self->changes = ent_csv_import_preview (self->import, self->document);
  set_can_import (self, show_preview (self));
}

static void
entry_activate_cb (EntImportDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "import.preview", NULL);
}

static void
selection_changed_cb (EntImportDialog *self)
{
  if (self->import == NULL && self->error == NULL)
    return;

  /* The preview no longer matches the choices: ask for a new one. */
  clear_preview (self);
  /* Translators: shown in the import dialog when the communes, codes or private choice changed after a preview */
  gtk_label_set_text (self->status_label, _("The choices changed: press Preview again to see what would be imported."));
}

static void
school_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 EntImportDialog          *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *counts = gtk_label_new (NULL);

  gtk_widget_add_css_class (box, "import-row");
  gtk_label_set_xalign (GTK_LABEL (name), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_label_set_xalign (GTK_LABEL (counts), 1.0);
  gtk_widget_add_css_class (counts, "numeric");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), counts);
  gtk_list_item_set_child (list_item, box);
  gtk_list_item_set_activatable (list_item, FALSE);
}

static void
school_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                EntImportDialog          *self)
{
  GtkWidget *name = gtk_widget_get_first_child (gtk_list_item_get_child (list_item));
  GtkWidget *counts = gtk_widget_get_next_sibling (name);
  guint index = row_index (list_item);
  const EntCsvSchool *school;
  g_autoptr(GString) shown = g_string_new (NULL);
  g_autofree char *title = NULL;

  if (self->import == NULL || index >= ent_csv_import_get_n_schools (self->import))
    return;
  school = ent_csv_import_get_school (self->import, index);

  if (school->uai[0] != '\0')
    /* Translators: a school of the import preview: name (UAI), commune */
    title = g_strdup_printf (_("%1$s (%2$s), %3$s"), school->name, school->uai, school->commune);
  else
    /* Translators: a school of the import preview without UAI: name, commune */
    title = g_strdup_printf (_("%1$s, %2$s"), school->name, school->commune);
  for (guint i = 0; i < school->n_counts; i++)
    {
      g_autofree char *count = ent_count_format (school->counts[i].pupils);

      if (i > 0)
        g_string_append (shown, "   ");
      g_string_append_printf (shown,
                              /* Translators: one count of a school in the import preview: school year 2023/2024, pupils */
                              _("%d/%d: %s"),
                              school->counts[i].school_year, school->counts[i].school_year + 1,
                              count);
    }
  gtk_label_set_text (GTK_LABEL (name), title);
  gtk_widget_set_tooltip_text (name, title);
  gtk_label_set_text (GTK_LABEL (counts), shown->str);
}

static void
change_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 EntImportDialog          *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_add_css_class (box, "import-row");
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  /* the text says what the icon shows */
  gtk_accessible_update_state (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_list_item_set_child (list_item, box);
  gtk_list_item_set_activatable (list_item, FALSE);
}

static void
change_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                EntImportDialog          *self)
{
  /* indexed by EntCsvChangeKind */
  static const char * const classes[] = {
    "new-school", "new-count", "changed-count", "unchanged", "not-in-file",
    "replaced", "ignored", "ignored", "changed-count", "changed-count",
  };
  static const char * const icons[] = {
    "list-add-symbolic", "list-add-symbolic", "document-edit-symbolic",
    "object-select-symbolic", "dialog-warning-symbolic",
    "edit-delete-symbolic", "action-unavailable-symbolic", "action-unavailable-symbolic",
    "document-edit-symbolic", "document-edit-symbolic",
  };
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *icon = gtk_widget_get_first_child (box);
  GtkWidget *label = gtk_widget_get_next_sibling (icon);
  guint index = row_index (list_item);
  const EntCsvChange *change;
  g_autofree char *text = NULL;
  const char *css_class;

  if (self->changes == NULL || index >= self->changes->len)
    return;
  change = g_ptr_array_index (self->changes, index);
  text = ent_csv_change_describe (change);
  css_class = (guint) change->kind < G_N_ELEMENTS (classes) ? classes[change->kind] : "not-in-file";

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (box, classes[i]);
  gtk_widget_add_css_class (box, css_class);
  gtk_image_set_from_icon_name (GTK_IMAGE (icon),
                                (guint) change->kind < G_N_ELEMENTS (icons) ? icons[change->kind]
                                                                           : icons[4]);
  gtk_label_set_text (GTK_LABEL (label), text);
}

/* ------------------------------------------------------------------ actions */

static void
preview_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  EntImportDialog *self = ENT_IMPORT_DIALOG (widget);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GTask) task = NULL;
  Request *request = g_new0 (Request, 1);

  request->file = g_object_ref (self->file);
  request->communes = ent_text_split_list (gtk_editable_get_text (self->communes_entry),
                                           ENT_TEXT_LIST_SEPARATORS);
  request->postal_codes = ent_text_split_list (gtk_editable_get_text (self->postal_codes_entry),
                                               ENT_TEXT_LIST_SEPARATORS);
  request->include_private = gtk_check_button_get_active (self->private_check);
  request->keep_unmatched = gtk_check_button_get_active (self->keep_check);

  clear_preview (self);
  /* Translators: shown in the import dialog while the file is read */
  gtk_label_set_text (self->status_label, _("Reading the file…"));
  set_busy (self, cancellable);

  task = g_task_new (self, cancellable, read_done_cb, NULL);
  g_task_set_source_tag (task, preview_action);
  g_task_set_task_data (task, request, (GDestroyNotify) request_free);
  g_task_run_in_thread (task, read_in_thread);
}

static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  EntImportDialog *self = ENT_IMPORT_DIALOG (widget);
  g_autoptr(EntDocument) result = NULL;
  g_autoptr(GError) error = NULL;
  guint n_counts;

  if (self->import == NULL || !self->can_import)
    return;

  /* What the document would become must save and open again (a name the
   * loader refuses, more than ENT_DOCUMENT_MAX_SIZE): tried on a copy first,
   * and refused with the reason, the document left as it is. */
  result = ent_csv_import_to_document (self->import, self->document, &error);
  if (result == NULL)
    {
      show_error (self, error->message);
      set_can_import (self, FALSE);
      return;
    }

  n_counts = ent_csv_import_apply (self->import, self->document);
  set_can_import (self, FALSE);
  g_signal_emit (self, signals[IMPORTED], 0, n_counts);
  gtk_window_close (GTK_WINDOW (self));
}

/* ---------------------------------------------------------------- overrides */

static void
ent_import_dialog_constructed (GObject *object)
{
  EntImportDialog *self = ENT_IMPORT_DIALOG (object);
  g_auto(GStrv) communes = NULL;
  g_autofree char *joined = NULL;

  G_OBJECT_CLASS (ent_import_dialog_parent_class)->constructed (object);

  if (self->file != NULL)
    {
      g_autofree char *name = g_file_get_parse_name (self->file);
      /* Translators: first line of the import dialog; %s is the CSV file */
      g_autofree char *shown = g_strdup_printf (_("From “%s”"), name);

      gtk_label_set_text (self->file_label, shown);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->file_label), name);
    }

  /* The communes the document already pays for. */
  if (self->document != NULL)
    communes = ent_document_dup_communes (self->document);
  if (communes != NULL)
    {
      joined = g_strjoinv (", ", communes);
      gtk_editable_set_text (self->communes_entry, joined);
    }
  update_actions (self);
}

static void
ent_import_dialog_dispose (GObject *object)
{
  EntImportDialog *self = ENT_IMPORT_DIALOG (object);

  /* A read still running finishes in its thread; its result is dropped. */
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), ENT_TYPE_IMPORT_DIALOG);
  g_clear_pointer (&self->changes, g_ptr_array_unref);
  g_clear_pointer (&self->import, ent_csv_import_free);
  g_clear_pointer (&self->error, g_free);
  g_clear_object (&self->document);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (ent_import_dialog_parent_class)->dispose (object);
}

static void
ent_import_dialog_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  EntImportDialog *self = ENT_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, is_busy (self));
      break;
    case PROP_CAN_IMPORT:
      g_value_set_boolean (value, self->can_import);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ent_import_dialog_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  EntImportDialog *self = ENT_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      self->document = g_value_dup_object (value);
      break;
    case PROP_FILE:
      self->file = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ent_import_dialog_class_init (EntImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ent_import_dialog_constructed;
  object_class->dispose = ent_import_dialog_dispose;
  object_class->get_property = ent_import_dialog_get_property;
  object_class->set_property = ent_import_dialog_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, ENT_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_IMPORT] =
    g_param_spec_boolean ("can-import", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[IMPORTED] =
    g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/budgetent/BudgetEnt/ui/ent-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, EntImportDialog, file_label);
  gtk_widget_class_bind_template_child (widget_class, EntImportDialog, communes_entry);
  gtk_widget_class_bind_template_child (widget_class, EntImportDialog, postal_codes_entry);
  gtk_widget_class_bind_template_child (widget_class, EntImportDialog, private_check);
  gtk_widget_class_bind_template_child (widget_class, EntImportDialog, keep_check);
  gtk_widget_class_bind_template_child (widget_class, EntImportDialog, warnings_label);
  gtk_widget_class_bind_template_child (widget_class, EntImportDialog, totals_heading);
  gtk_widget_class_bind_template_child (widget_class, EntImportDialog, totals_label);
  gtk_widget_class_bind_template_child (widget_class, EntImportDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, EntImportDialog, error_box);
  gtk_widget_class_bind_template_child (widget_class, EntImportDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, EntImportDialog, status_label);
  gtk_widget_class_bind_template_child (widget_class, EntImportDialog, results_box);
  gtk_widget_class_bind_template_child (widget_class, EntImportDialog, schools_heading);
  gtk_widget_class_bind_template_child (widget_class, EntImportDialog, school_rows);
  gtk_widget_class_bind_template_child (widget_class, EntImportDialog, change_rows);
  /* not kept: bound so that the default widget can be switched and tests can find them */
  gtk_widget_class_bind_template_child_full (widget_class, "import_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "preview_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "schools_view", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "changes_view", FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, selection_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, school_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, school_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, change_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, change_bind_cb);

  gtk_widget_class_install_action (widget_class, "import.preview", NULL, preview_action);
  gtk_widget_class_install_action (widget_class, "import.apply", NULL, apply_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ent_import_dialog_init (EntImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  ent_accessible_fix_mnemonics (GTK_WIDGET (self));
  set_totals_tabs (self);
  /* the two previews' rows, read as "GtkListItemWidget": named by their text */
  ent_accessible_name_view_rows (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (self), ENT_TYPE_IMPORT_DIALOG, "schools_view")));
  ent_accessible_single_tab_stop (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (self), ENT_TYPE_IMPORT_DIALOG, "schools_view")));
  ent_accessible_name_view_rows (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (self), ENT_TYPE_IMPORT_DIALOG, "changes_view")));
  ent_accessible_single_tab_stop (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (self), ENT_TYPE_IMPORT_DIALOG, "changes_view")));
}

/* ------------------------------------------------------------------- public */

EntImportDialog *
ent_import_dialog_new (GtkWindow   *parent,
                       EntDocument *document,
                       GFile       *file)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ENT_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  return g_object_new (ENT_TYPE_IMPORT_DIALOG,
                       "transient-for", parent,
                       "document", document,
                       "file", file,
                       NULL);
}

EntDocument *
ent_import_dialog_get_document (EntImportDialog *self)
{
  g_return_val_if_fail (ENT_IS_IMPORT_DIALOG (self), NULL);

  return self->document;
}

GFile *
ent_import_dialog_get_file (EntImportDialog *self)
{
  g_return_val_if_fail (ENT_IS_IMPORT_DIALOG (self), NULL);

  return self->file;
}

gboolean
ent_import_dialog_get_busy (EntImportDialog *self)
{
  g_return_val_if_fail (ENT_IS_IMPORT_DIALOG (self), FALSE);

  return is_busy (self);
}

gboolean
ent_import_dialog_get_can_import (EntImportDialog *self)
{
  g_return_val_if_fail (ENT_IS_IMPORT_DIALOG (self), FALSE);

  return self->can_import;
}

const char *
ent_import_dialog_get_error (EntImportDialog *self)
{
  g_return_val_if_fail (ENT_IS_IMPORT_DIALOG (self), NULL);

  return self->error;
}
