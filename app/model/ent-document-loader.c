/* ent-document-loader.c: a .entbudget key file made into an EntDocument (SPEC 6)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each group becomes the objects it describes, read key by key through
 * ent-keyfile-reader.h, whose errors name the file, the line, the group and
 * the key; then the document is checked as a whole (a current scenario that
 * exists, at least one tariff period and one scenario). Unknown groups and
 * keys are kept in the document's extras, with a warning each, for the
 * writer to save back.
 *
 * Loading checks each value against the rules of ent-validate.h and never
 * runs the engine: a document the window saved always opens, and a budget
 * that cannot be computed is the window's and the command line's to report
 * (SPEC 10.4). Loading is linear in the size of the file: every lookup is a
 * hash lookup and the schools are added at once (SPEC 10.6).
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <inttypes.h>

#include "ent-document-format.h"
#include "ent-document-private.h"
#include "ent-keyfile-reader.h"
#include "ent-money.h"
#include "ent-validate.h"

#define READ_CHUNK_SIZE   (64 * 1024)

static const char * const document_keys[] = {
  "format-version", "title", "payer", "payer-kind", "insee", "siret", "scenario", NULL
};
static const char * const contract_keys[] = {
  "first-school-year", "school-years", "payment-start", "billing", NULL
};
static const char * const tariff_keys[] = {
  "base-per-pupil", "optional-per-pupil", "half-day", "reference", NULL
};
static const char * const imputation_keys[] = {
  "chapter", "nature", "function",
  "optional-chapter", "optional-nature", "optional-function",
  "specific-chapter", "specific-nature", "specific-function", "split-functions", NULL
};
static const char * const school_keys[] = {
  "name", "commune", "insee", "uai", "pupils", "pupils-source", "opens", "closes", "level", NULL
};
static const char * const scenario_keys[] = {
  "name", "optional-support", "half-days", "projection", "projection-rate",
  "tariff-increase", NULL
};

/* A numbered group ([School N], [Scenario N]) met in the file. */
typedef struct
{
  const char *group;
  gint64      number;
} NumberedGroup;

typedef struct
{
  EntKeyfileReader *reader;
  const char       *name;      /* display name of the file, for messages (the reader's) */
  GKeyFile         *key_file;  /* the reader's */
  EntDocument      *document;
  gint64            scenario;  /* [Document] scenario: the current one, from 1; 0 when absent */
} Loader;

static void
loader_clear (Loader *self)
{
  g_clear_object (&self->document);
  g_clear_pointer (&self->reader, ent_keyfile_reader_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Loader, loader_clear)

/* Helpers: unknown keys and groups */

static gboolean
is_known_key (const char * const *known,
              const char         *key)
{
  return g_strv_contains (known, key);
}

/* @keys of @group that the format does not know, localized ones ("name[fr]")
 * included: kept, with a warning each. */
static void
keep_unknown_keys (Loader             *self,
                   const char         *group,
                   const char         *saved_group,
                   char              **keys,
                   const char * const *known)
{
  GKeyFile *extras = ent_document_get_extras (self->document);

  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autofree char *value = NULL;
      g_autofree char *warning = NULL;

      if (is_known_key (known, keys[i]))
        continue;

      value = g_key_file_get_value (self->key_file, group, keys[i], NULL);
      g_key_file_set_value (extras, saved_group, keys[i], value != NULL ? value : "");

      /* Translators: file name, line, [group] key */
      warning = g_strdup_printf (_("%s:%d: [%s] %s: unknown key, kept as it is"), self->name,
                                 ent_keyfile_reader_lookup_line (self->reader, group, keys[i]),
                                 group, keys[i]);
      ent_document_add_load_warning (self->document, warning);
    }
}

static gboolean
keep_unknown_group (Loader      *self,
                    const char  *group,
                    GError     **error)
{
  g_auto(GStrv) keys = ent_keyfile_reader_dup_group_keys (self->reader, group, error);
  GKeyFile *extras = ent_document_get_extras (self->document);
  g_autofree char *warning = NULL;

  if (keys == NULL)
    return FALSE;

  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autofree char *value = g_key_file_get_value (self->key_file, group, keys[i], NULL);

      g_key_file_set_value (extras, group, keys[i], value != NULL ? value : "");
    }

  /* An empty group is kept too */
  if (keys[0] == NULL)
    ent_document_format_add_empty_group (extras, group);

  /* Translators: file name, line, [group] */
  warning = g_strdup_printf (_("%s:%d: [%s]: unknown group, kept as it is"), self->name,
                             ent_keyfile_reader_lookup_line (self->reader, group, NULL), group);
  ent_document_add_load_warning (self->document, warning);
  return TRUE;
}

/* Helpers: the groups */

