package dev.whitelabel.domain.port.in;

/**
 * A stream tells of every user of its platform but those its receiver removed (SSF 1.0 section 8.1.3,
 * {@code default_subjects} ALL): events of a removed user are not written to it, from the next change
 * on; adding the user back ends that. Both are idempotent.
 */
public interface ChangeStreamSubjectsUseCase {
    /** @throws dev.whitelabel.domain.error.StreamNotFound not the platform's */
    void add(StreamSubjectCommand command);

    /** @throws dev.whitelabel.domain.error.StreamNotFound not the platform's */
    void remove(StreamSubjectCommand command);
}
