/* ent-rob.c: the « engagements pluriannuels » section of the budget
 * orientation report (SPEC 13)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The text is French whatever the UI language, and its sentences are not
 * marked for translation: the ROB is a French legal document presented to a
 * French council, so its words are the document's language, not the user
 * interface's. An English UI still produces the French paragraph the finance
 * director pastes into the report; a translation would only produce a text
 * nobody can use. For the same reason amounts and dates are formatted here
 * in French, not through the locale.
 *
 * The text is built once as blocks (paragraphs and one table) and rendered
 * twice, as plain text and as HTML, so that both say the same.
 */
#include "config.h"

#include <string.h>

#include "ent-budget.h"
#include "ent-budget-query.h"
#include "ent-m57.h"
#include "ent-rob.h"

/* The contract the application is made for (SPEC 2): the document holds no
 * field for the syndicate nor the product, which are the same for every
 * member. */
#define SYNDICATE "SMO La Fibre Numérique 59/62"
#define PRODUCT   "ONE"

#define NNBSP "\xe2\x80\xaf"   /* U+202F, groups thousands, before % */
#define NBSP  "\xc2\xa0"       /* U+00A0, before € */
#define MINUS "\xe2\x88\x92"   /* U+2212 */

enum { COL_YEAR, COL_PUPILS, COL_CP, COL_REMAINING, N_COLS };

typedef struct
{
  GPtrArray *before;   /* paragraphs before the table (char *) */
  GPtrArray *rows;     /* char *[N_COLS] (GStrv): header, years, total */
  GPtrArray *after;    /* paragraphs after the table */
  char      *title;
} Rob;

static void
rob_clear (Rob *rob)
{
  g_clear_pointer (&rob->before, g_ptr_array_unref);
  g_clear_pointer (&rob->rows, g_ptr_array_unref);
  g_clear_pointer (&rob->after, g_ptr_array_unref);
  g_clear_pointer (&rob->title, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Rob, rob_clear)

/* "1 571,70 €", as ent_money_format () writes it under fr_FR. */
static char *
format_money (gint64 cents)
{
  GString *out = g_string_new (cents < 0 ? MINUS : "");
  guint64 magnitude = cents < 0 ? (guint64) 0 - (guint64) cents : (guint64) cents;
  g_autofree char *euros = g_strdup_printf ("%" G_GUINT64_FORMAT, magnitude / 100);
  gsize length = strlen (euros);

  for (gsize i = 0; i < length; i++)
    {
      if (i > 0 && (length - i) % 3 == 0)
        g_string_append (out, NNBSP);
      g_string_append_c (out, euros[i]);
    }
  g_string_append_printf (out, ",%02u" NBSP "€", (guint) (magnitude % 100));
  return g_string_free (out, FALSE);
}

/* "1 209" */
static char *
format_count (gint64 count)
{
  g_autofree char *money = format_money (count * 100);

  /* the same grouping, without ",00 €" */
  *strchr (money, ',') = '\0';
  return g_strdup (money);
}

/* "−2 %", "2,5 %" */
static char *
format_percent (gint64 bp)
{
  guint64 magnitude = bp < 0 ? (guint64) 0 - (guint64) bp : (guint64) bp;
  GString *out = g_string_new (bp < 0 ? MINUS : "");

  g_string_append_printf (out, "%" G_GUINT64_FORMAT, magnitude / 100);
  if (magnitude % 100 != 0)
    {
      g_autofree char *decimals = g_strdup_printf ("%02u", (guint) (magnitude % 100));

      if (decimals[1] == '0')
        decimals[1] = '\0';
      g_string_append_printf (out, ",%s", decimals);
    }
  g_string_append (out, NNBSP "%");
  return g_string_free (out, FALSE);
}

/* "1er janvier 2024", "31 août 2027" */
static char *
format_date (const GDate *date)
{
  static const char *const months[] = {
    "janvier", "février", "mars", "avril", "mai", "juin", "juillet",
    "août", "septembre", "octobre", "novembre", "décembre",
  };
  guint day = g_date_get_day (date);
  const char *month = months[g_date_get_month (date) - 1];

  if (day == 1)
    return g_strdup_printf ("1er %s %d", month, g_date_get_year (date));
  return g_strdup_printf ("%u %s %d", day, month, g_date_get_year (date));
}

/* "a", "a et b", "a, b et c" */
static char *
join_french (GPtrArray *items)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < items->len; i++)
    {
      if (i > 0)
        g_string_append (out, i == items->len - 1 ? " et " : ", ");
      g_string_append (out, g_ptr_array_index (items, i));
    }
  return g_string_free (out, FALSE);
}

