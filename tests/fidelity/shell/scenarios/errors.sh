# What each tool says when it is used wrongly: messages and exit codes.
ls -z
ls --color=sometimes
ls --foo
cat -z
mkdir
mkdir a a
rm
rm -x
touch
cp
cp a
mv x
rmdir
rmdir a a
head -n x a
head -n
tail -n z a
wc -q
sort -k x
grep
grep -P
sed
cut
cut -f 0
cut -d ab -f 1
tr
tr a
uniq a b c
chmod
chmod 755
chmod 999 a
chmod u+x nope
ln
ln -s a a
basename
dirname
sleep
sleep x
sleep 1x
whoami extra
id nobody123
uname -z
date -d garbage
find nope
find . -foo
find . -type q
find . -maxdepth x
env -z
xargs -n 0
which
which nonexistent-cmd
tree -L 0
true
false
nosuchcommand
./nosuchscript.sh
