# Every instruction's effect on the image config and history, with variable expansion
mkdir app && cd app
cat > Dockerfile <<'END'
ARG BASE=python:3.11-slim
FROM $BASE AS base
ARG BASE
ARG VERSION=1.0
ENV APP_HOME=/srv/app MODE=v$VERSION
LABEL version=$VERSION maintainer="me"
WORKDIR $APP_HOME
RUN echo "base=$BASE version=$VERSION home=$APP_HOME" && pwd
USER nobody
EXPOSE 8080 9090/udp
VOLUME /data
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=30s --retries=3 CMD echo ok
SHELL ["/bin/bash", "-c"]
RUN echo $0
ENTRYPOINT python3 -m http.server
CMD ["--bind", "0.0.0.0"]
END
docker build -t sem --build-arg VERSION=2.0 .
docker history --no-trunc --format '{{.CreatedBy}}|{{.Size}}|{{.Comment}}' sem | head -15
docker image inspect --format '{{json .Config.Entrypoint}} {{json .Config.Cmd}} {{.Config.User}} {{json .Config.ExposedPorts}} {{json .Config.Volumes}} {{.Config.WorkingDir}} {{json .Config.Labels}} {{.Config.StopSignal}} {{json .Config.Healthcheck}} {{json .Config.Shell}}' sem
