/**
 * The chat page ({@code webapp/}) in a real headless Chromium, driven by Selenium through Debian's own
 * {@code /usr/bin/chromedriver} against the launcher on 127.0.0.1 (the build installs both packages when they
 * are missing: {@code src/test/sh/ensure-chromium.sh}). Screenshots land in {@code target/screenshots/}.
 */
package dev.chorus.page;
