package dev.whitelabel.adapters.persistence.jdbi;

import dev.whitelabel.domain.error.UserNotFound;
import dev.whitelabel.domain.model.Abilities;
import dev.whitelabel.domain.model.Page;
import dev.whitelabel.domain.model.PageRequest;
import dev.whitelabel.domain.model.TokenCredential;
import dev.whitelabel.domain.model.TokenDigest;
import dev.whitelabel.domain.model.TokenRevocation;
import dev.whitelabel.domain.model.TokenSummary;
import dev.whitelabel.domain.port.out.TokenEntry;
import dev.whitelabel.domain.port.out.TokenStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * A token is live while its {@code generation} equals its user's {@code token_generation} and it
 * has no {@code revoked_at}: logout-all is one UPDATE of the user row and one INSERT of the ended
 * generation, however many tokens there are.
 */
final class JdbiTokenStore implements TokenStore {

    /** A token (as {@code t}) with its owner (as {@code u}), as {@link #credential} reads them. */
    static final String CREDENTIAL =
            "t.id, t.token_hash, t.created_at, t.expires_at, t.last_used_at, t.abilities, " + Columns.USER;

    private static final String FIND_UNREVOKED =
            "select " + CREDENTIAL + " from tokens t join users u on u.id = t.user_id"
                    + " where t.id = any(?) and t.revoked_at is null and t.generation = u.token_generation";

    private final GuardedJdbi jdbi;
    /** The one read every authenticated request makes, of the tokens of requests that arrived together. */
    private final CoalescedLookups<Long, TokenCredential> unrevoked;

    JdbiTokenStore(GuardedJdbi jdbi) {
        this.jdbi = jdbi;
        this.unrevoked = new CoalescedLookups<>(this::findUnrevoked);
    }

    @Override
    public long issue(TokenEntry token) {
        return jdbi.inTransaction(handle -> {
            // a user disabled or deleted since the caller looked is not given a token
            long generation = lockUser(
                            handle,
                            token.platformId(),
                            token.userId(),
                            "and disabled_at is null and deleted_at is null")
                    .orElseThrow(UserNotFound::new);
            var device = token.device();
            return handle.createUpdate("""
                            insert into tokens (user_id, name, token_hash, generation, created_at, expires_at,
                                                device_name, user_agent, ip_address, abilities)
                            values (:userId, :name, :hash, :generation, :createdAt, :expiresAt,
                                    :deviceName, :userAgent, :ipAddress, :abilities)""")
                    .bind("userId", token.userId())
                    .bind("name", token.name())
                    .bind("hash", token.digest().hex())
                    .bind("generation", generation)
                    .bind("createdAt", token.createdAt())
                    .bind("expiresAt", token.expiresAt().orElse(null))
                    .bind("deviceName", device.name().orElse(null))
                    .bind("userAgent", device.userAgent().orElse(null))
                    .bind("ipAddress", device.ipAddress().orElse(null))
                    .bind("abilities", token.abilities().scope())
                    .executeAndReturnGeneratedKeys("id")
                    .mapTo(Long.class)
                    .one();
        });
    }

    @Override
    public Optional<TokenCredential> findUnrevoked(long tokenId) {
        return unrevoked.find(tokenId);
    }

    /**
     * A token with its owner, read from the columns of {@link #CREDENTIAL}, the first of them at
     * {@code first}.
     */
    static TokenCredential credential(ResultSet rs, int first) throws SQLException {
        return new TokenCredential(
                rs.getLong(first),
                new TokenDigest(rs.getString(first + 1)),
                Columns.instant(rs, first + 2).orElseThrow(),
                Columns.instant(rs, first + 3),
                Columns.instant(rs, first + 4),
                Abilities.ofScope(rs.getString(first + 5)),
                Columns.user(rs, first + 6));
    }

    private Map<Long, TokenCredential> findUnrevoked(Set<Long> tokenIds) {
        return jdbi.withConnection(connection -> {
            try (var query = connection.prepareStatement(FIND_UNREVOKED)) {
                query.setArray(1, connection.createArrayOf("bigint", tokenIds.toArray()));
                try (var rs = query.executeQuery()) {
                    var found = new HashMap<Long, TokenCredential>();
                    while (rs.next()) {
                        var credential = credential(rs, 1);
                        found.put(credential.tokenId(), credential);
                    }
                    return found;
                }
            }
        });
    }

    @Override
    public TokenRevocation revoke(long platformId, long userId, long tokenId, Instant now) {
        return jdbi.inTransaction(handle -> {
            if (lockUser(handle, platformId, userId, "").isEmpty()) {
                return TokenRevocation.NOT_FOUND;
            }
            int revoked = handle.createUpdate("""
                            update tokens set revoked_at = :now
                            where id = :tokenId and user_id = :userId and revoked_at is null
                              and (expires_at is null or expires_at > :now)
                              and generation = (select u.token_generation from users u
                                                where u.id = :userId and u.platform_id = :platformId)""")
                    .bind("now", now)
                    .bind("tokenId", tokenId)
                    .bind("userId", userId)
                    .bind("platformId", platformId)
                    .execute();
            if (revoked == 1) {
                return TokenRevocation.REVOKED;
            }
            return owns(handle, platformId, userId, tokenId) ? TokenRevocation.NOT_LIVE : TokenRevocation.NOT_FOUND;
        });
    }

    /**
     * Every write to a user's tokens first locks the user row, so that issue, revoke-one and
     * logout-all of one user run one after another: no deadlock between them, and no token counted
     * by two revocations.
     */
    private static Optional<Long> lockUser(Handle handle, long platformId, long userId, String condition) {
        return handle.createQuery("select token_generation from users where id = :userId and platform_id = :platformId "
                        + condition + " for update")
                .bind("userId", userId)
                .bind("platformId", platformId)
                .mapTo(Long.class)
                .findOne();
    }

