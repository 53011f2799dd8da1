/**
 * Broadcasting to every connected session without ever waiting on one of them: the design card's static
 * session set ({@link dev.chorus.broadcast.Audience}), a message encoded once per broadcast
 * ({@link dev.chorus.broadcast.Outgoing}) and a per-session queue with one send in flight
 * ({@link dev.chorus.broadcast.Outbox}). Only portable {@code jakarta.websocket} types are used, so the
 * same code runs on Tyrus (Payara, the launcher) and Undertow (WildFly).
 */
package dev.chorus.broadcast;
