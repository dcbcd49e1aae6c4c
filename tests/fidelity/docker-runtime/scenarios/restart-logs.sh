# restart policies, docker restart, and following logs
docker run -d --name r1 --restart on-failure:2 python:3.11-slim sh -c 'echo try; exit 1'
sleep 2
docker logs r1
docker inspect --format '{{.RestartCount}} {{.State.Status}} {{.State.ExitCode}} {{.HostConfig.RestartPolicy.Name}} {{.HostConfig.RestartPolicy.MaximumRetryCount}}' r1
docker run -d --name r2 --restart unless-stopped python:3.11-slim sleep 100
docker stop -t 0 r2
sleep 1
docker ps -a --filter name=r2 --format '{{.Status}}'
docker start r2
docker restart -t 0 r2
docker ps --filter name=r2 --format '{{.Names}} {{.Status}}'
docker inspect --format '{{.RestartCount}}' r2
docker run -d --name f1 python:3.11-slim sh -c 'echo a; sleep 2; echo b'
docker logs -f f1
docker logs --tail 1 f1
docker logs --tail 5 f1
docker start -a f1
docker logs f1
docker rm -f r1 r2 f1
