/**
 * Chorus's own limits on what a client may send, enforced in plain Java so the same input gets the same
 * close code on the launcher, Payara and WildFly: message size, fragments per message, message rate, byte rate.
 */
package dev.chorus.limits;
