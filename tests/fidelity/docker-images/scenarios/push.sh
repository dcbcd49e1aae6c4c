# docker push to a registry (the lab's registry:2 on 127.0.0.1:5000), tags that are not there
docker pull -q python:3.11-slim
echo learn-docker | docker login -u student --password-stdin 127.0.0.1:5000 2>/dev/null
docker tag python:3.11-slim 127.0.0.1:5000/student/corpus:v1
docker push 127.0.0.1:5000/student/corpus:v1
docker push 127.0.0.1:5000/student/corpus:v1
docker push 127.0.0.1:5000/student/corpus:v2
docker push 127.0.0.1:5000/student/corpus
docker push -a 127.0.0.1:5000/student/nope
docker push -a 127.0.0.1:5000/student/corpus:v1
docker tag python:3.11-slim 127.0.0.1:5000/student/corpus:v2
docker push -a 127.0.0.1:5000/student/corpus
docker push -q 127.0.0.1:5000/student/corpus:v1
docker push --all-tags -q 127.0.0.1:5000/student/corpus
docker image push student/app
docker push Bad_Name
docker push
