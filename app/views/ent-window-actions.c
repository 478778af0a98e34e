/* ent-window-actions.c: the window's actions (win.*), file dialogs and the
 * unsaved-changes guard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ent-window-private.h"

typedef enum
{
  CHOOSE_OPEN,
  CHOOSE_SAVE,
} ChooseMode;

typedef EntWindowChosenFunc ChosenFunc;

typedef struct
{
  EntWindow     *self;          /* a reference */
  ChosenFunc     chosen;
  EntWindowContinueFunc next;
  gpointer       user_data;
  GDestroyNotify destroy;
  char          *extension;     /* ".entbudget": added to a saved name without it */
} Pending;

static Pending *
pending_new (EntWindow *self)
{
  Pending *pending = g_new0 (Pending, 1);

  pending->self = g_object_ref (self);
  return pending;
}

static void
pending_free (Pending *pending)
{
  if (pending->destroy != NULL)
    pending->destroy (pending->user_data);
  g_free (pending->extension);
  g_object_unref (pending->self);
  g_free (pending);
}

/* ------------------------------------------------------------- file dialogs */

static GFile *
ensure_extension (GFile      *file,
                  const char *extension)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autoptr(GFile) parent = NULL;
  g_autofree char *with_extension = NULL;

  if (extension == NULL || name == NULL || g_str_has_suffix (name, extension))
    return g_object_ref (file);

  parent = g_file_get_parent (file);
  with_extension = g_strconcat (name, extension, NULL);
  return parent != NULL ? g_file_get_child (parent, with_extension) : g_object_ref (file);
}

static void
finish_choice (Pending *pending,
               GFile   *file)
{
  g_autoptr(GFile) chosen = NULL;

  if (file != NULL)
    chosen = ensure_extension (file, pending->extension);
  pending->chosen (pending->self, chosen, pending->user_data);
  pending_free (pending);
}

#if GTK_CHECK_VERSION (4, 10, 0)
static void
file_dialog_done_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  Pending *pending = user_data;
  GtkFileDialog *dialog = GTK_FILE_DIALOG (source);
  g_autoptr(GFile) file = NULL;

  if (g_object_get_data (G_OBJECT (dialog), "ent-mode") == GINT_TO_POINTER (CHOOSE_OPEN))
    file = gtk_file_dialog_open_finish (dialog, result, NULL);
  else
    file = gtk_file_dialog_save_finish (dialog, result, NULL);
  finish_choice (pending, file);
}
#else
static void
file_chooser_response_cb (GtkNativeDialog *dialog,
                          int              response,
                          gpointer         user_data)
{
  Pending *pending = user_data;
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  finish_choice (pending, file);
}
#endif

/* Asks for a file; @pattern ("*.entbudget") and @filter_name make the one
 * filter. Takes @pending. */
static void
choose_file (EntWindow  *self,
             ChooseMode  mode,
             const char *title,
             const char *accept_label,
             const char *filter_name,
             const char *pattern,
             const char *mime_type,
             const char *initial_name,
             GFile      *initial_folder,
             Pending    *pending)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, filter_name);
  gtk_file_filter_add_pattern (filter, pattern);
  if (mime_type != NULL)
    gtk_file_filter_add_mime_type (filter, mime_type);

#if GTK_CHECK_VERSION (4, 10, 0)
  {
    g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
    g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);

    g_list_store_append (filters, filter);
    gtk_file_dialog_set_title (dialog, title);
    gtk_file_dialog_set_accept_label (dialog, accept_label);
    gtk_file_dialog_set_modal (dialog, TRUE);
    gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
    gtk_file_dialog_set_default_filter (dialog, filter);
    if (initial_folder != NULL)
      gtk_file_dialog_set_initial_folder (dialog, initial_folder);
    g_object_set_data (G_OBJECT (dialog), "ent-mode", GINT_TO_POINTER (mode));
    if (mode == CHOOSE_OPEN)
      gtk_file_dialog_open (dialog, GTK_WINDOW (self), NULL, file_dialog_done_cb, pending);
    else
      {
        if (initial_name != NULL)
          gtk_file_dialog_set_initial_name (dialog, initial_name);
        gtk_file_dialog_save (dialog, GTK_WINDOW (self), NULL, file_dialog_done_cb, pending);
      }
  }
