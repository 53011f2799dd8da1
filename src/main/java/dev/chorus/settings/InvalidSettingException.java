package dev.chorus.settings;

/** A setting's value cannot be used; the message names the setting and says why, in one line. */
public final class InvalidSettingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private InvalidSettingException(String message) {
        super(message);
    }

    InvalidSettingException(Setting setting, String value, String expected) {
        this(named(setting) + ": '" + value + "' is not " + expected);
    }

    /** The setting's value was well-formed but unusable, e.g. a keystore file that does not open. */
    public static InvalidSettingException because(Setting setting, String why) {
        return new InvalidSettingException(named(setting) + ": " + why);
    }

    private static String named(Setting setting) {
        return "invalid " + setting.option() + " (" + setting.property() + ", " + setting.environmentVariable() + ")";
    }
}
