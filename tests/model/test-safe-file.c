/* test-safe-file.c: the one write path (SPEC 10.1, 10.2)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every failure, injected at every step with the errors a full or broken
 * disk gives, leaves the target byte-identical and the folder as it was.
 * Symbolic links are followed, non-regular targets refused, permissions
 * kept, stale temporary files of a killed writer removed (and a live
 * writer's left alone), and, as root, a real full disk (a 64 KiB tmpfs).
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <sys/mount.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "ent-safe-file.h"

#include "ent-test-utils.h"

static const char old_content[] = "[Document]\nold=1\n";

static void
write_file (const char *path,
            const char *content,
            int         mode)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, content, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (path, mode), ==, 0);
}

static void
assert_content (const char *path,
                const char *expected)
{
  g_autofree char *data = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  g_assert_cmpuint (length, ==, strlen (expected));
  g_assert_cmpmem (data, length, expected, strlen (expected));
}

static int
file_mode (const char *path)
{
  struct stat st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 07777;
}

static int
current_umask (void)
{
  mode_t mask = umask (022);

  umask (mask);
  return mask;
}

/* ------------------------------------------------------------------- tests */

static void
test_new_and_replace (void)
{
  g_autofree char *dir = ent_test_make_temp_dir ("ent-safe-file-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "budget.entbudget", NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autoptr(GError) error = NULL;

  /* a new file: 0666 less the umask */
  g_assert_true (ent_safe_file_set_contents (path, "one", 3, ENT_SAFE_FILE_BACKUP, &error));
  g_assert_no_error (error);
  assert_content (path, "one");
  g_assert_cmpint (file_mode (path), ==, 0666 & ~current_umask ());
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));

  /* a private file stays private; the previous content becomes FILE~ */
  g_assert_cmpint (g_chmod (path, 0600), ==, 0);
  g_assert_true (ent_safe_file_set_contents (path, "two", 3, ENT_SAFE_FILE_BACKUP, &error));
  g_assert_no_error (error);
  assert_content (path, "two");
  assert_content (backup, "one");
  g_assert_cmpint (file_mode (path), ==, 0600);

  /* one generation of backup */
  g_assert_true (ent_safe_file_set_contents (path, "three", 5, ENT_SAFE_FILE_BACKUP, &error));
  assert_content (path, "three");
  assert_content (backup, "two");

  /* without the flag, no backup is touched */
  g_assert_true (ent_safe_file_set_contents (path, "four", 4, ENT_SAFE_FILE_NONE, &error));
  assert_content (backup, "two");
  {
    g_autofree char *names = ent_test_list_dir (dir);

    g_assert_cmpstr (names, ==, "budget.entbudget budget.entbudget~");
  }
  ent_test_remove_tree (dir);
}

