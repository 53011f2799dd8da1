/**
 * Operating a running room: {@link dev.chorus.admin.Controls} is the Java API (maintenance mode, disconnect
 * everyone, a message to one client, the client list); {@link dev.chorus.admin.AdminEndpoint} is its HTTP face
 * behind a bearer token. The same token guards the server publish API ({@link dev.chorus.admin.RoomsApi} over the
 * chat's {@link dev.chorus.admin.Publishing}): rooms, their members, a message from the server to a room. Off
 * unless a token is configured; on the launcher only on 127.0.0.1.
 */
package dev.chorus.admin;
