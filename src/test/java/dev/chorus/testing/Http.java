package dev.chorus.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** Plain HTTP/1.1 requests for tests, each bounded by {@link Peer#WAIT}. */
public final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Peer.WAIT)
            .build();

    private Http() {}

    public static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return send("GET", uri, Map.of(), "");
    }

    /** {@code method} to {@code uri} with {@code headers} and a text {@code body} (empty: none). */
    public static HttpResponse<String> send(String method, URI uri, Map<String, String> headers, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(Peer.WAIT)
                .method(
                        method,
                        body.isEmpty()
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The same request with {@code Authorization: Bearer token}. */
    public static HttpResponse<String> withToken(String method, URI uri, String token, String body)
            throws IOException, InterruptedException {
        return send(method, uri, Map.of("Authorization", "Bearer " + token), body);
    }

    /** {@code method} to {@code uri} with {@code Authorization: Bearer token} and these exact body bytes. */
    public static HttpResponse<String> withToken(String method, URI uri, String token, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(Peer.WAIT)
                .header("Authorization", "Bearer " + token)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
