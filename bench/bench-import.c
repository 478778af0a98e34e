/* bench-import.c: importing one commune from a national-size Ministry file (SPEC 12)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-import [RUNS] [--write=FILE]   (default 5 runs)
 *
 * Generates in memory a file shaped like the 2024+ label export of
 * « Effectifs d'élèves par école » (UTF-8 with BOM, ';', CRLF): about 47 000
 * rows, three rentrées (2024–2026) of 15 700 schools in 9 000 communes of 101
 * départements, sectors spelled as the Ministry does, one secret count in 500.
 * Hem (59510) has 11 schools. Then times ent_csv_import_parse () selecting
 * Hem by commune, by postal code, by UAI and by département 59, and a
 * misspelt commune (the slowest case: the closest communes are searched).
 * Prints the median wall time of each; the target on the reference machine
 * (2 cores) is one commune in at most one second. --write saves the file for
 * trying the command line or the window by hand. Never committed: generated.
 * Exit status 0 whatever the figures: timings depend on the machine.
 */
#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include "ent-bench-timing.h"
#include "ent-csv-import.h"

#define N_SCHOOLS_PER_YEAR 15700
#define N_COMMUNES         9000

static const char header[] =
  "\xef\xbb\xbfRentrée scolaire;Code région académique;Code région Insee;Région académique;"
  "Code académie;Académie;Code département;Département;Code Postal;Commune;Numéro de l'école;"
  "Dénomination principale;Patronyme;Secteur;REP;REP +;Nombre total de classes;"
  "Nombre total d'élèves;Nombre d'élèves en pré-élémentaire hors ULIS;"
  "Nombre d'élèves en élémentaire hors ULIS;Nombre d'élèves en ULIS;Nombre d'élèves en UEEA;"
  "Nombre d'élèves en CP hors ULIS;Nombre d'élèves en CE1 hors ULIS;"
  "Nombre d'élèves en CE2 hors ULIS;Nombre d'élèves en CM1 hors ULIS;"
  "Nombre d'élèves en CM2 hors ULIS;tri\r\n";

static const char * const denominations[] = {
  "ECOLE MATERNELLE PUBLIQUE", "ECOLE ELEMENTAIRE PUBLIQUE", "ECOLE PRIMAIRE PUBLIQUE",
  "ECOLE PRIMAIRE PRIVEE",
};
static const char * const sectors[] = { "Public", "Public", "Public", "Privé sous contrat" };

static GBytes *
make_national_file (guint *out_rows)
{
  GString *out = g_string_sized_new (13 * 1024 * 1024);
  GRand *rand = g_rand_new_with_seed (2025);
  guint rows = 0;

  g_string_append (out, header);
  for (int year = 2024; year <= 2026; year++)
    for (guint i = 0; i < N_SCHOOLS_PER_YEAR; i++)
      {
        /* Hem is commune 0: its first 11 schools */
        guint commune = i < 11 ? 0 : 1 + (i * 7919u) % (N_COMMUNES - 1);
        guint departement = commune == 0 ? 59 : 1 + commune % 95;
        guint kind = i < 11 ? i % 3 : (guint) g_rand_int_range (rand, 0, 4);
        gint64 pupils = 20 + (gint64) ((i * 37u + (guint) year) % 380);
        char uai[9];
        char commune_name[32];
        char postal[6];
        char total[16];

        g_snprintf (uai, sizeof uai, "%03u%04u%c", departement % 1000, i % 10000,
                    'A' + (char) (i / 10000 % 26));
        if (commune == 0)
          {
            g_strlcpy (commune_name, "HEM", sizeof commune_name);
            g_strlcpy (postal, "59510", sizeof postal);
          }
        else
          {
            g_snprintf (commune_name, sizeof commune_name, "%sCOMMUNE %u",
                        commune % 9 == 0 ? "ST " : "", commune);
            g_snprintf (postal, sizeof postal, "%02u%03u", departement, commune % 1000);
          }
        if (i % 500 == 499)
          g_strlcpy (total, "ss", sizeof total);
        else
          g_snprintf (total, sizeof total, "%" G_GINT64_FORMAT, pupils);

        g_string_append_printf (out,
                                "%d;32;32;REGION;09;ACADEMIE;%03u;DEPARTEMENT %u;%s;%s;%s;%s;"
                                "PATRONYME %u;%s;0;0;%" G_GINT64_FORMAT ";%s;0;0;0;0;0;0;0;0;0;"
                                "TRI-%s\r\n",
                                year, departement, departement, postal, commune_name, uai,
                                denominations[kind], i, sectors[kind], pupils / 25 + 1, total, uai);
        rows++;
      }

  g_rand_free (rand);
  *out_rows = rows;
  return g_string_free_to_bytes (out);
}

static double
time_import (GBytes                *bytes,
             const EntCsvSelection *selection,
             guint                  runs,
             guint                 *out_schools,
             char                 **out_error)
{
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint r = 0; r < runs; r++)
    {
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();
      g_autoptr(EntCsvImport) import = ent_csv_import_parse (bytes, "national.csv", selection, &error);
      double ms = (g_get_monotonic_time () - start) / 1000.0;

      g_array_append_val (samples, ms);
      *out_schools = import != NULL ? ent_csv_import_get_n_schools (import) : 0;
      if (error != NULL && *out_error == NULL)
        *out_error = g_strdup (error->message);
    }
  return ent_bench_summarize (samples).median;
}

int
main (int    argc,
      char **argv)
{
  static const char * const hem[] = { "Hem", NULL };
  static const char * const typo[] = { "Saint-Hem-lez-Lille", NULL };
  static const char * const postal[] = { "59510", NULL };
  static const char * const uai[] = { "0590003A", NULL };
  static const char * const nord[] = { "59", NULL };
  const struct
  {
    const char      *what;
    EntCsvSelection  selection;
  } cases[] = {
    { "--commune=Hem", { .communes = hem } },
    { "--postal-code=59510", { .postal_codes = postal } },
    { "--uai=0590003A", { .uais = uai } },
    { "--departement=59", { .departements = nord } },
    { "--commune=Saint-Hem-lez-Lille (no match)", { .communes = typo } },
  };
  const char *write_path = NULL;
  g_autoptr(GBytes) bytes = NULL;
  guint runs = 5;
  guint rows = 0;
  gint64 start;

  setlocale (LC_ALL, "");
  for (int i = 1; i < argc; i++)
    {
      if (g_str_has_prefix (argv[i], "--write="))
        write_path = argv[i] + strlen ("--write=");
      else
        runs = (guint) MAX (1, atoi (argv[i]));
    }

  start = g_get_monotonic_time ();
  bytes = make_national_file (&rows);
  g_print ("national-size file: %u rows, %.1f MB, generated in %.0f ms\n", rows,
           g_bytes_get_size (bytes) / 1e6, (g_get_monotonic_time () - start) / 1000.0);
  if (write_path != NULL &&
      !g_file_set_contents (write_path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL))
    g_printerr ("could not write %s\n", write_path);

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autofree char *error = NULL;
      guint n_schools = 0;
      double ms = time_import (bytes, &cases[c].selection, runs, &n_schools, &error);

      g_print ("import %-42s %8.1f ms median of %u  (%u schools%s%s)\n", cases[c].what, ms, runs,
               n_schools, error != NULL ? "; " : "", error != NULL ? "refused as expected" : "");
    }
  return EXIT_SUCCESS;
}
