#!/usr/bin/env bash
# Before any package is installed: the initrd gets only what this VM needs to mount its root
# (virtio disk, ext4), which makes it small to build and quick to unpack under emulation.
set -euo pipefail
root="$1"
mkdir -p "$root/etc/initramfs-tools/conf.d" "$root/etc/initramfs-tools/hooks"
echo MODULES=list >"$root/etc/initramfs-tools/conf.d/anatomy.conf"
cat >"$root/etc/initramfs-tools/hooks/anatomy" <<'HOOK'
#!/bin/sh
[ "$1" = prereqs ] && exit 0
. /usr/share/initramfs-tools/hook-functions
manual_add_modules virtio_pci virtio_blk ext4 crc32c_generic
HOOK
chmod 0755 "$root/etc/initramfs-tools/hooks/anatomy"
