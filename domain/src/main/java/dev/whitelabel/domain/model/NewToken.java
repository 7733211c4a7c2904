package dev.whitelabel.domain.model;

import dev.whitelabel.domain.error.Input;
import dev.whitelabel.domain.error.InvalidInput;
import dev.whitelabel.domain.error.Violation.Rule;
import java.time.Duration;
import java.util.Optional;

/**
 * A token to create: its name, optionally how long it lives, the device it is for, and the abilities
 * asked for; none asked for means as many as whoever issues it may give (see {@link Actor#abilities()}).
 */
public record NewToken(String name, Optional<Duration> expiresIn, Device device, Optional<Abilities> abilities) {

    public static final String DEFAULT_NAME = "api-token";
    public static final long MAX_EXPIRES_IN_SECONDS = 10L * 366 * 24 * 3600;

    public NewToken {
        name = DisplayName.require(Input.TOKEN_NAME, name);
        expiresIn.ifPresent(NewToken::checkLifetime);
    }

    public NewToken(String name, Optional<Duration> expiresIn) {
        this(name, expiresIn, Device.UNKNOWN, Optional.empty());
    }

    public static NewToken named(String name) {
        return new NewToken(name, Optional.empty());
    }

    public NewToken on(Device device) {
        return new NewToken(name, expiresIn, device, abilities);
    }

    public NewToken holding(Optional<Abilities> asked) {
        return new NewToken(name, expiresIn, device, asked);
    }

    public static Duration expiresInSeconds(long seconds) {
        var lifetime = Duration.ofSeconds(seconds);
        checkLifetime(lifetime);
        return lifetime;
    }

    private static void checkLifetime(Duration lifetime) {
        if (lifetime.getSeconds() < 1) {
            throw InvalidInput.of(Input.LIFETIME, Rule.AT_LEAST, 1);
        }
        if (lifetime.getSeconds() > MAX_EXPIRES_IN_SECONDS) {
            throw InvalidInput.of(Input.LIFETIME, Rule.NOT_GREATER_THAN, MAX_EXPIRES_IN_SECONDS);
        }
    }
}
