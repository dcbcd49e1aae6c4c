# docker cp both ways, files and directories, and its errors (no "Successfully copied" off a TTY)
mkdir -p d/sub && echo hello > f.txt && echo x > d/a && echo y > d/sub/b
docker create --name cp1 python:3.11-slim sleep 100
docker cp f.txt cp1:/tmp/
docker cp f.txt cp1:/tmp/g.txt
docker cp d cp1:/tmp/
docker cp d cp1:/tmp/newdir
docker cp d/. cp1:/tmp/dot
docker cp f.txt cp1:/nonexist/x
docker cp nosuchfile cp1:/tmp/
docker cp cp1:/nosuch .
docker cp nosuchctr:/tmp .
docker cp f.txt g.txt
docker cp cp1:/tmp/g.txt out.txt
cat out.txt
docker cp cp1:/tmp/d outdir
ls -R outdir
docker cp cp1:/tmp/d out.txt
docker cp cp1:/tmp/d nodir/sub
docker cp cp1:/tmp/newdir/sub/b .
cat b
docker start cp1
docker exec cp1 sh -c 'ls /tmp /tmp/d /tmp/newdir /tmp/dot; cat /tmp/f.txt /tmp/g.txt /tmp/dot/sub/b'
docker exec cp1 sh -c 'echo made inside > /tmp/inside.txt'
docker cp cp1:/tmp/inside.txt .
cat inside.txt
docker cp cp1:/tmp/g.txt - | wc -c
docker rm -f cp1
