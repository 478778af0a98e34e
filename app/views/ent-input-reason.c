/* ent-input-reason.c: why a typed value was refused (the Assumptions and
 * Budget pages share it)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ent-input-reason.h"
#include "ent-row-splice.h"

#include <string.h>

#include <adwaita.h>

#define OWNER_KEY "ent-owner"

/* ------------------------------------------------- descriptions (issue 16) */

#define REASON_KEY    "ent-reason-description"
#define ANNOUNCED_KEY "ent-announced"

/* The widget's own description (a refused value's reason), or none. */
static void
restore_description (GtkWidget *widget)
{
  const char *reason = g_object_get_data (G_OBJECT (widget), REASON_KEY);

  if (reason != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, reason,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

void
ent_accessible_set_reason (GtkWidget  *widget,
                           const char *reason)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  g_object_set_data_full (G_OBJECT (widget), REASON_KEY, g_strdup (reason), g_free);
  restore_description (widget);
}

void
ent_input_show_reason (GtkWidget  *input,
                       GtkLabel   *reason,
                       const char *message)
{
  g_return_if_fail (GTK_IS_WIDGET (input));
  g_return_if_fail (GTK_IS_LABEL (reason));

  if (message != NULL)
    {
      gtk_widget_add_css_class (input, "error");
      gtk_label_set_text (reason, message);
      gtk_widget_set_visible (GTK_WIDGET (reason), TRUE);
      g_object_set_data (G_OBJECT (reason), OWNER_KEY, input);
      gtk_accessible_update_state (GTK_ACCESSIBLE (input),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
      /* DESCRIBED_BY, not ERROR_MESSAGE: ERROR_MESSAGE takes a single
       * reference in GTK 4.8 and a NULL-terminated list in later GTK, so one
       * call cannot be right on both (a list given to GTK 4.8 reads NULL as the
       * next relation and -1 as a pointer: SIGSEGV whenever accessibility is
       * on). DESCRIBED_BY is a list on every GTK 4, and screen readers speak
       * it after the name and the invalid state. */
      gtk_accessible_update_relation (GTK_ACCESSIBLE (input),
                                      GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, reason, NULL,
                                      -1);
      /* and the reason itself: GTK 4.8's AT-SPI bridge gives a widget's
       * description, not what a described-by label says; a screen reader
       * speaks the focused field's new description at once (Orca does) */
      ent_accessible_set_reason (input, message);
    }
  else
    {
      gtk_widget_remove_css_class (input, "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (input), GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_relation (GTK_ACCESSIBLE (input), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY);
      ent_accessible_set_reason (input, NULL);
      if (g_object_get_data (G_OBJECT (reason), OWNER_KEY) == input)
        {
          gtk_widget_set_visible (GTK_WIDGET (reason), FALSE);
          g_object_set_data (G_OBJECT (reason), OWNER_KEY, NULL);
        }
    }
}

void
ent_input_clear_reason_label (GtkLabel *reason)
{
  GtkWidget *owner = g_object_get_data (G_OBJECT (reason), OWNER_KEY);

  if (owner != NULL)
    ent_input_show_reason (owner, reason, NULL);
  gtk_widget_set_visible (GTK_WIDGET (reason), FALSE);
}

/* ------------------------------------------------- accessible names (16) */

char *
ent_accessible_strip_mnemonic (const char *text)
{
  GString *name = g_string_new (NULL);

  for (const char *p = text; p != NULL && *p != '\0'; p++)
    {
      if (*p == '_')
        {
          if (p[1] != '_')
            continue;
          p++;        /* "__" is a literal underscore */
        }
      g_string_append_c (name, *p);
    }
  return g_string_free (name, FALSE);
}

/* A button's icon is decoration: GTK 4.8 exposes it unnamed, by its class,
 * and Orca read the Export button « GtkImage Exporter bouton ». */
static void
hide_icon (GtkWidget *widget)
{
  if (GTK_IS_IMAGE (widget) && gtk_widget_get_ancestor (widget, GTK_TYPE_BUTTON) != NULL)
    gtk_accessible_update_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
}

static void
fix_mnemonic (GtkWidget *widget)
{
  const char *label = NULL;
  gboolean underline = FALSE;

  if (GTK_IS_BUTTON (widget))
    {
      label = gtk_button_get_label (GTK_BUTTON (widget));
      underline = gtk_button_get_use_underline (GTK_BUTTON (widget));
    }
  else if (GTK_IS_CHECK_BUTTON (widget))
    {
      label = gtk_check_button_get_label (GTK_CHECK_BUTTON (widget));
      underline = gtk_check_button_get_use_underline (GTK_CHECK_BUTTON (widget));
    }
  /* GTK 4.8 names the button twice: its label as the LABEL property,
   * underscore included, and its label widget through LABELLED_BY. Only the
   * latter is kept (the label widget's text has no marker): set, a clean
   * LABEL was still added to it (« Ouvrir Ouvrir » on the AT-SPI bus). */
  if (underline && label != NULL && strchr (label, '_') != NULL)
    gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL);
  hide_icon (widget);
}

/* @fix applied to @root and to every widget below it */
static void
fix_tree (GtkWidget *root,
          void     (*fix) (GtkWidget *widget))
{
  fix (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    fix_tree (child, fix);
}

void
ent_accessible_hide_icons (GtkWidget *root)
{
  fix_tree (root, hide_icon);
}

void
ent_accessible_fix_mnemonics (GtkWidget *root)
{
  fix_tree (root, fix_mnemonic);
}

typedef struct
{
  char  *format;
  char *(*item_text) (gpointer item);
} DropDownName;

static void
drop_down_name_free (gpointer data)
{
  DropDownName *name = data;

  g_free (name->format);
  g_free (name);
}

/* The focusable GtkListItemWidget that shows the chosen item inside the
 * drop-down's button is no stop of its own: the button is. */
static void
unfocus_list_items (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (g_str_equal (G_OBJECT_TYPE_NAME (child), "GtkListItemWidget"))
        gtk_widget_set_focusable (child, FALSE);
      unfocus_list_items (child);
    }
}

static GtkWidget *
find_toggle (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_TOGGLE_BUTTON (child))
        return child;
      found = find_toggle (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
chooser_selected_cb (GtkWidget  *chooser,
                     GParamSpec *pspec,
                     gpointer    data)
{
  DropDownName *name = g_object_get_data (G_OBJECT (chooser), "ent-accessible-name");
  g_autoptr(GObject) item = NULL;
  g_autofree char *text = NULL;
  g_autofree char *label = NULL;
  GtkWidget *toggle = find_toggle (chooser);

  g_object_get (chooser, "selected-item", &item, NULL);
  text = item != NULL ? name->item_text (item) : g_strdup ("");
  unfocus_list_items (chooser);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  label = g_strdup_printf (name->format, text);
#pragma GCC diagnostic pop
  /* the row (AdwComboRow) or the drop-down's button, whichever is the stop */
  gtk_accessible_update_property (GTK_ACCESSIBLE (chooser),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  /* libadwaita relates a combo row to its title label: GTK 4.8 would join
   * both ("Kind: Commune Kind") and Orca speak the title alone, never the
   * value */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (chooser), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  if (toggle != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (toggle),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                    -1);
}

/* The list in a drop-down's popup, read as "GtkListView" with unnamed
 * items on GTK 4.8: named by the drop-down, its items by their text. */
static void
name_popup_lists (GtkWidget *widget,
                  GtkWidget *chooser)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_VIEW (child))
        {
          gtk_accessible_update_relation (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                          chooser, NULL, -1);
          ent_accessible_name_view_rows (child);
          continue;
        }
      name_popup_lists (child, chooser);
    }
}

void
ent_accessible_name_chooser (GtkWidget    *chooser,
                             const char   *format,
                             char       *(*item_text) (gpointer item))
{
  DropDownName *name = g_new0 (DropDownName, 1);
  gboolean first = g_object_get_data (G_OBJECT (chooser), "ent-accessible-name") == NULL;

  /* called again (a drop-down of a list row bound anew): a new format, the
   * same handler */
  name->format = g_strdup (format);
  name->item_text = item_text;
  g_object_set_data_full (G_OBJECT (chooser), "ent-accessible-name", name, drop_down_name_free);
  if (first)
    {
      g_signal_connect (chooser, "notify::selected-item", G_CALLBACK (chooser_selected_cb), NULL);
      name_popup_lists (chooser, chooser);
    }
  chooser_selected_cb (chooser, NULL, NULL);
}

static const char *
first_label_text (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *text = GTK_IS_LABEL (child) ? gtk_label_get_text (GTK_LABEL (child))
                                              : first_label_text (child);

      if (text != NULL && *text != '\0')
        return text;
    }
  return NULL;
}

