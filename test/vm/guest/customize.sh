#!/usr/bin/env bash
# Shapes the guest root filesystem (run by mmdebstrap as a customize hook):
# $1 the root, $2 this folder.
set -euo pipefail
root="$1" guest="$2"
echo anatomy-vm >"$root/etc/hostname"
printf '127.0.0.1 localhost\n127.0.1.1 anatomy-vm\n' >"$root/etc/hosts"
printf '/dev/vda / ext4 rw,relatime 0 0\n' >"$root/etc/fstab"
# Static address on qemu's user network: no DHCP wait at boot.
mkdir -p "$root/etc/systemd/network"
printf '[Match]\nName=en*\n\n[Network]\nAddress=10.0.2.15/24\nGateway=10.0.2.2\n' \
  >"$root/etc/systemd/network/10-user.network"
chroot "$root" systemctl enable systemd-networkd
chroot "$root" systemctl mask systemd-networkd-wait-online.service
# Nothing periodic or interactive competes with the tests for the one emulated CPU.
chroot "$root" systemctl mask apt-daily.timer apt-daily-upgrade.timer e2scrub_all.timer e2scrub_reap.service \
  fstrim.timer getty@tty1.service systemd-timesyncd.service
# The test user, a docker-group member reached over SSH like any remote engine's user.
chroot "$root" useradd --create-home --shell /bin/bash --groups docker anatomy
# Host keys, authorized keys and TLS certificates come from the test run, per boot.
rm -f "$root"/etc/ssh/ssh_host_*
install -m 0644 "$guest/sshd.conf" "$root/etc/ssh/sshd_config.d/anatomy.conf"
install -m 0644 "$guest/daemon.json" "$root/etc/docker/daemon.json"
mkdir -p "$root/etc/systemd/system/docker.service.d"
install -m 0644 "$guest/docker-tcp.conf" "$root/etc/systemd/system/docker.service.d/anatomy.conf"
install -m 0755 "$guest/config.sh" "$root/usr/local/sbin/anatomy-config"
install -m 0644 "$guest/anatomy-config.service" "$root/etc/systemd/system/"
install -m 0644 "$guest/anatomy-image.service" "$root/etc/systemd/system/"
chroot "$root" systemctl enable anatomy-config.service anatomy-image.service
# Drivers for hardware this VM does not have: a third of the image, gone.
for modules in "$root"/lib/modules/*; do
  (cd "$modules/kernel" && rm -rf sound drivers/{gpu,media,net/wireless,net/ethernet,infiniband,staging,bluetooth,iio,isdn,usb,scsi,hid,mmc,mtd,nfc,platform,power,hwmon,thunderbolt,video})
  chroot "$root" depmod -a "$(basename "$modules")"
done
rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/*