static gboolean
load_document_group (Loader  *self,
                     GError **error)
{
  const char *group = ENT_GROUP_DOCUMENT;
  g_autoptr(GError) reason = NULL;
  g_autofree char *version_text = NULL;
  g_autofree char *title = NULL;
  g_autofree char *payer = NULL;
  g_autofree char *kind_text = NULL;
  g_autofree char *insee = NULL;
  g_autofree char *siret_text = NULL;
  g_autofree char *siret = NULL;
  g_autofree char *scenario_text = NULL;
  g_auto(GStrv) keys = NULL;
  gint64 version;

  if (!g_key_file_has_group (self->key_file, group))
    return g_set_error (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_MISSING,
                        /* Translators: file name, then a group name */
                        _("%s: the [%s] group is missing: this is not a Budget ENT document"),
                        self->name, group), FALSE;
  if ((keys = ent_keyfile_reader_dup_group_keys (self->reader, group, error)) == NULL)
    return FALSE;

  if (!ent_keyfile_reader_read_required_string (self->reader, group, "format-version",
                                                &version_text, error))
    return FALSE;
  if (!ent_keyfile_reader_is_integer_syntax (version_text))
    {
      g_autofree char *quoted = ent_keyfile_reader_dup_excerpt (version_text);

      return ent_keyfile_reader_fail (self->reader, error, ENT_MODEL_ERROR_INVALID_VALUE,
                                      group, "format-version", _("“%s” is not a version number"),
                                      quoted);
    }
  if (!ent_keyfile_reader_parse_whole (version_text, &version))
    version = version_text[0] == '-' ? G_MININT64 : G_MAXINT64;
  if (version < 1)
    return ent_keyfile_reader_fail (self->reader, error, ENT_MODEL_ERROR_OUT_OF_RANGE,
                                    group, "format-version",
                                    _("%" PRId64 " is not a version number"), version);
  if (version > ENT_DOCUMENT_FORMAT_VERSION)
    {
      g_autofree char *quoted = ent_keyfile_reader_dup_excerpt (version_text);

      return ent_keyfile_reader_fail (self->reader, error, ENT_MODEL_ERROR_VERSION,
                                      group, "format-version",
                                      _("the document was written in format %s by a newer version of "
                                        "ENT Budget, which reads formats up to %d: please update the application"),
                                      quoted, ENT_DOCUMENT_FORMAT_VERSION);
    }

  if (!ent_keyfile_reader_read_name (self->reader, group, "title", &title, error)
      || !ent_keyfile_reader_read_name (self->reader, group, "payer", &payer, error)
      || !ent_keyfile_reader_read_string (self->reader, group, "payer-kind", &kind_text, error)
      || !ent_keyfile_reader_read_text (self->reader, group, "insee", &insee, error)
      || !ent_keyfile_reader_read_text (self->reader, group, "siret", &siret_text, error)
      || !ent_keyfile_reader_read_string (self->reader, group, "scenario", &scenario_text, error))
    return FALSE;

  /* the current scenario, checked against the scenarios once they are read */
  if (scenario_text != NULL && *scenario_text != '\0')
    {
      g_autofree char *quoted = ent_keyfile_reader_dup_excerpt (scenario_text);

      if (!ent_keyfile_reader_is_integer_syntax (scenario_text)
          || !ent_keyfile_reader_parse_whole (scenario_text, &self->scenario)
          || self->scenario < 1)
        return ent_keyfile_reader_fail (self->reader, error, ENT_MODEL_ERROR_INVALID_VALUE,
                                        group, "scenario",
                                        _("“%s” is not the number of a scenario (1 for the first)"),
                                        quoted);
    }

  if (kind_text != NULL && *kind_text != '\0')
    {
      EntPayerKind kind;

      if (!ent_payer_kind_from_string (kind_text, &kind))
        {
          g_autofree char *quoted = ent_keyfile_reader_dup_excerpt (kind_text);

          return ent_keyfile_reader_fail (self->reader, error, ENT_MODEL_ERROR_INVALID_VALUE,
                                          group, "payer-kind",
                                          _("“%s” is not a payer kind (commune or epci)"), quoted);
        }
      ent_document_set_payer_kind (self->document, kind);
    }

  if (insee != NULL && !ent_validate_insee (insee, &reason))
    return ent_keyfile_reader_fail_rule (self->reader, error, group, "insee", reason);
  /* spaces taken out, as the Assumptions page does with a pasted SIRET */
  if (siret_text != NULL && (siret = ent_validate_dup_siret (siret_text, &reason)) == NULL)
    return ent_keyfile_reader_fail_rule (self->reader, error, group, "siret", reason);

  if (title != NULL)
    ent_document_set_title (self->document, title);
  if (payer != NULL)
    ent_document_set_payer (self->document, payer);
  if (insee != NULL)
    ent_document_set_insee (self->document, insee);
  if (siret != NULL)
    ent_document_set_siret (self->document, siret);

  keep_unknown_keys (self, group, group, keys, document_keys);
  return TRUE;
}

/* The payment start is only checked to be a date a document can hold: the
 * window lets the school years change after it, and a payment start outside
 * the contract is the engine's to report, once the document is open. */
static gboolean
load_contract_group (Loader  *self,
                     GError **error)
{
  const char *group = ENT_GROUP_CONTRACT;
  EntContract *contract = ent_document_get_contract (self->document);
  g_autofree char *billing_text = NULL;
  EntBilling billing = ENT_BILLING_ANNUAL;
  gint64 first_year = 0;
  gint64 n_years = 0;
  g_auto(GStrv) keys = NULL;
  GDate payment_start;

  if (!g_key_file_has_group (self->key_file, group))
    return g_set_error (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_MISSING,
                        _("%s: the [%s] group is missing"), self->name, group), FALSE;
  if ((keys = ent_keyfile_reader_dup_group_keys (self->reader, group, error)) == NULL)
    return FALSE;

  if (!ent_keyfile_reader_read_integer (self->reader, group, "first-school-year",
                                        ent_validate_first_school_year, &first_year, error)
      || !ent_keyfile_reader_read_integer (self->reader, group, "school-years",
                                           ent_validate_school_years, &n_years, error)
      || !ent_keyfile_reader_read_date (self->reader, group, "payment-start", &payment_start, error)
      || !ent_keyfile_reader_read_string (self->reader, group, "billing", &billing_text, error))
    return FALSE;

  if (billing_text != NULL && *billing_text != '\0'
      && !ent_billing_from_string (billing_text, &billing))
    {
      g_autofree char *quoted = ent_keyfile_reader_dup_excerpt (billing_text);

      return ent_keyfile_reader_fail (self->reader, error, ENT_MODEL_ERROR_INVALID_VALUE,
                                      group, "billing",
                                      _("“%s” is not a billing mode (annual or prorata)"), quoted);
    }

  ent_contract_set_first_school_year (contract, (int) first_year);
  ent_contract_set_school_years (contract, (int) n_years);
  ent_contract_set_payment_start (contract, &payment_start);
  ent_contract_set_billing (contract, billing);

  keep_unknown_keys (self, group, group, keys, contract_keys);
  return TRUE;
}

