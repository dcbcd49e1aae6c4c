# docker's own help: the root, the help command, -h, and help of a plugin
docker --help
docker
docker help
docker -h
docker help --help
docker help -h
docker help help
docker help nosuch
docker help ps x
docker help image nosuch
docker help -x
docker help --foo
docker help ps --foo
docker nosuch --help
docker image nosuch --help
docker --help ps
docker -h ps
docker --version
docker -v
docker --version=false
docker -D
docker version
docker version --help
docker help version
