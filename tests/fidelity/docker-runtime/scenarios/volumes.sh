# named volumes, anonymous volumes, bind mounts (live both ways), read-only mounts, and the errors
docker volume create models
docker volume create models
docker volume ls
docker volume inspect --format '{{.Name}} {{.Driver}} {{.Mountpoint}} {{.Scope}} {{.Labels}} {{.Options}}' models
docker volume inspect models nosuch | grep -c Name
docker volume create 'bad name'
docker volume create -d foo x
docker run --rm -v models:/models python:3.11-slim sh -c 'echo weights > /models/w.txt; ls /models'
docker run --rm -v models:/data python:3.11-slim cat /data/w.txt
docker run --rm --mount type=volume,source=models,target=/m,readonly python:3.11-slim touch /m/x
docker run --rm -v models:/m:ro python:3.11-slim sh -c 'cat /m/w.txt; touch /m/x'
mkdir -p project/data && echo from-host > project/data/in.txt
docker run --rm -v "$PWD/project/data:/data" python:3.11-slim sh -c 'cat /data/in.txt; echo from-container > /data/out.txt'
cat project/data/out.txt
ls -l project/data | cut -c1-10,12-25
docker run --rm -v ./project/data:/data python:3.11-slim ls /data
docker run --rm -v "$PWD/project/data:/data:ro" python:3.11-slim touch /data/x
docker run --rm -v "$PWD/created-by-docker:/x" python:3.11-slim true
ls -ld created-by-docker | cut -c1-10,12-25
docker run --rm --mount type=bind,source=$PWD/missing,target=/x python:3.11-slim true
docker run --rm --mount type=bind,source=rel,target=/x python:3.11-slim true
docker run --rm -v %cd%/models:/models python:3.11-slim true
docker run --rm -v /tmp:relative python:3.11-slim true
docker run --rm -v :/x python:3.11-slim true
docker run --rm -v a:b:c:d python:3.11-slim true
docker run --rm -v /tmp:/x:bogus python:3.11-slim true
docker run --rm --tmpfs /t python:3.11-slim sh -c 'echo hi > /t/f; cat /t/f'
docker run -d --name vu -v models:/m -v /anon python:3.11-slim sleep 100
docker volume ls -q | wc -l
docker volume ls --filter dangling=true -q
docker volume ls --filter name=mod
docker volume ls --filter bogus=x
docker volume rm models nosuch
docker volume rm -f nosuch
docker rm -f -v vu
docker volume ls -q
docker run --rm -v /anon2 python:3.11-slim true
docker volume ls -q
docker volume create scratch
docker volume prune -f
docker volume prune -af
docker volume ls
