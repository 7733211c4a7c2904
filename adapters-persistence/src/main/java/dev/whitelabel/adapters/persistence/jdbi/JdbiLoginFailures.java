package dev.whitelabel.adapters.persistence.jdbi;

import dev.whitelabel.domain.port.out.LoginFailures;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * One insert per login, kept if it fails; each limit is read through its own index, newest first. The
 * lock is a row per email and per address in {@code login_throttle_keys}, updated (which takes its row
 * lock until the transaction ends) or inserted the first time.
 */
final class JdbiLoginFailures implements LoginFailures {

    private final GuardedJdbi jdbi;

    JdbiLoginFailures(GuardedJdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void lock(long platformId, String emailHash, Optional<String> ip, Instant now) {
        // always the email first: two logins never wait for each other's keys in opposite orders
        jdbi.useHandle(handle -> {
            lockKey(handle, platformId, "email:" + emailHash, now);
            ip.ifPresent(address -> lockKey(handle, platformId, "ip:" + address, now));
        });
    }

    /**
     * An insert that meets another login's uncommitted insert of the same key waits for it to end,
     * then does nothing; the update after it then finds the row.
     */
    private static void lockKey(Handle handle, long platformId, String key, Instant now) {
        while (handle.createUpdate("update login_throttle_keys set locked_at = :now"
                                + " where platform_id = :platformId and throttle_key = :key")
                        .bind("now", now)
                        .bind("platformId", platformId)
                        .bind("key", key)
                        .execute()
                == 0) {
            int inserted = handle.createUpdate("insert into login_throttle_keys (platform_id, throttle_key, locked_at)"
                            + " values (:platformId, :key, :now) on conflict do nothing")
                    .bind("now", now)
                    .bind("platformId", platformId)
                    .bind("key", key)
                    .execute();
            if (inserted == 1) {
                return;
            }
        }
    }

    @Override
    public long record(long platformId, String emailHash, Optional<String> ip, Instant at) {
        return jdbi.withHandle(handle -> handle.createUpdate("""
                        insert into login_failures (platform_id, email_hash, ip_address, failed_at)
                        values (:platformId, :emailHash, :ip, :at)""")
                .bind("platformId", platformId)
                .bind("emailHash", emailHash)
                .bind("ip", ip.orElse(null))
                .bind("at", at)
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one());
    }

    @Override
    public void giveBack(long platformId, long failureId) {
        jdbi.useHandle(
                handle -> handle.createUpdate("delete from login_failures where platform_id = :platformId and id = :id")
                        .bind("platformId", platformId)
                        .bind("id", failureId)
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
        return jdbi.withHandle(handle -> {
            // skips the keys a login holds: waiting on one while holding others could deadlock with it
            handle.createUpdate("""
                            delete from login_throttle_keys where (platform_id, throttle_key) in
                            (select platform_id, throttle_key from login_throttle_keys
                             where locked_at < :cutoff for update skip locked)""").bind("cutoff", cutoff).execute();
            return handle.createUpdate("delete from login_failures where failed_at < :cutoff")
                    .bind("cutoff", cutoff)
                    .execute();
        });
    }
}
