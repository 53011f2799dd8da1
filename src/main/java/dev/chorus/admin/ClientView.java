package dev.chorus.admin;

import java.time.Instant;
import java.util.Optional;

/**
 * One connected client as an operator sees it.
 *
 * @param id the chat id, as in {@code Client(3)}
 * @param remoteAddress where it connects from, if the container says
 * @param connectedSince when it joined
 * @param queuedBytes bytes waiting in its outbox (a slow reader shows here)
 * @param messagesIn messages it has sent
 * @param messagesOut messages written to it
 */
public record ClientView(
        long id,
        Optional<String> remoteAddress,
        Instant connectedSince,
        long queuedBytes,
        long messagesIn,
        long messagesOut) {}
