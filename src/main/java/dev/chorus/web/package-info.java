/**
 * The WAR's servlet-side adapters (Payara, WildFly): what the launcher does with Grizzly handlers, the WAR
 * does here with servlet filters.
 */
package dev.chorus.web;
