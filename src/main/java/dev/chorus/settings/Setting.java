package dev.chorus.settings;

import java.util.Locale;

/** Every setting Chorus reads, with its default. docs/configuration.md lists exactly these (DocsTest checks). */
public enum Setting {
    HOST("host", "127.0.0.1", "Address the launcher binds (only this one)."),
    PORT("port", "9001", "TCP port of the launcher; 0 picks a free port and logs it."),
    OUTBOX_BYTES("outbox-bytes", "1048576", "Bytes queued for one client before it is closed as a slow consumer."),
    OUTBOX_MESSAGES(
            "outbox-messages", "4096", "Messages queued for one client before it is closed as a slow consumer."),
    WRITE_TIMEOUT(
            "write-timeout",
            "10s",
            "How long one send to a client may take (it is not reading) before it is closed as a slow consumer."),
    CLOSE_TIMEOUT(
            "close-timeout",
            "3s",
            "How long a connection the server closes may take to finish its close (the client may not be reading)"
                    + " before its TCP connection is dropped (launcher, WildFly)."),
    PING_INTERVAL("ping-interval", "25s", "How often the server pings each client."),
    PONG_TIMEOUT("pong-timeout", "10s", "How long a client may take to answer a ping before it is closed (1001)."),
    MAX_MESSAGE_BYTES(
            "max-message-bytes", "65536", "Largest message a client may send (text as UTF-8, or binary); 1009 above."),
    MAX_FRAGMENTS("max-fragments", "1024", "Most frames one client message may be split into; 1009 above."),
    MESSAGE_RATE("message-rate", "50", "Messages per second one client may send on average; 0 = no limit; 1008 above."),
    MESSAGE_BURST("message-burst", "100", "Messages one client may send at once before --message-rate applies."),
    BYTE_RATE(
            "byte-rate",
            "262144",
            "Bytes per second one client may send on average (text as UTF-8); 0 = no limit; 1008 above."),
    BYTE_BURST(
            "byte-burst",
            "1048576",
            "Bytes one client may send at once before --byte-rate applies (never less than --max-message-bytes)."),
    ALLOWED_ORIGINS(
            "allowed-origins",
            "",
            "Comma-separated browser origins allowed to connect (scheme://host:port, :* for any port, * for all);"
                    + " empty: the server's own origin and localhost."),
    REQUIRE_ORIGIN(
            "require-origin",
            "false",
            "true: refuse (403) upgrades without an Origin header, i.e. non-browser clients such as the tutorial's."),
    TRUSTED_PROXIES(
            "trusted-proxies",
            "",
            "Comma-separated reverse-proxy addresses and CIDRs (launcher) whose Forwarded / X-Forwarded-For, -Proto"
                    + " and -Host headers name the client, its scheme and host; empty: such headers are ignored."),
    JWT_KEY(
            "jwt-key",
            "",
            "Key for the JWT every upgrade must carry (?token= or Authorization: Bearer; 401/403 otherwise): an HMAC"
                    + " secret of 32+ bytes, or file:PATH of a PEM public key or JWKS (RS256, ES256); empty: no token."),
    MAX_CONNECTIONS("max-connections", "10000", "Open connections the server accepts in all; 503 above."),
    MAX_CONNECTIONS_PER_ADDRESS(
            "max-connections-per-address", "100", "Open connections one remote address may hold; 503 above."),
    HANDSHAKE_TIMEOUT(
            "handshake-timeout", "10s", "How long a connection may take to send its request (launcher); then dropped."),
    KEYSTORE(
            "keystore", "", "PKCS12 keystore with the launcher's TLS key and certificate; serves wss:// and https://."),
    KEYSTORE_PASSWORD("keystore-password", "", "Password of --keystore (and of its key)."),
    CERT("cert", "", "PEM certificate chain for TLS (with --key), instead of --keystore."),
    KEY("key", "", "PEM private key (PKCS#8, unencrypted) matching --cert."),
    PLAIN_PORT("plain-port", "", "With TLS on: also serve plain ws:// and http:// on this port (0 = a free one)."),
    DRAIN_TIMEOUT(
            "drain-timeout",
            "5s",
            "On shutdown, how long clients' queued messages may take to go out before every client is closed."),
    RETRY_AFTER("retry-after", "30s", "The Retry-After sent with 503 to new clients in maintenance or while draining."),
    METRICS_PATH("metrics-path", "/metrics", "Where Prometheus metrics are served (off: nowhere)."),
    HEALTH_PATH("health-path", "/health", "Where PATH/live and PATH/ready are served (off: nowhere)."),
    ADMIN_PORT(
            "admin-port", "", "Serve the admin endpoints on this port of 127.0.0.1 only (launcher; 0 = a free one)."),
    INTERNAL_PORT(
            "internal-port",
            "",
            "Launcher: serve metrics, health and (with --admin-token) the admin endpoints on this port instead of the"
                    + " chat port (0 = a free one)."),
    INTERNAL_HOST("internal-host", "127.0.0.1", "Address the --internal-port listener binds (only this one)."),
    ADMIN_TOKEN("admin-token", "", "Bearer token the admin endpoints require; in a WAR it turns /admin/* on."),
    LOG_MESSAGES(
            "log-messages",
            "true",
            "true: the log shows what clients say (the tutorial's Client(N) said: X); false: only how many bytes."),
    COMPRESSION(
            "compression",
            "false",
            "Launcher: true negotiates permessage-deflate (RFC 7692) with clients that offer it; each broadcast is"
                    + " compressed once for all of them."),
    LOG_FORMAT("log-format", "text", "Launcher log: text (one readable line per event) or json (one object per line)."),
    HISTORY(
            "history",
            "100",
            "Said-messages kept for chorus.v1 clients' history and reconnects (0 keeps none; never more bytes than"
                    + " --outbox-bytes)."),
    MAX_ROOMS(
            "max-rooms",
            "100",
            "Rooms (/rooms/NAME) a node holds at once, the tutorial's / included; a client asking for one more gets"
                    + " 503. Each keeps up to --history messages."),
    ROOM_KEEP(
            "room-keep",
            "10m",
            "How long a room nobody is in keeps its history (after its last member left or its last message) before"
                    + " it is forgotten; the tutorial's / never is."),
    REDIS(
            "redis",
            "",
            "Redis URI (redis://[user:password@]host:port[/db], rediss:// for TLS, or"
                    + " redis-sentinel://[user:password@]host:port[,host:port…][/db]#master to follow the master that"
                    + " Sentinel names) through which several nodes are one chat; empty: this node alone."),
    REDIS_STREAM_MAX_AGE(
            "redis-stream-max-age",
            "15m",
            "With --redis: events older than this are trimmed from the stream (as well as all but about the newest"
                    + " 10000); a node cut off for longer misses the older ones; 0 = no bound by age.");

    private final String key;
    private final String defaultValue;
    private final String description;

    Setting(String key, String defaultValue, String description) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    /** The command-line option, e.g. {@code --port}. */
    public String option() {
        return "--" + key;
    }

    /** The system property, e.g. {@code chorus.port}. */
    public String property() {
        return "chorus." + key;
    }

    /** The environment variable, e.g. {@code CHORUS_PORT}. */
    public String environmentVariable() {
        return "CHORUS_" + key.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }

    /** The value from the system property, else the environment variable, else the default. */
    public String fromEnvironment() {
        String value = System.getProperty(property());
        if (value == null) {
            value = System.getenv(environmentVariable());
        }
        return value == null ? defaultValue : value;
    }
}
