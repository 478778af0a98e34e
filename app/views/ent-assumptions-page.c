/* ent-assumptions-page.c
 *
 * Every input writes to the model as soon as it holds a valid value; an invalid
 * value is refused here, with the reason shown next to the input (the "error"
 * style class and a label), so the model only ever holds valid values. What
 * "valid" means is ent-validate.h's, the loader's rules: whatever this page
 * lets into the document, the document can save and open again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "ent-assumptions-page.h"
#include "ent-input-reason.h"
#include "ent-radio.h"
#include "ent-row-splice.h"
#include "ent-m57.h"
#include "ent-money.h"
#include "ent-validate.h"

typedef enum
{
  TARIFF_COLUMN_DATE,
  TARIFF_COLUMN_BASE,
  TARIFF_COLUMN_OPTIONAL,
  TARIFF_COLUMN_HALF_DAY,
  TARIFF_COLUMN_REFERENCE,
  TARIFF_COLUMN_REMOVE,
  N_TARIFF_COLUMNS
} TariffColumn;

/* room left above or below an input the page scrolls to */
#define MARGIN 24

enum { IMPUTATION_CHAPTER, IMPUTATION_NATURE, IMPUTATION_FUNCTION, N_IMPUTATION_PARTS };

struct _EntAssumptionsPage
{
  GtkWidget    parent_instance;

  EntDocument *document;
  GPtrArray   *bindings;          /* GBinding, unbound when the document changes */
  gboolean     loading;           /* filling inputs from the model: do not write back */
  EntTariffPeriod *focus_period;  /* just added: its date gets the focus once shown */
  guint        focus_tick_id;
  guint        lower_groups_idle;
  GdkFrameClock *first_frame_clock; /* until the lower groups are shown */

  /* below the first screen: shown after the first frame, show_lower_groups () */
  GtkWidget   *billing_group;
  GtkWidget   *tariff_group;
  GtkWidget   *imputation_group;

  /* template */
  GtkWidget   *scrolled_window;
  GtkWidget   *title_entry;       /* GtkEntry in an AdwActionRow */
  GtkWidget   *payer_entry;       /* GtkEntry in an AdwActionRow */
  GtkLabel    *names_error;
  AdwComboRow *kind_dropdown;
  GtkWidget   *insee_entry;       /* GtkEntry in an AdwActionRow */
  GtkLabel    *insee_error;
  GtkWidget   *siret_entry;       /* GtkEntry in an AdwActionRow */
  GtkLabel    *siret_error;
  AdwActionRow *first_year_row;
  AdwActionRow *school_years_row;
  AdwActionRow *payment_row;
  GtkSpinButton *first_year_spin;
  GtkSpinButton *school_years_spin;
  GtkEntry    *payment_entry;
  GtkMenuButton *payment_calendar_button;
  GtkCalendar *payment_calendar;
  GtkLabel    *contract_error;
  GtkLabel    *contract_summary_label;
  AdwActionRow *annual_row;
  AdwActionRow *prorata_row;
  GtkCheckButton *annual_check;
  GtkCheckButton *prorata_check;
  GtkWidget   *tariff_scroller;
  GtkColumnView *tariff_view;
  GtkLabel    *tariff_error;
  AdwActionRow *base_line_row;
  AdwActionRow *optional_line_row;
  AdwActionRow *specific_line_row;
  GtkEntry    *base_chapter_entry;
  GtkEntry    *base_nature_entry;
  GtkEntry    *base_function_entry;
  GtkEntry    *optional_chapter_entry;
  GtkEntry    *optional_nature_entry;
  GtkEntry    *optional_function_entry;
  GtkEntry    *specific_chapter_entry;
  GtkEntry    *specific_nature_entry;
  GtkEntry    *specific_function_entry;
  GtkLabel    *imputation_error;
  GtkImage    *base_warning_icon;
  GtkImage    *optional_warning_icon;
  GtkImage    *specific_warning_icon;
  GtkLabel    *imputation_warning;
  GtkLabel    *chart_label;
  AdwActionRow *split_row;
  GtkSwitch   *split_switch;

  GtkEntry    *imputation_entries[ENT_N_LINES][N_IMPUTATION_PARTS];
  AdwActionRow *line_rows[ENT_N_LINES];
  GtkImage    *warning_icons[ENT_N_LINES];
};

