/* test-accessibility.c: what a screen reader meets on every page (issue 16)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Builds the window on the bundled Hem example, shows each page in turn (and
 * the start page, the window's own chrome with its banners, the import
 * dialog), then walks every widget a user can Tab to: visible, mapped,
 * sensitive, focusable and can-focus. Each must have
 *   (a) a role that is not generic (GENERIC, NONE, PRESENTATION),
 *   (b) a name (see has_name () for the rule),
 *   (c) no mnemonic marker in its LABEL property ("_Open" is read "underscore
 *       Open" or doubled).
 * Every offender of a page is printed (type, id or CSS name, text), then a
 * summary line per page: these are the figures of the closing note. Runs
 * with GTK_A11Y=test (the suite's environment), where the properties and
 * relations set by the application are what gtk_test_accessible_* sees.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <gtk/gtk.h>

#include <adwaita.h>

#include "ent-assumptions-page.h"
#include "ent-import-dialog-private.h"
#include "ent-input-reason.h"
#include "ent-totals-bar-private.h"
#include "ent-window-private.h"

#include "ent-test-gtk-utils.h"

typedef struct
{
  const char *page;
  guint       n_controls;
  guint       n_generic_role;
  guint       n_unnamed;
  guint       n_mnemonic;
  guint       n_twice;
  GtkWidget  *skip;        /* a subtree not walked (the pages, for the chrome) */
  GtkWidget  *skip2;
} Audit;

/* ------------------------------------------------------------- the rules */

/* The LABEL property's value, or NULL when it is not set. */
static char *
label_property (GtkWidget *widget)
{
  if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL))
    return NULL;
  /* The check returns the value when it differs from the one asked for. */
  return gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                             GTK_ACCESSIBLE_PROPERTY_LABEL,
                                             "\x01 no label is this");
}

/* The text of the first visible GtkLabel inside @widget (a button's label,
 * its AdwButtonContent's), or NULL: a screen reader names a button or a
 * check button by the text it contains. An image is not a name. */
static const char *
inner_text (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *text;

      if (!gtk_widget_get_visible (child))
        continue;
      if (GTK_IS_LABEL (child))
        {
          text = gtk_label_get_text (GTK_LABEL (child));
          if (text != NULL && *text != '\0')
            return text;
          continue;
        }
      text = inner_text (child);
      if (text != NULL)
        return text;
    }
  return NULL;
}

/* The widget a screen reader presents for the focusable @widget: the
 * editable that delegates its text to a GtkText (GtkEntry, GtkSpinButton,
 * AdwEntryRow: the GtkText is their inside, with no role of its own). */
static GtkWidget *
presented_widget (GtkWidget *widget)
{
  if (GTK_IS_TEXT (widget))
    {
      for (GtkWidget *up = gtk_widget_get_parent (widget); up != NULL; up = gtk_widget_get_parent (up))
        if (GTK_IS_EDITABLE (up) && gtk_editable_get_delegate (GTK_EDITABLE (up)) != NULL)
          return up;
    }
  return widget;
}

/* The name rule. A widget is named when
 *  - its LABEL property is set and not empty, or
 *  - it has a LABELLED_BY relation, or
 *  - its own text names it: a GtkLabel's text; the label text inside a
 *    button, toggle button or check button (an icon is no name), or
 *  - it is an AdwEntryRow (its title is its label).
 * Nothing else: a tooltip, a neighbouring label, or a row's title does not
 * name the switch or spin button at its end. Sets @how to the rule used. */
static gboolean
has_name (GtkWidget   *widget,
          const char **how)
{
  g_autofree char *label = label_property (widget);

  if (label != NULL && *label != '\0')
    return (*how = "label", TRUE);
  if (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    return (*how = "labelled-by", TRUE);
  if (GTK_IS_LABEL (widget))
    {
      const char *text = gtk_label_get_text (GTK_LABEL (widget));

      *how = "text";
      return text != NULL && *text != '\0';
    }
  if (GTK_IS_BUTTON (widget) || GTK_IS_CHECK_BUTTON (widget))
    {
      *how = "text";
      return inner_text (widget) != NULL;
    }
  if (ADW_IS_ENTRY_ROW (widget))
    {
      const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget));

      *how = "title";
      return title != NULL && *title != '\0';
    }
  return (*how = "none", FALSE);
}

