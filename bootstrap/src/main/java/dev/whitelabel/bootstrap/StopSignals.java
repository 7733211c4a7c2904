package dev.whitelabel.bootstrap;

import java.util.concurrent.CountDownLatch;
import sun.misc.Signal;

/**
 * SIGTERM and SIGINT as a request to stop, so that {@code serve} drains and exits 0 rather than 143; a
 * second signal during the drain stops at once (exit 1). Not a JVM shutdown hook: once the JVM begins
 * to exit, H2's own hook closes an embedded database at once, and its AUTO_SERVER mode (the command
 * line beside a running server) refuses DB_CLOSE_ON_EXIT=FALSE, so the drain would answer 503. The one
 * class that touches {@code sun.misc}, which ArchitectureTest keeps so.
 */
final class StopSignals {

    private final CountDownLatch stop = new CountDownLatch(1);

    static StopSignals handled() {
        var signals = new StopSignals();
        Signal.handle(new Signal("TERM"), signal -> signals.stopOrExit());
        Signal.handle(new Signal("INT"), signal -> signals.stopOrExit());
        return signals;
    }

    void await() throws InterruptedException {
        stop.await();
    }

    private void stopOrExit() {
        if (stop.getCount() == 0) {
            Runtime.getRuntime().halt(1);
        }
        stop.countDown();
    }
}
