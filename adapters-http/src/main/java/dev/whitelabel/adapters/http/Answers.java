package dev.whitelabel.adapters.http;

import java.util.List;
import java.util.Map;

/** The JSON bodies the API answers with; field names are written in snake_case. */
final class Answers {

    private Answers() {}

    record Message(String message) {}

    record Error(String error) {}

    record Validation(String message, Map<String, List<String>> errors) {}

    record LoggedOut(String message, int revokedTokens) {}

    record UserSummary(long id, String name, String email) {}
}
