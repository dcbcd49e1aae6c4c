# Finding files and asking the system: find, tree, du, which and friends.
mkdir -p proj/src proj/models proj/data/raw
touch proj/src/app.py proj/src/utils.py proj/README.md proj/data/raw/a.csv
echo "weights" > proj/models/model.bin
find proj -name '*.py' | sort
find proj -type d | sort
find proj -type f -name '*.csv'
find proj -maxdepth 1 | sort
find proj -mindepth 2 -type f | sort
find proj -iname 'readme*'
find proj -empty | sort
find proj -name '*.bin' -size -1k
find proj/models
find proj -path '*raw*' | sort
find proj -name '*.py' -exec wc -l {} \; | sort
find proj -type f | wc -l
tree proj
tree -a proj
du -sh proj/models
du -s proj/src
basename proj/src/app.py
basename proj/src/app.py .py
dirname proj/src/app.py
basename "$(pwd)"
which ls
which -a ls
which cat nosuch
type ls
uname
uname -s -m
uname -o
hostname
date -d @0
date -d '2025-01-02 03:04:05' '+%Y-%m-%d %H:%M'
date -u -d @86400 +%A
echo $USER
env | grep '^HOME='
ls -l proj/models/model.bin
chmod 600 proj/models/model.bin
ls -l proj/models/model.bin
chmod u+x proj/src/app.py
ls -l proj/src/app.py
chmod -v 644 proj/src/app.py
ln -s proj/models models
ls -l models
cat models/model.bin
readlink models
stat -c '%n %s %a %F' proj/models/model.bin
df -h / | head -1
sleep 0.1
