"""Turn real apt-get runs into src/engine/docker/programs/apt/debian.generated.ts.

The runs come from capture-apt.sh (beside this file): for Debian bullseye, bookworm and trixie it
debootstraps a minbase system, installs what the python:*-slim images have (ca-certificates,
netbase, tzdata and Python's runtime libraries), adds the docker-clean and no-languages apt
settings of Debian's images, then records `apt-get update`, `apt-get install -s PKG` (with and
without recommends) for common packages, and a real `apt-get install [--no-install-recommends] -y
build-essential gcc` with the disk usage before and after.

    bash tests/unit/docker-programs/oracle/capture-apt.sh bookworm   # and bullseye, trixie (as root)
    python3 tests/unit/docker-programs/oracle/record_apt.py /tmp/oracle/cap2 > src/engine/docker/programs/apt/debian.generated.ts
"""
import json
import re
import sys
from pathlib import Path

CAP = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/oracle/cap2")


def packages_index(text):
    index = {}
    for stanza in text.split("\n\n"):
        fields = {}
        for line in stanza.split("\n"):
            m = re.match(r"^([A-Za-z-]+): (.*)$", line)
            if m:
                fields[m.group(1)] = m.group(2)
        if "Package" in fields:
            index.setdefault((fields["Package"], fields.get("Version")), fields)
    return index


def status_versions(text):
    out = {}
    for stanza in text.split("\n\n"):
        name = re.search(r"^Package: (.*)$", stanza, re.M)
        version = re.search(r"^Version: (.*)$", stanza, re.M)
        if name and version and "install ok installed" in stanza:
            out[name.group(1)] = version.group(1)
    return out


def plan_of(out):
    """The plan text (after 'Reading state information...') up to the 'N upgraded' line, and the Inst order."""
    lines = out.split("\n")
    start = lines.index("Reading state information...") + 1 if "Reading state information..." in lines else 0
    end = next((i for i, l in enumerate(lines) if re.match(r"^\d+ upgraded, ", l)), None)
    if end is None:
        return None
    inst = []
    for l in lines[end + 1 :]:
        m = re.match(r"^Inst (\S+) (?:\[(\S+)\] )?\((\S+) (.*) \[(\S+)\]\)", l)
        if m:
            inst.append([m.group(1), m.group(3), "sec" if m.group(4).startswith("Debian-Security") else ("upd" if "-updates" in m.group(4) else "main"), m.group(5), m.group(2) or ""])
    return {"plan": "\n".join(lines[start : end + 1]) + "\n", "inst": inst}


def main():
    data = {}
    for dist in ("bullseye", "bookworm", "trixie"):
        # "(N not upgraded)" of the recorded system, for plans made up from single-package runs
        not_upgraded = 0
        d = CAP / dist
        index = packages_index((d / "Packages").read_text())
        base = status_versions((d / "status.base").read_text())
        lists = []
        for line in (d / "lists.ls").read_text().splitlines():
            parts = line.split()
            if len(parts) >= 9 and parts[0].startswith("-") and parts[8] != "lock":
                lists.append([parts[8], int(parts[4])])
        plans = {}
        meta = {}
        for f in sorted((d / "sim").iterdir()):
            pkg, mode = f.stem, f.suffix[1:]
            p = plan_of(f.read_text())
            if p is None:
                continue
            plans[f"{pkg}|{mode}"] = p
        transcripts = {}
        for mode in ("nir", "rec"):
            out = (d / f"lesson-{mode}.out").read_text()
            err = "".join(l for l in (d / f"lesson-{mode}.err").read_text().splitlines(True) if "Can not write log" not in l)
            i = out.index("Reading state information...\n") + len("Reading state information...\n")
            j = out.index("\n", re.search(r"^After this operation.*$", out, re.M).start()) + 1
            plan_text = out[i:j]
            rest = out[j:]
            gets = re.findall(r"^Get:\d+ \S+ \S+ (\S+) \S+ (\S+)", rest, re.M)
            transcripts[f"build-essential gcc|{mode}"] = {"plan": plan_text, "body": rest, "err": err}
            before = {l.split()[1].split("/run2-")[1].split("/", 1)[1]: int(l.split()[0]) for l in (d / "du.before").read_text().splitlines()}
            after = {l.split()[1].split("/run2-")[1].split("/", 1)[1]: int(l.split()[0]) for l in (d / f"du.{mode}").read_text().splitlines()}
            transcripts[f"build-essential gcc|{mode}"]["growth"] = {k: after[k] - before[k] for k in before}
            for name, version in gets:
                for (n, v), fields in index.items():
                    if n == name and v == version:
                        meta[name] = [version, fields.get("Architecture", "amd64"), int(fields.get("Size", 0)), int(fields.get("Installed-Size", 0))]
        for p in plans.values():
            for name, version, _suite, arch, _old in p["inst"]:
                fields = index.get((name, version))
                if fields:
                    meta[name] = [version, arch, int(fields.get("Size", 0)), int(fields.get("Installed-Size", 0))]
        apt3 = None
        if (d / "apt-lesson-nir.out").exists():
            out = (d / "apt-lesson-nir.out").read_text()
            if "Summary:" in out:
                i = out.index("Reading state information...\n") + len("Reading state information...\n")
                apt3 = out[i : out.index("Get:1 ")]
        if apt3:
            transcripts["build-essential gcc|nir"]["apt3"] = apt3
        data[dist] = {
            "update": (d / "update.out").read_text(),
            "lists": lists,
            "notUpgraded": int(re.search(r"and (\d+) not upgraded", transcripts["build-essential gcc|nir"]["plan"]).group(1)),
            "installed": base,
            "packages": meta,
            "plans": plans,
            "transcripts": transcripts,
        }
    print("// Generated by tests/unit/docker-programs/oracle/record_apt.py from real apt-get runs on Debian")
    print("// bullseye, bookworm and trixie systems set up like the python:*-slim images. Do not edit.")
    print("import type { DebianRecording } from './types';")
    print()
    print("export const DEBIAN: Readonly<Record<string, DebianRecording>> = " + json.dumps(data, separators=(",", ":")) + ";")


if __name__ == "__main__":
    main()
