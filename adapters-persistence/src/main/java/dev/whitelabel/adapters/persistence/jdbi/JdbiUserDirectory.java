package dev.whitelabel.adapters.persistence.jdbi;

import dev.whitelabel.domain.model.EmailAddress;
import dev.whitelabel.domain.model.Page;
import dev.whitelabel.domain.model.PageRequest;
import dev.whitelabel.domain.model.PasswordCredential;
import dev.whitelabel.domain.model.Timezone;
import dev.whitelabel.domain.model.User;
import dev.whitelabel.domain.port.out.UserDirectory;
import dev.whitelabel.domain.port.out.UserEntry;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

final class JdbiUserDirectory implements UserDirectory {

    private final GuardedJdbi jdbi;

    JdbiUserDirectory(GuardedJdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<User> add(UserEntry user) {
        // "on conflict do nothing" settles two concurrent registrations of one email without an error
        return jdbi.withHandle(handle -> handle.createUpdate("""
                        insert into users (platform_id, name, email, email_key, password_hash, timezone, role, created_at)
                        values (:platformId, :name, :email, :emailKey, :passwordHash, :timezone, :role, :createdAt)
                        on conflict do nothing""")
                .bind("platformId", user.platformId())
                .bind("name", user.name())
                .bind("email", user.email().value())
                .bind("emailKey", user.email().key())
                .bind("passwordHash", user.passwordHash().orElse(null))
                .bind("timezone", user.timezone().map(Timezone::id).orElse(null))
                .bind("role", user.role().name())
                .bind("createdAt", user.createdAt())
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .findOne()
                .map(id -> new User(
                        id,
                        user.platformId(),
                        user.name(),
                        user.email().value(),
                        user.role(),
                        user.createdAt(),
                        Optional.empty())));
    }

    @Override
    public Optional<User> findOnPlatform(long platformId, long userId) {
        return findOne(
                "u.id = :userId and u.platform_id = :platformId", Map.of("platformId", platformId, "userId", userId));
    }

    @Override
    public Optional<User> findOnPlatform(long platformId, EmailAddress email) {
        return findOne(
                "u.platform_id = :platformId and u.email_key = :emailKey",
                Map.of("platformId", platformId, "emailKey", email.key()));
    }

    @Override
    public Optional<User> findAnywhere(long userId) {
        return findOne("u.id = :userId", Map.of("userId", userId));
    }

    @Override
    public Optional<PasswordCredential> findPasswordCredential(long platformId, EmailAddress email) {
        return findPasswordCredential("u.email_key = :key", platformId, email.key());
    }

    @Override
    public Optional<PasswordCredential> findPasswordCredential(long platformId, long userId) {
        return findPasswordCredential("u.id = :key", platformId, userId);
    }

    private Optional<PasswordCredential> findPasswordCredential(String condition, long platformId, Object key) {
        return jdbi.withHandle(handle -> handle.createQuery("select " + Columns.USER + ", u.password_hash from users u"
                        + " where u.platform_id = :platformId and " + condition + " and u.password_hash is not null")
                .bind("platformId", platformId)
                .bind("key", key)
                .map((rs, ctx) -> new PasswordCredential(Columns.user(rs, 1), rs.getString("password_hash")))
                .findOne());
    }

    @Override
    public void setPasswordHash(long platformId, long userId, String passwordHash) {
        update("password_hash = :hash", platformId, userId, Map.of("hash", passwordHash));
    }

    @Override
    public Optional<String> lockPasswordHash(long platformId, long userId) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        select password_hash from users
                        where id = :userId and platform_id = :platformId and disabled_at is null and deleted_at is null
                          and password_hash is not null
                        for update""")
                .bind("userId", userId)
                .bind("platformId", platformId)
                .mapTo(String.class)
                .findOne());
    }

    @Override
    public void disable(long platformId, long userId, Instant now) {
        update("disabled_at = coalesce(disabled_at, :now)", platformId, userId, Map.of("now", now));
    }

    @Override
    public void enable(long platformId, long userId) {
        update("disabled_at = null", platformId, userId, Map.of());
    }

    /** The email key becomes one no address can have (it holds no '@'), so the address is free again. */
    @Override
    public void forget(long platformId, long userId, Instant now) {
        update(
                "name = '', email = '', email_key = 'deleted:' || cast(id as varchar(20)), password_hash = null,"
                        + " timezone = null, deleted_at = :now",
                platformId,
                userId,
                Map.of("now", now));
    }

    private void update(String assignments, long platformId, long userId, Map<String, Object> values) {
        jdbi.useHandle(handle -> handle.createUpdate("update users set " + assignments
                        + " where id = :userId and platform_id = :platformId and deleted_at is null")
                .bind("userId", userId)
                .bind("platformId", platformId)
                .bindMap(values)
                .execute());
    }

    @Override
    public Page<User> listPlatformUsers(long platformId, Optional<String> emailContains, PageRequest page) {
        Map<String, Object> parameters = new HashMap<>(Map.of("platformId", platformId));
        String where = "from users u where u.platform_id = :platformId and u.role = 'USER' and u.deleted_at is null";
        if (emailContains.isPresent()) {
            where += " and u.email_key like :pattern escape '\\'";
            parameters.put("pattern", "%" + emailContains.get().replaceAll("([\\\\%_])", "\\\\$1") + "%");
        }
        String fromWhere = where;
        return jdbi.withHandle(handle -> JdbiPages.fetch(
                handle, Columns.USER, fromWhere, "u.id", parameters, (rs, ctx) -> Columns.user(rs, 1), page));
    }

    private Optional<User> findOne(String condition, Map<String, ?> parameters) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "select " + Columns.USER + " from users u where u.deleted_at is null and " + condition)
                .bindMap(parameters)
                .map((rs, ctx) -> Columns.user(rs, 1))
                .findOne());
    }
}
