/**
 * The names clients choose and see: rooms ({@link dev.chorus.naming.RoomName}) and, later, display names. A leaf:
 * it depends on nothing else of Chorus, so the handshake, the chat and the admin API share one reading of a name.
 */
package dev.chorus.naming;
