package dev.whitelabel.adapters.http;

/** A refusal that belongs to HTTP itself (bad body, wrong media type, no credentials), never to a use case. */
final class HttpProblem extends RuntimeException {

    private final int status;

    HttpProblem(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }

    static HttpProblem malformedJson() {
        return new HttpProblem(400, "Malformed JSON body.");
    }

    static HttpProblem malformedForm() {
        return new HttpProblem(400, "Malformed form body.");
    }

    static HttpProblem malformedBody() {
        return new HttpProblem(400, "Malformed request body.");
    }

    static HttpProblem notAnObject() {
        return new HttpProblem(400, "The JSON body must be an object.");
    }

    static HttpProblem tooLarge() {
        return new HttpProblem(413, "Request body too large.");
    }

    static HttpProblem unsupportedMediaType() {
        return new HttpProblem(
                415, "Unsupported content type: send application/json or application/x-www-form-urlencoded.");
    }
}