static void
test_symlinks (void)
{
  g_autofree char *dir = ent_test_make_temp_dir ("ent-safe-file-XXXXXX");
  g_autofree char *real = g_build_filename (dir, "real.xlsx", NULL);
  g_autofree char *link = g_build_filename (dir, "link.xlsx", NULL);
  g_autofree char *chain = g_build_filename (dir, "chain.xlsx", NULL);
  g_autofree char *dangling = g_build_filename (dir, "dangling.pdf", NULL);
  g_autofree char *created = g_build_filename (dir, "created.pdf", NULL);
  g_autofree char *loop = g_build_filename (dir, "loop", NULL);
  g_autofree char *target = NULL;
  g_autoptr(GError) error = NULL;

  write_file (real, "old", 0640);
  g_assert_cmpint (symlink ("real.xlsx", link), ==, 0);   /* relative */
  g_assert_cmpint (symlink (link, chain), ==, 0);         /* absolute, to a link */

  g_assert_true (ent_safe_file_set_contents (chain, "new", 3, ENT_SAFE_FILE_NONE, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (chain, G_FILE_TEST_IS_SYMLINK));
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  assert_content (real, "new");
  g_assert_cmpint (file_mode (real), ==, 0640);

  /* a link to a file not there yet: the file is created, the link stays */
  g_assert_cmpint (symlink ("created.pdf", dangling), ==, 0);
  g_assert_true (ent_safe_file_set_contents (dangling, "pdf", 3, ENT_SAFE_FILE_NONE, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (dangling, G_FILE_TEST_IS_SYMLINK));
  assert_content (created, "pdf");
  target = g_file_read_link (dangling, NULL);
  g_assert_cmpstr (target, ==, "created.pdf");

  /* a loop is refused */
  g_assert_cmpint (symlink ("loop", loop), ==, 0);
  g_assert_false (ent_safe_file_set_contents (loop, "x", 1, ENT_SAFE_FILE_NONE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_TOO_MANY_LINKS);
  ent_test_remove_tree (dir);
}

static void
test_not_regular (void)
{
  g_autofree char *dir = ent_test_make_temp_dir ("ent-safe-file-XXXXXX");
  g_autofree char *fifo = g_build_filename (dir, "pipe.pdf", NULL);
  g_autofree char *folder = g_build_filename (dir, "folder.xlsx", NULL);
  g_autofree char *socket_path = g_build_filename (dir, "sock.csv", NULL);
  g_autofree char *to_fifo = g_build_filename (dir, "to-pipe.pdf", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  struct sockaddr_un address = { .sun_family = AF_UNIX };
  int sock;
  struct {
    const char *path;
    int code;
  } cases[] = {
    { fifo, G_IO_ERROR_NOT_REGULAR_FILE },
    { folder, G_IO_ERROR_IS_DIRECTORY },
    { socket_path, G_IO_ERROR_NOT_REGULAR_FILE },
    { to_fifo, G_IO_ERROR_NOT_REGULAR_FILE },   /* a link to the FIFO */
  };

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  sock = socket (AF_UNIX, SOCK_STREAM, 0);
  g_assert_cmpint (sock, >=, 0);
  g_strlcpy (address.sun_path, socket_path, sizeof address.sun_path);
  g_assert_cmpint (bind (sock, (struct sockaddr *) &address, sizeof address), ==, 0);
  g_assert_cmpint (symlink ("pipe.pdf", to_fifo), ==, 0);
  before = ent_test_list_dir (dir);

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    for (guint flags = 0; flags <= ENT_SAFE_FILE_PRIVATE_DIR; flags += ENT_SAFE_FILE_PRIVATE_DIR)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(EntSafeFile) file = ent_safe_file_new (cases[i].path, flags, &error);

        g_test_message ("%s", cases[i].path);
        g_assert_null (file);
        g_assert_error (error, G_IO_ERROR, cases[i].code);
        g_assert_nonnull (strstr (error->message, cases[i].path));
      }

  after = ent_test_list_dir (dir);
  g_assert_cmpstr (after, ==, before);
  g_assert_true (g_file_test (fifo, G_FILE_TEST_EXISTS) && !g_file_test (fifo, G_FILE_TEST_IS_REGULAR));
  close (sock);
  ent_test_remove_tree (dir);
}

static void
test_empty_path (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (ent_safe_file_set_contents ("", "x", 1, ENT_SAFE_FILE_NONE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME);
}

static void
test_missing_folder (void)
{
  g_autofree char *dir = ent_test_make_temp_dir ("ent-safe-file-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "no-such-folder", "out.pdf", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (ent_safe_file_set_contents (path, "x", 1, ENT_SAFE_FILE_NONE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "the folder does not exist"));
  ent_test_remove_tree (dir);
}

/* Every step, every error a disk gives: the target is byte-identical, its
 * backup too, and nothing is left in the folder. */
static void
test_faults (void)
{
  static const char *const steps[] = { "create", "write", "fsync", "close", "backup", "rename" };
  static const struct { const char *name; int code; const char *words; } errors[] = {
    { "ENOSPC", G_IO_ERROR_NO_SPACE, "the disk is full" },
    { "EIO", G_IO_ERROR_FAILED, "the disk reported a read or write error" },
    { "EDQUOT", G_IO_ERROR_FAILED, "your disk quota is used up" },
    { "EROFS", G_IO_ERROR_READ_ONLY, "the disk is read-only" },
    { "EACCES", G_IO_ERROR_PERMISSION_DENIED, "you are not allowed to write there" },
  };
  g_autofree char *dir = ent_test_make_temp_dir ("ent-safe-file-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "budget.entbudget", NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autofree char *before = NULL;
  GString *big = g_string_new (NULL);
  guint n_cases = 0;

  /* several writes per save, to fail in the middle */
  for (guint i = 0; i < 4096; i++)
    g_string_append (big, "[School 1]\nname=École\n");

  write_file (path, old_content, 0600);
  write_file (backup, "older", 0600);
  before = ent_test_list_dir (dir);

  for (gsize s = 0; s < G_N_ELEMENTS (steps); s++)
    for (gsize e = 0; e < G_N_ELEMENTS (errors); e++)
      for (guint flags = 0; flags <= ENT_SAFE_FILE_PRIVATE_DIR; flags += ENT_SAFE_FILE_PRIVATE_DIR)
        {
          g_autofree char *spec = NULL;
          g_autofree char *after = NULL;
          g_autoptr(GError) error = NULL;
          g_autoptr(EntSafeFile) file = NULL;
          gboolean ok;

          if (flags & ENT_SAFE_FILE_PRIVATE_DIR && g_str_equal (steps[s], "write"))
            continue;   /* the library writes, not us */

          /* the 2nd write: part of the file is already written */
          spec = g_strdup_printf ("%s:%u:%s", steps[s], g_str_equal (steps[s], "write") ? 2 : 1,
                                  errors[e].name);
          g_setenv ("ENT_BUDGET_FAULT", spec, TRUE);
          g_test_message ("fault %s%s", spec, flags ? " (private directory)" : "");

          file = ent_safe_file_new (path, flags | ENT_SAFE_FILE_BACKUP, &error);
          ok = file != NULL;
          if (ok && (flags & ENT_SAFE_FILE_PRIVATE_DIR))
            ok = g_file_set_contents (ent_safe_file_get_private_path (file), big->str, big->len, NULL);
          else if (ok)
            {
              /* in chunks, as a streaming writer does */
              for (gsize at = 0; ok && at < big->len; at += 8192)
                ok = ent_safe_file_write (file, big->str + at, MIN (8192, big->len - at), &error);
            }
          ok = ok && ent_safe_file_commit (file, &error);
          g_clear_pointer (&file, ent_safe_file_free);

          g_assert_false (ok);
          g_assert_error (error, G_IO_ERROR, errors[e].code);
          g_assert_nonnull (strstr (error->message, errors[e].words));
          g_assert_nonnull (strstr (error->message, path));
          assert_content (path, old_content);
          assert_content (backup, "older");
          g_assert_cmpint (file_mode (path), ==, 0600);
          after = ent_test_list_dir (dir);
          g_assert_cmpstr (after, ==, before);
          n_cases++;
        }
  g_unsetenv ("ENT_BUDGET_FAULT");
  g_test_message ("%u injected failures, target intact after each", n_cases);
  g_assert_cmpuint (n_cases, ==, 55);

  /* and without a fault the same write succeeds */
  g_assert_true (ent_safe_file_set_contents (path, big->str, big->len, ENT_SAFE_FILE_BACKUP, NULL));
  assert_content (path, big->str);
  assert_content (backup, old_content);
  g_string_free (big, TRUE);
  ent_test_remove_tree (dir);
}

/* A killed writer's temporary file is removed by the next write for that
 * target; a live writer's (locked) is left alone; others' files too. */
static void
test_stale_temporaries (void)
{
  g_autofree char *dir = ent_test_make_temp_dir ("ent-safe-file-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "budget.entbudget", NULL);
  g_autofree char *stale = g_build_filename (dir, ".budget.entbudget.Ab12Cd.part", NULL);
  g_autofree char *stale_dir = g_build_filename (dir, ".budget.entbudget.Zz99Yy.part.d", NULL);
  g_autofree char *stale_inner = g_build_filename (stale_dir, "output", NULL);
  g_autofree char *live = g_build_filename (dir, ".budget.entbudget.Li1ve0.part", NULL);
  g_autofree char *stale_backup = g_build_filename (dir, ".budget.entbudget~.0a1b2c.part", NULL);
  g_autofree char *other = g_build_filename (dir, ".other.entbudget.Ab12Cd.part", NULL);
  g_autofree char *mine = g_build_filename (dir, ".budget.entbudget.notours", NULL);
  g_autofree char *names = NULL;
  g_autoptr(GError) error = NULL;
  int live_fd;

  write_file (stale, "half", 0600);
  g_assert_cmpint (g_mkdir (stale_dir, 0700), ==, 0);
  write_file (stale_inner, "half", 0600);
  write_file (live, "writing", 0600);
  write_file (stale_backup, "old", 0600);
  write_file (other, "half", 0600);
  write_file (mine, "user's", 0600);
  live_fd = g_open (live, O_RDONLY, 0);
  g_assert_cmpint (flock (live_fd, LOCK_EX), ==, 0);

  g_assert_true (ent_safe_file_set_contents (path, "new", 3, ENT_SAFE_FILE_NONE, &error));
  g_assert_no_error (error);

  names = ent_test_list_dir (dir);
  g_assert_cmpstr (names, ==,
                   ".budget.entbudget.Li1ve0.part .budget.entbudget.notours "
                   ".other.entbudget.Ab12Cd.part budget.entbudget");
  close (live_fd);
  ent_test_remove_tree (dir);
}

/* A long name (NAME_MAX is 255 bytes) still gets a temporary file. */
static void
test_long_name (void)
{
  g_autofree char *dir = ent_test_make_temp_dir ("ent-safe-file-XXXXXX");
  GString *name = g_string_new (NULL);
  g_autofree char *path = NULL;
  g_autofree char *names = NULL;
  g_autoptr(GError) error = NULL;

  while (name->len < 240)
    g_string_append (name, "é");
  g_string_append (name, ".pdf");
  path = g_build_filename (dir, name->str, NULL);
  g_assert_true (ent_safe_file_set_contents (path, "pdf", 3, ENT_SAFE_FILE_NONE, &error));
  g_assert_no_error (error);
  assert_content (path, "pdf");
  names = ent_test_list_dir (dir);
  g_assert_cmpstr (names, ==, name->str);
  g_string_free (name, TRUE);
  ent_test_remove_tree (dir);
}

static void
test_private_dir (void)
{
  g_autofree char *dir = ent_test_make_temp_dir ("ent-safe-file-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "budget.xlsx", NULL);
  g_autofree char *names = NULL;
  g_autoptr(EntSafeFile) file = NULL;
  g_autoptr(GError) error = NULL;
  struct stat st;

  write_file (path, "old", 0640);
  file = ent_safe_file_new (path, ENT_SAFE_FILE_PRIVATE_DIR, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (ent_safe_file_get_private_dir (file), &st), ==, 0);
  g_assert_true (S_ISDIR (st.st_mode));
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_true (g_str_has_prefix (ent_safe_file_get_private_path (file),
                                   ent_safe_file_get_private_dir (file)));
  g_assert_true (g_file_set_contents (ent_safe_file_get_private_path (file), "new", 3, NULL));
  g_assert_true (ent_safe_file_commit (file, &error));
  g_assert_no_error (error);
  g_clear_pointer (&file, ent_safe_file_free);
  assert_content (path, "new");
  g_assert_cmpint (file_mode (path), ==, 0640);
  names = ent_test_list_dir (dir);
  g_assert_cmpstr (names, ==, "budget.xlsx");

  /* a library that wrote nothing: refused, target kept */
  file = ent_safe_file_new (path, ENT_SAFE_FILE_PRIVATE_DIR, &error);
  g_assert_false (ent_safe_file_commit (file, &error));
  g_assert_nonnull (error);
  g_clear_pointer (&file, ent_safe_file_free);
  assert_content (path, "new");
  g_free (names);
  names = ent_test_list_dir (dir);
  g_assert_cmpstr (names, ==, "budget.xlsx");
  ent_test_remove_tree (dir);
}

/* As root: a real full disk, a 64 KiB tmpfs. */
static void
test_real_full_disk (void)
{
  g_autofree char *dir = ent_test_make_temp_dir ("ent-safe-file-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "budget.pdf", NULL);
  g_autofree char *names = NULL;
  g_autoptr(GError) error = NULL;
  gsize size = 256 * 1024;
  g_autofree char *big = g_malloc (size);

  if (geteuid () != 0 || mount ("tmpfs", dir, "tmpfs", 0, "size=64k") != 0)
    {
      g_test_skip ("needs root to mount a small tmpfs (CI runs as root)");
      g_rmdir (dir);
      return;
    }
  memset (big, 'x', size);
  write_file (path, old_content, 0644);

  g_assert_false (ent_safe_file_set_contents (path, big, size, ENT_SAFE_FILE_BACKUP, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_assert_nonnull (strstr (error->message, "the disk is full"));
  assert_content (path, old_content);
  names = ent_test_list_dir (dir);
  g_assert_cmpstr (names, ==, "budget.pdf");

  g_assert_cmpint (umount (dir), ==, 0);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_unsetenv ("ENT_BUDGET_FAULT");

  g_test_add_func ("/model/safe-file/new-and-replace", test_new_and_replace);
  g_test_add_func ("/model/safe-file/symlinks", test_symlinks);
  g_test_add_func ("/model/safe-file/not-regular", test_not_regular);
  g_test_add_func ("/model/safe-file/empty-path", test_empty_path);
  g_test_add_func ("/model/safe-file/missing-folder", test_missing_folder);
  g_test_add_func ("/model/safe-file/faults", test_faults);
  g_test_add_func ("/model/safe-file/stale-temporaries", test_stale_temporaries);
  g_test_add_func ("/model/safe-file/long-name", test_long_name);
  g_test_add_func ("/model/safe-file/private-dir", test_private_dir);
  g_test_add_func ("/model/safe-file/real-full-disk", test_real_full_disk);

  return g_test_run ();
}
