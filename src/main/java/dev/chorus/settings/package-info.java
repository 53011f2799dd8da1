/**
 * Chorus's settings: one catalogue ({@link dev.chorus.settings.Setting}), one typed record
 * ({@link dev.chorus.settings.Settings}) built in one place. Each setting is read from the command line,
 * then the system property {@code chorus.NAME}, then the environment variable {@code CHORUS_NAME}, then its
 * default; a bad value stops startup with a message naming the setting.
 *
 * <p>The bottom layer: the typed values other packages are configured with (outbox and inbound limits, the
 * handshake's origins, caps and trusted proxies) live here, and this package depends on no other Chorus package.
 */
package dev.chorus.settings;
