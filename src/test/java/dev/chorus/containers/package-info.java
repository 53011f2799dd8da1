/**
 * The chat contract and the chorus.v1 contract against the built {@code target/chorus.war} deployed by
 * Arquillian to managed Payara and WildFly (client mode: the tests talk to the deployed WAR over real sockets,
 * the chat contract with the Tyrus client, the chorus.v1 contract with the JDK's, which offers subprotocols).
 */
package dev.chorus.containers;