/* A mnemonic marker: an underscore before a letter or a digit ("_Open",
 * "E_xport"); "__" is a literal underscore and no marker. */
static gboolean
has_mnemonic (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p++)
    {
      if (*p != '_')
        continue;
      if (p[1] == '_')
        {
          p++;
          continue;
        }
      if (g_unichar_isalnum (g_utf8_get_char (p + 1)))
        return TRUE;
    }
  return FALSE;
}

static gboolean
generic_role (GtkWidget *widget)
{
  GtkAccessibleRole role = gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget));

  return role == GTK_ACCESSIBLE_ROLE_GENERIC ||
         role == GTK_ACCESSIBLE_ROLE_NONE ||
         role == GTK_ACCESSIBLE_ROLE_PRESENTATION;
}

/* -------------------------------------------------------------- the walk */

static char *
describe (GtkWidget *widget)
{
  GString *out = g_string_new (G_OBJECT_TYPE_NAME (widget));
  const char *id = gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget));
  const char *text = GTK_IS_LABEL (widget) ? gtk_label_get_text (GTK_LABEL (widget)) : inner_text (widget);
  g_autofree char *label = label_property (widget);

  if (id != NULL)
    g_string_append_printf (out, " #%s", id);
  else
    g_string_append_printf (out, " (%s)", gtk_widget_get_css_name (widget));
  if (GTK_IS_EDITABLE (widget))
    text = gtk_editable_get_text (GTK_EDITABLE (widget));
  if (text != NULL && *text != '\0')
    g_string_append_printf (out, " text \"%s\"", text);
  if (label != NULL)
    g_string_append_printf (out, " label \"%s\"", label);
  for (GtkWidget *up = gtk_widget_get_parent (widget); up != NULL; up = gtk_widget_get_parent (up))
    if (gtk_buildable_get_buildable_id (GTK_BUILDABLE (up)) != NULL)
      {
        g_string_append_printf (out, " in #%s", gtk_buildable_get_buildable_id (GTK_BUILDABLE (up)));
        break;
      }
  return g_string_free (out, FALSE);
}

/* TRUE for a button or check button showing a text label */
static gboolean
label_text_of_button (GtkWidget *widget)
{
  const char *text = NULL;

  if (GTK_IS_BUTTON (widget))
    text = gtk_button_get_label (GTK_BUTTON (widget));
  else if (GTK_IS_CHECK_BUTTON (widget))
    text = gtk_check_button_get_label (GTK_CHECK_BUTTON (widget));
  return text != NULL && *text != '\0';
}

static gboolean hidden_state (GtkWidget *widget);

/* A visible image inside @widget that assistive technologies are not told
 * to leave out: GTK 4.8 names it by its class, and Orca read an icon button
 * « GtkImage Exporter bouton ». */
static gboolean
shows_unhidden_image (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_get_visible (child))
        continue;
      if (GTK_IS_IMAGE (child) && !hidden_state (child))
        return TRUE;
      if (shows_unhidden_image (child))
        return TRUE;
    }
  return FALSE;
}

static void
check_control (Audit     *audit,
               GtkWidget *focusable)
{
  GtkWidget *widget = presented_widget (focusable);
  g_autofree char *what = describe (widget);
  g_autofree char *label = label_property (widget);
  const char *how = NULL;

  audit->n_controls++;
  if (generic_role (widget))
    {
      audit->n_generic_role++;
      g_test_message ("%s: generic role: %s", audit->page, what);
    }
  if (!has_name (widget, &how))
    {
      audit->n_unnamed++;
      g_test_message ("%s: no name: %s", audit->page, what);
    }
  if (GTK_IS_BUTTON (widget) && shows_unhidden_image (widget))
    {
      audit->n_unnamed++;
      g_test_message ("%s: an icon read by its class name (« GtkImage Exporter »): %s", audit->page, what);
    }
  if (label != NULL && has_mnemonic (label))
    {
      audit->n_mnemonic++;
      g_test_message ("%s: mnemonic in the name: %s", audit->page, what);
    }
  /* GTK 4.8 builds the name from the LABEL property and then the texts of
   * the LABELLED_BY widgets, which for a button or check button with a
   * label is that label: both set, the name is said twice (« Ouvrir
   * Ouvrir » on the AT-SPI bus). An icon button's image adds no text. */
  if (label != NULL && label_text_of_button (widget) &&
      gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    {
      audit->n_twice++;
      g_test_message ("%s: named twice (label and labelled-by): %s", audit->page, what);
    }
}

static gboolean
has_focusable_descendant (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if ((gtk_widget_get_visible (child) && gtk_widget_get_focusable (child)) ||
        has_focusable_descendant (child))
      return TRUE;
  return FALSE;
}

/* Hidden from assistive technologies (a blank cell of a totals row) */
static gboolean
hidden_state (GtkWidget *widget)
{
  g_autofree char *value = NULL;

  if (!gtk_test_accessible_has_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_HIDDEN))
    return FALSE;
  value = gtk_test_accessible_check_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE);
  return value == NULL;
}

