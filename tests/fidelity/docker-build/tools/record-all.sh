#!/usr/bin/env bash
# Re-records docker-build/recorded/ from docker-build/scenarios/ (as root, on the real lab).
# Each scenario runs through /work/shared/tools/record.sh with its own /home/student (a private
# tmpfs, so recordings of other rooms running at the same time cannot remove it) and, with
# LAB=/tmp/buildlab, on a daemon of its own (BuildKit shares vertices and cache between builds of
# one daemon; other rooms' builds on a shared lab show up in the output). Start that lab once:
#   mkdir -p /tmp/buildlab && cp -a /tmp/reallab/bin /tmp/buildlab/ && mkdir -p /tmp/buildlab/cfg &&
#   cp -a /tmp/reallab/cfg/cli-plugins /tmp/buildlab/cfg/ && LAB=/tmp/buildlab /work/shared/tools/reallab.sh start
# (its registry mirror is the shared one on 127.0.0.1:5000).
# Usage: tests/fidelity/docker-build/tools/record-all.sh [SCENARIO…]
set -u
dir=$(cd "$(dirname "$0")/.." && pwd)
export LAB=${LAB:-/tmp/buildlab}
names=("$@")
if [ ${#names[@]} -eq 0 ]; then for f in "$dir"/scenarios/*.sh; do names+=("$(basename "$f" .sh)"); done; fi
for name in "${names[@]}"; do
  unshare -m --propagation private bash -c "mount -t tmpfs -o mode=755 tmpfs /home/student &&
    /work/shared/tools/record.sh '$dir/scenarios/$name.sh' > '$dir/recorded/$name.txt'" 2>/dev/null
  echo "recorded $name"
done
