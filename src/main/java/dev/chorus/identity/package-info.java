/**
 * Verified identity from a signed token (the {@code jwt-key} setting): which keys sign tokens ({@link TokenKey}),
 * checking one token's signature and claims ({@link TokenVerifier}), and what a valid token says ({@link
 * Identity}). Plain Java and nimbus-jose-jwt; the handshake decides where a token comes from and what a refusal
 * answers.
 */
package dev.chorus.identity;