G_DEFINE_FINAL_TYPE (EntAssumptionsPage, ent_assumptions_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------------ helpers */

/* A reason that belongs to no input (a refused button press). */
static void
show_message (GtkLabel   *reason,
              const char *message)
{
  ent_input_clear_reason_label (reason);
  gtk_label_set_text (reason, message);
  gtk_widget_set_visible (GTK_WIDGET (reason), TRUE);
  /* the press went without effect: a screen reader says why */
  ent_accessible_announce (GTK_WIDGET (reason), message);
}

/* A billing mode's explanation as the subtitle of its row; libadwaita
 * relates the row's radio button to the subtitle (DESCRIBED_BY), so screen
 * readers speak it after the name (a DESCRIPTION as well had Orca read it
 * twice). */
static void
describe_billing_row (AdwActionRow *row,
                      EntBilling    billing)
{
  adw_action_row_set_subtitle (row, ent_billing_get_description (billing));
}

static char *
dup_string_object (gpointer item)
{
  return g_strdup (gtk_string_object_get_string (item));
}

static char *
format_date (const GDate *date)
{
  return ent_date_format_short (date);
}

static char *
dup_date_example (void)
{
  GDate example;

  g_date_clear (&example, 1);
  g_date_set_dmy (&example, 31, G_DATE_DECEMBER, 2024);
  return format_date (&example);
}

/* Parses a date the way the locale writes it (and ISO 8601). Returns a
 * translated reason on failure. */
static gboolean
parse_date (const char  *text,
            GDate       *out,
            char       **out_reason)
{
  if (!ent_date_parse (text, out))
    {
      g_autofree char *example = dup_date_example ();

      /* Translators: %s is an example date written the way the locale writes dates */
      *out_reason = g_strdup_printf (_("This is not a date. Type it like %s."), example);
      return FALSE;
    }
  return TRUE;
}

static gboolean
parse_tariff_amount (const char  *text,
                     gint64      *out_cents,
                     char       **out_reason)
{
  g_autoptr(GError) error = NULL;

  if (!ent_money_parse (text, out_cents, NULL))
    {
      g_autofree char *example = ent_money_format_number (130);

      /* Translators: %s is an example amount, "1,30" in French */
      *out_reason = g_strdup_printf (_("This is not an amount in euros. Type it like %s."), example);
      return FALSE;
    }
  if (!ent_validate_tariff_amount (*out_cents, &error))
    {
      *out_reason = g_strdup (error->message);
      return FALSE;
    }
  return TRUE;
}

static void
set_text_quietly (EntAssumptionsPage *self,
                  GtkEditable        *editable,
                  const char         *text)
{
  gboolean was_loading = self->loading;

  self->loading = TRUE;
  if (g_strcmp0 (gtk_editable_get_text (editable), text) != 0)
    gtk_editable_set_text (editable, text != NULL ? text : "");
  self->loading = was_loading;
}

static void
get_contract_bounds (EntContract *contract,
                     GDate       *out_start,
                     GDate       *out_end)
{
  g_date_clear (out_start, 1);
  g_date_set_dmy (out_start, 1, G_DATE_SEPTEMBER,
                  ent_contract_get_first_school_year (contract));
  g_date_clear (out_end, 1);
  ent_contract_get_end_date (contract, out_end);
}

/* ----------------------------------------------------------------- contract */

static void
update_payment_input (EntAssumptionsPage *self)
{
  EntContract *contract = ent_document_get_contract (self->document);
  const GDate *payment = ent_contract_get_payment_start (contract);
  g_autofree char *text = format_date (payment);
  gboolean was_loading = self->loading;

  set_text_quietly (self, GTK_EDITABLE (self->payment_entry), text);
  if (payment != NULL && g_date_valid (payment))
    {
      g_autoptr(GDateTime) datetime =
        g_date_time_new_local (g_date_get_year (payment), g_date_get_month (payment),
                               g_date_get_day (payment), 12, 0, 0);

      self->loading = TRUE;
      gtk_calendar_select_day (self->payment_calendar, datetime);
      self->loading = was_loading;
    }
}

static void
update_contract_summary (EntAssumptionsPage *self)
{
  EntContract *contract = ent_document_get_contract (self->document);
  GDate start, end;
  g_autofree char *start_text = NULL;
  g_autofree char *end_text = NULL;
  g_autofree char *summary = NULL;

  get_contract_bounds (contract, &start, &end);
  start_text = format_date (&start);
  end_text = format_date (&end);
  /* Translators: %1$s and %2$s are dates, %3$d and %4$d years (exercices) */
  summary = g_strdup_printf (_("The contract runs from %1$s to %2$s. Budget years: %3$d to %4$d."),
                             start_text, end_text,
                             ent_contract_get_first_budget_year (contract),
                             ent_contract_get_last_budget_year (contract));
  gtk_label_set_text (self->contract_summary_label, summary);
}

/* Refuses a payment start outside [1 September F, 31 August F+L]. */
static void
commit_payment (EntAssumptionsPage *self)
{
  EntContract *contract;
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;
  GDate date;
  const GDate *current;

  if (self->loading || self->document == NULL)
    return;

  contract = ent_document_get_contract (self->document);
  if (!parse_date (gtk_editable_get_text (GTK_EDITABLE (self->payment_entry)), &date, &reason))
    {
      ent_input_show_reason (GTK_WIDGET (self->payment_entry), self->contract_error, reason);
      return;
    }

  if (!ent_validate_payment_start (ent_contract_get_first_school_year (contract),
                                   ent_contract_get_school_years (contract), &date, &error))
    {
      ent_input_show_reason (GTK_WIDGET (self->payment_entry), self->contract_error, error->message);
      return;
    }

  ent_input_show_reason (GTK_WIDGET (self->payment_entry), self->contract_error, NULL);
  current = ent_contract_get_payment_start (contract);
  if (current == NULL || !g_date_valid (current) || g_date_compare (current, &date) != 0)
    ent_contract_set_payment_start (contract, &date);
  update_payment_input (self);
}

/* --------------------------------------------------------------- imputation */

/* The chart's labels of what the entries hold, as the line row's subtitle,
 * one per line in the columns' order; a refused code gets none (its reason
 * shows). Read from the entries, not the document, so that they follow the
 * typing. */
static void
update_imputation_labels (EntAssumptionsPage *self,
                          EntLineKind         line)
{
  static const EntAccountKind kinds[N_IMPUTATION_PARTS] = {
    ENT_ACCOUNT_CHAPTER, ENT_ACCOUNT_NATURE, ENT_ACCOUNT_FUNCTION,
  };
  g_autoptr(GString) subtitle = g_string_new (NULL);
  const char *texts[N_IMPUTATION_PARTS];
  gboolean valid[N_IMPUTATION_PARTS];

  for (guint part = 0; part < N_IMPUTATION_PARTS; part++)
    {
      g_autofree char *formatted = NULL;

      texts[part] = gtk_editable_get_text (GTK_EDITABLE (self->imputation_entries[line][part]));
      valid[part] = ent_validate_imputation_code ((EntImputationPart) part, texts[part], NULL);
      if (!valid[part])
        continue;
      if (part == IMPUTATION_FUNCTION && *texts[part] == '\0')
        /* Translators: subtitle of an imputation line whose function is
         * left empty (allowed in communes under 3 500 inhabitants) */
        formatted = g_strdup (_("No function"));
      else
        formatted = ent_m57_format (kinds[part], texts[part]);
      if (subtitle->len > 0)
        g_string_append_c (subtitle, '\n');
      g_string_append (subtitle, formatted);
    }
  adw_action_row_set_subtitle (self->line_rows[line], subtitle->str);
}

/* A nature outside its chapter (611 outside 011) is flagged, not refused:
 * the commune may book it there on purpose. The flag is the warning icon of
 * the line, and one warning text under the table that the nature entry is
 * described by. */
static void
update_imputation_warning (EntAssumptionsPage *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint line = 0; line < ENT_N_LINES; line++)
    {
      GtkWidget *nature = GTK_WIDGET (self->imputation_entries[line][IMPUTATION_NATURE]);
      const char *chapter = gtk_editable_get_text (GTK_EDITABLE (self->imputation_entries[line][IMPUTATION_CHAPTER]));
      const char *nature_text = gtk_editable_get_text (GTK_EDITABLE (nature));
      g_autoptr(GError) error = NULL;
      gboolean flagged = FALSE;

      if (ent_validate_imputation_code (ENT_IMPUTATION_CHAPTER, chapter, NULL) &&
          ent_validate_imputation_code (ENT_IMPUTATION_NATURE, nature_text, NULL) &&
          !ent_m57_check_imputation (chapter, nature_text, &error))
        {
          g_autofree char *message = NULL;

          /* Translators: a warning under the imputation table: %s is a budget
           * line ("Base contribution"), %s the reason */
          message = g_strdup_printf (_("%s: %s."), ent_line_kind_get_label (line), error->message);
          if (text->len > 0)
            g_string_append_c (text, '\n');
          g_string_append (text, message);
          gtk_widget_set_tooltip_text (GTK_WIDGET (self->warning_icons[line]), error->message);
          gtk_accessible_update_property (GTK_ACCESSIBLE (self->warning_icons[line]),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, error->message,
                                          -1);
          flagged = TRUE;
        }
      gtk_widget_set_visible (GTK_WIDGET (self->warning_icons[line]), flagged);
      /* the row's box of prefixes, which holds only the icon: shown empty,
       * it would still indent the line's title past the heading's */
      gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->warning_icons[line])), flagged);

      /* a refused nature keeps its reason: the error comes first */
      if (gtk_widget_has_css_class (nature, "error"))
        {
          gtk_widget_remove_css_class (nature, "warning");
          continue;
        }
      if (flagged)
        {
          gtk_widget_add_css_class (nature, "warning");
          gtk_accessible_update_relation (GTK_ACCESSIBLE (nature),
                                          GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->imputation_warning, NULL,
                                          -1);
        }
      else if (gtk_widget_has_css_class (nature, "warning"))
        {
          gtk_widget_remove_css_class (nature, "warning");
          gtk_accessible_reset_relation (GTK_ACCESSIBLE (nature), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY);
        }
    }
  gtk_label_set_text (self->imputation_warning, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->imputation_warning), text->len > 0);
}

