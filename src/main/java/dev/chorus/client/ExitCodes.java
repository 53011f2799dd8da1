package dev.chorus.client;

/** The {@code chorus client} exit codes, as listed in its {@code --help} and docs/client.md. */
final class ExitCodes {

    static final int OK = 0;
    static final int OTHER = 1;
    static final int USAGE = 2;
    static final int UNREACHABLE = 3;
    static final int REJECTED = 4;
    static final int TIMEOUT = 5;

    private ExitCodes() {}

    static int of(ConnectFailure.Kind kind) {
        return switch (kind) {
            case UNREACHABLE -> UNREACHABLE;
            case REJECTED -> REJECTED;
            case TIMEOUT -> TIMEOUT;
            case TLS, OTHER -> OTHER;
        };
    }
}
