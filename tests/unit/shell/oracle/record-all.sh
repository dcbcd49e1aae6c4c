#!/usr/bin/env bash
# Re-records every scenario of this folder (or those given) with the real bash of this machine:
# each runs as user student in a private, empty /home/student (a tmpfs in its own mount
# namespace), with the environment the real recorder gives. Needs root (unshare, mount, runuser).
#   tests/unit/shell/oracle/record-all.sh [NAME.scenario ...]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
cd "$here"
[ $# -gt 0 ] || set -- *.scenario
for scenario in "$@"; do
  name=${scenario%.scenario}
  unshare -m bash -c '
    mount -t tmpfs -o mode=0755 tmpfs /home/student
    chown student:student /home/student
    exec runuser -u student -- env -i HOME=/home/student USER=student LANG=C.UTF-8 \
      PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
      bash "$1/record.sh" "$1/$2"
  ' _ "$here" "$scenario" > "$name.transcript" || true
  echo "recorded $name.transcript"
done