/* "La Ville de Hem", "Le Syndicat …", or the payer's name as it is. */
static char *
dup_subject (EntDocument *document)
{
  static const char *const feminine[] = {
    "Ville ", "Commune ", "Communauté ", "Métropole ", "Mairie ", NULL
  };
  static const char *const masculine[] = {
    "Syndicat ", "Établissement ", "Etablissement ", NULL
  };
  const char *payer = ent_document_get_payer (document);

  if (*payer == '\0')
    return g_strdup (ent_document_get_payer_kind (document) == ENT_PAYER_EPCI
                     ? "L’établissement public de coopération intercommunale"
                     : "La commune");
  for (guint i = 0; feminine[i] != NULL; i++)
    if (g_str_has_prefix (payer, feminine[i]))
      return g_strconcat ("La ", payer, NULL);
  for (guint i = 0; masculine[i] != NULL; i++)
    if (g_str_has_prefix (payer, masculine[i]))
      return g_strconcat ("Le ", payer, NULL);
  return g_strdup (payer);
}

/* "chapitre 65 « Autres charges de gestion courante », compte 65548 « Autres
 * contributions », fonction 21 « Enseignement du premier degré »" */
static char *
describe_imputation (const EntBudgetLine *line)
{
  GString *out = g_string_new (NULL);
  const char *label;

  g_string_append_printf (out, "chapitre %s", line->chapter);
  if ((label = ent_m57_get_label (ENT_ACCOUNT_CHAPTER, line->chapter)) != NULL)
    g_string_append_printf (out, " « %s »", label);
  g_string_append_printf (out, ", compte %s", line->nature);
  if ((label = ent_m57_get_label (ENT_ACCOUNT_NATURE, line->nature)) != NULL)
    g_string_append_printf (out, " « %s »", label);
  /* SPEC 5, split-functions: the base part on both functions */
  if (line->split)
    {
      for (guint f = 0; f < ENT_N_SPLIT_FUNCTIONS; f++)
        {
          g_string_append_printf (out, f == 0 ? ", fonctions %s" : " et %s", ent_split_functions[f]);
          if ((label = ent_m57_get_label (ENT_ACCOUNT_FUNCTION, ent_split_functions[f])) != NULL)
            g_string_append_printf (out, " « %s »", label);
        }
      g_string_append (out, " au prorata des élèves");
    }
  else if (line->function != NULL && *line->function != '\0')
    {
      g_string_append_printf (out, ", fonction %s", line->function);
      if ((label = ent_m57_get_label (ENT_ACCOUNT_FUNCTION, line->function)) != NULL)
        g_string_append_printf (out, " « %s »", label);
    }
  return g_string_free (out, FALSE);
}

static const char *const line_names[ENT_N_LINES] = {
  "la part de base",
  "l’accompagnement forfaitaire",
  "l’accompagnement spécifique",
};

