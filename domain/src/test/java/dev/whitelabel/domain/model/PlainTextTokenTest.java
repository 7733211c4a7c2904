package dev.whitelabel.domain.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlainTextTokenTest {

    static final String SECRET = "aB3".repeat(13) + "z";

    @Test
    void a_well_formed_token_is_read_into_its_id_and_secret() {
        var token = PlainTextToken.parse("12345|" + SECRET).orElseThrow();

        assertThat(token.id()).isEqualTo(12345);
        assertThat(token.secret()).isEqualTo(SECRET);
        assertThat(token.value()).isEqualTo("12345|" + SECRET);
        assertThat(PlainTextToken.parse("999999999999999999|" + SECRET)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "|",
                "1|",
                "0|x",
                "01|aB3aB3aB3aB3aB3aB3aB3aB3aB3aB3aB3aB3aB3z",
                "|aB3aB3aB3aB3aB3aB3aB3aB3aB3aB3aB3aB3aB3z",
                "1|aB3aB3aB3aB3aB3aB3aB3aB3aB3aB3aB3aB3aB3",
                "1|aB3aB3aB3aB3aB3aB3aB3aB3aB3aB3aB3aB3aB3zz",
                "1|aB3aB3aB3aB3aB3aB3aB3aB3aB3aB3aB3aB3aB3-",
                "1|aB3aB3aB3aB3aB3aB3aB3aB3aB3aB3aB3aB3aB3é",
                "-1|aB3aB3aB3aB3aB3aB3aB3aB3aB3aB3aB3aB3aB3z",
                "1a|aB3aB3aB3aB3aB3aB3aB3aB3aB3aB3aB3aB3aB3z",
                "1||B3aB3aB3aB3aB3aB3aB3aB3aB3aB3aB3aB3aB3z",
                "1 |aB3aB3aB3aB3aB3aB3aB3aB3aB3aB3aB3aB3aB3z",
                "1234567890123456789|aB3aB3aB3aB3aB3aB3aB3aB3aB3aB3aB3aB3aB3z"
            })
    void anything_else_is_not_a_token(String presented) {
        assertThat(PlainTextToken.parse(presented)).isEmpty();
    }

    @Test
    void the_secret_never_shows_in_its_string_form() {
        assertThat(PlainTextToken.parse("7|" + SECRET).orElseThrow().toString()).doesNotContain(SECRET);
    }
}
