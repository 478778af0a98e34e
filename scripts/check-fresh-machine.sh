#!/bin/sh
# check-fresh-machine.sh REPO WORKDIR
#
# Checks that a project builds and runs from a clean clone on a *fresh*
# Debian 12 (bookworm) machine, with only what its own scripts install:
#
#   1. a minimal Debian 12 root (debootstrap --variant=minbase) is made once
#      and cached as WORKDIR/cache/bookworm-minbase.tar; every run unpacks a
#      brand-new root from it into WORKDIR/root (so re-runs are fast *and*
#      still start from a pristine system);
#   2. a clean export of REPO's HEAD (git archive, no build dir, no untracked
#      files) is unpacked into WORKDIR/root/src;
#   3. /proc, /sys, /dev and /dev/pts are mounted in the root, and
#      `cd /src && sh scripts/run.sh` is run inside it by chroot, with a
#      clean environment (no DISPLAY/WAYLAND_DISPLAY, LANG=C).
#
# Output:  WORKDIR/run.log        everything run.sh printed
#          WORKDIR/run.timed.log  the same lines prefixed by seconds since start
# Exit status: that of run.sh (non-zero if it failed), 2 for a usage/setup error.
# Whatever this script mounted is unmounted on every exit path (trap).
#
# Must run as root. Needs debootstrap, git and tar on the host.
# MIRROR (environment) overrides the Debian mirror; by default the first
# Debian URI found in the host's /etc/apt/sources.list*, else deb.debian.org.
set -eu

usage() { echo "usage: $0 REPO WORKDIR" >&2; exit 2; }
[ $# -eq 2 ] || usage
[ "$(id -u)" -eq 0 ] || { echo "$0: must run as root" >&2; exit 2; }
command -v debootstrap >/dev/null || { echo "$0: install debootstrap first" >&2; exit 2; }

repo=$(cd "$1" && pwd)
mkdir -p "$2"
work=$(cd "$2" && pwd)
root=$work/root
cache=$work/cache/bookworm-minbase.tar

git -C "$repo" rev-parse --verify HEAD >/dev/null || { echo "$0: $repo is not a git repository" >&2; exit 2; }
case "$work/" in
  "$repo"/*) echo "$0: WORKDIR must not be inside REPO" >&2; exit 2 ;;
esac

# --- the Debian mirror ------------------------------------------------------
if [ -z "${MIRROR:-}" ]; then
  # deb822 "URIs: http://…/debian" or one-line "deb http://…/debian bookworm …"
  MIRROR=$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list \
               /etc/apt/sources.list.d/*.sources 2>/dev/null |
           sed -n -e 's|^URIs:[[:space:]]*\([^[:space:]]*/debian\)/\{0,1\}$|\1|p' \
                  -e 's|^deb[[:space:]]\{1,\}\(\[[^]]*\][[:space:]]\{1,\}\)\{0,1\}\([^[:space:]]*/debian\)/\{0,1\}[[:space:]].*|\2|p' |
           head -n 1)
  : "${MIRROR:=http://deb.debian.org/debian}"
fi
security_mirror=${MIRROR%/debian}/debian-security

# --- mounts, and their cleanup on every exit path ---------------------------
mounted=          # mount points, most recent first
runpid=           # the background pipeline running run.sh, while it runs

# Processes left inside the chroot (a run interrupted by a signal): stop them,
# found by their root directory, so that the mounts can be released.
kill_chroot_processes() {
  for sig in TERM KILL; do
    found=
    for d in /proc/[0-9]*; do
      [ "$(readlink "$d/root" 2>/dev/null)" = "$root" ] || continue
      kill -"$sig" "${d#/proc/}" 2>/dev/null && found=1
    done
    [ -n "$found" ] || break
    sleep 2
  done
}