static char *
describe_contract (EntDocument *document)
{
  EntContract *contract = ent_document_get_contract (document);
  g_autofree char *subject = dup_subject (document);
  g_autofree char *start = format_date (ent_contract_get_payment_start (contract));
  g_autofree char *end_text = NULL;
  int first = ent_contract_get_first_school_year (contract);
  int n = ent_contract_get_school_years (contract);
  GDate end;

  ent_contract_get_end_date (contract, &end);
  end_text = format_date (&end);
  return g_strdup_printf ("%s, membre du " SYNDICATE ", contribue à l’espace numérique de "
                          "travail (ENT) " PRODUCT " de ses écoles publiques, mis à disposition "
                          "par le syndicat dans le cadre d’un marché de %d année%s scolaire%s "
                          "à compter de l’année scolaire %d/%d, soit jusqu’au %s. La contribution "
                          "est due à compter du %s ; %s.",
                          subject, n, n > 1 ? "s" : "", n > 1 ? "s" : "", first, first + 1,
                          end_text, start,
                          ent_contract_get_billing (contract) == ENT_BILLING_PRORATA
                          ? "chaque année scolaire est facturée sur ses propres effectifs, "
                            "au prorata des mois compris dans chaque exercice"
                          : "chaque exercice est facturé sur les effectifs de la rentrée "
                            "de septembre précédente");
}

static char *
describe_tariffs (EntDocument *document,
                  EntScenario *scenario)
{
  EntContract *contract = ent_document_get_contract (document);
  EntTariffSchedule *tariffs = ent_document_get_tariffs (document);
  EntTariffPeriod *period = ent_tariff_schedule_lookup (tariffs, ent_contract_get_payment_start (contract));
  GString *out = g_string_new (NULL);
  guint n_periods = g_list_model_get_n_items (G_LIST_MODEL (tariffs));
  gint64 increase = ent_scenario_get_tariff_increase (scenario);

  if (period != NULL)
    {
      g_autofree char *base = format_money (ent_tariff_period_get_base_per_pupil (period));
      g_autofree char *optional = format_money (ent_tariff_period_get_optional_per_pupil (period));
      g_autofree char *half_day = format_money (ent_tariff_period_get_half_day (period));
      const char *reference = ent_tariff_period_get_reference (period);

      g_string_append (out, "Les contributions fixées par le comité syndical");
      if (reference != NULL && *reference != '\0')
        g_string_append_printf (out, " (référence : %s)", reference);
      g_string_append_printf (out, " sont de %s par élève et par an pour la part de base, "
                              "obligatoire (plateforme, application mobile, administration), "
                              "de %s par élève et par an pour l’accompagnement forfaitaire, "
                              "optionnel, et de %s par demi-journée d’accompagnement "
                              "spécifique, à la demande.",
                              base, optional, half_day);
    }

  for (guint i = 0; i < n_periods; i++)
    {
      g_autoptr(EntTariffPeriod) later = g_list_model_get_item (G_LIST_MODEL (tariffs), i);
      g_autofree char *date = NULL;
      g_autofree char *base = NULL;
      g_autofree char *optional = NULL;
      g_autofree char *half_day = NULL;
      const char *reference;

      if (period == NULL ||
          g_date_compare (ent_tariff_period_get_valid_from (later),
                          ent_tariff_period_get_valid_from (period)) <= 0)
        continue;
      date = format_date (ent_tariff_period_get_valid_from (later));
      base = format_money (ent_tariff_period_get_base_per_pupil (later));
      optional = format_money (ent_tariff_period_get_optional_per_pupil (later));
      half_day = format_money (ent_tariff_period_get_half_day (later));
      reference = ent_tariff_period_get_reference (later);
      g_string_append_printf (out, " À compter du %s, ils sont portés à %s, %s et %s",
                              date, base, optional, half_day);
      if (reference != NULL && *reference != '\0')
        g_string_append_printf (out, " (référence : %s)", reference);
      g_string_append_c (out, '.');
    }

  if (increase != 0)
    {
      g_autofree char *percent = format_percent (increase);

      g_string_append_printf (out, " Par prudence, une évolution des tarifs de %s par an "
                              "est retenue au-delà des tarifs votés.", percent);
    }
  return g_string_free (out, FALSE);
}

