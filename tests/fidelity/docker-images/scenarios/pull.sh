# docker pull: a fresh pull, an up-to-date one, a second tag of the same image, quiet, by digest, all tags
docker images
docker pull python:3.11-slim
docker pull python:3.11-slim
docker pull python:3.7-slim
docker pull -q anibali/pytorch:1.10.0-nocuda
docker pull "python@$(docker images -q --no-trunc python:3.11-slim)"
docker pull -a python
docker pull --all-tags -q python
docker images
# the client's own errors
docker pull Bad_Name
docker pull 'python:'
docker pull python:3.11-slim@sha256:abc
docker pull -a python:3.11-slim
docker pull
docker pull a b