#else
  {
    GtkFileChooserNative *dialog =
      gtk_file_chooser_native_new (title, GTK_WINDOW (self),
                                   mode == CHOOSE_OPEN ? GTK_FILE_CHOOSER_ACTION_OPEN
                                                       : GTK_FILE_CHOOSER_ACTION_SAVE,
                                   accept_label, NULL);

    gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
    gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
    gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (dialog), filter);
    if (initial_folder != NULL)
      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), initial_folder, NULL);
    if (mode == CHOOSE_SAVE && initial_name != NULL)
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), initial_name);
    g_signal_connect (dialog, "response", G_CALLBACK (file_chooser_response_cb), pending);
    gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
  }
#endif
}

/* "Hem budget.entbudget" from the document's file or title. */
static char *
dup_suggested_name (EntWindow  *self,
                    const char *extension)
{
  GFile *file = ent_document_get_file (ent_window_get_document (self));
  const char *title = ent_document_get_title (ent_window_get_document (self));
  g_autofree char *stem = NULL;
  GString *name;

  if (file != NULL)
    {
      g_autofree char *basename = g_file_get_basename (file);
      char *dot = basename != NULL ? strrchr (basename, '.') : NULL;

      if (dot != NULL && dot != basename)
        *dot = '\0';
      stem = g_filename_display_name (basename != NULL ? basename : "");
    }
  else if (title != NULL && *title != '\0')
    stem = g_strdup (title);
  else
    /* Translators: default file name (without extension) of a new budget */
    stem = g_strdup (_("Budget"));

  name = g_string_new (stem);
  g_string_replace (name, "/", "-", 0);
  g_string_append (name, extension);
  return g_string_free (name, FALSE);
}

/* ------------------------------------------------------------------- saving */

static void
saved_as_cb (EntWindow *self,
             GFile     *file,
             gpointer   user_data)
{
  Pending *then = user_data;

  if (file != NULL && ent_window_save_to_file (self, file, NULL) && then->next != NULL)
    then->next (self, then->user_data);
}

static void
free_pending_cb (gpointer data)
{
  pending_free (data);
}

/* Save As…, then @next on success (may be NULL). */
static void
save_as (EntWindow             *self,
         EntWindowContinueFunc  next,
         gpointer               user_data,
         GDestroyNotify         destroy)
{
  Pending *pending = pending_new (self);
  Pending *then = pending_new (self);
  GFile *file = ent_document_get_file (ent_window_get_document (self));
  g_autoptr(GFile) folder = file != NULL ? g_file_get_parent (file) : NULL;
  g_autofree char *name = dup_suggested_name (self, ".entbudget");

  then->next = next;
  then->user_data = user_data;
  then->destroy = destroy;
  pending->chosen = saved_as_cb;
  pending->user_data = then;
  pending->destroy = free_pending_cb;
  pending->extension = g_strdup (".entbudget");

  choose_file (self, CHOOSE_SAVE,
               /* Translators: title of the file dialog */
               _("Save Budget"),
               /* Translators: accept button of the file dialog */
               _("_Save"),
               /* Translators: file filter name */
               _("Budget documents"),
               "*.entbudget", "application/x-entbudget",
               name, folder, pending);
}

/* Writes over the document's own file, then @next on success. */
static void
overwrite (EntWindow             *self,
           EntWindowContinueFunc  next,
           gpointer               user_data,
           GDestroyNotify         destroy)
{
  GFile *file = ent_document_get_file (ent_window_get_document (self));

  if (ent_window_save_to_file (self, file, NULL) && next != NULL)
    next (self, user_data);
  if (destroy != NULL)
    destroy (user_data);
}

/* -------------------------------------- the file changed on disk (SPEC 10.3) */

/* What to do after the file-changed question. It holds the window weakly:
 * a dialog that is a toplevel of its own must not keep a destroyed window
 * alive (GTK 4 disposes a window only when its last reference goes), and the
 * window's dispose answers Cancel for it. */
typedef struct
{
  GWeakRef              window;
  EntWindowContinueFunc next;
  gpointer              user_data;
  GDestroyNotify        destroy;
} Question;

static void
question_free (Question *question)
{
  if (question->destroy != NULL)
    question->destroy (question->user_data);
  g_weak_ref_clear (&question->window);
  g_free (question);
}

