mkdir app && cd app
printf 'FROM python:3.11-slim\nRUN echo hi\n' > Dockerfile
docker build -q .
docker build -q -t q1 .
docker build --quiet --no-cache -t q1 .
docker build -q -f nope.dockerfile .
printf 'FROM python:3.11-slim\nRUN exit 2\n' > Dockerfile
docker build -q .
docker images --format '{{.Repository}}:{{.Tag}}' | sort
