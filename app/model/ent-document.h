/* ent-document.h: everything a .entbudget file holds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ent-contract.h"
#include "ent-enum-types.h"
#include "ent-error.h"
#include "ent-execution.h"
#include "ent-scenario.h"
#include "ent-school.h"
#include "ent-tariff-schedule.h"

G_BEGIN_DECLS

#define ENT_DOCUMENT_FORMAT_VERSION 1
/* The largest .entbudget file: the loader refuses a larger one, and
 * ent_document_to_bytes () refuses to produce one, so that whatever is
 * written can be opened (SPEC 10.6). A document for every primary school of
 * France (about 48 000) with ten school years of counts takes about 10 MiB. */
#define ENT_DOCUMENT_MAX_SIZE (16 * 1024 * 1024)
#define ENT_EXAMPLE_RESOURCE "/io/github/budgetent/BudgetEnt/examples/hem.entbudget"

typedef enum
{
  ENT_PAYER_COMMUNE,
  ENT_PAYER_EPCI,
} EntPayerKind;

/* What became of the document's file on disk since the document was loaded
 * from it or last saved to it (SPEC 10.3). */
typedef enum
{
  ENT_FILE_CHANGE_NONE,      /* as loaded or saved, or nothing to compare with */
  ENT_FILE_CHANGE_MODIFIED,  /* written since by another program or another instance */
  ENT_FILE_CHANGE_DELETED,   /* deleted (or moved away) since */
} EntFileChange;

typedef enum
{
  ENT_LINE_BASE,
  ENT_LINE_OPTIONAL,
  ENT_LINE_SPECIFIC,
  ENT_N_LINES /*< skip >*/,
} EntLineKind;

#define ENT_TYPE_DOCUMENT (ent_document_get_type ())
G_DECLARE_FINAL_TYPE (EntDocument, ent_document, ENT, DOCUMENT, GObject)

/* Properties: "title", "payer", "payer-kind" (ENT_TYPE_PAYER_KIND), "insee", "siret" (strings),
 * "modified" (boolean, read-only: set by any change, cleared by
 * ent_document_set_modified (FALSE) after a save), "file" (GFile, may be NULL),
 * "file-stamp" (string, read-only, may be NULL: what "file" was on disk when
 * the document was loaded from it or last saved to it; opaque, see
 * ent_document_check_file_change()), "current-scenario" (EntScenario).
 *
 * Signal "changed" (no arguments): emitted after any change of the document or
 * of anything it holds (contract, tariffs, schools, scenarios, imputation,
 * execution). Views
 * connect to it and recompute the budget. */
EntDocument       *ent_document_new                (void);
/* The bundled Hem example (GResource ENT_EXAMPLE_RESOURCE). */
EntDocument       *ent_document_new_example        (void);

const char        *ent_document_get_title          (EntDocument  *self);
void               ent_document_set_title          (EntDocument  *self,
                                                    const char   *title);
const char        *ent_document_get_payer          (EntDocument  *self);
void               ent_document_set_payer          (EntDocument  *self,
                                                    const char   *payer);
EntPayerKind       ent_document_get_payer_kind     (EntDocument  *self);
void               ent_document_set_payer_kind     (EntDocument  *self,
                                                    EntPayerKind  kind);
const char        *ent_document_get_insee          (EntDocument  *self);
void               ent_document_set_insee          (EntDocument  *self,
                                                    const char   *insee);
/* "" or 14 digits with a valid Luhn key (ent_validate_siret ()). */
const char        *ent_document_get_siret          (EntDocument  *self);
void               ent_document_set_siret          (EntDocument  *self,
                                                    const char   *siret);
gboolean           ent_document_get_modified       (EntDocument  *self);
void               ent_document_set_modified       (EntDocument  *self,
                                                    gboolean      modified);
GFile             *ent_document_get_file           (EntDocument  *self);
/* Another file than the current one clears "file-stamp". */
void               ent_document_set_file           (EntDocument  *self,
                                                    GFile        *file);
const char        *ent_document_get_file_stamp     (EntDocument  *self);
/* Compares "file" on disk now with "file-stamp": @out_change is
 * ENT_FILE_CHANGE_NONE without a file or a stamp. @out_modified (optional,
 * nullable, local time): when the file on disk was last modified, for
 * ENT_FILE_CHANGE_MODIFIED. FALSE, with an ENT_MODEL_ERROR_IO error, when
 * the file cannot be examined (not when it is gone: that is
 * ENT_FILE_CHANGE_DELETED). */
gboolean           ent_document_check_file_change  (EntDocument    *self,
                                                    EntFileChange  *out_change,
                                                    GDateTime     **out_modified,
                                                    GError        **error);

