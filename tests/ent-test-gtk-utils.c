/* ent-test-gtk-utils.c: helpers the GUI tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <dlfcn.h>
#include <locale.h>

#include <glib/gi18n-lib.h>
#include <gtk/gtk.h>

#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

#include "ent-test-gtk-utils.h"

gboolean
ent_test_gtk_init (int    *argc,
                   char ***argv)
{
  const char *localedir = g_getenv ("ENT_BUDGET_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_init (argc, argv, NULL);
  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return FALSE;
    }
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  return TRUE;
}

static void
drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
timeout_cb (gpointer data)
{
  g_error ("timed out waiting for %s", (const char *) data);
  return G_SOURCE_REMOVE;
}

static void
painted_cb (GdkFrameClock *clock,
            gboolean      *done)
{
  *done = TRUE;
}

/* Until @widget's frame clock has painted a frame that @widget asked for. */
void
ent_test_wait_for_frame (GtkWidget *widget)
{
  gboolean done = FALSE;
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  guint timeout;
  gulong id;

  g_assert_nonnull (clock);
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (painted_cb), &done);
  /* a guard against a hang, not a measure: one frame of a 500-school
   * window under ASan on a loaded machine has taken more than 20 s */
  timeout = g_timeout_add_seconds (180, timeout_cb, (gpointer) "a frame");
  gtk_widget_queue_draw (widget);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (timeout);
  g_signal_handler_disconnect (clock, id);
}

/* @n_frames frames, then what is pending: GTK lays out and paints, and list
 * views create the rows they show when they are allocated. */
void
ent_test_wait_for_frames (GtkWidget *widget,
                          guint      n_frames)
{
  for (guint i = 0; i < n_frames; i++)
    ent_test_wait_for_frame (widget);
  drain ();
}

/* Two frames and what is pending: what an edit changes is on screen. */
void
ent_test_settle (GtkWidget *widget)
{
  ent_test_wait_for_frames (widget, 2);
}

static gboolean
flag_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop for @ms milliseconds. */
void
ent_test_run_for (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, flag_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* @child (a page, a bar) alone in a new window of @width × @height, shown
 * and painted twice; the caller destroys the window. */
GtkWidget *
ent_test_show_in_window (GtkWidget *child,
                         int        width,
                         int        height)
{
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_set_child (GTK_WINDOW (window), child);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (child))
    g_main_context_iteration (NULL, TRUE);
  ent_test_wait_for_frames (window, 2);
  return window;
}

/* Destroys a window of ent_test_show_in_window () after @wait_ms (what its
 * pages leave pending: the pupils page keeps its torn-down editable labels
 * for 250 ms, a GTK 4.8 timeout may still use them) and checks it is
 * freed. */
void
ent_test_destroy_shown_window (GtkWidget *window,
                               guint      wait_ms)
{
  ent_test_run_for (wait_ms);
  g_object_ref (window);
  ent_test_destroy_window (window);
}

/* Shows @window and waits until it is on screen; returns it with a reference
 * that ent_test_destroy_window () gives back. */
gpointer
ent_test_present (gpointer window)
{
  g_object_ref (window);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);
  ent_test_settle (GTK_WIDGET (window));
  return window;
}

/* Destroys @window, runs what that leaves pending, and checks that the last
 * reference (the test's) frees it. */
void
ent_test_destroy_window (gpointer window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  drain ();
  g_assert_finalize_object (window);
}

/* Renders @widget (shown) after a frame into @name in the build directory. */
void
ent_test_save_png (GtkWidget  *widget,
                   const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  GskRenderer *renderer;
  int width, height;

  ent_test_wait_for_frames (widget, 1);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_nonnull (texture);
  path = g_test_build_filename (G_TEST_BUILT, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("saved %s", path);
}

gpointer
ent_test_template_child (gpointer    widget,
                         GType       type,
                         const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (child);
  return child;
}

/* The first widget under @root, @root included, that @match accepts, or NULL. */
GtkWidget *
ent_test_find_widget (GtkWidget          *root,
                      EntTestWidgetMatch  match,
                      gconstpointer       data)
{
  if (match (root, data))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = ent_test_find_widget (child, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
match_id (GtkWidget     *widget,
          gconstpointer  data)
{
  return g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)), data) == 0;
}

/* A widget of a template under @root by its id, bound to a field or not. */
gpointer
ent_test_find_by_id (GtkWidget  *root,
                     const char *id)
{
  GtkWidget *widget = ent_test_find_widget (root, match_id, id);

  g_assert_nonnull (widget);
  return widget;
}

