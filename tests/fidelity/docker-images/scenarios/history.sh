# docker history: the table and its flags
docker pull -q python:3.11-slim
docker history python:3.11-slim
docker image history python:3.11-slim
docker history --no-trunc python:3.11-slim
docker history -q python:3.11-slim
docker history -q --no-trunc python:3.11-slim
docker history -H=false python:3.11-slim
docker history --human=false python:3.11-slim
docker history --format '{{.ID}} {{.CreatedBy}}|{{.Comment}}' python:3.11-slim
docker history --format json python:3.11-slim
docker history --format 'table {{.ID}}\t{{.CreatedAt}}\t{{.Size}}' python:3.11-slim
docker history -H=false --format '{{.CreatedAt}} {{.Size}} {{.CreatedSince}}' python:3.11-slim
docker history --format '{{.Nope}}' python:3.11-slim
docker history --format '{{.ID' python:3.11-slim
docker history -q --format '{{.Size}}' python:3.11-slim
docker history nosuch
docker history "$(docker images -q python:3.11-slim)"
docker history
