#!/usr/bin/env bash
# Boots the test VM (Debian bookworm, cgroup v2, systemd cgroup driver, Docker 20.10) under
# qemu's software emulation, runs a command while it is up, and always shuts it down.
#
#   bash test/vm/run.sh COMMAND...
#
# The engine answers on 127.0.0.1 over TCP with TLS (certificates made here with openssl) and
# over SSH (a key, a host key and a known_hosts made here). COMMAND finds the endpoints in the
# JSON file named by $CONTAINER_ANATOMY_VM. One boot per call; the disk is a throw-away
# overlay on the cached image (test/vm/build.sh).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"

skip() {
  echo "VM suite skipped: $*"
  echo "  0 passing"
  echo "  1 pending"
  exit 0
}

if [ "$(id -u)" = 0 ]; then
  bash "$repo/test/setup/system.sh" qemu-system-x86 qemu-utils mmdebstrap openssl openssh-client
fi
command -v qemu-system-x86_64 >/dev/null || skip "qemu-system-x86_64 is not installed (as root: apt-get install qemu-system-x86 qemu-utils mmdebstrap)"
if [ "$(id -u)" != 0 ] && ! bash "$here/build.sh" >/dev/null 2>&1; then
  skip "the VM image is not built yet and building it needs root (as root: npm test)"
fi
if ! image="$(bash "$here/build.sh")" || [ ! -s "$image/rootfs.qcow2" ]; then
  echo "run.sh: the VM image could not be built (see above); build.sh answered: '$image'" >&2
  exit 1
fi

