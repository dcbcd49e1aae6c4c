# Checking that a downloaded model is the one published: checksums, sizes, comparisons.
mkdir weights && cd weights
printf 'pretend these are weights\n' > model.bin
cp model.bin model-copy.bin
echo "tampered" >> model-copy.bin
sha256sum model.bin
sha256sum model.bin model-copy.bin
md5sum model.bin
sha1sum model.bin
echo -n "abc" | sha256sum
sha256sum model.bin > SHA256SUMS
cat SHA256SUMS
sha256sum -c SHA256SUMS
cp model-copy.bin model.bin
sha256sum -c SHA256SUMS
sha256sum --quiet -c SHA256SUMS
sha256sum --status -c SHA256SUMS; echo "status $?"
echo "not a checksum line" > bad.txt
sha256sum -c bad.txt
sha256sum nope.bin
sha256sum .
ls -l model.bin
wc -c model.bin
cmp model.bin model-copy.bin && echo identical
diff model.bin model-copy.bin && echo identical