void
ent_accessible_name_rows (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *text;

      if (GTK_IS_LIST_BOX_ROW (child) && (text = first_label_text (child)) != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                        -1);
      ent_accessible_name_rows (child);
    }
}

/* The label showing @row's title ("_Title"): libadwaita 1.2 gives it no
 * mnemonic widget, so Alt+T lands on whatever focusable ancestor GTK finds
 * first, never on the field. */
static GtkLabel *
find_title_label (GtkWidget  *widget,
                  const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found;

      if (GTK_IS_LABEL (child) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (child)), title) == 0)
        return GTK_LABEL (child);
      found = find_title_label (child, title);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
has_focusable_descendant (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_get_focusable (child) || has_focusable_descendant (child))
      return TRUE;
  return FALSE;
}

/* A check button's mnemonic toggles it without focusing it (GTK's default):
 * a screen reader then says nothing of what changed. Focus first, then let
 * the default activation run. */
static gboolean
field_mnemonic_activate_cb (GtkWidget *field,
                            gboolean   group_cycling,
                            gpointer   data)
{
  if (gtk_widget_get_focusable (field))
    gtk_widget_grab_focus (field);
  return FALSE;
}

/* @field named by @row's title, and the title's mnemonic leading to it. One
 * name only: libadwaita 1.2 relates an activatable widget to the title
 * (LABELLED_BY) and GTK 4.8 joins that to a LABEL ("Title Title"), while
 * Orca prefers the relation to the name; a LABEL alone is read once. */