static void
overwrite_answered (Question   *question,
                    const char *answer)
{
  g_autoptr(EntWindow) self = g_weak_ref_get (&question->window);
  gboolean confirm = g_strcmp0 (answer, ENT_WINDOW_OVERWRITE_CONFIRM) == 0;
  gboolean save_as_chosen = g_strcmp0 (answer, ENT_WINDOW_OVERWRITE_SAVE_AS) == 0;

  if (self != NULL)
    {
      self->overwrite_dialog = NULL;
      self->overwrite_pending = FALSE;
      if (confirm)
        overwrite (self, question->next, question->user_data, question->destroy);
      else if (save_as_chosen)
        save_as (self, question->next, question->user_data, question->destroy);
      if (confirm || save_as_chosen)
        question->destroy = NULL;   /* handed over */
    }
  question_free (question);
}

/* The answer, or the close response (Cancel) when the dialog was closed;
 * once only: a dialog answered by a test or by the window's dispose is
 * closed afterwards. */
static void
overwrite_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       gpointer          user_data)
{
  g_signal_handlers_disconnect_by_func (dialog, overwrite_response_cb, user_data);
  overwrite_answered (user_data, response);
}

/* The file changed on disk since it was opened or last saved: asks Cancel /
 * Save As… / Overwrite, then saves and calls @next accordingly. */
static void
confirm_overwrite (EntWindow             *self,
                   EntFileChange          change,
                   GDateTime             *modified,
                   EntWindowContinueFunc  next,
                   gpointer               user_data,
                   GDestroyNotify         destroy)
{
  GFile *file = ent_document_get_file (ent_window_get_document (self));
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *name = g_filename_display_name (basename);
  g_autofree char *backup = g_strconcat (name, "~", NULL);
  g_autofree char *when = modified != NULL ? ent_window_format_date_time (modified) : NULL;
  g_autofree char *detail = NULL;
  const char *heading;
  const char *confirm_label;
  Question *question = g_new0 (Question, 1);

  g_weak_ref_init (&question->window, self);
  question->next = next;
  question->user_data = user_data;
  question->destroy = destroy;
  self->overwrite_pending = TRUE;

  if (change == ENT_FILE_CHANGE_DELETED)
    {
      g_autoptr(GFile) parent = g_file_get_parent (file);
      g_autofree char *folder = parent != NULL ? g_file_get_parse_name (parent) : g_strdup ("/");

      /* Translators: heading of the question asked before saving a document
       * whose file was deleted (or moved) since it was opened or saved */
      heading = _("The file was deleted by another program");
      /* Translators: %1$s is the file name, %2$s its folder */
      detail = g_strdup_printf (_("“%1$s” is no longer in the folder “%2$s”: it was deleted, moved or renamed after you opened or last saved it here. If you save anyway, this window’s version is written there again."),
                                name, folder);
      /* Translators: button of the question: save although the file was deleted */
      confirm_label = _("_Save Anyway");
    }
  else
    {
      /* Translators: heading of the question asked before saving over a
       * document that another program (or another window) wrote since it was
       * opened or saved here */
      heading = _("The file was changed by another program");
      if (when != NULL)
        /* Translators: %1$s is the file name, %2$s when it changed ("Wednesday,
         * March 12, 2025 at 14:32"), %3$s the name of the backup copy ("FILE~") */
        detail = g_strdup_printf (_("“%1$s” was changed on %2$s, after you opened or last saved it here. If you overwrite it, the other version is kept as “%3$s”: nothing is lost."),
                                  name, when, backup);
      else
        /* Translators: %1$s is the file name, %2$s the name of the backup copy ("FILE~") */
        detail = g_strdup_printf (_("“%1$s” was changed after you opened or last saved it here. If you overwrite it, the other version is kept as “%2$s”: nothing is lost."),
                                  name, backup);
      /* Translators: button of the question: replace the other program's version */
      confirm_label = _("_Overwrite");
    }

  {
    GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, detail);

    adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                      /* Translators: button of the question */
                                      ENT_WINDOW_OVERWRITE_CANCEL, _("_Cancel"),
                                      /* Translators: button of the question: save under another name */
                                      ENT_WINDOW_OVERWRITE_SAVE_AS, _("Save _As…"),
                                      ENT_WINDOW_OVERWRITE_CONFIRM, confirm_label,
                                      NULL);
    /* writing over the other program's version loses nothing (FILE~), but
     * it is the one answer that is not undone by asking again */
    if (change != ENT_FILE_CHANGE_DELETED)
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), ENT_WINDOW_OVERWRITE_CONFIRM,
                                                  ADW_RESPONSE_DESTRUCTIVE);
    adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), ENT_WINDOW_OVERWRITE_CANCEL);
    adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), ENT_WINDOW_OVERWRITE_CANCEL);
    gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
    gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
    g_signal_connect (dialog, "response", G_CALLBACK (overwrite_response_cb), question);
    self->overwrite_dialog = GTK_WINDOW (dialog);
    gtk_window_present (GTK_WINDOW (dialog));
  }
}

