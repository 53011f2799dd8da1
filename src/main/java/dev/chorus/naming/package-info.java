/**
 * The names clients choose and see: rooms ({@link dev.chorus.naming.RoomName}) and display names
 * ({@link dev.chorus.naming.DisplayName}, with the {@code alice#2} rule that keeps them unique in a room). A leaf:
 * it depends on nothing else of Chorus, so the handshake, the chat and the admin API share one reading of a name.
 */
package dev.chorus.naming;
