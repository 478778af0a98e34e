/* ent-csv-match.c: how an import compares names, and which rows its selection keeps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Names compare by key: without accents, case or punctuation, the Ministry's
 * "ST"/"STE" read as "SAINT"/"SAINTE", so that the commune a user types finds
 * the file's upper-case one. A commune that finds nothing is answered with
 * the closest ones the file has (an edit distance over the keys).
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ent-csv-match.h"
#include "ent-text.h"

typedef struct
{
  const char *name;
  guint       distance;
} Candidate;

/* Helpers */

static gboolean
is_mark (gunichar c)
{
  switch (g_unichar_type (c))
    {
    case G_UNICODE_SPACING_MARK:
    case G_UNICODE_ENCLOSING_MARK:
    case G_UNICODE_NON_SPACING_MARK:
      return TRUE;
    default:
      return FALSE;
    }
}

/* Levenshtein distance of two short keys (bytes: keys are case-folded
 * without accents, mostly ASCII). */
static guint
edit_distance (const char *a,
               const char *b)
{
  gsize n = strlen (a), m = strlen (b);
  g_autofree guint *row = g_new (guint, m + 1);

  for (gsize j = 0; j <= m; j++)
    row[j] = j;
  for (gsize i = 1; i <= n; i++)
    {
      guint diagonal = row[0];

      row[0] = i;
      for (gsize j = 1; j <= m; j++)
        {
          guint above = row[j];
          guint best = MIN (row[j] + 1, row[j - 1] + 1);

          row[j] = MIN (best, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
          diagonal = above;
        }
    }
  return row[m];
}

/* How far a commune of the file is from a typed one: a name that starts
 * with the typed words ("saint andre" → "saint andre lez lille") is close. */
static guint
commune_distance (const char *typed,
                  const char *candidate)
{
  gsize length = strlen (typed);

  if (g_str_has_prefix (candidate, typed) && candidate[length] == ' ')
    return 1;
  if (g_str_has_prefix (typed, candidate) && typed[strlen (candidate)] == ' ')
    return 1;
  return edit_distance (typed, candidate);
}

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *x = a;
  const Candidate *y = b;

  if (x->distance != y->distance)
    return x->distance < y->distance ? -1 : 1;
  return g_strcmp0 (x->name, y->name);
}

/* Public API (of the csv unit): keys */

char *
ent_csv_make_key (const char *text,
                  char        joiner)
{
  g_autofree char *nfd = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean pending = FALSE;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return g_strdup ("");

  nfd = g_utf8_normalize (text, -1, G_NORMALIZE_NFD);
  if (nfd == NULL)
    return g_strdup ("");

  for (const char *p = nfd; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_mark (c))
        continue;
      if (g_unichar_isalnum (c))
        {
          if (pending && out->len > 0)
            g_string_append_c (out, joiner);
          pending = FALSE;
          g_string_append_unichar (out, c);
        }
      else
        {
          pending = TRUE;
        }
    }

  return g_utf8_casefold (out->str, out->len);
}

char *
ent_csv_name_key (const char *commune,
                  const char *name)
{
  g_autofree char *commune_key = ent_csv_commune_key (commune);
  g_autofree char *school_key = ent_csv_make_key (name, ' ');

  return g_strconcat ("\n", commune_key, "\n", school_key, NULL);
}

