# Files that are not yours: the messages a student meets outside the home directory.
ls /root
cat /etc/shadow
touch /etc/newfile
mkdir /opt/tools
rm /etc/hostname
cp /etc/passwd /usr/local/bin/
head -1 /etc/passwd
grep student /etc/passwd
grep '^student:' /etc/group
mkdir mine && cd mine
touch private.txt
chmod 000 private.txt
ls -l private.txt
cat private.txt
chmod u+r private.txt
cat private.txt && echo readable
chmod 755 private.txt
ls -l private.txt
chmod go-rx private.txt
ls -l private.txt
chmod a=r private.txt
ls -l private.txt
echo data > private.txt
chmod u+w private.txt
echo data > private.txt && cat private.txt
mkdir locked
touch locked/inside
chmod 500 locked
touch locked/another
rm locked/inside
chmod 700 locked
rm -r locked
chmod -R 700 .
ls -l
chmod -c 644 private.txt
chmod -c 644 private.txt
