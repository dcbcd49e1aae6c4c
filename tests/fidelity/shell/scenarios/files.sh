# Writing the files a Docker project needs, and looking at them.
mkdir demo && cd demo
echo "flask==3.0.0" > requirements.txt
echo "numpy==1.26.4" >> requirements.txt
cat requirements.txt
cat -n requirements.txt
wc -l requirements.txt
wc requirements.txt
cat > Dockerfile <<EOF
FROM python:3.11-slim
WORKDIR /app
COPY requirements.txt .
RUN pip install -r requirements.txt
COPY . .
CMD ["python", "app.py"]
EOF
cat Dockerfile
head -n 2 Dockerfile
head -3 Dockerfile
tail -n 1 Dockerfile
tail -n +5 Dockerfile
head -c 20 Dockerfile
head requirements.txt Dockerfile
wc -l Dockerfile requirements.txt
cat <<'EOF' > app.py
import os
print("Hello from", os.getcwd())
EOF
cat app.py
ls
ls -l
cp app.py app_backup.py
cp app.py app.py
cp nothing.py here.py
cp -v requirements.txt reqs.txt
mkdir backup
cp app.py requirements.txt backup
ls backup
cp backup copy
cp -r backup copy
ls copy
cp -r backup copy
ls copy
mv app_backup.py old.py
mv -v old.py backup/
ls backup
mv missing.py x.py
rm reqs.txt
rm reqs.txt
rm -f reqs.txt
rm backup
rmdir backup
rm -r backup
rm -r copy
ls
touch notes.txt
ls -l notes.txt
cat notes.txt
cat missing.txt
cat Dockerfile missing.txt requirements.txt
cat .
head missing.txt
wc missing.txt