cleanup() {
  if [ -n "$runpid" ]; then
    kill_chroot_processes
    wait "$runpid" 2>/dev/null || :
    runpid=
  fi
  for m in $mounted; do
    umount "$m" 2>/dev/null || umount -l "$m" 2>/dev/null ||
      echo "$0: could not unmount $m" >&2
  done
  mounted=
}
trap 'status=$?; cleanup; exit $status' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

mount_in_root() {   # mount_in_root TARGET MOUNT-ARGS...
  target=$root$1; shift
  mkdir -p "$target"
  mount "$@" "$target"
  mounted="$target $mounted"
}

# Refuse to delete a root that still has something mounted in it (e.g. left
# over by a killed run): rm -rf would go into the host's /dev or /sys.
if grep -q " $root/" /proc/mounts 2>/dev/null; then
  echo "$0: something is still mounted under $root:" >&2
  grep " $root/" /proc/mounts >&2
  exit 2
fi

now() { date +%s; }
t0=$(now)

# --- 1. the minimal Debian 12 root (cached) ---------------------------------
if [ ! -s "$cache" ]; then
  echo "== debootstrap bookworm (minbase) from $MIRROR"
  rm -rf "$work/bootstrap"
  debootstrap --variant=minbase bookworm "$work/bootstrap" "$MIRROR"
  # What an installed Debian 12 has in its sources: main, updates, security.
  cat > "$work/bootstrap/etc/apt/sources.list" <<EOF
deb $MIRROR bookworm main
deb $MIRROR bookworm-updates main
deb $security_mirror bookworm-security main
EOF
  chroot "$work/bootstrap" apt-get clean
  mkdir -p "$work/cache"
  tar -C "$work/bootstrap" -cf "$cache.tmp" .
  mv "$cache.tmp" "$cache"
  rm -rf "$work/bootstrap"
else
  echo "== using the cached root $cache"
fi
t1=$(now)

echo "== fresh root at $root"
rm -rf "$root"
mkdir -p "$root"
tar -C "$root" -xf "$cache"
# Name resolution for apt inside the chroot, as on a networked machine.
cp -L /etc/resolv.conf "$root/etc/resolv.conf"
# No daemon may be started by a package's postinst inside a chroot.
printf '#!/bin/sh\nexit 101\n' > "$root/usr/sbin/policy-rc.d"
chmod 755 "$root/usr/sbin/policy-rc.d"

# --- 2. a clean export of the repository -----------------------------------
echo "== git archive HEAD of $repo ($(git -C "$repo" rev-parse --short HEAD)) into $root/src"
mkdir -p "$root/src"
git -C "$repo" archive HEAD | tar -x -C "$root/src"

# --- 3. run scripts/run.sh in the chroot ------------------------------------
mount_in_root /proc -t proc proc
mount_in_root /sys -t sysfs sysfs
mount_in_root /dev --bind /dev
mount_in_root /dev/pts --bind /dev/pts

echo "== chroot: cd /src && sh scripts/run.sh"
rm -f "$work/run.rc"
t2=$(now)
# POSIX sh has no pipefail: run.sh's status is kept in run.rc. The pipeline
# runs in the background and is waited for, so that a signal reaches the traps
# at once (a foreground command would delay them until it ends).
{
  rc=0
  env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
      HOME=/root TERM=dumb LANG=C \
      chroot "$root" /bin/sh -c 'cd /src && exec sh scripts/run.sh' </dev/null 2>&1 || rc=$?
  echo "$rc" > "$work/run.rc"
} | tee "$work/run.log" |
  while IFS= read -r line; do
    printf '%5ds %s\n' "$(( $(now) - t2 ))" "$line"
  done > "$work/run.timed.log" &
runpid=$!
wait "$runpid" || :
runpid=
t3=$(now)
rc=$(cat "$work/run.rc" 2>/dev/null || echo 1)

cleanup

echo "== run.sh exit status $rc (log: $work/run.log)"
echo "== times: root $((t1 - t0))s, run.sh $((t3 - t2))s (see $work/run.timed.log)"
exit "$rc"
