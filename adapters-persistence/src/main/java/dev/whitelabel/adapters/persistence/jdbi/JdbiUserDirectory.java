package dev.whitelabel.adapters.persistence.jdbi;

import dev.whitelabel.domain.model.EmailAddress;
import dev.whitelabel.domain.model.User;
import dev.whitelabel.domain.port.out.UserDirectory;
import dev.whitelabel.domain.port.out.UserEntry;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

final class JdbiUserDirectory implements UserDirectory {

    private final Jdbi jdbi;

    JdbiUserDirectory(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<User> add(UserEntry user) {
        // "on conflict do nothing" settles two concurrent registrations of one email without an error
        return jdbi.withHandle(handle -> handle.createUpdate("""
                        insert into users (platform_id, name, email, email_key, password_hash, role, created_at)
                        values (:platformId, :name, :email, :emailKey, :passwordHash, :role, :createdAt)
                        on conflict do nothing""")
                .bind("platformId", user.platformId())
                .bind("name", user.name())
                .bind("email", user.email().value())
                .bind("emailKey", user.email().key())
                .bind("passwordHash", user.passwordHash().orElse(null))
                .bind("role", user.role().name())
                .bind("createdAt", user.createdAt())
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .findOne()
                .map(id -> new User(
                        id, user.platformId(), user.name(), user.email().value(), user.role(), user.createdAt())));
    }

    @Override
    public Optional<User> findOnPlatform(long platformId, long userId) {
        return findOne("u.id = :userId and u.platform_id = :platformId", platformId, "userId", userId);
    }

    @Override
    public Optional<User> findOnPlatform(long platformId, EmailAddress email) {
        return findOne("u.platform_id = :platformId and u.email_key = :emailKey", platformId, "emailKey", email.key());
    }

    @Override
    public Optional<User> findAnywhere(long userId) {
        return jdbi.withHandle(handle -> handle
                .createQuery("select " + UserColumns.SELECT + " from users u where u.id = :userId")
                .bind("userId", userId)
                .map((rs, ctx) -> UserColumns.map(rs))
                .findOne());
    }

    private Optional<User> findOne(String condition, long platformId, String key, Object value) {
        return jdbi.withHandle(handle -> handle
                .createQuery("select " + UserColumns.SELECT + " from users u where " + condition)
                .bind("platformId", platformId)
                .bind(key, value)
                .map((rs, ctx) -> UserColumns.map(rs))
                .findOne());
    }
}
