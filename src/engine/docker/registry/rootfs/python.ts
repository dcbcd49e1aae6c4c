/**
 * The layers the official python images add on top of Debian slim (docker-library/python): the
 * runtime packages (ca-certificates, netbase, tzdata), the CPython build in /usr/local with pip
 * (and setuptools/wheel where that version ships them), and the `python`/`pip` symlinks.
 */
import { dir, file, symlink } from '../../../fs/builder';
import type { TreeSpec } from '../../../fs/builder';
import { program, script } from '../program';

export interface PythonVersion {
  /** 3.11.15 */
  version: string;
  /** 3.11 */
  minor: string;
  pip: string;
  setuptools?: string;
  wheel?: string;
}

/** ca-certificates, netbase and tzdata (the second layer of every python:*-slim). */
export function pythonRuntimeLayer(): TreeSpec {
  return {
    '/etc/ssl/certs/': dir(),
    '/usr/share/ca-certificates/mozilla/': dir(),
    '/etc/ca-certificates.conf': file('# This file lists certificates that you wish to use or to ignore to be\n# installed in /etc/ssl/certs.\nmozilla/ACCVRAIZ1.crt\nmozilla/AC_RAIZ_FNMT-RCM.crt\n'),
    '/etc/services': file('# Network services, Internet style\ntcpmux\t\t1/tcp\t\t\t\t# TCP port service multiplexer\necho\t\t7/tcp\nssh\t\t22/tcp\t\t\t\t# SSH Remote Login Protocol\nhttp\t\t80/tcp\t\twww\t\t# WorldWideWeb HTTP\nhttps\t\t443/tcp\t\t\t\t# http protocol over TLS/SSL\n'),
    '/etc/protocols': file('# Internet (IP) protocols\nip\t0\tIP\t\t# internet protocol, pseudo protocol number\nicmp\t1\tICMP\t\t# internet control message protocol\ntcp\t6\tTCP\t\t# transmission control protocol\nudp\t17\tUDP\t\t# user datagram protocol\n'),
    '/etc/localtime': symlink('/usr/share/zoneinfo/Etc/UTC'),
    '/etc/timezone': file('Etc/UTC\n'),
    '/usr/share/zoneinfo/Etc/UTC': file('TZif2\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\nUTC0\n'),
    '/usr/share/zoneinfo/UTC': symlink('Etc/UTC'),
    '/var/lib/dpkg/status': file('Package: ca-certificates\nStatus: install ok installed\nPriority: optional\nSection: misc\n\nPackage: netbase\nStatus: install ok installed\n\nPackage: tzdata\nStatus: install ok installed\n'),
  };
}

export const PYTHON_RUNTIME_BULK: ReadonlyArray<readonly [string, number]> = [
  ['/etc/ssl/certs/ca-certificates.crt', 2],
  ['/usr/share/zoneinfo/tzdata.zi', 1],
  ['/usr/share/zoneinfo/Europe/Berlin', 1],
  ['/usr/share/zoneinfo/America/New_York', 1],
  ['/usr/share/zoneinfo/posixrules', 1],
  ['/usr/share/zoneinfo/zone1970.tab', 1],
  ['/usr/share/zoneinfo/leap-seconds.list', 1],
  ['/usr/share/zoneinfo/right/UTC', 1],
  ['/var/lib/dpkg/info/tzdata.list', 1],
];

function pipScript(minor: string, module: string): string {
  return `#!/usr/local/bin/python${minor}
# -*- coding: utf-8 -*-
import re
import sys
from ${module} import main
if __name__ == '__main__':
    sys.argv[0] = re.sub(r'(-script\\.pyw|\\.exe)?$', '', sys.argv[0])
    sys.exit(main())
`;
}

function distInfo(sitePackages: string, name: string, version: string, summary: string, topLevel: string, owner: { uid?: number; gid?: number } = {}): TreeSpec {
  const d = `${sitePackages}/${name}-${version}.dist-info`;
  return {
    [`${d}/INSTALLER`]: file('pip\n', owner),
    [`${d}/METADATA`]: file(`Metadata-Version: 2.1\nName: ${name}\nVersion: ${version}\nSummary: ${summary}\n`, owner),
    [`${d}/RECORD`]: file(`${topLevel}/__init__.py,,\n${name}-${version}.dist-info/METADATA,,\n`, owner),
    [`${d}/WHEEL`]: file('Wheel-Version: 1.0\nGenerator: bdist_wheel\nRoot-Is-Purelib: true\nTag: py3-none-any\n', owner),
    [`${d}/top_level.txt`]: file(`${topLevel}\n`, owner),
  };
}