/* "2 par exercice de 2024 à 2027", "2 en 2024 et 1 en 2026" */
static char *
describe_half_days (EntScenario             *scenario,
                    const EntScenarioBudget *sb,
                    gint64                  *out_total)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
  gint64 total = 0, first_count = -1;
  gboolean same = TRUE;

  for (guint y = 0; y < sb->n_years; y++)
    {
      gint64 count = ent_scenario_get_half_days (scenario, sb->years[y].year);

      if (first_count < 0)
        first_count = count;
      same = same && count == first_count;
      total += count;
      if (count > 0)
        g_ptr_array_add (items, g_strdup_printf ("%" G_GINT64_FORMAT " en %d", count, sb->years[y].year));
    }
  *out_total = total;
  if (total == 0)
    return NULL;
  if (same && sb->n_years > 1)
    return g_strdup_printf ("%" G_GINT64_FORMAT " par exercice de %d à %d", first_count,
                            sb->years[0].year, sb->years[sb->n_years - 1].year);
  return join_french (items);
}

static char *
describe_options (EntScenario             *scenario,
                  const EntScenarioBudget *sb)
{
  g_autoptr(GPtrArray) taken = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) years = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *name = g_strdup (ent_scenario_get_name (scenario));
  g_autofree char *half_days = NULL;
  g_autofree char *list = NULL;
  GString *out = g_string_new (NULL);
  gint64 n_half_days;
  guint n_optional = 0;

  for (guint y = 0; y < sb->n_years; y++)
    if (ent_scenario_get_optional_in_year (scenario, sb->years[y].year))
      {
        n_optional++;
        g_ptr_array_add (years, g_strdup_printf ("%d", sb->years[y].year));
      }
  half_days = describe_half_days (scenario, sb, &n_half_days);

  g_ptr_array_add (taken, g_strdup ("la part de base"));
  if (n_optional == sb->n_years && n_optional > 0)
    g_ptr_array_add (taken, g_strdup ("l’accompagnement forfaitaire pour toute la durée du marché"));
  else if (n_optional > 0)
    {
      g_autofree char *joined = join_french (years);

      g_ptr_array_add (taken, g_strdup_printf ("l’accompagnement forfaitaire pour %s %s",
                                               n_optional > 1 ? "les exercices" : "l’exercice",
                                               joined));
    }
  if (half_days != NULL)
    g_ptr_array_add (taken, g_strdup_printf ("%" G_GINT64_FORMAT " demi-journée%s d’accompagnement "
                                             "spécifique (%s)", n_half_days,
                                             n_half_days > 1 ? "s" : "", half_days));
  list = join_french (taken);

  g_string_append_printf (out, "Le scénario retenu (« %s ») comprend %s", name, list);
  if (n_optional == 0 && half_days == NULL)
    g_string_append (out, " ; ni l’accompagnement forfaitaire ni l’accompagnement spécifique "
                          "ne sont retenus");
  else if (n_optional == 0)
    g_string_append (out, " ; l’accompagnement forfaitaire n’est pas retenu");
  else if (half_days == NULL)
    g_string_append (out, " ; aucune demi-journée d’accompagnement spécifique n’est prévue");
  g_string_append_c (out, '.');
  return g_string_free (out, FALSE);
}

static char *
describe_authorisation (const EntScenarioBudget *sb)
{
  g_autofree char *ae = format_money (sb->total);
  g_autoptr(GPtrArray) imputations = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *where = NULL;

  /* the imputation of each line billed, said once when they are the same */
  for (guint l = 0; l < ENT_N_LINES; l++)
    {
      g_autofree char *imputation = NULL;
      gboolean billed = FALSE;

      for (guint y = 0; y < sb->n_years && !billed; y++)
        billed = sb->years[y].lines[l].amount != 0;
      if (!billed)
        continue;
      imputation = describe_imputation (&sb->years[0].lines[l]);
      g_ptr_array_add (parts, g_strdup_printf ("%s pour %s", imputation, line_names[l]));
      if (!g_ptr_array_find_with_equal_func (imputations, imputation, g_str_equal, NULL))
        g_ptr_array_add (imputations, g_steal_pointer (&imputation));
    }
  if (imputations->len == 1)
    where = g_strdup_printf ("au %s", (char *) g_ptr_array_index (imputations, 0));
  else if (imputations->len > 1)
    {
      g_autofree char *joined = join_french (parts);

      where = g_strdup_printf ("au %s", joined);
    }
  else
    where = g_strdup ("au chapitre de la contribution");

  return g_strdup_printf ("S’agissant d’une dépense de fonctionnement engagée sur plusieurs "
                          "exercices, il est proposé d’ouvrir une autorisation d’engagement (AE) "
                          "de %s, égale au coût total du marché, en application de l’article "
                          "L2311-3 II du code général des collectivités territoriales. Les "
                          "crédits de paiement (CP) correspondants sont inscrits au budget de "
                          "chaque exercice, %s, comme suit :",
                          ae, where);
}

