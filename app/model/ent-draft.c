/* ent-draft.c: the copy of an unsaved document that survives a crash (SPEC 11)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "ent-document-private.h"
#include "ent-draft.h"
#include "ent-safe-file.h"

#define MAGIC        "#ent-budget-draft 1\n"
#define HEADER_KEY   "#draft-"
#define LOCK_SUFFIX  ".lock"
/* a header of a few lines, then at most a document's largest size */
#define MAX_SIZE     (ENT_DOCUMENT_MAX_SIZE + 64 * 1024)

struct _EntDraft
{
  GObject    parent_instance;

  char      *path;         /* DIR/ID.entbudget-draft */
  char      *lock_path;    /* DIR/ID.lock */
  int        lock_fd;      /* -1 unless owned */
  gboolean   exists;

  /* the header */
  GFile     *file;         /* nullable */
  char      *file_stamp;   /* nullable */
  char      *title;        /* never NULL */
  GDateTime *time;         /* nullable */
};

G_DEFINE_FINAL_TYPE (EntDraft, ent_draft, G_TYPE_OBJECT)

/* ------------------------------------------------------------------ helpers */

static void
set_errno_error (GError     **error,
                 int          saved_errno,
                 const char  *path)
{
  g_autofree char *name = g_filename_display_name (path);

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               /* Translators: %1$s is a file name, %2$s the cause ("the disk is full") */
               _("Cannot use the draft “%1$s”: %2$s"), name,
               ent_safe_file_describe_errno (saved_errno));
}

static EntDraft *
draft_new_for_path (const char *path)
{
  EntDraft *self = g_object_new (ENT_TYPE_DRAFT, NULL);
  g_autofree char *stem = g_strndup (path, strlen (path) - strlen (ENT_DRAFT_SUFFIX));

  self->path = g_strdup (path);
  self->lock_path = g_strconcat (stem, LOCK_SUFFIX, NULL);
  return self;
}

/* Opens and locks the lock file: FALSE with errno EWOULDBLOCK when a live
 * window holds it. */
static gboolean
take_lock (EntDraft *self,
           GError  **error)
{
  int fd;

  if (self->lock_fd >= 0)
    return TRUE;

  fd = g_open (self->lock_path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      set_errno_error (error, errno, self->lock_path);
      return FALSE;
    }
  if (flock (fd, LOCK_EX | LOCK_NB) != 0)
    {
      int saved_errno = errno;

      close (fd);
      if (saved_errno == EWOULDBLOCK)
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_BUSY,
                             /* Translators: a recovered document, refused */
                             _("This document is already open in another window."));
      else
        set_errno_error (error, saved_errno, self->lock_path);
      return FALSE;
    }
  self->lock_fd = fd;
  return TRUE;
}

/* TRUE when a live window holds the lock of @draft_path. */
static gboolean
is_owned_elsewhere (const char *lock_path)
{
  int fd = g_open (lock_path, O_RDWR | O_CLOEXEC, 0);
  gboolean owned = FALSE;

  if (fd < 0)
    return FALSE;   /* no lock: its owner is gone */
  if (flock (fd, LOCK_EX | LOCK_NB) != 0)
    owned = errno == EWOULDBLOCK;
  close (fd);
  return owned;
}

static void
replace_string (char       **field,
                const char  *value)
{
  char *copy = g_strdup (value);

  g_free (*field);
  *field = copy;
}

/* One header value on one line. */
static char *
dup_header_value (const char *value)
{
  GString *out = g_string_new (value);

  g_string_replace (out, "\n", " ", 0);
  g_string_replace (out, "\r", " ", 0);
  return g_string_free (out, FALSE);
}

static GBytes *
read_draft (EntDraft  *self,
            GError   **error)
{
  g_autofree char *contents = NULL;
  GStatBuf st;
  gsize length = 0;

  if (g_stat (self->path, &st) != 0)
    {
      if (errno == ENOENT)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                               /* Translators: a draft to recover, gone meanwhile */
                               _("The draft no longer exists."));
          return NULL;
        }
      set_errno_error (error, errno, self->path);
      return NULL;
    }
  if (st.st_size > MAX_SIZE)
    {
      set_errno_error (error, EFBIG, self->path);
      return NULL;
    }
  if (!g_file_get_contents (self->path, &contents, &length, error))
    return NULL;
  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

/* Reads the header of @bytes into @self; *@out_body: where the document
 * starts. */
