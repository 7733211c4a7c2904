package dev.whitelabel.domain.model;

import dev.whitelabel.domain.error.Input;
import dev.whitelabel.domain.error.InvalidInput;
import dev.whitelabel.domain.error.Violation.Rule;
import java.util.HashSet;
import java.util.List;

/**
 * What a token may be used for, as Laravel Sanctum's token abilities: names the platform chooses
 * ({@code orders:read}), checked by its gateways and resource servers; {@value #ALL} holds every
 * ability. A name is 1 to {@value #MAX_LENGTH} printable ASCII characters without spaces, so that the
 * list reads as one space-separated OAuth scope (RFC 6749 section 3.3) and one header value, and is
 * stored that way. A list holds 1 to {@value #MAX_COUNT} names, each once: a duplicate is refused
 * rather than dropped, since what was sent is then exactly what the token holds.
 */
public record Abilities(List<String> names) {

    public static final String ALL = "*";
    public static final int MAX_COUNT = 50;
    public static final int MAX_LENGTH = 100;
    public static final Abilities EVERYTHING = new Abilities(List.of(ALL));

    /** @throws InvalidInput the first rule the list breaks, as {@link Input#ABILITIES} */
    public Abilities {
        if (names.isEmpty()) {
            throw InvalidInput.of(Input.ABILITIES, Rule.FEWER_ITEMS_THAN, 1);
        }
        if (names.size() > MAX_COUNT) {
            throw InvalidInput.of(Input.ABILITIES, Rule.MORE_ITEMS_THAN, MAX_COUNT);
        }
        if (!names.stream().allMatch(Abilities::isAbility)) {
            throw InvalidInput.of(Input.ABILITIES, Rule.NOT_AN_ABILITY, MAX_LENGTH);
        }
        if (new HashSet<>(names).size() < names.size()) {
            throw InvalidInput.of(Input.ABILITIES, Rule.DUPLICATES);
        }
        names = List.copyOf(names);
    }

    /** Reads what {@link #scope()} wrote. */
    public static Abilities ofScope(String scope) {
        return new Abilities(List.of(scope.split(" ", -1)));
    }

    /** Whether a token holding these may do {@code ability}: it names it, or holds {@value #ALL}. */
    public boolean allows(String ability) {
        return names.contains(ALL) || names.contains(ability);
    }

    /** Whether every one of {@code wanted} is allowed: what a check asks, and the most a token may pass on. */
    public boolean allowsAll(Abilities wanted) {
        return wanted.names.stream().allMatch(this::allows);
    }

    /** The names, space-separated, in the order given. */
    public String scope() {
        return String.join(" ", names);
    }

    /** A scan rather than a regular expression: stored abilities are read back on every request. */
    private static boolean isAbility(String name) {
        if (name == null || name.isEmpty() || name.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < '!' || c > '~') {
                return false;
            }
        }
        return true;
    }
}
