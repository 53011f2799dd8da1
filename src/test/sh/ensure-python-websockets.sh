#!/usr/bin/env bash
# Makes sure PythonDeflateIT has Debian's Python `websockets` (which offers permessage-deflate by default) for the
# system python3. The build runs this before the integration tests; it changes nothing when it is there.
set -euo pipefail

if /usr/bin/python3 -c 'import websockets' >/dev/null 2>&1; then
    exit 0
fi

WHO=ensure-python-websockets
WHY="the deflate test runs a Python websockets client"
source "$(dirname "$0")/apt-install.sh"
apt_install python3-websockets

/usr/bin/python3 -c 'import websockets' >/dev/null 2>&1 || fail "installed, but python3 cannot import websockets"
