# Quoting, variables, globs and continuation lines, as they appear in docker commands.
mkdir q && cd q
touch "my file.txt" notes.txt model.bin data.csv
ls
ls -l "my file.txt"
ls my file.txt
rm my file.txt
ls *.txt
ls *.json
echo *.bin
echo "*.bin"
echo '$HOME' "$HOME"
NAME=student
echo "Hello, $NAME"
echo 'Hello, $NAME'
echo "Path: $(pwd)/models"
echo -n "no newline"
echo -e "tab\there"
echo "a\tb"
printf '%s\n' one two three
printf '%-10s|%5d\n' model 42
printf 'Size: %.1f MB\n' 12.345
printf '%q\n' "my file.txt"
echo docker run -it \
  -v "$(pwd)/models:/models" \
  python:3.11-slim
echo docker run -it \
  -v "$(pwd)/models:/models" \  # mount the models
  python:3.11-slim bash
ls -l \
  notes.txt
echo "it's ok"
echo 'say "hi"'
echo "back\\slash"
echo $((2 + 3))
echo ~
echo "~"
touch a.txt b.txt c.txt
ls ?.txt
ls [ab].txt
rm -v [abc].txt
echo first; echo second
false || echo "fallback ran"
true && echo "both ran"
ls nope 2>/dev/null || echo "no such file"
ls nope 2>&1 | head -1
echo "to stderr" >&2
mkdir out && ls > out/list.txt && cat out/list.txt
