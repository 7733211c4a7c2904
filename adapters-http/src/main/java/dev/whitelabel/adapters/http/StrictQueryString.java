package dev.whitelabel.adapters.http;

import java.io.ByteArrayOutputStream;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * A query string must be percent-encoded UTF-8, or the request is a 400. Left to itself the stack
 * would turn a bad escape or an unpaired surrogate's bytes into U+FFFD, and raw non-ASCII bytes into
 * Latin-1, then search for that: text no one sent.
 */
final class StrictQueryString extends Handler.Wrapper {

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String query = request.getHttpURI().getQuery();
        if (query != null && !isUtf8(query)) {
            Response.writeError(request, response, callback, 400);
            return true;
        }
        return super.handle(request, response, callback);
    }

    static boolean isUtf8(String query) {
        var bytes = new ByteArrayOutputStream(query.length());
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (c > 0x7f) {
                return false;
            }
            if (c != '%') {
                bytes.write(c);
                continue;
            }
            int high = i + 2 < query.length() ? Character.digit(query.charAt(i + 1), 16) : -1;
            int low = high < 0 ? -1 : Character.digit(query.charAt(i + 2), 16);
            if (low < 0) {
                return false;
            }
            bytes.write(high << 4 | low);
            i += 2;
        }
        return StrictUtf8.decode(bytes.toByteArray()).isPresent();
    }
}
