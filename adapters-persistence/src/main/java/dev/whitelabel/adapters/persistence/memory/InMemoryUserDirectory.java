package dev.whitelabel.adapters.persistence.memory;

import dev.whitelabel.adapters.persistence.memory.InMemoryDatabase.UserRow;
import dev.whitelabel.domain.model.EmailAddress;
import dev.whitelabel.domain.model.Page;
import dev.whitelabel.domain.model.PageRequest;
import dev.whitelabel.domain.model.PasswordCredential;
import dev.whitelabel.domain.model.User;
import dev.whitelabel.domain.port.out.UserDirectory;
import dev.whitelabel.domain.port.out.UserEntry;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

final class InMemoryUserDirectory implements UserDirectory {

    private final InMemoryDatabase database;

    InMemoryUserDirectory(InMemoryDatabase database) {
        this.database = database;
    }

    @Override
    public Optional<User> add(UserEntry entry) {
        return database.locked(() -> {
            if (findOnPlatform(entry.platformId(), entry.email()).isPresent()) {
                return Optional.empty();
            }
            var user = new User(
                    database.nextId(),
                    entry.platformId(),
                    entry.name(),
                    entry.email().value(),
                    entry.role(),
                    entry.createdAt(),
                    Optional.empty());
            database.users().put(user.id(), new UserRow(user, entry.email().key(), entry.passwordHash(), 0, false));
            return Optional.of(user);
        });
    }

    @Override
    public Optional<User> findOnPlatform(long platformId, long userId) {
        return database.locked(() -> database.userOnPlatform(platformId, userId).map(UserRow::user));
    }

    @Override
    public Optional<User> findOnPlatform(long platformId, EmailAddress email) {
        return database.locked(() -> live().filter(row ->
                        row.user().platformId() == platformId && row.emailKey().equals(email.key()))
                .map(UserRow::user)
                .findFirst());
    }

    @Override
    public Optional<User> findAnywhere(long userId) {
        return database.locked(() -> Optional.ofNullable(database.users().get(userId))
                .filter(row -> !row.deleted())
                .map(UserRow::user));
    }

    @Override
    public Optional<PasswordCredential> findPasswordCredential(long platformId, EmailAddress email) {
        return database.locked(() -> live().filter(row ->
                        row.user().platformId() == platformId && row.emailKey().equals(email.key()))
                .filter(row -> row.passwordHash().isPresent())
                .map(row ->
                        new PasswordCredential(row.user(), row.passwordHash().get()))
                .findFirst());
    }

    @Override
    public Optional<PasswordCredential> findPasswordCredential(long platformId, long userId) {
        return database.locked(() -> database.userOnPlatform(platformId, userId)
                .filter(row -> row.passwordHash().isPresent())
                .map(row ->
                        new PasswordCredential(row.user(), row.passwordHash().get())));
    }

    @Override
    public void setPasswordHash(long platformId, long userId, String passwordHash) {
        change(platformId, userId, row -> row.withPasswordHash(passwordHash));
    }

    /** The caller's transaction holds the one lock already. */
    @Override
    public Optional<String> lockPasswordHash(long platformId, long userId) {
        return database.locked(() -> database.userOnPlatform(platformId, userId)
                .filter(row -> !row.user().isDisabled())
                .flatMap(UserRow::passwordHash));
    }

    @Override
    public void disable(long platformId, long userId, Instant now) {
        change(
                platformId,
                userId,
                row -> row.disabledSince(row.user().disabledAt().or(() -> Optional.of(now))));
    }

    @Override
    public void enable(long platformId, long userId) {
        change(platformId, userId, row -> row.disabledSince(Optional.empty()));
    }

    @Override
    public void forget(long platformId, long userId, Instant now) {
        change(platformId, userId, UserRow::forgotten);
    }

    private void change(long platformId, long userId, UnaryOperator<UserRow> change) {
        database.locked(() -> database.userOnPlatform(platformId, userId)
                .map(row -> database.users().put(userId, change.apply(row))));
    }

    private Stream<UserRow> live() {
        return database.users().values().stream().filter(row -> !row.deleted());
    }

    @Override
    public Page<User> listPlatformUsers(long platformId, Optional<String> emailContains, PageRequest page) {
        return database.locked(() -> InMemoryDatabase.page(
                live().filter(row -> row.user().platformId() == platformId
                                && row.user().isPlatformUser())
                        .filter(row ->
                                emailContains.map(row.emailKey()::contains).orElse(true))
                        .map(UserRow::user)
                        .sorted(Comparator.comparingLong(User::id))
                        .toList(),
                page));
    }
}
