# empty names, platforms the daemon cannot read, filters
docker pull --platform foo python:3.11-slim
docker pull --platform linux/arm64/v9/x python:3.11-slim
docker pull --platform 'linux/a.b' python:3.11-slim
docker pull --platform amd64 python:3.11-slim
docker pull --platform linux/amd64 -q python:3.11-slim
docker images -f label=a=b -f 'label!=c'
docker image prune -f --filter dangling=false
docker image prune -a -f --filter dangling=true
docker rmi ''
docker rmi -f ''
docker tag '' x
docker tag python:3.11-slim ''
docker image inspect ''
docker image inspect -f '{{.Id}}' '' python:3.11-slim
docker history ''
docker pull ''
docker push ''
docker images ''
