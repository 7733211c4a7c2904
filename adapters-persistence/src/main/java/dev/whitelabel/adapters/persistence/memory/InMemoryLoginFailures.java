package dev.whitelabel.adapters.persistence.memory;

import dev.whitelabel.adapters.persistence.memory.InMemoryDatabase.ClientFailureRow;
import dev.whitelabel.adapters.persistence.memory.InMemoryDatabase.LoginFailureRow;
import dev.whitelabel.domain.port.out.LoginFailures;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

final class InMemoryLoginFailures implements LoginFailures {

    private final InMemoryDatabase database;

    InMemoryLoginFailures(InMemoryDatabase database) {
        this.database = database;
    }

    /** Nothing more to do: a transaction here holds the one lock of the whole database. */
    @Override
    public void lock(long platformId, String emailHash, Optional<String> ip, Instant now) {}

    @Override
    public long record(long platformId, String emailHash, Optional<String> ip, Instant at) {
        return database.locked(() -> {
            long id = database.nextId();
            database.loginFailures().add(new LoginFailureRow(id, platformId, emailHash, ip, at));
            return id;
        });
    }

    @Override
    public void giveBack(long platformId, long failureId) {
        database.locked(() -> database.loginFailures()
                .removeIf(failure -> failure.platformId() == platformId && failure.id() == failureId));
    }

    @Override
    public List<Instant> latestForEmail(long platformId, String emailHash, Instant since, int limit) {
        return latest(failure -> emailHash.equals(failure.emailHash()), platformId, since, limit);
    }

    @Override
    public List<Instant> latestForIp(long platformId, String ip, Instant since, int limit) {
        return latest(failure -> failure.ip().filter(ip::equals).isPresent(), platformId, since, limit);
    }

    private List<Instant> latest(Predicate<LoginFailureRow> matching, long platformId, Instant since, int limit) {
        return database.locked(() -> database.loginFailures().stream()
                .filter(failure ->
                        failure.platformId() == platformId && failure.at().isAfter(since))
                .filter(matching)
                .map(LoginFailureRow::at)
                .sorted(Comparator.reverseOrder())
                .limit(limit)
                .toList());
    }

    @Override
    public void forgetEmail(long platformId, String emailHash) {
        database.locked(() -> {
            database.loginFailures()
                    .replaceAll(failure -> failure.platformId() == platformId && emailHash.equals(failure.emailHash())
                            ? new LoginFailureRow(failure.id(), platformId, null, failure.ip(), failure.at())
                            : failure);
            return null;
        });
    }

    @Override
    public void recordForClient(String clientKey, Instant at) {
        database.locked(() -> database.serviceClientFailures().add(new ClientFailureRow(clientKey, at)));
    }

    @Override
    public List<Instant> latestForClient(String clientKey, Instant since, int limit) {
        return database.locked(() -> database.serviceClientFailures().stream()
                .filter(failure ->
                        failure.clientKey().equals(clientKey) && failure.at().isAfter(since))
                .map(ClientFailureRow::at)
                .sorted(Comparator.reverseOrder())
                .limit(limit)
                .toList());
    }

    @Override
    public int prune(Instant cutoff) {
        return database.locked(() -> {
            database.serviceClientFailures().removeIf(failure -> failure.at().isBefore(cutoff));
            var failures = database.loginFailures();
            int before = failures.size();
            failures.removeIf(failure -> failure.at().isBefore(cutoff));
            return before - failures.size();
        });
    }
}
