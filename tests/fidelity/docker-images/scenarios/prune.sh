# docker image prune: dangling images, then all unused ones
docker image prune -f
docker pull -q python:3.11-slim
docker pull -q anibali/pytorch:1.10.0-nocuda
docker tag anibali/pytorch:1.10.0-nocuda python:3.11-slim
docker images
docker image prune -f
docker images -a
docker image prune -f --filter bogus=1
docker image prune -a -f --filter label=nosuch
docker rmi python:3.11-slim
docker image prune -a -f
docker images -a
docker image prune a
docker image prune
