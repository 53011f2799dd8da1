/**
 * The upgrade gate, as plain Java: {@link dev.chorus.handshake.UpgradeGate} takes a view of an HTTP request
 * ({@link dev.chorus.handshake.UpgradeRequest}) and says admit or refuse ({@link dev.chorus.handshake.Verdict}),
 * by the room's say on newcomers, RFC 6455 section 4.2.1, the Origin allow-list, trusted proxies, a signed token
 * when {@code --jwt-key} is set ({@link dev.chorus.handshake.TokenCheck}) and one tally
 * of the connection caps ({@link dev.chorus.handshake.ConnectionCaps}). The launcher wraps it in a Grizzly
 * filter, the WAR in a servlet filter; each only translates, so both answer a handshake alike. Try it without a
 * server: {@code UpgradeGateTest}, {@code UpgradeGateTokenTest}.
 */
package dev.chorus.handshake;
