# positional-argument counts (cli/required.go); flags stop at the image for run/create/exec
docker run
docker create
docker start
docker stop
docker kill
docker restart
docker rm
docker rmi
docker ps a
docker images a b
docker image ls a b
docker pull
docker pull a b
docker push
docker push a b
docker tag
docker tag a
docker tag a b c
docker login a b
docker logout a b
docker logs
docker logs a b
docker exec
docker exec c
docker cp
docker cp a
docker cp a b c
docker inspect
docker image inspect
docker container inspect
docker history
docker history a b
docker image history
docker image prune x
docker container prune x
docker system df x
docker system prune x
docker volume create a b
docker volume ls x
docker volume rm
docker volume inspect
docker volume prune x
docker version x
docker info x
docker system info x
docker container rm
docker container remove
docker image rm
docker image remove
docker container ls x
docker container list x
docker container ps x
docker image list a b
docker image pull
docker image push
docker image tag a
docker container logs
docker container exec c
docker container cp a
docker container run
docker container create
docker container start
docker container stop
docker container kill
docker container restart
docker ps -- x
docker rm -f
docker rm --force --volumes
docker run -d
docker run -it
docker run --rm -e A=1
docker exec -it
