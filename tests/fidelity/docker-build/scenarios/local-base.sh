mkdir app && cd app
printf 'FROM python:3.11-slim\nRUN echo base > /base.txt\n' > Dockerfile
docker build -t mybase .
mkdir child && printf 'FROM mybase\nRUN cat /base.txt\n' > child/Dockerfile
docker build -t child child
printf 'FROM scratch\nCOPY Dockerfile /\n' > Dockerfile
docker build -t fromscratch .
docker history --format '{{.CreatedBy}}|{{.Size}}' fromscratch
printf 'FROM python:3.11-slim\nCMD ["python3"]\n' > Dockerfile
docker build -t onlymeta .
docker images --format '{{.Repository}}'