static gboolean
load_imputation_group (Loader  *self,
                       GError **error)
{
  const char *group = ENT_GROUP_IMPUTATION;
  /* values[line * 3 + field], NULL when absent */
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) keys = NULL;

  if (!g_key_file_has_group (self->key_file, group))
    return TRUE;
  if ((keys = ent_keyfile_reader_dup_group_keys (self->reader, group, error)) == NULL)
    return FALSE;

  for (guint line = 0; line < ENT_N_LINES; line++)
    for (guint f = 0; f < 3; f++)
      {
        g_autoptr(GError) reason = NULL;
        g_autofree char *key = ent_document_format_dup_imputation_key (line, f);
        char *value = NULL;

        if (!ent_keyfile_reader_read_text (self->reader, group, key, &value, error))
          return FALSE;
        if (value != NULL && !ent_validate_imputation_code ((EntImputationPart) f, value, &reason))
          {
            g_free (value);
            return ent_keyfile_reader_fail_rule (self->reader, error, group, key, reason);
          }
        g_ptr_array_add (values, value);
      }

  /* Absent base keys keep the document's defaults */
  if (values->pdata[0] == NULL)
    values->pdata[0] = g_strdup (ent_document_get_chapter (self->document, ENT_LINE_BASE));
  if (values->pdata[1] == NULL)
    values->pdata[1] = g_strdup (ent_document_get_nature (self->document, ENT_LINE_BASE));
  if (values->pdata[2] == NULL)
    values->pdata[2] = g_strdup (ent_document_get_function (self->document, ENT_LINE_BASE));

  /* Absent optional-* and specific-* keys follow the base line */
  for (guint line = 0; line < ENT_N_LINES; line++)
    {
      const char *v[3];

      for (guint f = 0; f < 3; f++)
        {
          v[f] = g_ptr_array_index (values, line * 3 + f);
          if (v[f] == NULL)
            v[f] = g_ptr_array_index (values, f);
        }
      ent_document_set_imputation (self->document, line, v[0], v[1], v[2]);
    }

  {
    g_autofree char *split = NULL;

    if (!ent_keyfile_reader_read_string (self->reader, group, "split-functions", &split, error))
      return FALSE;
    if (split != NULL && *split != '\0')
      {
        if (g_ascii_strcasecmp (split, "true") == 0)
          ent_document_set_split_functions (self->document, TRUE);
        else if (g_ascii_strcasecmp (split, "false") != 0)
          {
            g_autofree char *quoted = ent_keyfile_reader_dup_excerpt (split);

            return ent_keyfile_reader_fail (self->reader, error, ENT_MODEL_ERROR_INVALID_VALUE,
                                            group, "split-functions",
                                            _("“%s” is not true or false"), quoted);
          }
      }
  }

  keep_unknown_keys (self, group, group, keys, imputation_keys);
  return TRUE;
}

static gboolean
load_tariff_group (Loader      *self,
                   const char  *group,
                   GHashTable  *seen_dates,
                   GError     **error)
{
  const char *date_text = group + strlen (ENT_PREFIX_TARIFF);
  g_autoptr(EntTariffPeriod) period = NULL;
  g_autoptr(GError) reason = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *canonical_date = NULL;
  g_autofree char *saved_group = NULL;
  g_autofree char *trimmed = NULL;
  g_autoptr(GError) local_error = NULL;
  gint64 base = 0, optional = 0, half_day = 0;
  g_auto(GStrv) keys = NULL;
  gpointer previous_line;
  GDate valid_from;

  if ((keys = ent_keyfile_reader_dup_group_keys (self->reader, group, error)) == NULL)
    return FALSE;

  trimmed = g_strstrip (g_strdup (date_text));
  if (!ent_keyfile_reader_parse_date (trimmed, &valid_from))
    {
      g_autofree char *quoted = ent_keyfile_reader_dup_excerpt (trimmed);

      return ent_keyfile_reader_fail (self->reader, error, ENT_MODEL_ERROR_INVALID_VALUE,
                                      group, NULL,
                                      _("“%s” is not a date (YYYY-MM-DD): write a tariff group as [Tariff 2023-09-01]"),
                                      quoted);
    }
  if (!ent_validate_tariff_date (&valid_from, &reason))
    return ent_keyfile_reader_fail_rule (self->reader, error, group, NULL, reason);

  canonical_date = ent_document_format_date (&valid_from);
  if (g_hash_table_lookup_extended (seen_dates, canonical_date, NULL, &previous_line))
    return ent_keyfile_reader_fail (self->reader, error, ENT_MODEL_ERROR_DUPLICATE, group, NULL,
                                    _("another tariff period already starts on %s (line %d)"),
                                    canonical_date, GPOINTER_TO_INT (previous_line));
  g_hash_table_insert (seen_dates, g_strdup (canonical_date),
                       GINT_TO_POINTER (ent_keyfile_reader_lookup_line (self->reader, group, NULL)));

  if (!ent_keyfile_reader_read_amount (self->reader, group, "base-per-pupil", TRUE, &base, error)
      || !ent_keyfile_reader_read_amount (self->reader, group, "optional-per-pupil", FALSE,
                                          &optional, error)
      || !ent_keyfile_reader_read_amount (self->reader, group, "half-day", FALSE, &half_day, error)
      || !ent_keyfile_reader_read_name (self->reader, group, "reference", &reference, error))
    return FALSE;

  period = ent_tariff_period_new (&valid_from, base, optional, half_day,
                                  reference != NULL ? reference : "");
  if (!ent_tariff_schedule_add (ent_document_get_tariffs (self->document), period, &local_error))
    return ent_keyfile_reader_fail (self->reader, error, ENT_MODEL_ERROR_DUPLICATE, group, NULL,
                                    "%s", local_error->message);

  saved_group = g_strconcat (ENT_PREFIX_TARIFF, canonical_date, NULL);
  keep_unknown_keys (self, group, saved_group, keys, tariff_keys);
  return TRUE;
}

