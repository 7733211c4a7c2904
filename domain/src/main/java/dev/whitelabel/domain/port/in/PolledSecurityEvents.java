package dev.whitelabel.domain.port.in;

import java.util.Map;

/** The signed tokens a poll answers, by event id, oldest first, and whether the stream holds more. */
public record PolledSecurityEvents(Map<Long, String> tokens, boolean moreAvailable) {}
