/**
 * How the chat's events reach every node: {@link dev.chorus.bus.Bus} is the one interface the chat talks to.
 * Without {@code --redis} it is {@link dev.chorus.bus.LocalBus}, today's single node (an event is delivered on
 * the caller's thread, at once); with it, {@link dev.chorus.bus.RedisBus} appends every event to one Redis
 * stream that each node reads back in the same order, its own events included. {@link dev.chorus.bus.RedisAddress}
 * makes every connection, to one server or to the master that Redis Sentinel names at that moment. With Redis, only the bus's own
 * threads wait on the network: the publisher (which pipelines this node's events from a bounded queue) and the
 * reader (which restarts after any failure).
 */
package dev.chorus.bus;
