/* ent-safe-file.c: the one way Budget ENT writes a file (SPEC 10.1, 10.2)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The target is always either the old complete file or the new complete
 * file: the new content goes to a temporary file in the same directory,
 * which is synced and then renamed over the target (rename is atomic within
 * a file system). A writer holds an exclusive flock() on its temporary file
 * (or private directory) for its whole life, so the next write for the same
 * target can tell a temporary file left by a killed process (lock free:
 * removed) from one being written right now by another process (locked:
 * left alone).
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "ent-safe-file.h"

/* A temporary name is ".BASE.XXXXXX.part" (".part.d" for a private
 * directory). BASE is cut so that the name stays under NAME_MAX. */
#define TEMP_SUFFIX     ".part"
#define TEMP_DIR_SUFFIX ".part.d"
#define MAX_BASE_BYTES  200
#define MAX_LINK_DEPTH  40
/* the file a library writes inside the private directory */
#define PRIVATE_NAME    "output"

typedef enum
{
  STEP_CREATE,
  STEP_WRITE,
  STEP_FSYNC,
  STEP_CLOSE,
  STEP_BACKUP,
  STEP_RENAME,
  N_STEPS,
  STEP_NONE = N_STEPS,
} Step;

static const char *const step_names[N_STEPS] = {
  "create", "write", "fsync", "close", "backup", "rename",
};

struct _EntSafeFile
{
  char             *path;          /* as given, for messages */
  char             *target;        /* symbolic links resolved */
  char             *dir;           /* the target's directory */
  char             *temp_path;     /* the temporary file, or the private directory */
  char             *private_path;  /* PRIVATE_DIR: the file the library writes */
  char             *base;          /* BASE of the temporary names */
  char             *backup_temp;   /* BACKUP: the old target, linked or copied, until it becomes FILE~ */
  int               backup_lock_fd;
  EntSafeFileFlags  flags;
  int               fd;            /* the temporary file until commit; -1 with PRIVATE_DIR */
  int               lock_fd;       /* holds the flock() on the temporary file or directory */
  gboolean          target_exists;
  struct stat       target_stat;
  gboolean          done;          /* committed or failed: nothing more to do */

  /* fault injection */
  Step              fault_step;
  guint             fault_nth;
  int               fault_errno;
  guint             counts[N_STEPS];
};

/* ------------------------------------------------------------------ helpers */

const char *
ent_safe_file_describe_errno (int saved_errno)
{
  switch (saved_errno)
    {
    case ENOSPC:
      return _("the disk is full");
    case EDQUOT:
      return _("your disk quota is used up");
    case EACCES:
    case EPERM:
      return _("you are not allowed to write there");
    case EROFS:
      return _("the disk is read-only");
    case ENOENT:
      return _("the folder does not exist");
    case ENOTDIR:
      return _("a part of the path is not a folder");
    case EISDIR:
      return _("it is a folder");
    case ENAMETOOLONG:
      return _("the name is too long");
    case ELOOP:
      return _("it is a loop of symbolic links");
    case EIO:
      return _("the disk reported a read or write error");
    case EFBIG:
      return _("the file is too large for this disk");
    case EMFILE:
    case ENFILE:
      return _("too many files are open");
    case ENOMEM:
      return _("the computer is out of memory");
    case EXDEV:
      return _("the file could not be moved into place");
    default:
      return g_strerror (saved_errno);
    }
}

void
ent_safe_file_set_error (GError     **error,
                         const char  *path,
                         int          saved_errno)
{
  g_autofree char *display = g_filename_display_name (path);

  /* Translators: %1$s is a file path, %2$s the cause in plain words ("the disk is full") */
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("Cannot write “%1$s”: %2$s."), display, ent_safe_file_describe_errno (saved_errno));
}

static gboolean
fail_errno (EntSafeFile  *self,
            GError      **error,
            int           saved_errno)
{
  ent_safe_file_set_error (error, self->path, saved_errno);
  return FALSE;
}

