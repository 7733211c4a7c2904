package dev.whitelabel.adapters.persistence;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The contract on the embedded default: an H2 file with the product's own URL settings. */
class H2StorageTest extends SqlStoragePortsContract {

    @TempDir
    Path directory;

    @Override
    HikariDataSource openDataSource() {
        return Database.open(DatabaseSettings.of(DatabaseSettings.embeddedH2Url(directory.resolve("whitelabel"))));
    }
}