/** pip (and setuptools, wheel) in a site-packages directory. */
export function pipPackages(sitePackages: string, v: { pip: string; setuptools?: string; wheel?: string }, owner: { uid?: number; gid?: number } = {}): TreeSpec {
  const spec: TreeSpec = {
    [`${sitePackages}/`]: dir(owner),
    [`${sitePackages}/README.txt`]: file('This directory exists so that 3rd party packages can be installed\nhere.  Read the source for site.py for more details.\n', owner),
    [`${sitePackages}/pip/__init__.py`]: file(`from typing import List, Optional\n\n__version__ = "${v.pip}"\n`, owner),
    [`${sitePackages}/pip/__main__.py`]: file('import os\nimport sys\n', owner),
    ...distInfo(sitePackages, 'pip', v.pip, 'The PyPA recommended tool for installing Python packages.', 'pip', owner),
  };
  if (v.setuptools) {
    Object.assign(spec, {
      [`${sitePackages}/setuptools/__init__.py`]: file('"""Extensions to the \'distutils\' for large or complex distributions"""\n', owner),
      [`${sitePackages}/pkg_resources/__init__.py`]: file('"""\nPackage resource API\n--------------------\n"""\n', owner),
      [`${sitePackages}/_distutils_hack/__init__.py`]: file('# don\'t import any costly modules\nimport os\nimport sys\n', owner),
      [`${sitePackages}/distutils-precedence.pth`]: file("import os; var = 'SETUPTOOLS_USE_DISTUTILS'; enabled = os.environ.get(var, 'local') == 'local'; enabled and __import__('_distutils_hack').add_shim(); \n", owner),
      ...distInfo(sitePackages, 'setuptools', v.setuptools, 'Easily download, build, install, upgrade, and uninstall Python packages', 'setuptools', owner),
    });
  }
  if (v.wheel) {
    Object.assign(spec, {
      [`${sitePackages}/wheel/__init__.py`]: file(`from __future__ import annotations\n\n__version__ = "${v.wheel}"\n`, owner),
      ...distInfo(sitePackages, 'wheel', v.wheel, 'Command line tool for manipulating wheel files', 'wheel', owner),
    });
  }
  return spec;
}

/** The CPython build: interpreter, stdlib, headers, and pip (+ setuptools, wheel) when ensurepip ran. */
export function pythonBuildLayer(v: PythonVersion, withPip: boolean): TreeSpec {
  const m = v.minor;
  const lib = `/usr/local/lib/python${m}`;
  const spec: TreeSpec = {
    '/usr/local/bin/': dir(),
    [`/usr/local/bin/python${m}`]: program('python3'),
    '/usr/local/bin/python3': symlink(`python${m}`),
    [`/usr/local/bin/python${m}-config`]: script('/bin/sh', `# -*- sh -*-\nexit_with_usage ()\n{\n    echo "Usage: $0 --prefix|--exec-prefix|--includes|--libs|--cflags|--ldflags|--extension-suffix|--help|--abiflags|--configdir|--embed"\n    exit $1\n}\nprefix_real=/usr/local\nVERSION="${m}"\n`),
    '/usr/local/bin/python3-config': symlink(`python${m}-config`),
    [`/usr/local/bin/pydoc${m}`]: script(`/usr/local/bin/python${m}`, '\nimport pydoc\nif __name__ == \'__main__\':\n    pydoc.cli()\n'),
    '/usr/local/bin/pydoc3': symlink(`pydoc${m}`),
    [`/usr/local/bin/idle${m}`]: script(`/usr/local/bin/python${m}`, '\nfrom idlelib.pyshell import main\nif __name__ == \'__main__\':\n    main()\n'),
    '/usr/local/bin/idle3': symlink(`idle${m}`),
    [`/usr/local/lib/libpython${m}.so`]: symlink(`libpython${m}.so.1.0`),
    '/usr/local/lib/libpython3.so': file('\x7fELF\x02\x01\x01\x00', { mode: 0o755 }),
    [`/usr/local/include/python${m}/Python.h`]: file('// Entry point of the Python C API.\n// C extensions should only #include <Python.h>, and not include directly\n// the other Python header files included by <Python.h>.\n\n#ifndef Py_PYTHON_H\n#define Py_PYTHON_H\n'),
    [`/usr/local/include/python${m}/patchlevel.h`]: file(`#define PY_VERSION              "${v.version}"\n`),
    [`${lib}/`]: dir(),
    [`${lib}/lib-dynload/`]: dir(),
    [`${lib}/site.py`]: file('"""Append module search paths for third-party packages to sys.path."""\n\nimport sys\nimport os\nimport builtins\n'),
    [`${lib}/this.py`]: file('s = """Gur Mra bs Clguba, ol Gvz Crgref"""\n\nd = {}\nfor c in (65, 97):\n    for i in range(26):\n        d[chr(i+c)] = chr((i+13) % 26 + c)\n\nprint("".join([d.get(c, c) for c in s]))\n'),
  };
  if (Number(m.split('.')[1]) < 12) {
    spec[`/usr/local/bin/2to3-${m}`] = script(`/usr/local/bin/python${m}`, '\nimport sys\nfrom lib2to3.main import main\n\nsys.exit(main("lib2to3.fixes"))\n');
    spec['/usr/local/bin/2to3'] = symlink(`2to3-${m}`);
  }
  if (withPip) {
    spec['/usr/local/bin/pip3'] = file(pipScript(m, 'pip._internal.cli.main'), { mode: 0o755 });
    spec[`/usr/local/bin/pip${m}`] = file(pipScript(m, 'pip._internal.cli.main'), { mode: 0o755 });
    if (v.wheel) spec['/usr/local/bin/wheel'] = file(pipScript(m, 'wheel._commands'), { mode: 0o755 });
    Object.assign(spec, pipPackages(`${lib}/site-packages`, v));
  } else {
    spec[`${lib}/site-packages/README.txt`] = file('This directory exists so that 3rd party packages can be installed\nhere.  Read the source for site.py for more details.\n');
  }
  return spec;
}