/* The roles of the parts of a list or a table: a screen reader presents each
 * as something to act on, focusable or not (a row, a cell, a list item, the
 * list itself). */
static gboolean
table_part_role (GtkWidget *widget)
{
  switch ((int) gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)))
    {
    case GTK_ACCESSIBLE_ROLE_ROW:
    case GTK_ACCESSIBLE_ROLE_CELL:
    case GTK_ACCESSIBLE_ROLE_GRID_CELL:
    case GTK_ACCESSIBLE_ROLE_LIST_ITEM:
    case GTK_ACCESSIBLE_ROLE_LIST:
      return TRUE;
    default:
      return FALSE;
    }
}

/* A control is what Tab can reach, and what the AT-SPI bus presents as one:
 * every focusable widget (GTK 4.8 gives them the FOCUSABLE state, which a
 * screen reader reads as "can be reached"), and the rows, cells and lists
 * of a table. A GtkScrolledWindow is focusable, and takes the focus itself
 * when nothing inside it can (GTK's rule): a Tab stop then, and a named
 * pane on the bus always (issue 16's audit: 12 unnamed scroll panes). A
 * widget hidden from assistive technologies is none. */
static gboolean
is_control (GtkWidget *widget)
{
  if (hidden_state (widget))
    return FALSE;
  if (table_part_role (widget))
    return TRUE;
  return gtk_widget_get_focusable (widget) && gtk_widget_get_can_focus (widget) &&
         gtk_widget_is_sensitive (widget);
}

static void
walk (Audit     *audit,
      GtkWidget *widget)
{
  if (widget == audit->skip || widget == audit->skip2)
    return;
  if (!gtk_widget_get_visible (widget) || !gtk_widget_get_mapped (widget))
    return;
  if (is_control (widget))
    check_control (audit, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    walk (audit, child);
}

/* Prints the page's figures, and fails when a control breaks a rule. */
static void
report (Audit *audit)
{
  guint failures = audit->n_generic_role + audit->n_unnamed + audit->n_mnemonic + audit->n_twice;

  g_test_message ("SUMMARY %-12s controls %3u  generic-role %3u  no-name %3u  mnemonic %3u  twice %3u",
                  audit->page, audit->n_controls, audit->n_generic_role,
                  audit->n_unnamed, audit->n_mnemonic, audit->n_twice);
  g_assert_cmpuint (audit->n_controls, >, 0);
  if (failures == 0)
    return;
  g_test_fail_printf ("%s: %u controls break the rules (see above)", audit->page, failures);
}

/* ------------------------------------------------------------- the pages */

static EntWindow *
show_window (void)
{
  g_autoptr(EntDocument) document = ent_document_new_example ();
  EntWindow *window = ent_window_new (NULL, document);

  window->undo_toast_timeout = 0;
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 760);
  ent_test_present (window);
  ent_window_ensure_pages (window);
  ent_test_settle (GTK_WIDGET (window));
  return window;
}

static void
test_page (gconstpointer data)
{
  const char *name = data;
  EntWindow *window = show_window ();
  Audit audit = { name, };

  gtk_stack_set_visible_child_name (window->stack, name);
  ent_test_settle (GTK_WIDGET (window));
  walk (&audit, gtk_stack_get_visible_child (window->stack));
  report (&audit);
  ent_test_destroy_window (window);
}

