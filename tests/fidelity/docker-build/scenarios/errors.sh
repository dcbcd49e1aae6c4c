# Errors: a missing COPY source, unknown instructions, failing RUN, bad tags and flags, parse errors
# normalize: from-pull
mkdir app && cd app
echo 'print("hi")' > main.py
printf 'FROM python:3.11-slim\nCOPY requirement.txt requirement.txt\nRUN echo hi\n' > Dockerfile
docker build .
printf 'FROM python:3.11-slim\nRUNN echo hi\n' > Dockerfile
docker build .
printf 'FROM python:3.11-slim\nCOPY main.py /\nRUN exit 3\n' > Dockerfile
docker build -t bad .
printf 'FROM python:3.11-slim\nRUN echo one && echo two >&2 && ls /nonexistent\n' > Dockerfile
docker build -t bad .
docker build -t Bad_Name .
docker build -f train.dockerfile .
docker build
docker build -f Dockerfile nowhere
printf 'FROM python:3.11-slim\nCOPY --chown=nobody\n' > Dockerfile
docker build .
printf 'FROM python:3.11-slim\nWORKDIR a b\n' > Dockerfile
docker build .
printf 'FROM python:3.11-slim\nRUN --foo echo\n' > Dockerfile
docker build .
printf '\n' > Dockerfile
docker build .
printf 'FROM python:3.11-slim AS 1st\n' > Dockerfile
docker build .
printf 'FROM python:3.11-slim\nENV A\n' > Dockerfile
docker build .
printf 'FROM python:3.11-slim\nCOPY *.nothing /\n' > Dockerfile
docker build .
printf 'FROM\n' > Dockerfile
docker build .
printf 'ARG X\nFROM $X\n' > Dockerfile
docker build .
printf 'FROM python:3.11-slim\nCMD ["python"\n' > Dockerfile
docker build .
printf 'FROM python:3.11-slim\nRUN echo hi\n' > Dockerfile
docker build --target nope .
docker build --progress=fancy .
