/* ent-start-page.c: what the window shows when no document was given
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A first start (no file on the command line, none remembered, nothing
 * recovered) used to open straight on the Hem example, which a new user took
 * for an empty form to fill or for their own commune's figures (issue 13).
 * This page says what the application does and offers the four ways in: the
 * example, clearly marked as one; a new document; a document of one's own;
 * the Ministry's pupil counts. Its buttons only name the window's actions
 * (ui/ent-start-page.ui), so what they do is what the menu does.
 * AdwStatusPage scrolls and clamps by itself: the page fits 800 × 600.
 */
#include "config.h"

#include "ent-input-reason.h"
#include "ent-start-page.h"

struct _EntStartPage
{
  GtkWidget       parent_instance;

  /* template */
  AdwStatusPage  *status_page;
};

G_DEFINE_FINAL_TYPE (EntStartPage, ent_start_page, GTK_TYPE_WIDGET)

static void
ent_start_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), ENT_TYPE_START_PAGE);

  G_OBJECT_CLASS (ent_start_page_parent_class)->dispose (object);
}

static void
ent_start_page_class_init (EntStartPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ent_start_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/budgetent/BudgetEnt/ui/ent-start-page.ui");
  gtk_widget_class_bind_template_child (widget_class, EntStartPage, status_page);
  /* not kept: bound so that tests can find them */
  gtk_widget_class_bind_template_child_full (widget_class, "example_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "new_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "open_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "import_button", FALSE, 0);
  gtk_widget_class_set_css_name (widget_class, "entstartpage");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
ent_start_page_init (EntStartPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  ent_accessible_fix_mnemonics (GTK_WIDGET (self));
  /* the application's own icon, whose name is its id (config.h) */
  adw_status_page_set_icon_name (self->status_page, APPLICATION_ID);
  /* AdwStatusPage's own scrolling pane, unnamed: named by the page's title */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->status_page));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_SCROLLED_WINDOW (child))
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      adw_status_page_get_title (self->status_page), -1);
}

GtkWidget *
ent_start_page_new (void)
{
  return g_object_new (ENT_TYPE_START_PAGE, NULL);
}
