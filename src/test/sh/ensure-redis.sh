#!/usr/bin/env bash
# Makes sure the scale-out tests (src/test/java/dev/chorus/bus/*IT) have Debian's redis-server: they start
# their own on a free loopback port. The build runs this before the integration tests; it changes nothing when
# redis-server is there.
set -euo pipefail

if command -v redis-server >/dev/null; then
    exit 0
fi

WHO=ensure-redis
WHY="the scale-out tests need redis-server"
source "$(dirname "$0")/apt-install.sh"
apt_install redis-server
# The package may start a system-wide server on 6379; the tests want none but their own.
if command -v service >/dev/null; then
    service redis-server stop >/dev/null 2>&1 || true
fi

command -v redis-server >/dev/null || fail "installed, but redis-server is still missing"
echo "$WHO: $(redis-server --version)"
