package dev.whitelabel.adapters.persistence.jdbi;

import dev.whitelabel.domain.port.out.LoginFailures;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** One insert per failed login; each limit is read through its own index, newest first. */
final class JdbiLoginFailures implements LoginFailures {

    private final GuardedJdbi jdbi;

    JdbiLoginFailures(GuardedJdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void record(long platformId, String emailHash, Optional<String> ip, Instant at) {
        jdbi.useHandle(handle -> handle.createUpdate("""
                        insert into login_failures (platform_id, email_hash, ip_address, failed_at)
                        values (:platformId, :emailHash, :ip, :at)""")
                .bind("platformId", platformId)
                .bind("emailHash", emailHash)
                .bind("ip", ip.orElse(null))
                .bind("at", at)
                .execute());
    }

    @Override
    public List<Instant> latestForEmail(long platformId, String emailHash, Instant since, int limit) {
        return latest("email_hash", platformId, emailHash, since, limit);
    }

    @Override
    public List<Instant> latestForIp(long platformId, String ip, Instant since, int limit) {
        return latest("ip_address", platformId, ip, since, limit);
    }

    private List<Instant> latest(String column, long platformId, String value, Instant since, int limit) {
        return jdbi.withHandle(handle -> handle.createQuery("select failed_at from login_failures"
                        + " where platform_id = :platformId and " + column + " = :value and failed_at > :since"
                        + " order by failed_at desc limit :limit")
                .bind("platformId", platformId)
                .bind("value", value)
                .bind("since", since)
                .bind("limit", limit)
                .map((rs, ctx) -> Columns.instant(rs, 1).orElseThrow())
                .list());
    }

    @Override
    public void forgetEmail(long platformId, String emailHash) {
        jdbi.useHandle(handle -> handle.createUpdate(
                        "update login_failures set email_hash = null where platform_id = :platformId and email_hash = :emailHash")
                .bind("platformId", platformId)
                .bind("emailHash", emailHash)
                .execute());
    }

    @Override
    public int prune(Instant cutoff) {
        return jdbi.withHandle(handle -> handle.createUpdate("delete from login_failures where failed_at < :cutoff")
                .bind("cutoff", cutoff)
                .execute());
    }
}
