/**
 * The upgrade gate, as plain Java: {@link dev.chorus.handshake.UpgradeGate} takes a view of an HTTP request
 * ({@link dev.chorus.handshake.UpgradeRequest}) and says admit or refuse ({@link dev.chorus.handshake.Verdict}),
 * by the room's say on newcomers, RFC 6455 section 4.2.1, the Origin allow-list, trusted proxies, the room the
 * path names and the name {@code ?name=} asks for, a signed token when {@code --jwt-key} is set
 * ({@link dev.chorus.handshake.TokenCheck}), the room limit and one tally of the connection caps
 * ({@link dev.chorus.handshake.ConnectionCaps}). What it admitted reaches the chat at open as an
 * {@link dev.chorus.handshake.Introduction} ({@link dev.chorus.handshake.Introductions}: the one class here that
 * sees a WebSocket session). The launcher wraps it in a Grizzly
 * filter, the WAR in a servlet filter; each only translates, so both answer a handshake alike. Try it without a
 * server: {@code UpgradeGateTest}, {@code UpgradeGateTokenTest}, {@code UpgradeGateRoomsTest}.
 */
package dev.chorus.handshake;
