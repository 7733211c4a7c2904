package dev.whitelabel.adapters.http;

import dev.whitelabel.domain.error.Input;
import dev.whitelabel.domain.error.InvalidInput;
import dev.whitelabel.domain.error.Violation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Invalid input as the API words it, Laravel-style: each input's field name and each broken rule's
 * message, for what the use cases refuse; the command line answers with them too. Errors of the
 * request's own form (a wrong JSON type, an unknown choice) are worded where they are read.
 */
public final class InputErrors {

    private InputErrors() {}

    /** The field that carries {@code input} in request bodies, query strings and command-line errors. */
    public static String field(Input input) {
        return switch (input) {
            case USER_ID -> "user_id";
            case EMAIL -> "email";
            case TOKEN_ID -> "token_id";
            case KEPT_TOKEN_ID -> "except_token_id";
            case PAGE -> "page";
            case PAGE_SIZE -> "per_page";
            case PASSWORD -> "password";
            case CURRENT_PASSWORD -> "current_password";
            case NAME -> "name";
            case ADMIN_NAME -> "admin_name";
            case ADMIN_EMAIL -> "admin_email";
            case TOKEN_NAME -> "token_name";
            case DEVICE_NAME -> "device_name";
            case ABILITIES -> "abilities";
            case SEARCH -> "search";
            case URL -> "url";
            case TIMEZONE -> "timezone";
            case LIFETIME -> "expires_in";
            case MAX_TOKENS_PER_USER -> "max_tokens_per_user";
            case SESSION_CAP_POLICY -> "session_cap_policy";
            case USER -> "user";
            case STREAM -> "stream";
            case DESCRIPTION -> "description";
            case STATUS_REASON -> "reason";
            case ENDPOINT_URL -> "endpoint_url";
            case AUTHORIZATION_HEADER -> "authorization_header";
            case VERIFICATION_STATE -> "state";
        };
    }

    public static String message(Violation violation) {
        String field = field(violation.input());
        String the = "The " + label(field) + " field";
        long limit = violation.limit();
        return switch (violation.rule()) {
            case REQUIRED -> the + " is required.";
            case EITHER_IT_OR_EMAIL_REQUIRED -> "Either " + field + " or " + field(Input.EMAIL) + " is required.";
            case AT_LEAST -> the + " must be at least " + limit + ".";
            case BETWEEN_ONE_AND -> the + " must be between 1 and " + limit + ".";
            case NOT_GREATER_THAN -> the + " must not be greater than " + limit + ".";
            case MORE_CHARACTERS_THAN -> the + " must not be greater than " + limit + " characters.";
            case MORE_BYTES_THAN -> the + " must not be greater than " + limit + " bytes.";
            case FEWER_CHARACTERS_THAN -> the + " must be at least " + limit + " characters.";
            case FEWER_ITEMS_THAN -> the + " must have at least " + limit + (limit == 1 ? " item." : " items.");
            case MORE_ITEMS_THAN -> the + " must not have more than " + limit + " items.";
            case DUPLICATES -> the + " has a duplicate value.";
            case NOT_AN_ABILITY ->
                the + " must hold names of 1 to " + limit + " printable ASCII characters without spaces.";
            case NOT_HELD_BY_THE_ISSUER -> the + " must not name an ability the token making the request lacks.";
            case NOT_STORABLE -> notStorable(field);
            case CONTROL_CHARACTERS -> the + " must not contain control characters.";
            case INVISIBLE_CHARACTERS -> the + " must not contain invisible or text-direction characters.";
            case TOO_MANY_COMBINING_MARKS ->
                the + " must not stack more than " + limit + " combining marks on one character.";
            case NOT_AN_EMAIL_ADDRESS -> the + " must be a valid email address.";
            case NOT_A_TIMEZONE -> the + " must be a valid timezone.";
            case NOT_AN_HTTP_URL -> the + " must be an http or https URL with a host and no user name.";
            case HOST_DOES_NOT_RESOLVE -> the + "'s host does not resolve.";
            case NOT_PUBLIC -> the + " must point to a public address.";
            case PORT_NOT_ALLOWED -> the + "'s port must be 80, 443, or 1024 or above.";
            case NOT_WITH_TOKEN_ID -> the + " is prohibited when " + label(field(Input.TOKEN_ID)) + " is present.";
            case TAKEN -> "The " + label(field) + " has already been taken.";
            case INCORRECT -> "The password is incorrect.";
            case NOT_ONE_OF_THE_CHOICES -> "The selected " + label(field) + " is invalid.";
            case DISABLED -> "The " + label(field) + " is disabled.";
            case AT_THE_SESSION_CAP ->
                "The " + label(field) + " already holds as many tokens as this platform allows (" + limit + ").";
            case AT_MOST_PER_PLATFORM -> "A platform may have at most " + limit + " of these; delete one first.";
        };
    }

    /** Field by field, in the order the inputs were checked. */
    public static Map<String, List<String>> errors(InvalidInput invalid) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        invalid.violations()
                .forEach(violation -> errors.computeIfAbsent(field(violation.input()), key -> new ArrayList<>())
                        .add(message(violation)));
        return errors;
    }

    /** Laravel's summary: the first message, then how many more there are. */
    public static String summary(Map<String, List<String>> errors) {
        List<String> all = errors.values().stream().flatMap(List::stream).toList();
        int more = all.size() - 1;
        return switch (more) {
            case 0 -> all.get(0);
            case 1 -> all.get(0) + " (and 1 more error)";
            default -> all.get(0) + " (and " + more + " more errors)";
        };
    }

    static String notStorable(String field) {
        return "The " + label(field) + " field must not contain NUL characters or unpaired surrogates.";
    }

    /** "token_name" reads as "token name" in messages. */
    static String label(String field) {
        return field.replace('_', ' ');
    }
}
