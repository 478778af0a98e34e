"""What the command-line tests share: the program run headless, and TAP.

Each test script is run as `python3 test-X.py ENT_BUDGET SOURCE_DIR
LOCALE_DIR`; its folder is on sys.path, so `from cli_common import ...`.
"""
import os
import subprocess
import sys

results = []


def make_runner(exe, localedir, timeout=60, unset=()):
    """run(*args, env_extra=None): the program with no display and no
    session bus, the build's translations, C.UTF-8 unless told otherwise;
    the variables of @unset removed."""
    def run(*args, env_extra=None):
        env = dict(os.environ)
        for name in ("DISPLAY", "WAYLAND_DISPLAY", *unset):   # headless
            env.pop(name, None)
        env["DBUS_SESSION_BUS_ADDRESS"] = "disabled:"
        env["ENT_BUDGET_LOCALEDIR"] = localedir
        env.setdefault("LC_ALL", "C.UTF-8")
        if env_extra:
            env.update(env_extra)
        return subprocess.run([exe, *args], capture_output=True, text=True,
                              env=env, timeout=timeout)
    return run


def check(name, condition, detail=""):
    results.append((name, bool(condition), detail))


def finish():
    """Prints the TAP plan and results, exits 1 when one failed."""
    print(f"1..{len(results)}")
    for i, (name, ok, detail) in enumerate(results, 1):
        print(f"{'ok' if ok else 'not ok'} {i} - {name}")
        if not ok:
            for line in detail.splitlines()[:40]:
                print(f"# {line}")
    sys.exit(0 if all(ok for _, ok, _ in results) else 1)
