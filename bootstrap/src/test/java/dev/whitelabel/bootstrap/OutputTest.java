package dev.whitelabel.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The command line's JSON, written without Jackson, is what Jackson would write for the same results. */
class OutputTest {

    static final ObjectMapper JACKSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build();

    record Nested(long id, String displayName) {}

    record Everything(
            int revokedTokens,
            Long tokenId,
            Integer maxTokensPerUser,
            boolean active,
            String text,
            List<String> events,
            Nested admin,
            Map<String, List<String>> errors) {}

    @Test
    void a_result_is_printed_as_one_line_that_ends_with_exactly_one_newline() {
        var out = new StringWriter();

        Output.print(new PrintWriter(out), new CommandResults.Pruned(1));

        assertThat(out.toString()).isEqualTo("{\"pruned\":1}\n");
    }

    @Test
    void every_result_shape_is_written_as_jackson_writes_it() throws Exception {
        StringBuilder awkward =
                new StringBuilder("quote \" backslash \\ slash / tab \t newline \n é 日本 😀 \u2028 \u007f");
        for (char c = 0; c < 0x20; c++) {
            awkward.append(c);
        }
        var errors = new LinkedHashMap<String, List<String>>();
        errors.put("email", List.of("The email field must be a valid email address."));
        errors.put("user_id", List.of("one", "two"));
        var results = List.<Object>of(
                new Everything(
                        2,
                        7L,
                        null,
                        true,
                        awkward.toString(),
                        List.of("token.revoked", "user.logged_out"),
                        new Nested(1, "Ann"),
                        errors),
                new Everything(0, null, 5, false, "", List.of(), null, Map.of()),
                new CommandResults.LoggedOut("User logged out successfully.", 1),
                new CommandResults.Refusal("Platform not found."),
                new CommandResults.NotFound("User not found.", "/srv/data/whitelabel.mv.db"),
                new CommandResults.PlatformSettings(null, "evict_oldest"),
                new CommandResults.TokenCreatedResult(3, "3|secret", "api-token", List.of("*", "orders:read")),
                new CommandResults.Invalid("The name field is required.", errors));

        for (Object result : results) {
            assertThat(Output.json(result)).isEqualTo(JACKSON.writeValueAsString(result));
        }
        assertThat(Output.json(new CommandResults.LoggedOut("User logged out successfully.", 1)))
                .isEqualTo("{\"message\":\"User logged out successfully.\",\"revoked_tokens\":1}");
    }

    @Test
    void names_are_snake_case_as_jackson_spells_them() {
        assertThat(Output.snakeCase("tokenId")).isEqualTo("token_id");
        assertThat(Output.snakeCase("maxTokensPerUser")).isEqualTo("max_tokens_per_user");
        assertThat(Output.snakeCase("id")).isEqualTo("id");
    }

    @Test
    void anything_but_a_result_shape_is_refused() {
        assertThatThrownBy(() -> Output.json(new Object())).isInstanceOf(IllegalArgumentException.class);
    }
}
