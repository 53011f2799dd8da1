/** Checks that keep the README and the pages under {@code docs/} true to the code and to each other. */
package dev.chorus.docs;
