package dev.chorus.launcher;

import dev.chorus.ops.OpsEndpoint;
import dev.chorus.ops.OpsReply;
import dev.chorus.ops.OpsRequest;
import dev.chorus.ops.Replies;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

/**
 * Serves one operations endpoint (metrics, health, admin) on a Grizzly listener under {@code prefix}. A request
 * whose body is larger than the endpoint takes (as its {@code Content-Length} says, or any chunked body where
 * none is taken) is answered {@code 413 Content Too Large} before a byte of the body is read, and the connection
 * is closed after the answer (RFC 9110 15.5.14), so nobody can keep a worker thread reading.
 */
final class OpsHandler extends HttpHandler {

    /** Admin bodies are short texts for one client; anything larger is refused rather than buffered. */
    static final int MAX_BODY = 64 * 1024;

    private final String prefix;
    private final OpsEndpoint endpoint;
    private final int maxBody;

    /**
     * @param prefix the path the endpoint is mounted at, e.g. {@code /health}; empty for the root
     * @param maxBody the largest body it takes; 0 for none (metrics and health, which only answer GET)
     */
    OpsHandler(String prefix, OpsEndpoint endpoint, int maxBody) {
        this.prefix = prefix;
        this.endpoint = endpoint;
        this.maxBody = maxBody;
    }

    @Override
    public void service(Request request, Response response) throws IOException {
        if (request.getContentLengthLong() > maxBody
                || (maxBody == 0 && request.getRequest().isChunked())) {
            refuseUnread(request, response);
            return;
        }
        // The body first: asking for a parameter could otherwise read it as a form.
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(maxBody + 1);
        }
        OpsReply reply = body.length > maxBody
                ? Replies.error(413, "the body is larger than " + maxBody + " bytes")
                : endpoint.handle(new OpsRequest(
                        request.getMethod().getMethodString(),
                        request.getRequestURI().substring(prefix.length()),
                        request::getHeader,
                        request::getParameter,
                        new String(body, StandardCharsets.UTF_8)));
        write(reply, response);
    }

    /**
     * {@code 413}, and the connection closes once it is out: the body stays unread, so nothing after it could be
     * parsed, and Grizzly would otherwise read it all to reach the next request.
     */
    private void refuseUnread(Request request, Response response) throws IOException {
        response.setHeader("Connection", "close");
        write(
                Replies.error(
                        413,
                        maxBody == 0 ? "this path takes no body" : "the body is larger than " + maxBody + " bytes"),
                response);
        response.finish();
        request.getContext().getConnection().closeSilently();
    }

    private static void write(OpsReply reply, Response response) throws IOException {
        byte[] bytes = reply.bytes();
        response.setStatus(reply.status());
        reply.allHeaders().forEach(response::setHeader);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
