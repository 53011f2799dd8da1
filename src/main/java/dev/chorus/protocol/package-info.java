/**
 * The WebSocket protocol facts Chorus answers with: close codes and their short reason phrases, kept in
 * one place so every deployment says the same thing.
 */
package dev.chorus.protocol;
