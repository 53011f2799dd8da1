package dev.chorus.bus;

/** The bus cannot be reached right now (Redis is down): nothing was done, try again later. */
public final class BusUnavailable extends Exception {

    private static final long serialVersionUID = 1L;

    public BusUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
