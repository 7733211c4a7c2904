package dev.whitelabel.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.whitelabel.domain.error.Input;
import dev.whitelabel.domain.error.InvalidInput;
import dev.whitelabel.domain.error.Violation;
import dev.whitelabel.domain.error.Violation.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DisplayNameTest {

    @ParameterizedTest
    @ValueSource(strings = {"A\u0000nn", "A\uD800nn", "Ann\uDC00", "\uD83D"})
    void text_postgresql_cannot_store_is_refused(String name) {
        assertThatThrownBy(() -> DisplayName.require(Input.NAME, name))
                .isInstanceOf(InvalidInput.class)
                .satisfies(e -> assertThat(((InvalidInput) e).violations())
                        .containsExactly(new Violation(Input.NAME, Rule.NOT_STORABLE, 0)));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Ann\u202Egnp.exe",
                "\u202DAnn",
                "Ann\u2066x\u2069",
                "An\u200Bn",
                "\uFEFFAnn",
                "Ann\u00AD",
                "Ann\u2060Bo",
                "Ann\u2028Bo",
                "Ann\u2029Bo",
                "Ann\uFFFF",
                "Ann\uFDD0",
                "Ann\uDBFF\uDFFF",
                "\u200DAnn",
                "Ann \u200C",
                "Ann\uDB40\uDC01",
                "An\u200Dn",
                "An\u200Cn",
                "\u3164",
                "Ann\u3164",
                "\u2800\u2800",
                "A\u034Fnn",
                "\uFFA0Bo",
                "\uD83D\uDE00\u200Da"
            })
    void invisible_and_direction_characters_are_refused(String name) {
        assertThatThrownBy(() -> DisplayName.require(Input.NAME, name))
                .isInstanceOf(InvalidInput.class)
                .satisfies(e -> assertThat(((InvalidInput) e).violations())
                        .containsExactly(new Violation(Input.NAME, Rule.INVISIBLE_CHARACTERS, 0)));
    }

    @Test
    void joiners_are_kept_where_a_script_or_an_emoji_sequence_needs_them() {
        String persian = "\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645";
        String devanagariConjunct = "\u0915\u094D\u200D\u0937";
        String family = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67";
        String heartOnFire = "\u2764\uFE0F\u200D\uD83D\uDD25";
        String toneFamily = "\uD83D\uDC69\uD83C\uDFFD\u200D\uD83D\uDCBB";

        for (String name : new String[] {persian, devanagariConjunct, family, heartOnFire, toneFamily}) {
            assertThat(DisplayName.require(Input.NAME, name)).isEqualTo(name);
        }
    }

    @Test
    void a_joiner_does_not_start_a_new_stack_of_marks() {
        String stacked = "Z" + ("\u0301".repeat(30) + "\u200D").repeat(2) + "\u0301";

        assertThatThrownBy(() -> DisplayName.require(Input.NAME, stacked)).isInstanceOf(InvalidInput.class);
    }

    @Test
    void every_kind_of_space_around_a_name_is_trimmed() {
        assertThat(DisplayName.require(Input.NAME, "\u00A0Ann\u202F\u3000")).isEqualTo("Ann");
        assertThatThrownBy(() -> DisplayName.require(Input.NAME, "\u00A0\u2007"))
                .isInstanceOf(InvalidInput.class)
                .satisfies(e -> assertThat(((InvalidInput) e).violations())
                        .containsExactly(new Violation(Input.NAME, Rule.REQUIRED, 0)));
    }

    @Test
    void at_most_thirty_combining_marks_stack_on_one_character() {
        String thirty = "Z" + "\u0301".repeat(30);

        assertThat(DisplayName.require(Input.NAME, thirty)).isEqualTo(thirty);
        assertThatThrownBy(() -> DisplayName.require(Input.NAME, thirty + "\u0302"))
                .isInstanceOf(InvalidInput.class)
                .satisfies(e -> assertThat(((InvalidInput) e).violations())
                        .containsExactly(new Violation(Input.NAME, Rule.TOO_MANY_COMBINING_MARKS, 30)));
        assertThat(DisplayName.require(Input.NAME, ("e" + "\u0301".repeat(30)).repeat(3)))
                .hasSize(93);
    }

    @Test
    void length_counts_code_points_as_a_reader_does() {
        String emoji = "\uD83D\uDE00";

        assertThat(DisplayName.require(Input.NAME, emoji.repeat(255))).hasSize(510);
        assertThatThrownBy(() -> DisplayName.require(Input.NAME, emoji.repeat(256)))
                .isInstanceOf(InvalidInput.class)
                .satisfies(e -> assertThat(((InvalidInput) e).violations())
                        .containsExactly(new Violation(Input.NAME, Rule.MORE_CHARACTERS_THAN, 255)));
    }

    @Test
    void control_characters_are_refused_and_names_are_trimmed() {
        assertThatThrownBy(() -> DisplayName.require(Input.TOKEN_NAME, "a\u0007b"))
                .isInstanceOf(InvalidInput.class)
                .satisfies(e -> assertThat(((InvalidInput) e).violations())
                        .containsExactly(new Violation(Input.TOKEN_NAME, Rule.CONTROL_CHARACTERS, 0)));
        assertThat(DisplayName.require(Input.NAME, "  Ann  ")).isEqualTo("Ann");
    }

    @Test
    void a_password_refuses_what_it_cannot_hash_faithfully() {
        assertThatThrownBy(() -> new Password("correct horse\uD800"))
                .isInstanceOf(InvalidInput.class)
                .satisfies(e -> assertThat(((InvalidInput) e).violations())
                        .containsExactly(new Violation(Input.PASSWORD, Rule.NOT_STORABLE, 0)));
        assertThat(Password.fitsTheHash("\u00e9".repeat(36))).isTrue();
        assertThat(Password.fitsTheHash("\u00e9".repeat(36) + "x")).isFalse();
    }
}
