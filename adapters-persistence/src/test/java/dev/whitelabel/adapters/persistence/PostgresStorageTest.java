package dev.whitelabel.adapters.persistence;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** The contract on PostgreSQL, in a fresh schema per test. */
@EnabledIfEnvironmentVariable(
        named = TestPostgres.URL_VARIABLE,
        matches = ".+",
        disabledReason = "set WHITELABEL_TEST_PG_URL (e.g. jdbc:postgresql://127.0.0.1:5432/test?user=postgres) to run")
class PostgresStorageTest extends SqlStoragePortsContract {

    TestPostgres.FreshSchema schema;

    @Override
    HikariDataSource openDataSource() {
        schema = TestPostgres.freshSchema();
        return Database.open(DatabaseSettings.of(schema.url()));
    }

    @AfterEach
    void dropSchema() throws Exception {
        dataSource.close();
        schema.close();
    }
}
