package dev.chorus.broadcast;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * One event as two messages: what sessions without a subprotocol receive (the tutorial's text, or nothing)
 * and what sessions that negotiated {@code subprotocol} receive. Each rendition is built at most once per
 * event and then shared by every outbox, so a broadcast still encodes once per rendition, never per
 * recipient; the subprotocol's rendition is built only when the first session that speaks it needs it.
 */
public final class Renditions {

    private final Outgoing plain;
    private final String subprotocol;
    private final Supplier<String> render;
    private volatile Outgoing.Text rendered;

    /**
     * @param plain what sessions without a subprotocol receive, or {@code null} for nothing
     * @param subprotocol the subprotocol the other rendition is for, e.g. {@code chorus.v1}
     * @param render builds that rendition's text; called at most once
     */
    public Renditions(Outgoing plain, String subprotocol, Supplier<String> render) {
        this.plain = plain;
        this.subprotocol = Objects.requireNonNull(subprotocol);
        this.render = Objects.requireNonNull(render);
    }

    /**
     * What a session that negotiated {@code negotiated} receives ({@code null} or empty: no subprotocol), or
     * {@code null} if it receives nothing.
     */
    public Outgoing in(String negotiated) {
        return subprotocol.equals(negotiated) ? rendered() : plain;
    }

    /** The subprotocol's rendition, built on first use. */
    public Outgoing.Text rendered() {
        Outgoing.Text text = rendered;
        if (text == null) {
            synchronized (this) {
                text = rendered;
                if (text == null) {
                    text = (Outgoing.Text) Outgoing.text(render.get());
                    rendered = text;
                }
            }
        }
        return text;
    }
}
