package dev.whitelabel.adapters.http.ssf;

import dev.whitelabel.domain.model.SecurityEventType;
import java.util.Arrays;
import java.util.Optional;

/** The URIs CAEP 1.0, RISC 1.0 and SSF 1.0 name their event types by. */
public final class SecurityEventNames {

    private static final String CAEP = "https://schemas.openid.net/secevent/caep/event-type/";
    private static final String RISC = "https://schemas.openid.net/secevent/risc/event-type/";
    private static final String SSF = "https://schemas.openid.net/secevent/ssf/event-type/";

    private SecurityEventNames() {}

    public static String of(SecurityEventType type) {
        return switch (type) {
            case SESSION_REVOKED -> CAEP + "session-revoked";
            case CREDENTIAL_CHANGE -> CAEP + "credential-change";
            case ACCOUNT_DISABLED -> RISC + "account-disabled";
            case ACCOUNT_ENABLED -> RISC + "account-enabled";
            case ACCOUNT_PURGED -> RISC + "account-purged";
            case VERIFICATION -> SSF + "verification";
            case STREAM_UPDATED -> SSF + "stream-updated";
        };
    }

    /** The type a receiver named, if this transmitter sends it. */
    public static Optional<SecurityEventType> type(String uri) {
        return Arrays.stream(SecurityEventType.values())
                .filter(type -> of(type).equals(uri))
                .findFirst();
    }
}
