/**
 * One connection and the room's set of them: {@link dev.chorus.connection.Connection} is everything Chorus
 * keeps about one client, under one key in its session, and {@link dev.chorus.connection.Audience} is the set of
 * connections a broadcast reaches (the design card's concurrent session set, one per room).
 */
package dev.chorus.connection;
