# corner cases of pflag and cobra
docker rm c --foo
docker stop c -t x
docker rm -fz c
docker ps -a --last
docker ps -n
docker ps -qn x
docker ps -nq
docker ps -
docker logs c d -f
docker run --help=x
docker create --help=x
docker ps --help=x
docker ps --help=false x
docker rm --help=0
docker image ls -a=x
docker stop --time 1
docker stop --time x c
docker exec -it c
docker create -it
docker run --
docker -v --help
docker --help --version
docker -vh
docker -hv
docker --help=false
docker -l x ps a
docker -l x ps
docker --log-level=bogus version
docker -l x build
docker -l x nosuch
docker help -- ps
docker -- --help
docker --debug --help
docker ps --no-trunc=maybe
docker ps -s=maybe
docker inspect --size=maybe x
docker run -e
docker run -e= alpine
docker volume create --opt
docker volume create -o
docker build --build-arg
docker build -o
docker build --platform
docker build --load=x .
docker build --pull=x .
docker buildx build --builder
docker buildx --builder x ls a
docker builder ls a
docker builder --builder
docker start --checkpoint x
docker start --checkpoint-dir x c
docker start --checkpoint x --help
docker run --cpu-count 1
docker create --io-maxiops 1 alpine
docker push --platform linux/amd64
docker rmi --platform x
docker images --tree
docker image ls --tree --help
docker volume create --label a=b --help
docker ps -f status=exited --help
docker run -m 1g -e A=1 -p 80 --cpus 1 --help
docker build --shm-size 1g --help
docker build -c x .
docker build -m
