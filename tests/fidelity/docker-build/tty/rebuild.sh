# Recorded with: script -q -c "stty cols 100 rows 30; docker build -t ttyfix ." (the first and last
# lines of script's output removed); before it: docker build -q -t ttyfix . and echo b > a.txt
printf 'FROM python:3.11-slim\nWORKDIR /app\nCOPY a.txt .\nRUN for i in 1 2 3 4 5 6 7 8; do echo line $i; sleep 0.3; done\n' > Dockerfile
echo a > a.txt
