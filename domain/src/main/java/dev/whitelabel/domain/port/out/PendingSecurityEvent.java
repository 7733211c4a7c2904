package dev.whitelabel.domain.port.out;

import dev.whitelabel.domain.model.SecurityEvent;

/** An event waiting in a stream: its id, which is the {@code jti} of its token, and the event. */
public record PendingSecurityEvent(long id, long streamId, SecurityEvent event) {}
