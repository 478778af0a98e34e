/* ent-input-reason.c: why a typed value was refused (the Assumptions and
 * Budget pages share it)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ent-input-reason.h"

#include <string.h>

#define OWNER_KEY "ent-owner"

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
    }
  else
    {
      gtk_widget_remove_css_class (input, "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (input), GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_relation (GTK_ACCESSIBLE (input), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY);
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
  if (underline && label != NULL && strchr (label, '_') != NULL)
    {
      g_autofree char *name = ent_accessible_strip_mnemonic (label);

      gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                      -1);
    }
}

void
ent_accessible_fix_mnemonics (GtkWidget *root)
{
  fix_mnemonic (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    ent_accessible_fix_mnemonics (child);
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
  if (toggle != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (toggle),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                    -1);
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
    g_signal_connect (chooser, "notify::selected-item", G_CALLBACK (chooser_selected_cb), NULL);
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
