/**
 * The room's life as an operator sees it: whether new clients may join
 * ({@link dev.chorus.lifecycle.Admission}: maintenance mode, draining) and the graceful end at shutdown
 * ({@link dev.chorus.lifecycle.Drain}: queued messages go out, then every client gets 1001).
 */
package dev.chorus.lifecycle;
