# Sourced by the ensure-*.sh scripts: installs Debian packages with apt-get (as root), or fails saying why and
# what to run by hand. The package lists are refreshed only if the install fails without doing so.
#   WHO=ensure-x WHY="the x tests need y" apt_install PACKAGE...

fail() {
    echo "$WHO: $*" >&2
    echo "$WHO: $WHY; install them with" >&2
    echo "$WHO:     apt-get update && apt-get install -y $PACKAGES" >&2
    exit 1
}

apt_install() {
    PACKAGES="$*"
    [[ $(id -u) -eq 0 ]] || fail "not root, so cannot install $PACKAGES"
    command -v apt-get >/dev/null || fail "no apt-get here (not Debian?), so cannot install $PACKAGES"
    echo "$WHO: installing $PACKAGES"
    export DEBIAN_FRONTEND=noninteractive
    # Another apt run on the same machine holds the dpkg lock for a while: wait for it rather than fail.
    if ! apt-get -o DPkg::Lock::Timeout=600 install -y -q "$@"; then
        apt-get -o DPkg::Lock::Timeout=600 update -q || fail "apt-get update failed"
        apt-get -o DPkg::Lock::Timeout=600 install -y -q "$@" || fail "apt-get install failed"
    fi
}
