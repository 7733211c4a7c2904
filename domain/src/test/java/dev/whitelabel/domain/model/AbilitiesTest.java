package dev.whitelabel.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.whitelabel.domain.error.Input;
import dev.whitelabel.domain.error.InvalidInput;
import dev.whitelabel.domain.error.Violation;
import dev.whitelabel.domain.error.Violation.Rule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AbilitiesTest {

    static Stream<Arguments> hostileLists() {
        List<String> withNull = new ArrayList<>();
        withNull.add(null);
        return Stream.of(
                Arguments.of("no ability", List.of(), Rule.FEWER_ITEMS_THAN, 1),
                Arguments.of("51 abilities", numbered(51), Rule.MORE_ITEMS_THAN, Abilities.MAX_COUNT),
                Arguments.of("an empty name", List.of(""), Rule.NOT_AN_ABILITY, Abilities.MAX_LENGTH),
                Arguments.of("101 characters", List.of("a".repeat(101)), Rule.NOT_AN_ABILITY, Abilities.MAX_LENGTH),
                Arguments.of("a space", List.of("orders read"), Rule.NOT_AN_ABILITY, Abilities.MAX_LENGTH),
                Arguments.of("a tab", List.of("orders\tread"), Rule.NOT_AN_ABILITY, Abilities.MAX_LENGTH),
                Arguments.of("a new line", List.of("orders:read\n"), Rule.NOT_AN_ABILITY, Abilities.MAX_LENGTH),
                Arguments.of("NUL", List.of("orders\u0000"), Rule.NOT_AN_ABILITY, Abilities.MAX_LENGTH),
                Arguments.of("DEL", List.of("orders\u007F"), Rule.NOT_AN_ABILITY, Abilities.MAX_LENGTH),
                Arguments.of("a non-ASCII letter", List.of("bestellungen:l\u00F6schen"), Rule.NOT_AN_ABILITY, 100),
                Arguments.of("an emoji", List.of("\uD83D\uDE00"), Rule.NOT_AN_ABILITY, Abilities.MAX_LENGTH),
                Arguments.of("a no-break space", List.of("a\u00A0b"), Rule.NOT_AN_ABILITY, Abilities.MAX_LENGTH),
                Arguments.of("null", withNull, Rule.NOT_AN_ABILITY, Abilities.MAX_LENGTH),
                Arguments.of("a duplicate", List.of("orders:read", "orders:read"), Rule.DUPLICATES, 0),
                Arguments.of("* twice", List.of("*", "*"), Rule.DUPLICATES, 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileLists")
    void hostile_lists_are_refused_by_the_rule_they_break(String what, List<String> names, Rule rule, long limit) {
        assertThatThrownBy(() -> new Abilities(names))
                .isInstanceOf(InvalidInput.class)
                .satisfies(e -> assertThat(((InvalidInput) e).violations())
                        .containsExactly(new Violation(Input.ABILITIES, rule, limit)));
    }

    @Test
    void the_limits_themselves_are_kept_as_given() {
        var longest = "~".repeat(Abilities.MAX_LENGTH);
        var printable = IntStream.rangeClosed('!', '~')
                .mapToObj(c -> Character.toString((char) c))
                .reduce("", String::concat);

        assertThat(new Abilities(numbered(50)).names()).hasSize(50);
        assertThat(new Abilities(List.of(longest, "!")).names()).containsExactly(longest, "!");
        assertThat(new Abilities(List.of(printable)).scope()).isEqualTo(printable);
    }

    @Test
    void the_list_is_a_copy_of_what_was_given() {
        var given = new ArrayList<>(List.of("orders:read"));
        var abilities = new Abilities(given);
        given.add("orders:write");

        assertThat(abilities.names()).containsExactly("orders:read");
    }

    @Test
    void all_holds_every_ability_and_a_list_only_the_names_it_holds() {
        var reader = new Abilities(List.of("orders:read", "invoices:read"));

        assertThat(Abilities.EVERYTHING.allows("orders:read")).isTrue();
        assertThat(Abilities.EVERYTHING.allows("*")).isTrue();
        assertThat(reader.allows("orders:read")).isTrue();
        assertThat(reader.allows("orders:write")).isFalse();
        assertThat(reader.allows("orders:*")).isFalse();
        assertThat(reader.allows("*")).isFalse();
        assertThat(reader.allows("ORDERS:READ")).isFalse();
    }

    @Test
    void a_list_allows_another_only_when_it_allows_each_of_its_names() {
        var reader = new Abilities(List.of("orders:read", "invoices:read"));

        assertThat(reader.allowsAll(new Abilities(List.of("invoices:read")))).isTrue();
        assertThat(reader.allowsAll(reader)).isTrue();
        assertThat(reader.allowsAll(new Abilities(List.of("orders:read", "orders:write"))))
                .isFalse();
        assertThat(reader.allowsAll(Abilities.EVERYTHING)).isFalse();
        assertThat(Abilities.EVERYTHING.allowsAll(reader)).isTrue();
    }

    @Test
    void the_scope_reads_back_as_the_same_list() {
        var abilities = new Abilities(List.of("orders:read", "*", "a\"b\\c,d"));

        assertThat(abilities.scope()).isEqualTo("orders:read * a\"b\\c,d");
        assertThat(Abilities.ofScope(abilities.scope())).isEqualTo(abilities);
        assertThatThrownBy(() -> Abilities.ofScope("")).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> Abilities.ofScope("a  b")).isInstanceOf(InvalidInput.class);
    }

    private static List<String> numbered(int count) {
        return Arrays.asList(
                IntStream.range(0, count).mapToObj(i -> "ability:" + i).toArray(String[]::new));
    }
}
