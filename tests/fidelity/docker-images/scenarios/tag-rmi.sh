# docker tag and docker rmi: names, conflicts, several arguments, -f
docker pull -q python:3.11-slim
docker tag python:3.11-slim myapp:v1
docker tag python:3.11-slim myapp
docker tag python:3.11-slim student/myapp:latest
docker tag python:3.11-slim Bad_Name
docker tag python:3.11-slim 'myapp:'
docker tag python:3.11-slim myapp@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
docker tag nosuch x
docker tag Bad_Name x
docker tag python:3.11-slim
docker images
docker rmi myapp:v1
docker rmi myapp
docker rmi nosuch
docker rmi nosuch python:3.11-slim other
docker images
docker image rm student/myapp
docker images -a
docker pull -q python:3.11-slim
docker tag python:3.11-slim x1
docker tag python:3.11-slim x2
docker rmi "$(docker images -q python:3.11-slim)"
docker rmi -f "$(docker images -q python:3.11-slim)"
docker images -a
docker rmi -f nosuch
docker rmi -f nosuch other
docker rmi Bad_Name
docker image remove python
docker rmi
