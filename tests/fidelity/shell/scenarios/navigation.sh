# Finding your way around before the first docker run: where am I, what is here, make a place.
pwd
ls
echo $HOME
whoami
id
mkdir models
ls
ls -l
mkdir models
mkdir -p models
mkdir -p project/app/src project/data
ls project
ls -l project
cd project
pwd
echo "$(pwd)/models"
echo $(pwd)
cd app
pwd
cd ..
cd ../project/data
pwd
cd
pwd
cd nowhere
cd models/nothing
ls nowhere
ls -d project
ls -d project/*
ls project/app
ls -R project
ls -la project/app
ls -A project
tree project
tree -L 1 project
tree -d project
cd project && touch app/src/main.py app/README.md
tree
tree app
cd ~
ls -1 project/app
mkdir -v -p a/b/c
rmdir a
rmdir -p a/b/c
ls
