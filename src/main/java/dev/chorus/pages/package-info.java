/**
 * Where the chat page is served besides the application root: which request path gets which of the page's files
 * ({@code webapp/}), a redirect or a 404. Plain Java, so the launcher's Grizzly handler and the WAR's filter read
 * a path the same way.
 */
package dev.chorus.pages;
