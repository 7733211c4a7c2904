package dev.whitelabel.adapters.persistence.jdbi;

import dev.whitelabel.domain.model.EmailAddress;
import dev.whitelabel.domain.model.Page;
import dev.whitelabel.domain.model.PageRequest;
import dev.whitelabel.domain.model.PasswordCredential;
import dev.whitelabel.domain.model.Timezone;
import dev.whitelabel.domain.model.User;
import dev.whitelabel.domain.port.out.UserDirectory;
import dev.whitelabel.domain.port.out.UserEntry;
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
                        id, user.platformId(), user.name(), user.email().value(), user.role(), user.createdAt())));
    }

    @Override
    public Optional<User> findOnPlatform(long platformId, long userId) {
        return findOne("u.id = :userId and u.platform_id = :platformId", Map.of("platformId", platformId, "userId", userId));
    }

    @Override
    public Optional<User> findOnPlatform(long platformId, EmailAddress email) {
        return findOne("u.platform_id = :platformId and u.email_key = :emailKey",
                Map.of("platformId", platformId, "emailKey", email.key()));
    }

    @Override
    public Optional<User> findAnywhere(long userId) {
        return findOne("u.id = :userId", Map.of("userId", userId));
    }

    @Override
    public Optional<PasswordCredential> findPasswordCredential(long platformId, EmailAddress email) {
        return jdbi.withHandle(handle -> handle.createQuery("select " + Columns.USER + ", u.password_hash from users u"
                        + " where u.platform_id = :platformId and u.email_key = :emailKey and u.password_hash is not null")
                .bind("platformId", platformId)
                .bind("emailKey", email.key())
                .map((rs, ctx) -> new PasswordCredential(Columns.user(rs, 1), rs.getString("password_hash")))
                .findOne());
    }

    @Override
    public Page<User> listPlatformUsers(long platformId, Optional<String> emailContains, PageRequest page) {
        Map<String, Object> parameters = new HashMap<>(Map.of("platformId", platformId));
        String where = "from users u where u.platform_id = :platformId and u.role = 'USER'";
        if (emailContains.isPresent()) {
            where += " and u.email_key like :pattern escape '\\'";
            parameters.put("pattern", "%" + emailContains.get().replaceAll("([\\\\%_])", "\\\\$1") + "%");
        }
        String fromWhere = where;
        return jdbi.withHandle(handle ->
                JdbiPages.fetch(handle, Columns.USER, fromWhere, "u.id", parameters, (rs, ctx) -> Columns.user(rs, 1), page));
    }

    private Optional<User> findOne(String condition, Map<String, ?> parameters) {
        return jdbi.withHandle(handle -> handle
                .createQuery("select " + Columns.USER + " from users u where " + condition)
                .bindMap(parameters)
                .map((rs, ctx) -> Columns.user(rs, 1))
                .findOne());
    }
}
