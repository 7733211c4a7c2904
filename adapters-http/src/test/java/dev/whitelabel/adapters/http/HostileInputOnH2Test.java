package dev.whitelabel.adapters.http;

/** The hostile-input table on H2 (a file of its own for each case). */
class HostileInputOnH2Test extends HostileInputTest {

    @Override
    RunningApi.Store store() {
        return RunningApi.Store.H2;
    }
}
