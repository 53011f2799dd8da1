package dev.chorus.benchmark;

import java.io.DataInputStream;
import java.io.IOException;

/**
 * One frame from the server as the churn soak's blocking clients read it: the opcode, and the payload of a control
 * frame (a data frame's payload is skipped, the soak only needs to get past it).
 *
 * @param payload a control frame's payload (at most 125 bytes); empty for a data frame
 */
record ServerFrame(int opcode, byte[] payload) {

    static final int CLOSE = 0x8;
    static final int PING = 0x9;

    private static final byte[] NONE = new byte[0];

    /** The next frame, or null if the connection ended before one began. */
    static ServerFrame read(DataInputStream in) throws IOException {
        int first = in.read();
        if (first < 0) {
            return null;
        }
        int second = in.readUnsignedByte();
        int length = second & 0x7F;
        long size = length == 126 ? in.readUnsignedShort() : length == 127 ? in.readLong() : length;
        if ((second & 0x80) != 0) {
            in.skipNBytes(4); // a server must not mask, but the soak only reads past it
        }
        int opcode = first & 0x0F;
        if (opcode < CLOSE) {
            in.skipNBytes(size);
            return new ServerFrame(opcode, NONE);
        }
        byte[] payload = new byte[(int) size];
        in.readFully(payload);
        return new ServerFrame(opcode, payload);
    }

    boolean isClose() {
        return opcode == CLOSE;
    }

    boolean isPing() {
        return opcode == PING;
    }
}
