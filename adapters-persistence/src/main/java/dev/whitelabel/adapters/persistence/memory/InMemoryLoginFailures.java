package dev.whitelabel.adapters.persistence.memory;

import dev.whitelabel.domain.port.out.LoginFailures;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

final class InMemoryLoginFailures implements LoginFailures {

    /** {@code emailHash} is null once the email is forgotten, as in the SQL table. */
    private record Failure(long platformId, String emailHash, Optional<String> ip, Instant at) {}

    private final InMemoryDatabase database;
    private final List<Failure> failures = new ArrayList<>();

    InMemoryLoginFailures(InMemoryDatabase database) {
        this.database = database;
    }

    @Override
    public void record(long platformId, String emailHash, Optional<String> ip, Instant at) {
        database.locked(() -> failures.add(new Failure(platformId, emailHash, ip, at)));
    }

    @Override
    public List<Instant> latestForEmail(long platformId, String emailHash, Instant since, int limit) {
        return latest(failure -> emailHash.equals(failure.emailHash()), platformId, since, limit);
    }

    @Override
    public List<Instant> latestForIp(long platformId, String ip, Instant since, int limit) {
        return latest(failure -> failure.ip().filter(ip::equals).isPresent(), platformId, since, limit);
    }

    private List<Instant> latest(Predicate<Failure> matching, long platformId, Instant since, int limit) {
        return database.locked(() -> failures.stream()
                .filter(failure -> failure.platformId() == platformId && failure.at().isAfter(since))
                .filter(matching)
                .map(Failure::at)
                .sorted(Comparator.reverseOrder())
                .limit(limit)
                .toList());
    }

    @Override
    public void forgetEmail(long platformId, String emailHash) {
        database.locked(() -> {
            failures.replaceAll(failure -> failure.platformId() == platformId && emailHash.equals(failure.emailHash())
                    ? new Failure(platformId, null, failure.ip(), failure.at())
                    : failure);
            return null;
        });
    }

    @Override
    public int prune(Instant cutoff) {
        return database.locked(() -> {
            int before = failures.size();
            failures.removeIf(failure -> failure.at().isBefore(cutoff));
            return before - failures.size();
        });
    }
}