/* Where the counts come from, and which are projected. */
static char *
describe_pupils (EntDocument             *document,
                 const EntBudget         *budget,
                 const EntScenarioBudget *sb,
                 gboolean                *out_any_projected)
{
  EntScenario *scenario = sb->scenario;
  GString *out = g_string_new ("Les effectifs retenus sont ceux des écoles publiques");
  int last_counted = 0, last_known = 0, first_projected = 0, last_projected = 0;
  int first_projected_by = 0, last_projected_by = 0;
  gboolean open_data = FALSE, manual = FALSE;

  for (guint y = 0; y < sb->n_years; y++)
    {
      int counted = ent_budget_get_counted_school_year (budget, sb->years[y].year);
      int first, last;

      last_counted = MAX (last_counted, counted);
      if (ent_budget_year_get_vintage (budget, sb, &sb->years[y], &first, &last, NULL))
        {
          if (first_projected == 0 || first < first_projected)
            first_projected = first;
          last_projected = MAX (last_projected, last);
          if (first_projected_by == 0)
            first_projected_by = sb->years[y].year;
          last_projected_by = sb->years[y].year;
        }
    }

  for (guint s = 0; s < budget->n_schools; s++)
    for (guint k = 0; k < ent_school_get_n_known (budget->schools[s]); k++)
      {
        int year;

        ent_school_get_nth_known (budget->schools[s], k, &year, NULL);
        if (year > last_counted)
          continue;
        last_known = MAX (last_known, year);
        if (ent_school_get_nth_source (budget->schools[s], k) == ENT_COUNT_SOURCE_OPEN_DATA)
          open_data = TRUE;
        else
          manual = TRUE;
      }

  if (ent_contract_get_billing (ent_document_get_contract (document)) == ENT_BILLING_PRORATA)
    g_string_append (out, " de chaque année scolaire facturée.");
  else
    g_string_append (out, " à la rentrée de septembre précédant chaque exercice.");

  if (last_known != 0)
    {
      g_autofree char *count = format_count (ent_scenario_budget_count_pupils (budget, sb, last_known, NULL));

      g_string_append_printf (out, " Le dernier effectif constaté est celui de la rentrée %d "
                              "(%s élèves), ", last_known, count);
      if (open_data && manual)
        g_string_append (out, "issu pour partie du fichier « Effectifs d’élèves par école » publié "
                              "par le ministère de l’Éducation nationale et pour partie saisi "
                              "par la collectivité.");
      else if (open_data)
        g_string_append (out, "issu du fichier « Effectifs d’élèves par école » publié par le "
                              "ministère de l’Éducation nationale.");
      else
        g_string_append (out, "saisi par la collectivité.");
    }

  if (first_projected != 0)
    {
      g_autofree char *how = NULL;

      if (ent_scenario_get_projection (scenario) == ENT_PROJECTION_RATE &&
          ent_scenario_get_projection_rate (scenario) != 0)
        {
          g_autofree char *percent = format_percent (ent_scenario_get_projection_rate (scenario));

          how = g_strdup_printf ("avec une évolution de %s par an", percent);
        }
      else
        how = g_strdup ("à effectif constant");

      if (first_projected == last_projected)
        g_string_append_printf (out, " L’effectif de la rentrée %d (exercice %d), non encore "
                                "connu, est projeté %s ; il est signalé par un astérisque dans "
                                "le tableau.", first_projected, first_projected_by, how);
      else
        g_string_append_printf (out, " Les effectifs des rentrées %d à %d (exercices %d à %d), "
                                "non encore connus, sont projetés %s ; ils sont signalés par un "
                                "astérisque dans le tableau.", first_projected, last_projected,
                                first_projected_by, last_projected_by, how);
    }
  else
    g_string_append (out, " Tous les effectifs retenus sont constatés.");

  *out_any_projected = first_projected != 0;
  return g_string_free (out, FALSE);
}

