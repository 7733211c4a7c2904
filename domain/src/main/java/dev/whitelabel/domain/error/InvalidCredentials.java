package dev.whitelabel.domain.error;

/** A wrong password, an unknown email, or a user with no password: one answer for all three. */
public final class InvalidCredentials extends WhitelabelException {
    public InvalidCredentials() {
        super("Invalid credentials.");
    }

    @Override
    public <R> R mappedBy(ErrorMapper<R> mapper) {
        return mapper.of(this);
    }
}