static void
name_field_by_row (GtkWidget *row,
                   GtkWidget *field)
{
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
  GtkLabel *label;
  g_autofree char *name = NULL;

  if (title == NULL || *title == '\0')
    return;
  label = find_title_label (row, title);
  if (label != NULL && adw_preferences_row_get_use_underline (ADW_PREFERENCES_ROW (row)) &&
      gtk_label_get_mnemonic_widget (label) != field)
    {
      gtk_label_set_mnemonic_widget (label, field);
      g_signal_connect (field, "mnemonic-activate", G_CALLBACK (field_mnemonic_activate_cb), NULL);
    }
  name = adw_preferences_row_get_use_underline (ADW_PREFERENCES_ROW (row))
         ? ent_accessible_strip_mnemonic (title) : g_strdup (title);
  if (field == row)
    return;     /* a combo row: named by ent_accessible_name_chooser () */
  /* the row keeps a name on the bus (a list item), though it is no stop:
   * its relation to the title no longer names it once the title is the
   * field's mnemonic label */
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (field),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}

/* Up and Down in a boxed list whose rows are no stops of their own: GtkListBox
 * moves its cursor to the next row and grabs its focus, which a row that
 * cannot take the focus refuses, so the arrows stalled. Moves to the first
 * field of the next (previous) row that has one; a spin button keeps its
 * arrows (they change its value). */
static gboolean
rows_key_pressed_cb (GtkEventControllerKey *controller,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     gpointer               data)
{
  GtkWidget *box = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  gboolean down = keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down;
  GtkRoot *root = gtk_widget_get_root (box);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *row;

  if ((!down && keyval != GDK_KEY_Up && keyval != GDK_KEY_KP_Up) ||
      (state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0 || focus == NULL ||
      gtk_widget_get_ancestor (focus, GTK_TYPE_SPIN_BUTTON) != NULL)
    return FALSE;
  row = gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW);
  if (row == NULL || gtk_widget_get_parent (row) != box)
    return FALSE;
  for (GtkWidget *next = down ? gtk_widget_get_next_sibling (row) : gtk_widget_get_prev_sibling (row);
       next != NULL;
       next = down ? gtk_widget_get_next_sibling (next) : gtk_widget_get_prev_sibling (next))
    if (GTK_IS_LIST_BOX_ROW (next) && gtk_widget_get_visible (next) &&
        gtk_widget_child_focus (next, GTK_DIR_TAB_FORWARD))
      return TRUE;
  return FALSE;
}

static void
keep_arrows (GtkWidget *row)
{
  GtkWidget *box = gtk_widget_get_parent (row);
  GtkEventController *keys;

  if (!GTK_IS_LIST_BOX (box) || g_object_get_data (G_OBJECT (box), "ent-arrows") != NULL)
    return;
  keys = gtk_event_controller_key_new ();
  /* before the list box's own bindings, which would claim the key */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (rows_key_pressed_cb), NULL);
  gtk_widget_add_controller (box, keys);
  g_object_set_data (G_OBJECT (box), "ent-arrows", keys);
}