/* French typography in a sentence: a no-break space inside « » and before
 * ":", a narrow one before ";" (as the translations of the UI do). */
static char *
french_spaces (const char *text)
{
  g_autoptr(GString) out = g_string_new (text);

  g_string_replace (out, "« ", "«" NBSP, 0);
  g_string_replace (out, " »", NBSP "»", 0);
  g_string_replace (out, " :", NBSP ":", 0);
  g_string_replace (out, " ;", NNBSP ";", 0);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
add_paragraph (GPtrArray *paragraphs,
               char      *text)   /* taken */
{
  g_ptr_array_add (paragraphs, french_spaces (text));
  g_free (text);
}

static void
add_row (Rob        *rob,
         const char *year,
         char       *pupils,      /* taken */
         char       *cp,          /* taken */
         char       *remaining)   /* taken */
{
  char **row = g_new0 (char *, N_COLS + 1);

  row[COL_YEAR] = g_strdup (year);
  row[COL_PUPILS] = pupils;
  row[COL_CP] = cp;
  row[COL_REMAINING] = remaining;
  g_ptr_array_add (rob->rows, row);
}

static void
build_table (Rob                     *rob,
             const EntBudget         *budget,
             const EntScenarioBudget *sb)
{
  add_row (rob, "Exercice", g_strdup ("Élèves comptés"),
           g_strdup ("Crédits de paiement (CP)"), g_strdup ("Reste à financer"));
  for (guint y = 0; y < sb->n_years; y++)
    {
      const EntBudgetYear *by = &sb->years[y];
      g_autofree char *year = g_strdup_printf ("%d", by->year);
      g_autofree char *count = format_count (by->pupils);
      gboolean projected = ent_budget_year_get_vintage (budget, sb, by, NULL, NULL, NULL);
      int counted = ent_budget_get_counted_school_year (budget, by->year);

      add_row (rob, year,
               g_strdup_printf ("%s (rentrée %d%s)", count, counted, projected ? " *" : ""),
               format_money (by->total), format_money (by->remaining));
    }
  add_row (rob, "Total (AE)", g_strdup (""), format_money (sb->total), g_strdup (""));
}

static void
append_text_table (GString   *out,
                   GPtrArray *rows)
{
  glong widths[N_COLS] = { 0 };

  for (guint r = 0; r < rows->len; r++)
    for (guint c = 0; c < N_COLS; c++)
      widths[c] = MAX (widths[c], g_utf8_strlen (((char **) rows->pdata[r])[c], -1));

  for (guint r = 0; r < rows->len; r++)
    {
      char **row = rows->pdata[r];

      for (guint c = 0; c < N_COLS; c++)
        {
          glong pad = widths[c] - g_utf8_strlen (row[c], -1);

          if (c > 0)
            g_string_append (out, "  ");
          /* the year left, the figures right (the header as its column) */
          if (c != COL_YEAR)
            for (glong i = 0; i < pad; i++)
              g_string_append_c (out, ' ');
          g_string_append (out, row[c]);
          if (c == COL_YEAR)
            for (glong i = 0; i < pad; i++)
              g_string_append_c (out, ' ');
        }
      while (out->len > 0 && out->str[out->len - 1] == ' ')
        g_string_truncate (out, out->len - 1);
      g_string_append_c (out, '\n');
    }
}

static char *
render_text (const Rob *rob)
{
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, "%s\n\n", rob->title);
  for (guint i = 0; i < rob->before->len; i++)
    g_string_append_printf (out, "%s\n\n", (char *) g_ptr_array_index (rob->before, i));
  append_text_table (out, rob->rows);
  for (guint i = 0; i < rob->after->len; i++)
    g_string_append_printf (out, "\n%s\n", (char *) g_ptr_array_index (rob->after, i));
  return g_string_free (out, FALSE);
}

