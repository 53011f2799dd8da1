/**
 * How Chorus writes the values people type and read on its command lines, the server's and {@code chorus client}'s
 * alike (today: durations such as {@code 500ms}, {@code 10s} or {@code PT10S}, and Redis Sentinel URIs). A leaf: it depends on nothing
 * else of Chorus, so the client can share it without depending on the server, and the settings without depending
 * on anything above them.
 */
package dev.chorus.notation;