export function pythonBuildBulk(m: string): ReadonlyArray<readonly [string, number]> {
  const lib = `/usr/local/lib/python${m}`;
  const tag = m.replace('.', '');
  return [
    [`/usr/local/lib/libpython${m}.so.1.0`, 18],
    [`${lib}/pydoc_data/topics.py`, 3],
    [`${lib}/lib-dynload/_decimal.cpython-${tag}-x86_64-linux-gnu.so`, 3],
    [`${lib}/lib-dynload/_ssl.cpython-${tag}-x86_64-linux-gnu.so`, 2],
    [`${lib}/lib-dynload/_sqlite3.cpython-${tag}-x86_64-linux-gnu.so`, 1],
    [`${lib}/lib-dynload/unicodedata.cpython-${tag}-x86_64-linux-gnu.so`, 2],
    [`${lib}/lib-dynload/_codecs_jp.cpython-${tag}-x86_64-linux-gnu.so`, 1],
    [`${lib}/typing.py`, 1],
    [`${lib}/_pydecimal.py`, 2],
    [`${lib}/argparse.py`, 1],
    [`${lib}/email/_header_value_parser.py`, 1],
    [`${lib}/idlelib/editor.py`, 1],
    [`${lib}/tkinter/__init__.py`, 2],
    [`${lib}/ensurepip/_bundled/pip-wheel.whl`, 4],
    [`${lib}/site-packages/pip/_vendor/rich/_emoji_codes.py`, 6],
    [`${lib}/site-packages/pip/_internal/resolution/resolvelib/factory.py`, 4],
    ['/usr/lib/x86_64-linux-gnu/libsqlite3.so.0.8.6', 3],
    ['/usr/lib/x86_64-linux-gnu/libssl.so.3', 2],
    ['/usr/lib/x86_64-linux-gnu/libcrypto.so.3', 8],
    ['/usr/lib/x86_64-linux-gnu/libncursesw.so.6.5', 1],
    ['/usr/lib/x86_64-linux-gnu/libreadline.so.8.2', 1],
  ];
}

/** The last layer: `python`, `pip`, `pydoc`, `idle`, `python-config` without the 3. */
export function pythonSymlinkLayer(withPip: boolean): TreeSpec {
  const spec: TreeSpec = {
    '/usr/local/bin/': dir(),
    '/usr/local/bin/idle': symlink('idle3'),
    '/usr/local/bin/pydoc': symlink('pydoc3'),
    '/usr/local/bin/python': symlink('python3'),
    '/usr/local/bin/python-config': symlink('python3-config'),
  };
  if (withPip) spec['/usr/local/bin/pip'] = symlink('pip3');
  return spec;
}

/** python 3.7's separate get-pip layer: pip, setuptools and wheel with their scripts. */
export function getPipLayer(v: PythonVersion): TreeSpec {
  const m = v.minor;
  return {
    '/usr/local/bin/': dir(),
    '/usr/local/bin/pip': file(pipScript(m, 'pip._internal.cli.main'), { mode: 0o755 }),
    '/usr/local/bin/pip3': file(pipScript(m, 'pip._internal.cli.main'), { mode: 0o755 }),
    [`/usr/local/bin/pip${m}`]: file(pipScript(m, 'pip._internal.cli.main'), { mode: 0o755 }),
    '/usr/local/bin/wheel': file(pipScript(m, 'wheel.cli'), { mode: 0o755 }),
    ...pipPackages(`/usr/local/lib/python${m}/site-packages`, v),
  };
}

export function getPipBulk(m: string): ReadonlyArray<readonly [string, number]> {
  const sp = `/usr/local/lib/python${m}/site-packages`;
  return [
    [`${sp}/pip/_vendor/rich/_emoji_codes.py`, 3],
    [`${sp}/pip/_vendor/pygments/lexers/_mapping.py`, 2],
    [`${sp}/pip/_internal/resolution/resolvelib/factory.py`, 2],
    [`${sp}/setuptools/_vendor/pyparsing/core.py`, 2],
    [`${sp}/setuptools/command/easy_install.py`, 1],
    [`${sp}/pkg_resources/_vendor/packaging/specifiers.py`, 1],
  ];
}