/* The header bar, the banners (all shown), the page list and the totals bar. */
static void
test_chrome (void)
{
  EntWindow *window = show_window ();
  Audit audit = { "window", };

  ent_window_show_error (window, "Test error");
  ent_test_settle (GTK_WIDGET (window));
  ent_test_run_for (400);   /* the revealer's transition */
  audit.skip = GTK_WIDGET (window->stack);
  audit.skip2 = window->start_page;
  walk (&audit, GTK_WIDGET (window));
  report (&audit);
  ent_test_destroy_window (window);
}

static void
test_start_page (void)
{
  EntWindow *window = show_window ();
  Audit audit = { "start", };

  ent_window_show_start_page (window);
  ent_test_settle (GTK_WIDGET (window));
  walk (&audit, window->start_page);
  report (&audit);
  ent_test_destroy_window (window);
}

static void
test_import_dialog (void)
{
  EntWindow *window = show_window ();
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "model", "fixtures",
                                                 "effectifs-labels.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkWindow *dialog = ent_window_open_import_dialog (window, file);
  Audit audit = { "import", };

  g_object_ref (dialog);
  while (!gtk_widget_get_mapped (GTK_WIDGET (dialog)))
    g_main_context_iteration (NULL, TRUE);
  while (ent_import_dialog_get_busy (ENT_IMPORT_DIALOG (dialog)))
    g_main_context_iteration (NULL, TRUE);
  ent_test_settle (GTK_WIDGET (dialog));
  walk (&audit, GTK_WIDGET (dialog));
  report (&audit);

  /* and once the preview shows the schools found and the changes: two
   * lists a listener reads row by row */
  {
    Audit preview = { "import-preview", };
    GtkWidget *schools = ent_test_template_child (dialog, ENT_TYPE_IMPORT_DIALOG, "schools_view");

    gtk_editable_set_text (ent_test_template_child (dialog, ENT_TYPE_IMPORT_DIALOG, "communes_entry"), "Hem");
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.preview", NULL));
    while (ent_import_dialog_get_busy (ENT_IMPORT_DIALOG (dialog)))
      g_main_context_iteration (NULL, TRUE);
    ent_test_settle (GTK_WIDGET (dialog));
    ent_test_run_for (100);   /* the rows are named after a frame */
    g_assert_true (gtk_widget_get_mapped (schools));
    walk (&preview, GTK_WIDGET (dialog));
    report (&preview);
    /* the lists are reached with Tab, their rows with the arrows */
    g_assert_true (gtk_widget_get_focusable (gtk_widget_get_first_child (schools)));
  }
  gtk_window_destroy (dialog);
  g_object_unref (dialog);
  ent_test_destroy_window (window);
}

/* The billing modes are two radio buttons, and the drop-downs speak their
 * purpose and their value. */
static void
test_roles (void)
{
  EntWindow *window = show_window ();
  GtkWidget *scenario = ent_test_template_child (window->totals_bar, ENT_TYPE_TOTALS_BAR,
                                                 "scenario_dropdown");
  GtkWidget *kind = ent_test_template_child (window->assumptions_page, ENT_TYPE_ASSUMPTIONS_PAGE,
                                             "kind_dropdown");
  g_autofree char *value = NULL;

  for (guint i = 0; i < 2; i++)
    {
      GtkWidget *check = ent_test_template_child (window->assumptions_page, ENT_TYPE_ASSUMPTIONS_PAGE,
                                                  i == 0 ? "annual_check" : "prorata_check");

      g_assert_true (gtk_test_accessible_has_role (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_ROLE_RADIO));
    }
  /* the Hem example: a commune, scenario "Base seule" shown */
  value = gtk_test_accessible_check_property (GTK_ACCESSIBLE (kind), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                              "Kind of payer: Commune");
  g_assert_null (value);
  value = gtk_test_accessible_check_property (GTK_ACCESSIBLE (scenario),
                                              GTK_ACCESSIBLE_PROPERTY_LABEL,
                                              "Scenario: Base seule");
  g_assert_null (value);
  ent_test_destroy_window (window);
}

/* ------------------------------------------------------ fields in rows */

