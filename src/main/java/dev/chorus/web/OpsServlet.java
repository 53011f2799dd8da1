package dev.chorus.web;

import dev.chorus.ops.Bodies;
import dev.chorus.ops.OpsEndpoint;
import dev.chorus.ops.OpsReply;
import dev.chorus.ops.OpsRequest;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;

/**
 * Serves one operations endpoint (metrics, health, admin) in the WAR; registered by {@link OpsRegistration}. A
 * body larger than the endpoint takes is answered 413 after at most one byte more than that was read (a
 * {@code Content-Length} above it: before any), and the connection is then closed.
 */
final class OpsServlet extends HttpServlet {

    /** What metrics and health take (they read none): bodies are refused only past this, as they always were. */
    static final int MAX_BODY = 64 * 1024;

    private static final long serialVersionUID = 1L;

    private final transient OpsEndpoint endpoint;
    private final int maxBody;

    /**
     * @param maxBody the largest body it takes (the admin endpoints: {@code --max-message-bytes})
     */
    OpsServlet(OpsEndpoint endpoint, int maxBody) {
        this.endpoint = endpoint;
        this.maxBody = maxBody;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        OpsReply reply;
        if (request.getContentLengthLong() > maxBody) {
            reply = Bodies.tooLarge(maxBody);
        } else {
            // The body first: asking for a parameter could otherwise read it as a form.
            byte[] body;
            try (InputStream in = request.getInputStream()) {
                body = in.readNBytes(Bodies.readLimit(maxBody));
            }
            String path = request.getPathInfo() == null ? "" : request.getPathInfo();
            reply = body.length > maxBody
                    ? Bodies.tooLarge(maxBody)
                    : endpoint.handle(
                            new OpsRequest(request.getMethod(), path, request::getHeader, request::getParameter, body));
        }
        byte[] bytes = reply.bytes();
        response.setStatus(reply.status());
        reply.allHeaders().forEach(response::setHeader);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
