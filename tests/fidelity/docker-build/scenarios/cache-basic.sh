# Cache hits and misses: a rebuild is all CACHED; changing a copied file rebuilds from that step on
mkdir app && cd app
cat > Dockerfile <<'END'
FROM python:3.11-slim
WORKDIR /app
COPY hello.txt .
RUN echo building && ls /app
CMD ["python3", "-c", "print(1)"]
END
echo hi > hello.txt
docker build -t hello .
docker build -t hello .
echo more >> hello.txt
docker build -t hello .
touch hello.txt
docker build -t hello .
docker build --no-cache -t hello .
docker images --format '{{.Repository}}:{{.Tag}}'
docker history --format '{{.CreatedBy}}|{{.Size}}|{{.Comment}}' hello | head -4
