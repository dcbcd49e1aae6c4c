# Interactive questions (-i): the recorder's standard input is empty, so every answer is "no".
mkdir ask && cd ask
touch empty.txt
echo data > full.txt
mkdir -p tree/sub && touch tree/sub/leaf
mkdir hollow
ln -s nowhere link
rm -i empty.txt full.txt
ls
rm -i link
rm -ri tree
rm -ri hollow
rm -i hollow
rm -d -i hollow
touch a b c d
rm -I a b c d
rm -I a
ls
cp -i full.txt copy.txt
cp -i full.txt copy.txt
mv -i copy.txt full.txt
cp -n full.txt copy.txt
mv -f copy.txt full.txt
ls
