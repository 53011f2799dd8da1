package dev.chorus.benchmark;

import dev.chorus.chat.ChatLines;
import dev.chorus.v1.ChorusV1;

/**
 * How a benchmark client talks to the server: the tutorial's plain text, or chorus.v1's JSON events and commands
 * (issue 11). Only the few strings around a sender's text differ; the stamp inside the text, and so everything
 * measured from it, is the same in both, which is why one {@link Receiver}, {@link Room} and {@link Senders}
 * serve both. Reading works on a message's head in place ({@link Chars}), once per delivery.
 */
enum Dialect {

    /** The tutorial's text: {@code Client(N) said: TEXT}, and one greeting line per join to everyone. */
    PLAIN("", "", "", "") {
        private static final String CLIENT = "Client(";
        private static final String SAID = ") said: ";

        @Override
        boolean isGreeting(char[] head, int length) {
            return length == ChatLines.GREETING.length() && Chars.startsWith(head, length, 0, ChatLines.GREETING);
        }

        @Override
        int textStart(char[] head, int length, Payload.Parsed into) {
            if (!Chars.startsWith(head, length, 0, CLIENT)) {
                return -1;
            }
            int close = Chars.indexOf(head, length, ')', CLIENT.length());
            return said(head, length, CLIENT.length(), close, SAID, into);
        }
    },

    /**
     * chorus.v1: {@code {"type":"said","seq":S,"from":N,"text":"TEXT"}} (the member order {@code Events.said}
     * writes), then {@code ,"name":"NAME"} if the sender chose a name; a welcome to the newcomer and a joined event
     * to everyone else per join.
     */
    V1(ChorusV1.NAME, "{\"type\":\"say\",\"text\":\"", "\"}", "\"}") {
        private static final String WELCOME = "{\"type\":\"welcome\",";
        private static final String JOINED = "{\"type\":\"joined\",";
        private static final String SAID = "{\"type\":\"said\",\"seq\":";
        private static final String FROM = ",\"from\":";
        private static final String TEXT = ",\"text\":\"";
        private static final String NAMED = "\",\"name\":\"";
        private static final String END = "\"}";

        @Override
        boolean isGreeting(char[] head, int length) {
            // Only the type: a welcome's member list runs far past the head with 1000 clients.
            return Chars.startsWith(head, length, 0, WELCOME) || Chars.startsWith(head, length, 0, JOINED);
        }

        @Override
        int textStart(char[] head, int length, Payload.Parsed into) {
            if (!Chars.startsWith(head, length, 0, SAID)) {
                return -1;
            }
            int seqEnd = Chars.indexOf(head, length, ',', SAID.length());
            if (Chars.number(head, SAID.length(), seqEnd) < 0 || !Chars.startsWith(head, length, seqEnd, FROM)) {
                return -1;
            }
            int from = seqEnd + FROM.length();
            return said(head, length, from, Chars.indexOf(head, length, ',', from), TEXT, into);
        }

        @Override
        boolean endsSaid(char[] head, int length, int at) {
            // A named sender's name follows its text: whatever it is (escaped, so no bare quote), the event ends.
            return super.endsSaid(head, length, at)
                    || (Chars.startsWith(head, length, at, NAMED)
                            && length >= at + NAMED.length() + 1 + END.length()
                            && Chars.startsWith(head, length, length - END.length(), END));
        }
    };

    private final String subprotocol;
    private final String sayStart;
    private final String sayEnd;
    private final String saidEnd;

    /**
     * @param subprotocol offered in the handshake and expected back; empty for none
     * @param sayStart what a sender writes before its text, {@code sayEnd} after it (the text needs no escaping)
     * @param saidEnd what follows the text in a said-line of an unnamed sender
     */
    Dialect(String subprotocol, String sayStart, String sayEnd, String saidEnd) {
        this.subprotocol = subprotocol;
        this.sayStart = sayStart;
        this.sayEnd = sayEnd;
        this.saidEnd = saidEnd;
    }

    /** Whether the head is one of the greetings a join sends: the room is ready when all of them came. */
    abstract boolean isGreeting(char[] head, int length);

    /**
     * If the head is a said-line, stores its sender's id in {@code into.client} and returns where the text
     * starts; otherwise -1.
     */
    abstract int textStart(char[] head, int length, Payload.Parsed into);

    /** The subprotocol offered and expected back ({@link java.net.http.WebSocket#getSubprotocol}); empty for none. */
    String subprotocol() {
        return subprotocol;
    }

    String sayStart() {
        return sayStart;
    }

    String sayEnd() {
        return sayEnd;
    }

    /**
     * Whether a said-line whose text ends at {@code at} ends there: what follows the text is all of the line's
     * rest ({@code head[at, length)}).
     */
    boolean endsSaid(char[] head, int length, int at) {
        return at + saidEnd.length() == length && Chars.startsWith(head, length, at, saidEnd);
    }

    /** The sender's id in {@code head[from, to)}, followed by {@code separator} where its text starts. */
    private static int said(char[] head, int length, int from, int to, String separator, Payload.Parsed into) {
        long client = Chars.number(head, from, to);
        if (client < 0 || client > Integer.MAX_VALUE || !Chars.startsWith(head, length, to, separator)) {
            return -1;
        }
        into.client = (int) client;
        return to + separator.length();
    }
}
