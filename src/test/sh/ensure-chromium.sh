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

WHO=ensure-chromium
WHY="the browser tests need $CHROMIUM and $CHROMEDRIVER"
source "$(dirname "$0")/apt-install.sh"
apt_install chromium chromium-driver

[[ -x $CHROMIUM && -x $CHROMEDRIVER ]] || fail "installed, but $CHROMIUM or $CHROMEDRIVER is still missing"
echo "ensure-chromium: $("$CHROMIUM" --version 2>/dev/null || echo chromium), $("$CHROMEDRIVER" --version | head -n 1)"
