package dev.whitelabel.application;

import dev.whitelabel.domain.error.TooManyLoginAttempts;
import dev.whitelabel.domain.model.EmailAddress;
import dev.whitelabel.domain.model.LoginThrottle;
import dev.whitelabel.domain.model.TokenDigest;
import dev.whitelabel.domain.port.out.LoginFailures;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Counts failed logins per (platform, email) and per (platform, client address) in a sliding window.
 * A refused attempt is not counted, so a client that keeps trying is let in once the window has
 * passed its oldest counted failure. The email is looked up by its hash whether or not anyone has
 * it, so a known and an unknown email cost the same and answer the same. Guesses sent in parallel
 * all start below the limit; a right one is counted again after its hash, so it gets in only if the
 * failures recorded meanwhile leave room.
 */
final class LoginThrottling {

    /** One login attempt, as counted when it began. */
    record Attempt(long platformId, String emailHash, Optional<String> ip, Instant at, boolean emailHasFailures) {}

    private final LoginFailures failures;
    private final LoginThrottle limits;

    LoginThrottling(LoginFailures failures, LoginThrottle limits) {
        this.failures = failures;
        this.limits = limits;
    }

    /** @throws TooManyLoginAttempts either limit is reached */
    Attempt begin(long platformId, EmailAddress email, Optional<String> ip, Instant now) {
        String emailHash = hash(email);
        boolean emailHasFailures =
                !refuseIfLimited(platformId, emailHash, ip, now).isEmpty();
        return new Attempt(platformId, emailHash, ip, now, emailHasFailures);
    }

    /**
     * Counts again once the password is known to be right.
     *
     * @throws TooManyLoginAttempts the failures counted meanwhile reached either limit
     */
    void confirm(Attempt attempt) {
        refuseIfLimited(attempt.platformId(), attempt.emailHash(), attempt.ip(), attempt.at());
    }

    /** Answers the email's failures in the window, newest first. */
    private List<Instant> refuseIfLimited(long platformId, String emailHash, Optional<String> ip, Instant now) {
        Instant since = now.minus(limits.window());
        List<Instant> byEmail = failures.latestForEmail(platformId, emailHash, since, limits.perEmail());
        List<Instant> byIp = ip.map(address -> failures.latestForIp(platformId, address, since, limits.perIp()))
                .orElse(List.of());
        Stream.of(freeAt(byEmail, limits.perEmail()), freeAt(byIp, limits.perIp()))
                .flatMap(Optional::stream)
                .max(Instant::compareTo)
                .ifPresent(free -> {
                    throw new TooManyLoginAttempts(Duration.between(now, free));
                });
        return byEmail;
    }

    void failed(Attempt attempt) {
        failures.record(attempt.platformId(), attempt.emailHash(), attempt.ip(), attempt.at());
    }

    /** Resets the email's count; no write when there was nothing to reset. */
    void succeeded(Attempt attempt) {
        if (attempt.emailHasFailures()) {
            failures.forgetEmail(attempt.platformId(), attempt.emailHash());
        }
    }

    /** For a deleted user: the stored email, if it still reads as one. */
    void forget(long platformId, String email) {
        if (EmailAddress.isValid(email)) {
            failures.forgetEmail(platformId, hash(new EmailAddress(email)));
        }
    }

    /**
     * Deletes failures older than {@code retention}, but never one still inside the window, so that
     * a short retention cannot reset the counts.
     */
    void prune(Instant now, Duration retention) {
        failures.prune(now.minus(retention.compareTo(limits.window()) > 0 ? retention : limits.window()));
    }

    /** When the limit-th newest failure leaves the window; empty while there are fewer than the limit. */
    private Optional<Instant> freeAt(List<Instant> newestFirst, int limit) {
        return newestFirst.size() < limit
                ? Optional.empty()
                : Optional.of(newestFirst.get(limit - 1).plus(limits.window()));
    }

    private static String hash(EmailAddress email) {
        return TokenDigest.of(email.key()).hex();
    }
}