/* "pupils-source=2023:open-data;2024:manual" (SPEC 3, 6). A count the list
 * does not name is "manual": documents written before sources existed load
 * as they were, their counts being what a person typed. */
static gboolean
read_count_sources (Loader      *self,
                    const char  *group,
                    EntSchool   *school,
                    const char  *text,
                    GError     **error)
{
  g_autoptr(GHashTable) years = g_hash_table_new (NULL, NULL);
  g_auto(GStrv) items = ent_keyfile_reader_split_list (text != NULL ? text : "");

  for (guint i = 0; items[i] != NULL; i++)
    {
      g_autofree char *quoted = ent_keyfile_reader_dup_excerpt (items[i]);
      const char *colon = strchr (items[i], ':');
      g_autofree char *year_text = NULL;
      g_autofree char *source_text = NULL;
      g_autoptr(GError) reason = NULL;
      EntCountSource source;
      gint64 year;
      gint64 count;

      if (colon == NULL)
        return ent_keyfile_reader_fail (self->reader, error, ENT_MODEL_ERROR_INVALID_VALUE,
                                        group, "pupils-source", _("“%s” is not YEAR:SOURCE"),
                                        quoted);
      year_text = g_strstrip (g_strndup (items[i], colon - items[i]));
      source_text = g_strstrip (g_strdup (colon + 1));
      if (!ent_keyfile_reader_is_integer_syntax (year_text)
          || !ent_keyfile_reader_parse_whole (year_text, &year))
        return ent_keyfile_reader_fail (self->reader, error, ENT_MODEL_ERROR_INVALID_VALUE,
                                        group, "pupils-source", _("“%s” is not YEAR:SOURCE"),
                                        quoted);
      if (!ent_validate_count_school_year (year, &reason))
        return ent_keyfile_reader_fail (self->reader, error, reason->code, group, "pupils-source",
                                        _("%s in “%s”"), reason->message, quoted);
      if (!ent_count_source_from_string (source_text, &source))
        return ent_keyfile_reader_fail (self->reader, error, ENT_MODEL_ERROR_INVALID_VALUE,
                                        group, "pupils-source",
                                        /* Translators: an item such as "2023:open-data"; the two words are
                                         * the file's, not to be translated */
                                        _("the source in “%s” is neither “open-data” nor “manual”"),
                                        quoted);
      if (!g_hash_table_add (years, GINT_TO_POINTER ((int) year)))
        return ent_keyfile_reader_fail (self->reader, error, ENT_MODEL_ERROR_DUPLICATE,
                                        group, "pupils-source", _("school year %d is given twice"),
                                        (int) year);
      if (!ent_school_get_known_pupils (school, (int) year, &count))
        return ent_keyfile_reader_fail (self->reader, error, ENT_MODEL_ERROR_INVALID_VALUE,
                                        group, "pupils-source",
                                        /* Translators: a school year as 2023, then the key's name */
                                        _("school year %d has a source but no count in “%s”"),
                                        (int) year, "pupils");
      ent_school_set_known_pupils_from (school, (int) year, count, source);
    }
  return TRUE;
}

static EntSchool *
load_school_group (Loader      *self,
                   const char  *group,
                   guint        index,
                   GError     **error)
{
  g_autoptr(EntSchool) school = NULL;
  g_autoptr(GHashTable) years = g_hash_table_new (NULL, NULL);
  g_autofree char *name = NULL;
  g_autofree char *commune = NULL;
  g_autofree char *insee = NULL;
  g_autofree char *uai = NULL;
  g_autofree char *pupils = NULL;
  g_autofree char *sources = NULL;
  g_autofree char *saved_group = NULL;
  g_autofree char *level_text = NULL;
  g_auto(GStrv) items = NULL;
  g_auto(GStrv) keys = NULL;
  EntSchoolLevel level = ENT_SCHOOL_LEVEL_UNKNOWN;
  gint64 opens = ENT_SCHOOL_YEAR_NONE;
  gint64 closes = ENT_SCHOOL_YEAR_NONE;

  if ((keys = ent_keyfile_reader_dup_group_keys (self->reader, group, error)) == NULL)
    return NULL;

  if (!ent_keyfile_reader_read_name (self->reader, group, "name", &name, error)
      || !ent_keyfile_reader_read_name (self->reader, group, "commune", &commune, error)
      || !ent_keyfile_reader_read_name (self->reader, group, "insee", &insee, error)
      || !ent_keyfile_reader_read_string (self->reader, group, "uai", &uai, error)
      || !ent_keyfile_reader_read_string (self->reader, group, "pupils", &pupils, error)
      || !ent_keyfile_reader_read_string (self->reader, group, "pupils-source", &sources, error)
      || !ent_keyfile_reader_read_optional_school_year (self->reader, group, "opens", &opens, error)
      || !ent_keyfile_reader_read_optional_school_year (self->reader, group, "closes", &closes,
                                                        error)
      || !ent_keyfile_reader_read_string (self->reader, group, "level", &level_text, error))
    return NULL;
  if (level_text != NULL && !ent_school_level_from_string (level_text, &level))
    {
      g_autofree char *quoted = ent_keyfile_reader_dup_excerpt (level_text);

      return ent_keyfile_reader_fail (self->reader, error, ENT_MODEL_ERROR_INVALID_VALUE,
                                      group, "level",
                                      _("“%s” is not a school level (maternelle, elementaire or primaire)"),
                                      quoted), NULL;
    }
  {
    g_autoptr(GError) reason = NULL;

    if (!ent_validate_school_span ((int) opens, (int) closes, &reason))
      return ent_keyfile_reader_fail_rule (self->reader, error, group, "closes", reason), NULL;
  }

  if (uai != NULL && !ent_uai_is_valid (uai))
    {
      g_autofree char *quoted = ent_keyfile_reader_dup_excerpt (uai);

      return ent_keyfile_reader_fail (self->reader, error, ENT_MODEL_ERROR_INVALID_VALUE,
                                      group, "uai",
                                      _("“%s” is not a UAI (7 digits and a letter, e.g. 0590123A)"),
                                      quoted), NULL;
    }

  school = ent_school_new (name != NULL ? name : "", commune != NULL ? commune : "");
  if (insee != NULL)
    ent_school_set_commune_insee (school, insee);
  if (uai != NULL)
    ent_school_set_uai (school, uai);

  items = ent_keyfile_reader_split_list (pupils != NULL ? pupils : "");
  for (guint i = 0; items[i] != NULL; i++)
    {
      int year;
      gint64 count;

      if (!ent_keyfile_reader_parse_year_count (self->reader, group, "pupils", items[i],
                                                ent_validate_count_school_year,
                                                ent_validate_pupil_count, &year, &count, error))
        return NULL;
      if (!g_hash_table_add (years, GINT_TO_POINTER (year)))
        return ent_keyfile_reader_fail (self->reader, error, ENT_MODEL_ERROR_DUPLICATE,
                                        group, "pupils", _("school year %d is given twice"),
                                        year), NULL;
      ent_school_set_known_pupils (school, year, count);
    }

  if (!read_count_sources (self, group, school, sources, error))
    return NULL;
  ent_school_set_opens (school, (int) opens);
  ent_school_set_closes (school, (int) closes);
  ent_school_set_level (school, level);

  saved_group = g_strdup_printf (ENT_PREFIX_SCHOOL "%u", index);
  keep_unknown_keys (self, group, saved_group, keys, school_keys);
  return g_steal_pointer (&school);
}

