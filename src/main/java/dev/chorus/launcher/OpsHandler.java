package dev.chorus.launcher;

import dev.chorus.ops.OpsEndpoint;
import dev.chorus.ops.OpsReply;
import dev.chorus.ops.OpsRequest;
import dev.chorus.ops.Replies;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

/** Serves one operations endpoint (metrics, health, admin) on a Grizzly listener under {@code prefix}. */
final class OpsHandler extends HttpHandler {

    /** Bodies are short texts for one client; anything larger is refused rather than buffered. */
    static final int MAX_BODY = 64 * 1024;

    private final String prefix;
    private final OpsEndpoint endpoint;

    /**
     * @param prefix the path the endpoint is mounted at, e.g. {@code /health}; empty for the root
     */
    OpsHandler(String prefix, OpsEndpoint endpoint) {
        this.prefix = prefix;
        this.endpoint = endpoint;
    }

    @Override
    public void service(Request request, Response response) throws IOException {
        // The body first: asking for a parameter could otherwise read it as a form.
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(MAX_BODY + 1);
        }
        OpsReply reply = body.length > MAX_BODY
                ? Replies.error(413, "the body is larger than " + MAX_BODY + " bytes")
                : endpoint.handle(new OpsRequest(
                        request.getMethod().getMethodString(),
                        request.getRequestURI().substring(prefix.length()),
                        request::getHeader,
                        request::getParameter,
                        new String(body, StandardCharsets.UTF_8)));
        write(reply, response);
    }

    private static void write(OpsReply reply, Response response) throws IOException {
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        response.setStatus(reply.status());
        response.setContentType(reply.contentType());
        response.setHeader("Cache-Control", "no-store");
        for (Map.Entry<String, String> header : reply.headers().entrySet()) {
            response.setHeader(header.getKey(), header.getValue());
        }
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
