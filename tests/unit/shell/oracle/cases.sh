#!/usr/bin/env bash
# Records how real bash treats each line of parse-cases.txt (decoded by printf %b: `\n` stands
# for a newline, `\\` for a backslash):
#   complete   - whether an interactive bash runs it at once (complete), asks for more with its
#                `> ` prompt (incomplete), or reports a syntax error at once (error);
#   output     - what `eval` prints for it in the recorder (record.sh's sed applied), and status.
# Writes parse-cases.json. Run as root: tests/unit/shell/oracle/cases.sh
set -u
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
chmod 755 "$tmp"
ps2() {
  local out
  out=$(printf '%b\n' "$1" | env -i HOME="$tmp" PATH=/usr/bin:/bin PS1='<P1>' PS2='<P2>' LANG=C.UTF-8 \
    bash --norc --noprofile -i 2>&1 >/dev/null | grep -v 'job control\|terminal process group')
  if [[ $out == *'<P2>'* ]]; then echo incomplete
  elif [[ $out == *'syntax error'* || $out == *'unexpected'* ]]; then echo error
  else echo complete; fi
}
evalout() {
  (cd "$tmp" && env -i HOME="$tmp" PATH=/usr/bin:/bin LANG=C.UTF-8 bash -c '
    cmd=$(printf "%b" "$1"); out=$(mktemp)
    { eval "$cmd"; } </dev/null >"$out" 2>&1
    rc=$?
    sed -E "s/^.*bash: (line [0-9]+|eval): (line [0-9]+: )?/bash: /" "$out"; rm -f "$out"
    echo "[status $rc]"' bash "$1")
}
{
  echo '['
  first=1
  while IFS= read -r line; do
    [ -n "$line" ] || continue
    [ $first = 1 ] || echo ','
    first=0
    # Completeness is measured for one-line inputs only (a `> ` prompt may follow any line).
    if [[ $line == *'\n'* ]]; then c=n/a; else c=$(ps2 "$line"); fi
    o=$(evalout "$line")
    python3 -c 'import json,sys; print(json.dumps({"input": sys.argv[1], "complete": sys.argv[2], "eval": sys.argv[3] + "\n"}), end="")' "$line" "$c" "$o"
  done < "$here/parse-cases.txt"
  echo
  echo ']'
} > "$here/parse-cases.json"
rm -rf "$tmp"
echo "wrote parse-cases.json"
