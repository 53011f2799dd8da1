/**
 * The design card's annotated endpoint, {@code @ServerEndpoint("/")}: the same class serves the WAR (Payara,
 * WildFly) and the launcher. It translates container callbacks into {@link dev.chorus.chat.ChatRoom} calls
 * and does nothing else.
 */
package dev.chorus.endpoint;
