package dev.whitelabel.domain.port.in;

/** A receiver polls its stream: forgets what it is done with, then takes the oldest events held. */
public interface PollSecurityEventsUseCase {
    /** The most one poll answers; more is clamped to it. */
    int MOST_EVENTS = 100;

    /** @throws dev.whitelabel.domain.error.StreamNotFound not the platform's */
    PolledSecurityEvents poll(PollSecurityEventsCommand command);
}
