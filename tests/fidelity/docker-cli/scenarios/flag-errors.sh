# pflag: unknown flags, missing values, bad values, grouped short flags, --flag=value forms
docker ps --foo
docker ps -z
docker ps -aqz
docker ps -az
docker run -itz alpine
docker run -iz alpine
docker run --foo alpine
docker create --foo alpine
docker exec --foo c ls
docker ps -n x
docker ps --last x
docker ps --last=x
docker ps -nx
docker ps -n=x
docker ps -n=
docker ps --last=
docker ps -n 9999999999999999999999
docker ps --format
docker ps -f
docker ps --filter x
docker ps -f x
docker images -f x
docker images --filter=dangling
docker ps --all=maybe
docker ps -a=maybe
docker ps --quiet=2
docker rm ---x
docker rm --=x
docker rm -f=nope x
docker run -t
docker run --name
docker run -e
docker run -e = alpine
docker run --env=
docker run -m x alpine
docker run -m 1x alpine
docker run -m 1.2.3 alpine
docker run --memory-swap -2 alpine
docker run --shm-size=big alpine
docker run --cpus x alpine
docker run --cpus 0.0000000001 alpine
docker run --cpus 1e-10 alpine
docker run --blkio-weight 70000 alpine
docker run --blkio-weight -1 alpine
docker run --health-interval 1 alpine
docker run --health-interval x alpine
docker run --health-interval 1x alpine
docker run --stop-timeout 1.5 alpine
docker run --pids-limit 9999999999999999999999 alpine
docker run --add-host x alpine
docker run --add-host a:b alpine
docker run --add-host :1.2.3.4 alpine
docker run --dns x alpine
docker run -l =x alpine
docker run --label=x=1 --label =y alpine
docker run --sysctl x alpine
docker run --sysctl a=b alpine
docker run --ulimit x alpine
docker run --ulimit foo=1 alpine
docker run --ulimit nofile=x alpine
docker run --ulimit nofile=2:1 alpine
docker run --ulimit nofile=1:x alpine
docker run --mount x alpine
docker run --mount type=bind,foo=bar alpine
docker run --mount type=x alpine
docker run --mount foo=bar alpine
docker run --network a=b alpine
docker run --network name=x,foo alpine
docker run --gpus x alpine
docker run --gpus count=x alpine
docker run -a x alpine
docker run --attach=stdin --attach=nope alpine
docker run --blkio-weight-device x alpine
docker run --device-read-bps x alpine
docker run -d=maybe alpine
docker run --rm=no alpine
docker run -p
docker run -v
docker run -w
docker create -e = alpine
docker create -m x alpine
docker create --memory=1q alpine
docker stop -t x c
docker stop --timeout=1.5 c
docker stop --time
docker restart -t x c
docker kill -s
docker logs -n
docker logs --since
docker logs --follow=maybe c
docker exec -e = c ls
docker exec -u
docker exec -w
docker cp -a=x a b
docker pull -a=x x
docker pull --platform
docker push -q=x x
docker login -u
docker login -p
docker tag -x a b
docker rmi -f=x x
docker history -H=x x
docker inspect -f
docker inspect --type
docker inspect -s=x x
docker image prune --filter x
docker image prune -a=x
docker container prune --filter x
docker system prune --filter x
docker system df -v=x
docker volume create -d
docker volume create --label =x
docker volume ls -f x
docker volume rm -f=x v
docker volume prune --filter x
docker version -f
docker info --format
docker run --device-write-iops a:b x
docker run --device-write-iops /dev/a:b x
docker run --device-read-bps /dev/a:1x x
docker run --device-read-bps /dev/a:-1 x
docker run --blkio-weight-device /dev/a:5 x
docker run --blkio-weight-device /dev/a:x x
docker run --blkio-weight-device :5 x
docker run --device-write-bps x:1 x
