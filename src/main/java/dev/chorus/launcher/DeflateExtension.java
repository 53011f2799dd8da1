package dev.chorus.launcher;

import dev.chorus.deflate.BoundedInflater;
import dev.chorus.deflate.DeflateOffer;
import dev.chorus.metrics.ChatMetrics;
import dev.chorus.protocol.CloseReasons;
import jakarta.websocket.CloseReason;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.glassfish.tyrus.core.extension.ExtendedExtension;
import org.glassfish.tyrus.core.frame.Frame;

/**
 * permessage-deflate as the launcher's Tyrus installs it. By the time Tyrus asks, {@link FrameCheckFilter} has cut
 * the client's offers down to a bare one if Chorus accepts any ({@link DeflateOffer}); this answers it with
 * {@code server_no_context_takeover; client_no_context_takeover}, and inflates the client's compressed messages
 * within the message size limit. Outgoing frames pass as they are: broadcasts arrive here
 * already compressed, once for everyone ({@link Frames}), and anything else Tyrus sends goes plain, which the RFC
 * allows.
 *
 * <p>Tyrus ignores what an extension throws, so a refusal is handed on as the close frame it would have been: a
 * message that inflates past the limit becomes a close {@code 1009 message too big}, which Tyrus answers and
 * reports to the endpoint; whatever the client sends after it becomes an empty pong, which changes nothing.
 */
final class DeflateExtension implements ExtendedExtension {

    private static final System.Logger LOG = System.getLogger(DeflateExtension.class.getName());
    private static final String STATE = DeflateExtension.class.getName() + ".state";
    private static final byte CONTINUATION = 0x0;
    private static final byte CLOSE = 0x8;
    private static final byte PONG = 0xA;

    /** The same to every offer: see {@link DeflateOffer#ANSWER}. */
    private static final List<Parameter> ANSWER = List.of(
            new Flag(DeflateOffer.SERVER_NO_CONTEXT_TAKEOVER), new Flag(DeflateOffer.CLIENT_NO_CONTEXT_TAKEOVER));

    private final long maxMessageBytes;
    private volatile ChatMetrics metrics;

    DeflateExtension(long maxMessageBytes) {
        this.maxMessageBytes = maxMessageBytes;
    }

    /** From now on refusals are counted here (the room, and so its metrics, are made after the container). */
    void countInto(ChatMetrics metrics) {
        this.metrics = metrics;
    }

    /** One connection's side of it. */
    private static final class State {
        final BoundedInflater inflater;
        boolean compressedMessage;
        boolean refused;

        State(BoundedInflater inflater) {
            this.inflater = inflater;
        }
    }

    @Override
    public List<Parameter> onExtensionNegotiation(ExtensionContext context, List<Parameter> requested) {
        context.getProperties().putIfAbsent(STATE, new State(new BoundedInflater(maxMessageBytes)));
        return ANSWER;
    }

    @Override
    public Frame processIncoming(ExtensionContext context, Frame frame) {
        if (!(context.getProperties().get(STATE) instanceof State state)) {
            return frame;
        }
        if (state.refused) {
            return Frame.builder()
                    .fin(true)
                    .opcode(PONG)
                    .payloadData(new byte[0])
                    .build();
        }
        if (frame.isControlFrame()) {
            return frame;
        }
        if (frame.getOpcode() != CONTINUATION) {
            state.compressedMessage = frame.isRsv1();
        } else if (frame.isRsv1()) {
            return frame; // RSV1 belongs on a message's first frame only: Tyrus closes with 1002
        }
        if (!state.compressedMessage) {
            return frame;
        }
        BoundedInflater.Result result = state.inflater.inflate(frame.getPayloadData(), frame.isFin());
        if (result instanceof BoundedInflater.Inflated inflated) {
            return Frame.builder(frame)
                    .rsv1(false)
                    .payloadData(inflated.bytes())
                    .build();
        }
        state.refused = true;
        CloseReason reason =
                result instanceof BoundedInflater.TooBig ? CloseReasons.TOO_BIG : CloseReasons.BAD_COMPRESSED_DATA;
        refused(reason);
        return closeFrame(reason);
    }

    private void refused(CloseReason reason) {
        LOG.log(
                Level.INFO,
                "Closing a client whose compressed message {0} ({1,number,#})",
                reason == CloseReasons.TOO_BIG ? "inflates past the size limit" : "is not DEFLATE data",
                reason.getCloseCode().getCode());
        ChatMetrics counted = metrics;
        if (counted != null && reason == CloseReasons.TOO_BIG) {
            counted.limitCrossed(reason);
        }
    }

    private static Frame closeFrame(CloseReason reason) {
        byte[] phrase = reason.getReasonPhrase().getBytes(StandardCharsets.UTF_8);
        byte[] payload = ByteBuffer.allocate(2 + phrase.length)
                .putShort((short) reason.getCloseCode().getCode())
                .put(phrase)
                .array();
        return Frame.builder().fin(true).opcode(CLOSE).payloadData(payload).build();
    }

    @Override
    public Frame processOutgoing(ExtensionContext context, Frame frame) {
        return frame;
    }

    @Override
    public void onHandshakeResponse(ExtensionContext context, List<Parameter> responseParameters) {
        // client side only
    }

    @Override
    public void destroy(ExtensionContext context) {
        if (context.getProperties().remove(STATE) instanceof State state) {
            state.inflater.end();
        }
    }

    @Override
    public String getName() {
        return DeflateOffer.NAME;
    }

    @Override
    public List<Parameter> getParameters() {
        return List.of();
    }

    /** A parameter without a value, e.g. {@code server_no_context_takeover}. */
    private record Flag(String getName) implements Parameter {
        @Override
        public String getValue() {
            return null;
        }
    }
}
