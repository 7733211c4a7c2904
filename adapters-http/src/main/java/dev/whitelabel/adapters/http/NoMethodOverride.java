package dev.whitelabel.adapters.http;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Drops {@code X-HTTP-Method-Override} before Javalin sees it: Javalin would route a GET carrying
 * it as a POST, so a link or an image tag could log a user out. No route of this product wants it;
 * the method on the request line is the method.
 */
final class NoMethodOverride extends Handler.Wrapper {

    static final String HEADER = "X-HTTP-Method-Override";

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!request.getHeaders().contains(HEADER)) {
            return super.handle(request, response, callback);
        }
        HttpFields headers =
                HttpFields.build(request.getHeaders()).remove(HEADER).asImmutable();
        return super.handle(
                new Request.Wrapper(request) {
                    @Override
                    public HttpFields getHeaders() {
                        return headers;
                    }
                },
                response,
                callback);
    }
}
