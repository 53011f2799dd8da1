#!/usr/bin/env bash
# Makes sure the browser tests (src/test/java/dev/chorus/page/*IT) have Debian's Chromium and its
# chromedriver. The build runs this before the integration tests; it changes nothing when both are there.
# The tests use these system binaries so that nothing is downloaded at test time (no Selenium Manager).
set -euo pipefail

CHROMIUM=/usr/bin/chromium
CHROMEDRIVER=/usr/bin/chromedriver

if [[ -x $CHROMIUM && -x $CHROMEDRIVER ]]; then
    exit 0
fi

fail() {
    echo "ensure-chromium: $*" >&2
    echo "ensure-chromium: the browser tests need $CHROMIUM and $CHROMEDRIVER; install them with" >&2
    echo "ensure-chromium:     apt-get update && apt-get install -y chromium chromium-driver" >&2
    exit 1
}

[[ $(id -u) -eq 0 ]] || fail "not root, so cannot install the missing Chromium packages"
command -v apt-get >/dev/null || fail "no apt-get here (not Debian?), so cannot install Chromium"

echo "ensure-chromium: $CHROMIUM or $CHROMEDRIVER is missing; installing chromium and chromium-driver"
export DEBIAN_FRONTEND=noninteractive
# Another apt run on the same machine holds the dpkg lock for a while: wait for it rather than fail.
apt-get -o DPkg::Lock::Timeout=600 update -q || fail "apt-get update failed"
apt-get -o DPkg::Lock::Timeout=600 install -y -q chromium chromium-driver || fail "apt-get install failed"

[[ -x $CHROMIUM && -x $CHROMEDRIVER ]] || fail "installed, but $CHROMIUM or $CHROMEDRIVER is still missing"
echo "ensure-chromium: $("$CHROMIUM" --version 2>/dev/null || echo chromium), $("$CHROMEDRIVER" --version | head -n 1)"
