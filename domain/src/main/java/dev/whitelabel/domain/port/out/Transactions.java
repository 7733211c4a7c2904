package dev.whitelabel.domain.port.out;

import java.util.function.Supplier;

/**
 * Runs work so that its writes to every store land together or not at all: when {@code work} throws,
 * none of them is kept. A transaction begun inside another joins it.
 */
public interface Transactions {
    <T> T inTransaction(Supplier<T> work);
}
