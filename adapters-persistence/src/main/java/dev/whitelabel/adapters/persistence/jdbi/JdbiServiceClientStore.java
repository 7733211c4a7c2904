package dev.whitelabel.adapters.persistence.jdbi;

import dev.whitelabel.domain.model.Abilities;
import dev.whitelabel.domain.model.ServiceClient;
import dev.whitelabel.domain.model.ServiceClientCheck;
import dev.whitelabel.domain.model.ServiceClientCredential;
import dev.whitelabel.domain.model.TokenCredential;
import dev.whitelabel.domain.model.TokenDigest;
import dev.whitelabel.domain.port.out.ServiceClientEntry;
import dev.whitelabel.domain.port.out.ServiceClientStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

final class JdbiServiceClientStore implements ServiceClientStore {

    private static final String COLUMNS = "id, platform_id, name, client_id, created_at";
    /** The client, and the token only when it is unrevoked (one by one and all at once) and of the client's platform. */
    private static final String FIND_WITH_TOKEN = "select c.id, c.platform_id, c.name, c.client_id, c.created_at,"
            + " c.secret_hash, t.id, t.token_hash, t.created_at, t.expires_at, t.last_used_at, t.abilities, "
            + Columns.USER
            + " from service_clients c"
            + " left join tokens t on t.id = ? and t.revoked_at is null"
            + " left join users u on u.id = t.user_id and u.platform_id = c.platform_id and u.token_generation = t.generation"
            + " where c.client_id = ? and c.deleted_at is null";

    private final GuardedJdbi jdbi;

    JdbiServiceClientStore(GuardedJdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public ServiceClient add(ServiceClientEntry client) {
        long id = jdbi.withHandle(handle -> handle.createUpdate("""
                        insert into service_clients (platform_id, name, client_id, secret_hash, created_at)
                        values (:platformId, :name, :clientId, :secretHash, :createdAt)""")
                .bind("platformId", client.platformId())
                .bind("name", client.name())
                .bind("clientId", client.clientId())
                .bind("secretHash", client.secretDigest().hex())
                .bind("createdAt", client.createdAt())
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one());
        return new ServiceClient(id, client.platformId(), client.name(), client.clientId(), client.createdAt());
    }

    /** Plain JDBC and one statement: this is every introspection's one round trip. */
    @Override
    public Optional<ServiceClientCheck> findWithToken(String clientId, long tokenId) {
        return jdbi.withConnection(connection -> {
            try (var query = connection.prepareStatement(FIND_WITH_TOKEN)) {
                query.setLong(1, tokenId);
                query.setString(2, clientId);
                try (var rs = query.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    var client = new ServiceClient(
                            rs.getLong(1),
                            rs.getLong(2),
                            rs.getString(3),
                            rs.getString(4),
                            Columns.instant(rs, 5).orElseThrow());
                    var credential = new ServiceClientCredential(client, new TokenDigest(rs.getString(6)));
                    rs.getLong(13);
                    Optional<TokenCredential> token = rs.wasNull()
                            ? Optional.empty()
                            : Optional.of(new TokenCredential(
                                    rs.getLong(7),
                                    new TokenDigest(rs.getString(8)),
                                    Columns.instant(rs, 9).orElseThrow(),
                                    Columns.instant(rs, 10),
                                    Columns.instant(rs, 11),
                                    Abilities.ofScope(rs.getString(12)),
                                    Columns.user(rs, 13)));
                    return Optional.of(new ServiceClientCheck(credential, token));
                }
            }
        });
    }

    @Override
    public List<ServiceClient> list(long platformId) {
        return jdbi.withHandle(handle -> handle.createQuery("select " + COLUMNS + " from service_clients"
                        + " where platform_id = :platformId and deleted_at is null order by id")
                .bind("platformId", platformId)
                .map((rs, ctx) -> client(rs))
                .list());
    }

    @Override
    public boolean delete(long platformId, long id, Instant now) {
        return SoftDeletes.delete(jdbi, "service_clients", platformId, id, now);
    }

    private static ServiceClient client(ResultSet rs) throws SQLException {
        return new ServiceClient(
                rs.getLong("id"),
                rs.getLong("platform_id"),
                rs.getString("name"),
                rs.getString("client_id"),
                rs.getTimestamp("created_at").toInstant());
    }
}
