package dev.whitelabel.adapters.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.json.JavalinJackson;
import io.javalin.json.JsonMapper;
import java.lang.reflect.Type;

/**
 * Every JSON answer the API writes, routes and error pages alike, ends with one newline: a body read
 * with curl in a terminal then leaves the next prompt on a line of its own. Writing only: request
 * bodies are read by {@link RequestBody}'s strict mapper, never through Javalin's.
 */
final class JsonAnswers implements JsonMapper {

    private final JavalinJackson jackson;

    JsonAnswers(ObjectMapper mapper) {
        this.jackson = new JavalinJackson(mapper, false);
    }

    @Override
    public String toJsonString(Object answer, Type type) {
        return jackson.toJsonString(answer, type) + "\n";
    }
}