/* Adds to @out the entries of the column views' rows under @root that edit
 * column @column (the views mark them "ent-list-item" and "ent-column"). */
void
ent_test_collect_list_entries (GtkWidget *root,
                               int        column,
                               GPtrArray *out)
{
  if (GTK_IS_ENTRY (root) &&
      g_object_get_data (G_OBJECT (root), "ent-list-item") != NULL &&
      GPOINTER_TO_INT (g_object_get_data (G_OBJECT (root), "ent-column")) == column)
    g_ptr_array_add (out, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    ent_test_collect_list_entries (child, column, out);
}

void
ent_test_click (GtkWidget *button)
{
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  drain ();
}

/* What a user does on an editable label: click (or Enter), type, Enter. */
void
ent_test_type_into_label (GtkWidget  *widget,
                          const char *text)
{
  g_assert_true (GTK_IS_EDITABLE_LABEL (widget));
  g_assert_true (gtk_widget_activate_action (widget, "editing.start", NULL));
  g_assert_true (gtk_editable_label_get_editing (GTK_EDITABLE_LABEL (widget)));
  gtk_editable_set_text (GTK_EDITABLE (widget), text);
  g_assert_true (gtk_widget_activate_action (widget, "editing.stop", "b", TRUE));
  g_assert_false (gtk_editable_label_get_editing (GTK_EDITABLE_LABEL (widget)));
  drain ();
}

/* ----------------------------------------------------------------- keyboard */

#ifdef GDK_WINDOWING_X11
/* Looked up at run time: the GUI tests link GTK only, and libXtst is no
 * dependency of the application. libX11 is already loaded (by GDK). */
typedef struct
{
  gboolean looked_up;
  gboolean available;
  int    (*fake_key_event)  (Display *, unsigned int, Bool, unsigned long);
  int    (*sync)            (Display *, Bool);
  int    (*set_input_focus) (Display *, Window, int, Time);
} XKeyboard;

static XKeyboard *
get_x_keyboard (void)
{
  static XKeyboard keyboard;
  void *xtst;

  if (keyboard.looked_up)
    return &keyboard;
  keyboard.looked_up = TRUE;
  if (!GDK_IS_X11_DISPLAY (gdk_display_get_default ()))
    return &keyboard;
  xtst = dlopen ("libXtst.so.6", RTLD_NOW | RTLD_LOCAL);
  if (xtst == NULL)
    return &keyboard;
  keyboard.fake_key_event = dlsym (xtst, "XTestFakeKeyEvent");
  keyboard.sync = dlsym (RTLD_DEFAULT, "XSync");
  keyboard.set_input_focus = dlsym (RTLD_DEFAULT, "XSetInputFocus");
  keyboard.available = keyboard.fake_key_event != NULL && keyboard.sync != NULL &&
                       keyboard.set_input_focus != NULL;
  return &keyboard;
}
#endif

gboolean
ent_test_keyboard_available (void)
{
#ifdef GDK_WINDOWING_X11
  return get_x_keyboard ()->available;
#else
  return FALSE;
#endif
}

#ifdef GDK_WINDOWING_X11
/* The keycode of @keyval in the first layout, and whether it needs Shift. */
static guint
find_keycode (GdkDisplay *display,
              guint       keyval,
              gboolean   *out_shift)
{
  g_autofree GdkKeymapKey *keys = NULL;
  int n_keys = 0;

  if (!gdk_display_map_keyval (display, keyval, &keys, &n_keys))
    g_error ("no key types %s (%#x)", gdk_keyval_name (keyval), keyval);
  for (int level = 0; level < 2; level++)
    for (int i = 0; i < n_keys; i++)
      if (keys[i].group == 0 && keys[i].level == level)
        {
          *out_shift = level == 1;
          return keys[i].keycode;
        }
  g_error ("no key types %s (%#x) without AltGr", gdk_keyval_name (keyval), keyval);
  return 0;
}

static void
fake_key (Display  *xdisplay,
          guint     keycode,
          gboolean  press)
{
  get_x_keyboard ()->fake_key_event (xdisplay, keycode, press, 0);
}
#endif

static void
press_key (GtkWidget       *widget,
           guint            keyval,
           GdkModifierType  modifiers,
           gboolean         settle)
{
#ifdef GDK_WINDOWING_X11
  static const struct { GdkModifierType mask; guint keyval; } modifier_keys[] = {
    { GDK_CONTROL_MASK, GDK_KEY_Control_L },
    { GDK_SHIFT_MASK, GDK_KEY_Shift_L },
    { GDK_ALT_MASK, GDK_KEY_Alt_L },
  };
  GdkDisplay *display = gtk_widget_get_display (widget);
  Display *xdisplay = gdk_x11_display_get_xdisplay (display);
  GtkNative *native = gtk_widget_get_native (widget);
  GdkSurface *surface = native != NULL ? gtk_native_get_surface (native) : NULL;
  guint held[G_N_ELEMENTS (modifier_keys) + 1];
  guint n_held = 0;
  gboolean shift = FALSE;
  guint keycode;

  g_assert_true (ent_test_keyboard_available ());
  g_assert_nonnull (surface);
  keycode = find_keycode (display, keyval, &shift);
  if (shift)
    modifiers |= GDK_SHIFT_MASK;

  /* no window manager gives it: the window that is to get the key */
  get_x_keyboard ()->set_input_focus (xdisplay, gdk_x11_surface_get_xid (surface), RevertToParent,
                                      CurrentTime);
  for (guint i = 0; i < G_N_ELEMENTS (modifier_keys); i++)
    if (modifiers & modifier_keys[i].mask)
      {
        gboolean unused;

        held[n_held] = find_keycode (display, modifier_keys[i].keyval, &unused);
        fake_key (xdisplay, held[n_held++], TRUE);
      }
  fake_key (xdisplay, keycode, TRUE);
  fake_key (xdisplay, keycode, FALSE);
  while (n_held > 0)
    fake_key (xdisplay, held[--n_held], FALSE);
  /* the server has sent the events back: GDK's source dispatches them */
  get_x_keyboard ()->sync (xdisplay, False);
  drain ();
  if (settle && gtk_widget_get_mapped (widget))
    ent_test_settle (widget);
#else
  g_assert_not_reached ();
#endif
}

/* Presses and releases @keyval with @modifiers (Control, Shift, Alt) held,
 * in @widget's window, then lets GTK handle it and draw. */
void
ent_test_press_key (GtkWidget       *widget,
                    guint            keyval,
                    GdkModifierType  modifiers)
{
  press_key (widget, keyval, modifiers, TRUE);
}

/* Types @text (printable ASCII: one key each, Shift where needed), then
 * lets GTK draw. */
void
ent_test_type_text (GtkWidget  *widget,
                    const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    press_key (widget, gdk_unicode_to_keyval (g_utf8_get_char (p)), 0, FALSE);
  if (gtk_widget_get_mapped (widget))
    ent_test_settle (widget);
}

/* The widget with the keyboard focus in @widget's window, or NULL. */
GtkWidget *
ent_test_get_focus (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  return root != NULL ? gtk_root_get_focus (root) : NULL;
}

/* Whether the focus of @widget's window is @target or inside it. */
gboolean
ent_test_focus_is_in (GtkWidget *widget,
                      GtkWidget *target)
{
  GtkWidget *focus = ent_test_get_focus (widget);

  return focus != NULL && (focus == target || gtk_widget_is_ancestor (focus, target));
}

static char *
describe_focus (GtkWidget *widget)
{
  GString *path = g_string_new (NULL);

  for (GtkWidget *w = ent_test_get_focus (widget); w != NULL; w = gtk_widget_get_parent (w))
    {
      const char *id = GTK_IS_BUILDABLE (w) ? gtk_buildable_get_buildable_id (GTK_BUILDABLE (w)) : NULL;

      g_string_append_printf (path, "%s%s%s%s", path->len > 0 ? " < " : "", G_OBJECT_TYPE_NAME (w),
                              id != NULL ? "#" : "", id != NULL ? id : "");
    }
  return g_string_free (path, FALSE);
}

/* Presses Tab until the focus is @target or inside it, at most
 * @max_presses times; FALSE (with where the focus went) if it never is. */
gboolean
ent_test_tab_to (GtkWidget *target,
                 guint      max_presses)
{
  for (guint i = 0; i <= max_presses; i++)
    {
      g_autofree char *where = describe_focus (target);

      if (ent_test_focus_is_in (target, target))
        {
          g_test_message ("%s reached after %u Tab", G_OBJECT_TYPE_NAME (target), i);
          return TRUE;
        }
      g_test_message ("Tab %u from %s", i + 1, where[0] != '\0' ? where : "nowhere");
      if (i < max_presses)
        ent_test_press_key (target, GDK_KEY_Tab, 0);
    }
  return FALSE;
}

gboolean
ent_test_has_accessible_label (GtkWidget  *root,
                               const char *label)
{
  g_autofree char *error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (root),
                                                               GTK_ACCESSIBLE_PROPERTY_LABEL, label);

  if (error == NULL)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (ent_test_has_accessible_label (child, label))
      return TRUE;
  return FALSE;
}
