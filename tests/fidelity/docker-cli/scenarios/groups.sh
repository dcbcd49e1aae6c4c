# command groups alone, with --help, with an unknown subcommand; the buildx plugin and its aliases
docker image
docker container
docker system
docker volume
docker image --help
docker container --help
docker system --help
docker volume --help
docker image foo
docker container foo
docker system foo
docker volume foo bar
docker image -x
docker image --all ls
docker image -- ls
docker container list -x
docker image --foo ls
docker buildx
docker buildx --help
docker buildx foo
docker buildx -x
docker buildx --builder
docker builder
docker builder --help
docker builder foo
docker builder -x
docker network
docker context
