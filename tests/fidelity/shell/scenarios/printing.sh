# echo and printf, the way scripts and docker --format templates use them.
echo hello
echo hello world
echo "  spaced  "
echo -n one; echo two
echo -e 'a\nb'
echo -e 'col1\tcol2'
echo -E 'a\nb'
echo -ne 'x\ty\n'
echo -- -n
echo -n
echo '-e' '\n'
echo -e '\x41\0102\u00e9'
echo -e 'stop\chere'
printf 'plain\n'
printf '%s|%s\n' a b c d
printf '%s\n'
printf '%d items\n' 3
printf '%5s|%-5s|\n' ab cd
printf '%05d\n' 42
printf '%x %X %o\n' 255 255 8
printf '%.2f\n' 3.14159
printf '%e\n' 12345.678
printf '%g %g\n' 0.0001 1000000
printf '%c\n' hello
printf '%%\n'
printf '%b\n' 'line1\nline2'
printf '%s\n' "quoted arg" 'single'
printf '%q\n' 'a b' "it's" '$HOME'
printf 'no newline'
printf '\n'
printf '%d\n' abc
printf '%d\n' 12abc
printf '%z\n'
printf
printf -- '--%s--\n' x
printf '%3d|%-3d|\n' 1 2
printf '%+d\n' 5
printf '%s=%s\n' KEY1 v1 KEY2 v2
printf "%s\n" "$HOME"
printf '\e[1mbold\e[0m\n' | cat -v