static int
parse_errno_name (const char *name)
{
  static const struct { const char *name; int value; } names[] = {
    { "ENOSPC", ENOSPC }, { "EIO", EIO }, { "EACCES", EACCES }, { "EPERM", EPERM },
    { "EROFS", EROFS }, { "EXDEV", EXDEV }, { "EFBIG", EFBIG }, { "EINTR", EINTR },
    { "ENOENT", ENOENT }, { "ENOMEM", ENOMEM }, { "EMFILE", EMFILE },
    { "EDQUOT", EDQUOT },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (name, names[i].name) == 0)
      return names[i].value;
  return 0;
}

/* ENT_BUDGET_FAULT=STEP[:N]:ERRNO */
static void
read_fault (EntSafeFile *self)
{
  const char *spec = g_getenv ("ENT_BUDGET_FAULT");
  g_auto(GStrv) parts = NULL;
  guint n_parts;

  self->fault_step = STEP_NONE;
  if (spec == NULL || *spec == '\0')
    return;

  parts = g_strsplit (spec, ":", 3);
  n_parts = g_strv_length (parts);
  if (n_parts < 2)
    return;
  for (guint i = 0; i < N_STEPS; i++)
    if (g_strcmp0 (parts[0], step_names[i]) == 0)
      self->fault_step = i;
  self->fault_nth = 1;
  if (n_parts == 3)
    {
      guint64 nth = 0;

      if (!g_ascii_string_to_unsigned (parts[1], 10, 1, G_MAXUINT, &nth, NULL))
        self->fault_step = STEP_NONE;
      self->fault_nth = (guint) nth;
    }
  self->fault_errno = parse_errno_name (parts[n_parts - 1]);
  if (self->fault_errno == 0)
    self->fault_step = STEP_NONE;
}

/* Counts @step; TRUE (with errno set) when the fault is due. */
static gboolean
inject_fault (EntSafeFile *self,
              Step         step)
{
  self->counts[step]++;
  if (self->fault_step == step && self->counts[step] == self->fault_nth)
    {
      errno = self->fault_errno;
      return TRUE;
    }
  return FALSE;
}

/* Follows symbolic links from @path to the file they end at (which may not
 * exist yet). */
static char *
resolve_links (const char  *path,
               int         *out_errno)
{
  g_autofree char *current = g_strdup (path);

  for (guint depth = 0; depth <= MAX_LINK_DEPTH; depth++)
    {
      struct stat st;
      g_autofree char *link = NULL;

      if (lstat (current, &st) != 0)
        {
          if (errno == ENOENT)
            return g_steal_pointer (&current);
          *out_errno = errno;
          return NULL;
        }
      if (!S_ISLNK (st.st_mode))
        return g_steal_pointer (&current);

      link = g_file_read_link (current, NULL);
      if (link == NULL)
        {
          *out_errno = errno != 0 ? errno : EIO;
          return NULL;
        }
      if (!g_path_is_absolute (link))
        {
          g_autofree char *dir = g_path_get_dirname (current);

          g_free (current);
          current = g_build_filename (dir, link, NULL);
        }
      else
        {
          g_free (current);
          current = g_steal_pointer (&link);
        }
    }
  *out_errno = ELOOP;
  return NULL;
}

/* The BASE of temporary names: at most MAX_BASE_BYTES, cut on a character. */
static char *
dup_temp_base (const char *target)
{
  g_autofree char *base = g_path_get_basename (target);
  gsize length = strlen (base);

  if (length > MAX_BASE_BYTES)
    {
      const char *end = base + MAX_BASE_BYTES;

      if (g_utf8_validate (base, -1, NULL))
        end = g_utf8_find_prev_char (base, end + 1);
      base[end - base] = '\0';
    }
  return g_steal_pointer (&base);
}

