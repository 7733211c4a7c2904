package dev.whitelabel.domain.model;

/** What a service client is told about a token it was shown. */
public sealed interface Introspection {

    /** The client did not prove who it is: nothing is said about the token. */
    record InvalidClient() implements Introspection {}

    /** Revoked, expired, unknown, malformed or another platform's: all alike. */
    record Inactive() implements Introspection {}

    /** Alive and of the client's platform. */
    record Active(AuthenticatedUser holder) implements Introspection {}
}
