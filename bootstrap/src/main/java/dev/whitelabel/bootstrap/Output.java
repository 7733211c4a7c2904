package dev.whitelabel.bootstrap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.PrintWriter;

/** Every command prints exactly one JSON object: the result on stdout, a refusal on stderr. */
final class Output {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build();

    private Output() {}

    static void print(PrintWriter out, Object result) {
        try {
            out.println(MAPPER.writeValueAsString(result));
            out.flush();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("command results are plain records", e);
        }
    }
}
