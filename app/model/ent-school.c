/* ent-school.c: a school, its commune and its known pupil counts per school year
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ent-school.h"

#define UAI_LENGTH 8

typedef struct
{
  int            school_year;
  gint64         count;
  EntCountSource source;
} KnownCount;

struct _EntSchool
{
  GObject  parent_instance;

  char    *name;           /* never NULL */
  char    *uai;            /* never NULL */
  char    *commune;        /* never NULL */
  char    *commune_insee;  /* never NULL */
  int      opens;          /* ENT_SCHOOL_YEAR_NONE or a school year */
  int      closes;
  EntSchoolLevel level;

  /* KnownCount, increasing school year, one per year */
  GArray  *known;
};

G_DEFINE_FINAL_TYPE (EntSchool, ent_school, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_UAI,
  PROP_COMMUNE,
  PROP_COMMUNE_INSEE,
  PROP_OPENS,
  PROP_CLOSES,
  PROP_LEVEL,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
set_string (EntSchool   *self,
            char       **field,
            const char  *value,
            guint        prop_id)
{
  if (value == NULL)
    value = "";

  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Index of @school_year in self->known, or of where it would go. */
static guint
find_known (EntSchool *self,
            int        school_year,
            gboolean  *found)
{
  guint i;

  for (i = 0; i < self->known->len; i++)
    {
      const KnownCount *entry = &g_array_index (self->known, KnownCount, i);

      if (entry->school_year >= school_year)
        {
          *found = entry->school_year == school_year;
          return i;
        }
    }

  *found = FALSE;
  return i;
}

static void
ent_school_finalize (GObject *object)
{
  EntSchool *self = (EntSchool *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->uai, g_free);
  g_clear_pointer (&self->commune, g_free);
  g_clear_pointer (&self->commune_insee, g_free);
  g_clear_pointer (&self->known, g_array_unref);

  G_OBJECT_CLASS (ent_school_parent_class)->finalize (object);
}

static void
ent_school_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  EntSchool *self = ENT_SCHOOL (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_UAI:
      g_value_set_string (value, self->uai);
      break;

    case PROP_COMMUNE:
      g_value_set_string (value, self->commune);
      break;

    case PROP_COMMUNE_INSEE:
      g_value_set_string (value, self->commune_insee);
      break;

    case PROP_OPENS:
      g_value_set_int (value, self->opens);
      break;

    case PROP_CLOSES:
      g_value_set_int (value, self->closes);
      break;

    case PROP_LEVEL:
      g_value_set_enum (value, self->level);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ent_school_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  EntSchool *self = ENT_SCHOOL (object);

  switch (prop_id)
    {
    case PROP_NAME:
      ent_school_set_name (self, g_value_get_string (value));
      break;

    case PROP_UAI:
      ent_school_set_uai (self, g_value_get_string (value));
      break;

    case PROP_COMMUNE:
      ent_school_set_commune (self, g_value_get_string (value));
      break;

    case PROP_COMMUNE_INSEE:
      ent_school_set_commune_insee (self, g_value_get_string (value));
      break;

    case PROP_OPENS:
      ent_school_set_opens (self, g_value_get_int (value));
      break;

    case PROP_CLOSES:
      ent_school_set_closes (self, g_value_get_int (value));
      break;

    case PROP_LEVEL:
      ent_school_set_level (self, g_value_get_enum (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ent_school_class_init (EntSchoolClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ent_school_finalize;
  object_class->get_property = ent_school_get_property;
  object_class->set_property = ent_school_set_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_UAI] =
    g_param_spec_string ("uai", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_COMMUNE] =
    g_param_spec_string ("commune", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_COMMUNE_INSEE] =
    g_param_spec_string ("commune-insee", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_OPENS] =
    g_param_spec_int ("opens", NULL, NULL,
                      0, G_MAXINT, ENT_SCHOOL_YEAR_NONE,
                      (G_PARAM_READWRITE |
                       G_PARAM_EXPLICIT_NOTIFY |
                       G_PARAM_STATIC_STRINGS));

  properties[PROP_CLOSES] =
    g_param_spec_int ("closes", NULL, NULL,
                      0, G_MAXINT, ENT_SCHOOL_YEAR_NONE,
                      (G_PARAM_READWRITE |
                       G_PARAM_EXPLICIT_NOTIFY |
                       G_PARAM_STATIC_STRINGS));

  properties[PROP_LEVEL] =
    g_param_spec_enum ("level", NULL, NULL,
                       ENT_TYPE_SCHOOL_LEVEL, ENT_SCHOOL_LEVEL_UNKNOWN,
                       (G_PARAM_READWRITE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * EntSchool::changed:
   *
   * Emitted after any property or known pupil count changed.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);
}

static void
ent_school_init (EntSchool *self)
{
  self->name = g_strdup ("");
  self->uai = g_strdup ("");
  self->commune = g_strdup ("");
  self->commune_insee = g_strdup ("");
  self->known = g_array_new (FALSE, FALSE, sizeof (KnownCount));
}

EntSchool *
ent_school_new (const char *name,
                const char *commune)
{
  return g_object_new (ENT_TYPE_SCHOOL,
                       "name", name,
                       "commune", commune,
                       NULL);
}

const char *
ent_school_get_name (EntSchool *self)
{
  g_return_val_if_fail (ENT_IS_SCHOOL (self), "");

  return self->name;
}

void
ent_school_set_name (EntSchool  *self,
                     const char *name)
{
  g_return_if_fail (ENT_IS_SCHOOL (self));

  set_string (self, &self->name, name, PROP_NAME);
}

const char *
ent_school_get_uai (EntSchool *self)
{
  g_return_val_if_fail (ENT_IS_SCHOOL (self), "");

  return self->uai;
}

/**
 * ent_school_set_uai:
 *
 * Stores @uai as given; callers check it with ent_uai_is_valid() first to
 * report a bad code to the user.
 */
void
ent_school_set_uai (EntSchool  *self,
                    const char *uai)
{
  g_return_if_fail (ENT_IS_SCHOOL (self));

  set_string (self, &self->uai, uai, PROP_UAI);
}

const char *
ent_school_get_commune (EntSchool *self)
{
  g_return_val_if_fail (ENT_IS_SCHOOL (self), "");

  return self->commune;
}

void
ent_school_set_commune (EntSchool  *self,
                        const char *commune)
{
  g_return_if_fail (ENT_IS_SCHOOL (self));

  set_string (self, &self->commune, commune, PROP_COMMUNE);
}

const char *
ent_school_get_commune_insee (EntSchool *self)
{
  g_return_val_if_fail (ENT_IS_SCHOOL (self), "");

  return self->commune_insee;
}

void
ent_school_set_commune_insee (EntSchool  *self,
                              const char *insee)
{
  g_return_if_fail (ENT_IS_SCHOOL (self));

  set_string (self, &self->commune_insee, insee, PROP_COMMUNE_INSEE);
}

/**
 * ent_school_get_known_pupils:
 * @out_count: (out) (optional): the count, left untouched when unknown
 *
 * Returns: %TRUE when a count is known for @school_year.
 */
gboolean
ent_school_get_known_pupils (EntSchool *self,
                             int        school_year,
                             gint64    *out_count)
{
  gboolean found;
  guint index;

  g_return_val_if_fail (ENT_IS_SCHOOL (self), FALSE);

  index = find_known (self, school_year, &found);
  if (found && out_count != NULL)
    *out_count = g_array_index (self->known, KnownCount, index).count;

  return found;
}

static void
set_year (EntSchool *self,
          int       *field,
          int        school_year,
          guint      prop_id)
{
  if (school_year < 0)
    school_year = ENT_SCHOOL_YEAR_NONE;
  if (*field == school_year)
    return;

  *field = school_year;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
  g_signal_emit (self, signals[CHANGED], 0);
}

int
ent_school_get_opens (EntSchool *self)
{
  g_return_val_if_fail (ENT_IS_SCHOOL (self), ENT_SCHOOL_YEAR_NONE);

  return self->opens;
}

/**
 * ent_school_set_opens:
 * @school_year: the first school year the school is open, or
 *   %ENT_SCHOOL_YEAR_NONE
 *
 * Stored as given; the window and the loader check it against "closes"
 * (ent_validate_school_span ()), the engine against the known counts.
 */
void
ent_school_set_opens (EntSchool *self,
                      int        school_year)
{
  g_return_if_fail (ENT_IS_SCHOOL (self));

  set_year (self, &self->opens, school_year, PROP_OPENS);
}

int
ent_school_get_closes (EntSchool *self)
{
  g_return_val_if_fail (ENT_IS_SCHOOL (self), ENT_SCHOOL_YEAR_NONE);

  return self->closes;
}

void
ent_school_set_closes (EntSchool *self,
                       int        school_year)
{
  g_return_if_fail (ENT_IS_SCHOOL (self));

  set_year (self, &self->closes, school_year, PROP_CLOSES);
}

gboolean
ent_school_is_open (EntSchool *self,
                    int        school_year)
{
  g_return_val_if_fail (ENT_IS_SCHOOL (self), FALSE);

  if (self->opens != ENT_SCHOOL_YEAR_NONE && school_year < self->opens)
    return FALSE;
  if (self->closes != ENT_SCHOOL_YEAR_NONE && school_year >= self->closes)
    return FALSE;
  return TRUE;
}

void
ent_school_set_known_pupils (EntSchool *self,
                             int        school_year,
                             gint64     count)
{
  ent_school_set_known_pupils_from (self, school_year, count, ENT_COUNT_SOURCE_MANUAL);
}

/**
 * ent_school_set_known_pupils_from:
 *
 * Sets the count of @school_year and its source. The same count and source
 * again changes nothing; the same count from another source changes the
 * source (an import confirming a typed count makes it OPEN_DATA).
 */
void
ent_school_set_known_pupils_from (EntSchool      *self,
                                  int             school_year,
                                  gint64          count,
                                  EntCountSource  source)
{
  KnownCount entry = { school_year, count, source };
  gboolean found;
  guint index;

  g_return_if_fail (ENT_IS_SCHOOL (self));
  g_return_if_fail (count >= 0);
  g_return_if_fail (count <= ENT_MAX_PUPILS_PER_SCHOOL);

  index = find_known (self, school_year, &found);

  if (found)
    {
      KnownCount *existing = &g_array_index (self->known, KnownCount, index);

      /* the same number typed again is no new information: the source stays */
      if (existing->count == count &&
          (existing->source == source || source == ENT_COUNT_SOURCE_MANUAL))
        return;

      existing->count = count;
      existing->source = source;
    }
  else
    {
      g_array_insert_val (self->known, index, entry);
    }

  g_signal_emit (self, signals[CHANGED], 0);
}

EntCountSource
ent_school_get_count_source (EntSchool *self,
                             int        school_year)
{
  gboolean found;
  guint index;

  g_return_val_if_fail (ENT_IS_SCHOOL (self), ENT_COUNT_SOURCE_MANUAL);

  index = find_known (self, school_year, &found);
  return found ? g_array_index (self->known, KnownCount, index).source : ENT_COUNT_SOURCE_MANUAL;
}

gboolean
ent_school_has_open_data (EntSchool *self)
{
  g_return_val_if_fail (ENT_IS_SCHOOL (self), FALSE);

  for (guint i = 0; i < self->known->len; i++)
    if (g_array_index (self->known, KnownCount, i).source == ENT_COUNT_SOURCE_OPEN_DATA)
      return TRUE;
  return FALSE;
}

void
ent_school_unset_known_pupils (EntSchool *self,
                               int        school_year)
{
  gboolean found;
  guint index;

  g_return_if_fail (ENT_IS_SCHOOL (self));

  index = find_known (self, school_year, &found);
  if (!found)
    return;

  g_array_remove_index (self->known, index);
  g_signal_emit (self, signals[CHANGED], 0);
}

guint
ent_school_get_n_known (EntSchool *self)
{
  g_return_val_if_fail (ENT_IS_SCHOOL (self), 0);

  return self->known->len;
}

/**
 * ent_school_get_nth_known:
 * @index: less than ent_school_get_n_known()
 * @out_school_year: (out) (optional):
 * @out_count: (out) (optional):
 */
void
ent_school_get_nth_known (EntSchool *self,
                          guint      index,
                          int       *out_school_year,
                          gint64    *out_count)
{
  const KnownCount *entry;

  g_return_if_fail (ENT_IS_SCHOOL (self));
  g_return_if_fail (index < self->known->len);

  entry = &g_array_index (self->known, KnownCount, index);

  if (out_school_year != NULL)
    *out_school_year = entry->school_year;
  if (out_count != NULL)
    *out_count = entry->count;
}

EntCountSource
ent_school_get_nth_source (EntSchool *self,
                           guint      index)
{
  g_return_val_if_fail (ENT_IS_SCHOOL (self), ENT_COUNT_SOURCE_MANUAL);
  g_return_val_if_fail (index < self->known->len, ENT_COUNT_SOURCE_MANUAL);

  return g_array_index (self->known, KnownCount, index).source;
}

static void
append_years (GString        *out,
              EntSchool      *self,
              EntCountSource  source,
              const char     *label)
{
  gboolean any = FALSE;

  for (guint i = 0; i < self->known->len; i++)
    {
      const KnownCount *entry = &g_array_index (self->known, KnownCount, i);

      if (entry->source != source)
        continue;
      if (!any)
        g_string_append_printf (out, "%s%s", out->len > 0 ? "; " : "", label);
      g_string_append_printf (out, "%s%d", any ? ", " : " ", entry->school_year);
      any = TRUE;
    }
}

char *
ent_school_describe_sources (EntSchool *self)
{
  GString *out;

  g_return_val_if_fail (ENT_IS_SCHOOL (self), g_strdup (""));

  out = g_string_new (NULL);
  /* Translators: followed by the rentrées whose counts come from the Ministry's
   * open data (DEPP: its statistics department), "2024, 2025" */
  append_years (out, self, ENT_COUNT_SOURCE_OPEN_DATA, _("DEPP count:"));
  /* Translators: followed by the rentrées whose counts were typed by a person */
  append_years (out, self, ENT_COUNT_SOURCE_MANUAL, _("typed:"));
  if (self->opens != ENT_SCHOOL_YEAR_NONE)
    {
      if (out->len > 0)
        g_string_append (out, "; ");
      /* Translators: a year */
      g_string_append_printf (out, _("opens at the rentrée %d"), self->opens);
    }
  if (self->closes != ENT_SCHOOL_YEAR_NONE)
    {
      if (out->len > 0)
        g_string_append (out, "; ");
      /* Translators: a year */
      g_string_append_printf (out, _("closed from the rentrée %d"), self->closes);
    }
  return g_string_free (out, FALSE);
}

/* The words of the file format (SPEC 6: pupils-source=2023:open-data). */
const char *
ent_count_source_to_string (EntCountSource source)
{
  return source == ENT_COUNT_SOURCE_OPEN_DATA ? "open-data" : "manual";
}

gboolean
ent_count_source_from_string (const char     *text,
                              EntCountSource *out_source)
{
  if (g_strcmp0 (text, "open-data") == 0)
    *out_source = ENT_COUNT_SOURCE_OPEN_DATA;
  else if (g_strcmp0 (text, "manual") == 0)
    *out_source = ENT_COUNT_SOURCE_MANUAL;
  else
    return FALSE;
  return TRUE;
}

/**
 * ent_uai_is_valid:
 * @uai: (nullable): a UAI (unité administrative immatriculée) code
 *
 * Checks the form only (7 digits then a letter); the check letter is not
 * verified, so that codes copied from any source are accepted.
 *
 * Returns: %TRUE when @uai is %NULL, empty or of the UAI form.
 */
gboolean
ent_uai_is_valid (const char *uai)
{
  if (uai == NULL || uai[0] == '\0')
    return TRUE;

  for (guint i = 0; i < UAI_LENGTH - 1; i++)
    {
      if (!g_ascii_isdigit (uai[i]))
        return FALSE;
    }

  return g_ascii_isalpha (uai[UAI_LENGTH - 1]) && uai[UAI_LENGTH] == '\0';
}

EntSchoolLevel
ent_school_get_level (EntSchool *self)
{
  g_return_val_if_fail (ENT_IS_SCHOOL (self), ENT_SCHOOL_LEVEL_UNKNOWN);

  return self->level;
}

void
ent_school_set_level (EntSchool      *self,
                      EntSchoolLevel  level)
{
  g_return_if_fail (ENT_IS_SCHOOL (self));
  g_return_if_fail (level <= ENT_SCHOOL_LEVEL_PRIMAIRE);

  if (self->level == level)
    return;

  self->level = level;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEVEL]);
  g_signal_emit (self, signals[CHANGED], 0);
}

static const char * const level_names[] = {
  [ENT_SCHOOL_LEVEL_UNKNOWN] = "",
  [ENT_SCHOOL_LEVEL_MATERNELLE] = "maternelle",
  [ENT_SCHOOL_LEVEL_ELEMENTAIRE] = "elementaire",
  [ENT_SCHOOL_LEVEL_PRIMAIRE] = "primaire",
};

const char *
ent_school_level_to_string (EntSchoolLevel level)
{
  g_return_val_if_fail (level < G_N_ELEMENTS (level_names), "");

  return level_names[level];
}

gboolean
ent_school_level_from_string (const char     *text,
                              EntSchoolLevel *out_level)
{
  g_return_val_if_fail (text != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (level_names); i++)
    if (g_ascii_strcasecmp (text, level_names[i]) == 0)
      {
        if (out_level != NULL)
          *out_level = (EntSchoolLevel) i;
        return TRUE;
      }

  return FALSE;
}

const char *
ent_school_level_get_label (EntSchoolLevel level)
{
  switch (level)
    {
    case ENT_SCHOOL_LEVEL_MATERNELLE:
      /* Translators: a kind of school (école maternelle) */
      return _("nursery");
    case ENT_SCHOOL_LEVEL_ELEMENTAIRE:
      /* Translators: a kind of school (école élémentaire) */
      return _("elementary");
    case ENT_SCHOOL_LEVEL_PRIMAIRE:
      /* Translators: a kind of school (école primaire: nursery and elementary classes) */
      return _("primary");
    case ENT_SCHOOL_LEVEL_UNKNOWN:
    default:
      return "";
    }
}
