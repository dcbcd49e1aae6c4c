# Places where the simulation knowingly differs from the real machine (see shell.test.ts).
mkdir kd && cd kd
printf 'alpha 3\nbeta 1\n' > data.txt
wc < data.txt
echo abcd | sed -E 's/a|ab/X/'
mkdir -p tree/b tree/a && touch tree/b/2 tree/a/1 tree/z
find tree
du -a tree
