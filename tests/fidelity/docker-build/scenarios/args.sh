mkdir app && cd app
cat > Dockerfile <<'END'
ARG BASE=python:3.11-slim
ARG UNUSED=1
FROM ${BASE}
ARG BASE
ARG V=$BASE
ARG A B=2
ARG CACHEBUST
ENV X=${V:-none} Y=${A:+set} Z=\$NOTVAR W='$V' \
    Q="$V"
RUN echo "V=$V A=$A B=$B X=$X Y=$Y Z=$Z W=$W Q=$Q T=$TARGETPLATFORM"
ARG TARGETPLATFORM
RUN echo "T=$TARGETPLATFORM C=$CACHEBUST" && echo ${UNUSED:-unset}
COPY Dockerfile /${B}/
END
docker build -t args .
docker build -t args --build-arg A=x .
docker build -t args --build-arg A=x --build-arg CACHEBUST=1 .
docker build -t args --build-arg A=x --build-arg CACHEBUST=1 --build-arg NOPE=1 .
docker build -t args --no-cache .
docker history --no-trunc --format '{{.CreatedBy}}' args | head -9
