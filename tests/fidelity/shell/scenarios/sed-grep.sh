# sed and grep beyond the basics: addresses, ranges, backreferences, in-place edits.
mkdir sg && cd sg
printf 'FROM python:3.11\n# comment\nRUN pip install flask\n\nRUN pip install numpy\nCMD ["python", "app.py"]\n' > Dockerfile
sed -n '1,3p' Dockerfile
sed '/^#/d' Dockerfile
sed '/^$/d' Dockerfile
sed -n '/RUN/p' Dockerfile
sed -n '/^RUN/=' Dockerfile
sed '2,4d' Dockerfile
sed '$d' Dockerfile
sed '1!d' Dockerfile
sed -n '2,$p' Dockerfile | head -2
sed 's/pip install/pip install --no-cache-dir/' Dockerfile
sed 's/python/PYTHON/2' Dockerfile
sed 's/\(RUN\) pip/\1 python -m pip/' Dockerfile
sed -E 's/^(FROM) (.*)$/\2 <- \1/' Dockerfile
sed 's/[0-9]/#/g' Dockerfile
sed 's/.*/[&]/' Dockerfile | head -2
sed '1i # syntax=docker/dockerfile:1' Dockerfile | head -2
sed '1a LABEL maintainer=student' Dockerfile | head -3
sed '/CMD/c CMD ["bash"]' Dockerfile | tail -1
sed 'y/abc/ABC/' Dockerfile | head -1
sed -n '/RUN/{p;q}' Dockerfile
sed 's/flask/FLASK/I' Dockerfile | grep -i flask
sed -e '/^#/d' -e '/^$/d' Dockerfile | wc -l
sed -i.bak 's/3.11/3.12/' Dockerfile
ls
head -1 Dockerfile Dockerfile.bak
sed -n 'p' nope.txt
sed 's/a/b/x' Dockerfile
sed -n '/unterminated/p Dockerfile
grep -n RUN Dockerfile
grep -v '^RUN' Dockerfile
grep -e FROM -e CMD Dockerfile
grep -E '^(FROM|CMD)' Dockerfile
grep -F '["python"' Dockerfile
grep -o 'pip install [a-z]*' Dockerfile
grep -c '' Dockerfile
grep -n '^$' Dockerfile
grep -w pip Dockerfile | head -1
grep -i 'from' Dockerfile
grep -B1 CMD Dockerfile
grep -C1 flask Dockerfile
grep -h RUN Dockerfile Dockerfile.bak
grep RUN Dockerfile Dockerfile.bak
grep -l 3.12 Dockerfile Dockerfile.bak
grep -L 3.12 Dockerfile Dockerfile.bak
grep -q FROM Dockerfile && echo found
grep -s FROM nope.txt; echo "status $?"
grep '[' Dockerfile
grep -E 'a{1' Dockerfile
grep '\(' Dockerfile
grep -x 'CMD.*' Dockerfile
grep -m1 RUN Dockerfile
echo "a.b.c" | grep -o '\.' | wc -l
echo "key=value" | sed 's/=.*//'
echo "/usr/local/bin/python" | sed 's#/#:#g'
echo "hello world" | sed 's/\b\(.\)/\u\1/g'
echo "v1.2.3" | sed -E 's/v([0-9]+)\.([0-9]+)\.([0-9]+)/\1 \2 \3/'
