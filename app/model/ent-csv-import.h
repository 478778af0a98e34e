/* ent-csv-import.h: pupil counts from the Ministry's open data, or from a template CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two inputs are understood (columns found by name, in any order, ';', ',' or
 * tab separated, UTF-8 with or without BOM, else Windows-1252 with a warning,
 * RFC 4180 quoting):
 *
 * - the official dataset « Effectifs d'élèves par école »
 *   (fr-en-ecoles-effectifs-nb_classes, SPEC 12), with the French label header
 *   of the 2019–2026 releases ("Rentrée scolaire;…;Code département;…;Code
 *   Postal;Commune;Numéro de l'école;…;Secteur;…;Nombre total d'élèves;…") or
 *   the field-name header of the API exports ("rentree_scolaire;…;
 *   code_departement;…;code_commune_insee;commune;numero_ecole;…;secteur;…;
 *   nombre_total_eleves;…", with or without "code_postal"). Each selected row
 *   is the count of one school (UAI) for the school year of its rentrée
 *   ("2023" or "2023-09-01"); a secret count (empty, "ss", "s", "nc", "<5")
 *   leaves that school year unknown, with a warning;
 * - a template "école;uai;[commune;][insee;]2023;2024;…" (name column "école",
 *   "ecole", "nom" or "name"; "uai"; optional "commune" and "insee"; one
 *   column per school year; an empty cell is an unknown count).
 *
 * Parsing is all or nothing: any error (ENT_MODEL_ERROR, naming the file, the
 * line and the column) and nothing is returned. Nothing touches a document
 * until ent_csv_import_apply().
 */
#pragma once

#include "ent-document.h"
#include "ent-enum-types.h"

G_BEGIN_DECLS

/* Larger inputs are refused (the whole national file, all rentrées, is ~100 MB). */
#define ENT_CSV_IMPORT_MAX_SIZE (256 * 1024 * 1024)

typedef enum
{
  ENT_CSV_FORMAT_OFFICIAL,   /* the Ministry's dataset, either header */
  ENT_CSV_FORMAT_TEMPLATE,   /* école;uai;2023;… */
} EntCsvFormat;

/* Which rows to import, and how to merge them. Communes compare case-,
 * accent- and punctuation-insensitively, "ST"/"STE" standing for
 * "SAINT"/"SAINTE" ("Saint-André-lez-Lille" = "ST ANDRE LEZ LILLE"). A row
 * must match every list given (a commune AND a postal code tells homonyms
 * apart); the official format needs at least one list. The postal code is
 * read from "code_postal", else from "code_commune_insee" (where the 2024–2026
 * field exports put it). A template without a commune column ignores the
 * commune selection (its schools take the selection's commune when exactly
 * one is given). */
typedef struct
{
  const char * const *communes;        /* NULL-terminated, or NULL */
  const char * const *postal_codes;    /* NULL-terminated, or NULL */
  gboolean            include_private; /* FALSE: public schools only */
  const char * const *uais;            /* NULL-terminated, or NULL */
  const char * const *departements;    /* "59", "059", "2A"…: NULL-terminated, or NULL */
  gboolean            keep_unmatched;  /* merge: keep the schools without UAI of the
                                          imported communes (SPEC 12: replaced otherwise) */
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
  EntSchoolLevel level;        /* official: from "Dénomination principale" of the latest
                                  rentrée; UNKNOWN when it names no level, or a template */
  int          opens;          /* official: the first rentrée it appears in, when the
                                  file has earlier ones; else ENT_SCHOOL_YEAR_NONE */
  int          closes;         /* official: the rentrée after the last it appears in,
                                  when the file has later ones; else NONE */
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
  ENT_CSV_CHANGE_REPLACED,       /* a school without UAI of an imported commune (an
                                    aggregate line), removed: the imported schools
                                    replace it (SPEC 12) */
  ENT_CSV_CHANGE_IGNORED_AFTER,  /* a count of a school year after the contract */
  ENT_CSV_CHANGE_IGNORED_BEFORE, /* a count before the contract older than another one */
  ENT_CSV_CHANGE_OPENS,          /* the school opens at school_year */
  ENT_CSV_CHANGE_CLOSES,         /* the school is closed from school_year */
} EntCsvChangeKind;

typedef struct
{
  EntCsvChangeKind kind;
  char            *uai;
  char            *name;
  char            *commune;
  int              school_year;  /* 0 for NEW_SCHOOL, NOT_IN_FILE and REPLACED */
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
/* What was read but is worth a look, translated, one line each, "FILE:LINE: …"
 * (a secret count, a sector neither public nor private, the encoding):
 * NULL-terminated, empty when none. */
const char * const *ent_csv_import_get_warnings  (const EntCsvImport    *self);

/* What ent_csv_import_apply() would change in @document (a GPtrArray of
 * EntCsvChange, owning them), schools in the file's order (each with its
 * counts, opening and closing, and the counts the contract makes ignore),
 * then REPLACED or NOT_IN_FILE. */
GPtrArray          *ent_csv_import_preview         (const EntCsvImport    *self,
                                                    EntDocument           *document);
/* A translated one-line description of @change for a list or the terminal. */
char               *ent_csv_change_describe        (const EntCsvChange    *change);
void                ent_csv_change_free            (EntCsvChange          *change);

/* Merges into @document by UAI (template schools without UAI: by name within
 * the commune): a known school gets the file's counts (other years untouched,
 * name and commune kept); a new one is appended with its name and commune
 * (spelled as the document already spells that commune, if it does). Either
 * gets the level the file names, a known one kept when it names none. Counts
 * of school years after the contract are left out, and before it only the
 * latest of each school is kept (a projection base). Imported counts of the
 * official dataset get the source "open-data", a template's "manual". Unless
 * the selection kept them, the document's schools without UAI in the
 * imported communes are removed (SPEC 12: the imported schools replace such
 * an aggregate line). When the document then holds schools of several
 * communes and its payer kind is "commune", it becomes "epci". Returns the
 * number of counts added or changed. */
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

/* Each budget year of one scenario before and after the import (SPEC 12:
 * the preview shows what the import does to the totals). */
typedef struct
{
  int    year;            /* budget year */
  gint64 pupils_before;   /* pupils counted (the rentrée it bills) */
  gint64 pupils_after;
  gint64 total_before;    /* cents */
  gint64 total_after;
} EntCsvYearTotals;

typedef struct
{
  char             *scenario;        /* its name */
  guint             n_years;
  EntCsvYearTotals *years;
  gint64            contract_before; /* cents */
  gint64            contract_after;
} EntCsvTotals;

/* The budget of @document's scenario @scenario_index (the first when out of
 * range) before and after the import. Fails when either budget cannot be
 * computed (the reason), or the import cannot be applied. */
EntCsvTotals       *ent_csv_import_compute_totals  (const EntCsvImport    *self,
                                                    EntDocument           *document,
                                                    guint                  scenario_index,
                                                    GError               **error);
void                ent_csv_totals_free            (EntCsvTotals          *totals);

/* Key used to compare commune names: NFD, marks dropped, case-folded, every
 * run of non-alphanumeric characters made one space, trimmed, and the words
 * "st" and "ste" made "saint" and "sainte". */
char               *ent_csv_commune_key            (const char            *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EntCsvImport, ent_csv_import_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EntCsvChange, ent_csv_change_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EntCsvTotals, ent_csv_totals_free)

G_END_DECLS
