#!/usr/bin/env bash
# Builds the test VM once and caches it: a Debian bookworm root filesystem (systemd, Docker,
# OpenSSH, Node.js) as a compressed qcow2, with its kernel and initrd beside it. The cache
# folder is keyed by the hash of everything that shapes the image, so an edit rebuilds it.
# Prints the folder. Needs root (mmdebstrap, mke2fs -d) only when the cache is cold.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
cache_root="${CONTAINER_ANATOMY_VM_CACHE:-$repo/.cache/vm}"
key="$(cat "$here/build.sh" "$here/guest/"* | sha256sum | cut -c1-16)"
out="$cache_root/$key"
if [ -s "$out/rootfs.qcow2" ] && [ -s "$out/vmlinuz" ] && [ -s "$out/initrd.img" ]; then
  echo "$out"
  exit 0
fi
# From here on, stdout is the caller's answer (one line, the folder) and nothing else: every
# tool's chatter (mke2fs prints "Creating regular file" on stdout) goes to stderr.
exec 3>&1 1>&2
if [ "$(id -u)" != 0 ]; then
  echo "build.sh: the VM image is not built yet and building it needs root (mmdebstrap)" >&2
  exit 1
fi
mkdir -p "$cache_root"
work="$(mktemp -d "$cache_root/build.XXXXXX")"
# A build cut short can leave the chroot's /proc or /dev mounted: unmount before removing,
# and never remove through a mount.
remove_work() {
  awk -v w="$work/" 'index($2, w) == 1 { print $2 }' /proc/self/mounts | sort -r | xargs -r -n1 umount -l
  if awk -v w="$work/" 'index($2, w) == 1 { found = 1 } END { exit !found }' /proc/self/mounts; then
    echo "build.sh: $work still has mounts; left in place" >&2
  else
    rm -rf "$work"
  fi
}
trap remove_work EXIT
started=$SECONDS
packages=systemd-sysv,udev,dbus,kmod,iproute2,procps,docker.io,openssh-server,busybox-static,nodejs,linux-image-amd64,initramfs-tools
# A small initrd (virtio disk and ext4 only) builds and boots faster than the default one.
# No documentation or man pages; the drivers no VM uses are removed in customize.sh.
mmdebstrap --variant=apt --include="$packages" \
  --dpkgopt='path-exclude=/usr/share/doc/*' --dpkgopt='path-exclude=/usr/share/man/*' \
  --dpkgopt='path-exclude=/usr/share/locale/*' \
  --setup-hook="bash '$here/guest/initramfs.sh' \"\$1\"" \
  --customize-hook="bash '$here/guest/customize.sh' \"\$1\" '$here/guest'" \
  bookworm "$work/root" http://deb.debian.org/debian
cp "$work"/root/boot/vmlinuz-* "$work/vmlinuz"
cp "$work"/root/boot/initrd.img-* "$work/initrd.img"
# Room for the images and containers the suites make; the file is sparse until written.
mke2fs -q -t ext4 -L root -d "$work/root" "$work/rootfs.raw" 4G
qemu-img convert -c -o compression_type=zstd -O qcow2 "$work/rootfs.raw" "$work/rootfs.qcow2"
rm -rf "$work/root" "$work/rootfs.raw"
mv "$work" "$out"
trap - EXIT
# Keep this image and the one before it (another checkout may still use it); drop older ones.
find "$cache_root" -mindepth 1 -maxdepth 1 -type d ! -name 'build.*' -printf '%T@ %p\n' | sort -rn | tail -n +3 | cut -d' ' -f2- | xargs -r rm -rf
echo "build.sh: built $out in $((SECONDS - started)) s"
echo "$out" >&3
