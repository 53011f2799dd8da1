/**
 * The rules an HTTP upgrade request must pass before it becomes a WebSocket (RFC 6455 section 4.2.1, the
 * Origin allow-list, the connection cap), as plain Java. The launcher applies them in a Grizzly filter, the
 * WAR in a servlet filter, so both answer a bad handshake with the same HTTP status.
 */
package dev.chorus.handshake;
