package dev.whitelabel.adapters.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own answers to requests that never reach a route (unparseable, headers or URI too large,
 * a body too slow): a fixed JSON message instead of its HTML page, which would echo the URI and its
 * query string, with the security headers and a request id of every other answer, and one
 * access-log line that holds nothing of the request.
 */
final class JsonErrorPages extends ErrorHandler {

    private final RequestLog requestLog;
    private final JsonAnswers json;

    JsonErrorPages(RequestLog requestLog, JsonAnswers json) {
        this.requestLog = requestLog;
        this.json = json;
    }

    /** Every method gets the answer: Jetty's own default is GET, POST and HEAD only, and a bare answer for the rest. */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(
            Request request, Response response, int status, String message, Throwable cause, Callback callback) {
        response.write(true, answer(status, response.getHeaders()), callback);
    }

    /** Deprecated in Jetty 12, and still the one way a request Jetty could not parse gets an answer body. */
    @Override
    @SuppressWarnings("removal")
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        return answer(status, fields);
    }

    private ByteBuffer answer(int status, HttpFields.Mutable headers) {
        headers.put(HttpHeader.CONTENT_TYPE, "application/json");
        SecurityHeaders.applyTo(headers::put);
        headers.put(RequestLog.HEADER, requestLog.refused(status));
        var message = new ResponseBodies.Message(ErrorResponses.statusText(status));
        return ByteBuffer.wrap(
                json.toJsonString(message, ResponseBodies.Message.class).getBytes(StandardCharsets.UTF_8));
    }
}
