# Setting up a small project to containerise: the files, their permissions, a quick look inside.
mkdir -p hello-docker/app && cd hello-docker
cat > app/main.py <<'EOF'
import sys

def main():
    print("Hello, Docker!")
    print("Python", sys.version_info[0])

if __name__ == "__main__":
    main()
EOF
cat > requirements.txt <<EOF
requests==2.31.0
EOF
cat > Dockerfile <<'EOF'
FROM python:3.11-slim
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY app/ ./app/
CMD ["python", "app/main.py"]
EOF
printf '__pycache__/\n*.pyc\n.git\n' > .dockerignore
cat > run.sh <<'EOF'
#!/bin/sh
echo "building in $(pwd)"
EOF
ls
ls -a
ls -la app
tree -a
cat -n Dockerfile
grep -n COPY Dockerfile
grep -c '^RUN' Dockerfile
grep FROM Dockerfile | cut -d: -f2
sed -i 's/3.11-slim/3.12-slim/' Dockerfile
head -1 Dockerfile
grep -rn print app
wc -l app/main.py Dockerfile requirements.txt
ls -l run.sh
./run.sh
chmod +x run.sh
ls -l run.sh
./run.sh
sh run.sh
cat .dockerignore
cat -A .dockerignore
find . -type f | sort
find . -name '*.py' | xargs wc -l
for f in Dockerfile requirements.txt; do echo "== $f"; head -1 "$f"; done
du -sh app
cp -r app app.bak
diff -r app app.bak && echo same
rm -r app.bak
echo "EXPOSE 8000" >> Dockerfile
tail -2 Dockerfile
grep -i expose Dockerfile && echo "port documented"
mv Dockerfile Dockerfile.dev
ls
ln -s Dockerfile.dev Dockerfile
ls -l Dockerfile
cat Dockerfile | wc -l
