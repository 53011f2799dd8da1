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
    # Another apt run on the same machine holds the dpkg lock for a while: wait for it rather than fail. A mirror
    # can fail a download for a moment (a timeout, a hash sum mismatch while it syncs): apt retries each
    # download, and the whole update-and-install is tried again after a pause before the build gives up.
    local apt=(apt-get -q -o DPkg::Lock::Timeout=600 -o Acquire::Retries=5)
    "${apt[@]}" install -y "$@" && return 0
    local attempt
    for attempt in 1 2 3; do
        if "${apt[@]}" update && "${apt[@]}" install -y "$@"; then
            return 0
        fi
        echo "$WHO: apt-get failed (attempt $attempt of 3)" >&2
        [[ $attempt -lt 3 ]] && sleep $((attempt * 15))
    done
    fail "apt-get update and install failed three times"
}
