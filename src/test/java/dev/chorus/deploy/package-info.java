/**
 * The files under {@code deploy/} (the systemd unit, the Kubernetes manifest) checked as they are shipped: that
 * the tools accept them, and that what they promise (ports, health paths, how long a stop may take) matches
 * Chorus. The image Jib writes at package is held to the Dockerfile by {@code ContainerTarballIT}, which reads the
 * tarball's configuration. The nginx site has a test of its own that runs it: {@code dev.chorus.proxy.NginxProxyIT}.
 */
package dev.chorus.deploy;
