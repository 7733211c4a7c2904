package dev.whitelabel.adapters.http;

/** The same routes over an H2 file, through the SQL adapter. */
class AccountLifecycleRoutesOnH2Test extends AccountLifecycleRoutesTest {

    @Override
    RunningApi.Store store() {
        return RunningApi.Store.H2;
    }
}
