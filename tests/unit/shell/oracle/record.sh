#!/usr/bin/env bash
# A copy of shared/tools/record.sh without the Docker engine: records how real bash 5.2 answers a
# scenario, typed line by line into /home/student as user student. The eval stays on line 40, as
# in the original, so that $LINENO and here-document warnings match. Run through record-all.sh,
# which gives it an empty /home/student of its own (a private tmpfs); it never touches the real one.
# Blank lines and lines starting with '#' are skipped; a line ending in a backslash, or an open
# here-document, continues on the next line. Output: "$ LINE", "> LINE"..., the merged
# stdout+stderr, then "[exit N]" when N != 0.
set -u
scenario=$(realpath "$1")
cd /home/student
export HOME=/home/student
out=$(mktemp)
cmd=""
#
#
#
#
#
#
#
#
#
#
#
#
#
#
while IFS= read -r line || [ -n "$line" ]; do
  if [ -z "$cmd" ]; then
    case "$line" in ''|'#'*) continue ;; esac
    printf '$ %s\n' "$line"; cmd=$line
  else
    printf '> %s\n' "$line"; cmd+=$'\n'$line
  fi
  # an odd number of trailing backslashes continues the line; so does an open here-document
  trail=${line##*[!\\]}; [ "$trail" = "$line" ] && trail=$line
  if [ $(( ${#trail} % 2 )) -eq 1 ]; then continue; fi
  if [[ $cmd =~ \<\<-?[\'\"]?([A-Za-z_]+) ]] && [ "$line" != "${BASH_REMATCH[1]}" ]; then continue; fi
  { eval "$cmd"; } </dev/null >"$out" 2>&1   # no pipe: a cd must last
  rc=$?
  sed -E 's/^.*record\.sh: (line [0-9]+|eval): (line [0-9]+: )?/bash: /' "$out"
  [ $rc -ne 0 ] && printf '[exit %d]\n' $rc
  cmd=""
done < "$scenario"
rm -f "$out"
