# head, tail, wc, sort, uniq, cut and tr on files and pipes.
mkdir filters && cd filters
seq 1 15 > n.txt
printf 'b\na\nc\na\nb\na\n' > letters.txt
printf 'no newline at end' > partial.txt
printf 'name,size\nmodel.bin,2048\nconfig.json,512\nweights.pt,4096\n' > files.csv
head n.txt
head -n 3 n.txt letters.txt
head -q -n 1 n.txt letters.txt
head -v -n 2 n.txt
head -n -12 n.txt
head -c 5 n.txt
tail n.txt
tail -n 3 n.txt
tail -3 n.txt
tail -n +13 n.txt
tail -c 6 n.txt
tail -n 1 n.txt letters.txt
head partial.txt
tail -n 1 partial.txt
cat partial.txt partial.txt
wc n.txt
wc -l n.txt letters.txt
wc -c partial.txt
wc -w partial.txt
wc -lwc n.txt partial.txt
wc -L letters.txt
cat n.txt | wc
cat n.txt | wc -l
sort letters.txt
sort -r letters.txt
sort letters.txt | uniq
sort letters.txt | uniq -c
sort letters.txt | uniq -c | sort -rn
sort letters.txt | uniq -u
uniq letters.txt
sort -n n.txt | tail -1
sort n.txt | head -3
sort -t, -k2 -n files.csv
tail -n +2 files.csv | sort -t, -k2,2nr | head -1
cut -d, -f1 files.csv
cut -d, -f2 files.csv | tail -n +2
cut -c1-4 letters.txt | head -2
cut -d, -f1,2 --output-delimiter=' ' files.csv
tr ',' '\t' < files.csv
tr a-z A-Z < letters.txt | sort -u
tr -d '\n' < letters.txt
echo "aaa bbb" | tr -s ab
echo hello | tr -c 'a-z\n' '_'
sort -u letters.txt | wc -l
printf '10\n9\n100\n' | sort
printf '10\n9\n100\n' | sort -n
printf '2K\n1M\n512\n' | sort -h
printf 'b 2\na 10\nc 1\n' | sort -k2n
printf 'x\nX\ny\n' | sort -f
