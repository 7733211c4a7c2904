package dev.whitelabel.adapters.persistence.jdbi;

import dev.whitelabel.domain.model.Abilities;
import dev.whitelabel.domain.model.Device;
import dev.whitelabel.domain.model.Role;
import dev.whitelabel.domain.model.TokenSummary;
import dev.whitelabel.domain.model.User;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

/** The columns of users ({@code u}) and tokens ({@code t}) as every query selects them, and their mapping. */
final class Columns {

    static final String USER = "u.id, u.platform_id, u.name, u.email, u.role, u.created_at, u.disabled_at";
    static final String TOKEN = "t.id as token_id, t.name as token_name, t.created_at as token_created_at, "
            + "t.last_used_at, t.expires_at, t.device_name, t.user_agent, t.ip_address, t.last_used_ip, t.abilities";

    private Columns() {}

    /**
     * A user selected with {@link #USER}, whose columns start at {@code first}: by position, which the
     * per-request authentication query needs and every other query can share.
     */
    static User user(ResultSet rs, int first) throws SQLException {
        return new User(
                rs.getLong(first),
                rs.getLong(first + 1),
                rs.getString(first + 2),
                rs.getString(first + 3),
                Role.valueOf(rs.getString(first + 4)),
                instant(rs, first + 5).orElseThrow(),
                instant(rs, first + 6));
    }

    /** A token selected with {@link #TOKEN} and a {@code revoked_at} column. */
    static TokenSummary token(ResultSet rs) throws SQLException {
        return new TokenSummary(
                rs.getLong("token_id"),
                rs.getString("token_name"),
                rs.getTimestamp("token_created_at").toInstant(),
                instant(rs, "last_used_at"),
                instant(rs, "expires_at"),
                instant(rs, "revoked_at"),
                new Device(text(rs, "device_name"), text(rs, "user_agent"), text(rs, "ip_address")),
                text(rs, "last_used_ip"),
                Abilities.ofScope(rs.getString("abilities")));
    }

    private static Optional<String> text(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getString(column));
    }

    static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getTimestamp(column)).map(Timestamp::toInstant);
    }

    /** By position, and without java.sql.Timestamp's time-zone arithmetic: for the per-request query. */
    static Optional<Instant> instant(ResultSet rs, int column) throws SQLException {
        return Optional.ofNullable(rs.getObject(column, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
    }
}
