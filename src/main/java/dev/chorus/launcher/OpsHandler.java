package dev.chorus.launcher;

import dev.chorus.ops.Bodies;
import dev.chorus.ops.OpsEndpoint;
import dev.chorus.ops.OpsReply;
import dev.chorus.ops.OpsRequest;
import java.io.IOException;
import java.io.InputStream;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

/**
 * Serves one operations endpoint (metrics, health, admin) on a Grizzly listener under {@code prefix}. A request
 * whose body is larger than the endpoint takes is answered {@code 413 Content Too Large}: before a byte of the
 * body is read if its {@code Content-Length} says so (or it is chunked where no body is taken), else once one
 * byte past the limit has been read. The connection is closed after the answer (RFC 9110 15.5.14), so nobody can
 * keep a worker thread reading.
 */
final class OpsHandler extends HttpHandler {

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
            body = in.readNBytes(Bodies.readLimit(maxBody));
        }
        if (body.length > maxBody) {
            refuseUnread(request, response);
            return;
        }
        write(
                endpoint.handle(new OpsRequest(
                        request.getMethod().getMethodString(),
                        request.getRequestURI().substring(prefix.length()),
                        request::getHeader,
                        request::getParameter,
                        body)),
                response);
    }

    /**
     * {@code 413}, and the connection closes once it is out: the rest of the body stays unread, so nothing after
     * it could be parsed, and Grizzly would otherwise read it all to reach the next request.
     */
    private void refuseUnread(Request request, Response response) throws IOException {
        write(Bodies.tooLarge(maxBody), response);
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
