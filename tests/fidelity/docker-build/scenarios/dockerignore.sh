# normalize: context-size
mkdir -p app/src/sub app/data && cd app
echo a > src/a.py; echo b > src/b.txt; echo c > src/sub/c.py; echo d > data/d.bin; echo e > notes.md; echo s > secret.txt
cat > .dockerignore <<'END'
# comment
*.txt
data/
**/*.py
!src/sub/c.py
END
cat > Dockerfile <<'END'
FROM python:3.11-slim
COPY . /app
RUN find /app | sort
END
docker build .
echo more > notes.md
docker build .
echo x > src/b.txt
docker build .
cat > Dockerfile <<'END'
FROM python:3.11-slim
COPY src/*.txt /out/
COPY src/sub/ /sub
COPY secret.txt /
END
docker build .
