#!/usr/bin/env bash
# Records scenarios on the lab engine (as root: the recorder resets the lab and types as student).
# Usage: tests/fidelity/docker-runtime/record.sh [NAME...]   (default: every scenario)
set -eu
dir=$(cd "$(dirname "$0")" && pwd)
cd "$dir/scenarios"
names=("$@")
[ ${#names[@]} -eq 0 ] && names=($(ls *.sh | sed 's/\.sh$//'))
for name in "${names[@]}"; do
  flock /tmp/docker-runtime-record.lock /work/shared/tools/record.sh "$dir/scenarios/$name.sh" > "$dir/recorded/$name.txt"
  echo "recorded $name"
done
