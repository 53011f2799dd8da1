/**
 * The Java client, on the Tyrus client, and the {@code chorus client} command built on it.
 *
 * <p>The library: {@link dev.chorus.client.ChatClient} is one connection (send text, binary and pings,
 * receive with a timeout or through a {@link dev.chorus.client.ClientListener}, close with a code and reason
 * and keep receiving until the server answers, which Tyrus's own close does not: {@link
 * dev.chorus.client.ClosingHandshake}),
 * opened with {@link dev.chorus.client.ClientOptions} (Origin, extra headers, subprotocols,
 * {@link dev.chorus.client.TlsTrust}, handshake timeout, a {@link dev.chorus.client.HandshakeObserver}).
 * {@link dev.chorus.client.ReconnectingClient} keeps one open for long-running clients, like Python's
 * {@code WebSocketApp}: callbacks, {@link dev.chorus.client.Backoff} and {@link dev.chorus.client.Pings}; when
 * a connection speaks chorus.v1, the next one resumes with {@code ?since=} ({@link dev.chorus.client.Resumption}).
 * {@link dev.chorus.client.OneShot} sends, reads a number of messages and closes, returning a
 * {@link dev.chorus.client.Transcript}; failures to connect are {@link dev.chorus.client.ConnectFailure}s of
 * one {@link dev.chorus.client.ConnectFailure.Kind} each.
 *
 * <p>The command: {@link dev.chorus.client.ClientCommand} reads the options and runs
 * {@link dev.chorus.client.OneShotSession} (the tutorial client by default) or
 * {@link dev.chorus.client.InteractiveSession}. Try it against a running server:
 * {@code java -jar target/chorus.jar client} or {@code java -jar target/chorus.jar client --interactive}.
 */
package dev.chorus.client;
