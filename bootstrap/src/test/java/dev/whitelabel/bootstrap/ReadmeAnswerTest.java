package dev.whitelabel.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How ReadmeWalkthroughIT reads the answers the README shows in comments. */
class ReadmeAnswerTest {

    static Optional<String> check(String output, String... comment) {
        return ReadmeAnswer.of(List.of(comment)).orElseThrow().mismatch(output);
    }

    @Test
    void prose_is_no_answer() {
        assertThat(ReadmeAnswer.of(List.of(" every token"))).isEmpty();
        assertThat(ReadmeAnswer.of(List.of(" RFC 7009: 200, empty, either way")))
                .isEmpty();
    }

    @Test
    void ids_messages_and_the_set_of_fields_are_exact() {
        assertThat(check("{\"id\":2,\"name\":\"Ann\"}", " {\"id\":2,\"name\":\"Ann\"}"))
                .isEmpty();
        assertThat(check("{\"id\":3,\"name\":\"Ann\"}", " {\"id\":2,\"name\":\"Ann\"}"))
                .contains("$.id is 3, not 2");
        assertThat(check("{\"id\":2,\"name\":\"Ann\",\"email\":\"a@b\"}", " {\"id\":2,\"name\":\"Ann\"}"))
                .hasValueSatisfying(why -> assertThat(why).contains("[email]"));
        assertThat(check("{\"id\":2,\"name\":\"Ann\",\"email\":\"a@b\"}", " {\"id\":2,...}"))
                .isEmpty();
    }

    @Test
    void an_answer_may_span_lines_and_end_in_prose() {
        assertThat(check("{\"a\":{\"b\":1},\"c\":[1,2]}", " {\"a\":{\"b\":1},", "  \"c\":[1,...]}: the rest is prose"))
                .isEmpty();
        assertThat(check("{\"pruned\":0}", " {\"pruned\":N}: tokens revoked or expired"))
                .isEmpty();
        assertThat(check("{\"pruned\":\"0\"}", " {\"pruned\":N}")).isPresent();
    }

    @Test
    void random_values_are_compared_by_their_form() {
        String token = "4|CSbuGTbLol3J8WdO9lyQQXtbqnhZtW8HfJQ8mioe";
        assertThat(check(
                        "{\"token\":\"" + token + "\"}", " {\"token\":\"4|mYhJnhW2BNSj7or7K9UlWotOEy7mwrJjElokF6GK\"}"))
                .isEmpty();
        assertThat(check("{\"token\":\"" + token + "\"}", " {\"token\":\"4|At3z...\"}"))
                .isEmpty();
        assertThat(check("{\"token\":\"" + token + "\"}", " {\"token\":\"5|At3z...\"}"))
                .isPresent();
        assertThat(check("{\"at\":\"2026-11-29T02:42:56.484362Z\"}", " {\"at\":\"2026-11-25T16:27:12.748805Z\"}"))
                .isEmpty();
        assertThat(check("{\"ua\":\"curl/8.1\"}", " {\"ua\":\"curl/...\"}")).isEmpty();
    }

    @Test
    void a_status_alone_and_curl_i_answers() {
        assertThat(check("401\n", " 401")).isEmpty();
        assertThat(check("{\"message\":\"ok\"}", " 201 {\"message\":\"ok\"}")).isEmpty();
        String answer =
                "HTTP/1.1 401 Unauthorized\r\nDate: x\r\nwww-authenticate: Bearer realm=\"w\"\r\n\r\n{\"message\":\"Unauthenticated.\"}";
        assertThat(check(
                        answer,
                        " HTTP/1.1 401 Unauthorized",
                        " WWW-Authenticate: Bearer realm=\"w\"",
                        " {\"message\":\"Unauthenticated.\"}"))
                .isEmpty();
        assertThat(check(answer, " HTTP/1.1 200 OK")).isPresent();
    }
}