static void
update_imputation_notes (EntAssumptionsPage *self)
{
  for (guint line = 0; line < ENT_N_LINES; line++)
    update_imputation_labels (self, line);
  update_imputation_warning (self);
}

static void
fill_imputation (EntAssumptionsPage *self)
{
  for (guint line = 0; line < ENT_N_LINES; line++)
    {
      set_text_quietly (self, GTK_EDITABLE (self->imputation_entries[line][IMPUTATION_CHAPTER]),
                        ent_document_get_chapter (self->document, line));
      set_text_quietly (self, GTK_EDITABLE (self->imputation_entries[line][IMPUTATION_NATURE]),
                        ent_document_get_nature (self->document, line));
      set_text_quietly (self, GTK_EDITABLE (self->imputation_entries[line][IMPUTATION_FUNCTION]),
                        ent_document_get_function (self->document, line));
    }
  update_imputation_notes (self);
}

static void
commit_imputation (EntAssumptionsPage *self,
                   EntLineKind         line)
{
  const char *texts[N_IMPUTATION_PARTS];
  gboolean valid = TRUE;

  for (guint part = 0; part < N_IMPUTATION_PARTS; part++)
    {
      GtkWidget *entry = GTK_WIDGET (self->imputation_entries[line][part]);
      g_autoptr(GError) error = NULL;

      texts[part] = gtk_editable_get_text (GTK_EDITABLE (entry));
      if (ent_validate_imputation_code ((EntImputationPart) part, texts[part], &error))
        ent_input_show_reason (entry, self->imputation_error, NULL);
      else
        {
          ent_input_show_reason (entry, self->imputation_error, error->message);
          valid = FALSE;
        }
    }

  update_imputation_labels (self, line);
  update_imputation_warning (self);
  if (!valid)
    return;

  if (g_strcmp0 (texts[0], ent_document_get_chapter (self->document, line)) != 0 ||
      g_strcmp0 (texts[1], ent_document_get_nature (self->document, line)) != 0 ||
      g_strcmp0 (texts[2], ent_document_get_function (self->document, line)) != 0)
    {
      g_autofree char *chapter = g_strdup (texts[0]);
      g_autofree char *nature = g_strdup (texts[1]);
      g_autofree char *function = g_strdup (texts[2]);

      ent_document_set_imputation (self->document, line, chapter, nature, function);
    }
}

/* ------------------------------------------------------------------ tariffs */

static EntTariffPeriod *
get_entry_period (GtkWidget *entry)
{
  GtkListItem *list_item = g_object_get_data (G_OBJECT (entry), "ent-list-item");

  if (list_item == NULL)
    return NULL;
  return gtk_list_item_get_item (list_item);
}

static char *
dup_tariff_text (EntTariffPeriod *period,
                 TariffColumn     column)
{
  switch (column)
    {
    case TARIFF_COLUMN_DATE:
      return format_date (ent_tariff_period_get_valid_from (period));
    case TARIFF_COLUMN_BASE:
      return ent_money_format_number (ent_tariff_period_get_base_per_pupil (period));
    case TARIFF_COLUMN_OPTIONAL:
      return ent_money_format_number (ent_tariff_period_get_optional_per_pupil (period));
    case TARIFF_COLUMN_HALF_DAY:
      return ent_money_format_number (ent_tariff_period_get_half_day (period));
    case TARIFF_COLUMN_REFERENCE:
      return g_strdup (ent_tariff_period_get_reference (period));
    case TARIFF_COLUMN_REMOVE:
    case N_TARIFF_COLUMNS:
    default:
      return NULL;
    }
}

static void
commit_tariff_date (EntAssumptionsPage *self,
                    GtkWidget          *entry)
{
  EntTariffPeriod *period = get_entry_period (entry);
  EntTariffSchedule *tariffs;
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;
  GDate date;

  if (self->loading || self->document == NULL || period == NULL)
    return;

  if (!parse_date (gtk_editable_get_text (GTK_EDITABLE (entry)), &date, &reason))
    {
      ent_input_show_reason (entry, self->tariff_error, reason);
      return;
    }

  tariffs = ent_document_get_tariffs (self->document);
  /* Any date a document can hold: a period may start before the contract,
   * or after it once the contract is shortened, and the loader opens both.
   * One that leaves a billed date without a tariff is accepted too: the
   * window shows why the budget cannot be computed (SPEC 10.4). */
  if (!ent_validate_tariff_date (&date, &error))
    {
      ent_input_show_reason (entry, self->tariff_error, error->message);
      return;
    }

  if (g_date_compare (&date, ent_tariff_period_get_valid_from (period)) == 0)
    {
      ent_input_show_reason (entry, self->tariff_error, NULL);
      return;
    }

  if (ent_tariff_schedule_has_date (tariffs, &date, period))
    {
      g_autofree char *date_text = format_date (&date);

      /* Translators: %s is a date */
      reason = g_strdup_printf (_("Another tariff period already starts on %s."), date_text);
      ent_input_show_reason (entry, self->tariff_error, reason);
      return;
    }

  ent_input_show_reason (entry, self->tariff_error, NULL);
  /* The schedule re-sorts: the row may be rebound under our feet, so this is
   * the last thing done with @entry. */
  ent_tariff_period_set_valid_from (period, &date);
}

static void
tariff_entry_changed_cb (GtkEditable        *editable,
                         EntAssumptionsPage *self)
{
  GtkWidget *entry = GTK_WIDGET (editable);
  EntTariffPeriod *period = get_entry_period (entry);
  TariffColumn column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (entry), "ent-column"));
  const char *text = gtk_editable_get_text (editable);
  g_autofree char *reason = NULL;
  gint64 cents = 0;

  if (self->loading || period == NULL)
    return;

  switch (column)
    {
    case TARIFF_COLUMN_DATE:
      /* Committed on Enter or when the focus leaves: the list re-sorts by date. */
      ent_input_show_reason (entry, self->tariff_error, NULL);
      return;

    case TARIFF_COLUMN_REFERENCE:
      {
        g_autoptr(GError) error = NULL;

        if (!ent_validate_name (text, &error))
          {
            ent_input_show_reason (entry, self->tariff_error, error->message);
            return;
          }
        ent_input_show_reason (entry, self->tariff_error, NULL);
        ent_tariff_period_set_reference (period, text);
      }
      return;

    case TARIFF_COLUMN_BASE:
    case TARIFF_COLUMN_OPTIONAL:
    case TARIFF_COLUMN_HALF_DAY:
      if (!parse_tariff_amount (text, &cents, &reason))
        {
          ent_input_show_reason (entry, self->tariff_error, reason);
          return;
        }
      ent_input_show_reason (entry, self->tariff_error, NULL);
      if (column == TARIFF_COLUMN_BASE)
        ent_tariff_period_set_base_per_pupil (period, cents);
      else if (column == TARIFF_COLUMN_OPTIONAL)
        ent_tariff_period_set_optional_per_pupil (period, cents);
      else
        ent_tariff_period_set_half_day (period, cents);
      return;

    case TARIFF_COLUMN_REMOVE:
    case N_TARIFF_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

static void
tariff_entry_activate_cb (GtkEntry           *entry,
                          EntAssumptionsPage *self)
{
  commit_tariff_date (self, GTK_WIDGET (entry));
}

static void
tariff_entry_leave_cb (GtkEventControllerFocus *controller,
                       EntAssumptionsPage      *self)
{
  commit_tariff_date (self, gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));
}