    @Override
    public int revokeAll(long platformId, long userId, Instant now) {
        return jdbi.inTransaction(handle -> {
            // The bump locks the user row as lockUser does.
            int bumped = handle.createUpdate("""
                            update users set token_generation = token_generation + 1
                            where id = :userId and platform_id = :platformId""")
                    .bind("userId", userId)
                    .bind("platformId", platformId)
                    .execute();
            if (bumped == 0) {
                throw new UserNotFound();
            }
            handle.createUpdate("""
                            insert into ended_token_generations (user_id, generation, ended_at)
                            select id, token_generation - 1, :now from users where id = :userId""").bind("userId", userId).bind("now", now).execute();
            return handle.createQuery("""
                            select count(*) from tokens t join users u on u.id = t.user_id
                            where t.user_id = :userId and u.platform_id = :platformId
                              and t.generation = u.token_generation - 1
                              and t.revoked_at is null and (t.expires_at is null or t.expires_at > :now)""")
                    .bind("userId", userId)
                    .bind("platformId", platformId)
                    .bind("now", now)
                    .mapTo(Integer.class)
                    .one();
        });
    }

    /** Whether the token, live or not, is the user's, on that platform. */
    private static boolean owns(Handle handle, long platformId, long userId, long tokenId) {
        return handle.createQuery("""
                        select count(*) from tokens t join users u on u.id = t.user_id
                        where t.id = :tokenId and t.user_id = :userId and u.platform_id = :platformId""")
                        .bind("tokenId", tokenId)
                        .bind("userId", userId)
                        .bind("platformId", platformId)
                        .mapTo(Integer.class)
                        .one()
                > 0;
    }

    /** The kept token, if live, moves to the generation the bump starts, so the bump ends every other one. */
    @Override
    public Optional<Integer> revokeAllExcept(long platformId, long userId, long keptTokenId, Instant now) {
        return jdbi.inTransaction(handle -> {
            if (!owns(handle, platformId, userId, keptTokenId)) {
                return Optional.empty();
            }
            int live = revokeAll(platformId, userId, now);
            int kept = handle.createUpdate("""
                            update tokens set generation = generation + 1
                            where id = :tokenId and user_id = :userId and revoked_at is null
                              and (expires_at is null or expires_at > :now)
                              and generation = (select token_generation - 1 from users where id = :userId)""")
                    .bind("tokenId", keptTokenId)
                    .bind("userId", userId)
                    .bind("now", now)
                    .execute();
            return Optional.of(live - kept);
        });
    }

    @Override
    public Page<TokenSummary> list(long platformId, long userId, PageRequest page) {
        return jdbi.withHandle(handle -> JdbiPages.fetch(
                handle,
                Columns.TOKEN + ", coalesce(t.revoked_at, g.ended_at) as revoked_at",
                """
                from tokens t join users u on u.id = t.user_id
                left join ended_token_generations g on g.user_id = t.user_id and g.generation = t.generation
                where t.user_id = :userId and u.platform_id = :platformId""",
                "t.id desc",
                Map.of("userId", userId, "platformId", platformId),
                (rs, ctx) -> Columns.token(rs),
                page));
    }

    @Override
    public List<TokenSummary> listLive(long platformId, long userId, Instant now) {
        return jdbi.withHandle(handle -> listLive(handle, platformId, userId, now));
    }

    /** The user row's lock, which issue and every revocation take first, holds the tokens still. */
    @Override
    public List<TokenSummary> lockLive(long platformId, long userId, Instant now) {
        return jdbi.inTransaction(handle -> {
            lockUser(handle, platformId, userId, "");
            return listLive(handle, platformId, userId, now);
        });
    }

    private static List<TokenSummary> listLive(Handle handle, long platformId, long userId, Instant now) {
        return handle.createQuery("select " + Columns.TOKEN + ", t.revoked_at" + """
                         from tokens t join users u on u.id = t.user_id
                        where t.user_id = :userId and u.platform_id = :platformId
                          and t.generation = u.token_generation and t.revoked_at is null
                          and (t.expires_at is null or t.expires_at > :now)
                        order by t.id desc""")
                .bind("userId", userId)
                .bind("platformId", platformId)
                .bind("now", now)
                .map((rs, ctx) -> Columns.token(rs))
                .list();
    }

    @Override
    public void markUsed(long tokenId, Instant now, Instant usedSince, Optional<String> ip) {
        // The condition makes concurrent requests on every instance settle on one write a period.
        jdbi.useHandle(handle -> handle.createUpdate("""
                        update tokens set last_used_at = :now, last_used_ip = coalesce(cast(:ip as varchar(45)), last_used_ip)
                        where id = :tokenId and (last_used_at is null or last_used_at < :usedSince)""")
                .bind("now", now)
                .bind("ip", ip.orElse(null))
                .bind("tokenId", tokenId)
                .bind("usedSince", usedSince)
                .execute());
    }

    @Override
    public void forget(long platformId, long userId) {
        jdbi.useHandle(handle -> handle.createUpdate("""
                        delete from tokens
                        where user_id = :userId and user_id in (select id from users where platform_id = :platformId)""")
                .bind("userId", userId)
                .bind("platformId", platformId)
                .execute());
    }

    @Override
    public int prune(Instant cutoff) {
        return jdbi.withHandle(
                handle -> handle.createUpdate("""
                        delete from tokens
                        where revoked_at < :cutoff or expires_at < :cutoff
                           or exists (select 1 from ended_token_generations g
                                      where g.user_id = tokens.user_id and g.generation = tokens.generation
                                        and g.ended_at < :cutoff)""").bind("cutoff", cutoff).execute());
    }
}
