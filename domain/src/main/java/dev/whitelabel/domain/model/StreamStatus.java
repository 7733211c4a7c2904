package dev.whitelabel.domain.model;

/**
 * Whether a stream carries events (SSF 1.0 section 8.1.2): a paused stream holds them until it is
 * enabled again; a disabled one drops what it holds and takes nothing new.
 */
public enum StreamStatus {
    ENABLED,
    PAUSED,
    DISABLED
}
