package dev.whitelabel.adapters.persistence.jdbi;

import dev.whitelabel.domain.port.out.LoginFailures;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

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
            // H2 answers at once, without waiting, that another login's insert of the key is not yet
            // committed: give it the moment it needs rather than spin
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while counting a login");
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
        return latest(
                "login_failures where platform_id = :platformId and " + column + " = :value",
                query -> query.bind("platformId", platformId).bind("value", value),
                since,
                limit);
    }

    @Override
    public void recordForClient(String clientKey, Instant at) {
        jdbi.useHandle(handle -> handle.createUpdate(
                        "insert into service_client_failures (client_key, failed_at) values (:clientKey, :at)")
                .bind("clientKey", clientKey)
                .bind("at", at)
                .execute());
    }

    @Override
    public List<Instant> latestForClient(String clientKey, Instant since, int limit) {
        return latest(
                "service_client_failures where client_key = :clientKey",
                query -> query.bind("clientKey", clientKey),
                since,
                limit);
    }

    private List<Instant> latest(String tableAndCondition, UnaryOperator<Query> binding, Instant since, int limit) {
        return jdbi.withHandle(handle -> binding.apply(handle.createQuery("select failed_at from " + tableAndCondition
                        + " and failed_at > :since order by failed_at desc limit :limit"))
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
            handle.createUpdate("delete from service_client_failures where failed_at < :cutoff")
                    .bind("cutoff", cutoff)
                    .execute();
            return handle.createUpdate("delete from login_failures where failed_at < :cutoff")
                    .bind("cutoff", cutoff)
                    .execute();
        });
    }
}
