/**
 * Chorus behind Debian's real {@code nginx}, configured from {@code deploy/nginx/} as it is shipped: the test
 * runs nginx as a child process on free loopback ports in front of a launcher in the test JVM (the build installs
 * the package when it is missing: {@code src/test/sh/ensure-nginx.sh}).
 */
package dev.chorus.proxy;