static gboolean
parse_header (EntDraft  *self,
              GBytes    *bytes,
              gsize     *out_body,
              GError   **error)
{
  gsize length;
  const char *text = g_bytes_get_data (bytes, &length);
  gsize p = strlen (MAGIC);

  if (length < p || memcmp (text, MAGIC, p) != 0)
    {
      g_autofree char *name = g_filename_display_name (self->path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   /* Translators: %s is a file name */
                   _("“%s” is not a Budget ENT draft."), name);
      return FALSE;
    }

  while (p < length && length - p > strlen (HEADER_KEY) &&
         memcmp (text + p, HEADER_KEY, strlen (HEADER_KEY)) == 0)
    {
      const char *end = memchr (text + p, '\n', length - p);
      g_autofree char *line = NULL;
      char *value;

      if (end == NULL)
        break;
      line = g_strndup (text + p + strlen (HEADER_KEY), end - (text + p) - strlen (HEADER_KEY));
      p = end - text + 1;
      value = strchr (line, '=');
      if (value == NULL)
        continue;
      *value++ = '\0';

      if (g_str_equal (line, "file") && *value != '\0')
        {
          g_clear_object (&self->file);
          self->file = g_file_new_for_uri (value);
        }
      else if (g_str_equal (line, "file-stamp") && *value != '\0')
        replace_string (&self->file_stamp, value);
      else if (g_str_equal (line, "title"))
        replace_string (&self->title, value);
      else if (g_str_equal (line, "time"))
        {
          g_clear_pointer (&self->time, g_date_time_unref);
          self->time = g_date_time_new_from_iso8601 (value, NULL);
        }
    }

  *out_body = p;
  return TRUE;
}

static gint
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  EntDraft *x = *(EntDraft **) a;
  EntDraft *y = *(EntDraft **) b;

  if (x->time == NULL || y->time == NULL)
    return (x->time == NULL) - (y->time == NULL);
  return g_date_time_compare (y->time, x->time);
}

/* ---------------------------------------------------------------- overrides */

static void
ent_draft_finalize (GObject *object)
{
  EntDraft *self = ENT_DRAFT (object);

  /* The files stay: a window that goes without being asked leaves its
   * draft for the next start. */
  if (self->lock_fd >= 0)
    close (self->lock_fd);
  g_clear_object (&self->file);
  g_clear_pointer (&self->file_stamp, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->time, g_date_time_unref);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->lock_path, g_free);

  G_OBJECT_CLASS (ent_draft_parent_class)->finalize (object);
}

static void
ent_draft_class_init (EntDraftClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ent_draft_finalize;
}

static void
ent_draft_init (EntDraft *self)
{
  self->lock_fd = -1;
  self->title = g_strdup ("");
}

/* ------------------------------------------------------------------- public */

char *
ent_draft_dup_default_directory (void)
{
  return g_build_filename (g_get_user_data_dir (), "ent-budget", "drafts", NULL);
}

