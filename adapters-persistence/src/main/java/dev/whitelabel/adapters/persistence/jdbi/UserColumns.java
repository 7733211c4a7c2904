package dev.whitelabel.adapters.persistence.jdbi;

import dev.whitelabel.domain.model.Role;
import dev.whitelabel.domain.model.User;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The columns of a user as every query selects them (aliased {@code u}), and their mapping. */
final class UserColumns {

    static final String SELECT = "u.id, u.platform_id, u.name, u.email, u.role, u.created_at";

    private UserColumns() {}

    static User map(ResultSet rs) throws SQLException {
        return new User(
                rs.getLong("id"),
                rs.getLong("platform_id"),
                rs.getString("name"),
                rs.getString("email"),
                Role.valueOf(rs.getString("role")),
                rs.getTimestamp("created_at").toInstant());
    }
}
