mkdir app && cd app
echo 'hello' > a.txt
cat > Dockerfile <<'END'
FROM python:3.11-slim AS builder
WORKDIR /build
COPY a.txt .
RUN cp a.txt b.txt && echo built > c.txt

FROM builder AS tester
RUN cat /build/c.txt

FROM python:3.11-slim
COPY --from=builder /build/b.txt /build/c.txt /app/
COPY --from=builder /build /copy
CMD ["cat", "/app/b.txt"]
END
docker build -t multi .
docker build -t multi .
docker build --target tester -t multi:test .
docker history --no-trunc --format '{{.CreatedBy}}|{{.Size}}' multi | head -3
docker run --rm multi cat /app/b.txt /copy/c.txt
