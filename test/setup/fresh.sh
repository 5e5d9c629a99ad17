#!/usr/bin/env bash
# The paths a fresh machine takes, taken again on this one even when it is warm, so that a
# step that only ever ran on a warm machine fails here and not for a newcomer:
#   - every Debian package a set-up step would install still has an install candidate;
#   - the test image imports from scratch (under a tag of this run, removed afterwards) and
#     a container runs from it;
#   - the VS Code test host's installer can resolve what it would install.
set -euo pipefail
cd "$(dirname "$0")/../.."

# prepare.sh, system.sh and test/vm/run.sh install these; test/host/install.ts checks its own list.
SETUP_PACKAGES=(util-linux iproute2 docker.io busybox-static podman netavark qemu-system-x86 qemu-utils mmdebstrap openssl openssh-client)

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  if ! out="$(apt-get install -s --reinstall --no-install-recommends "${SETUP_PACKAGES[@]}" 2>&1)"; then
    echo "fresh.sh: a fresh machine could not install ${SETUP_PACKAGES[*]}:" >&2
    echo "$out" | tail -5 >&2
    exit 1
  fi
  echo "fresh.sh: Debian would install ${SETUP_PACKAGES[*]}"
else
  echo "fresh.sh: not root (or no apt-get): the Debian install path is not checked here"
fi

tag="container-anatomy-test/busybox:fresh-$$"
cleanup() { docker image rm -f "$tag" >/dev/null 2>&1 || true; }
trap cleanup EXIT
CONTAINER_ANATOMY_TEST_IMAGE="$tag" bash test/setup/image.sh
said="$(docker run --rm --network none "$tag" sh -c 'echo imported image runs')"
if [ "$said" != "imported image runs" ]; then
  echo "fresh.sh: a container from the freshly imported $tag said: $said" >&2
  exit 1
fi
echo "fresh.sh: $tag imported from scratch and runs"

npx tsx test/host/install.ts --check
