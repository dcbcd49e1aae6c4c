# Dockerfile from stdin, -f -, --iidfile, --label, FROM --platform, an empty continuation line
mkdir app && cd app
echo a > a.txt
printf 'FROM python:3.11-slim\nRUN echo stdin\n' | docker build -
printf 'FROM scratch\nCOPY a.txt /\n' | docker build -q -f - . > /dev/null && echo built
printf 'FROM --platform=linux/amd64 python:3.11-slim\nRUN echo plat\n' > Dockerfile
docker build --iidfile id.txt --label team=ml -t plat .
test "$(cat id.txt)" = "$(docker images --no-trunc -q plat)" && echo same id
docker image inspect --format '{{json .Config.Labels}}' plat
printf 'FROM python:3.11-slim\nRUN echo a \\\n\n  && echo b\n' > Dockerfile
docker build .
printf 'FROM python:3.11-slim\nCOPY nothere.txt missing/ /\n' > Dockerfile
docker build .
