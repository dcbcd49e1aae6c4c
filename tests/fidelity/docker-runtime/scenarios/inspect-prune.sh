# inspect of containers, volumes and any object; container prune, system prune, system df
docker run --name i1 -e FOO=bar -w /work -p 8080:80 -v iv:/data --init python:3.11-slim true
docker inspect --format '{{.Name}} {{.State.Status}} {{.State.ExitCode}} {{.State.Running}} {{.Path}} {{json .Args}}' i1
docker inspect --format '{{index .Config.Env 0}} {{.Config.WorkingDir}} {{json .Config.Cmd}} {{.Config.Image}}' i1
docker inspect --format '{{json .HostConfig.PortBindings}} {{.HostConfig.Init}} {{.HostConfig.NetworkMode}} {{.HostConfig.RestartPolicy.Name}} {{.HostConfig.AutoRemove}}' i1
docker inspect --format '{{range .Mounts}}{{.Type}} {{.Name}} {{.Destination}} {{.Driver}} {{.Mode}} {{.RW}}{{end}}' i1
docker inspect --format '{{.NetworkSettings.IPAddress}}|{{json .NetworkSettings.Ports}}' i1
docker container inspect --format '{{.Name}}' i1 nosuch
docker container inspect nosuch
docker inspect nosuch
docker inspect --type container nosuch
docker inspect --type volume nosuch
docker inspect --type bogus nosuch
docker inspect --format '{{.Name}}' iv
docker inspect i1 | head -3 | cut -c1-12
docker inspect -s --format '{{.SizeRw}}' i1
docker container prune -f
docker ps -a -q
docker run --name i2 python:3.11-slim true
docker system prune -f | grep -v '^deleted: \|^untagged: \|^Deleted Images:\|^Deleted build cache objects:\|^[a-z0-9]\{25\}$'
docker system df --format '{{.Type}} {{.TotalCount}} {{.Active}}'
docker volume rm iv
