#!/usr/bin/python3
# Checks the Flatpak manifest without building it (no runtime can be fetched
# offline): it parses, names the app, pins a stable GNOME runtime, keeps the
# sandbox to the agreed finish-args, and every downloaded source is pinned by
# a commit or a checksum.
#
# Usage: check-flatpak.py MANIFEST APP_ID SOURCE_ROOT

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

FINISH_ARGS = ['--share=ipc', '--socket=fallback-x11', '--socket=wayland', '--device=dri']

failures = []


def check(condition, message):
    print(('ok: ' if condition else 'FAIL: ') + message)
    if not condition:
        failures.append(message)


def main():
    manifest_path, app_id, source_root = sys.argv[1:4]

    with open(manifest_path, encoding='utf-8') as f:
        manifest = json.load(f)
    print('ok: %s is valid JSON' % os.path.basename(manifest_path))

    check(manifest.get('id', manifest.get('app-id')) == app_id, 'id is ' + app_id)
    check(manifest.get('runtime') == 'org.gnome.Platform', 'runtime is org.gnome.Platform')
    check(manifest.get('sdk') == 'org.gnome.Sdk', 'sdk is org.gnome.Sdk')
    version = str(manifest.get('runtime-version', ''))
    check(re.fullmatch(r'[0-9]+', version) is not None,
          'runtime-version "%s" is a stable GNOME release (not master/nightly)' % version)
    check(manifest.get('command') == 'ent-budget', 'command is ent-budget')

    finish_args = manifest.get('finish-args', [])
    check(sorted(finish_args) == sorted(FINISH_ARGS),
          'finish-args are exactly ' + ' '.join(FINISH_ARGS))
    check(not any(a.startswith(('--filesystem', '--talk-name', '--system-talk-name'))
                  for a in finish_args),
          'no filesystem or bus holes: files go through the portal')

    modules = manifest.get('modules', [])
    check(len(modules) >= 2, 'at least libxlsxwriter and the app are built')
    names = [m.get('name') for m in modules if isinstance(m, dict)]

    check('libxlsxwriter' in names, 'a libxlsxwriter module')
    if 'libxlsxwriter' in names:
        lxw = modules[names.index('libxlsxwriter')]
        check(lxw.get('buildsystem') == 'cmake-ninja', 'libxlsxwriter builds with cmake-ninja')
        opts = lxw.get('config-opts', [])
        for opt in ('-DBUILD_TESTS=OFF', '-DBUILD_EXAMPLES=OFF', '-DUSE_SYSTEM_MINIZIP=OFF'):
            check(opt in opts, 'libxlsxwriter config-opts has ' + opt)

    for module in modules[:-1]:
        for source in module.get('sources', []):
            kind = source.get('type')
            where = '%s: %s source %s' % (module.get('name'), kind,
                                          source.get('url', source.get('path', '')))
            if kind == 'git':
                check(re.fullmatch(r'[0-9a-f]{40}', source.get('commit', '')) is not None,
                      where + ' is pinned by a full commit hash')
                check(source.get('url', '').startswith('https://'), where + ' is fetched over https')
            elif kind in ('archive', 'file'):
                check(re.fullmatch(r'[0-9a-f]{64}', source.get('sha256', '')) is not None,
                      where + ' is pinned by sha256')
                check(source.get('url', '').startswith('https://'), where + ' is fetched over https')
            else:
                check(kind in ('patch', 'shell'), where + ' is a pinned kind of source')

    app = modules[-1] if modules else {}
    check(app.get('buildsystem') == 'meson', 'the app module (last) builds with meson')
    dirs = [s for s in app.get('sources', []) if s.get('type') == 'dir']
    check(len(dirs) == 1, 'the app module builds the local directory')
    if dirs:
        root = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(manifest_path)),
                                             dirs[0].get('path', '')))
        check(os.path.samefile(root, source_root),
              'its path "%s" is the project root' % dirs[0].get('path'))

    # flatpak-builder's own parser, when installed: it needs no runtime or network.
    builder = shutil.which('flatpak-builder')
    if builder:
        # It creates its state directory (.flatpak-builder) in the current
        # directory: give it a throwaway one.
        with tempfile.TemporaryDirectory() as scratch:
            result = subprocess.run([builder, '--show-manifest', os.path.abspath(manifest_path)],
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                    universal_newlines=True, check=False, cwd=scratch)
        check(result.returncode == 0, 'flatpak-builder --show-manifest accepts it'
              + ('' if result.returncode == 0 else ': ' + result.stderr.strip()))
        if result.returncode == 0:
            shown = json.loads(result.stdout)
            check(shown.get('id', shown.get('app-id')) == app_id,
                  'flatpak-builder reads the same id')
    else:
        print('skip: flatpak-builder is not installed')

    if failures:
        print('%d check(s) failed' % len(failures))
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