static void
remove_tariff_clicked_cb (GtkButton          *button,
                          EntAssumptionsPage *self)
{
  EntTariffPeriod *period = get_entry_period (GTK_WIDGET (button));
  EntTariffSchedule *tariffs;

  if (self->document == NULL || period == NULL)
    return;

  tariffs = ent_document_get_tariffs (self->document);
  if (g_list_model_get_n_items (G_LIST_MODEL (tariffs)) <= 1)
    {
      show_message (self->tariff_error,
                    _("The last tariff period cannot be removed: the budget needs one."));
      return;
    }

  ent_input_clear_reason_label (self->tariff_error);
  ent_tariff_schedule_remove (tariffs, period);
}

static void
tariff_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 EntAssumptionsPage       *self)
{
  TariffColumn column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "ent-column"));
  GtkWidget *widget;

  if (column == TARIFF_COLUMN_REMOVE)
    {
      widget = gtk_button_new_from_icon_name ("list-remove-symbolic");
      gtk_widget_add_css_class (widget, "flat");
      /* Translators: tooltip of the button removing one tariff period */
      gtk_widget_set_tooltip_text (widget, _("Remove this tariff period"));
      g_signal_connect (widget, "clicked", G_CALLBACK (remove_tariff_clicked_cb), self);
      ent_accessible_fix_mnemonics (widget);   /* its icon: decoration */
    }
  else
    {
      widget = gtk_entry_new ();
      gtk_editable_set_width_chars (GTK_EDITABLE (widget),
                                    column == TARIFF_COLUMN_REFERENCE ? 10 :
                                    column == TARIFF_COLUMN_DATE ? 10 : 7);
      if (column != TARIFF_COLUMN_DATE && column != TARIFF_COLUMN_REFERENCE)
        {
          gtk_editable_set_alignment (GTK_EDITABLE (widget), 1.0);
          gtk_entry_set_input_purpose (GTK_ENTRY (widget), GTK_INPUT_PURPOSE_NUMBER);
        }
      gtk_widget_set_hexpand (widget, column == TARIFF_COLUMN_REFERENCE);
      /* as wide as their contents, not GtkText's 150 pixels, to fit narrow windows */
      if (column != TARIFF_COLUMN_REFERENCE)
        gtk_editable_set_max_width_chars (GTK_EDITABLE (widget),
                                          gtk_editable_get_width_chars (GTK_EDITABLE (widget)));
      g_signal_connect (widget, "changed", G_CALLBACK (tariff_entry_changed_cb), self);
      if (column == TARIFF_COLUMN_DATE)
        {
          GtkEventController *focus = gtk_event_controller_focus_new ();

          g_signal_connect (widget, "activate", G_CALLBACK (tariff_entry_activate_cb), self);
          g_signal_connect (focus, "leave", G_CALLBACK (tariff_entry_leave_cb), self);
          gtk_widget_add_controller (widget, focus);
        }
    }

  g_object_set_data (G_OBJECT (widget), "ent-column", GINT_TO_POINTER (column));
  g_object_set_data (G_OBJECT (widget), "ent-list-item", list_item);
  gtk_list_item_set_child (list_item, widget);
  gtk_list_item_set_activatable (list_item, FALSE);
  gtk_list_item_set_selectable (list_item, FALSE);
}

static void
tariff_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                EntAssumptionsPage       *self)
{
  TariffColumn column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "ent-column"));
  const char *title = g_object_get_data (G_OBJECT (factory), "ent-title");
  EntTariffPeriod *period = gtk_list_item_get_item (list_item);
  GtkWidget *widget = gtk_list_item_get_child (list_item);
  g_autofree char *date = format_date (ent_tariff_period_get_valid_from (period));
  g_autofree char *accessible = NULL;

  if (column == TARIFF_COLUMN_REMOVE)
    /* Translators: accessible name of the remove button; %s is a date */
    accessible = g_strdup_printf (_("Remove the tariff period starting %s"), date);
  else
    {
      g_autofree char *text = dup_tariff_text (period, column);

      set_text_quietly (self, GTK_EDITABLE (widget), text);
      ent_input_show_reason (widget, self->tariff_error, NULL);
      /* Translators: accessible name of a cell: %1$s is the column ("Half-day"), %2$s a date */
      accessible = g_strdup_printf (_("%1$s, tariff period starting %2$s"), title, date);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  /* GTK 4.8 makes the row (the cell's parent's parent) a Tab stop of its own,
   * unnamed: it says which period its cells belong to. */
  if (column == TARIFF_COLUMN_DATE && gtk_widget_get_parent (widget) != NULL &&
      gtk_widget_get_parent (gtk_widget_get_parent (widget)) != NULL)
    {
      /* Translators: accessible name of a row of the tariff table; %s is a date */
      g_autofree char *row = g_strdup_printf (_("Tariff period starting %s"), date);

      gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (gtk_widget_get_parent (widget))),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, row,
                                      -1);
    }
}

static void
add_tariff_column (EntAssumptionsPage *self,
                   TariffColumn        column,
                   const char         *title,
                   gboolean            expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) view_column = NULL;

  g_object_set_data (G_OBJECT (factory), "ent-column", GINT_TO_POINTER (column));
  g_object_set_data_full (G_OBJECT (factory), "ent-title", g_strdup (title), g_free);
  g_signal_connect (factory, "setup", G_CALLBACK (tariff_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (tariff_bind_cb), self);

  view_column = gtk_column_view_column_new (column == TARIFF_COLUMN_REMOVE ? NULL : title, factory);
  gtk_column_view_column_set_expand (view_column, expand);
  gtk_column_view_append_column (self->tariff_view, view_column);
}

/* The date entry of @period's row under @widget, if the row exists. */
static GtkWidget *
find_tariff_date_entry (GtkWidget       *widget,
                        EntTariffPeriod *period)
{
  if (GTK_IS_ENTRY (widget) && get_entry_period (widget) == period &&
      GPOINTER_TO_INT (g_object_get_data (G_OBJECT (widget), "ent-column")) == TARIFF_COLUMN_DATE)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_tariff_date_entry (child, period);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Scrolls the page so that @widget is in view, with a little room around. */
static void
scroll_to_widget (EntAssumptionsPage *self,
                  GtkWidget          *widget)
{
  GtkAdjustment *adjustment =
    gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scrolled_window));
  double page_size = gtk_adjustment_get_page_size (adjustment);
  double value = gtk_adjustment_get_value (adjustment);
  graphene_rect_t bounds;

  if (!gtk_widget_compute_bounds (widget, self->scrolled_window, &bounds))
    return;
  if (bounds.origin.y < MARGIN)
    gtk_adjustment_set_value (adjustment, value + bounds.origin.y - MARGIN);
  else if (bounds.origin.y + bounds.size.height > page_size - MARGIN)
    gtk_adjustment_set_value (adjustment,
                              value + bounds.origin.y + bounds.size.height - page_size + MARGIN);
}

static void
stop_focusing_period (EntAssumptionsPage *self)
{
  if (self->focus_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->tariff_view), self->focus_tick_id);
  self->focus_tick_id = 0;
  g_clear_object (&self->focus_period);
}

/* Gives the focus to the date of the period just added: the user sees where
 * it went (the page scrolls to it) and can type its date at once. */
