package dev.whitelabel.domain.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Failed logins, one row each, shared by every instance. The email is given as the SHA-256 of its
 * key, never in clear. Every call is confined to one platform but {@link #prune}.
 */
public interface LoginFailures {

    void record(long platformId, String emailHash, Optional<String> ip, Instant at);

    /** The times of the email's failures after {@code since}, newest first, at most {@code limit}. */
    List<Instant> latestForEmail(long platformId, String emailHash, Instant since, int limit);

    /** The times of the address's failures after {@code since}, newest first, at most {@code limit}. */
    List<Instant> latestForIp(long platformId, String ip, Instant since, int limit);

    /**
     * Unlinks the email from its failures, after a success or when its user is deleted: they no
     * longer count for the email, and still count for the addresses they came from.
     */
    void forgetEmail(long platformId, String emailHash);

    /** Deletes failures before {@code cutoff}; answers how many. */
    int prune(Instant cutoff);
}