void
ent_accessible_name_fields (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (ADW_IS_ENTRY_ROW (child))
        {
          /* the GtkText inside is what takes the focus and what Orca reads */
          GtkEditable *delegate = gtk_editable_get_delegate (GTK_EDITABLE (child));

          if (delegate != NULL)
            name_field_by_row (child, GTK_WIDGET (delegate));
          continue;
        }
      if (ADW_IS_COMBO_ROW (child))
        {
          name_field_by_row (child, child);
          continue;
        }
      if (ADW_IS_ACTION_ROW (child))
        {
          GtkWidget *field = adw_action_row_get_activatable_widget (ADW_ACTION_ROW (child));

          /* The row is no stop of its own before the control it holds: a
           * click on it still activates the control (the list box handles
           * the click, not the focus). */
          if (field != NULL || has_focusable_descendant (child))
            {
              gtk_widget_set_focusable (child, FALSE);
              keep_arrows (child);
            }
          if (field != NULL)
            name_field_by_row (child, field);
        }
      ent_accessible_name_fields (child);
    }
}

/* ---------------------------------------------------- announcements (16) */

/* The widget a screen reader presents for @focus: an entry or a spin button
 * rather than the GtkText inside it, which has the focus. */
static GtkWidget *
presented_focus (GtkWidget *focus)
{
  if (GTK_IS_TEXT (focus))
    for (GtkWidget *up = gtk_widget_get_parent (focus); up != NULL; up = gtk_widget_get_parent (up))
      if (GTK_IS_EDITABLE (up) && gtk_editable_get_delegate (GTK_EDITABLE (up)) != NULL)
        return up;
  return focus;
}

/* The control given an announcement as description, on its window */
typedef struct
{
  GWeakRef widget;
} Described;

static void
described_free (gpointer data)
{
  Described *described = data;

  g_weak_ref_clear (&described->widget);
  g_free (described);
}

/* The focus moved: the control it left has its own description again.
 * (Followed on the window's focus-widget rather than with a focus
 * controller on the control: a controller removed from its own handler was
 * read once freed, and a window that is not active gets no focus events.) */
static void
focus_moved_cb (GtkWindow  *window,
                GParamSpec *pspec,
                gpointer    data)
{
  Described *described = g_object_get_data (G_OBJECT (window), ANNOUNCED_KEY);
  g_autoptr(GtkWidget) widget = described != NULL ? g_weak_ref_get (&described->widget) : NULL;
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  if (widget == NULL || (focus != NULL && presented_focus (focus) == widget))
    return;
  restore_description (widget);
  g_weak_ref_set (&described->widget, NULL);
}

static void
describe_focus (GtkWidget  *widget,
                const char *message)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  Described *described;

  if (focus == NULL || !GTK_IS_WINDOW (root))
    return;
  focus = presented_focus (focus);
  described = g_object_get_data (G_OBJECT (root), ANNOUNCED_KEY);
  if (described == NULL)
    {
      described = g_new0 (Described, 1);
      g_weak_ref_init (&described->widget, NULL);
      g_object_set_data_full (G_OBJECT (root), ANNOUNCED_KEY, described, described_free);
      g_signal_connect (root, "notify::focus-widget", G_CALLBACK (focus_moved_cb), NULL);
    }
  else
    {
      g_autoptr(GtkWidget) before = g_weak_ref_get (&described->widget);

      if (before != NULL && before != focus)
        restore_description (before);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (focus),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                  -1);
  g_weak_ref_set (&described->widget, focus);
}

static guint  n_announcements;
static char  *last_announcement;

void
ent_accessible_announce (GtkWidget  *widget,
                         const char *message)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (message == NULL || *message == '\0')
    return;
  n_announcements++;
  g_free (last_announcement);
  last_announcement = g_strdup (message);
#if GTK_CHECK_VERSION (4, 14, 0)
  /* built against GTK 4.14 or later (the Flatpak's 4.16), and running on it:
   * the screen reader speaks @message at once, wherever the focus is */
  if (gtk_get_minor_version () >= 14)
    {
      G_GNUC_BEGIN_IGNORE_DEPRECATIONS
      gtk_accessible_announce (GTK_ACCESSIBLE (widget), message,
                               GTK_ACCESSIBLE_ANNOUNCEMENT_PRIORITY_MEDIUM);
      G_GNUC_END_IGNORE_DEPRECATIONS
    }
#endif
  /* GTK 4.8 has no way to announce: the callers also show @message where
   * a screen reader finds it (an alert banner, a named value), and it
   * becomes the description of the control that has the focus, which a
   * screen reader speaks when it changes (Orca 43 does), until the focus
   * leaves it */
  if (gtk_get_minor_version () < 14)
    describe_focus (widget, message);
}

guint
ent_accessible_get_n_announcements (void)
{
  return n_announcements;
}

const char *
ent_accessible_get_last_announcement (void)
{
  return last_announcement;
}
