package dev.whitelabel.adapters.persistence;

import dev.whitelabel.adapters.persistence.memory.InMemoryStorage;
import dev.whitelabel.domain.port.out.Storage;

class InMemoryStorageTest extends StoragePortsContract {

    @Override
    Storage emptyStorage() {
        return InMemoryStorage.create();
    }
}