static gboolean
load_scenario_group (Loader       *self,
                     const char   *group,
                     guint         index,
                     EntScenario **out_scenario,
                     GError      **error)
{
  g_autoptr(EntScenario) scenario = NULL;
  g_autoptr(GHashTable) years = g_hash_table_new (NULL, NULL);
  g_autofree char *name = NULL;
  g_autofree char *optional = NULL;
  g_autofree char *half_days = NULL;
  g_autofree char *projection_text = NULL;
  g_autofree char *saved_group = NULL;
  g_auto(GStrv) items = NULL;
  g_auto(GStrv) keys = NULL;
  EntProjection projection = ENT_PROJECTION_CONSTANT;
  gint64 rate = 0, increase = 0;

  if ((keys = ent_keyfile_reader_dup_group_keys (self->reader, group, error)) == NULL)
    return FALSE;

  if (!ent_keyfile_reader_read_name (self->reader, group, "name", &name, error)
      || !ent_keyfile_reader_read_string (self->reader, group, "optional-support", &optional, error)
      || !ent_keyfile_reader_read_string (self->reader, group, "half-days", &half_days, error)
      || !ent_keyfile_reader_read_string (self->reader, group, "projection", &projection_text,
                                          error)
      || !ent_keyfile_reader_read_percent (self->reader, group, "projection-rate",
                                           ENT_MIN_PROJECTION_RATE_BP, ENT_MAX_PROJECTION_RATE_BP,
                                           &rate, error)
      || !ent_keyfile_reader_read_percent (self->reader, group, "tariff-increase",
                                           ENT_MIN_TARIFF_INCREASE_BP, ENT_MAX_TARIFF_INCREASE_BP,
                                           &increase, error))
    return FALSE;

  if (projection_text != NULL && *projection_text != '\0'
      && !ent_projection_from_string (projection_text, &projection))
    {
      g_autofree char *quoted = ent_keyfile_reader_dup_excerpt (projection_text);

      return ent_keyfile_reader_fail (self->reader, error, ENT_MODEL_ERROR_INVALID_VALUE,
                                      group, "projection",
                                      _("“%s” is not a projection (constant or rate)"), quoted);
    }

  if (name == NULL)
    /* Translators: default name of a scenario without one */
    name = g_strdup_printf (_("Scenario %u"), index);
  scenario = ent_scenario_new (name);
  ent_scenario_set_projection (scenario, projection);
  ent_scenario_set_projection_rate (scenario, rate);
  ent_scenario_set_tariff_increase (scenario, increase);

  /* optional-support: true, false, or a list of budget years */
  if (optional == NULL || *optional == '\0'
      || g_ascii_strcasecmp (optional, "false") == 0 || g_strcmp0 (optional, "0") == 0)
    {
      ent_scenario_set_optional_all (scenario, FALSE);
    }
  else if (g_ascii_strcasecmp (optional, "true") == 0 || g_strcmp0 (optional, "1") == 0)
    {
      ent_scenario_set_optional_all (scenario, TRUE);
    }
  else
    {
      g_autoptr(GHashTable) optional_years = g_hash_table_new (NULL, NULL);
      g_auto(GStrv) optional_items = ent_keyfile_reader_split_list (optional);

      ent_scenario_set_optional_all (scenario, FALSE);
      for (guint i = 0; optional_items[i] != NULL; i++)
        {
          g_autoptr(GError) reason = NULL;
          gint64 year;

          if (!ent_keyfile_reader_is_integer_syntax (optional_items[i]))
            {
              g_autofree char *quoted = ent_keyfile_reader_dup_excerpt (optional);

              return ent_keyfile_reader_fail (self->reader, error, ENT_MODEL_ERROR_INVALID_VALUE,
                                              group,
                                              "optional-support",
                                              _("“%s” is not true, false or a list of budget years (2024;2025)"),
                                              quoted);
            }
          if (!ent_keyfile_reader_parse_whole (optional_items[i], &year))
            {
              g_autofree char *quoted = ent_keyfile_reader_dup_excerpt (optional_items[i]);

              return ent_keyfile_reader_fail (self->reader, error, ENT_MODEL_ERROR_OUT_OF_RANGE,
                                              group,
                                              "optional-support",
                                              _("“%s” is far too large"), quoted);
            }
          if (!ent_validate_budget_year (year, &reason))
            return ent_keyfile_reader_fail_rule (self->reader, error, group, "optional-support",
                                                 reason);
          if (!g_hash_table_add (optional_years, GINT_TO_POINTER ((int) year)))
            return ent_keyfile_reader_fail (self->reader, error, ENT_MODEL_ERROR_DUPLICATE, group,
                                            "optional-support",
                                            _("budget year %" PRId64 " is given twice"), year);
          ent_scenario_set_optional_in_year (scenario, (int) year, TRUE);
        }
    }

  items = ent_keyfile_reader_split_list (half_days != NULL ? half_days : "");
  for (guint i = 0; items[i] != NULL; i++)
    {
      int year;
      gint64 count;

      if (!ent_keyfile_reader_parse_year_count (self->reader, group, "half-days", items[i],
                                                ent_validate_budget_year, ent_validate_half_days,
                                                &year, &count, error))
        return FALSE;
      if (!g_hash_table_add (years, GINT_TO_POINTER (year)))
        return ent_keyfile_reader_fail (self->reader, error, ENT_MODEL_ERROR_DUPLICATE,
                                        group, "half-days", _("budget year %d is given twice"),
                                        year);
      ent_scenario_set_half_days (scenario, year, count);
    }

  saved_group = g_strdup_printf (ENT_PREFIX_SCENARIO "%u", index);
  keep_unknown_keys (self, group, saved_group, keys, scenario_keys);

  *out_scenario = g_steal_pointer (&scenario);
  return TRUE;
}