/* Saves (asking for a file if there is none, and before writing over a file
 * changed on disk since it was opened or last saved), then @next on success. */
static void
save (EntWindow             *self,
      EntWindowContinueFunc  next,
      gpointer               user_data,
      GDestroyNotify         destroy)
{
  GFile *file = ent_document_get_file (ent_window_get_document (self));
  EntFileChange change = ENT_FILE_CHANGE_NONE;
  g_autoptr(GDateTime) modified = NULL;
  g_autoptr(GError) error = NULL;

  if (file == NULL)
    {
      save_as (self, next, user_data, destroy);
      return;
    }

  if (self->overwrite_pending)
    {
      /* Already asking: the first question wins. */
      if (self->overwrite_dialog != NULL)
        gtk_window_present (self->overwrite_dialog);
      if (destroy != NULL)
        destroy (user_data);
      return;
    }

  /* A file that cannot be examined cannot be written either (the safe write
   * stats it too): the save below fails and says why in plain words. */
  if (!ent_document_check_file_change (ent_window_get_document (self), &change, &modified, &error))
    g_debug ("%s", error->message);
  else if (change != ENT_FILE_CHANGE_NONE)
    {
      confirm_overwrite (self, change, modified, next, user_data, destroy);
      return;
    }

  overwrite (self, next, user_data, destroy);
}

/* ---------------------------------------------------- the unsaved-changes guard */

enum { GUARD_CANCEL, GUARD_DISCARD, GUARD_SAVE };

static void
guard_answered (Pending *pending,
                int      answer)
{
  EntWindow *self = pending->self;

  if (answer == GUARD_DISCARD)
    {
      /* the changes are dropped: nothing to recover after a crash either */
      ent_workspace_discard_draft (ent_window_get_workspace (self));
      pending->next (self, pending->user_data);
    }
  else if (answer == GUARD_SAVE)
    {
      save (self, pending->next, pending->user_data, pending->destroy);
      pending->destroy = NULL;   /* handed over */
    }
  pending_free (pending);
}

/* As overwrite_response_cb(): the answer, or Cancel; once only. */
static void
guard_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   gpointer          user_data)
{
  Pending *pending = user_data;
  int answer = g_strcmp0 (response, ENT_WINDOW_GUARD_SAVE) == 0 ? GUARD_SAVE :
               g_strcmp0 (response, ENT_WINDOW_GUARD_DISCARD) == 0 ? GUARD_DISCARD : GUARD_CANCEL;

  g_signal_handlers_disconnect_by_func (dialog, guard_response_cb, user_data);
  pending->self->guard_dialog = NULL;
  pending->self->guard_pending = FALSE;
  guard_answered (pending, answer);
}

