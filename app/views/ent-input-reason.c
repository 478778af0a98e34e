/* ent-input-reason.c: why a typed value was refused (the Assumptions and
 * Budget pages share it)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ent-input-reason.h"

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
