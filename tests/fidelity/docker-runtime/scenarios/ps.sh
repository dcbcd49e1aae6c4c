# docker ps: states, filters, -q -n -l --no-trunc --format -s
docker run --name done0 python:3.11-slim true
docker run --name done3 python:3.11-slim sh -c 'exit 3'
docker create --name fresh python:3.11-slim
docker run -d --name up1 -l team=ml -p 8080:80 --expose 7000 python:3.11-slim sleep 100
docker ps --format '{{.Names}}|{{.Ports}}|{{.Labels}}|{{.State}}'
docker ps -a --format '{{.Names}}|{{.State}}'
docker ps -q | wc -l
docker ps -aq | wc -l
docker ps -n 2 --format '{{.Names}}'
docker ps -l --format '{{.Names}}'
docker ps -a --filter status=exited --format '{{.Names}}'
docker ps --filter status=created --format '{{.Names}}'
docker ps -a --filter exited=3 --format '{{.Names}}'
docker ps -a --filter name=done --format '{{.Names}}'
docker ps -a --filter label=team=ml --format '{{.Names}}'
docker ps -a --filter ancestor=python:3.11-slim -q | wc -l
docker ps -a --filter ancestor=nosuchimage -q | wc -l
docker ps --filter status=bogus
docker ps --filter bogus=1
docker ps -a --filter exited=abc
docker ps --no-trunc --format '{{.ID}}' | wc -c
docker ps --format '{{.Command}} {{.Image}}' --no-trunc
docker ps -a --filter name=fresh --format '{{.Status}}|{{.RunningFor}}'
docker ps --format '{{.Nope}}'
docker ps -s --format '{{.Names}} {{.Size}}'
docker ps -a --format json --filter name=fresh | grep -o '"State":"[a-z]*"'
docker rm -f up1 done0 done3 fresh
docker ps -a