static void
append_html_paragraphs (GString   *out,
                        GPtrArray *paragraphs)
{
  for (guint i = 0; i < paragraphs->len; i++)
    {
      g_autofree char *escaped = g_markup_escape_text (g_ptr_array_index (paragraphs, i), -1);

      g_string_append_printf (out, "<p>%s</p>\n", escaped);
    }
}

static char *
render_html (const Rob *rob)
{
  GString *out = g_string_new (NULL);
  g_autofree char *title = g_markup_escape_text (rob->title, -1);

  g_string_append_printf (out, "<p><strong>%s</strong></p>\n", title);
  append_html_paragraphs (out, rob->before);
  g_string_append (out, "<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\" "
                        "style=\"border-collapse: collapse\">\n");
  for (guint r = 0; r < rob->rows->len; r++)
    {
      char **row = rob->rows->pdata[r];
      gboolean header = r == 0, total = r == rob->rows->len - 1;

      g_string_append (out, header ? "<thead><tr>" : total ? "<tfoot><tr>" : r == 1 ? "<tbody><tr>" : "<tr>");
      for (guint c = 0; c < N_COLS; c++)
        {
          g_autofree char *cell = g_markup_escape_text (row[c], -1);
          const char *align = c == COL_YEAR ? "left" : "right";

          if (header)
            g_string_append_printf (out, "<th style=\"text-align: %s\">%s</th>", align, cell);
          else if (total)
            g_string_append_printf (out, "<td style=\"text-align: %s\"><strong>%s</strong></td>", align, cell);
          else
            g_string_append_printf (out, "<td style=\"text-align: %s\">%s</td>", align, cell);
        }
      g_string_append (out, header ? "</tr></thead>\n" : total ? "</tr></tfoot>\n"
                       : r == rob->rows->len - 2 ? "</tr></tbody>\n" : "</tr>\n");
    }
  g_string_append (out, "</table>\n");
  append_html_paragraphs (out, rob->after);
  return g_string_free (out, FALSE);
}

gboolean
ent_rob_build (EntDocument  *document,
               EntScenario  *scenario,
               char        **out_text,
               char        **out_html,
               GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(EntBudget) budget = NULL;
  g_auto(Rob) rob = { 0 };
  const EntScenarioBudget *sb;
  gboolean any_projected;

  g_return_val_if_fail (ENT_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (scenario == NULL || ENT_IS_SCENARIO (scenario), FALSE);
  g_return_val_if_fail (out_text != NULL, FALSE);

  budget = ent_budget_compute (document, &local_error);
  if (budget == NULL)
    return g_set_error_literal (error, ENT_EXPORT_ERROR, ENT_EXPORT_ERROR_BUDGET,
                                local_error->message), FALSE;
  if (scenario == NULL)
    scenario = ent_document_get_current_scenario (document);
  sb = ent_budget_find_scenario (budget, scenario);
  if (sb == NULL || sb->n_years == 0)
    return g_set_error_literal (error, ENT_EXPORT_ERROR, ENT_EXPORT_ERROR_INVALID,
                                "Le scénario n’appartient pas au document"), FALSE;

  rob.title = g_strdup ("Engagements pluriannuels : espace numérique de travail des écoles (ENT " PRODUCT ")");
  rob.before = g_ptr_array_new_with_free_func (g_free);
  rob.rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  rob.after = g_ptr_array_new_with_free_func (g_free);

  add_paragraph (rob.before, describe_contract (document));
  add_paragraph (rob.before, describe_tariffs (document, sb->scenario));
  add_paragraph (rob.before, describe_options (sb->scenario, sb));
  add_paragraph (rob.before, describe_authorisation (sb));
  build_table (&rob, budget, sb);
  {
    char *pupils = describe_pupils (document, budget, sb, &any_projected);

    /* the table's note first, under it */
    if (any_projected)
      add_paragraph (rob.after, g_strdup ("* effectifs projetés"));
    add_paragraph (rob.after, pupils);
  }

  *out_text = render_text (&rob);
  if (out_html != NULL)
    *out_html = render_html (&rob);
  return TRUE;
}
