/**
 * The chat itself, exactly as the tutorial behaves: ids in join order, the greeting, the
 * {@code Client(N) said: X} lines and the server log lines. Plain Java over the portable WebSocket API.
 */
package dev.chorus.chat;
