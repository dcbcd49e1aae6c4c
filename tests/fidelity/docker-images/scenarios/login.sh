# docker login and logout against a registry (the lab's registry:2 on 127.0.0.1:5000)
docker logout
ls ~/.docker
echo learn-docker | docker login -u student --password-stdin 127.0.0.1:5000
cat ~/.docker/config.json; echo
ls -l ~/.docker/config.json
docker login 127.0.0.1:5000
echo learn-docker | docker login -u student --password-stdin 127.0.0.1:5000
docker login -u student -p learn-docker 127.0.0.1:5000
docker login -u student 127.0.0.1:5000
docker login -p x 127.0.0.1:5000
docker login --password-stdin 127.0.0.1:5000
echo x | docker login -u student -p x --password-stdin 127.0.0.1:5000
docker login -u '' -p x 127.0.0.1:5000
docker login -u student -p '' 127.0.0.1:5000
echo | docker login -u student --password-stdin 127.0.0.1:5000
docker login a b
docker login
docker logout 127.0.0.1:5000
cat ~/.docker/config.json; echo
docker logout 127.0.0.1:5000
docker logout https://127.0.0.1:5000/v2/
docker logout docker.io
docker logout a b