char *
ent_csv_clean_text (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean pending = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if ((guchar) *p <= ' ' || *p == 0x7f)
        {
          pending = TRUE;
          continue;
        }
      if (pending && out->len > 0)
        g_string_append_c (out, ' ');
      pending = FALSE;
      g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

char *
ent_csv_normalize_postal_code (const char *text)
{
  g_autofree char *code = g_strstrip (g_strdup (text));
  gboolean digits = strlen (code) == 4;

  for (guint i = 0; digits && code[i] != '\0'; i++)
    digits = g_ascii_isdigit (code[i]);

  if (digits)
    return g_strconcat ("0", code, NULL);
  return g_steal_pointer (&code);
}

/* The département as the selection and the file may spell it. */
char *
ent_csv_normalize_departement (const char *text)
{
  g_autofree char *code = g_ascii_strup (text, -1);
  const char *p;

  g_strstrip (code);
  p = code;
  while (p[0] == '0' && p[1] != '\0')
    p++;
  return g_strdup (p);
}

/* Public API (of the csv unit): the selection */

void
ent_csv_matcher_init (EntCsvMatcher         *self,
                      const EntCsvSelection *selection)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) spellings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) uais = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) departements = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; selection != NULL && selection->uais != NULL &&
                    selection->uais[i] != NULL; i++)
    {
      char *uai = g_ascii_strup (selection->uais[i], -1);

      g_strstrip (uai);
      if (uai[0] == '\0')
        g_free (uai);
      else
        g_ptr_array_add (uais, uai);
    }

  for (guint i = 0; selection != NULL && selection->departements != NULL &&
                    selection->departements[i] != NULL; i++)
    {
      char *code = ent_csv_normalize_departement (selection->departements[i]);

      if (code[0] == '\0')
        g_free (code);
      else
        g_ptr_array_add (departements, code);
    }

  for (guint i = 0; selection != NULL && selection->communes != NULL &&
                    selection->communes[i] != NULL; i++)
    {
      char *key = ent_csv_commune_key (selection->communes[i]);

      if (key[0] == '\0')
        {
          g_free (key);
          continue;
        }
      g_ptr_array_add (keys, key);
      /* " Roubaix" from a list split without trimming must not become the
       * commune's name in the document */
      g_ptr_array_add (spellings, ent_csv_clean_text (selection->communes[i]));
    }

  for (guint i = 0; selection != NULL && selection->postal_codes != NULL &&
                    selection->postal_codes[i] != NULL; i++)
    {
      char *code = ent_csv_normalize_postal_code (selection->postal_codes[i]);

      if (code[0] == '\0')
        {
          g_free (code);
          continue;
        }
      g_ptr_array_add (codes, code);
    }

  /* An empty array has no storage yet: steal would give NULL, not an empty vector. */
  g_ptr_array_add (keys, NULL);
  g_ptr_array_add (spellings, NULL);
  g_ptr_array_add (codes, NULL);
  g_ptr_array_add (uais, NULL);
  g_ptr_array_add (departements, NULL);
  self->uais = (char **) g_ptr_array_free (g_steal_pointer (&uais), FALSE);
  self->departements = (char **) g_ptr_array_free (g_steal_pointer (&departements), FALSE);
  self->commune_hits = g_new0 (guint, keys->len);
  self->commune_keys = (char **) g_ptr_array_free (g_steal_pointer (&keys), FALSE);
  self->commune_spellings = (char **) g_ptr_array_free (g_steal_pointer (&spellings), FALSE);
  self->postal_codes = (char **) g_ptr_array_free (g_steal_pointer (&codes), FALSE);
  self->commune_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

void
ent_csv_matcher_clear (EntCsvMatcher *self)
{
  g_clear_pointer (&self->commune_keys, g_strfreev);
  g_clear_pointer (&self->commune_spellings, g_strfreev);
  g_clear_pointer (&self->postal_codes, g_strfreev);
  g_clear_pointer (&self->uais, g_strfreev);
  g_clear_pointer (&self->departements, g_strfreev);
  g_clear_pointer (&self->commune_cache, g_hash_table_unref);
  g_clear_pointer (&self->commune_hits, g_free);
}

gboolean
ent_csv_matcher_has_communes (EntCsvMatcher *self)
{
  return self->commune_keys[0] != NULL;
}

gboolean
ent_csv_matcher_has_postal_codes (EntCsvMatcher *self)
{
  return self->postal_codes[0] != NULL;
}

gboolean
ent_csv_matcher_has_uais (EntCsvMatcher *self)
{
  return self->uais[0] != NULL;
}

gboolean
ent_csv_matcher_has_departements (EntCsvMatcher *self)
{
  return self->departements[0] != NULL;
}

