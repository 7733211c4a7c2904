package dev.whitelabel.adapters.http;

/** The same routes on PostgreSQL (skipped without WHITELABEL_TEST_PG_URL). */
class AccountLifecycleRoutesOnPostgresqlTest extends AccountLifecycleRoutesTest {

    @Override
    RunningApi.Store store() {
        return RunningApi.Store.POSTGRESQL;
    }
}
