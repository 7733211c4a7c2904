package dev.whitelabel.domain.port.out;

/** Whether the storage answers right now. */
public interface StorageProbe {
    boolean answers();
}
