package dev.whitelabel.adapters.persistence.memory;

import dev.whitelabel.adapters.persistence.memory.InMemoryDatabase.TokenRow;
import dev.whitelabel.adapters.persistence.memory.InMemoryDatabase.UserRow;
import dev.whitelabel.domain.error.UserNotFound;
import dev.whitelabel.domain.model.TokenCredential;
import dev.whitelabel.domain.model.TokenRevocation;
import dev.whitelabel.domain.port.out.TokenEntry;
import dev.whitelabel.domain.port.out.TokenStore;
import java.time.Instant;
import java.util.Optional;

/** The same generation rule as the SQL adapter: logout-all bumps the user's counter. */
final class InMemoryTokenStore implements TokenStore {

    private final InMemoryDatabase database;

    InMemoryTokenStore(InMemoryDatabase database) {
        this.database = database;
    }

    @Override
    public long issue(TokenEntry entry) {
        return database.locked(() -> {
            UserRow owner = database.userOnPlatform(entry.platformId(), entry.userId()).orElseThrow(UserNotFound::new);
            long id = database.nextId();
            database.tokens.put(id, new TokenRow(
                    id,
                    entry.userId(),
                    entry.name(),
                    entry.digest(),
                    owner.tokenGeneration(),
                    entry.createdAt(),
                    entry.expiresAt(),
                    Optional.empty()));
            return id;
        });
    }

    @Override
    public Optional<TokenCredential> findUnrevoked(long tokenId) {
        return database.locked(() -> Optional.ofNullable(database.tokens.get(tokenId)).flatMap(token -> {
            UserRow owner = database.users.get(token.userId());
            if (token.revokedAt().isPresent() || token.generation() != owner.tokenGeneration()) {
                return Optional.empty();
            }
            return Optional.of(new TokenCredential(token.id(), token.digest(), token.expiresAt(), owner.user()));
        }));
    }

    @Override
    public TokenRevocation revoke(long platformId, long userId, long tokenId, Instant now) {
        return database.locked(() -> {
            Optional<UserRow> owner = database.userOnPlatform(platformId, userId);
            TokenRow token = database.tokens.get(tokenId);
            if (owner.isEmpty() || token == null || token.userId() != userId) {
                return TokenRevocation.NOT_FOUND;
            }
            if (!token.isLiveAt(now, owner.get().tokenGeneration())) {
                return TokenRevocation.NOT_LIVE;
            }
            database.tokens.put(tokenId, token.revokedAt(now));
            return TokenRevocation.REVOKED;
        });
    }

    @Override
    public int revokeAll(long platformId, long userId, Instant now) {
        return database.locked(() -> {
            UserRow owner = database.userOnPlatform(platformId, userId).orElseThrow(UserNotFound::new);
            long live = database.tokens.values().stream()
                    .filter(token -> token.userId() == userId && token.isLiveAt(now, owner.tokenGeneration()))
                    .count();
            database.users.put(userId, new UserRow(
                    owner.user(), owner.emailKey(), owner.passwordHash(), owner.tokenGeneration() + 1));
            return Math.toIntExact(live);
        });
    }
}
