/**
 * The opt-in {@code chorus.v1} subprotocol: every server message is a small JSON object with a {@code type}
 * (and, for said-messages, a {@code seq}), client text is a JSON command, and a client that reconnects with
 * {@code ?since=SEQ} gets what it missed from the room's {@code dev.chorus.chat.History}. Clients that do not offer
 * the subprotocol never see any of it. docs/protocol.md ("The chorus.v1 protocol") is the format's
 * reference; this package only renders and parses it, {@code dev.chorus.chat.Timeline} decides what is sent
 * when. It depends on nothing of the server's (only on {@code dev.chorus.protocol}), so the client shares it.
 */
package dev.chorus.v1;
