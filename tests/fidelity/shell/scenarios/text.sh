# Pipes and filters: the tools that make docker's output readable.
mkdir work && cd work
printf 'alpha 3\nbeta 1\ngamma 2\nbeta 1\nalpha 3\n' > data.txt
cat data.txt | sort
sort data.txt | uniq
sort data.txt | uniq -c
sort -r data.txt
sort -k 2 -n data.txt
sort -u data.txt
sort -t' ' -k2,2nr data.txt
cut -d' ' -f1 data.txt
cut -d' ' -f1 data.txt | sort | uniq -d
cut -c1-3 data.txt
tr a-z A-Z < data.txt
tr -d ' ' < data.txt
echo "hello   world" | tr -s ' '
grep beta data.txt
grep -n alpha data.txt
grep -c beta data.txt
grep -v beta data.txt
grep -i ALPHA data.txt
grep -w bet data.txt
grep -E 'alpha|gamma' data.txt
grep 'a$' data.txt
grep -o 'a.' data.txt | head -3
grep delta data.txt
grep beta nope.txt
grep -l beta data.txt nope.txt
grep -x 'beta 1' data.txt
grep -A1 gamma data.txt
sed 's/alpha/ALPHA/' data.txt
sed 's/a/_/g' data.txt
sed -n '2p' data.txt
sed -n '/gamma/p' data.txt
sed '1d' data.txt
sed -e 's/1/one/' -e 's/2/two/' data.txt
sed -E 's/([a-z]+) ([0-9])/\2 \1/' data.txt
sed 's|a|/|' data.txt
sed 's/beta/[&]/' data.txt
sed -n '$=' data.txt
sed -i 's/gamma/GAMMA/' data.txt
cat data.txt
sed 's/x/y' data.txt
sed 'k' data.txt
wc -l < data.txt
cat data.txt | wc -l
cat data.txt | head -2 | tail -1
seq 1 5 | tail -2
echo one two three | wc -w
echo "a,b,c" | cut -d, -f2
echo "/home/student/models/model.bin" | tr / '\n' | tail -1
grep -r beta .
tee copy.txt < data.txt | wc -l
cat copy.txt | sort | head -1
ls | xargs echo
ls | wc -l