static int
compare_numbered_groups (gconstpointer a,
                         gconstpointer b)
{
  const NumberedGroup *ga = a;
  const NumberedGroup *gb = b;

  return (ga->number > gb->number) - (ga->number < gb->number);
}

/* The [PREFIX N] groups, sorted by N; fails on a bad or repeated N. A number
 * already met is found in a hash table: with a list scan, 200 000 schools
 * took seconds. */
static GArray *
collect_numbered_groups (Loader       *self,
                         char        **groups,
                         const char   *prefix,
                         GError      **error)
{
  g_autoptr(GArray) result = g_array_new (FALSE, FALSE, sizeof (NumberedGroup));
  /* numbers are 1 to G_MAXINT: held in the keys themselves, nothing allocated */
  g_autoptr(GHashTable) numbers = g_hash_table_new (g_direct_hash, g_direct_equal);
  gsize prefix_len = strlen (prefix);

  for (guint i = 0; groups[i] != NULL; i++)
    {
      NumberedGroup numbered;
      g_autofree char *number_text = NULL;
      const char *previous;

      if (!g_str_has_prefix (groups[i], prefix))
        continue;

      number_text = g_strstrip (g_strdup (groups[i] + prefix_len));
      if (!g_ascii_string_to_signed (number_text, 10, 1, G_MAXINT, &numbered.number, NULL))
        {
          g_autofree char *quoted = ent_keyfile_reader_dup_excerpt (number_text);

          return ent_keyfile_reader_fail (self->reader, error, ENT_MODEL_ERROR_INVALID_VALUE,
                                          groups[i], NULL,
                                          /* Translators: a number quoted, the largest one, a group name */
                                          _("“%s” is not a number from 1 to %d: write the group as [%s1]"),
                                          quoted, G_MAXINT, prefix), NULL;
        }

      previous = g_hash_table_lookup (numbers, GINT_TO_POINTER ((int) numbered.number));
      if (previous != NULL)
        {
          g_autofree char *quoted = ent_keyfile_reader_dup_excerpt (previous);
          int line = ent_keyfile_reader_lookup_line (self->reader, previous, NULL);

          return ent_keyfile_reader_fail (self->reader, error, ENT_MODEL_ERROR_DUPLICATE,
                                          groups[i], NULL,
                                          _("the number %" PRId64 " is already used by [%s] (line %d)"),
                                          numbered.number, quoted, line), NULL;
        }
      numbered.group = groups[i];
      g_array_append_val (result, numbered);
      g_hash_table_insert (numbers, GINT_TO_POINTER ((int) numbered.number), (gpointer) groups[i]);
    }

  g_array_sort (result, compare_numbered_groups);
  return g_steal_pointer (&result);
}

/* Following the contract (SPEC 13) */

static const char * const execution_keys[] = { "voted", "paid", NULL };
static const char * const revision_keys[] = { "date", "amount", "reference", NULL };

/* An amount of ent_validate_execution_amount (): *@out_entered FALSE when
 * the key is absent or empty (not entered is not 0). */
static gboolean
read_execution_amount (Loader      *self,
                       const char  *group,
                       const char  *key,
                       gboolean    *out_entered,
                       gint64      *out_cents,
                       GError     **error)
{
  g_autoptr(GError) reason = NULL;
  g_autofree char *text = NULL;

  *out_entered = FALSE;
  if (!ent_keyfile_reader_read_string (self->reader, group, key, &text, error))
    return FALSE;
  if (text == NULL || *text == '\0')
    return TRUE;

  if (!ent_money_parse (text, out_cents, NULL))
    {
      g_autofree char *quoted = ent_keyfile_reader_dup_excerpt (text);

      return ent_keyfile_reader_fail (self->reader, error, ENT_MODEL_ERROR_INVALID_VALUE, group, key,
                                      _("“%s” is not an amount (at most two decimals, “.” or “,” as separator)"),
                                      quoted);
    }
  if (!ent_validate_execution_amount (*out_cents, &reason))
    return ent_keyfile_reader_fail_rule (self->reader, error, group, key, reason);

  *out_entered = TRUE;
  return TRUE;
}

/* [Execution 2024]: voted=, paid=. A year outside the contract is kept, as a
 * scenario's years are: the contract may be lengthened again. */