static void
remove_private_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  if (handle != NULL)
    while ((name = g_dir_read_name (handle)) != NULL)
      {
        g_autofree char *child = g_build_filename (dir, name, NULL);

        (void) g_unlink (child);
      }
  (void) g_rmdir (dir);
}

/* Is @name one of ours for @base: ".BASE.XXXXXX.part" or ".part.d"? */
static gboolean
is_our_temp_name (const char *name,
                  const char *prefix,
                  gboolean   *out_is_dir)
{
  gsize prefix_length = strlen (prefix);
  const char *rest;

  if (strncmp (name, prefix, prefix_length) != 0)
    return FALSE;
  rest = name + prefix_length;
  if (strlen (rest) < 6)
    return FALSE;
  for (guint i = 0; i < 6; i++)
    if (!g_ascii_isalnum (rest[i]))
      return FALSE;
  rest += 6;
  *out_is_dir = strcmp (rest, TEMP_DIR_SUFFIX) == 0;
  return *out_is_dir || strcmp (rest, TEMP_SUFFIX) == 0;
}

/* Removes temporary files of ours for the same target that no live writer
 * holds (left by a killed process or a power cut). */
static void
remove_stale_temps (const char *dir,
                    const char *base)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  g_autofree char *prefix = g_strdup_printf (".%s.", base);
  g_autofree char *backup_prefix = g_strdup_printf (".%s~.", base);
  const char *name;

  if (handle == NULL)
    return;
  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = NULL;
      gboolean is_dir = FALSE;
      int fd;

      if (!is_our_temp_name (name, prefix, &is_dir) &&
          !is_our_temp_name (name, backup_prefix, &is_dir))
        continue;
      path = g_build_filename (dir, name, NULL);
      fd = g_open (path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | (is_dir ? O_DIRECTORY : 0), 0);
      if (fd < 0)
        continue;
      if (flock (fd, LOCK_EX | LOCK_NB) == 0)
        {
          if (is_dir)
            remove_private_dir (path);
          else
            (void) g_unlink (path);
        }
      close (fd);
    }
}

static void
sync_directory (const char *dir)
{
  int fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd < 0)
    return;
  /* Some file systems cannot sync a directory (EINVAL): the file itself is
   * complete and synced, only the rename's durability is at stake. */
  (void) fsync (fd);
  close (fd);
}

/* The target's permissions, and its owner when we may set it. */
static void
copy_target_attributes (EntSafeFile *self,
                        int          fd)
{
  if (!self->target_exists)
    return;
  (void) fchmod (fd, self->target_stat.st_mode & 07777);
  if (self->target_stat.st_uid != geteuid () || self->target_stat.st_gid != getegid ())
    {
      if (fchown (fd, self->target_stat.st_uid, self->target_stat.st_gid) != 0)
        (void) fchmod (fd, self->target_stat.st_mode & 0777);
    }
}

/* A copy of the target into the new file @fd, for file systems without
 * hard links. */
static gboolean
copy_into (const char  *target,
           int          fd,
           int         *out_errno)
{
  g_autofree char *data = NULL;
  gsize length = 0;
  gsize done = 0;

  if (!g_file_get_contents (target, &data, &length, NULL))
    {
      *out_errno = EIO;
      return FALSE;
    }
  while (done < length)
    {
      ssize_t n = write (fd, data + done, length - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          *out_errno = n < 0 ? errno : ENOSPC;
          return FALSE;
        }
      done += (gsize) n;
    }
  if (fsync (fd) != 0)
    {
      *out_errno = errno;
      return FALSE;
    }
  return TRUE;
}

/* Keeps the target as it is now under a temporary name (".BASE~.XXXXXX.part",
 * locked like the other temporary files), to become FILE~ only once the new
 * file is in place: a failed save leaves both the target and FILE~ as they
 * were. A hard link when the file system has them (nothing copied), else a
 * copy. The target itself is never touched. */
