package dev.chorus.launcher;

import dev.chorus.pages.PageRoute;
import org.glassfish.grizzly.http.server.CLStaticHttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

/**
 * The page of each room at {@code /rooms/NAME/} and its files beside it, from the same {@code webapp/} as the page
 * at the root; {@code /rooms/NAME} is redirected there (308) and anything else under {@code /rooms/} is 404. An
 * upgrade of {@code /rooms/NAME} never gets here: Tyrus takes it before the HTTP handlers.
 */
final class RoomPages extends CLStaticHttpHandler {

    /** Where it is mounted: everything under {@code /rooms}. */
    static final String MAPPING = "/rooms/*";

    private static final int PERMANENT_REDIRECT = 308;

    RoomPages() {
        super(RoomPages.class.getClassLoader(), "/webapp/");
        setFileCacheEnabled(false);
    }

    @Override
    public void service(Request request, Response response) throws Exception {
        if (PageRoute.of(request.getRequestURI()) instanceof PageRoute.Redirect redirect) {
            response.setStatus(PERMANENT_REDIRECT, "Permanent Redirect");
            response.setHeader("Location", PageRoute.withQuery(redirect.location(), request.getQueryString()));
            response.setContentLength(0);
            return;
        }
        super.service(request, response);
    }

    /** The page's file for the request, as the root handler would find it; null (404) for anything else. */
    @Override
    protected String getRelativeURI(Request request) {
        return PageRoute.of(request.getRequestURI()) instanceof PageRoute.Serve serve ? "/" + serve.file() : null;
    }
}
