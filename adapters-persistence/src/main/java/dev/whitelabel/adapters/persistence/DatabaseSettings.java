package dev.whitelabel.adapters.persistence;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Where the database is, how many connections to keep to it, and how long a request may wait for
 * one before it is answered 503 (when the database is down, that wait is what every request pays).
 */
public record DatabaseSettings(
        String url, Optional<String> user, Optional<String> password, int poolSize, Duration connectTimeout) {

    public static final int DEFAULT_POOL_SIZE = 10;
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);

    /** No credentials beyond the URL, the default pool. */
    public static DatabaseSettings of(String url) {
        return new DatabaseSettings(url, Optional.empty(), Optional.empty(), DEFAULT_POOL_SIZE, DEFAULT_CONNECT_TIMEOUT);
    }

    /**
     * The embedded default: an H2 file that survives {@code kill -9} (WRITE_DELAY=0 commits to disk
     * before answering), that the command line can open while the server runs (AUTO_SERVER), and
     * that speaks the same SQL as PostgreSQL.
     */
    public static String embeddedH2Url(Path file) {
        return "jdbc:h2:file:" + file.toAbsolutePath()
                + ";AUTO_SERVER=TRUE;WRITE_DELAY=0;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    }

    @Override
    public String toString() {
        return "DatabaseSettings[url=" + url + ", user=" + user.orElse("") + ", poolSize=" + poolSize
                + ", connectTimeout=" + connectTimeout + "]";
    }
}
