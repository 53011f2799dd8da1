/**
 * A real heartbeat: the server pings every client on an interval and closes one whose pong does not come
 * back in time (Tyrus's own "heartbeat" only sends unsolicited pongs and never notices a dead peer).
 */
package dev.chorus.heartbeat;
