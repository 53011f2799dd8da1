package dev.chorus.handshake;

/**
 * Who sent an upgrade request, as far as this server can tell: the client's address, and the scheme and host
 * it asked for. Behind a trusted proxy these come from the forwarding headers; otherwise from the connection.
 *
 * @param address the client's IP address, as {@link RemoteHost} spells it (the per-address cap, the log)
 * @param secure whether the client used TLS (https/wss), for the server's own origin
 * @param host the host (and port) the client asked for, or null if it named none
 */
public record Requester(String address, boolean secure, String host) {}
