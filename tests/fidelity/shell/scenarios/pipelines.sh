# Longer pipelines and loops over files, as used to tidy up the output of docker commands.
mkdir logs && cd logs
printf 'INFO start\nWARN disk\nINFO ready\nERROR crash\nINFO stop\nWARN disk\n' > app.log
cat app.log | cut -d' ' -f1 | sort | uniq -c | sort -rn
grep -c INFO app.log
grep -v INFO app.log | sort -u
awk_missing=$(grep -o '^[A-Z]*' app.log | sort | uniq | tr '\n' ' '); echo "$awk_missing"
echo "lines: $(wc -l < app.log)"
for level in INFO WARN ERROR; do echo "$level $(grep -c "^$level" app.log)"; done
while read -r level word; do echo "$word"; done < app.log | sort | uniq
grep ERROR app.log 2>&1 | tee errors.txt
cat errors.txt
grep INFO app.log | tee -a errors.txt | wc -l
wc -l errors.txt
ls | wc -l
printf '%s\n' *.txt *.log | sort -r
echo $(ls)
ls -1 | xargs -I{} echo "file: {}"
find . -name '*.txt' | xargs cat
seq 1 10 | paste -sd+ 2>/dev/null || echo "no paste"
seq 1 10 | tr '\n' '+' | sed 's/+$/\n/'
seq 1 100 | grep 7 | head -3
seq 1 100 | tail -3 | sort -rn
seq 5 | sed -n '2,4p' | tr '\n' ' '; echo
cat <<EOF | sort
zeta
alpha
mid
EOF
cut -d' ' -f2 app.log | sort | uniq -d
sort app.log | uniq -c | sort -k1,1nr -k2 | head -2
head -n 2 app.log | tail -n 1 | tr A-Z a-z
grep -n disk app.log | cut -d: -f1 | tr '\n' ','; echo
