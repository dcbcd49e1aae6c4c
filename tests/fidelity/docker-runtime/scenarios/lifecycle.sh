# create, start, run, rm: the state machine, names, exit codes, --rm, -d
docker run python:3.11-slim echo hello
docker run --name experiment1 python:3.11-slim sh -c 'echo out; echo err >&2; exit 3'
echo $?
docker run --name experiment1 python:3.11-slim true
docker ps -a --format '{{.Names}}|{{.Status}}|{{.Command}}|{{.Image}}'
docker logs experiment1
docker create --name c1 python:3.11-slim echo created
docker ps -a --filter name=c1 --format '{{.Names}} {{.Status}} {{.State}}'
docker start c1
docker start -a c1
docker logs c1
docker start nosuch c1
docker rm c1 experiment1 nosuch
docker rm -f nosuch
docker run --rm --name gone python:3.11-slim echo bye
docker ps -a --filter name=gone -q
docker run -d --name bg python:3.11-slim sleep 30
docker ps --format '{{.Names}} {{.Status}} {{.Command}}'
docker start bg
docker rm bg
docker rm -f bg
docker ps -a -q --filter name=bg
docker run -d --rm --name bg2 python:3.11-slim sh -c 'exit 0'
sleep 1
docker ps -a -q --filter name=bg2
docker run -t python:3.11-slim echo with a tty
docker run --name 'bad name' python:3.11-slim true
docker run --name x python:3.11-slim true
docker create --name c2 python:3.11-slim
docker create --name c2 python:3.11-slim
docker rm c2
