# --help of every command of the course, under each of its names
docker build --help
docker image build --help
docker builder build --help
docker buildx build --help
docker buildx b --help
docker images --help
docker image ls --help
docker image list --help
docker run --help
docker container run --help
docker create --help
docker container create --help
docker start --help
docker container start --help
docker stop --help
docker container stop --help
docker kill --help
docker container kill --help
docker restart --help
docker container restart --help
docker rm --help
docker container rm --help
docker container remove --help
docker rmi --help
docker image rm --help
docker image remove --help
docker ps --help
docker container ls --help
docker container list --help
docker container ps --help
docker pull --help
docker image pull --help
docker push --help
docker image push --help
docker tag --help
docker image tag --help
docker login --help
docker logout --help
docker logs --help
docker container logs --help
docker exec --help
docker container exec --help
docker cp --help
docker container cp --help
docker inspect --help
docker image inspect --help
docker container inspect --help
docker history --help
docker image history --help
docker image prune --help
docker container prune --help
docker system df --help
docker system prune --help
docker volume create --help
docker volume ls --help
docker volume list --help
docker volume rm --help
docker volume remove --help
docker volume inspect --help
docker volume prune --help
docker info --help
docker system info --help