EntDraft *
ent_draft_new (const char  *directory,
               GError     **error)
{
  g_autoptr(EntDraft) self = NULL;
  g_autofree char *id = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (directory != NULL, NULL);

  if (g_mkdir_with_parents (directory, 0700) != 0)
    {
      set_errno_error (error, errno, directory);
      return NULL;
    }

  id = g_uuid_string_random ();
  name = g_strconcat (id, ENT_DRAFT_SUFFIX, NULL);
  path = g_build_filename (directory, name, NULL);
  self = draft_new_for_path (path);
  if (!take_lock (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

GPtrArray *
ent_draft_list_orphans (const char *directory)
{
  g_autoptr(GPtrArray) drafts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_return_val_if_fail (directory != NULL, NULL);

  dir = g_dir_open (directory, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autoptr(EntDraft) draft = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      gsize body;

      /* ".ID.entbudget-draft.XXXXXX.part": a write in progress, or killed */
      if (name[0] == '.' || !g_str_has_suffix (name, ENT_DRAFT_SUFFIX))
        continue;
      path = g_build_filename (directory, name, NULL);
      draft = draft_new_for_path (path);
      if (is_owned_elsewhere (draft->lock_path))
        continue;
      bytes = read_draft (draft, &error);
      if (bytes == NULL || !parse_header (draft, bytes, &body, &error))
        {
          g_debug ("draft %s skipped: %s", path, error->message);
          continue;
        }
      draft->exists = TRUE;
      g_ptr_array_add (drafts, g_steal_pointer (&draft));
    }

  g_ptr_array_sort (drafts, compare_newest_first);
  return g_steal_pointer (&drafts);
}

gboolean
ent_draft_claim (EntDraft  *self,
                 GError   **error)
{
  g_return_val_if_fail (ENT_IS_DRAFT (self), FALSE);

  if (self->lock_fd >= 0)
    return TRUE;
  if (!take_lock (self, error))
    return FALSE;
  if (!g_file_test (self->path, G_FILE_TEST_EXISTS))
    {
      /* removed by the one that held it just before */
      close (self->lock_fd);
      self->lock_fd = -1;
      self->exists = FALSE;
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("The draft no longer exists."));
      return FALSE;
    }
  return TRUE;
}

gboolean
ent_draft_write (EntDraft     *self,
                 EntDocument  *document,
                 GError      **error)
{
  g_autoptr(GString) text = g_string_new (MAGIC);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *uri = NULL;
  g_autofree char *title = NULL;
  g_autofree char *time = NULL;
  g_autofree char *data = NULL;
  GFile *file;
  const char *stamp;
  gsize length = 0;

  g_return_val_if_fail (ENT_IS_DRAFT (self), FALSE);
  g_return_val_if_fail (ENT_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (self->lock_fd >= 0, FALSE);

  file = ent_document_get_file (document);
  stamp = ent_document_get_file_stamp (document);
  uri = file != NULL ? g_file_get_uri (file) : g_strdup ("");
  title = dup_header_value (ent_document_get_title (document));
  time = g_date_time_format_iso8601 (now);

  g_string_append_printf (text, HEADER_KEY "file=%s\n", uri);
  g_string_append_printf (text, HEADER_KEY "file-stamp=%s\n", stamp != NULL ? stamp : "");
  g_string_append_printf (text, HEADER_KEY "title=%s\n", title);
  g_string_append_printf (text, HEADER_KEY "time=%s\n", time);
  /* unchecked: a draft keeps what the window holds, even what a save refuses */
  data = ent_document_to_data (document, &length);
  g_string_append_len (text, data, length);

  if (!ent_safe_file_set_contents (self->path, text->str, text->len, ENT_SAFE_FILE_NONE, error))
    return FALSE;

  self->exists = TRUE;
  g_set_object (&self->file, file);
  replace_string (&self->file_stamp, stamp);
  replace_string (&self->title, title);
  g_clear_pointer (&self->time, g_date_time_unref);
  self->time = g_date_time_ref (now);
  return TRUE;
}

gboolean
ent_draft_remove (EntDraft  *self,
                  GError   **error)
{
  g_return_val_if_fail (ENT_IS_DRAFT (self), FALSE);

  if (self->lock_fd < 0 && !take_lock (self, error))
    return FALSE;

  /* the draft before its lock: a draft is never seen without its owner's lock */
  if (g_unlink (self->path) != 0 && errno != ENOENT)
    {
      set_errno_error (error, errno, self->path);
      return FALSE;
    }
  self->exists = FALSE;
  g_unlink (self->lock_path);
  close (self->lock_fd);
  self->lock_fd = -1;
  return TRUE;
}

EntDocument *
ent_draft_load (EntDraft  *self,
                GError   **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(EntDocument) document = NULL;
  g_autofree char *name = NULL;
  gsize offset = 0;

  g_return_val_if_fail (ENT_IS_DRAFT (self), NULL);

  bytes = read_draft (self, error);
  if (bytes == NULL || !parse_header (self, bytes, &offset, error))
    return NULL;

  body = g_bytes_new_from_bytes (bytes, offset, g_bytes_get_size (bytes) - offset);
  name = g_path_get_basename (self->path);
  document = ent_document_new_from_bytes (body, name, error);
  if (document == NULL)
    return NULL;

  ent_document_set_file (document, self->file);
  ent_document_set_file_stamp (document, self->file_stamp);
  ent_document_set_modified (document, TRUE);
  return g_steal_pointer (&document);
}

const char *
ent_draft_get_path (EntDraft *self)
{
  g_return_val_if_fail (ENT_IS_DRAFT (self), NULL);

  return self->path;
}

GFile *
ent_draft_get_file (EntDraft *self)
{
  g_return_val_if_fail (ENT_IS_DRAFT (self), NULL);

  return self->file;
}

const char *
ent_draft_get_title (EntDraft *self)
{
  g_return_val_if_fail (ENT_IS_DRAFT (self), NULL);

  return self->title;
}

GDateTime *
ent_draft_get_time (EntDraft *self)
{
  g_return_val_if_fail (ENT_IS_DRAFT (self), NULL);

  return self->time;
}

gboolean
ent_draft_get_owned (EntDraft *self)
{
  g_return_val_if_fail (ENT_IS_DRAFT (self), FALSE);

  return self->lock_fd >= 0;
}

gboolean
ent_draft_get_exists (EntDraft *self)
{
  g_return_val_if_fail (ENT_IS_DRAFT (self), FALSE);

  return self->exists;
}
