package dev.whitelabel.domain.error;

/**
 * What an adapter makes of each refusal, one method per kind. A new refusal adds its method here, so
 * every adapter fails to compile until it says how it answers it: none can fall through to a 500.
 */
public interface ErrorMapper<R> {
    R of(ApiKeyNotFound refusal);

    R of(DeliveryNotFound refusal);

    R of(InvalidCredentials refusal);

    R of(InvalidInput refusal);

    R of(NotWhiteLabelAdmin refusal);

    R of(PlatformNotFound refusal);

    R of(ServiceClientNotFound refusal);

    R of(StorageUnavailable refusal);

    R of(TokenNotFound refusal);

    R of(TooManyLoginAttempts refusal);

    R of(UserNotFound refusal);

    R of(WebhookNotFound refusal);

    R of(StreamNotFound refusal);
}
