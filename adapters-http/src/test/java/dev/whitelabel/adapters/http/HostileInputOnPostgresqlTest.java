package dev.whitelabel.adapters.http;

/** The hostile-input table on PostgreSQL (a fresh schema for each case; skipped without WHITELABEL_TEST_PG_URL). */
class HostileInputOnPostgresqlTest extends HostileInputTest {

    @Override
    RunningApi.Store store() {
        return RunningApi.Store.POSTGRESQL;
    }
}
