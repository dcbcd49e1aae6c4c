mkdir app && cd app
cat > Dockerfile <<'END'
FROM python:3.11-slim
ENV FOO=bar
RUN env | grep -E '^(FOO|HOME|LANG)=' | sort && id && pwd && umask
USER nobody
WORKDIR /work
RUN id && pwd && stat -c '%U:%G %a' /work && touch /work/x && echo wrote
END
docker build -t runenv -t runenv:v2 -t other/name:tag .
printf 'FROM python:3.11-slim\nRUN ["nope", "arg"]\n' > Dockerfile
docker build .
printf 'FROM python:3.11-slim\nUSER ghost\nRUN echo hi\n' > Dockerfile
docker build .
printf 'FROM python:3.11-slim\nrunn echo hi\n' > Dockerfile
docker build .
printf 'FROM python:3.11-slim\nCOPY --from=a --from=b x y\n' > Dockerfile
docker build .
printf 'FROM python:3.11-slim\nCOPY --chown x y\n' > Dockerfile
docker build .
printf 'FROM python:3.11-slim\nCOPY --link=maybe x y\n' > Dockerfile
docker build .
printf 'FROM python:3.11-slim\nEXPOSE abc\n' > Dockerfile
docker build .
printf 'FROM python:3.11-slim\nSTOPSIGNAL FOO\n' > Dockerfile
docker build .
printf 'FROM python:3.11-slim\nENV A=${B:?B is required}\n' > Dockerfile
docker build .
printf 'FROM python:3.11-slim\nCOPY --chown=ghost Dockerfile /\n' > Dockerfile
docker build .
printf 'FROM python:3.11-slim\nRUN echo hi\n' > Dockerfile
docker build -t 'bad:tag:x' .
docker build -t ':latest' .
docker build -t 'UP' -t ok .
docker build --build-arg =x .
docker build -f /tmp/nowhere/Dockerfile .
mkdir sub && printf 'FROM python:3.11-slim\nRUN echo sub\n' > sub/sub.dockerfile
docker build -f sub/sub.dockerfile .
cd sub && docker build -f sub.dockerfile .. && cd ..
