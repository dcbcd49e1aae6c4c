# exec into a running container, logs with --tail and -t, and what exec reports when it cannot start
docker run -d --name w1 python:3.11-slim sh -c 'echo line1; echo line2; echo err >&2; sleep 100'
sleep 1
docker logs w1
docker logs --tail 1 w1
docker logs --tail 0 w1
docker logs -t w1 2>&1 | cut -c1-4,31-
docker exec w1 echo hello from exec
docker exec w1 sh -c 'echo $HOSTNAME $HOME; pwd; exit 3'
docker exec -e A=1 -w /tmp w1 sh -c 'echo $A; pwd'
docker exec -u nobody w1 id
docker exec w1 nosuch
docker exec w1 /etc/passwd
docker exec -w /nonexist w1 pwd
docker exec -u nosuch w1 pwd
docker exec -d w1 sh -c 'echo detached > /tmp/d.txt'
sleep 1
docker exec w1 cat /tmp/d.txt
docker exec -i w1 cat
docker exec -it w1 sh
docker logs nosuch
docker exec nosuch true
docker stop -t 0 w1
docker exec w1 true
docker logs --tail 2 w1
docker rm w1
