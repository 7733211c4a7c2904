package dev.whitelabel.adapters.persistence;

import java.nio.file.Path;
import java.util.Optional;

/** Where the database is and how many connections to keep to it. */
public record DatabaseSettings(String url, Optional<String> user, Optional<String> password, int poolSize) {

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
        return "DatabaseSettings[url=" + url + ", user=" + user.orElse("") + ", poolSize=" + poolSize + "]";
    }
}
