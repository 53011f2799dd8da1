/**
 * The WebSocket protocol facts Chorus answers with: close codes and their short reason phrases, kept in
 * one place so every deployment says the same thing; and the plain facts about text that go with them
 * (its UTF-8 length, how to show it safely).
 */
package dev.chorus.protocol;
