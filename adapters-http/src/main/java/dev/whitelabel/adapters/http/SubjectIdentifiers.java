package dev.whitelabel.adapters.http;

import dev.whitelabel.domain.model.StreamSubject;
import java.util.Optional;
import java.util.Set;

/**
 * The user an RFC 9493 subject identifier names, as a receiver gives one to the add and remove subject
 * endpoints, in the formats this transmitter's events name users by: {@code email}, {@code opaque}
 * (the user's id), or {@code complex} with such a {@code user} and, if given, the platform as its
 * {@code tenant}. A stream's subjects are its platform's users: a subject that names a session, a
 * device or another platform is refused, not quietly widened to a user.
 */
final class SubjectIdentifiers {

    private static final String FIELD = "subject";
    private static final Set<String> COMPLEX_MEMBERS = Set.of("format", "user", "tenant");

    private SubjectIdentifiers() {}

    static StreamSubject user(Optional<BodyFields> subject, long platformId) {
        BodyFields fields = subject.orElseThrow(() -> refused("The subject field is required."));
        String format = format(fields);
        if (!format.equals("complex")) {
            return simple(fields, format);
        }
        if (!COMPLEX_MEMBERS.containsAll(fields.names())) {
            throw refused("The subject must name a user, and may name the platform as its tenant; nothing else.");
        }
        var user = fields.optionalObject("user");
        var tenant = fields.optionalObject("tenant");
        fields.requireValid();
        tenant.ifPresent(given -> {
            if (!(format(given).equals("opaque") && id(given).equals(Optional.of(platformId)))) {
                throw refused("The subject's tenant must be this platform, as an opaque id.");
            }
        });
        BodyFields named = user.orElseThrow(() -> refused("A complex subject must name its user."));
        return simple(named, format(named));
    }

    private static StreamSubject simple(BodyFields fields, String format) {
        switch (format) {
            case "email" -> {
                var email = fields.optionalEmail("email");
                fields.requireValid();
                return new StreamSubject.ByEmail(
                        email.orElseThrow(() -> refused("An email subject must give its email.")));
            }
            case "opaque" -> {
                return new StreamSubject.ById(id(fields)
                        .orElseThrow(() -> refused("An opaque subject's id must be"
                                + " a user's id, as this transmitter's events give it.")));
            }
            default -> throw refused("The subject's format must be email, opaque or complex.");
        }
    }

    private static String format(BodyFields fields) {
        var format = fields.requiredText("format");
        fields.requireValid();
        return format.orElseThrow();
    }

    private static Optional<Long> id(BodyFields fields) {
        var id = fields.requiredText("id");
        fields.requireValid();
        return id.flatMap(PathIds::positive);
    }

    private static InvalidRequest refused(String message) {
        return InvalidRequest.of(FIELD, message);
    }
}
