#!/usr/bin/python3
"""Every file the command line writes is safe (SPEC 10.1-10.3).

Usage: test-cli-writes.py ENT_BUDGET SOURCE_DIR LOCALE_DIR
Prints TAP. For each writer (--export, --pdf, --import --output), a failure
injected at each step of the write (ENT_BUDGET_FAULT, see ent-safe-file.h),
and, as root, a real full disk (a small tmpfs): exit status 1, the cause in
plain words with the path, the old target byte-identical with its mode, and
nothing left in the folder. Targets that are not regular files are refused
and left as they are; symbolic links are followed; permissions are kept.
"""
import os
import stat
import subprocess
import sys
import tempfile

from cli_common import check, finish, make_runner

exe, srcdir, localedir = sys.argv[1:4]
OLD = b"old content, must survive\n"


run = make_runner(exe, localedir, timeout=120, unset=("ENT_BUDGET_FAULT",))


def write(path, data, mode=0o640):
    with open(path, "wb") as f:
        f.write(data)
    os.chmod(path, mode)


def read(path):
    with open(path, "rb") as f:
        return f.read()


FIXTURE = os.path.join(srcdir, "model", "fixtures", "effectifs-labels.csv")

# (name, option making the command write TARGET, steps that apply)
WRITERS = [
    ("xlsx", lambda t: [f"--export={t}"], ["create", "fsync", "close", "rename"]),
    ("pdf", lambda t: [f"--pdf={t}"], ["create", "write", "fsync", "close", "rename"]),
    ("document", lambda t: [f"--import={FIXTURE}", "--commune=Hem", f"--output={t}"],
     ["create", "write", "fsync", "close", "backup", "rename"]),
]

# 1. Injected failures: every writer, every step, two causes.
for name, args, steps in WRITERS:
    for step in steps:
        for errno_name, words, lang in (("ENOSPC", "the disk is full", "C.UTF-8"),
                                        ("EIO", "le disque a signalé une erreur", "fr_FR.UTF-8")):
            with tempfile.TemporaryDirectory() as tmp:
                target = os.path.join(tmp, "out." + name)
                write(target, OLD, 0o600)
                if name == "document":
                    write(target + "~", b"older\n", 0o600)
                before = sorted(os.listdir(tmp))
                fault = f"{step}:{2 if (step, name) == ('write', 'pdf') else 1}:{errno_name}"
                r = run(*args(target), env_extra={"ENT_BUDGET_FAULT": fault, "LC_ALL": lang,
                                                  "LANGUAGE": "fr" if lang != "C.UTF-8" else ""})
                label = f"{name} {fault}"
                check(f"{label}: exit 1", r.returncode == 1, r.stdout + r.stderr)
                check(f"{label}: cause and path said", words in r.stderr and target in r.stderr,
                      r.stderr)
                check(f"{label}: old file byte-identical, mode kept",
                      read(target) == OLD and stat.S_IMODE(os.stat(target).st_mode) == 0o600,
                      repr(read(target)[:80]))
                if name == "document":
                    check(f"{label}: backup untouched", read(target + "~") == b"older\n")
                check(f"{label}: nothing left", sorted(os.listdir(tmp)) == before,
                      f"{sorted(os.listdir(tmp))} != {before}")

# 2. Without a fault, each writer replaces the file, keeps its mode; the
#    document keeps the previous file as FILE~ (SPEC 10.3).
for name, args, _ in WRITERS:
    with tempfile.TemporaryDirectory() as tmp:
        target = os.path.join(tmp, "out." + name)
        write(target, OLD, 0o600)
        r = run(*args(target))
        check(f"{name}: written", r.returncode == 0 and read(target) != OLD, r.stderr)
        check(f"{name}: a private file stays private",
              stat.S_IMODE(os.stat(target).st_mode) == 0o600,
              oct(os.stat(target).st_mode))
        expected = sorted(["out." + name] + (["out.document~"] if name == "document" else []))
        check(f"{name}: no temporary file left", sorted(os.listdir(tmp)) == expected,
              str(os.listdir(tmp)))
        if name == "document":
            check("document: FILE~ holds the replaced file", read(target + "~") == OLD)

# 3. Targets that are not regular files are refused and left as they are.
for name, args, _ in WRITERS:
    with tempfile.TemporaryDirectory() as tmp:
        fifo = os.path.join(tmp, "pipe." + name)
        os.mkfifo(fifo)
        r = run(*args(fifo))
        check(f"{name} onto a FIFO: exit 1, refused",
              r.returncode == 1 and "not a regular file" in r.stderr, r.stderr)
        check(f"{name} onto a FIFO: still a FIFO", stat.S_ISFIFO(os.lstat(fifo).st_mode))

        folder = os.path.join(tmp, "folder." + name)
        os.mkdir(folder)
        r = run(*args(folder))
        check(f"{name} onto a folder: exit 1", r.returncode == 1 and "folder" in r.stderr,
              r.stderr)

        if os.geteuid() == 0:
            # a character device like /dev/null (1, 3), made here: never the real one
            device = os.path.join(tmp, "null." + name)
            os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
            r = run(*args(device))
            check(f"{name} onto a device: exit 1, still a device",
                  r.returncode == 1 and stat.S_ISCHR(os.lstat(device).st_mode), r.stderr)
        check(f"{name}: nothing left beside refused targets",
              all(not n.startswith(".") for n in os.listdir(tmp)), str(os.listdir(tmp)))

# 4. A symbolic link is followed: the file it points to is replaced, the link stays.
for name, args, _ in WRITERS:
    with tempfile.TemporaryDirectory() as tmp:
        real = os.path.join(tmp, "real." + name)
        link = os.path.join(tmp, "link." + name)
        write(real, OLD, 0o640)
        os.symlink("real." + name, link)
        r = run(*args(link))
        check(f"{name} through a symlink: link kept, file replaced",
              r.returncode == 0 and os.path.islink(link) and read(real) != OLD
              and stat.S_IMODE(os.stat(real).st_mode) == 0o640, r.stderr)

# 5. As root: a real full disk (a 32 KiB tmpfs holding the old file).
if os.geteuid() == 0:
    for name, args, _ in WRITERS:
        tmp = tempfile.mkdtemp()
        mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=32k", "tmpfs", tmp]).returncode == 0
        if not mounted:
            check(f"{name} on a full disk # SKIP cannot mount a tmpfs", True)
            os.rmdir(tmp)
            continue
        try:
            target = os.path.join(tmp, "out." + name)
            write(target, OLD, 0o644)
            # fill the rest of the disk
            fd = os.open(os.path.join(tmp, "filler"), os.O_WRONLY | os.O_CREAT, 0o600)
            try:
                while os.write(fd, b"x" * 512) > 0:
                    pass
            except OSError:
                pass
            os.close(fd)
            before = sorted(os.listdir(tmp))
            r = run(*args(target))
            check(f"{name} on a full disk: exit 1, says so",
                  r.returncode == 1 and "the disk is full" in r.stderr, r.stdout + r.stderr)
            check(f"{name} on a full disk: old file intact, nothing left",
                  read(target) == OLD and sorted(os.listdir(tmp)) == before,
                  str(os.listdir(tmp)))
        finally:
            subprocess.run(["umount", tmp])
            os.rmdir(tmp)
else:
    check("full disk # SKIP needs root to mount a tmpfs", True)

finish()
