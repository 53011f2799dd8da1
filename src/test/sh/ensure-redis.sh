#!/usr/bin/env bash
# Makes sure the scale-out tests (src/test/java/dev/chorus/bus/*IT) have Debian's redis-server: they start
# their own on a free loopback port. The build runs this before the integration tests; it changes nothing when
# redis-server is there. Only the binary is wanted: the service Debian would start is stopped again.
set -euo pipefail

if command -v redis-server >/dev/null; then
    exit 0
fi

fail() {
    echo "ensure-redis: $*" >&2
    echo "ensure-redis: the scale-out tests need redis-server; install it with" >&2
    echo "ensure-redis:     apt-get update && apt-get install -y redis-server" >&2
    exit 1
}

[[ $(id -u) -eq 0 ]] || fail "not root, so cannot install redis-server"
command -v apt-get >/dev/null || fail "no apt-get here (not Debian?), so cannot install redis-server"

echo "ensure-redis: redis-server is missing; installing it"
export DEBIAN_FRONTEND=noninteractive
# Another apt run on the same machine holds the dpkg lock for a while: wait for it rather than fail.
install() {
    apt-get -o DPkg::Lock::Timeout=600 install -y -q --no-install-recommends redis-server
}
# Try the package lists already here first; refresh them only if that fails.
if ! install; then
    apt-get -o DPkg::Lock::Timeout=600 update -q || fail "apt-get update failed"
    install || fail "apt-get install failed"
fi
# The package may start a system-wide server on 6379; the tests want none but their own.
if command -v service >/dev/null; then
    service redis-server stop >/dev/null 2>&1 || true
fi

command -v redis-server >/dev/null || fail "installed, but redis-server is still missing"
echo "ensure-redis: $(redis-server --version)"
