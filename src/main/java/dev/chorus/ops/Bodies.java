package dev.chorus.ops;

import java.util.Map;

/** How the adapters read a request body: at most one byte past the limit, so a huge body is never buffered. */
public final class Bodies {

    /** The largest array a JVM reliably allocates. */
    private static final int LARGEST_ARRAY = Integer.MAX_VALUE - 8;

    private Bodies() {}

    /** How many bytes to read of a body when at most {@code maxBody} are taken: one more, to see it is over. */
    public static int readLimit(int maxBody) {
        return (int) Math.min((long) maxBody + 1, LARGEST_ARRAY);
    }

    /**
     * {@code 413}, and the connection closes once it is out (RFC 9110 15.5.14): the rest of the body stays unread,
     * so nothing after it could be parsed.
     */
    public static OpsReply tooLarge(int maxBody) {
        return Replies.error(
                413,
                "body too large",
                maxBody == 0 ? "this path takes no body" : "at most " + maxBody + " bytes",
                Map.of("Connection", "close"));
    }
}
