# the pull docker run and docker create do for a missing image, and --pull, -q
docker create --name pc1 python:3.11-slim
docker rm pc1
docker run --pull never --rm python:3.7-slim true
docker run -q --rm python:3.7-slim echo quiet pull
docker run --pull always --rm python:3.7-slim echo pulled again
docker run --pull sometimes --rm python:3.7-slim true
docker create --name pc2 --pull never python:3.12-slim
docker ps -a -q
