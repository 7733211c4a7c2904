package dev.whitelabel.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/api.md is the OpenAPI document the server serves, written out as Markdown: a change to either
 * alone fails here. The rendering of the current document is left in target/api.md to copy over it.
 */
class ApiReferenceTest {

    static final Path COMMITTED = Path.of("..", "docs", "api.md");
    static final Path RENDERED = Path.of("target", "api.md");

    @Test
    void docs_api_md_is_the_served_openapi_document() throws Exception {
        String rendered;
        try (InputStream served = HttpServer.class.getResourceAsStream("/openapi.json")) {
            rendered = ApiReference.render(new ObjectMapper().readTree(served));
        }
        Files.createDirectories(RENDERED.getParent());
        Files.writeString(RENDERED, rendered, StandardCharsets.UTF_8);

        String committed = Files.exists(COMMITTED) ? Files.readString(COMMITTED, StandardCharsets.UTF_8) : "";
        assertThat(firstDifference(committed, rendered))
                .as("docs/api.md differs from the rendering of openapi.json; if openapi.json is right, run"
                        + " `cp adapters-http/target/api.md docs/api.md` and commit it")
                .isEmpty();
    }

    /** The first line where the two differ, as "line N: committed / rendered", or "" when they are equal. */
    static String firstDifference(String committed, String rendered) {
        if (committed.equals(rendered)) {
            return "";
        }
        String[] left = committed.split("\n", -1);
        String[] right = rendered.split("\n", -1);
        int line = 0;
        while (line < left.length && line < right.length && left[line].equals(right[line])) {
            line++;
        }
        return "line " + (line + 1) + ":\n  docs/api.md: " + (line < left.length ? left[line] : "(end of file)")
                + "\n  rendered:    " + (line < right.length ? right[line] : "(end of file)");
    }
}