static gboolean
focus_period_tick_cb (GtkWidget     *widget,
                      GdkFrameClock *clock,
                      gpointer       user_data)
{
  EntAssumptionsPage *self = user_data;
  GtkWidget *entry = find_tariff_date_entry (GTK_WIDGET (self->tariff_view), self->focus_period);

  /* a row made for it has no size before the layout that follows */
  if (entry == NULL || !gtk_widget_get_mapped (entry) || gtk_widget_get_height (entry) == 0)
    return G_SOURCE_CONTINUE;

  gtk_widget_grab_focus (entry);
  scroll_to_widget (self, entry);
  self->focus_tick_id = 0;
  g_clear_object (&self->focus_period);
  return G_SOURCE_REMOVE;
}

static void
focus_period (EntAssumptionsPage *self,
              EntTariffPeriod    *period)
{
  stop_focusing_period (self);
  self->focus_period = g_object_ref (period);
  self->focus_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->tariff_view),
                                                      focus_period_tick_cb, self, NULL);
}

/* --------------------------------------------------------- document binding */

static gboolean
billing_to_active (GBinding     *binding,
                   const GValue *from,
                   GValue       *to,
                   gpointer      user_data)
{
  g_value_set_boolean (to, g_value_get_enum (from) == GPOINTER_TO_INT (user_data));
  return TRUE;
}

static gboolean
active_to_billing (GBinding     *binding,
                   const GValue *from,
                   GValue       *to,
                   gpointer      user_data)
{
  if (!g_value_get_boolean (from))
    return FALSE;
  g_value_set_enum (to, GPOINTER_TO_INT (user_data));
  return TRUE;
}

static void
bind (EntAssumptionsPage *self,
      gpointer            source,
      const char         *source_property,
      gpointer            target,
      const char         *target_property)
{
  g_ptr_array_add (self->bindings,
                   g_object_bind_property (source, source_property, target, target_property,
                                           G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE));
}

static void
bind_name (EntAssumptionsPage *self,
           const char         *property,
           GtkWidget          *entry)
{
  g_ptr_array_add (self->bindings,
                   g_object_bind_property_full (self->document, property, entry, "text",
                                                G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                                                NULL, ent_validate_name_transform, NULL, NULL));
}

static void
bind_billing (EntAssumptionsPage *self,
              EntContract        *contract,
              GtkCheckButton     *check,
              EntBilling          billing)
{
  g_ptr_array_add (self->bindings,
                   g_object_bind_property_full (contract, "billing", check, "active",
                                                G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                                                billing_to_active, active_to_billing,
                                                GINT_TO_POINTER (billing), NULL));
}

static void
contract_changed_cb (EntAssumptionsPage *self)
{
  update_contract_summary (self);
  if (!gtk_widget_has_css_class (GTK_WIDGET (self->payment_entry), "error"))
    update_payment_input (self);
}

/* SPEC 5: the 211/212 split needs every school's level. The switch stays
 * sensitive while on, so that a split asked for can always be turned off. */
static void
update_split_row (EntAssumptionsPage *self)
{
  GListModel *schools = ent_document_get_schools (self->document);
  guint n_schools = g_list_model_get_n_items (schools);
  guint missing = 0;
  gboolean active = ent_document_get_split_functions (self->document);
  gboolean was_loading = self->loading;
  g_autofree char *reason = NULL;

  for (guint i = 0; i < n_schools; i++)
    {
      g_autoptr(EntSchool) school = g_list_model_get_item (schools, i);

      if (ent_school_get_level (school) == ENT_SCHOOL_LEVEL_UNKNOWN)
        missing++;
    }
  if (n_schools == 0)
    reason = g_strdup (_("No school: the split between functions 211 and 212 is impossible"));
  else if (missing > 0)
    reason = g_strdup_printf (ngettext ("%u school without a level: the split between functions 211 and 212 is impossible",
                                        "%u schools without a level: the split between functions 211 and 212 is impossible",
                                        missing),
                              missing);

  self->loading = TRUE;
  if (gtk_switch_get_active (self->split_switch) != active)
    gtk_switch_set_active (self->split_switch, active);
  self->loading = was_loading;
  gtk_widget_set_sensitive (GTK_WIDGET (self->split_switch), active || reason == NULL);
  /* while the switch cannot be turned on, the row takes the focus itself:
   * Tab reaches the reason (its subtitle, read with its title), and
   * GtkListBox, which offers the focus to its last row only going back,
   * no longer finds a row that refuses it (Shift+Tab passed the whole
   * imputation group) */
  gtk_widget_set_focusable (GTK_WIDGET (self->split_row), !(active || reason == NULL));
  adw_action_row_set_subtitle (self->split_row, reason != NULL ? reason : "");
}

static void
split_active_cb (EntAssumptionsPage *self)
{
  if (self->loading || self->document == NULL)
    return;
  ent_document_set_split_functions (self->document, gtk_switch_get_active (self->split_switch));
}

/* An undo, a redo: the entries show the document's imputation again (not
 * one being corrected, which still shows its error). */
static void
imputation_follow_cb (EntAssumptionsPage *self)
{
  update_split_row (self);
  for (guint line = 0; line < ENT_N_LINES; line++)
    for (guint part = 0; part < N_IMPUTATION_PARTS; part++)
      if (gtk_widget_has_css_class (GTK_WIDGET (self->imputation_entries[line][part]), "error"))
        return;
  fill_imputation (self);
}

static void
insee_notify_cb (EntAssumptionsPage *self)
{
  if (!gtk_widget_has_css_class (GTK_WIDGET (self->insee_entry), "error"))
    set_text_quietly (self, GTK_EDITABLE (self->insee_entry),
                      ent_document_get_insee (self->document));
}

/* The entry keeps the SIRET as typed ("215 902 990 00013"): replaced only
 * when the document holds another one (undo, another document). */
static void
siret_notify_cb (EntAssumptionsPage *self)
{
  g_autofree char *shown = NULL;

  if (gtk_widget_has_css_class (GTK_WIDGET (self->siret_entry), "error"))
    return;
  shown = ent_validate_dup_siret (gtk_editable_get_text (GTK_EDITABLE (self->siret_entry)), NULL);
  if (g_strcmp0 (shown, ent_document_get_siret (self->document)) != 0)
    set_text_quietly (self, GTK_EDITABLE (self->siret_entry), ent_document_get_siret (self->document));
}

static void
disconnect_document (EntAssumptionsPage *self)
{
  if (self->document == NULL)
    return;

  for (guint i = 0; i < self->bindings->len; i++)
    g_binding_unbind (g_ptr_array_index (self->bindings, i));
  g_ptr_array_set_size (self->bindings, 0);

  g_signal_handlers_disconnect_by_data (ent_document_get_contract (self->document), self);
  g_signal_handlers_disconnect_by_data (self->document, self);
  stop_focusing_period (self);
  gtk_column_view_set_model (self->tariff_view, NULL);
}

