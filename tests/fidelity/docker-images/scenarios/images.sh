# docker images: the table, its flags, filters and formats
docker pull -q python:3.11-slim
docker pull -q anibali/pytorch:1.10.0-nocuda
docker tag python:3.11-slim myapp:v1
docker images
docker image ls
docker image list -a
docker images -q
docker images -q --no-trunc
docker images --digests
docker images --no-trunc
docker images python
docker images 'python:3.*'
docker images ls
docker images nosuch
docker image ls ls
docker images -f reference=myapp
docker images -f reference='*/*'
docker images -f dangling=true
docker images -f dangling=false
docker images -f before=anibali/pytorch:1.10.0-nocuda
docker images -f since=python:3.11-slim
docker images -f label=foo
docker images -f bogus=1
docker images -f dangling=maybe
docker images -f before=nosuch
docker images --format '{{.Repository}}:{{.Tag}} {{.ID}} {{.Size}}'
docker images --format json
docker images --format table
docker images --format 'table {{.Repository}}\t{{.ID}}\t{{.CreatedSince}}'
docker images --format raw anibali/pytorch
docker images --format raw --digests python
docker images -q --format raw
docker images -q --format '{{.Size}}'
docker images --format '{{.ID}} {{.CreatedAt}}|{{.VirtualSize}}|{{.Containers}}|{{.SharedSize}}|{{.UniqueSize}}|{{.Digest}}'
docker images --format '{{.Nope}}'
docker images --format '{{.ID'
docker images a b
