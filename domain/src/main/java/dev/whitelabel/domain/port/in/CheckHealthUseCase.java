package dev.whitelabel.domain.port.in;

/** Whether this instance can do its work: its database answers. */
public interface CheckHealthUseCase {
    boolean isHealthy();
}