static gboolean
keep_old_target (EntSafeFile  *self,
                 GError      **error)
{
  g_autofree char *tmpl = NULL;
  int saved_errno = 0;

  g_autofree char *backup = g_strconcat (self->target, "~", NULL);
  struct stat st;

  if (!self->target_exists)
    return TRUE;
  if (inject_fault (self, STEP_BACKUP))
    return fail_errno (self, error, errno);
  /* a folder or a device named FILE~ is not ours to replace: refuse the
   * save rather than silently keep no backup (as GLib's replace does) */
  if (lstat (backup, &st) == 0 && !S_ISREG (st.st_mode) && !S_ISLNK (st.st_mode))
    {
      g_autofree char *display = g_filename_display_name (self->path);
      g_autofree char *backup_display = g_filename_display_name (backup);
      g_autofree char *cause = NULL;

      /* Translators: %s is the path of the backup copy, FILE~ */
      cause = g_strdup_printf (_("its backup copy “%s” cannot replace what is there (a folder or a device)"),
                               backup_display);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_CANT_CREATE_BACKUP,
                   _("Cannot write “%1$s”: %2$s."), display, cause);
      return FALSE;
    }

  for (guint attempt = 0; attempt < 100; attempt++)
    {
      g_autofree char *name = g_strdup_printf (".%s~.%06x.part", self->base,
                                               g_random_int_range (0, 0x1000000));

      g_free (self->backup_temp);
      self->backup_temp = g_build_filename (self->dir, name, NULL);
      if (link (self->target, self->backup_temp) == 0)
        {
          self->backup_lock_fd = g_open (self->backup_temp, O_RDONLY | O_CLOEXEC, 0);
          if (self->backup_lock_fd >= 0)
            (void) flock (self->backup_lock_fd, LOCK_EX | LOCK_NB);
          return TRUE;
        }
      saved_errno = errno;
      if (saved_errno != EEXIST)
        break;
    }
  g_clear_pointer (&self->backup_temp, g_free);
  if (saved_errno == ENOSPC || saved_errno == EDQUOT || saved_errno == EROFS ||
      saved_errno == EIO || saved_errno == EEXIST)
    return fail_errno (self, error, saved_errno);

  /* no hard links here (FAT, some network shares): a copy */
  tmpl = g_strdup_printf (".%s~.XXXXXX.part", self->base);
  self->backup_temp = g_build_filename (self->dir, tmpl, NULL);
  self->backup_lock_fd = g_mkstemp_full (self->backup_temp, O_RDWR | O_CLOEXEC, 0600);
  if (self->backup_lock_fd < 0)
    {
      saved_errno = errno;
      g_clear_pointer (&self->backup_temp, g_free);
      return fail_errno (self, error, saved_errno);
    }
  (void) flock (self->backup_lock_fd, LOCK_EX | LOCK_NB);
  (void) fchmod (self->backup_lock_fd, self->target_stat.st_mode & 0777);
  if (!copy_into (self->target, self->backup_lock_fd, &saved_errno))
    return fail_errno (self, error, saved_errno);
  return TRUE;
}

/* The new file is in place: the kept old target becomes FILE~. A failure
 * here loses no data (the save itself succeeded): FILE~ stays as it was. */
static void
promote_backup (EntSafeFile *self)
{
  g_autofree char *backup = NULL;
  struct stat st;

  if (self->backup_temp == NULL)
    return;
  backup = g_strconcat (self->target, "~", NULL);
  if (lstat (backup, &st) == 0 && !S_ISREG (st.st_mode) && !S_ISLNK (st.st_mode))
    return;  /* a folder or a device named FILE~ is not ours to replace */
  if (g_rename (self->backup_temp, backup) == 0)
    g_clear_pointer (&self->backup_temp, g_free);
  else
    g_debug ("could not keep %s: %s", backup, g_strerror (errno));
}

/* ---------------------------------------------------------------- public API */

