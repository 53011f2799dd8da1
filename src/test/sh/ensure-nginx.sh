#!/usr/bin/env bash
# Makes sure the proxy test (src/test/java/dev/chorus/proxy/NginxProxyIT) has Debian's nginx: it runs its own, as
# a child process on free loopback ports, configured from deploy/nginx/. The build runs this before the
# integration tests; it changes nothing when nginx is there.
set -euo pipefail

NGINX=/usr/sbin/nginx

if [[ -x $NGINX ]]; then
    exit 0
fi

WHO=ensure-nginx
WHY="the proxy test needs $NGINX"
source "$(dirname "$0")/apt-install.sh"
apt_install nginx
# The package starts a system-wide nginx on port 80; the test wants none but its own.
if command -v service >/dev/null; then
    service nginx stop >/dev/null 2>&1 || true
fi

[[ -x $NGINX ]] || fail "installed, but $NGINX is still missing"
echo "$WHO: $("$NGINX" -v 2>&1)"
