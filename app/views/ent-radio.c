/* ent-radio.c: a radio button that Tab reaches from either end of its group
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK 4.8 lets Tab into a group of check buttons only at its active one:
 * the others refuse the focus. When each button of the group sits in a row
 * of a GtkListBox (the billing modes, one AdwActionRow each), the list box
 * offers the focus to one row only, its first going forward and its last
 * going back: when that row's button was not the active one, Tab and
 * Shift+Tab went past the whole group (with « au prorata » chosen, the
 * billing mode could not be reached at all). Entered by Tab, an inactive
 * EntRadio gives the focus to the active button of its group, as GTK's own
 * rule wants: one stop a group, at the choice made.
 */
#include "config.h"

#include "ent-radio.h"

struct _EntRadio
{
  GtkCheckButton parent_instance;
};

G_DEFINE_FINAL_TYPE (EntRadio, ent_radio, GTK_TYPE_CHECK_BUTTON)

/* The active EntRadio under @widget other than @self, or NULL (GTK 4.8 has
 * no getter for a group's members). */
static GtkWidget *
find_active (GtkWidget *widget,
             GtkWidget *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (ENT_IS_RADIO (child) && child != self &&
          gtk_check_button_get_active (GTK_CHECK_BUTTON (child)) &&
          gtk_widget_get_visible (child) && gtk_widget_is_sensitive (child))
        return child;
      if ((found = find_active (child, self)) != NULL)
        return found;
    }
  return NULL;
}

static gboolean
ent_radio_focus (GtkWidget        *widget,
                 GtkDirectionType  direction)
{
  if (!gtk_widget_is_focus (widget) && !gtk_check_button_get_active (GTK_CHECK_BUTTON (widget)) &&
      (direction == GTK_DIR_TAB_FORWARD || direction == GTK_DIR_TAB_BACKWARD))
    {
      /* the group's buttons share the list box whose rows hold them */
      GtkWidget *list = gtk_widget_get_ancestor (widget, GTK_TYPE_LIST_BOX);
      GtkRoot *root = gtk_widget_get_root (widget);
      GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
      GtkWidget *active = list != NULL ? find_active (list, widget) : NULL;

      /* only coming from outside the list: from the active button, Tab
       * leaves the group */
      if (active != NULL && (focus == NULL || !gtk_widget_is_ancestor (focus, list)))
        return gtk_widget_grab_focus (active);
    }
  return GTK_WIDGET_CLASS (ent_radio_parent_class)->focus (widget, direction);
}

static void
ent_radio_class_init (EntRadioClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->focus = ent_radio_focus;
}

static void
ent_radio_init (EntRadio *self)
{
}