EntContract       *ent_document_get_contract       (EntDocument  *self);
EntTariffSchedule *ent_document_get_tariffs        (EntDocument  *self);
/* Voted and paid per budget year, AE revisions (SPEC 13), edited in place. */
EntExecution      *ent_document_get_execution      (EntDocument  *self);
/* GListModel of EntSchool, in document order. */
GListModel        *ent_document_get_schools        (EntDocument  *self);
void               ent_document_add_school         (EntDocument  *self,
                                                    EntSchool    *school);
/* Appends @n_schools schools at once: one "items-changed", one "changed". */
void               ent_document_add_schools        (EntDocument  *self,
                                                    EntSchool   **schools,
                                                    guint         n_schools);
void               ent_document_remove_school      (EntDocument  *self,
                                                    EntSchool    *school);
/* GListModel of EntScenario, in document order; never empty once loaded. */
GListModel        *ent_document_get_scenarios      (EntDocument  *self);
void               ent_document_add_scenario       (EntDocument  *self,
                                                    EntScenario  *scenario);
/* Refuses (returns FALSE) to remove the last scenario. */
gboolean           ent_document_remove_scenario    (EntDocument  *self,
                                                    EntScenario  *scenario);

/* The scenario chosen in the window, saved as [Document] scenario and used
 * by default on the command line ("current-scenario" property). Choosing is
 * not an edit: no "changed", not "modified". NULL or a scenario of another
 * document chooses the first. Removing the current scenario chooses its
 * neighbour. */
EntScenario       *ent_document_get_current_scenario (EntDocument *self);
void               ent_document_set_current_scenario (EntDocument *self,
                                                      EntScenario *scenario);
guint              ent_document_get_current_scenario_index (EntDocument *self);

/* Undo: makes @self's saved content that of @from (a snapshot loaded for the
 * purpose, whose schools and scenarios move to @self), in place, keeping the
 * unchanged schools and scenarios, with one "changed" at the end. The
 * current scenario: one that comes back, else the same, else the one at its
 * position. */
void               ent_document_replace_content    (EntDocument  *self,
                                                    EntDocument  *from);

/* Budget imputation of each line: chapter ("65"), nature ("65548"), function ("21"). */
const char        *ent_document_get_chapter        (EntDocument  *self,
                                                    EntLineKind   line);
const char        *ent_document_get_nature         (EntDocument  *self,
                                                    EntLineKind   line);
const char        *ent_document_get_function       (EntDocument  *self,
                                                    EntLineKind   line);
void               ent_document_set_imputation     (EntDocument  *self,
                                                    EntLineKind   line,
                                                    const char   *chapter,
                                                    const char   *nature,
                                                    const char   *function);

/* [Imputation] split-functions (SPEC 5): the base line booked on functions
 * 211 (maternelles) and 212 (primaires) by pupils instead of one function.
 * FALSE by default; emits "changed". */
gboolean           ent_document_get_split_functions (EntDocument *self);
void               ent_document_set_split_functions (EntDocument *self,
                                                     gboolean     split);

/* Communes in order of first appearance among the schools (names, NULL-terminated). */
char             **ent_document_dup_communes       (EntDocument  *self);

/* Deep comparison of everything saved to a file (not "modified" nor "file"). */
gboolean           ent_document_equal              (EntDocument  *a,
                                                    EntDocument  *b);

/* Key-file I/O (ent-document-loader.c, ent-document-writer.c). A failed load
 * returns NULL and changes nothing; the caller swaps documents only on
 * success. Errors are in ENT_MODEL_ERROR and name the file, the group, the
 * key and the line. */
EntDocument       *ent_document_new_from_file      (GFile        *file,
                                                    GError      **error);
EntDocument       *ent_document_new_from_bytes     (GBytes       *bytes,
                                                    const char   *display_name,
                                                    GError      **error);
/* Warnings of the last load (unknown groups or keys, kept and saved back). */
const char *const *ent_document_get_load_warnings  (EntDocument  *self);
char              *ent_document_to_data            (EntDocument  *self,
                                                    gsize        *out_length);
/* The same text, checked: fails (ENT_MODEL_ERROR, naming the group and the
 * key) when the loader would refuse it, a value breaking a rule of
 * ent-validate.h or a text larger than ENT_DOCUMENT_MAX_SIZE. Whatever
 * writes a document writes these bytes, so that it can always be opened. */
GBytes            *ent_document_to_bytes           (EntDocument  *self,
                                                    GError      **error);
/* Atomic: writes a temporary file, syncs it, keeps the previous file as
 * FILE~ and renames into place. On failure the file on disk is untouched. */
gboolean           ent_document_save               (EntDocument  *self,
                                                    GFile        *file,
                                                    GError      **error);

const char        *ent_payer_kind_to_string        (EntPayerKind  kind);   /* "commune", "epci" */
gboolean           ent_payer_kind_from_string      (const char   *text,
                                                    EntPayerKind *out);
const char        *ent_line_kind_get_label         (EntLineKind   line);   /* translated */

G_END_DECLS
