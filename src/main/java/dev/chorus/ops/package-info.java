/**
 * The operations endpoints' common ground: a plain-Java request and reply that the launcher's Grizzly
 * handlers and the WAR's servlets translate to and from, so metrics, health and admin are written once.
 */
package dev.chorus.ops;
