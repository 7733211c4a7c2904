package dev.whitelabel.domain.port.out;

import java.util.function.Supplier;

/** Runs work so that its writes to every store land together or not at all. */
public interface Transactions {
    <T> T inTransaction(Supplier<T> work);
}
