# signals: PID 1 ignores SIGTERM without a handler (stop waits, then SIGKILL), --init forwards it
docker run -d --name s1 python:3.11-slim sleep 100
docker stop -t 1 s1
sleep 1
docker ps -a --filter name=s1 --format '{{.Status}}'
docker run -d --init --name s2 python:3.11-slim sleep 100
docker stop s2
docker ps -a --filter name=s2 --format '{{.Status}}'
docker run -d --name s3 python:3.11-slim sleep 100
docker kill -s TERM s3
docker kill -s USR1 s3
docker ps --filter name=s3 --format '{{.Status}}'
docker kill -s bogus s3
docker kill s3
docker ps -a --filter name=s3 --format '{{.Status}}'
docker kill s3
docker stop s3
docker stop nosuch s3
docker run -d --init --name s4 python:3.11-slim sleep 100
docker kill -s INT s4
sleep 1
docker ps -a --filter name=s4 --format '{{.Status}}'
docker restart -t 0 s4
docker ps --filter name=s4 --format '{{.Names}} {{.Status}}'
docker rm s4
docker rm -f s4
docker rm s1 s2 s3
