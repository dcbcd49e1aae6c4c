# ADD: local files like COPY, a URL the lab cannot reach (no web servers in the simulated world either)
mkdir app && cd app
mkdir conf && echo x=1 > conf/app.ini && echo hi > hello.txt
printf 'FROM python:3.11-slim\nADD hello.txt conf /dst/\nRUN ls /dst\n' > Dockerfile
docker build -q . > /dev/null && echo built
printf 'FROM python:3.11-slim\nADD https://example.com/f.txt /f.txt\nRUN echo hi\n' > Dockerfile
docker build .
