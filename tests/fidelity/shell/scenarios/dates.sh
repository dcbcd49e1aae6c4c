# Time stamps: touch -d, ls -l ages, ls -t order, date formats, find -newer.
mkdir stamps && cd stamps
touch -d '2024-01-15 10:30' january.txt
touch -d '2026-06-01 08:00' june.txt
touch -d '2026-11-20 12:00' recent.txt
touch -d '2030-01-01 00:00' future.txt
touch -t 202501020304 stamped.txt
ls -l
ls -t
ls -tr
ls -lt | head -3
date -d '2024-01-15 10:30' '+%a %d %b %Y'
date -d '2026-02-28 12:00' '+%j %U %u'
date -d @1700000000
date -d @1700000000 '+%s'
date -u -d '2025-12-31 23:59:59' '+%Y-%m-%dT%H:%M:%SZ'
date -d '2025-07-04' '+%A, %B %-d'
date -d '2025-07-04 15:07' '+%I:%M %p'
date -d '2025-07-04' +%D
date -d '2025-07-04' -I
date -d '2025-07-04 01:02:03' -R
date -d 'bogus date'
find . -newer january.txt -name '*.txt' | sort
find . ! -newer june.txt | sort
touch -d '2025-01-01' a.txt && touch -r a.txt b.txt && ls -l a.txt b.txt
stat -c '%n %Y' a.txt b.txt
