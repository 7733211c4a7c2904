package dev.whitelabel.domain.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Failed logins, one row each, shared by every instance. A login takes its row before its password
 * is checked, so that guesses sent together cannot all find room under the limit; a success gives
 * its row back. The email is given as the SHA-256 of its key, never in clear. Every call is confined
 * to one platform but {@link #prune} and a service client's, whose id is unique across platforms (and
 * given as its SHA-256 too, since an unknown one is counted as well).
 */
public interface LoginFailures {

    /**
     * Makes every other count of this email and address, on any instance, wait until the transaction
     * around this call ends, so that reading the counts and taking a place are one step.
     */
    void lock(long platformId, String emailHash, Optional<String> ip, Instant now);

    /** Answers the failure's id, by which a success gives it back. */
    long record(long platformId, String emailHash, Optional<String> ip, Instant at);

    /** Deletes the failure: the attempt that took it succeeded. */
    void giveBack(long platformId, long failureId);

    /** The times of the email's failures after {@code since}, newest first, at most {@code limit}. */
    List<Instant> latestForEmail(long platformId, String emailHash, Instant since, int limit);

    /** The times of the address's failures after {@code since}, newest first, at most {@code limit}. */
    List<Instant> latestForIp(long platformId, String ip, Instant since, int limit);

    /**
     * Unlinks the email from its failures, after a success or when its user is deleted: they no
     * longer count for the email, and still count for the addresses they came from.
     */
    void forgetEmail(long platformId, String emailHash);

    void recordForClient(String clientKey, Instant at);

    /** The times of the client's wrong secrets after {@code since}, newest first, at most {@code limit}. */
    List<Instant> latestForClient(String clientKey, Instant since, int limit);

    /** Deletes failures (and what {@link #lock} keeps) before {@code cutoff}; answers how many failures. */
    int prune(Instant cutoff);
}
