package dev.whitelabel.adapters.persistence.jdbi;

import dev.whitelabel.domain.model.SigningKey;
import dev.whitelabel.domain.port.out.SecurityEventSigner;
import dev.whitelabel.domain.port.out.SigningKeyStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Every platform's signing keys in signing_keys, newest by id. */
final class JdbiSigningKeyStore implements SigningKeyStore {

    private static final String KEY = "id, platform_id, key_id, public_key, sealed_private_key, created_at, retired_at";

    private final GuardedJdbi jdbi;

    JdbiSigningKeyStore(GuardedJdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public SigningKey add(long platformId, SecurityEventSigner.NewKey key, Instant now) {
        long id = jdbi.withHandle(handle -> handle.createUpdate("""
                        insert into signing_keys (platform_id, key_id, public_key, sealed_private_key, created_at)
                        values (:platformId, :keyId, :publicKey, :sealedPrivateKey, :now)""")
                .bind("platformId", platformId)
                .bind("keyId", key.keyId())
                .bind("publicKey", key.publicKey())
                .bind("sealedPrivateKey", key.sealedPrivateKey())
                .bind("now", now)
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one());
        return new SigningKey(
                id, platformId, key.keyId(), key.publicKey(), key.sealedPrivateKey(), now, Optional.empty());
    }

    @Override
    public Optional<SigningKey> current(long platformId) {
        return jdbi.withHandle(handle -> handle.createQuery("select " + KEY + " from signing_keys"
                        + " where platform_id = :platformId and retired_at is null order by id desc limit 1")
                .bind("platformId", platformId)
                .map((rs, ctx) -> key(rs))
                .findOne());
    }

    @Override
    public List<SigningKey> published(long platformId, Instant retiredAfter) {
        return jdbi.withHandle(handle -> handle.createQuery("select " + KEY + " from signing_keys"
                        + " where platform_id = :platformId and (retired_at is null or retired_at > :retiredAfter)"
                        + " order by id desc")
                .bind("platformId", platformId)
                .bind("retiredAfter", retiredAfter)
                .map((rs, ctx) -> key(rs))
                .list());
    }

    /** Keys retired already keep their time: retiring them again would keep them published longer. */
    @Override
    public void retireAllBut(long platformId, long keptKeyId, Instant now) {
        jdbi.useHandle(handle -> handle.createUpdate("""
                        update signing_keys set retired_at = :now
                        where platform_id = :platformId and id <> :kept and retired_at is null""")
                .bind("now", now)
                .bind("platformId", platformId)
                .bind("kept", keptKeyId)
                .execute());
    }

    private static SigningKey key(ResultSet rs) throws SQLException {
        return new SigningKey(
                rs.getLong("id"),
                rs.getLong("platform_id"),
                rs.getString("key_id"),
                rs.getString("public_key"),
                rs.getString("sealed_private_key"),
                rs.getTimestamp("created_at").toInstant(),
                Columns.instant(rs, "retired_at"));
    }
}