static void
connect_document (EntAssumptionsPage *self)
{
  EntContract *contract = ent_document_get_contract (self->document);
  EntTariffSchedule *tariffs = ent_document_get_tariffs (self->document);
  GtkNoSelection *selection;

  self->loading = TRUE;

  bind_name (self, "title", self->title_entry);
  bind_name (self, "payer", self->payer_entry);
  bind (self, self->document, "payer-kind", self->kind_dropdown, "selected");
  bind (self, contract, "first-school-year", self->first_year_spin, "value");
  bind (self, contract, "school-years", self->school_years_spin, "value");
  bind_billing (self, contract, self->annual_check, ENT_BILLING_ANNUAL);
  bind_billing (self, contract, self->prorata_check, ENT_BILLING_PRORATA);

  set_text_quietly (self, GTK_EDITABLE (self->insee_entry), ent_document_get_insee (self->document));
  set_text_quietly (self, GTK_EDITABLE (self->siret_entry), ent_document_get_siret (self->document));
  update_payment_input (self);
  update_contract_summary (self);
  fill_imputation (self);
  update_split_row (self);

  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (tariffs)));
  gtk_column_view_set_model (self->tariff_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);

  g_signal_connect_swapped (contract, "changed", G_CALLBACK (contract_changed_cb), self);
  g_signal_connect_swapped (self->document, "notify::insee", G_CALLBACK (insee_notify_cb), self);
  g_signal_connect_swapped (self->document, "notify::siret", G_CALLBACK (siret_notify_cb), self);
  g_signal_connect_swapped (self->document, "changed", G_CALLBACK (imputation_follow_cb), self);

  ent_input_clear_reason_label (self->names_error);
  ent_input_clear_reason_label (self->insee_error);
  ent_input_clear_reason_label (self->siret_error);
  ent_input_clear_reason_label (self->contract_error);
  ent_input_clear_reason_label (self->tariff_error);
  ent_input_clear_reason_label (self->imputation_error);
  for (guint line = 0; line < ENT_N_LINES; line++)
    for (guint part = 0; part < N_IMPUTATION_PARTS; part++)
      ent_input_show_reason (GTK_WIDGET (self->imputation_entries[line][part]), self->imputation_error, NULL);

  self->loading = FALSE;
}

/* ---------------------------------------------------------------- callbacks */

static void
insee_changed_cb (EntAssumptionsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (self->loading || self->document == NULL)
    return;

  text = g_ascii_strup (gtk_editable_get_text (GTK_EDITABLE (self->insee_entry)), -1);
  if (!ent_validate_insee (text, &error))
    {
      ent_input_show_reason (GTK_WIDGET (self->insee_entry), self->insee_error, error->message);
      return;
    }

  ent_input_show_reason (GTK_WIDGET (self->insee_entry), self->insee_error, NULL);
  if (g_strcmp0 (text, ent_document_get_insee (self->document)) != 0)
    ent_document_set_insee (self->document, text);
}

/* The SIRET typed or pasted, spaces allowed: a wrong one stays out of the
 * document, with the reason (ent_validate_siret (), as the loader). */
static void
siret_changed_cb (EntAssumptionsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *siret = NULL;

  if (self->loading || self->document == NULL)
    return;

  siret = ent_validate_dup_siret (gtk_editable_get_text (GTK_EDITABLE (self->siret_entry)), &error);
  if (siret == NULL)
    {
      ent_input_show_reason (GTK_WIDGET (self->siret_entry), self->siret_error, error->message);
      return;
    }

  ent_input_show_reason (GTK_WIDGET (self->siret_entry), self->siret_error, NULL);
  if (g_strcmp0 (siret, ent_document_get_siret (self->document)) != 0)
    ent_document_set_siret (self->document, siret);
}

/* The title or the payer typed: a name with a control character (a pasted
 * tab or line break) stays out of the document, with the reason. */
static void
name_changed_cb (GtkEditable        *editable,
                 EntAssumptionsPage *self)
{
  g_autoptr(GError) error = NULL;

  if (ent_validate_name (gtk_editable_get_text (editable), &error))
    ent_input_show_reason (GTK_WIDGET (editable), self->names_error, NULL);
  else
    ent_input_show_reason (GTK_WIDGET (editable), self->names_error, error->message);
}

static void
payment_activate_cb (EntAssumptionsPage *self)
{
  commit_payment (self);
}

static void
payment_leave_cb (EntAssumptionsPage *self)
{
  commit_payment (self);
}

static void
payment_changed_cb (EntAssumptionsPage *self)
{
  /* The reason stays until the next commit, but not on a fresh edit. */
  if (!self->loading)
    ent_input_show_reason (GTK_WIDGET (self->payment_entry), self->contract_error, NULL);
}

static void
payment_day_selected_cb (EntAssumptionsPage *self)
{
  g_autoptr(GDateTime) datetime = NULL;
  g_autofree char *text = NULL;
  GDate date;

  if (self->loading)
    return;

  datetime = gtk_calendar_get_date (self->payment_calendar);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (datetime),
                  g_date_time_get_month (datetime), g_date_time_get_year (datetime));
  text = format_date (&date);
  gtk_editable_set_text (GTK_EDITABLE (self->payment_entry), text);
  commit_payment (self);
  gtk_menu_button_popdown (self->payment_calendar_button);
}

static void
spin_insert_text_cb (GtkEditable *editable,
                     const char  *text,
                     int          length,
                     int         *position,
                     GtkWidget   *spin)
{
  EntAssumptionsPage *self =
    ENT_ASSUMPTIONS_PAGE (gtk_widget_get_ancestor (spin, ENT_TYPE_ASSUMPTIONS_PAGE));
  gsize n = length < 0 ? strlen (text) : (gsize) length;

  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isdigit (text[i]))
      {
        g_signal_stop_emission_by_name (editable, "insert-text");
        gtk_widget_error_bell (spin);
        ent_input_show_reason (spin, self->contract_error,
                     _("Only digits are accepted here: a year, or a number of school years."));
        return;
      }
  ent_input_show_reason (spin, self->contract_error, NULL);
}

static void
imputation_changed_cb (GtkEditable        *editable,
                       EntAssumptionsPage *self)
{
  if (self->loading || self->document == NULL)
    return;
  commit_imputation (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (editable), "ent-line")));
}

static void
add_tariff_cb (EntAssumptionsPage *self)
{
  EntTariffSchedule *tariffs;
  EntTariffPeriod *last;
  g_autoptr(EntTariffPeriod) period = NULL;
  g_autoptr(GError) error = NULL;
  GDate date, start, end;

  if (self->document == NULL)
    return;

  tariffs = ent_document_get_tariffs (self->document);
  get_contract_bounds (ent_document_get_contract (self->document), &start, &end);
  last = ent_tariff_schedule_get_last (tariffs);

  /* A revision one year after the last one, with the same prices to edit. */
  if (last != NULL)
    {
      date = *ent_tariff_period_get_valid_from (last);
      g_date_add_years (&date, 1);
    }
  else
    date = start;

  while (ent_tariff_schedule_has_date (tariffs, &date, NULL) && g_date_compare (&date, &end) < 0)
    g_date_add_days (&date, 1);

  if (g_date_compare (&date, &end) > 0 || ent_tariff_schedule_has_date (tariffs, &date, NULL))
    {
      g_autofree char *end_text = format_date (&end);
      g_autofree char *reason =
        /* Translators: %s is the last day of the contract */
        g_strdup_printf (_("No room for another tariff period before the end of the contract, %s."),
                         end_text);

      show_message (self->tariff_error, reason);
      return;
    }

  period = ent_tariff_period_new (&date,
                                  last ? ent_tariff_period_get_base_per_pupil (last) : 0,
                                  last ? ent_tariff_period_get_optional_per_pupil (last) : 0,
                                  last ? ent_tariff_period_get_half_day (last) : 0,
                                  "");
  if (!ent_tariff_schedule_add (tariffs, period, &error))
    {
      show_message (self->tariff_error, error->message);
      return;
    }
  ent_input_clear_reason_label (self->tariff_error);
  focus_period (self, period);
}

