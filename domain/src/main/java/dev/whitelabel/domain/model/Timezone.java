package dev.whitelabel.domain.model;

import dev.whitelabel.domain.error.Input;
import dev.whitelabel.domain.error.InvalidInput;
import dev.whitelabel.domain.error.Violation.Rule;
import java.time.DateTimeException;
import java.time.ZoneId;

/** A user's timezone, as an IANA region id such as "Europe/Paris". */
public record Timezone(String id) {

    public Timezone {
        if (id == null || id.length() > 64 || !isZone(id)) {
            throw InvalidInput.of(Input.TIMEZONE, Rule.NOT_A_TIMEZONE);
        }
    }

    private static boolean isZone(String id) {
        try {
            ZoneId.of(id);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }
}
