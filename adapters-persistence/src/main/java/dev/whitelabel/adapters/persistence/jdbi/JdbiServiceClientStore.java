package dev.whitelabel.adapters.persistence.jdbi;

import dev.whitelabel.domain.model.ServiceClient;
import dev.whitelabel.domain.model.ServiceClientCredential;
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
    private static final String FIND_BY_CLIENT_ID =
            "select " + COLUMNS + ", secret_hash from service_clients where client_id = ? and deleted_at is null";

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

    /** Plain JDBC, like the token lookup: this runs on every introspection, where a Jdbi handle costs a fifth. */
    @Override
    public Optional<ServiceClientCredential> findByClientId(String clientId) {
        return jdbi.withConnection(connection -> {
            try (var query = connection.prepareStatement(FIND_BY_CLIENT_ID)) {
                query.setString(1, clientId);
                try (var rs = query.executeQuery()) {
                    return rs.next()
                            ? Optional.of(new ServiceClientCredential(client(rs), new TokenDigest(rs.getString("secret_hash"))))
                            : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<ServiceClient> list(long platformId) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "select " + COLUMNS + " from service_clients"
                                + " where platform_id = :platformId and deleted_at is null order by id")
                .bind("platformId", platformId)
                .map((rs, ctx) -> client(rs))
                .list());
    }

    @Override
    public boolean delete(long platformId, long id, Instant now) {
        return jdbi.withHandle(handle -> handle.createUpdate("""
                        update service_clients set deleted_at = :now
                        where id = :id and platform_id = :platformId and deleted_at is null""")
                .bind("now", now)
                .bind("id", id)
                .bind("platformId", platformId)
                .execute()) == 1;
    }

    private static ServiceClient client(ResultSet rs) throws SQLException {
        return new ServiceClient(rs.getLong("id"), rs.getLong("platform_id"), rs.getString("name"),
                rs.getString("client_id"), rs.getTimestamp("created_at").toInstant());
    }
}
