# a name moved to another image leaves the old one dangling
docker pull -q python:3.11-slim
docker pull -q anibali/pytorch:1.10.0-nocuda
docker tag python:3.11-slim myapp:v1
docker tag anibali/pytorch:1.10.0-nocuda myapp:v1
docker images
docker tag anibali/pytorch:1.10.0-nocuda python:3.11-slim
docker images
docker images -f dangling=true
docker images -q -f dangling=true
docker images --digests
docker images -q --no-trunc
docker image inspect -f '{{.RepoTags}} {{.RepoDigests}}' "$(docker images -q -f dangling=true)"
docker image inspect -f '{{.RepoTags}} {{.RepoDigests}}' anibali/pytorch:1.10.0-nocuda
docker history -q "$(docker images -q -f dangling=true)"