/* Every field in a libadwaita row of @widget is met once, by its title:
 *  - no AdwEntryRow: libadwaita 1.2 on GTK 4.8 never reports its focus on
 *    the bus, and Orca read the text without the title;
 *  - an AdwActionRow holding a control is no Tab stop before that control;
 *  - its activatable widget has one name: a LABEL, the row's title without
 *    mnemonic marker, and no LABELLED_BY (GTK 4.8 joins both, "Title Title",
 *    and Orca speaks the relation's label rather than the name);
 *  - an AdwComboRow likewise, its LABEL saying purpose and value.
 * Counts the rows with a field in @n_fields. */
#define WRONG(...) (g_test_message (__VA_ARGS__), (*n_wrong)++)

static void
check_rows (GtkWidget *widget,
            guint     *n_fields,
            guint     *n_wrong)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *field = NULL;
      g_autofree char *what = describe (child);

      if (ADW_IS_ENTRY_ROW (child))
        WRONG ("an AdwEntryRow, unannounced on GTK 4.8: %s", what);
      if (ADW_IS_COMBO_ROW (child))
        field = child;
      else if (ADW_IS_ACTION_ROW (child))
        field = adw_action_row_get_activatable_widget (ADW_ACTION_ROW (child));
      /* (a row whose control cannot be used now, the split switch without
       * the schools' levels, is the stop that reads why: not an offender) */
      if (ADW_IS_ACTION_ROW (child) && !ADW_IS_COMBO_ROW (child) &&
          ((field != NULL && gtk_widget_is_sensitive (field)) ||
           (field == NULL && has_focusable_descendant (child))) &&
          gtk_widget_get_focusable (child))
        WRONG ("a row is a Tab stop before its control: %s", what);
      if (field != NULL)
        {
          g_autofree char *label = label_property (field);
          g_autofree char *title = g_strdup (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)));
          g_autofree char *field_what = describe (field);

          (*n_fields)++;
          /* the title without its marker: "_First school year" -> "First school year" */
          for (char *p = title, *q = title; ; p++)
            if (*p != '_' || p[1] == '_')
              if ((*q++ = (*p == '_' ? *++p : *p)) == '\0')
                break;
          if (label == NULL)
            WRONG ("no LABEL: %s", field_what);
          else if (field != child && g_strcmp0 (label, title) != 0)
            WRONG ("named \"%s\", not by its title \"%s\": %s", label, title, field_what);
          else if (field == child && !g_str_has_prefix (label, title))
            WRONG ("combo named \"%s\", not by its title \"%s\"", label, title);
          if (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_RELATION_LABELLED_BY))
            WRONG ("LABELLED_BY as well as its LABEL (read twice): %s", field_what);
        }
      check_rows (child, n_fields, n_wrong);
    }
}

static void
test_fields (void)
{
  static const struct { const char *id; const char *name; } expected[] = {
    { "title_entry", "Title" },
    { "payer_entry", "Payer" },
    { "insee_entry", "INSEE code" },
    { "first_year_spin", "First school year" },
    { "payment_entry", "Payment start" },
    { "annual_check", "Annual billing" },
    { "split_switch", "Split the base part between functions 211 and 212 by pupils" },
  };
  EntWindow *window = show_window ();
  guint n_fields = 0;
  guint wrong = 0;
  guint *n_wrong = &wrong;

  gtk_stack_set_visible_child_name (window->stack, "assumptions");
  ent_test_settle (GTK_WIDGET (window));
  check_rows (window->assumptions_page, &n_fields, n_wrong);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      GtkWidget *field = ent_test_template_child (window->assumptions_page, ENT_TYPE_ASSUMPTIONS_PAGE,
                                                  expected[i].id);
      g_autofree char *value = gtk_test_accessible_check_property (GTK_ACCESSIBLE (field),
                                                                   GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                                   expected[i].name);

      if (value != NULL)
        WRONG ("%s named \"%s\", not \"%s\"", expected[i].id, value, expected[i].name);
    }
  /* title, payer, kind, INSEE, SIRET; first year, years, payment; two
   * billing modes; the split switch */
  g_assert_cmpuint (n_fields, ==, 11);
  g_assert_cmpuint (wrong, ==, 0);
  ent_test_destroy_window (window);
}
#undef WRONG