static gboolean
load_execution_group (Loader      *self,
                      const char  *group,
                      GHashTable  *seen_years,
                      GError     **error)
{
  EntExecution *execution = ent_document_get_execution (self->document);
  g_autofree char *year_text = g_strstrip (g_strdup (group + strlen (ENT_PREFIX_EXECUTION)));
  g_autofree char *saved_group = NULL;
  g_autoptr(GError) reason = NULL;
  g_auto(GStrv) keys = NULL;
  gboolean has_voted, has_paid;
  gint64 voted = 0, paid = 0;
  gpointer previous_line;
  gint64 year;

  if ((keys = ent_keyfile_reader_dup_group_keys (self->reader, group, error)) == NULL)
    return FALSE;

  if (!ent_keyfile_reader_is_integer_syntax (year_text)
      || !ent_keyfile_reader_parse_whole (year_text, &year))
    {
      g_autofree char *quoted = ent_keyfile_reader_dup_excerpt (year_text);

      return ent_keyfile_reader_fail (self->reader, error, ENT_MODEL_ERROR_INVALID_VALUE,
                                      group, NULL,
                                      _("“%s” is not a budget year: write the group as [Execution 2024]"),
                                      quoted);
    }
  if (!ent_validate_budget_year (year, &reason))
    return ent_keyfile_reader_fail_rule (self->reader, error, group, NULL, reason);

  if (g_hash_table_lookup_extended (seen_years, GINT_TO_POINTER ((int) year), NULL, &previous_line))
    return ent_keyfile_reader_fail (self->reader, error, ENT_MODEL_ERROR_DUPLICATE, group, NULL,
                                    _("the budget year %d is already followed by another group (line %d)"),
                                    (int) year, GPOINTER_TO_INT (previous_line));
  g_hash_table_insert (seen_years, GINT_TO_POINTER ((int) year),
                       GINT_TO_POINTER (ent_keyfile_reader_lookup_line (self->reader, group, NULL)));

  if (!read_execution_amount (self, group, "voted", &has_voted, &voted, error)
      || !read_execution_amount (self, group, "paid", &has_paid, &paid, error))
    return FALSE;
  ent_execution_set_voted (execution, (int) year, has_voted, voted);
  ent_execution_set_paid (execution, (int) year, has_paid, paid);

  saved_group = g_strdup_printf (ENT_PREFIX_EXECUTION "%d", (int) year);
  keep_unknown_keys (self, group, saved_group, keys, execution_keys);
  return TRUE;
}

/* [AE revision N]: date=, amount= (both required), reference=. */
static gboolean
load_revision_group (Loader      *self,
                     const char  *group,
                     guint        index,
                     GError     **error)
{
  g_autofree char *saved_group = NULL;
  g_autofree char *reference = NULL;
  g_auto(GStrv) keys = NULL;
  gboolean has_amount;
  gint64 amount = 0;
  GDate date;

  if ((keys = ent_keyfile_reader_dup_group_keys (self->reader, group, error)) == NULL)
    return FALSE;

  if (!ent_keyfile_reader_read_date (self->reader, group, "date", &date, error)
      || !read_execution_amount (self, group, "amount", &has_amount, &amount, error)
      || !ent_keyfile_reader_read_name (self->reader, group, "reference", &reference, error))
    return FALSE;
  if (!has_amount)
    return ent_keyfile_reader_fail (self->reader, error, ENT_MODEL_ERROR_MISSING, group, "amount",
                                    "%s", _("the revised commitment authorisation is missing"));

  ent_execution_add_revision (ent_document_get_execution (self->document), &date, amount,
                              reference != NULL ? reference : "");

  saved_group = g_strdup_printf (ENT_PREFIX_AE_REVISION "%u", index);
  keep_unknown_keys (self, group, saved_group, keys, revision_keys);
  return TRUE;
}

static gboolean
load_execution (Loader   *self,
                char    **groups,
                GError  **error)
{
  g_autoptr(GHashTable) seen_years = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr(GArray) revisions = NULL;

  for (guint i = 0; groups[i] != NULL; i++)
    if (g_str_has_prefix (groups[i], ENT_PREFIX_EXECUTION)
        && !load_execution_group (self, groups[i], seen_years, error))
      return FALSE;

  revisions = collect_numbered_groups (self, groups, ENT_PREFIX_AE_REVISION, error);
  if (revisions == NULL)
    return FALSE;
  for (guint i = 0; i < revisions->len; i++)
    if (!load_revision_group (self, g_array_index (revisions, NumberedGroup, i).group, i + 1, error))
      return FALSE;

  return TRUE;
}

/* Reads at most ENT_DOCUMENT_MAX_SIZE + 1 bytes, so a huge or endless file is refused early. */
static GBytes *
read_bounded (GFile       *file,
              const char  *name,
              GError     **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GByteArray) buffer = g_byte_array_new ();
  g_autoptr(GError) local_error = NULL;

  stream = g_file_read (file, NULL, &local_error);
  if (stream == NULL)
    goto fail;

  for (;;)
    {
      guint old_len = buffer->len;
      gssize n_read;

      g_byte_array_set_size (buffer, old_len + READ_CHUNK_SIZE);
      n_read = g_input_stream_read (G_INPUT_STREAM (stream), buffer->data + old_len,
                                    READ_CHUNK_SIZE, NULL, &local_error);
      if (n_read < 0)
        goto fail;
      g_byte_array_set_size (buffer, old_len + n_read);
      if (n_read == 0)
        break;
      if (buffer->len > ENT_DOCUMENT_MAX_SIZE)
        {
          g_set_error (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_OUT_OF_RANGE,
                       _("%s: the file is larger than %d MiB: this is not a Budget ENT document"),
                       name, ENT_DOCUMENT_MAX_SIZE / (1024 * 1024));
          return NULL;
        }
    }

  if (!g_input_stream_close (G_INPUT_STREAM (stream), NULL, &local_error))
    goto fail;

  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));

fail:
  /* Translators: file name, then the system's reason */
  g_set_error (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_IO,
               _("%s: could not read the file: %s"), name, local_error->message);
  return NULL;
}

