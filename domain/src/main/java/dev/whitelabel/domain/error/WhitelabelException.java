package dev.whitelabel.domain.error;

/**
 * The refusals a use case can answer with. Each adapter maps them to its own answer in one place, a
 * {@link ErrorMapper} that names every kind; messages are fixed texts, never echoes of the input.
 */
public abstract sealed class WhitelabelException extends RuntimeException
        permits ApiKeyNotFound,
                InvalidCredentials,
                InvalidInput,
                NotWhiteLabelAdmin,
                PlatformNotFound,
                StorageUnavailable,
                ServiceClientNotFound,
                TokenNotFound,
                WebhookNotFound,
                DeliveryNotFound,
                TooManyLoginAttempts,
                UserNotFound,
                StreamNotFound {

    protected WhitelabelException(String message) {
        // No stack trace: these are answers, not faults, and they are thrown on hot paths.
        super(message, null, false, false);
    }

    /** The adapter's answer to this refusal. */
    public abstract <R> R mappedBy(ErrorMapper<R> mapper);
}
