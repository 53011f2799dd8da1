/**
 * The standalone server: Tyrus on a Grizzly listener of our own (so it binds only the host it is given and
 * can later serve TLS), the page from {@code webapp/} on the same port, and the {@code chorus} command line.
 * Try it: {@code java -jar target/chorus.jar}, then open {@code http://localhost:9001/}.
 */
package dev.chorus.launcher;
