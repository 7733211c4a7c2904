package dev.whitelabel.domain.port.out;

import dev.whitelabel.domain.model.ServiceClient;
import dev.whitelabel.domain.model.ServiceClientCheck;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The service clients of every platform. A deleted client is gone for {@link #findWithToken} on
 * the very next call, from any process sharing the store; its row stays for the audit trail.
 */
public interface ServiceClientStore {

    ServiceClient add(ServiceClientEntry client);

    /**
     * The undeleted client with that public id, whatever its platform (authentication comes before
     * any platform) and, in the same lookup, the token with that id when
     * it is unrevoked and of the client's platform: introspection runs on every request of the
     * platform's services, so it costs one round trip, as authentication does.
     */
    Optional<ServiceClientCheck> findWithToken(String clientId, long tokenId);

    /** The platform's undeleted clients, oldest first. */
    List<ServiceClient> list(long platformId);

    /** Deletes the client matched by its id and its platform together; false when there is none. */
    boolean delete(long platformId, long id, Instant now);
}
