package dev.whitelabel.domain.model;

import java.time.Instant;
import java.util.Optional;

/** An attempt to push to a stream's receiver: when it was made, and its {@code error} if it failed. */
public record StreamPush(Instant at, Optional<String> error) {}
