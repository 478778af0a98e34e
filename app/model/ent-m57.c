/* ent-m57.c: the M57 table, read once from the model library's resource
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ent-m57.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <gio/gio.h>

#include "ent-budget-accounts.h"
#include "ent-error.h"

#define TABLE_RESOURCE "/io/github/budgetent/BudgetEnt/accounts/m57.ini"

typedef struct
{
  char        *year;
  GHashTable  *labels[3];        /* per EntAccountKind: code → label */
  GPtrArray   *prefixes;         /* "611" style prefixes, longest first */
  GHashTable  *prefix_chapter;   /* prefix → chapter code */
} EntM57Table;

static const char *group_prefixes[] = {
  [ENT_ACCOUNT_CHAPTER]  = "Chapter ",
  [ENT_ACCOUNT_NATURE]   = "Nature ",
  [ENT_ACCOUNT_FUNCTION] = "Function ",
};

static int
compare_longest_first (gconstpointer a,
                       gconstpointer b)
{
  const char *pa = *(const char * const *) a;
  const char *pb = *(const char * const *) b;
  gsize la = strlen (pa), lb = strlen (pb);

  if (la != lb)
    return la > lb ? -1 : 1;
  return strcmp (pa, pb);
}

/* The table is part of the program: a broken one is a build mistake the
 * model tests catch, so it is reported loudly, never to the user. */
static EntM57Table *
load_table (void)
{
  EntM57Table *table = g_new0 (EntM57Table, 1);
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) groups = NULL;

  for (guint k = 0; k < G_N_ELEMENTS (table->labels); k++)
    table->labels[k] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  table->prefixes = g_ptr_array_new ();
  table->prefix_chapter = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  bytes = g_resource_lookup_data (ent_accounts_get_resource (), TABLE_RESOURCE,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL
      || !g_key_file_load_from_bytes (key_file, bytes, G_KEY_FILE_NONE, &error))
    {
      g_critical ("The M57 table %s cannot be read: %s", TABLE_RESOURCE, error->message);
      table->year = g_strdup ("");
      return table;
    }

  table->year = g_key_file_get_string (key_file, "Table", "year", NULL);
  if (table->year == NULL)
    table->year = g_strdup ("");

  groups = g_key_file_get_groups (key_file, NULL);
  for (guint i = 0; groups[i] != NULL; i++)
    for (guint k = 0; k < G_N_ELEMENTS (group_prefixes); k++)
      {
        const char *code;
        char *label;

        if (!g_str_has_prefix (groups[i], group_prefixes[k]))
          continue;
        code = groups[i] + strlen (group_prefixes[k]);
        label = g_key_file_get_string (key_file, groups[i], "label", NULL);
        if (label != NULL)
          g_hash_table_replace (table->labels[k], g_strdup (code), label);

        if (k == ENT_ACCOUNT_CHAPTER)
          {
            g_auto(GStrv) natures = g_key_file_get_string_list (key_file, groups[i],
                                                               "natures", NULL, NULL);

            for (guint n = 0; natures != NULL && natures[n] != NULL; n++)
              {
                char *prefix = g_strstrip (g_strdup (natures[n]));

                if (*prefix == '\0' || g_hash_table_contains (table->prefix_chapter, prefix))
                  {
                    g_free (prefix);
                    continue;
                  }
                g_hash_table_insert (table->prefix_chapter, prefix, g_strdup (code));
                g_ptr_array_add (table->prefixes, prefix);
              }
          }
      }
  g_ptr_array_sort (table->prefixes, compare_longest_first);
  return table;
}

static EntM57Table *
get_table (void)
{
  static gsize once = 0;
  static EntM57Table *table;

  if (g_once_init_enter (&once))
    {
      table = load_table ();
      g_once_init_leave (&once, 1);
    }
  return table;
}

const char *
ent_m57_get_year (void)
{
  return get_table ()->year;
}

const char *
ent_m57_get_label (EntAccountKind  kind,
                   const char     *code)
{
  g_return_val_if_fail (kind <= ENT_ACCOUNT_FUNCTION, NULL);

  if (code == NULL || *code == '\0')
    return NULL;
  return g_hash_table_lookup (get_table ()->labels[kind], code);
}

char *
ent_m57_format (EntAccountKind  kind,
                const char     *code)
{
  const char *label = ent_m57_get_label (kind, code);

  if (code == NULL || *code == '\0')
    return g_strdup ("");
  if (label == NULL)
    return g_strdup (code);
  /* an en dash, as the chart's printed editions separate code and label */
  return g_strdup_printf ("%s – %s", code, label);
}

const char *
ent_m57_get_nature_chapter (const char *nature)
{
  EntM57Table *table = get_table ();

  if (nature == NULL || *nature == '\0')
    return NULL;
  for (guint i = 0; i < table->prefixes->len; i++)
    {
      const char *prefix = g_ptr_array_index (table->prefixes, i);

      if (g_str_has_prefix (nature, prefix))
        return g_hash_table_lookup (table->prefix_chapter, prefix);
    }
  return NULL;
}

gboolean
ent_m57_check_imputation (const char  *chapter,
                          const char  *nature,
                          GError     **error)
{
  const char *expected = ent_m57_get_nature_chapter (nature);
  const char *label;

  if (expected == NULL || chapter == NULL || g_strcmp0 (expected, chapter) == 0)
    return TRUE;

  label = ent_m57_get_label (ENT_ACCOUNT_CHAPTER, expected);
  g_set_error (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_INVALID_VALUE,
               /* Translators: %1$s is a nature account (611), %2$s the chapter
                * it belongs to in the M57 chart (011), %3$s that chapter's
                * label, %4$s the chapter the document gives (65) */
               _("Nature %1$s belongs to chapter %2$s “%3$s” in the M57 chart, not to chapter %4$s"),
               nature, expected, label != NULL ? label : "", chapter);
  return FALSE;
}
