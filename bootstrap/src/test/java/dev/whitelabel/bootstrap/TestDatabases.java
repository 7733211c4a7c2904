package dev.whitelabel.bootstrap;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.whitelabel.adapters.persistence.DatabaseSettings;
import dev.whitelabel.adapters.persistence.TestPostgres;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** An empty database of either kind for a test, and what to close after it, last opened first. */
// what it closes may throw anything, InterruptedException included; a test's teardown lets it through
@SuppressWarnings("try")
final class TestDatabases implements AutoCloseable {

    private final List<AutoCloseable> opened = new ArrayList<>();

    /**
     * {@code "h2"}: a file under {@code directory}; {@code "postgresql"}: a fresh schema (the directory is
     * not used), or the test is skipped.
     */
    String url(String kind, Path directory) {
        if (kind.equals("postgresql")) {
            assumeTrue(System.getenv(TestPostgres.URL_VARIABLE) != null, TestPostgres.URL_VARIABLE + " is not set");
            var schema = TestPostgres.freshSchema();
            opened.add(schema);
            return schema.url();
        }
        return DatabaseSettings.embeddedH2Url(directory.resolve("whitelabel"));
    }

    <T extends AutoCloseable> T closeLater(T resource) {
        opened.add(resource);
        return resource;
    }

    @Override
    public void close() throws Exception {
        Collections.reverse(opened);
        for (var resource : opened) {
            resource.close();
        }
        opened.clear();
    }
}
