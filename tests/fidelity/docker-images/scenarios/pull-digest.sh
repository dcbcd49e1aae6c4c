# a pull by digest names the image by its digest only
docker pull -q python:3.11-slim
d=$(docker images -q --no-trunc python:3.11-slim)
docker rmi -f python:3.11-slim
docker pull "python@$d"
docker images
docker images --digests
docker pull python:3.11-slim
docker images
docker rmi "python@$d"
docker images -a