/* The rules themselves. */
static void
test_rules (void)
{
  g_assert_true (has_mnemonic ("_Open"));
  g_assert_true (has_mnemonic ("E_xport…"));
  g_assert_false (has_mnemonic ("file__name"));
  g_assert_false (has_mnemonic ("Open"));
  g_assert_false (has_mnemonic ("trailing_"));
}

/* ------------------------------------------------------ announcements */

/* Issue 16, item 3. The error banners are alerts; an error, a message and a
 * new contract total are announced (spoken on GTK >= 4.14, counted here on
 * every GTK); the contract total is a status named by what it is and its
 * amount, and says why when it is stale. */
static void
test_announcements (void)
{
  EntWindow *window = show_window ();
  EntDocument *document = ent_workspace_get_document (window->workspace);
  GtkWidget *total = ent_test_template_child (window->totals_bar, ENT_TYPE_TOTALS_BAR, "total_label");
  g_autoptr(EntTariffPeriod) period = g_list_model_get_item (G_LIST_MODEL (ent_document_get_tariffs (document)), 0);
  g_autofree char *before = g_strdup (ent_totals_bar_get_total_text (ENT_TOTALS_BAR (window->totals_bar)));
  g_autofree char *name = g_strdup_printf ("Contract total: %s", before);
  g_autofree char *value = NULL;
  g_autofree char *after = NULL;
  guint n = ent_accessible_get_n_announcements ();
  GDate date;

  g_assert_true (gtk_test_accessible_has_role (GTK_ACCESSIBLE (gtk_revealer_get_child (window->error_revealer)),
                                               GTK_ACCESSIBLE_ROLE_ALERT));
  g_assert_true (gtk_test_accessible_has_role (GTK_ACCESSIBLE (gtk_revealer_get_child (window->budget_revealer)),
                                               GTK_ACCESSIBLE_ROLE_ALERT));

  ent_window_show_error (window, "Test error");
  g_assert_cmpuint (ent_accessible_get_n_announcements (), ==, n + 1);
  g_assert_cmpstr (ent_accessible_get_last_announcement (), ==, "Test error");
  ent_window_show_error (window, NULL);
  g_assert_cmpuint (ent_accessible_get_n_announcements (), ==, n + 1);

  /* the total: a named value */
  /* a status: Orca says nothing of a label */
  g_assert_true (gtk_test_accessible_has_role (GTK_ACCESSIBLE (total), GTK_ACCESSIBLE_ROLE_STATUS));
  value = gtk_test_accessible_check_property (GTK_ACCESSIBLE (total), GTK_ACCESSIBLE_PROPERTY_LABEL, name);
  g_assert_null (value);

  /* one school year less: a new total, announced once */
  ent_contract_set_school_years (ent_document_get_contract (document), 3);
  ent_test_settle (GTK_WIDGET (window));
  after = g_strdup (ent_totals_bar_get_total_text (ENT_TOTALS_BAR (window->totals_bar)));
  g_assert_cmpstr (after, !=, before);
  g_assert_cmpuint (ent_accessible_get_n_announcements (), ==, n + 2);
  g_free (name);
  name = g_strdup_printf ("Contract total: %s", after);
  g_assert_cmpstr (ent_accessible_get_last_announcement (), ==, name);

  /* a tariff from 2030 only: the budget cannot be computed; said once, and
   * the stale total says why */
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, G_DATE_SEPTEMBER, 2030);
  ent_tariff_period_set_valid_from (period, &date);
  ent_test_settle (GTK_WIDGET (window));
  g_assert_true (gtk_revealer_get_reveal_child (window->budget_revealer));
  g_assert_cmpuint (ent_accessible_get_n_announcements (), ==, n + 3);
  g_assert_cmpstr (ent_accessible_get_last_announcement (), ==, gtk_label_get_text (window->budget_label));
  g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (total), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));
  g_date_set_dmy (&date, 1, G_DATE_SEPTEMBER, 2031);
  ent_tariff_period_set_valid_from (period, &date);
  ent_test_settle (GTK_WIDGET (window));
  g_assert_cmpuint (ent_accessible_get_n_announcements (), ==, n + 4);   /* another reason */
  /* an edit that leaves the same reason: not said again at every key */
  ent_contract_set_school_years (ent_document_get_contract (document), 4);
  ent_test_settle (GTK_WIDGET (window));
  g_assert_cmpuint (ent_accessible_get_n_announcements (), ==, n + 4);

  g_date_set_dmy (&date, 1, G_DATE_SEPTEMBER, 2023);
  ent_tariff_period_set_valid_from (period, &date);
  ent_test_settle (GTK_WIDGET (window));
  g_assert_false (gtk_revealer_get_reveal_child (window->budget_revealer));
  g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (total), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));
  ent_test_destroy_window (window);
}