void
ent_window_confirm_discard (EntWindow             *self,
                            EntWindowContinueFunc  func,
                            gpointer               user_data,
                            GDestroyNotify         destroy)
{
  Pending *pending;
  const char *title;
  g_autofree char *heading = NULL;
  const char *detail;

  if (!ent_document_get_modified (ent_window_get_document (self)))
    {
      func (self, user_data);
      if (destroy != NULL)
        destroy (user_data);
      return;
    }

  if (self->guard_pending || self->overwrite_pending)
    {
      /* Already asking: the first question wins. */
      if (self->guard_dialog != NULL)
        gtk_window_present (self->guard_dialog);
      else if (self->overwrite_dialog != NULL)
        gtk_window_present (self->overwrite_dialog);
      if (destroy != NULL)
        destroy (user_data);
      return;
    }

  pending = pending_new (self);
  pending->next = func;
  pending->user_data = user_data;
  pending->destroy = destroy;
  self->guard_pending = TRUE;

  title = ent_document_get_title (ent_window_get_document (self));
  if (title == NULL || *title == '\0')
    title = _("Untitled Budget");
  /* Translators: question before closing or replacing a document; %s is its title */
  heading = g_strdup_printf (_("Save the changes to “%s”?"), title);
  detail = _("If you do not save, the changes made since the last save will be lost.");

  {
    GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, detail);

    adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                      /* Translators: button of the unsaved-changes question */
                                      ENT_WINDOW_GUARD_CANCEL, _("_Cancel"),
                                      /* Translators: button of the unsaved-changes question: lose the changes */
                                      ENT_WINDOW_GUARD_DISCARD, _("_Discard"),
                                      /* Translators: button of the unsaved-changes question */
                                      ENT_WINDOW_GUARD_SAVE, _("_Save"),
                                      NULL);
    adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), ENT_WINDOW_GUARD_DISCARD,
                                                ADW_RESPONSE_DESTRUCTIVE);
    adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), ENT_WINDOW_GUARD_SAVE,
                                                ADW_RESPONSE_SUGGESTED);
    /* Enter saves; Escape (or closing the question) is Cancel */
    adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), ENT_WINDOW_GUARD_SAVE);
    adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), ENT_WINDOW_GUARD_CANCEL);
    gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
    gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
    g_signal_connect (dialog, "response", G_CALLBACK (guard_response_cb), pending);
    self->guard_dialog = GTK_WINDOW (dialog);
    gtk_window_present (GTK_WINDOW (dialog));
  }
}

/* ------------------------------------------------------------------ actions */

static EntWindow *
find_window_with_file (EntWindow *self,
                       GFile     *file)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  if (application == NULL)
    return NULL;

  for (GList *l = gtk_application_get_windows (application); l != NULL; l = l->next)
    {
      GFile *other;

      if (!ENT_IS_WINDOW (l->data) || l->data == (gpointer) self)
        continue;
      other = ent_document_get_file (ent_window_get_document (l->data));
      if (other != NULL && g_file_equal (other, file))
        return l->data;
    }
  return NULL;
}

static void
load_confirmed (EntWindow *self,
                gpointer   user_data)
{
  ent_window_load_file (self, G_FILE (user_data), NULL);
}

void
ent_window_open_document_file (EntWindow *self,
                               GFile     *file)
{
  EntWindow *other;
  GFile *current = ent_document_get_file (ent_window_get_document (self));

  /* One window per document; this one's already here. */
  if (current != NULL && g_file_equal (current, file))
    return;
  other = find_window_with_file (self, file);
  if (other != NULL)
    {
      gtk_window_present (GTK_WINDOW (other));
      return;
    }
  ent_window_confirm_discard (self, load_confirmed, g_object_ref (file), g_object_unref);
}

static void
open_chosen_cb (EntWindow *self,
                GFile     *file,
                gpointer   user_data)
{
  if (file != NULL)
    ent_window_open_document_file (self, file);
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  ent_window_open_document_file (ENT_WINDOW (widget), file);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  EntWindow *self = ENT_WINDOW (widget);
  Pending *pending = pending_new (self);
  GFile *file = ent_document_get_file (ent_window_get_document (self));
  g_autoptr(GFile) folder = file != NULL ? g_file_get_parent (file) : NULL;

  pending->chosen = open_chosen_cb;
  choose_file (self, CHOOSE_OPEN,
               /* Translators: title of the file dialog */
               _("Open Budget"),
               /* Translators: accept button of the file dialog */
               _("_Open"),
               _("Budget documents"),
               "*.entbudget", "application/x-entbudget",
               NULL, folder, pending);
}

