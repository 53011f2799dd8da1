/**
 * How the chat's events reach every node: {@link dev.chorus.bus.Bus} is the one interface the chat talks to.
 * Without {@code --redis} it is {@link dev.chorus.bus.LocalBus}, today's single node (an event is delivered on
 * the caller's thread, at once); with it, {@link dev.chorus.bus.RedisBus} appends every event to one Redis
 * stream that each node reads back in the same order, its own events included. {@link dev.chorus.bus.RedisAddress}
 * makes every connection, to one server or to the master that Redis Sentinel names at that moment.
 */
package dev.chorus.bus;
