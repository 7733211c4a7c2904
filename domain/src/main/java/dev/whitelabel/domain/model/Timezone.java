package dev.whitelabel.domain.model;

import dev.whitelabel.domain.error.InvalidInput;
import java.time.DateTimeException;
import java.time.ZoneId;

/** A user's timezone, as an IANA region id such as "Europe/Paris". */
public record Timezone(String id) {

    public Timezone {
        if (id == null || id.length() > 64 || !isZone(id)) {
            throw InvalidInput.of("timezone", "The timezone field must be a valid timezone.");
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
