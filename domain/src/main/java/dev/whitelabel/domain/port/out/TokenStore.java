package dev.whitelabel.domain.port.out;

import dev.whitelabel.domain.model.Page;
import dev.whitelabel.domain.model.PageRequest;
import dev.whitelabel.domain.model.TokenCredential;
import dev.whitelabel.domain.model.TokenRevocation;
import dev.whitelabel.domain.model.TokenSummary;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The API tokens of every user. Revocation must be visible to {@link #findUnrevoked} on the very
 * next call, from any process sharing the store. Every call but {@link #findUnrevoked},
 * {@link #markUsed} and {@link #prune} is confined to one user of one platform.
 */
public interface TokenStore {

    /**
     * Stores a token for the user and returns its id. A token issued after a {@link #revokeAll}
     * of the same user is live; one whose issue raced with it is either live or revoked, never half.
     *
     * @throws dev.whitelabel.domain.error.UserNotFound no such user on that platform
     */
    long issue(TokenEntry token);

    /** The token with its owner, unless it is revoked (one by one or all at once). Expiry is the caller's. */
    Optional<TokenCredential> findUnrevoked(long tokenId);

    /** Revokes one token, matched by its id, its user and the user's platform together. */
    TokenRevocation revoke(long platformId, long userId, long tokenId, Instant now);

    /**
     * Revokes every token of the user with a constant number of row writes, however many tokens
     * there are, and answers how many of them were live (unrevoked and unexpired at {@code now}).
     */
    int revokeAll(long platformId, long userId, Instant now);

    /**
     * Revokes every token of the user but {@code keptTokenId}, with the writes of {@link #revokeAll}
     * and one more, the kept token's; answers how many were live besides it. Empty, and nothing
     * written, when the kept token is not one of the user's (revoked or expired, it is simply not kept).
     */
    Optional<Integer> revokeAllExcept(long platformId, long userId, long keptTokenId, Instant now);

    /** Every token of the user, newest first; {@code revokedAt} is set for tokens revoked one by one or all at once. */
    Page<TokenSummary> list(long platformId, long userId, PageRequest page);

    /** The user's live tokens at {@code now}, newest first. */
    List<TokenSummary> listLive(long platformId, long userId, Instant now);

    /**
     * The same, with the user's tokens locked against a concurrent issue or revocation until the
     * caller's transaction ends: what a cap on the user's tokens counts.
     */
    List<TokenSummary> lockLive(long platformId, long userId, Instant now);

    /**
     * Sets {@code last_used_at} to {@code now}, and the last-used IP to {@code ip} when it is known,
     * unless the token was used since {@code usedSince}.
     */
    void markUsed(long tokenId, Instant now, Instant usedSince, Optional<String> ip);

    /** Deletes every token of the user, with the devices they name; for a deleted user, whose tokens are revoked. */
    void forget(long platformId, long userId);

    /** Deletes tokens revoked or expired before {@code cutoff}; answers how many. */
    int prune(Instant cutoff);
}
