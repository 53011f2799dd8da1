#!/usr/bin/env bash
# Runs the image Jib wrote (a `docker save` tarball) without a container engine, the way an engine would: its
# layers unpacked into a root file system, its Env, User and Entrypoint as they are, in fresh network, mount and
# PID namespaces (only loopback). Then it asks /health/ready, sends one chat message with `chorus client`, reads
# the heap limit from /metrics and stops the server with SIGTERM. A manual check, not part of the build:
#   mvn -B -DskipTests package && sudo src/test/sh/run-image-tarball.sh [target/jib/chorus-scratch.tar]
# The scratch image carries no Java runtime: this adds one made with jlink from $JAVA_HOME (default: the JDK
# that runs `java`) and the C libraries it links to, at /opt/java with java on the engine's default PATH.
# Layers are unpacked in order without whiteout handling: enough for Jib's images. Needs root, unshare, chroot.
set -euo pipefail

TARBALL=$(realpath "${1:-target/jib/chorus-scratch.tar}")
JAR=$(realpath "${CHORUS_JAR:-target/chorus.jar}")
JAVA_HOME=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
WORK=$(mktemp -d /tmp/chorus-image.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
ROOT=$WORK/rootfs
mkdir -p "$ROOT" "$WORK/image"

tar -xf "$TARBALL" -C "$WORK/image"
field() { python3 -c 'import json, sys; print(eval(sys.argv[2], {"m": json.load(open(sys.argv[1]))}))' "$@"; }
CONFIG=$WORK/image/$(field "$WORK/image/manifest.json" 'm[0]["Config"]')
for layer in $(field "$WORK/image/manifest.json" '" ".join(m[0]["Layers"])'); do
    tar -xzf "$WORK/image/$layer" -C "$ROOT" 2>/dev/null
done
mapfile -t ENVIRONMENT < <(field "$CONFIG" '"\n".join(m["config"]["Env"])')
mapfile -t ENTRYPOINT < <(field "$CONFIG" '"\n".join(m["config"]["Entrypoint"])')
USER_SPEC=$(field "$CONFIG" 'm["config"]["User"]')
# What an engine sets when the image has no PATH of its own.
PATH_IN_IMAGE=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
for pair in "${ENVIRONMENT[@]}"; do [[ $pair == PATH=* ]] && PATH_IN_IMAGE=${pair#PATH=}; done

if ! PATH=$PATH_IN_IMAGE chroot "$ROOT" /bin/sh -c 'command -v java' >/dev/null 2>&1; then
    echo "The image has no Java runtime: adding one made with jlink from $JAVA_HOME"
    "$JAVA_HOME/bin/jlink" --add-modules java.base,java.desktop,java.logging,java.management,java.naming,java.net.http,java.sql,jdk.crypto.ec,jdk.management,jdk.unsupported \
        --no-header-files --no-man-pages --strip-debug --output "$ROOT/opt/java"
    for lib in $(ldd "$ROOT/opt/java/bin/java" "$ROOT"/opt/java/lib/server/libjvm.so "$ROOT"/opt/java/lib/*.so \
            | grep -oE '=> /[^ ]+|^\s*/lib[^ ]+' | sed 's/^=> //; s/^\s*//' | sort -u) \
            /lib/x86_64-linux-gnu/libdl.so.2 /lib/x86_64-linux-gnu/libpthread.so.0 /lib/x86_64-linux-gnu/librt.so.1; do
        [ -e "$lib" ] || continue
        mkdir -p "$ROOT$(dirname "$lib")"
        cp -L "$lib" "$ROOT$lib"
    done
    mkdir -p "$ROOT/usr/local/bin" "$ROOT/tmp"
    chmod 1777 "$ROOT/tmp"
    ln -s /opt/java/bin/java "$ROOT/usr/local/bin/java"
fi
mkdir -p "$ROOT/proc"

echo "Env:        ${ENVIRONMENT[*]}"
echo "User:       $USER_SPEC"
echo "Entrypoint: ${ENTRYPOINT[*]}"
export ROOT JAR USER_SPEC PATH_IN_IMAGE LOG=$WORK/server.log
unshare --net --mount --pid --fork --mount-proc bash -c '
    set -euo pipefail
    environment=()
    while [ "$1" != -- ]; do environment+=("$1"); shift; done
    shift
    ip link set lo up
    mount -t proc proc "$ROOT/proc"
    env -i PATH="$PATH_IN_IMAGE" "${environment[@]}" chroot --userspec="$USER_SPEC" --groups= "$ROOT" "$@" \
        >"$LOG" 2>&1 &
    server=$!
    for _ in $(seq 1 120); do
        curl -fs -o /dev/null http://127.0.0.1:9090/health/ready && break
        kill -0 $server 2>/dev/null || break
        sleep 0.5
    done
    echo "ready:      $(curl -s http://127.0.0.1:9090/health/ready || echo "no answer")"
    echo "listening:  $(ss -ltn | awk "NR > 1 { print \$4 }" | tr "\n" " ")"
    echo "process:    $(ps -o uid=,gid=,args= -p "$(pgrep -f "^java -jar" | head -1)")"
    echo "client:     $(timeout 60 java -jar "$JAR" client --timeout=10s ws://127.0.0.1:9001/ 2>&1; echo " (exit $?)")"
    echo "max heap:   $(curl -s http://127.0.0.1:9090/metrics | grep "^jvm_memory_max_bytes{area=\"heap\",id=\"G1 Old Gen\"}")"
    kill -TERM $server
    wait $server && status=0 || status=$?
    echo "stopped:    exit $status"
    echo "log:"; sed "s/^/  /" "$LOG"
' run-image "${ENVIRONMENT[@]}" -- "${ENTRYPOINT[@]}"
