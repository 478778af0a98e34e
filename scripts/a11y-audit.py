#!/usr/bin/python3
"""a11y-audit.py: what a screen reader is given, page by page (issue 16).

Walks the AT-SPI tree of a running Budget ENT window (the one
scripts/a11y-audit.sh starts on a real accessibility bus), once every page
has been shown (Alt+1 … Alt+5, sent with xdotool), and counts its controls: the objects a
keyboard or screen-reader user can reach (focusable) or act on (an action).
A control is presented wrongly when it has
  - no name;
  - a name with a mnemonic marker ("_Ouvrir") or said twice ("Ouvrir Ouvrir");
  - a widget class for a name ("GtkImage", "GtkListItemWidget");
  - a generic role (filler, panel, unknown, section) for something one acts on.
Prints the figures and the offenders. Exit status 0 (figures, not a
test: tests/gui/test-accessibility.c is the test). Also, with --tab N, the
first N objects Tab reaches on the Assumptions page, as role, name and
description: what a screen reader speaks along the keyboard path.

Needs /usr/bin/python3 with gi and gir1.2-atspi-2.0 (scripts/deps.sh --test).
SPDX-License-Identifier: GPL-3.0-or-later
"""
import re
import subprocess
import sys
import time

import gi
gi.require_version("Atspi", "2.0")
from gi.repository import Atspi  # noqa: E402

GENERIC = {"filler", "panel", "unknown", "section", "invalid", "redundant object"}
PAGES = ["assumptions", "pupils", "scenarios", "budget", "compare"]


def find_app(name, timeout=20.0):
    end = time.time() + timeout
    while time.time() < end:
        desktop = Atspi.get_desktop(0)
        for i in range(desktop.get_child_count()):
            app = desktop.get_child_at_index(i)
            if app is not None and app.get_name() == name:
                return app
        time.sleep(0.2)
    raise SystemExit("a11y-audit: no application named %s on the bus" % name)


def states(obj):
    try:
        return obj.get_state_set()
    except Exception:
        return None


def is_showing(obj):
    # GTK 4.8 sets VISIBLE (the widget's visible property) but seldom
    # SHOWING: a page the stack does not show counts too, so the figures are
    # those of the whole window, every page built (each is shown once first)
    s = states(obj)
    return s is not None and s.contains(Atspi.StateType.VISIBLE)


def walk(obj, out, depth=0):
    if depth > 80:
        return
    try:
        n = obj.get_child_count()
    except Exception:
        return
    for i in range(n):
        child = obj.get_child_at_index(i)
        if child is None or not is_showing(child):
            continue
        out.append(child)
        walk(child, out, depth + 1)


INTERACTIVE = {"push button", "toggle button", "check box", "radio button", "combo box",
               "spin button", "text", "entry", "slider", "menu item", "page tab", "link",
               "switch", "list item", "table cell", "table row", "toggle button"}


def is_control(obj):
    # what a user reaches with the keyboard (focusable) or acts on (an
    # interactive role); a label is one only when it takes the focus
    s = states(obj)
    if s is None:
        return False
    return s.contains(Atspi.StateType.FOCUSABLE) or obj.get_role_name() in INTERACTIVE


def problems(obj):
    name = obj.get_name() or ""
    role = obj.get_role_name() or ""
    found = []
    if name.strip() == "":
        found.append("unnamed")
    if re.search(r"(^|\s)_\w|\w_\w", name) and "__" not in name:
        found.append("mnemonic")
    words = name.split()
    half = len(words) // 2
    if half > 0 and len(words) % 2 == 0 and words[:half] == words[half:]:
        found.append("said twice")
    if re.match(r"^(Gtk|Adw)[A-Z]", name):
        found.append("class name")
    if role in GENERIC:
        found.append("generic role")
    return found


def describe(obj):
    try:
        desc = obj.get_description() or ""
    except Exception:
        desc = ""
    return "%s « %s »%s" % (obj.get_role_name(), obj.get_name() or "",
                             (" — " + desc) if desc else "")


def context(obj):
    # the nearest ancestor with a name, so that an offender can be found
    parent = obj.get_parent()
    depth = 0
    while parent is not None and depth < 12:
        name = parent.get_name() or ""
        if name.strip() and not re.match(r"^(Gtk|Adw)[A-Z]", name):
            return " (in %s « %s »)" % (parent.get_role_name(), name[:60])
        parent = parent.get_parent()
        depth += 1
    return ""


def inside(obj, depth=0):
    # the names under an unnamed offender, to find it in the code
    names = []
    try:
        n = obj.get_child_count()
    except Exception:
        return names
    for i in range(min(n, 6)):
        child = obj.get_child_at_index(i)
        if child is None:
            continue
        name = child.get_name() or ""
        if name.strip():
            names.append("%s:%s" % (child.get_role_name(), name[:30]))
        elif depth < 3:
            names.extend(inside(child, depth + 1))
    return names[:4]


def main():
    app_name = sys.argv[1] if len(sys.argv) > 1 else "ent-budget"
    tab = 0
    if "--tab" in sys.argv:
        tab = int(sys.argv[sys.argv.index("--tab") + 1])
    app = find_app(app_name)
    time.sleep(1.0)
    # every page shown once, so that the pages built after the first frame exist
    for number in range(1, len(PAGES) + 1):
        subprocess.run(["xdotool", "key", "alt+%d" % number], check=False)
        time.sleep(1.0)
    subprocess.run(["xdotool", "key", "alt+1"], check=False)
    time.sleep(1.0)
    objects = []
    for i in range(app.get_child_count()):
        window = app.get_child_at_index(i)
        if window is not None and is_showing(window):
            walk(window, objects)
    controls = [o for o in objects if is_control(o)]
    wrong = [(o, problems(o)) for o in controls if problems(o)]
    kinds = {}
    for _, found in wrong:
        for kind in found:
            kinds[kind] = kinds.get(kind, 0) + 1
    roles = {}
    for o in controls:
        roles[o.get_role_name()] = roles.get(o.get_role_name(), 0) + 1
    print("window, every page: controls %d, presented correctly %d, wrong %d (%s)"
          % (len(controls), len(controls) - len(wrong), len(wrong),
             ", ".join("%s %d" % kv for kv in sorted(kinds.items()))))
    print("roles of the controls: " + ", ".join("%s %d" % kv for kv in sorted(roles.items())))
    for obj, found in wrong:
        print("    %-28s %s%s" % ("/".join(found), describe(obj), context(obj)))
        if "unnamed" in found and "-v" in sys.argv:
            print("        holding: " + "; ".join(inside(obj)))
    if tab > 0:
        subprocess.run(["xdotool", "key", "alt+1"], check=False)
        time.sleep(1.0)
        print("Tab along the Assumptions page:")
        for _ in range(tab):
            subprocess.run(["xdotool", "key", "Tab"], check=False)
            time.sleep(0.3)
            focused = None
            objects = []
            for i in range(app.get_child_count()):
                window = app.get_child_at_index(i)
                if window is not None and is_showing(window):
                    walk(window, objects)
            for o in objects:
                s = states(o)
                if s is not None and s.contains(Atspi.StateType.FOCUSED):
                    focused = o
            print("  " + (describe(focused) if focused is not None else "(nothing focused)"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
