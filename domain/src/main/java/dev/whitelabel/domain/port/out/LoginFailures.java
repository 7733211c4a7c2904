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

    /** After a success, or when the email's user is deleted. */
    void forgetEmail(long platformId, String emailHash);

    /** Deletes failures before {@code cutoff}; answers how many. */
    int prune(Instant cutoff);
}
