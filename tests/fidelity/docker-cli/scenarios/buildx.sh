# docker build is docker buildx build: the plugin's parse errors and usage
docker build
docker build a b
docker build -t
docker build --tag
docker build -tfoo
docker build -t=foo
docker build --progress
docker build -q=x .
docker build --no-cache=x .
docker build --shm-size x .
docker build --foo .
docker build . --foo
docker build -x .
docker build -f
docker build --file
docker build --ulimit x .
docker build -h
docker image build
docker image build --foo .
docker builder build
docker builder build -x .
docker buildx build
docker buildx build --foo
docker buildx b
docker buildx b -t
docker buildx build a b c
docker buildx ls x
docker buildx ls --foo
docker buildx ls -f
docker buildx du x
docker buildx version x
docker buildx imagetools
docker buildx imagetools foo
docker buildx imagetools -x
docker buildx imagetools inspect
docker buildx dial-stdio x
docker buildx create a b
docker builder prune x
docker buildx prune --help
docker builder prune --help
docker builder ls --help
docker help buildx build
docker help buildx nosuch
docker help buildx -x
