# File names that need care: spaces, quotes, dashes, non-ASCII letters.
mkdir names && cd names
touch "two words.txt" "it's.txt" -- -dash.txt "café.md" 'dollar$.txt' 'star*.txt'
ls
ls -l "two words.txt"
ls -- -dash.txt
ls -dash.txt
rm -dash.txt
cat "no such file.txt"
cat "it's gone.txt"
head -n 1 'missing $file'
rm "nope with space"
rmdir "not a dir.txt"
cp "two words.txt" "copy of two.txt"
mv "copy of two.txt" "moved 'it'.txt"
ls
wc -l *.txt
head -n 1 "two words.txt" "café.md"
find . -name '*é*'
find . -name "*'*" | sort
grep -l x *.txt; echo "status $?"
tree
mkdir "my dir"
ls -d my*
cd "my dir" && pwd && cd ..
rm -r "my dir"
echo *.md
ls -1 | sort -r | head -3
mkdir: 2>/dev/null; echo "mkdir: status $?"
touch ./-n
ls -- -n
rm ./-n
ls | wc -l
