#!/usr/bin/env bash
# Makes sure a Docker engine answers: installs docker.io when root and it is missing,
# starts dockerd when none runs, and waits for it.
set -euo pipefail
log="${TMPDIR:-/tmp}/container-anatomy-dockerd.log"

answers() { docker version --format '{{.Server.Version}}' >/dev/null 2>&1; }

if command -v docker >/dev/null 2>&1 && answers; then
  exit 0
fi
if [ "$(id -u)" != 0 ]; then
  echo "engine.sh: no Docker engine answers and this is not root; start dockerd (sudo systemctl start docker) and run again" >&2
  exit 1
fi
if ! command -v dockerd >/dev/null 2>&1; then
  echo "engine.sh: dockerd is missing; it should have been installed by test/setup/system.sh" >&2
  exit 1
fi
if command -v systemctl >/dev/null 2>&1 && [ -d /run/systemd/system ]; then
  systemctl start docker || true
fi
if ! answers; then
  echo "engine.sh: starting dockerd (log: $log)"
  # From /: the engine outlives this checkout, and must not hold its folder as its own.
  (cd / && nohup dockerd >"$log" 2>&1 </dev/null &)
fi
for _ in $(seq 1 60); do
  answers && exit 0
  sleep 0.5
done
echo "engine.sh: dockerd did not answer within 30 s; last lines of $log:" >&2
tail -20 "$log" >&2 || true
exit 1