/* The wheel over the tariff table scrolls the page: the table's own
 * scroller only scrolls sideways (Shift and the wheel, or a touchpad), and
 * would otherwise stop the page under the pointer. */
static gboolean
tariff_scroll_cb (GtkEventControllerScroll *controller,
                  double                    dx,
                  double                    dy,
                  EntAssumptionsPage       *self)
{
  GtkAdjustment *adjustment =
    gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scrolled_window));
  double step = 1.0;

  if (dy == 0.0 || fabs (dx) > fabs (dy))
    return GDK_EVENT_PROPAGATE;
  /* GtkScrolledWindow's wheel step */
  if (gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL)
    step = pow (gtk_adjustment_get_page_size (adjustment), 2.0 / 3.0);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + dy * step);
  return GDK_EVENT_STOP;
}

/* ---------------------------------------------------------------- overrides */

/* ------------------------------------------------- the groups below the fold */

/* The billing, tariff and imputation groups are below the first screen of
 * the page (1280×800 and smaller), and they cost about a third of the
 * window's first frame: AdwActionRow (libadwaita 1.2) lays out its wrapped
 * subtitle about a hundred times while the window is measured, and the
 * billing explanations and the M57 labels are long (callgrind, issue 13:
 * 1 224 → 833 million instructions to the first frame without them). So the
 * template has them hidden, and they are shown just after the window's first
 * frame is painted, before the next one: a user scrolling down or pressing a
 * mnemonic finds them there. */
static void
show_lower_groups (EntAssumptionsPage *self)
{
  g_clear_handle_id (&self->lower_groups_idle, g_source_remove);
  if (self->first_frame_clock != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->first_frame_clock, self);
      g_clear_object (&self->first_frame_clock);
    }
  gtk_widget_set_visible (self->billing_group, TRUE);
  gtk_widget_set_visible (self->tariff_group, TRUE);
  gtk_widget_set_visible (self->imputation_group, TRUE);
}

static gboolean
show_lower_groups_idle_cb (gpointer user_data)
{
  EntAssumptionsPage *self = user_data;

  self->lower_groups_idle = 0;
  show_lower_groups (self);
  return G_SOURCE_REMOVE;
}

static void
first_frame_painted_cb (GdkFrameClock      *clock,
                        EntAssumptionsPage *self)
{
  g_signal_handlers_disconnect_by_data (clock, self);
  g_clear_object (&self->first_frame_clock);
  /* above the frame clock's priority: shown before the next frame */
  if (self->lower_groups_idle == 0)
    self->lower_groups_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, show_lower_groups_idle_cb,
                                               self, NULL);
}

static void
ent_assumptions_page_realize (GtkWidget *widget)
{
  EntAssumptionsPage *self = ENT_ASSUMPTIONS_PAGE (widget);
  GdkFrameClock *clock;

  GTK_WIDGET_CLASS (ent_assumptions_page_parent_class)->realize (widget);

  if (gtk_widget_get_visible (self->imputation_group) || self->first_frame_clock != NULL)
    return;
  clock = gtk_widget_get_frame_clock (widget);
  if (clock == NULL)
    {
      show_lower_groups (self);
      return;
    }
  self->first_frame_clock = g_object_ref (clock);
  g_signal_connect (clock, "after-paint", G_CALLBACK (first_frame_painted_cb), self);
}

static void
ent_assumptions_page_dispose (GObject *object)
{
  EntAssumptionsPage *self = ENT_ASSUMPTIONS_PAGE (object);

  g_clear_handle_id (&self->lower_groups_idle, g_source_remove);
  if (self->first_frame_clock != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->first_frame_clock, self);
      g_clear_object (&self->first_frame_clock);
    }
  disconnect_document (self);
  stop_focusing_period (self);
  g_clear_object (&self->document);
  gtk_widget_dispose_template (GTK_WIDGET (self), ENT_TYPE_ASSUMPTIONS_PAGE);

  G_OBJECT_CLASS (ent_assumptions_page_parent_class)->dispose (object);
}

static void
ent_assumptions_page_finalize (GObject *object)
{
  EntAssumptionsPage *self = ENT_ASSUMPTIONS_PAGE (object);

  g_ptr_array_unref (self->bindings);

  G_OBJECT_CLASS (ent_assumptions_page_parent_class)->finalize (object);
}

static void
ent_assumptions_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  EntAssumptionsPage *self = ENT_ASSUMPTIONS_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ent_assumptions_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  EntAssumptionsPage *self = ENT_ASSUMPTIONS_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      ent_assumptions_page_set_document (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ent_assumptions_page_class_init (EntAssumptionsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (ENT_TYPE_RADIO);   /* the billing modes (template) */

  object_class->dispose = ent_assumptions_page_dispose;
  object_class->finalize = ent_assumptions_page_finalize;
  object_class->get_property = ent_assumptions_page_get_property;
  object_class->set_property = ent_assumptions_page_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, ENT_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  widget_class->realize = ent_assumptions_page_realize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/budgetent/BudgetEnt/ui/ent-assumptions-page.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, EntAssumptionsPage, name)
  BIND (scrolled_window);
  BIND (title_entry);
  BIND (payer_entry);
  BIND (names_error);
  BIND (kind_dropdown);
  BIND (insee_entry);
  BIND (insee_error);
  BIND (siret_entry);
  BIND (siret_error);
  BIND (first_year_row);
  BIND (school_years_row);
  BIND (payment_row);
  BIND (first_year_spin);
  BIND (school_years_spin);
  BIND (payment_entry);
  BIND (payment_calendar_button);
  BIND (payment_calendar);
  BIND (contract_error);
  BIND (contract_summary_label);
  BIND (annual_row);
  BIND (prorata_row);
  BIND (annual_check);
  BIND (prorata_check);
  BIND (tariff_scroller);
  BIND (tariff_view);
  BIND (tariff_error);
  BIND (base_line_row);
  BIND (optional_line_row);
  BIND (specific_line_row);
  BIND (base_chapter_entry);
  BIND (base_nature_entry);
  BIND (base_function_entry);
  BIND (optional_chapter_entry);
  BIND (optional_nature_entry);
  BIND (optional_function_entry);
  BIND (specific_chapter_entry);
  BIND (specific_nature_entry);
  BIND (specific_function_entry);
  BIND (imputation_error);
  BIND (base_warning_icon);
  BIND (optional_warning_icon);
  BIND (specific_warning_icon);
  BIND (imputation_warning);
  BIND (chart_label);
  BIND (split_row);
  BIND (split_switch);
  BIND (billing_group);
  BIND (tariff_group);
  BIND (imputation_group);
  gtk_widget_class_bind_template_callback (widget_class, split_active_cb);
#undef BIND
  gtk_widget_class_bind_template_child_full (widget_class, "add_tariff_button", FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, payment_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, payment_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_tariff_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "entassumptionspage");
}