int
ent_csv_matcher_match_commune (EntCsvMatcher *self,
                               const char    *commune)
{
  gpointer value;
  g_autofree char *key = NULL;
  int match = 0;

  if (g_hash_table_lookup_extended (self->commune_cache, commune, NULL, &value))
    return GPOINTER_TO_INT (value);

  key = ent_csv_commune_key (commune);
  for (guint i = 0; self->commune_keys[i] != NULL; i++)
    if (g_str_equal (key, self->commune_keys[i]))
      {
        match = i + 1;
        break;
      }

  g_hash_table_insert (self->commune_cache, g_strdup (commune), GINT_TO_POINTER (match));
  return match;
}

gboolean
ent_csv_matcher_match_postal_code (EntCsvMatcher *self,
                                   const char    *code)
{
  g_autofree char *normal = ent_csv_normalize_postal_code (code);

  return g_strv_contains ((const char * const *) self->postal_codes, normal);
}

gboolean
ent_csv_matcher_match_uai (EntCsvMatcher *self,
                           const char    *uai)
{
  char upper[16];
  gsize i;

  for (i = 0; uai[i] != '\0' && i < sizeof upper - 1; i++)
    upper[i] = g_ascii_toupper (uai[i]);
  upper[i] = '\0';
  return g_strv_contains ((const char * const *) self->uais, upper);
}

gboolean
ent_csv_matcher_match_departement (EntCsvMatcher *self,
                                   const char    *code)
{
  g_autofree char *normal = ent_csv_normalize_departement (code);

  return g_strv_contains ((const char * const *) self->departements, normal);
}

const char *
ent_csv_matcher_spelling (EntCsvMatcher *self,
                          int            match,
                          const char    *as_given)
{
  return match > 0 ? self->commune_spellings[match - 1] : as_given;
}

char *
ent_csv_matcher_describe (EntCsvMatcher *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; self->commune_spellings[i] != NULL; i++)
    g_string_append_printf (text, "%s%s", i > 0 ? ", " : "", self->commune_spellings[i]);
  for (guint i = 0; self->postal_codes[i] != NULL; i++)
    g_string_append_printf (text, "%s%s", text->len > 0 ? ", " : "", self->postal_codes[i]);
  for (guint i = 0; self->uais[i] != NULL; i++)
    g_string_append_printf (text, "%s%s", text->len > 0 ? ", " : "", self->uais[i]);
  for (guint i = 0; self->departements[i] != NULL; i++)
    g_string_append_printf (text, "%s%s", text->len > 0 ? ", " : "", self->departements[i]);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

char *
ent_csv_matcher_describe_closest (EntCsvMatcher *self,
                                  const char    *key)
{
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  GHashTableIter iter;
  gpointer raw;

  g_hash_table_iter_init (&iter, self->commune_cache);
  while (g_hash_table_iter_next (&iter, &raw, NULL))
    {
      char *candidate_key = ent_csv_commune_key (raw);
      Candidate candidate = { raw, 0 };

      if (candidate_key[0] == '\0')
        {
          g_free (candidate_key);
          continue;
        }
      /* (an equal key already there is freed by the table) */
      if (!g_hash_table_add (seen, candidate_key))
        continue;
      candidate.distance = commune_distance (key, candidate_key);
      g_array_append_val (candidates, candidate);
    }
  g_array_sort (candidates, compare_candidates);

  for (guint i = 0; i < MIN (candidates->len, 5); i++)
    {
      g_autofree char *clean = ent_csv_clean_text (g_array_index (candidates, Candidate, i).name);
      g_autofree char *shown = ent_text_escape_controls (clean, FALSE);

      /* Translators: a list separator, then a quoted commune */
      g_string_append_printf (text, i > 0 ? _(", “%s”") : _("“%s”"), shown);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Public API (ent-csv-import.h) */

char *
ent_csv_commune_key (const char *name)
{
  g_autofree char *key = ent_csv_make_key (name, ' ');
  g_auto(GStrv) words = NULL;

  if (strstr (key, "st") == NULL)
    return g_steal_pointer (&key);

  /* The Ministry abbreviates: ST ANDRE LEZ LILLE, STE MARIE KERQUE */
  words = g_strsplit (key, " ", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (g_str_equal (words[i], "st") || g_str_equal (words[i], "ste"))
        {
          char *saint = g_strconcat ("saint", words[i] + 2, NULL);

          g_free (words[i]);
          words[i] = saint;
        }
    }
  return g_strjoinv (" ", words);
}
