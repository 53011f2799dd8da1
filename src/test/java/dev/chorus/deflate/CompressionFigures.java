package dev.chorus.deflate;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * The figures behind {@code --compression}'s default (docs/limits-and-security.md): for typical broadcasts, the
 * payload bytes on the wire with and without permessage-deflate, and the CPU one compression costs (made once per
 * broadcast, whatever the audience) next to building the plain frame's payload. Not a test: run it with
 * {@code mvn -o -q test-compile && java -cp target/classes:target/test-classes dev.chorus.deflate.CompressionFigures}.
 */
public final class CompressionFigures {

    private static final String SENTENCE = "Has anyone tried the new build on the staging cluster yet? The login page"
            + " takes a few seconds longer than it used to, and I would like to know whether it is only me. ";

    private CompressionFigures() {}

    public static void main(String[] args) {
        MessageDeflater deflater = new MessageDeflater(1);
        for (Map.Entry<String, String> sample : samples().entrySet()) {
            byte[] payload = sample.getValue().getBytes(StandardCharsets.UTF_8);
            int compressed = deflater.compress(payload, 0, payload.length)
                    .map(bytes -> bytes.length)
                    .orElse(payload.length);
            long deflateNanos = nanosPer(() -> deflater.compress(payload, 0, payload.length));
            long encodeNanos = nanosPer(() -> sample.getValue().getBytes(StandardCharsets.UTF_8));
            System.out.printf(
                    "%-40s %6d B -> %6d B (%3d %%)  compress once %7.1f us, plain payload %6.1f us%n",
                    sample.getKey(),
                    payload.length,
                    compressed,
                    Math.round(100.0 * compressed / payload.length),
                    deflateNanos / 1000.0,
                    encodeNanos / 1000.0);
        }
    }

    private static Map<String, String> samples() {
        Map<String, String> samples = new LinkedHashMap<>();
        samples.put("tutorial line", "Client(7) said: Hello, world!");
        samples.put("chorus.v1 said, short", "{\"type\":\"said\",\"seq\":44,\"from\":7,\"text\":\"Hello, world!\"}");
        samples.put("tutorial line, one sentence", "Client(7) said: " + SENTENCE.trim());
        samples.put(
                "chorus.v1 said, one sentence",
                "{\"type\":\"said\",\"seq\":44,\"from\":7,\"text\":\"" + SENTENCE.trim() + "\"}");
        samples.put("tutorial line, 1 KiB of prose", "Client(7) said: " + prose(1024));
        samples.put("chorus.v1 history, 20 said", history(20));
        samples.put("16 KiB of prose", "Client(7) said: " + prose(16 * 1024));
        samples.put("16 KiB of random letters", "Client(7) said: " + letters(16 * 1024));
        return samples;
    }

    /** Varied English: the sentence's words shuffled into {@code bytes} characters. */
    private static String prose(int bytes) {
        String[] words = SENTENCE.split(" ");
        Random random = new Random(1);
        StringBuilder text = new StringBuilder();
        while (text.length() < bytes) {
            text.append(words[random.nextInt(words.length)]).append(' ');
        }
        return text.substring(0, bytes);
    }

    private static String letters(int bytes) {
        Random random = new Random(2);
        char[] text = new char[bytes];
        for (int i = 0; i < bytes; i++) {
            text[i] = (char) ('a' + random.nextInt(26));
        }
        return new String(text);
    }

    private static String history(int count) {
        StringBuilder json = new StringBuilder("{\"type\":\"history\",\"messages\":[");
        for (int i = 0; i < count; i++) {
            json.append(i == 0 ? "" : ",")
                    .append("{\"type\":\"said\",\"seq\":")
                    .append(100 + i)
                    .append(",\"from\":")
                    .append(3 + i % 4)
                    .append(",\"text\":\"")
                    .append(prose(40 + i * 3).trim())
                    .append("\"}");
        }
        return json.append("]}").toString();
    }

    /** The median of 15 rounds, each the mean of many runs of {@code work}, after a warm-up. */
    private static long nanosPer(Runnable work) {
        int runs = 2000;
        long[] rounds = new long[15];
        for (int warm = 0; warm < 5 * runs; warm++) {
            work.run();
        }
        for (int round = 0; round < rounds.length; round++) {
            long start = System.nanoTime();
            for (int i = 0; i < runs; i++) {
                work.run();
            }
            rounds[round] = (System.nanoTime() - start) / runs;
        }
        Arrays.sort(rounds);
        return rounds[rounds.length / 2];
    }
}
