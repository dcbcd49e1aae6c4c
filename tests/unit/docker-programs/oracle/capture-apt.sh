#!/bin/bash
# Records real apt-get runs for record_apt.py (as root, with Debian's mirror reachable):
#   debootstrap --variant=minbase DISTRO /tmp/oracle/DISTRO http://deb.debian.org/debian
#   cp <Debian image's /etc/apt/apt.conf.d/docker-clean> /tmp/oracle/docker-clean
#   bash capture-apt.sh DISTRO   -> /tmp/oracle/cap2/DISTRO/*
# Never bind-mount /proc into these trees: the script copies them with cp -a.
set -u
D=$1; O=/tmp/oracle/cap2/$D; rm -rf $O; mkdir -p $O/sim
B=/tmp/oracle/base-$D; R=/tmp/oracle/run2-$D
case $D in
  bullseye) RT="ca-certificates netbase tzdata libsqlite3-0 libssl1.1 libffi7 libreadline8 libgdbm6 libncursesw6 libnsl2 libtirpc3 libexpat1 libuuid1";;
  bookworm) RT="ca-certificates netbase tzdata libsqlite3-0 libssl3 libffi8 libreadline8 libgdbm6 libncursesw6 libnsl2 libtirpc3 libexpat1";;
  trixie) RT="ca-certificates netbase tzdata libsqlite3-0 libssl3t64 libffi8 libreadline8t64 libgdbm6t64 libncursesw6 libexpat1";;
esac
rm -rf $B; cp -a /tmp/oracle/$D $B
echo 'Acquire::Languages "none";' > $B/etc/apt/apt.conf.d/docker-no-languages
cp /tmp/oracle/docker-clean $B/etc/apt/apt.conf.d/docker-clean
sec="deb http://deb.debian.org/debian-security $D-security main"
printf "deb http://deb.debian.org/debian $D main\ndeb http://deb.debian.org/debian $D-updates main\n$sec\n" > $B/etc/apt/sources.list
chroot $B /bin/sh -c "apt-get update -qq && apt-get install -y --no-install-recommends $RT && apt-get clean" > $O/base.log 2>&1
rm -rf $B/var/lib/apt/lists/*
cp $B/var/lib/dpkg/status $O/status.base
# update, both front ends
chroot $B /bin/sh -c 'apt-get update' > $O/update.out 2> $O/update.err
ls -l $B/var/lib/apt/lists > $O/lists.ls; du -sb $B/var/lib/apt/lists > $O/lists.du
for f in $B/var/lib/apt/lists/*_Packages; do cat $f; echo; done > $O/Packages
chroot $B /bin/sh -c 'apt update' > $O/apt-update.out 2> $O/apt-update.err
for p in build-essential gcc g++ make curl wget git vim vim-tiny nano less procps unzip zip ca-certificates gnupg htop iputils-ping net-tools libgl1 libglib2.0-0 ffmpeg cmake python3 python3-pip python3-dev tzdata openssh-client jq tree sudo; do
  chroot $B /bin/sh -c "apt-get install -s $p" > $O/sim/$p.rec 2>&1
  chroot $B /bin/sh -c "apt-get install -s --no-install-recommends $p" > $O/sim/$p.nir 2>&1
done
chroot $B /bin/sh -c "apt-get install -s nosuchpackage" > $O/sim/nosuchpackage.nir 2>&1
for v in nir rec; do
  rm -rf $R; cp -a $B $R
  flag=""; [ $v = nir ] && flag="--no-install-recommends"
  du -sb $R/usr $R/var/lib/dpkg $R/var/cache $R/var/log $R/etc > $O/du.before
  chroot $R /bin/sh -c "apt-get install $flag -y build-essential gcc" > $O/lesson-$v.out 2> $O/lesson-$v.err; echo $? > $O/lesson-$v.rc
  du -sb $R/usr $R/var/lib/dpkg $R/var/cache $R/var/log $R/etc > $O/du.$v
  cp $R/var/lib/dpkg/status $O/status.$v
  chroot $R /bin/sh -c "apt-get clean" > $O/clean.out 2>&1
  du -sb $R/var/cache > $O/du-cache-clean.$v
done
rm -rf $R
echo done > $O/DONE