/* GTK 4.8 cannot announce: the message becomes the description of the
 * control that has the focus, which Orca speaks when it changes, and goes
 * when the focus leaves (a refused value's reason comes back then). */
static void
test_announcements_gtk48 (void)
{
  EntWindow *window;
  GtkWidget *open, *title, *insee;
  g_autofree char *value = NULL;

  if (gtk_get_minor_version () >= 14)
    {
      g_test_skip ("GTK 4.14 or later announces (gtk_accessible_announce)");
      return;
    }
  window = show_window ();
  open = ent_test_find_by_id (GTK_WIDGET (window), "open_button");
  title = ent_test_template_child (window->assumptions_page, ENT_TYPE_ASSUMPTIONS_PAGE, "title_entry");
  insee = ent_test_template_child (window->assumptions_page, ENT_TYPE_ASSUMPTIONS_PAGE, "insee_entry");

  gtk_widget_grab_focus (open);
  ent_window_show_error (window, "Test error");
  value = gtk_test_accessible_check_property (GTK_ACCESSIBLE (open), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                              "Test error");
  g_assert_null (value);
  /* the focus goes on: the message with it, not left on the button */
  gtk_widget_grab_focus (title);
  ent_test_settle (GTK_WIDGET (window));
  g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (open), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));

  /* a field holding a refused value keeps its reason as description,
   * and gets it back after an announcement */
  gtk_editable_set_text (GTK_EDITABLE (insee), "5929");
  ent_test_settle (GTK_WIDGET (window));
  g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (insee), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));
  {
    g_autofree char *reason = NULL;
    GtkLabel *insee_error = ent_test_template_child (window->assumptions_page, ENT_TYPE_ASSUMPTIONS_PAGE,
                                                     "insee_error");

    reason = g_strdup (gtk_label_get_text (insee_error));
    g_assert_cmpstr (reason, !=, "");
    g_clear_pointer (&value, g_free);
    value = gtk_test_accessible_check_property (GTK_ACCESSIBLE (insee), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, reason);
    g_assert_null (value);
    gtk_widget_grab_focus (insee);
    ent_window_show_error (window, "Another error");
    value = gtk_test_accessible_check_property (GTK_ACCESSIBLE (insee), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                "Another error");
    g_assert_null (value);
    gtk_widget_grab_focus (title);
    ent_test_settle (GTK_WIDGET (window));
    value = gtk_test_accessible_check_property (GTK_ACCESSIBLE (insee), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, reason);
    g_assert_null (value);
  }
  gtk_editable_set_text (GTK_EDITABLE (insee), "59299");
  ent_test_settle (GTK_WIDGET (window));
  g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (insee), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));
  ent_test_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  static const char * const pages[] = { "assumptions", "pupils", "scenarios", "budget", "compare" };

  /* Every page is checked and its offenders listed even after one fails. */
  g_autofree char **args = g_new0 (char *, argc + 2);

  memcpy (args, argv, argc * sizeof (char *));
  args[argc++] = (char *) "--keep-going";
  argv = args;
  if (!ent_test_gtk_init (&argc, &argv))
    return 0;

  g_test_add_func ("/a11y/rules", test_rules);
  g_test_add_func ("/a11y/roles", test_roles);
  g_test_add_func ("/a11y/fields", test_fields);
  g_test_add_func ("/a11y/announcements", test_announcements);
  g_test_add_func ("/a11y/announcements-gtk-4-8", test_announcements_gtk48);
  g_test_add_func ("/a11y/window", test_chrome);
  g_test_add_func ("/a11y/start", test_start_page);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autofree char *path = g_strdup_printf ("/a11y/%s", pages[i]);

      g_test_add_data_func (path, pages[i], test_page);
    }
  g_test_add_func ("/a11y/import", test_import_dialog);
  return g_test_run ();
}
