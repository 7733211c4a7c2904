package dev.whitelabel.domain.error;

import java.time.Duration;

/** Too many failed logins for the email or from the address; the same answer for a known email and an unknown one. */
public final class TooManyLoginAttempts extends WhitelabelException {

    private final long retryAfterSeconds;

    public TooManyLoginAttempts(Duration retryAfter) {
        // whole seconds, rounded up: a client that waits as long is let in
        this(Math.max(1, retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0)));
    }

    private TooManyLoginAttempts(long retryAfterSeconds) {
        super("Too many login attempts. Please try again in " + retryAfterSeconds + " seconds.");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    @Override
    public <R> R mappedBy(ErrorMapper<R> mapper) {
        return mapper.of(this);
    }
}