static EntDocument *
new_document (void)
{
  g_autoptr(EntDocument) document = ent_document_new ();
  g_autoptr(EntDocument) example = ent_document_new_example ();
  g_autoptr(EntScenario) scenario = NULL;
  GListModel *tariffs;

  /* The syndicate's tariffs are the same for every member: start from the
   * voted ones (editable on the Assumptions page), with no school yet. */
  tariffs = G_LIST_MODEL (ent_document_get_tariffs (example));
  for (guint i = 0; example != NULL && i < g_list_model_get_n_items (tariffs); i++)
    {
      g_autoptr(EntTariffPeriod) period = g_list_model_get_item (tariffs, i);
      g_autoptr(EntTariffPeriod) copy =
        ent_tariff_period_new (ent_tariff_period_get_valid_from (period),
                               ent_tariff_period_get_base_per_pupil (period),
                               ent_tariff_period_get_optional_per_pupil (period),
                               ent_tariff_period_get_half_day (period),
                               ent_tariff_period_get_reference (period));

      ent_tariff_schedule_add (ent_document_get_tariffs (document), copy, NULL);
    }

  if (g_list_model_get_n_items (ent_document_get_scenarios (document)) == 0)
    {
      /* Translators: name of the scenario of a new document */
      scenario = ent_scenario_new (_("Base contribution only"));
      ent_document_add_scenario (document, scenario);
    }
  ent_document_set_modified (document, FALSE);
  return g_steal_pointer (&document);
}

static void
new_confirmed (EntWindow *self,
               gpointer   user_data)
{
  g_autoptr(EntDocument) document = new_document ();

  ent_window_show_error (self, NULL);
  ent_window_set_document (self, document);
  gtk_stack_set_visible_child_name (self->stack, "assumptions");
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  ent_window_confirm_discard (ENT_WINDOW (widget), new_confirmed, NULL, NULL);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  save (ENT_WINDOW (widget), NULL, NULL, NULL);
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  save_as (ENT_WINDOW (widget), NULL, NULL, NULL);
}

/* The folder of the last export, else the document's. */
static GFile *
dup_export_folder (EntWindow *self)
{
  GFile *file = ent_document_get_file (ent_window_get_document (self));

  if (self->settings != NULL)
    {
      g_autofree char *uri = g_settings_get_string (self->settings, "last-export-folder");

      if (uri != NULL && *uri != '\0')
        return g_file_new_for_uri (uri);
    }
  return file != NULL ? g_file_get_parent (file) : NULL;
}

void
ent_window_choose_export_file (EntWindow           *self,
                               const char          *title,
                               const char          *filter_name,
                               const char          *pattern,
                               const char          *mime_type,
                               const char          *extension,
                               const char          *initial_name,
                               GFile               *initial_folder,
                               EntWindowChosenFunc  chosen)
{
  Pending *pending = pending_new (self);

  pending->chosen = chosen;
  pending->extension = g_strdup (extension);
  choose_file (self, CHOOSE_SAVE, title,
               /* Translators: accept button of the export file dialogs */
               _("_Export"),
               filter_name, pattern, mime_type, initial_name, initial_folder, pending);
}

/* Asks where to export, the name suggested from the document and the
 * folder the last export went to, then calls @chosen. */
static void
choose_export_file (EntWindow  *self,
                    const char *title,
                    const char *filter_name,
                    const char *pattern,
                    const char *mime_type,
                    const char *extension,
                    ChosenFunc  chosen)
{
  g_autofree char *name = dup_suggested_name (self, extension);
  g_autoptr(GFile) folder = dup_export_folder (self);

  ent_window_choose_export_file (self, title, filter_name, pattern, mime_type, extension,
                                 name, folder, chosen);
}

static void
export_chosen_cb (EntWindow *self,
                  GFile     *file,
                  gpointer   user_data)
{
  if (file != NULL)
    ent_window_export_to_file (self, file, NULL);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  choose_export_file (ENT_WINDOW (widget),
                      /* Translators: title of the file dialog */
                      _("Export the Budget Workbook"),
                      /* Translators: file filter name */
                      _("Spreadsheets (XLSX)"),
                      "*.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                      ".xlsx", export_chosen_cb);
}

static void
export_pdf_chosen_cb (EntWindow *self,
                      GFile     *file,
                      gpointer   user_data)
{
  if (file != NULL)
    ent_window_export_pdf_to_file (self, file, NULL);
}

static void
export_pdf_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  choose_export_file (ENT_WINDOW (widget),
                      /* Translators: title of the file dialog */
                      _("Export the PDF Summary"),
                      /* Translators: file filter name */
                      _("PDF documents"),
                      "*.pdf", "application/pdf",
                      ".pdf", export_pdf_chosen_cb);
}

