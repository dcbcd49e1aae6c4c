mkdir app && cd app
cat > Dockerfile <<'END'
FROM python:3.11-slim
ARG NAME=world
RUN <<EOT
echo hello $NAME
echo second line
EOT
COPY <<EOT /greeting.txt
hi ${NAME}
EOT
RUN <<EOT bash
echo "in $0"
EOT
COPY --chown=nobody:nogroup --chmod=600 Dockerfile /owned
RUN cat /greeting.txt && ls -ln /owned
ONBUILD RUN echo onbuild
RUN --mount=type=cache,target=/root/.cache echo cached mount
END
docker build -t here .
docker history --no-trunc --format '{{.CreatedBy}}' here | head -7
printf 'FROM here\nRUN echo child\n' > Dockerfile
docker build .
