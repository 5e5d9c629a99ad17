#!/usr/bin/env bash
# Imports the test image (a busybox-static rootfs) into the engine when it is missing.
# No registry is needed: the rootfs is built from the busybox binary on this machine.
set -euo pipefail
IMAGE="${CONTAINER_ANATOMY_TEST_IMAGE:-container-anatomy-test/busybox:latest}"
if docker image inspect "$IMAGE" >/dev/null 2>&1; then
  exit 0
fi
BUSYBOX=/bin/busybox
# ldd exits 1 on a static binary, so its status is not the test: its words are.
linkage="$( { ldd "$BUSYBOX" 2>&1 || true; } )"
case "$linkage" in
  *"not a dynamic"* | *"statically linked"*) static=1 ;;
  *) static=0 ;;
esac
if [ ! -x "$BUSYBOX" ] || [ "$static" != 1 ]; then
  echo "image.sh: a statically linked busybox is needed at $BUSYBOX (apt-get install busybox-static)" >&2
  exit 1
fi
root="$(mktemp -d)"
trap 'rm -rf "$root"' EXIT
mkdir -p "$root"/{bin,etc,tmp,proc,sys,dev,root}
cp "$BUSYBOX" "$root/bin/busybox"
for applet in sh ash sleep ls cat ip hostname id ps top echo true false kill nc ifconfig mount; do
  ln -s busybox "$root/bin/$applet"
done
echo 'root:x:0:0:root:/root:/bin/sh' >"$root/etc/passwd"
echo 'root:x:0:' >"$root/etc/group"
tar -C "$root" -c . | docker import -c 'CMD ["/bin/sh"]' -m "busybox-static rootfs for Container Anatomy tests" - "$IMAGE" >/dev/null
echo "image.sh: imported $IMAGE"
