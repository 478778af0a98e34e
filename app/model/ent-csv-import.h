/* ent-csv-import.h: pupil counts from the Ministry's open data, or from a template CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two inputs are understood (columns found by name, in any order, ';'
 * separated, UTF-8 with or without BOM, RFC 4180 quoting):
 *
 * - the official dataset "Effectifs d'élèves par niveau et nombre de classes
 *   par école – premier degré" (data.education.gouv.fr), with its French label
 *   header ("Rentrée scolaire;…;Commune;Numéro de l'école;Dénomination
 *   principale;Patronyme;Secteur;…;Nombre total d'élèves;…;Code Postal") or its
 *   field-name header ("rentree_scolaire;…;numero_ecole;…;nombre_total_eleves;
 *   …;code_postal"). Each selected row is the known count of one school (UAI)
 *   for the school year of its rentrée ("2023" or "2023-09-01");
 * - a template "école;uai;[commune;]2023;2024;…" (name column "école", "ecole",
 *   "nom" or "name"; "uai"; optional "commune" and "insee"; one column per
 *   school year; an empty cell is an unknown count).
 *
 * Parsing is all or nothing: any error (ENT_MODEL_ERROR, naming the file, the
 * line and the column) and nothing is returned. Nothing touches a document
 * until ent_csv_import_apply().
 */
#pragma once

#include "ent-document.h"

G_BEGIN_DECLS

/* Larger inputs are refused (the whole national file, all rentrées, is ~100 MB). */
#define ENT_CSV_IMPORT_MAX_SIZE (256 * 1024 * 1024)

typedef enum
{
  ENT_CSV_FORMAT_OFFICIAL,   /* the Ministry's dataset, either header */
  ENT_CSV_FORMAT_TEMPLATE,   /* école;uai;2023;… */
} EntCsvFormat;

/* Which rows to import. Communes compare case-, accent- and punctuation-
 * insensitively ("Villeneuve d'Ascq" = "VILLENEUVE-D'ASCQ"). With both lists,
 * a row must match a commune AND a postal code (to tell homonyms apart); with
 * one list, it must match that one. The official format needs at least one
 * list; a template without a commune column ignores the selection (its schools
 * take the selection's commune when exactly one is given). */
typedef struct
{
  const char * const *communes;        /* NULL-terminated, or NULL */
  const char * const *postal_codes;    /* NULL-terminated, or NULL */
  gboolean            include_private; /* FALSE: Secteur "Public" only */
} EntCsvSelection;

typedef struct
{
  int    school_year;   /* the rentrée of September school_year */
  gint64 pupils;
  int    line;          /* line of the file it comes from */
} EntCsvCount;

typedef struct
{
  char        *uai;            /* upper case; "" only in a template row without UAI */
  char        *name;           /* "Dénomination principale Patronyme", as given */
  char        *commune;        /* the selection's spelling when it matched one, else as given */
  char        *commune_insee;  /* "" when unknown (the official file has no reliable one) */
  char        *postal_code;    /* "" when unknown */
  gboolean     is_public;
  guint        n_counts;
  EntCsvCount *counts;         /* increasing school year */
} EntCsvSchool;

typedef struct _EntCsvImport EntCsvImport;

typedef enum
{
  ENT_CSV_CHANGE_NEW_SCHOOL,     /* the school is added (school_year 0), */
  ENT_CSV_CHANGE_NEW_COUNT,      /* then each of its counts; or a new year of a known school */
  ENT_CSV_CHANGE_CHANGED_COUNT,  /* old_count → new_count */
  ENT_CSV_CHANGE_UNCHANGED,
  ENT_CSV_CHANGE_NOT_IN_FILE,    /* a school of the document, in an imported commune,
                                    absent from the file (kept: check for double counts) */
} EntCsvChangeKind;

typedef struct
{
  EntCsvChangeKind kind;
  char            *uai;
  char            *name;
  char            *commune;
  int              school_year;  /* 0 for NEW_SCHOOL and NOT_IN_FILE */
  gint64           old_count;    /* -1 when none */
  gint64           new_count;    /* -1 when none */
} EntCsvChange;

EntCsvImport       *ent_csv_import_parse           (GBytes                *bytes,
                                                    const char            *display_name,
                                                    const EntCsvSelection *selection,
                                                    GError               **error);
/* Reads @file (at most ENT_CSV_IMPORT_MAX_SIZE bytes) and parses it. */
EntCsvImport       *ent_csv_import_load_file       (GFile                 *file,
                                                    const EntCsvSelection *selection,
                                                    GCancellable          *cancellable,
                                                    GError               **error);
void                ent_csv_import_free            (EntCsvImport          *self);

EntCsvFormat        ent_csv_import_get_format      (const EntCsvImport    *self);
guint               ent_csv_import_get_n_schools   (const EntCsvImport    *self);
const EntCsvSchool *ent_csv_import_get_school      (const EntCsvImport    *self,
                                                    guint                  index);
/* Communes of the imported schools, order of first appearance (NULL-terminated). */
char              **ent_csv_import_dup_communes    (const EntCsvImport    *self);
/* Rows of the file skipped because they were private schools of a selected commune. */
guint               ent_csv_import_get_n_private_skipped (const EntCsvImport *self);

/* What ent_csv_import_apply() would change in @document (a GPtrArray of
 * EntCsvChange, owning them), schools in the file's order, then NOT_IN_FILE. */
GPtrArray          *ent_csv_import_preview         (const EntCsvImport    *self,
                                                    EntDocument           *document);
/* A translated one-line description of @change for a list or the terminal. */
char               *ent_csv_change_describe        (const EntCsvChange    *change);
void                ent_csv_change_free            (EntCsvChange          *change);

/* Merges into @document by UAI (template schools without UAI: by name within
 * the commune): a known school gets the file's counts (other years untouched,
 * name and commune kept); a new one is appended with its name and commune
 * (spelled as the document already spells that commune, if it does). When the
 * document then holds schools of several communes and its payer kind is
 * "commune", it becomes "epci". Returns the number of counts added or changed. */
guint               ent_csv_import_apply           (const EntCsvImport    *self,
                                                    EntDocument           *document);

/* A new document: a copy of @base (nullable) with the import applied. Without
 * base: the bundled Hem example's contract, tariffs, imputation and scenarios,
 * no school, then the imported ones; title "ENT des écoles publiques de …"
 * (translated), payer the commune (kind "commune") or, for several communes,
 * a group of them (kind "epci"); INSEE code empty. Not modified, no file. */
EntDocument        *ent_csv_import_to_document     (const EntCsvImport    *self,
                                                    EntDocument           *base,
                                                    GError               **error);

/* Key used to compare commune names: NFD, marks dropped, case-folded, every
 * run of non-alphanumeric characters made one space, trimmed. */
char               *ent_csv_commune_key            (const char            *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EntCsvImport, ent_csv_import_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EntCsvChange, ent_csv_change_free)

G_END_DECLS
