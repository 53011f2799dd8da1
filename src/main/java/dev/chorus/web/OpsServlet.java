package dev.chorus.web;

import dev.chorus.ops.OpsEndpoint;
import dev.chorus.ops.OpsReply;
import dev.chorus.ops.OpsRequest;
import dev.chorus.ops.Replies;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Serves one operations endpoint (metrics, health, admin) in the WAR; registered by {@link OpsRegistration}. */
final class OpsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    /** Bodies are short texts for one client; anything larger is refused rather than buffered. */
    private static final int MAX_BODY = 64 * 1024;

    private final transient OpsEndpoint endpoint;

    OpsServlet(OpsEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // The body first: asking for a parameter could otherwise read it as a form.
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(MAX_BODY + 1);
        }
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        OpsReply reply = body.length > MAX_BODY
                ? Replies.error(413, "the body is larger than " + MAX_BODY + " bytes")
                : endpoint.handle(new OpsRequest(
                        request.getMethod(),
                        path,
                        request::getHeader,
                        request::getParameter,
                        new String(body, StandardCharsets.UTF_8)));
        byte[] bytes = reply.bytes();
        response.setStatus(reply.status());
        reply.allHeaders().forEach(response::setHeader);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
