/**
 * The chat contract against the built {@code target/chorus.war} deployed by Arquillian to managed Payara and
 * WildFly (client mode: the tests talk to the deployed WAR over real sockets with the Tyrus client).
 */
package dev.chorus.containers;
