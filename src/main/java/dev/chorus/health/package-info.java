/**
 * Liveness and readiness over HTTP ({@code PATH/live}, {@code PATH/ready}), for service managers and load
 * balancers: readiness turns 503 in maintenance mode and while the server drains for shutdown.
 */
package dev.chorus.health;
