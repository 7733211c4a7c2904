package dev.whitelabel.application;

import dev.whitelabel.domain.error.TooManyLoginAttempts;
import dev.whitelabel.domain.model.EmailAddress;
import dev.whitelabel.domain.model.LoginThrottle;
import dev.whitelabel.domain.model.TokenDigest;
import dev.whitelabel.domain.port.out.LoginFailures;
import dev.whitelabel.domain.port.out.Transactions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.stream.Stream;

/**
 * Counts failed logins per (platform, email) and per (platform, client address) in a sliding window.
 * An attempt takes its place among the failures before its password is checked, in a transaction of
 * its own that holds the email's and the address's counts: guesses sent together, to any instance,
 * find room for at most the limit of them, and every other one is refused before any hash, right or
 * wrong. A success gives its place back. A refused attempt is not counted, so a client that keeps
 * trying is let in once the window has passed its oldest counted failure. The email is looked up by
 * its hash whether or not anyone has it, so a known and an unknown email cost the same and answer the
 * same.
 */
final class LoginThrottling {

    /** One login attempt, holding its place among the failures until it succeeds. */
    record Attempt(long platformId, String emailHash, long place, boolean emailHadFailures) {}

    /** How long a place taken counts as an attempt still being checked (BCrypt is slow by design). */
    static final Duration UNDER_WAY = Duration.ofSeconds(1);

    /** Attempts that may wait for a place at once on an instance: a few of its request threads. */
    static final int WAITERS = 8;

    private static final Duration PAUSE = Duration.ofMillis(50);

    private final LoginFailures failures;
    private final LoginThrottle limits;
    private final Transactions transactions;
    private final Clock clock;
    private final Semaphore waiters = new Semaphore(WAITERS);

    LoginThrottling(LoginFailures failures, LoginThrottle limits, Transactions transactions, Clock clock) {
        this.failures = failures;
        this.limits = limits;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Takes the attempt's place, counted as a failure until {@link #succeeded}: one that fails, or
     * never ends (a crash), stays counted. When every place is taken and one was taken within
     * {@link #UNDER_WAY}, it is most likely an attempt still being checked, which a success gives
     * back: this one waits for that, up to {@link #UNDER_WAY}, so that a user's own logins sent at once
     * are let in one after another. At most {@link #WAITERS} attempts wait at once on an instance,
     * the others are refused at once, so that a flood of guesses cannot hold the server's threads. A
     * refused attempt never gets a hash.
     *
     * @throws TooManyLoginAttempts either limit is reached
     */
    Attempt begin(long platformId, EmailAddress email, Optional<String> ip) {
        String emailHash = hash(email);
        long waitUntil = System.nanoTime() + UNDER_WAY.toNanos();
        boolean waiting = false;
        try {
            while (true) {
                Instant now = clock.instant();
                Taking taking = transactions.inTransaction(() -> take(platformId, emailHash, ip, now));
                if (taking instanceof Taken taken) {
                    return taken.attempt();
                }
                var full = (Full) taking;
                waiting = waiting || (full.lastTakenJustNow() && waiters.tryAcquire());
                if (!waiting || System.nanoTime() > waitUntil || !paused()) {
                    throw new TooManyLoginAttempts(full.retryAfter());
                }
            }
        } finally {
            if (waiting) {
                waiters.release();
            }
        }
    }

    private sealed interface Taking permits Taken, Full {}

    private record Taken(Attempt attempt) implements Taking {}

    private record Full(Duration retryAfter, boolean lastTakenJustNow) implements Taking {}

    private Taking take(long platformId, String emailHash, Optional<String> ip, Instant now) {
        failures.lock(platformId, emailHash, ip, now);
        Instant since = now.minus(limits.window());
        List<Instant> byEmail = failures.latestForEmail(platformId, emailHash, since, limits.perEmail());
        List<Instant> byIp = ip.map(address -> failures.latestForIp(platformId, address, since, limits.perIp()))
                .orElse(List.of());
        Optional<Instant> free = Stream.of(freeAt(byEmail, limits.perEmail()), freeAt(byIp, limits.perIp()))
                .flatMap(Optional::stream)
                .max(Instant::compareTo);
        if (free.isPresent()) {
            boolean justNow = Stream.of(byEmail, byIp)
                    .filter(times -> !times.isEmpty())
                    .anyMatch(times -> times.get(0).isAfter(now.minus(UNDER_WAY)));
            return new Full(Duration.between(now, free.get()), justNow);
        }
        long place = failures.record(platformId, emailHash, ip, now);
        return new Taken(new Attempt(platformId, emailHash, place, !byEmail.isEmpty()));
    }

    /** False when interrupted: the attempt is then refused. */
    private static boolean paused() {
        try {
            Thread.sleep(PAUSE.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Counts a service client's wrong secret, per client id, with the limit of a person's address: a
     * machine calls far more often than a person types. Past the limit a wrong secret is refused with
     * 429 and no longer written down; a right one is never refused, so no one who merely knows a
     * client's id can shut it out (its secret is 40 random characters: counting wrong ones is about
     * the noise, not about guessing).
     *
     * @throws TooManyLoginAttempts the client id's wrong secrets had reached the limit
     */
    void clientFailed(String clientId, Instant now) {
        String key = clientKey(clientId);
        Optional<Instant> free =
                freeAt(failures.latestForClient(key, now.minus(limits.window()), limits.perIp()), limits.perIp());
        if (free.isPresent()) {
            throw new TooManyLoginAttempts(Duration.between(now, free.get()));
        }
        failures.recordForClient(key, now);
    }

    /** Gives the attempt's place back and resets the email's count, in the caller's transaction. */
    void succeeded(Attempt attempt) {
        failures.giveBack(attempt.platformId(), attempt.place());
        if (attempt.emailHadFailures()) {
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

    private static String clientKey(String clientId) {
        return TokenDigest.of(clientId).hex();
    }

    private static String hash(EmailAddress email) {
        return TokenDigest.of(email.key()).hex();
    }
}
