package dev.whitelabel.domain.model;

/**
 * A user of the stream's platform as its receiver names one to remove from the stream or add back
 * (SSF 1.0 section 8.1.3): by email, which then names whoever holds that address, or by id.
 */
public sealed interface StreamSubject {

    record ByEmail(EmailAddress email) implements StreamSubject {}

    record ById(long userId) implements StreamSubject {}
}
