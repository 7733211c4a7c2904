package dev.whitelabel.adapters.persistence.jdbi;

import dev.whitelabel.domain.error.StorageUnavailable;
import dev.whitelabel.domain.port.out.StorageProbe;

final class JdbiStorageProbe implements StorageProbe {

    private final GuardedJdbi jdbi;

    JdbiStorageProbe(GuardedJdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public boolean answers() {
        try {
            return jdbi.withHandle(handle ->
                            handle.createQuery("select 1").mapTo(Integer.class).one())
                    == 1;
        } catch (StorageUnavailable e) {
            return false;
        }
    }
}
