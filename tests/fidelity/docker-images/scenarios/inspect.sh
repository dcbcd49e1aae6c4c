# docker image inspect: the daemon's JSON, --format over the CLI's typed value, errors
docker pull -q python:3.11-slim
docker pull -q python:3.7-slim
docker image inspect python:3.11-slim
docker image inspect --format '{{.Id}} {{.Config.Cmd}} {{json .Config.Env}}' python:3.11-slim
docker image inspect -f '{{.Os}}/{{.Architecture}} {{.Size}}' python:3.11-slim
docker image inspect -f json python:3.11-slim
docker image inspect -f '{{json .Config}}' python:3.11-slim
docker image inspect -f '{{.Config}}' python:3.11-slim
docker image inspect -f '{{.Config.Hostname}}|{{.Config.Cmd}}|{{.Config.Labels}}|{{.Config.Volumes}}' python:3.11-slim
docker image inspect -f '{{.Metadata.LastTagTime}}|{{.GraphDriver}}|{{.RootFS}}|{{.ContainerConfig}}|{{.VirtualSize}}|{{.Manifests}}' python:3.11-slim
docker image inspect -f '{{.Metadata}} {{json .Metadata}} {{json .GraphDriver}} {{json .RootFS}}' python:3.11-slim
docker image inspect -f '{{json .}}' python:3.11-slim
docker image inspect -f '{{.RepoTags}} {{.RepoDigests}} {{.Created}} {{.Comment}} {{.DockerVersion}}' python:3.11-slim
docker image inspect -f '{{.Nope}}' python:3.11-slim
docker image inspect -f '{{.Config.Nope}}' python:3.11-slim
docker image inspect -f '{{.Id' nosuch
docker image inspect nosuch
docker image inspect -f json nosuch
docker image inspect -f '{{.Id}}' nosuch python:3.11-slim other
docker image inspect python:3.11-slim nosuch
docker pull -q anibali/pytorch:1.10.0-nocuda
docker image inspect -f '{{.Config.WorkingDir}} {{.RepoTags}}' anibali/pytorch:1.10.0-nocuda python:3.7-slim
docker tag anibali/pytorch:1.10.0-nocuda python:3.11-slim
docker image inspect -f '{{.RepoTags}} {{.RepoDigests}}' python:3.11-slim python:3.7-slim
docker image inspect
