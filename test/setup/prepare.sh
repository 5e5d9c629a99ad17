#!/usr/bin/env bash
# What both README commands need first, on a fresh Debian machine or a warm one: a Docker
# engine that answers (installed and started when root), the test image, and npm packages.
set -euo pipefail
cd "$(dirname "$0")/../.."

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "system packages"
# dockerd only when no engine answers and none is installed (Docker CE, Desktop, a remote
# DOCKER_HOST all do); lsns, setpriv and nsenter come with util-linux; ip (the second engines' bridges,
# the overlay namespaces of Swarm tasks) with iproute2.
pkgs=(util-linux iproute2)
if ! docker version --format '{{.Server.Version}}' >/dev/null 2>&1 && ! command -v dockerd >/dev/null 2>&1; then
  pkgs+=(docker.io)
fi
# Podman (rootful, with netavark) for test/integration/podman.test.ts; only root can run it.
if [ "$(id -u)" = 0 ]; then
  pkgs+=(podman netavark)
fi
bash test/setup/system.sh "${pkgs[@]}"

step "Docker engine"
bash test/setup/engine.sh
if ! docker image inspect "${CONTAINER_ANATOMY_TEST_IMAGE:-container-anatomy-test/busybox:latest}" >/dev/null 2>&1; then
  bash test/setup/system.sh busybox-static
  bash test/setup/image.sh
fi

step "npm packages"
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