EntSafeFile *
ent_safe_file_new (const char        *path,
                   EntSafeFileFlags   flags,
                   GError           **error)
{
  g_autoptr(EntSafeFile) self = NULL;
  g_autofree char *tmpl = NULL;
  int saved_errno = 0;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (*path == '\0')
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME,
                   _("Cannot write: no file name was given."));
      return NULL;
    }

  self = g_new0 (EntSafeFile, 1);
  self->path = g_strdup (path);
  self->flags = flags;
  self->fd = -1;
  self->lock_fd = -1;
  self->backup_lock_fd = -1;
  read_fault (self);

  self->target = resolve_links (path, &saved_errno);
  if (self->target == NULL)
    return fail_errno (self, error, saved_errno), NULL;

  if (stat (self->target, &self->target_stat) == 0)
    {
      g_autofree char *display = g_filename_display_name (path);

      self->target_exists = TRUE;
      if (S_ISDIR (self->target_stat.st_mode))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                       _("Cannot write “%1$s”: %2$s."), display, _("it is a folder"));
          return NULL;
        }
      if (!S_ISREG (self->target_stat.st_mode))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                       _("Cannot write “%1$s”: %2$s."), display,
                       _("it is not a regular file (a device, a pipe or a socket), so it is left alone"));
          return NULL;
        }
    }
  else if (errno != ENOENT)
    return fail_errno (self, error, errno), NULL;

  self->dir = g_path_get_dirname (self->target);
  self->base = dup_temp_base (self->target);
  remove_stale_temps (self->dir, self->base);

  if (inject_fault (self, STEP_CREATE))
    return fail_errno (self, error, errno), NULL;

  if (flags & ENT_SAFE_FILE_PRIVATE_DIR)
    {
      tmpl = g_strdup_printf (".%s.XXXXXX" TEMP_DIR_SUFFIX, self->base);
      self->temp_path = g_build_filename (self->dir, tmpl, NULL);
      if (g_mkdtemp_full (self->temp_path, 0700) == NULL)
        {
          saved_errno = errno;
          g_clear_pointer (&self->temp_path, g_free);
          return fail_errno (self, error, saved_errno), NULL;
        }
      self->lock_fd = g_open (self->temp_path, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
      self->private_path = g_build_filename (self->temp_path, PRIVATE_NAME, NULL);
    }
  else
    {
      tmpl = g_strdup_printf (".%s.XXXXXX" TEMP_SUFFIX, self->base);
      self->temp_path = g_build_filename (self->dir, tmpl, NULL);
      /* mode 0666 goes through the umask, like any new file */
      self->fd = g_mkstemp_full (self->temp_path, O_RDWR | O_CLOEXEC, 0666);
      if (self->fd < 0)
        {
          saved_errno = errno;
          g_clear_pointer (&self->temp_path, g_free);
          return fail_errno (self, error, saved_errno), NULL;
        }
    }
  /* Held until the end (a descriptor of its own, so that closing the file
   * at commit keeps it): tells a later writer this temporary file is alive. */
  if (self->fd >= 0)
    self->lock_fd = fcntl (self->fd, F_DUPFD_CLOEXEC, 0);
  if (self->lock_fd >= 0)
    (void) flock (self->lock_fd, LOCK_EX | LOCK_NB);

  return g_steal_pointer (&self);
}

const char *
ent_safe_file_get_path (EntSafeFile *self)
{
  return self->path;
}

const char *
ent_safe_file_get_target (EntSafeFile *self)
{
  return self->target;
}

const char *
ent_safe_file_get_private_path (EntSafeFile *self)
{
  g_return_val_if_fail (self->flags & ENT_SAFE_FILE_PRIVATE_DIR, NULL);
  return self->private_path;
}

const char *
ent_safe_file_get_private_dir (EntSafeFile *self)
{
  g_return_val_if_fail (self->flags & ENT_SAFE_FILE_PRIVATE_DIR, NULL);
  return self->temp_path;
}

