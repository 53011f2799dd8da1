/**
 * The Java client, built on the Tyrus client: {@link dev.chorus.client.ChatClient} is the library (connect,
 * send, receive with a timeout, close) used by the {@code chorus client} command and by the tests.
 * Try it: {@code java -jar target/chorus.jar client} against a running server.
 */
package dev.chorus.client;
