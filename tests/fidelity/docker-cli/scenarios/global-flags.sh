# global options before the command, and unknown commands
docker -f
docker -x ps
docker --foo
docker --foo ps
docker -l
docker -H
docker -c
docker --config
docker --context
docker --log-level
docker --tls=x
docker --debug=x ps
docker -D=maybe ps
docker ---x
docker --=x
docker nosuch
docker nosuch -x
docker nosuch --foo
docker -D nosuch
docker -- nosuch
docker Ps
docker pss
docker -D ps x
docker ps --debug
docker container ls --debug
docker image ls --version
docker ps --host x
docker -l x -H a -c b ps
docker -H a -c b ps x
docker -H a -c b nosuch
docker -H a -c b --help
docker -H a -c b build
docker -l x --help
docker -l WARN nosuch
