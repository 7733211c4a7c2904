package dev.whitelabel.adapters.persistence.memory;

import dev.whitelabel.adapters.persistence.memory.InMemoryDatabase.Generation;
import dev.whitelabel.adapters.persistence.memory.InMemoryDatabase.TokenRow;
import dev.whitelabel.adapters.persistence.memory.InMemoryDatabase.UserRow;
import dev.whitelabel.domain.error.UserNotFound;
import dev.whitelabel.domain.model.Page;
import dev.whitelabel.domain.model.PageRequest;
import dev.whitelabel.domain.model.TokenCredential;
import dev.whitelabel.domain.model.TokenRevocation;
import dev.whitelabel.domain.model.TokenSummary;
import dev.whitelabel.domain.port.out.TokenEntry;
import dev.whitelabel.domain.port.out.TokenStore;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The same generation rule as the SQL adapter: logout-all bumps the user's counter. */
final class InMemoryTokenStore implements TokenStore {

    private final InMemoryDatabase database;

    InMemoryTokenStore(InMemoryDatabase database) {
        this.database = database;
    }

    @Override
    public long issue(TokenEntry entry) {
        return database.locked(() -> {
            UserRow owner = database.userOnPlatform(entry.platformId(), entry.userId())
                    .filter(row -> !row.user().isDisabled())
                    .orElseThrow(UserNotFound::new);
            long id = database.nextId();
            database.tokens()
                    .put(
                            id,
                            new TokenRow(
                                    id,
                                    entry.userId(),
                                    entry.name(),
                                    entry.digest(),
                                    owner.tokenGeneration(),
                                    entry.createdAt(),
                                    Optional.empty(),
                                    entry.expiresAt(),
                                    Optional.empty(),
                                    entry.device(),
                                    Optional.empty(),
                                    entry.abilities()));
            return id;
        });
    }

    @Override
    public Optional<TokenCredential> findUnrevoked(long tokenId) {
        return database.locked(() -> database.unrevoked(tokenId));
    }

    @Override
    public TokenRevocation revoke(long platformId, long userId, long tokenId, Instant now) {
        return database.locked(() -> {
            Optional<UserRow> owner = database.userOnPlatform(platformId, userId);
            TokenRow token = database.tokens().get(tokenId);
            if (owner.isEmpty() || token == null || token.userId() != userId) {
                return TokenRevocation.NOT_FOUND;
            }
            if (!token.isLiveAt(now, owner.get().tokenGeneration())) {
                return TokenRevocation.NOT_LIVE;
            }
            database.tokens().put(tokenId, token.revokedAt(now));
            return TokenRevocation.REVOKED;
        });
    }

    @Override
    public int revokeAll(long platformId, long userId, Instant now) {
        return database.locked(() -> {
            UserRow owner = database.userOnPlatform(platformId, userId).orElseThrow(UserNotFound::new);
            long live = database.tokens().values().stream()
                    .filter(token -> token.userId() == userId && token.isLiveAt(now, owner.tokenGeneration()))
                    .count();
            database.users().put(userId, owner.nextGeneration());
            database.endedGenerations().put(new Generation(userId, owner.tokenGeneration()), now);
            return Math.toIntExact(live);
        });
    }

    @Override
    public Optional<Integer> revokeAllExcept(long platformId, long userId, long keptTokenId, Instant now) {
        return database.locked(() -> {
            var kept =
                    Optional.ofNullable(database.tokens().get(keptTokenId)).filter(token -> token.userId() == userId);
            var owner = database.userOnPlatform(platformId, userId);
            if (kept.isEmpty() || owner.isEmpty()) {
                return Optional.empty();
            }
            long generation = owner.get().tokenGeneration();
            boolean keptLive = kept.get().isLiveAt(now, generation);
            int live = revokeAll(platformId, userId, now);
            if (keptLive) {
                database.tokens().put(keptTokenId, kept.get().inGeneration(generation + 1));
            }
            return Optional.of(keptLive ? live - 1 : live);
        });
    }

    @Override
    public Page<TokenSummary> list(long platformId, long userId, PageRequest page) {
        return database.locked(() -> InMemoryDatabase.page(
                tokensOf(platformId, userId)
                        .map(token -> token.summary(database.endOf(token)))
                        .toList(),
                page));
    }

    @Override
    public List<TokenSummary> listLive(long platformId, long userId, Instant now) {
        return database.locked(() -> {
            long generation = database.users().get(userId).tokenGeneration();
            return tokensOf(platformId, userId)
                    .filter(token -> token.isLiveAt(now, generation))
                    .map(token -> token.summary(Optional.empty()))
                    .toList();
        });
    }

    /** Every operation holds the one lock, and the caller's transaction holds it too. */
    @Override
    public List<TokenSummary> lockLive(long platformId, long userId, Instant now) {
        return listLive(platformId, userId, now);
    }

    @Override
    public void markUsed(long tokenId, Instant now, Instant usedSince, Optional<String> ip) {
        database.locked(() -> database.tokens()
                .computeIfPresent(
                        tokenId,
                        (id, token) -> token.lastUsedAt()
                                        .filter(used -> !used.isBefore(usedSince))
                                        .isPresent()
                                ? token
                                : token.usedAt(now, ip)));
    }

    @Override
    public void forget(long platformId, long userId) {
        database.locked(() -> {
            tokensOf(platformId, userId).map(TokenRow::id).toList().forEach(database.tokens()::remove);
            return null;
        });
    }

    @Override
    public int prune(Instant cutoff) {
        return database.locked(() -> {
            var dead = database.tokens().values().stream()
                    .filter(token -> token.revokedAt()
                                    .or(() -> database.endOf(token))
                                    .map(cutoff::isAfter)
                                    .orElse(false)
                            || token.expiresAt().map(cutoff::isAfter).orElse(false))
                    .map(TokenRow::id)
                    .toList();
            dead.forEach(database.tokens()::remove);
            return dead.size();
        });
    }

    /** The user's tokens, newest first; none when the user is not on that platform. */
    private Stream<TokenRow> tokensOf(long platformId, long userId) {
        if (database.userOnPlatform(platformId, userId).isEmpty()) {
            return Stream.empty();
        }
        return database.tokens().values().stream()
                .filter(token -> token.userId() == userId)
                .sorted(Comparator.comparingLong(TokenRow::id).reversed());
    }
}
