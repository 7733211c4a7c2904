package dev.whitelabel.adapters.persistence;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The PostgreSQL that tests may use, named by WHITELABEL_TEST_PG_URL (tests skip without it). Each
 * test takes a schema of its own, so runs never see each other's rows.
 */
public final class TestPostgres {

    public static final String URL_VARIABLE = "WHITELABEL_TEST_PG_URL";

    private TestPostgres() {}

    public static String baseUrl() {
        return Optional.ofNullable(System.getenv(URL_VARIABLE))
                .filter(url -> !url.isBlank())
                .orElseThrow(() -> new IllegalStateException(URL_VARIABLE + " is not set"));
    }

    /** A schema no one else uses; Flyway creates it on first migration. Closing drops it. */
    public static FreshSchema freshSchema() {
        String name = "wl_test_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        String base = baseUrl();
        return new FreshSchema(name, base + (base.contains("?") ? "&" : "?") + "currentSchema=" + name);
    }

    public record FreshSchema(String name, String url) implements AutoCloseable {
        @Override
        public void close() throws SQLException {
            try (var connection = DriverManager.getConnection(baseUrl());
                    var statement = connection.createStatement()) {
                statement.execute("drop schema if exists " + name + " cascade");
            }
        }
    }
}
