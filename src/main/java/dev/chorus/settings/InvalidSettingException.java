package dev.chorus.settings;

/** A setting's value cannot be used; the message names the setting and says why, in one line. */
public final class InvalidSettingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    InvalidSettingException(Setting setting, String value, String expected) {
        super("invalid " + setting.option() + " (" + setting.property() + ", " + setting.environmentVariable() + "): '"
                + value + "' is not " + expected);
    }
}
