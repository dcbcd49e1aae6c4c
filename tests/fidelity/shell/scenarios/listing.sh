# ls in its many forms, on a small project with files of several sizes and ages.
mkdir listing && cd listing
mkdir -p src data/raw logs
seq 1 2000 > data/numbers.txt
printf '%5000s' '' > data/blank.bin
echo 'print("hi")' > src/app.py
touch -d '2025-01-02 03:04' logs/old.log
touch -d '2026-11-20 10:00' logs/recent.log
touch -d '2027-06-01 12:00' logs/future.log
ln -s data/numbers.txt numbers
ln -s missing.txt broken
touch "with space.txt"
ls
ls -l
ls -lh
ls -la src
ls -l logs
ls -lt logs
ls -ltr logs
ls -lS data
ls -lSr data
ls -lh data
ls -s data
ls -1 data src
ls -F
ls -p
ls -r
ls -d */
ls -ld src data
ls -l numbers broken
ls -n src
ls -g src
ls -o src
ls -lA
ls -l data/numbers.txt src
ls src data
ls -R data
ls -l --color=never src
ls -l nothing src
ls -lh data/numbers.txt
ls -x logs
ls -C logs
ls -w 20 -C data logs
du -sh data
du -a data | sort -k2
du -h data | sort -k2
