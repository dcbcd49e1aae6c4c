# what the client does before it talks to the engine: -it without a terminal, prune prompts
docker run -it alpine
docker run -ti alpine sh
docker container run -it alpine
docker image prune
docker image prune -a
docker container prune
docker volume prune
docker volume prune -a
docker system prune
docker system prune -a --volumes
docker system prune --volumes
docker start -a a b
docker start -i a b
docker container start -ai a b
docker volume create --name a b
