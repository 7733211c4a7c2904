package dev.whitelabel.adapters.http;

/** The same door on PostgreSQL, through the SQL that confines it to a platform (skipped without WHITELABEL_TEST_PG_URL). */
class ForwardAuthOnPostgresqlTest extends ForwardAuthTest {

    @Override
    RunningApi.Store store() {
        return RunningApi.Store.POSTGRESQL;
    }
}
