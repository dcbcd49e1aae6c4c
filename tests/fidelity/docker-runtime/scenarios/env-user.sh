# the container's environment, user, working directory and host name
docker run --rm -e FOO=bar -e EMPTY= -e UNSET python:3.11-slim sh -c 'echo "$FOO|$EMPTY|${UNSET-unset}|$HOME"'
docker run --rm python:3.11-slim sh -c 'echo $HOSTNAME; cat /etc/hostname; hostname' | sort -u | wc -l
docker run --rm -h myhost python:3.11-slim sh -c 'echo $HOSTNAME; cat /etc/hostname'
docker run --rm -u nobody python:3.11-slim sh -c 'id; echo $HOME'
docker run --rm -u 1234 python:3.11-slim sh -c 'id; echo $HOME'
docker run --rm -u 1234:55 python:3.11-slim id
docker run --rm -u nobody:root python:3.11-slim id
docker run --rm -w /new/dir python:3.11-slim pwd
docker run --rm -w /tmp python:3.11-slim sh -c 'pwd; echo $PWD'
docker run --rm -u nobody -w /made/by/docker python:3.11-slim sh -c 'pwd; ls -ld /made/by/docker /made | cut -c1-10,14-30'
docker run --rm --entrypoint echo python:3.11-slim hello from entrypoint
docker run --rm --entrypoint sh python:3.11-slim -c 'echo $0 $1' a b
docker run --rm -t python:3.11-slim sh -c 'echo $TERM'
docker run --rm python:3.11-slim sh -c 'echo ${TERM-none}'
docker run --rm python:3.11-slim cat /etc/hosts | head -7
docker run --rm --network none python:3.11-slim cat /etc/hosts
docker run --rm python:3.11-slim sh -c 'test -f /.dockerenv && echo dockerenv'
docker run --rm --init python:3.11-slim echo with init
docker run --rm --ipc host --shm-size 128m -p 8080:80 python:3.11-slim echo options
docker run --rm -i python:3.11-slim cat
docker run --rm python:3.11-slim sh -c 'exit 42'; echo $?
