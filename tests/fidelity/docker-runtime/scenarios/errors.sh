# what fails before or at start, with runc's and the daemon's wording and docker run's exit codes
docker run --rm python:3.11-slim nosuch
docker run --rm python:3.11-slim /etc/passwd
docker run --rm python:3.11-slim /nosuch
docker run --rm python:3.11-slim /tmp
docker run --rm python:3.11-slim ./relative
docker run --rm --entrypoint /etc/hostname python:3.11-slim
docker run --name failed python:3.11-slim nosuch
docker ps -a --format '{{.Names}}|{{.Status}}|{{.State}}'
docker inspect --format '{{.State.Status}} {{.State.ExitCode}} {{.State.Error}}' failed
docker start failed
docker start -a failed
docker rm failed
docker run --rm -u nosuchuser python:3.11-slim id
docker run --rm -w relative python:3.11-slim pwd
docker run --rm -w /etc/passwd python:3.11-slim pwd
docker run --rm --restart always python:3.11-slim true
docker run --rm --restart=no python:3.11-slim true
docker run --restart=bogus python:3.11-slim true
docker run --rm --gpus all python:3.11-slim true
docker run Python:3.11-slim true
docker run --rm --network nosuchnet python:3.11-slim true
docker run -it python:3.11-slim sh
docker exec -it nosuch sh
docker ps -a -q
