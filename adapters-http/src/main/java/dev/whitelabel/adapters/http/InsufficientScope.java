package dev.whitelabel.adapters.http;

/**
 * A live token that lacks an ability the request needs: RFC 6750 section 3.1's 403 with {@code
 * error="insufficient_scope"}, in the words of Laravel Sanctum's own refusal. The abilities needed are
 * not named in the challenge: the gateway that asks for them was configured with them.
 */
final class InsufficientScope extends RuntimeException {

    static final String CHALLENGE = "Bearer realm=\"whitelabel\", error=\"insufficient_scope\"";

    InsufficientScope() {
        super("Invalid ability provided.", null, false, false);
    }
}