/* Public API */

/**
 * ent_document_new_from_bytes:
 * @bytes: the content of a .entbudget file
 * @display_name: the file's name, for messages
 * @error: return location for a #GError in %ENT_MODEL_ERROR
 *
 * Loads a document without computing its budget: one whose budget cannot be
 * computed (no tariff on a billed date, an overflow, a payment start outside
 * the contract) loads, and ent_budget_compute () gives the reason.
 *
 * Returns: (transfer full) (nullable): the document, or %NULL on error
 */
EntDocument *
ent_document_new_from_bytes (GBytes      *bytes,
                             const char  *display_name,
                             GError     **error)
{
  g_auto(Loader) self = { 0, };
  g_autoptr(GHashTable) tariff_dates = NULL;
  g_autoptr(GPtrArray) new_schools = NULL;
  g_autoptr(GArray) schools = NULL;
  g_autoptr(GArray) scenarios = NULL;
  char **groups;
  guint n_tariffs = 0;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* the text, the key file and its groups, each once */
  self.reader = ent_keyfile_reader_new (bytes, display_name, error);
  if (self.reader == NULL)
    return NULL;
  self.name = ent_keyfile_reader_get_name (self.reader);
  self.key_file = ent_keyfile_reader_get_key_file (self.reader);
  groups = ent_keyfile_reader_get_groups (self.reader);

  self.document = ent_document_new ();
  if (!load_document_group (&self, error)
      || !load_contract_group (&self, error)
      || !load_imputation_group (&self, error))
    return NULL;

  /* Tariff periods, in file order */
  tariff_dates = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; groups[i] != NULL; i++)
    {
      if (!g_str_has_prefix (groups[i], ENT_PREFIX_TARIFF))
        continue;
      if (!load_tariff_group (&self, groups[i], tariff_dates, error))
        return NULL;
      n_tariffs++;
    }
  if (n_tariffs == 0)
    {
      g_set_error (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_MISSING,
                   _("%s: no tariff period: add a group such as [Tariff 2023-09-01]"),
                   self.name);
      return NULL;
    }

  /* Schools and scenarios, by number */
  schools = collect_numbered_groups (&self, groups, ENT_PREFIX_SCHOOL, error);
  if (schools == NULL)
    return NULL;
  scenarios = collect_numbered_groups (&self, groups, ENT_PREFIX_SCENARIO, error);
  if (scenarios == NULL)
    return NULL;

  /* The schools are added at once: one "changed", one "items-changed" */
  new_schools = g_ptr_array_new_full (schools->len, g_object_unref);
  for (guint i = 0; i < schools->len; i++)
    {
      EntSchool *school = load_school_group (&self, g_array_index (schools, NumberedGroup, i).group,
                                             i + 1, error);

      if (school == NULL)
        return NULL;
      g_ptr_array_add (new_schools, school);
    }
  ent_document_add_schools (self.document, (EntSchool **) new_schools->pdata, new_schools->len);

  if (scenarios->len == 0)
    {
      g_set_error (error, ENT_MODEL_ERROR, ENT_MODEL_ERROR_MISSING,
                   _("%s: no scenario: add a group such as [Scenario 1]"), self.name);
      return NULL;
    }
  for (guint i = 0; i < scenarios->len; i++)
    {
      g_autoptr(EntScenario) scenario = NULL;

      if (!load_scenario_group (&self, g_array_index (scenarios, NumberedGroup, i).group,
                                i + 1, &scenario, error))
        return NULL;
      ent_document_add_scenario (self.document, scenario);
    }
  if (self.scenario > scenarios->len)
    {
      ent_keyfile_reader_fail (self.reader, error, ENT_MODEL_ERROR_OUT_OF_RANGE,
                               ENT_GROUP_DOCUMENT, "scenario",
                               ngettext ("there is no scenario %" PRId64 ": the document has %u scenario",
                                         "there is no scenario %" PRId64 ": the document has %u scenarios",
                                         scenarios->len),
                               self.scenario, scenarios->len);
      return NULL;
    }
  if (self.scenario > 0)
    {
      g_autoptr(EntScenario) current =
        g_list_model_get_item (ent_document_get_scenarios (self.document), self.scenario - 1);

      ent_document_set_current_scenario (self.document, current);
    }

  if (!load_execution (&self, groups, error))
    return NULL;

  /* Everything else is kept as it is */
  for (guint i = 0; groups[i] != NULL; i++)
    if (!ent_document_format_is_saved_group (groups[i])
        && !keep_unknown_group (&self, groups[i], error))
      return NULL;

  ent_document_set_modified (self.document, FALSE);
  return g_steal_pointer (&self.document);
}

/**
 * ent_document_new_from_file:
 * @file: a .entbudget file
 * @error: return location for a #GError in %ENT_MODEL_ERROR
 *
 * Returns: (transfer full) (nullable): the document, its "file" and
 *   "file-stamp" set and not modified, or %NULL on error
 */
EntDocument *
ent_document_new_from_file (GFile   *file,
                            GError **error)
{
  g_autofree char *name = NULL;
  g_autofree char *stamp = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(EntDocument) document = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* The stamp before the read (SPEC 10.3): a version written in between is
   * then one we did not stamp, and the next save asks. Taken after, it would
   * be stamped unread and silently overwritten. (NULL when the file cannot
   * be examined: the read tells why.) */
  stamp = ent_document_query_file_stamp (file, NULL, NULL);

  name = ent_document_format_dup_file_name (file);
  bytes = read_bounded (file, name, error);
  if (bytes == NULL)
    return NULL;

  document = ent_document_new_from_bytes (bytes, name, error);
  if (document == NULL)
    return NULL;

  ent_document_set_file (document, file);
  ent_document_set_file_stamp (document, stamp);
  ent_document_set_modified (document, FALSE);
  return g_steal_pointer (&document);
}
