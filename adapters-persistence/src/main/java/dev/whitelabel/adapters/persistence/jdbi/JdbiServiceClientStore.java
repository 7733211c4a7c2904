package dev.whitelabel.adapters.persistence.jdbi;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

final class JdbiServiceClientStore implements ServiceClientStore {

    private static final String COLUMNS = "id, platform_id, name, client_id, created_at";
    /**
     * Each client asked for, and the token asked for with it only when it is unrevoked (one by one and all
     * at once) and of the client's platform: the pairs given as two arrays of the same length.
     */
    private static final String FIND_WITH_TOKEN = "select k.client_id, k.token_id,"
            + " c.id, c.platform_id, c.name, c.client_id, c.created_at, c.secret_hash,"
            + " " + JdbiTokenStore.CREDENTIAL
            + " from unnest(?, ?) as k(client_id, token_id)"
            + " join service_clients c on c.client_id = k.client_id and c.deleted_at is null"
            + " left join tokens t on t.id = k.token_id and t.revoked_at is null"
            + " left join users u on u.id = t.user_id and u.platform_id = c.platform_id and u.token_generation = t.generation";

    private final GuardedJdbi jdbi;
    /** Every introspection's one read, of the introspections that arrived together. */
    private final CoalescedLookups<ClientToken, ServiceClientCheck> checks;

    JdbiServiceClientStore(GuardedJdbi jdbi) {
        this.jdbi = jdbi;
        this.checks = new CoalescedLookups<>(this::findWithTokens);
    }

    /** What one introspection looks up: the client that asks, and the token it asks about. */
    private record ClientToken(String clientId, long tokenId) {}

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

    @Override
    public Optional<ServiceClientCheck> findWithToken(String clientId, long tokenId) {
        return checks.find(new ClientToken(clientId, tokenId));
    }

    /** Plain JDBC and one statement: every introspection's one round trip, shared with those beside it. */
    private Map<ClientToken, ServiceClientCheck> findWithTokens(Set<ClientToken> asked) {
        return jdbi.withConnection(connection -> {
            var pairs = List.copyOf(asked);
            try (var query = connection.prepareStatement(FIND_WITH_TOKEN)) {
                query.setArray(
                        1,
                        connection.createArrayOf(
                                "varchar",
                                pairs.stream().map(ClientToken::clientId).toArray()));
                query.setArray(
                        2,
                        connection.createArrayOf(
                                "bigint",
                                pairs.stream().map(ClientToken::tokenId).toArray()));
                try (var rs = query.executeQuery()) {
                    var found = new HashMap<ClientToken, ServiceClientCheck>();
                    while (rs.next()) {
                        found.put(new ClientToken(rs.getString(1), rs.getLong(2)), check(rs));
                    }
                    return found;
                }
            }
        });
    }

    private static ServiceClientCheck check(ResultSet rs) throws SQLException {
        var client = new ServiceClient(
                rs.getLong(3),
                rs.getLong(4),
                rs.getString(5),
                rs.getString(6),
                Columns.instant(rs, 7).orElseThrow());
        var credential = new ServiceClientCredential(client, new TokenDigest(rs.getString(8)));
        rs.getLong(15);
        Optional<TokenCredential> token =
                rs.wasNull() ? Optional.empty() : Optional.of(JdbiTokenStore.credential(rs, 9));
        return new ServiceClientCheck(credential, token);
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
