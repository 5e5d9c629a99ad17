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
  local failing
  failing=$(count failing "$log")
  # A suite that dies before its runner prints counts (a VM that never booted) is a failure
  # too: the closing line must not say "0 failed" then.
  if [ "$rc" != 0 ] && [ "$failing" = 0 ]; then failing=1; fi
  passed=$((passed + $(count passing "$log")))
  failed=$((failed + failing))
  skipped=$((skipped + $(count pending "$log")))
  rm -f "$log"
  if [ "$rc" != 0 ]; then
    echo "$* exited with $rc" >>"$results"
  fi
}

bash test/setup/prepare.sh

step "fresh-machine paths, taken again on this machine"
bash test/setup/fresh.sh

step "build, lint, type-check"
npm run build
npm run lint
npm run typecheck

step "unit tests"
suite npx mocha 'test/unit/**/*.test.ts'

step "engine tests"
suite npx mocha --timeout 120000 'test/integration/**/*.test.ts'

if [ "${CONTAINER_ANATOMY_SKIP_VM:-}" != 1 ]; then
  step "VM engine tests (cgroup v2 + systemd in qemu, over TLS and SSH)"
  suite bash test/vm/run.sh npx mocha --timeout 600000 'test/vm/**/*.test.ts'
fi

if [ "${CONTAINER_ANATOMY_SKIP_HOST:-}" != 1 ]; then
  step "VS Code host tests"
  suite npm run test:host
fi

step "benchmark smoke run (N=3)"
if ! npm run bench -- --quick; then
  echo "npm run bench -- --quick failed" >>"$results"
fi

step "summary"
cat "$results"
echo "tests: $passed passed, $failed failed, $skipped skipped"
[ ! -s "$results" ] && [ "$failed" = 0 ]
