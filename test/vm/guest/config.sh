#!/bin/sh
# Copies what the test run made for this boot (SSH host key, authorized key, TLS files, the
# test image script) from qemu's fw_cfg into place.
set -eu
modprobe qemu_fw_cfg 2>/dev/null || true
src=/sys/firmware/qemu_fw_cfg/by_name/opt/anatomy
get() { cat "$src/$1/raw"; }
umask 077
get ssh_host_key >/etc/ssh/ssh_host_ed25519_key
umask 022
get ssh_host_key.pub >/etc/ssh/ssh_host_ed25519_key.pub
for home in /root /home/anatomy; do
  mkdir -p "$home/.ssh"
  get authorized_keys >"$home/.ssh/authorized_keys"
done
chown -R anatomy:anatomy /home/anatomy/.ssh
mkdir -p /etc/docker/tls
get tls_ca >/etc/docker/tls/ca.pem
get tls_cert >/etc/docker/tls/cert.pem
umask 077
get tls_key >/etc/docker/tls/key.pem
get image_sh >/usr/local/sbin/anatomy-image
chmod 0755 /usr/local/sbin/anatomy-image
