#!/usr/bin/env bash
# The whole test run, from a fresh Debian machine: system packages, the Docker engine, the
# test image, npm packages, build, lint, type-check, then unit, engine and VS Code tests.
# As root it installs what is missing; as another user it needs Docker already running.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

# Every suite's counts, added up for one closing line.
passed=0 failed=0 skipped=0
results="$(mktemp)"
trap 'rm -f "$results"' EXIT
count() { awk -v w="$1" '$2 == w && $1 ~ /^[0-9]+$/ { n += $1 } END { print n + 0 }' "$2"; }
suite() {
  local log rc=0
  log="$(mktemp)"
  set +e
  "$@" 2>&1 | tee "$log"
  rc=${PIPESTATUS[0]}
  set -e
  passed=$((passed + $(count passing "$log")))
  failed=$((failed + $(count failing "$log")))
  skipped=$((skipped + $(count pending "$log")))
  rm -f "$log"
  if [ "$rc" != 0 ]; then
    echo "$* exited with $rc" >>"$results"
  fi
}

step "system packages"
# dockerd only when no engine answers and none is installed (Docker CE, Desktop, a remote
# DOCKER_HOST all do); lsns and setpriv come with util-linux.
pkgs=(util-linux)
if ! docker version --format '{{.Server.Version}}' >/dev/null 2>&1 && ! command -v dockerd >/dev/null 2>&1; then
  pkgs+=(docker.io)
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

step "build, lint, type-check"
npm run build
npm run lint
npm run typecheck

step "unit tests"
suite npx mocha 'test/unit/**/*.test.ts'

step "engine tests"
suite npx mocha --timeout 120000 'test/integration/**/*.test.ts'

if [ "${CONTAINER_ANATOMY_SKIP_HOST:-}" != 1 ]; then
  step "VS Code host tests"
  suite npm run test:host
fi

step "summary"
cat "$results"
echo "tests: $passed passed, $failed failed, $skipped skipped"
[ ! -s "$results" ] && [ "$failed" = 0 ]
