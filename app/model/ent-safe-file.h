/* ent-safe-file.h: the one way Budget ENT writes a file (SPEC 10.1, 10.2)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every writer (document save, drafts, XLSX, PDF, CSV) goes through here:
 * a temporary file created exclusively in the target's directory (never a
 * predictable name, never reopened by name), every write, flush and close
 * checked, fsync, rename over the target, fsync of the directory. On any
 * failure the temporary file is removed and the target is left
 * byte-identical. A symbolic link is followed (the file it points to is
 * replaced, the link stays); a target that exists and is not a regular file
 * is refused. The permissions (and, when allowed, the owner) of an existing
 * target are kept; a new file gets 0666 less the umask.
 *
 * Errors are in G_IO_ERROR (g_io_error_from_errno codes, and
 * G_IO_ERROR_NOT_REGULAR_FILE / G_IO_ERROR_IS_DIRECTORY for refused targets)
 * with a translated message that names the path and says the cause in plain
 * words ("the disk is full").
 *
 * Fault injection (tests, and anyone reproducing a report): the environment
 * variable ENT_BUDGET_FAULT=STEP[:N]:ERRNO makes the Nth (default 1st) STEP
 * of each safe file fail with ERRNO, where STEP is one of create, write,
 * fsync, close, backup, rename, and ERRNO a name such as ENOSPC, EIO,
 * EACCES, EROFS, EDQUOT, EXDEV. It is read when a safe file is created.
 */
#pragma once

#include <glib.h>

#include "ent-enum-types.h"

G_BEGIN_DECLS

typedef enum
{
  ENT_SAFE_FILE_NONE        = 0,
  /* keep the previous target as "FILE~" (one generation) */
  ENT_SAFE_FILE_BACKUP      = 1 << 0,
  /* for a library that can only write by name (libxlsxwriter): instead of a
   * temporary file, a private directory (mode 0700) is made next to the
   * target; the library writes ent_safe_file_get_private_path() and, on
   * commit, that file is synced and moved over the target. */
  ENT_SAFE_FILE_PRIVATE_DIR = 1 << 1,
} EntSafeFileFlags;

typedef struct _EntSafeFile EntSafeFile;

EntSafeFile *ent_safe_file_new              (const char        *path,
                                             EntSafeFileFlags   flags,
                                             GError           **error);
/* The target as given, and the regular file that will be replaced (the
 * target with its symbolic links resolved). */
const char  *ent_safe_file_get_path         (EntSafeFile       *self);
const char  *ent_safe_file_get_target       (EntSafeFile       *self);
/* ENT_SAFE_FILE_PRIVATE_DIR only: where the library writes, and the private
 * directory (for the library's own temporary files). */
const char  *ent_safe_file_get_private_path (EntSafeFile       *self);
const char  *ent_safe_file_get_private_dir  (EntSafeFile       *self);
/* Writes all of @data (retrying short writes). Not with PRIVATE_DIR. */
gboolean     ent_safe_file_write            (EntSafeFile       *self,
                                             const void        *data,
                                             gsize              length,
                                             GError           **error);
/* fsync, close, optional backup, rename over the target, fsync of the
 * directory. On failure the target is untouched and nothing is left. After
 * it (either way) only ent_safe_file_free() may be called. */
gboolean     ent_safe_file_commit           (EntSafeFile       *self,
                                             GError           **error);
/* Removes the temporary file (or directory) unless committed. */
void         ent_safe_file_free             (EntSafeFile       *self);

/* Writes @data to @path through a safe file. */
gboolean     ent_safe_file_set_contents     (const char        *path,
                                             const void        *data,
                                             gsize              length,
                                             EntSafeFileFlags   flags,
                                             GError           **error);

/* Sets @error to "Cannot write “PATH”: CAUSE" with @saved_errno's cause in
 * plain words: for writers that report errno from a library (cairo's stream,
 * libxlsxwriter). */
void         ent_safe_file_set_error        (GError           **error,
                                             const char        *path,
                                             int                saved_errno);
/* The cause alone, in plain words ("the disk is full"). */
const char  *ent_safe_file_describe_errno   (int                saved_errno);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EntSafeFile, ent_safe_file_free)

G_END_DECLS
