# docker help COMMAND, and -h (deprecated, but still printing help)
docker help build
docker help image build
docker help builder build
docker help buildx build
docker help images
docker help image ls
docker help run
docker help create
docker help start
docker help stop
docker help kill
docker help restart
docker help rm
docker help rmi
docker help ps
docker help container ls
docker help pull
docker help push
docker help tag
docker help login
docker help logout
docker help logs
docker help exec
docker help cp
docker help inspect
docker help history
docker help image prune
docker help container prune
docker help system df
docker help system prune
docker help volume create
docker help volume ls
docker help volume rm
docker help volume inspect
docker help volume prune
docker help info
docker help buildx
docker help builder
docker help image
docker help container
docker help system
docker help volume
docker ps -h
docker images -h
docker rm -h
docker build -h
docker buildx build -h
docker image ls -h
docker volume ls -h
docker container -h
docker buildx -h
docker run -h
docker create -h
docker image -h ls
docker container -h ls -h
docker ps -h -h
docker ps -ah
docker image --help ls
docker ps --help x y
docker rm --help --force
