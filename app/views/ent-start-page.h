/* ent-start-page.h: what the window shows when no document was given
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ENT_TYPE_START_PAGE (ent_start_page_get_type ())
G_DECLARE_FINAL_TYPE (EntStartPage, ent_start_page, ENT, START_PAGE, GtkWidget)

/* Its buttons activate the window's actions (win.show-example, win.new,
 * win.open, win.import-csv): the page has no state of its own. */
GtkWidget   *ent_start_page_new (void);

G_END_DECLS
