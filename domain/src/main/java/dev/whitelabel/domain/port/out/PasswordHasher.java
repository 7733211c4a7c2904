package dev.whitelabel.domain.port.out;

/** A slow, salted one-way hash for passwords at rest. */
public interface PasswordHasher {
    String hash(String password);

    boolean matches(String password, String hash);
}
