package dev.whitelabel.domain.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Which of their tokens a user logs out of: the one they call with, every other one, or all of them. */
public enum LogoutScope {
    CURRENT,
    OTHERS,
    ALL;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<LogoutScope> ofWireName(String name) {
        return Arrays.stream(values())
                .filter(scope -> scope.wireName().equals(name))
                .findFirst();
    }
}
