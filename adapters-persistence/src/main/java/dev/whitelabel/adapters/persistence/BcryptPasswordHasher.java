package dev.whitelabel.adapters.persistence;

import dev.whitelabel.domain.port.out.PasswordHasher;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** Passwords at rest: BCrypt, salted, cost 10 by default (its time a hash: bench/README.md). */
public final class BcryptPasswordHasher implements PasswordHasher {

    private final BCryptPasswordEncoder encoder;

    public BcryptPasswordHasher() {
        this(10);
    }

    /** A lower cost only makes sense in tests, where hashing speed matters more than strength. */
    public BcryptPasswordHasher(int cost) {
        this.encoder = new BCryptPasswordEncoder(cost);
    }

    @Override
    public String hash(String password) {
        return encoder.encode(password);
    }

    @Override
    public boolean matches(String password, String hash) {
        return encoder.matches(password, hash);
    }
}