static void
ent_assumptions_page_init (EntAssumptionsPage *self)
{
  GtkEventController *focus;
  GtkEventController *scroll;
  AdwActionRow **line_rows = self->line_rows;
  g_autofree char *chart = NULL;

  self->bindings = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  ent_accessible_fix_mnemonics (GTK_WIDGET (self));
  /* every field named by its row's title and reached by its mnemonic, one
   * Tab stop a field (before the drop-down's name, which drops the title
   * relation) */
  ent_accessible_name_fields (GTK_WIDGET (self));
  /* Translators: accessible name of the kind of payer drop-down; %s is "Commune" or "EPCI…" */
  ent_accessible_name_chooser (GTK_WIDGET (self->kind_dropdown), _("Kind of payer: %s"), dup_string_object);
  /* the rows are named at bind (« Période tarifaire du 01/09/2023 »), the
   * cells by their entries */
  ent_accessible_name_view_cells (GTK_WIDGET (self->tariff_view));
  ent_accessible_single_tab_stop (GTK_WIDGET (self->tariff_view));

  self->imputation_entries[ENT_LINE_BASE][IMPUTATION_CHAPTER] = self->base_chapter_entry;
  self->imputation_entries[ENT_LINE_BASE][IMPUTATION_NATURE] = self->base_nature_entry;
  self->imputation_entries[ENT_LINE_BASE][IMPUTATION_FUNCTION] = self->base_function_entry;
  self->imputation_entries[ENT_LINE_OPTIONAL][IMPUTATION_CHAPTER] = self->optional_chapter_entry;
  self->imputation_entries[ENT_LINE_OPTIONAL][IMPUTATION_NATURE] = self->optional_nature_entry;
  self->imputation_entries[ENT_LINE_OPTIONAL][IMPUTATION_FUNCTION] = self->optional_function_entry;
  self->imputation_entries[ENT_LINE_SPECIFIC][IMPUTATION_CHAPTER] = self->specific_chapter_entry;
  self->imputation_entries[ENT_LINE_SPECIFIC][IMPUTATION_NATURE] = self->specific_nature_entry;
  self->imputation_entries[ENT_LINE_SPECIFIC][IMPUTATION_FUNCTION] = self->specific_function_entry;
  line_rows[ENT_LINE_BASE] = self->base_line_row;
  line_rows[ENT_LINE_OPTIONAL] = self->optional_line_row;
  line_rows[ENT_LINE_SPECIFIC] = self->specific_line_row;
  self->warning_icons[ENT_LINE_BASE] = self->base_warning_icon;
  self->warning_icons[ENT_LINE_OPTIONAL] = self->optional_warning_icon;
  self->warning_icons[ENT_LINE_SPECIFIC] = self->specific_warning_icon;

  /* Translators: under the imputation table: %s is the year of the M57
   * chart of accounts whose labels the page shows ("2025") */
  chart = g_strdup_printf (_("Labels of the M57 chart of accounts at 1 January %s. "
                             "The function may be left empty (communes under 3,500 inhabitants)."),
                           ent_m57_get_year ());
  gtk_label_set_text (self->chart_label, chart);

  for (guint line = 0; line < ENT_N_LINES; line++)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (line_rows[line]),
                                     ent_line_kind_get_label (line));
      for (guint part = 0; part < N_IMPUTATION_PARTS; part++)
        {
          GtkEntry *entry = self->imputation_entries[line][part];

          g_object_set_data (G_OBJECT (entry), "ent-line", GUINT_TO_POINTER (line));
          g_signal_connect (entry, "changed", G_CALLBACK (imputation_changed_cb), self);
        }
    }

  describe_billing_row (self->annual_row, ENT_BILLING_ANNUAL);
  describe_billing_row (self->prorata_row, ENT_BILLING_PRORATA);

  /* An INSEE code has five characters, an EPCI's SIREN nine. */
  if (GTK_IS_TEXT (gtk_editable_get_delegate (GTK_EDITABLE (self->insee_entry))))
    gtk_text_set_max_length (GTK_TEXT (gtk_editable_get_delegate (GTK_EDITABLE (self->insee_entry))), 9);

  g_signal_connect (self->title_entry, "changed", G_CALLBACK (name_changed_cb), self);
  g_signal_connect (self->payer_entry, "changed", G_CALLBACK (name_changed_cb), self);
  g_signal_connect_swapped (self->insee_entry, "changed", G_CALLBACK (insee_changed_cb), self);
  g_signal_connect_swapped (self->siret_entry, "changed", G_CALLBACK (siret_changed_cb), self);
  g_signal_connect_swapped (self->payment_entry, "changed", G_CALLBACK (payment_changed_cb), self);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (payment_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->payment_entry), focus);
  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  gtk_event_controller_set_propagation_phase (scroll, GTK_PHASE_CAPTURE);
  g_signal_connect (scroll, "scroll", G_CALLBACK (tariff_scroll_cb), self);
  gtk_widget_add_controller (self->tariff_scroller, scroll);

  g_signal_connect (gtk_editable_get_delegate (GTK_EDITABLE (self->first_year_spin)), "insert-text",
                    G_CALLBACK (spin_insert_text_cb), self->first_year_spin);
  g_signal_connect (gtk_editable_get_delegate (GTK_EDITABLE (self->school_years_spin)), "insert-text",
                    G_CALLBACK (spin_insert_text_cb), self->school_years_spin);

  /* Translators: column of the tariff periods: the date the period starts */
  add_tariff_column (self, TARIFF_COLUMN_DATE, _("Valid From"), FALSE);
  /* Translators: column of the tariff periods: base contribution per pupil and year */
  add_tariff_column (self, TARIFF_COLUMN_BASE, _("Base per Pupil"), FALSE);
  /* Translators: column of the tariff periods: optional flat support per pupil and year */
  add_tariff_column (self, TARIFF_COLUMN_OPTIONAL, _("Support per Pupil"), FALSE);
  /* Translators: column of the tariff periods: price of a half-day of specific support */
  add_tariff_column (self, TARIFF_COLUMN_HALF_DAY, _("Half-Day"), FALSE);
  /* Translators: column of the tariff periods: the decision that set the tariff */
  add_tariff_column (self, TARIFF_COLUMN_REFERENCE, _("Reference"), TRUE);
  add_tariff_column (self, TARIFF_COLUMN_REMOVE, NULL, FALSE);
}

/* ------------------------------------------------------------------- public */

GtkWidget *
ent_assumptions_page_new (void)
{
  return g_object_new (ENT_TYPE_ASSUMPTIONS_PAGE, NULL);
}

EntDocument *
ent_assumptions_page_get_document (EntAssumptionsPage *self)
{
  g_return_val_if_fail (ENT_IS_ASSUMPTIONS_PAGE (self), NULL);

  return self->document;
}

void
ent_assumptions_page_set_document (EntAssumptionsPage *self,
                                   EntDocument        *document)
{
  g_return_if_fail (ENT_IS_ASSUMPTIONS_PAGE (self));
  g_return_if_fail (document == NULL || ENT_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  disconnect_document (self);
  g_set_object (&self->document, document);
  if (document != NULL)
    connect_document (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

/**
 * ent_assumptions_page_focus_siret:
 *
 * Scrolls to the SIRET entry and gives it the focus (the open-data export
 * asks for it).
 */
void
ent_assumptions_page_focus_siret (EntAssumptionsPage *self)
{
  g_return_if_fail (ENT_IS_ASSUMPTIONS_PAGE (self));

  gtk_widget_grab_focus (self->siret_entry);
}