gboolean
ent_safe_file_write (EntSafeFile  *self,
                     const void   *data,
                     gsize         length,
                     GError      **error)
{
  const char *bytes = data;
  gsize done = 0;

  g_return_val_if_fail (self != NULL && !self->done, FALSE);
  g_return_val_if_fail (!(self->flags & ENT_SAFE_FILE_PRIVATE_DIR), FALSE);

  while (done < length)
    {
      ssize_t n;

      if (inject_fault (self, STEP_WRITE))
        n = -1;
      else
        n = write (self->fd, bytes + done, MIN (length - done, (gsize) G_MAXSSIZE));
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return fail_errno (self, error, errno);
      if (n == 0)
        return fail_errno (self, error, ENOSPC);
      done += (gsize) n;
    }
  return TRUE;
}

gboolean
ent_safe_file_commit (EntSafeFile  *self,
                      GError      **error)
{
  int fd;

  g_return_val_if_fail (self != NULL && !self->done, FALSE);

  self->done = TRUE;   /* from here on, a failure removes the temporary file */

  if (self->flags & ENT_SAFE_FILE_PRIVATE_DIR)
    {
      /* The library closed its file; the directory is ours alone (0700). */
      fd = g_open (self->private_path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC, 0);
      if (fd < 0)
        return fail_errno (self, error, errno);
    }
  else
    {
      fd = self->fd;
      self->fd = -1;
    }

  copy_target_attributes (self, fd);
  if (inject_fault (self, STEP_FSYNC) || fsync (fd) != 0)
    {
      int saved_errno = errno;

      close (fd);
      return fail_errno (self, error, saved_errno);
    }
  if (inject_fault (self, STEP_CLOSE))
    {
      int saved_errno = errno;

      close (fd);
      return fail_errno (self, error, saved_errno);
    }
  if (close (fd) != 0)
    return fail_errno (self, error, errno);

  if ((self->flags & ENT_SAFE_FILE_BACKUP) && !keep_old_target (self, error))
    return FALSE;

  if (inject_fault (self, STEP_RENAME) ||
      g_rename (self->flags & ENT_SAFE_FILE_PRIVATE_DIR ? self->private_path : self->temp_path,
                self->target) != 0)
    return fail_errno (self, error, errno);

  promote_backup (self);
  /* The new file is in place: nothing to remove but the private directory. */
  if (self->flags & ENT_SAFE_FILE_PRIVATE_DIR)
    remove_private_dir (self->temp_path);
  g_clear_pointer (&self->temp_path, g_free);
  sync_directory (self->dir);
  return TRUE;
}

void
ent_safe_file_free (EntSafeFile *self)
{
  if (self == NULL)
    return;

  if (self->temp_path != NULL)
    {
      if (self->flags & ENT_SAFE_FILE_PRIVATE_DIR)
        remove_private_dir (self->temp_path);
      else
        (void) g_unlink (self->temp_path);
    }
  if (self->backup_temp != NULL)
    (void) g_unlink (self->backup_temp);
  if (self->backup_lock_fd >= 0)
    close (self->backup_lock_fd);
  if (self->fd >= 0)
    close (self->fd);
  if (self->lock_fd >= 0)
    close (self->lock_fd);   /* after the unlink: the lock is held until it is gone */

  g_free (self->path);
  g_free (self->target);
  g_free (self->dir);
  g_free (self->temp_path);
  g_free (self->private_path);
  g_free (self->base);
  g_free (self->backup_temp);
  g_free (self);
}

gboolean
ent_safe_file_set_contents (const char        *path,
                            const void        *data,
                            gsize              length,
                            EntSafeFileFlags   flags,
                            GError           **error)
{
  g_autoptr(EntSafeFile) file = NULL;

  g_return_val_if_fail (!(flags & ENT_SAFE_FILE_PRIVATE_DIR), FALSE);

  file = ent_safe_file_new (path, flags, error);
  return file != NULL &&
         ent_safe_file_write (file, data, length, error) &&
         ent_safe_file_commit (file, error);
}
