# docker version and docker info with a daemon: the templates and their Go types
docker version
docker version --format '{{.Server.Version}}'
docker version --format '{{.Client.Version}} {{.Client.APIVersion}} {{.Server.APIVersion}} {{.Server.MinAPIVersion}} {{.Server.GitCommit}}'
docker version -f '{{range .Server.Components}}{{.Name}} {{.Version}}{{"\n"}}{{end}}'
docker version -f '{{.Client.Os}}/{{.Client.Arch}}\t{{.Server.Os}}\t{{.Client.Context}}'
docker version -f '{{json .Client}}'
docker version -f '{{.Nope}}'
docker version -f '{{.Server'
docker version -f '{{.Client.Version}} {{.Server.Nope}}'
docker info --format '{{.ServerVersion}} {{.Images}} {{.Containers}} {{.ContainersRunning}} {{.Driver}} {{.DriverStatus}}'
docker info -f '{{.Swarm.LocalNodeState}} {{.InitBinary}} {{.ContainerdCommit}} {{.RuncCommit}} {{.InitCommit}} {{.OSType}} {{.Architecture}} {{.IndexServerAddress}}'
docker info -f '{{.Plugins}} {{.Swarm}} {{.Labels}} {{.Warnings}} {{.DefaultRuntime}} {{.LoggingDriver}}'
docker info -f '{{json .Plugins}} {{json .Swarm}} {{json .ContainerdCommit}} {{json .InitCommit}}'
docker info -f '{{.ClientInfo.Version}} {{.ClientInfo.Context}} {{.ClientInfo.DefaultAPIVersion}} {{.ClientInfo.APIVersion}} {{len .ClientInfo.Plugins}}'
docker info -f '{{.ClientInfo}}'
docker info -f '{{.Runtimes}}'
docker info -f '{{json .Runtimes}}'
docker info -f '{{.Nope}}'
docker info -f '{{.Images'
docker pull -q python:3.11-slim
docker tag python:3.11-slim again
docker info --format '{{.Images}}'
docker system info --format '{{.Images}} {{.ServerVersion}}'
docker info a
