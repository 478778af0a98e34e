/* ent-test-utils.c: helpers the test programs share, over GLib and the model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "ent-test-utils.h"

/* A new folder in the temporary folder, named after @tmpl ("name-XXXXXX"). */
char *
ent_test_make_temp_dir (const char *tmpl)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp (tmpl, &error);

  g_assert_no_error (error);
  return dir;
}

/* Removes @path and everything under it, folders a test made unreadable or
 * unwritable included; a symbolic link is removed, never followed. */
void
ent_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (g_file_test (path, G_FILE_TEST_IS_SYMLINK) || !g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_remove (path);
      return;
    }
  g_chmod (path, 0700);
  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      ent_test_remove_tree (child);
    }
  g_rmdir (path);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The names in the folder @path, sorted, joined by spaces. */
char *
ent_test_list_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

char *
ent_test_read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

GBytes *
ent_test_read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

/* Writes the bundled example as @dir/@name and returns that file. */
GFile *
ent_test_write_example (const char *dir,
                        const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GBytes) bytes = g_resources_lookup_data (ENT_EXAMPLE_RESOURCE, 0, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (bytes);
  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

EntSchool *
ent_test_school_at (EntDocument *document,
                    guint        index)
{
  g_autoptr(EntSchool) school = g_list_model_get_item (ent_document_get_schools (document), index);

  return school;   /* the document keeps it */
}

EntScenario *
ent_test_scenario_at (EntDocument *document,
                      guint        index)
{
  g_autoptr(EntScenario) scenario = g_list_model_get_item (ent_document_get_scenarios (document), index);

  return scenario;   /* the document keeps it */
}

/* The school whose UAI is @uai, or NULL. */
EntSchool *
ent_test_find_school (EntDocument *document,
                      const char  *uai)
{
  GListModel *schools = ent_document_get_schools (document);

  for (guint i = 0; i < g_list_model_get_n_items (schools); i++)
    {
      g_autoptr(EntSchool) school = g_list_model_get_item (schools, i);

      if (g_strcmp0 (ent_school_get_uai (school), uai) == 0)
        return school;   /* the document keeps it */
    }
  return NULL;
}

/* The count known (typed or imported) for @school in @school_year, or -1
 * when that year is projected: one value to compare, where a projected year
 * and a count of 0 must differ. */
gint64
ent_test_school_known_count (EntSchool *school,
                             int        school_year)
{
  gint64 count = -1;

  if (!ent_school_get_known_pupils (school, school_year, &count))
    return -1;
  return count;
}
