package dev.whitelabel.domain.port.in;

/** Puts a verification event in the stream, delivered like any other (SSF 1.0 section 8.1.4). */
public interface VerifyEventStreamUseCase {
    /** @throws dev.whitelabel.domain.error.StreamNotFound not the platform's */
    void verify(VerifyEventStreamCommand command);
}
