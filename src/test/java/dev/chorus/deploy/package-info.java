/**
 * The files under {@code deploy/} (the systemd unit, the Kubernetes manifest) checked as they are shipped: that
 * the tools accept them, and that what they promise (ports, health paths, how long a stop may take) matches
 * Chorus. The nginx site has a test of its own that runs it: {@code dev.chorus.proxy.NginxProxyIT}.
 */
package dev.chorus.deploy;
