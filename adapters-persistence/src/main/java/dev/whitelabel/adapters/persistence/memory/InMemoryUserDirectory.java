package dev.whitelabel.adapters.persistence.memory;

import dev.whitelabel.adapters.persistence.memory.InMemoryDatabase.UserRow;
import dev.whitelabel.domain.model.EmailAddress;
import dev.whitelabel.domain.model.Page;
import dev.whitelabel.domain.model.PageRequest;
import dev.whitelabel.domain.model.PasswordCredential;
import dev.whitelabel.domain.model.User;
import dev.whitelabel.domain.port.out.UserDirectory;
import dev.whitelabel.domain.port.out.UserEntry;
import java.util.Comparator;
import java.util.Optional;

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
                    entry.createdAt());
            database.users.put(user.id(), new UserRow(user, entry.email().key(), entry.passwordHash(), 0));
            return Optional.of(user);
        });
    }

    @Override
    public Optional<User> findOnPlatform(long platformId, long userId) {
        return database.locked(() -> database.userOnPlatform(platformId, userId).map(UserRow::user));
    }

    @Override
    public Optional<User> findOnPlatform(long platformId, EmailAddress email) {
        return database.locked(() -> database.users.values().stream()
                .filter(row -> row.user().platformId() == platformId && row.emailKey().equals(email.key()))
                .map(UserRow::user)
                .findFirst());
    }

    @Override
    public Optional<User> findAnywhere(long userId) {
        return database.locked(() -> Optional.ofNullable(database.users.get(userId)).map(UserRow::user));
    }

    @Override
    public Optional<PasswordCredential> findPasswordCredential(long platformId, EmailAddress email) {
        return database.locked(() -> database.users.values().stream()
                .filter(row -> row.user().platformId() == platformId && row.emailKey().equals(email.key()))
                .filter(row -> row.passwordHash().isPresent())
                .map(row -> new PasswordCredential(row.user(), row.passwordHash().get()))
                .findFirst());
    }

    @Override
    public Page<User> listPlatformUsers(long platformId, Optional<String> emailContains, PageRequest page) {
        return database.locked(() -> InMemoryDatabase.page(database.users.values().stream()
                .filter(row -> row.user().platformId() == platformId && row.user().isPlatformUser())
                .filter(row -> emailContains.map(row.emailKey()::contains).orElse(true))
                .map(UserRow::user)
                .sorted(Comparator.comparingLong(User::id))
                .toList(), page));
    }
}