static void
import_chosen_cb (EntWindow *self,
                  GFile     *file,
                  gpointer   user_data)
{
  if (file == NULL)
    return;
  /* From the start page: into a new document, not into the example it
   * hides (the import dialog adds the file's schools). */
  if (ent_window_get_start_page_shown (self))
    new_confirmed (self, NULL);
  ent_window_open_import_dialog (self, file);
}

static void
import_csv_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  EntWindow *self = ENT_WINDOW (widget);
  Pending *pending = pending_new (self);
  GFile *file = ent_document_get_file (ent_window_get_document (self));
  g_autoptr(GFile) folder = file != NULL ? g_file_get_parent (file) : NULL;

  pending->chosen = import_chosen_cb;
  choose_file (self, CHOOSE_OPEN,
               /* Translators: title of the file dialog that picks the CSV file of pupil counts */
               _("Import Pupils"),
               /* Translators: accept button of the file dialog */
               _("_Open"),
               /* Translators: file filter name */
               _("CSV files"),
               "*.csv", "text/csv",
               NULL, folder, pending);
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  EntWindow *self = ENT_WINDOW (widget);
  const char *name = g_variant_get_string (parameter, NULL);

  if (gtk_stack_get_child_by_name (self->stack, name) != NULL)
    gtk_stack_set_visible_child_name (self->stack, name);
}

static void
about_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  const char *developers[] = {
    /* Translators: the authors in the About window */
    _("The ENT Budget contributors"),
    NULL
  };
  const char *sources[] = {
    /* Translators: credits of the About window: where the example comes from */
    _("Deliberation of the municipal council of Hem, 7 December 2023"),
    /* Translators: credits of the About window: who voted the tariffs */
    _("Tariffs voted by the committee of the SMO La Fibre Numérique 59/62, 15 June 2023"),
    NULL
  };
  GtkWidget *about;

  /* The URLs are the metainfo's (data/io.github.budgetent.BudgetEnt.metainfo.xml.in). */
  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", widget,
                        "modal", TRUE,
                        /* Translators: the application name */
                        "application-name", _("ENT Budget"),
                        "application-icon", APPLICATION_ID,
                        "version", PACKAGE_VERSION,
                        /* Translators: the developer named under the application name in the About window */
                        "developer-name", _("The ENT Budget contributors"),
                        "developers", developers,
                        /* Translators: one line describing the application in the About window */
                        "comments", _("Plan each year’s contribution of a commune to the school digital workspace (ENT)"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "website", "https://github.com/budgetent/BudgetEnt",
                        "issue-url", "https://github.com/budgetent/BudgetEnt/issues",
                        /* Translators: put your names here, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  /* Translators: heading of a credits section in the About window */
  adw_about_window_add_credit_section (ADW_ABOUT_WINDOW (about), _("Example data"), sources);
  gtk_window_present (GTK_WINDOW (about));
}

static void
example_confirmed (EntWindow *self,
                   gpointer   user_data)
{
  ent_window_show_error (self, NULL);
  ent_window_show_example (self, NULL);
}

/* The bundled Hem example, as an example (the start page's first button). */
static void
show_example_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ent_window_confirm_discard (ENT_WINDOW (widget), example_confirmed, NULL, NULL);
}

void
ent_window_update_actions (EntWindow *self)
{
  EntWorkspace *workspace = ent_window_get_workspace (self);

  /* The start page hides the document it holds (the example): nothing to
   * save, export, undo or show there. */
  gboolean document = !ent_window_get_start_page_shown (self);

  /* Save is for unsaved changes; Save As is always there. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save",
                                 document && ent_document_get_modified (ent_workspace_get_document (workspace)));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", document && ent_workspace_get_can_undo (workspace));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", document && ent_workspace_get_can_redo (workspace));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-as", document);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", document);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-pdf", document);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-page", document);
}

void
ent_window_class_add_actions (GtkWidgetClass *widget_class)
{
  /* Accelerators are set on the application (ent-application.c, and
   * ensure_accels() in ent-window.c for the later ones) so that menus and the
   * shortcuts window show them. */
  gtk_widget_class_install_action (widget_class, "win.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.export-pdf", NULL, export_pdf_action);
  gtk_widget_class_install_action (widget_class, "win.import-csv", NULL, import_csv_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.about", NULL, about_action);
  gtk_widget_class_install_action (widget_class, "win.show-example", NULL, show_example_action);
}
