package dev.whitelabel.domain.port.out;

import dev.whitelabel.domain.model.EventStream;
import java.time.Instant;

/** An event claimed for pushing to its stream's receiver: how many tries before this one, and until when the claim holds. */
public record DuePush(PendingSecurityEvent pending, EventStream stream, int attempts, Instant leaseUntil) {}