state="$(mktemp -d "${TMPDIR:-/tmp}/container-anatomy-vm.XXXXXX")"
qemu_pid=
cleanup() {
  local rc=$?
  if [ -n "${home:-}" ] && [ -S "$home/ssh-root" ]; then vm_ssh -O exit 2>/dev/null || true; fi
  if [ -n "$qemu_pid" ] && kill -0 "$qemu_pid" 2>/dev/null; then
    kill "$qemu_pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$qemu_pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$qemu_pid" 2>/dev/null || true
  fi
  if [ "$rc" != 0 ] && [ -s "$state/console.log" ]; then
    echo "run.sh: last lines of the VM console:" >&2
    tail -30 "$state/console.log" >&2
  fi
  rm -rf "$state"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() { node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }
tls_port="$(free_port)"
ssh_port="$(free_port)"

# TLS: a CA, a server certificate for 127.0.0.1 (where the forwarded port is reached), a client one.
tls="$state/tls" certs="$state/docker-certs"
mkdir -p "$tls" "$certs"
openssl_quiet() { openssl "$@" 2>/dev/null; }
openssl_quiet req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 -subj /CN=anatomy-test-ca \
  -keyout "$tls/ca-key.pem" -out "$tls/ca.pem"
cert() { # name subject extensions
  openssl_quiet req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj "$2" -keyout "$tls/$1-key.pem" -out "$tls/$1.csr"
  printf '%s\n' "$3" >"$tls/$1.ext"
  openssl_quiet x509 -req -in "$tls/$1.csr" -CA "$tls/ca.pem" -CAkey "$tls/ca-key.pem" -CAcreateserial -days 2 \
    -extfile "$tls/$1.ext" -out "$tls/$1.pem"
}
cert server /CN=127.0.0.1 $'subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth'
cert client /CN=anatomy-client 'extendedKeyUsage=clientAuth'
cp "$tls/ca.pem" "$certs/ca.pem"
cp "$tls/client.pem" "$certs/cert.pem"
cp "$tls/client-key.pem" "$certs/key.pem"

# SSH: the VM's host key and the client's key, both made for this boot; the client's home
# holds the key and a known_hosts that names the VM's key for [127.0.0.1]:port.
home="$state/home"
mkdir -p "$home/.ssh"
chmod 700 "$home/.ssh"
ssh-keygen -q -t ed25519 -N '' -C anatomy-vm-host -f "$state/ssh_host_key"
ssh-keygen -q -t ed25519 -N '' -C anatomy-client -f "$home/.ssh/id_ed25519"
echo "[127.0.0.1]:$ssh_port $(cut -d' ' -f1-2 "$state/ssh_host_key.pub")" >"$home/.ssh/known_hosts"

qemu-img create -q -f qcow2 -F qcow2 -b "$image/rootfs.qcow2" "$state/overlay.qcow2"
fw() { printf -- '-fw_cfg name=opt/anatomy/%s,file=%s ' "$1" "$2"; }
started=$SECONDS
# restrict=on: the guest reaches nothing outside; only the two forwarded ports come in.
# shellcheck disable=SC2046
qemu-system-x86_64 -machine pc,accel=tcg -cpu max -smp 1 -m 2048 -nodefaults -no-user-config \
  -display none -serial "file:$state/console.log" -no-reboot \
  -kernel "$image/vmlinuz" -initrd "$image/initrd.img" \
  -append "root=/dev/vda rw console=ttyS0 systemd.unified_cgroup_hierarchy=1 apparmor=0 mitigations=off no_timer_check quiet" \
  -drive "file=$state/overlay.qcow2,if=virtio,format=qcow2" \
  -netdev "user,id=net0,restrict=on,hostfwd=tcp:127.0.0.1:$tls_port-:2376,hostfwd=tcp:127.0.0.1:$ssh_port-:22" \
  -device virtio-net-pci,netdev=net0 \
  $(fw ssh_host_key "$state/ssh_host_key") $(fw ssh_host_key.pub "$state/ssh_host_key.pub") \
  $(fw authorized_keys "$home/.ssh/id_ed25519.pub") \
  $(fw tls_ca "$tls/ca.pem") $(fw tls_cert "$tls/server.pem") $(fw tls_key "$tls/server-key.pem") \
  $(fw image_sh "$repo/test/setup/image.sh") \
  >"$state/qemu.log" 2>&1 &
qemu_pid=$!

vm_ssh() {
  ssh -q -i "$home/.ssh/id_ed25519" -o UserKnownHostsFile="$home/.ssh/known_hosts" -o StrictHostKeyChecking=yes \
    -o BatchMode=yes -o ConnectTimeout=20 -o ControlPath="$home/ssh-%r" -p "$ssh_port" root@127.0.0.1 "$@"
}
engine_answers() {
  DOCKER_HOST="tcp://127.0.0.1:$tls_port" DOCKER_TLS_VERIFY=1 DOCKER_CERT_PATH="$certs" \
    docker image inspect --format '{{.Id}}' container-anatomy-test/busybox:latest >/dev/null 2>&1
}
deadline=$((SECONDS + ${CONTAINER_ANATOMY_VM_BOOT_TIMEOUT:-600}))
wait_for() { # what, command...
  local what="$1"
  shift
  until "$@"; do
    kill -0 "$qemu_pid" 2>/dev/null || { echo "run.sh: qemu exited:" >&2; cat "$state/qemu.log" >&2; exit 1; }
    if [ $SECONDS -ge $deadline ]; then
      echo "run.sh: $what did not happen within ${CONTAINER_ANATOMY_VM_BOOT_TIMEOUT:-600} s of boot" >&2
      vm_ssh 'systemctl --failed --no-legend; journalctl -b --no-pager -n 40 -u anatomy-config -u docker -u anatomy-image' >&2 || true
      exit 1
    fi
    sleep 2
  done
}
wait_for "SSH as root with the test key and known_hosts" vm_ssh true
wait_for "the engine answering over TLS with the test image" engine_answers
echo "run.sh: VM engine answering over TLS and SSH after $((SECONDS - started)) s (image $(basename "$image"))"

cat >"$state/vm.json" <<JSON
{
  "tls": { "host": "tcp://127.0.0.1:$tls_port", "certPath": "$certs" },
  "ssh": { "host": "ssh://anatomy@127.0.0.1:$ssh_port", "port": $ssh_port, "home": "$home" },
  "console": "$state/console.log"
}
JSON
set +e
CONTAINER_ANATOMY_VM="$state/vm.json" "$@"
rc=$?
set -e
exit "$rc"
