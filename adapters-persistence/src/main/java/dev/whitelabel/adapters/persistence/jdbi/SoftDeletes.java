package dev.whitelabel.adapters.persistence.jdbi;

import java.time.Instant;

/** Rows of a platform that are marked deleted rather than removed: lookups skip them, their history keeps them. */
final class SoftDeletes {

    private SoftDeletes() {}

    /** Marks the row matched by its id and platform together; false when there is none, or it is deleted already. */
    static boolean delete(GuardedJdbi jdbi, String table, long platformId, long id, Instant now) {
        return jdbi.withHandle(handle -> handle.createUpdate("update " + table + " set deleted_at = :now"
                                + " where id = :id and platform_id = :platformId and deleted_at is null")
                        .bind("now", now)
                        .bind("id", id)
                        .bind("platformId", platformId)
                        .execute())
                == 1;
    }
}
