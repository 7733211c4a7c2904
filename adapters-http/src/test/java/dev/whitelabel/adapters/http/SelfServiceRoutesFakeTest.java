package dev.whitelabel.adapters.http;

import static dev.whitelabel.adapters.http.RouteOverFakes.ANNS_SESSION;
import static dev.whitelabel.adapters.http.RouteOverFakes.ANN_TOKEN;
import static dev.whitelabel.adapters.http.RouteOverFakes.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.whitelabel.domain.error.ApiKeyNotFound;
import dev.whitelabel.domain.error.Input;
import dev.whitelabel.domain.error.InvalidInput;
import dev.whitelabel.domain.error.Violation.Rule;
import dev.whitelabel.domain.model.Abilities;
import dev.whitelabel.domain.model.ApiKey;
import dev.whitelabel.domain.model.Device;
import dev.whitelabel.domain.model.LogoutResult;
import dev.whitelabel.domain.model.LogoutScope;
import dev.whitelabel.domain.model.Password;
import dev.whitelabel.domain.model.PlainTextToken;
import dev.whitelabel.domain.model.TokenSummary;
import dev.whitelabel.domain.port.in.CreateApiKeyUseCase;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A token holder's own routes alone, over fake use cases (SelfServiceRoutesTest runs the real ones). */
class SelfServiceRoutesFakeTest {

    static final String KEY = "23|" + "d".repeat(40);

    static TokenSummary token(long id, String name) {
        return new TokenSummary(
                id,
                name,
                T0,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Device.UNKNOWN,
                Optional.empty(),
                Abilities.EVERYTHING);
    }

    @RegisterExtension
    final RouteOverFakes fakes = new RouteOverFakes();

    ApiClient api;

    @BeforeEach
    void serve() {
        CreateApiKeyUseCase create = (caller, name, device, abilities) -> fakes.answer(
                new ApiKey(token(23, name), PlainTextToken.parse(KEY).orElseThrow()),
                "create",
                caller,
                name,
                device,
                abilities);
        api = fakes.serve(support -> new SelfServiceRoutes(
                (caller, scope) -> fakes.answer(new LogoutResult(1), "logout", caller, scope),
                create,
                caller -> fakes.answer(List.of(token(23, "ci")), "list", caller),
                (caller, keyId) -> fakes.answer(null, "delete", caller, keyId),
                fakes.userTokens(List.of(token(22, "phone"), token(21, "laptop"))),
                fakes.accounts(2).changeOwnPassword(),
                support));
    }

    @Test
    void me_is_the_tokens_holder_without_any_use_case() {
        var answer = api.get("/api/user/me", ANN_TOKEN);

        assertThat(answer.body())
                .isEqualTo("{\"id\":2,\"name\":\"Ann\",\"email\":\"ann@acme.test\","
                        + "\"token\":{\"id\":22,\"abilities\":[\"*\"]}}\n");
        fakes.assertNoCall();
    }

    @Test
    void logout_reads_the_scope_current_unless_told_and_all_as_the_older_spelling() {
        var current = api.postJson("/api/user/logout", ANN_TOKEN, "{}");
        api.postJson("/api/user/logout", ANN_TOKEN, "{\"scope\":\"others\"}");
        api.postJson("/api/user/logout", ANN_TOKEN, "{\"all\":true}");
        var contradiction = api.postJson("/api/user/logout", ANN_TOKEN, "{\"all\":true,\"scope\":\"current\"}");

        assertThat(fakes.calls())
                .isEqualTo(List.of(
                        List.of("logout", ANNS_SESSION, LogoutScope.CURRENT),
                        List.of("logout", ANNS_SESSION, LogoutScope.OTHERS),
                        List.of("logout", ANNS_SESSION, LogoutScope.ALL)));
        assertThat(current.body()).isEqualTo("{\"message\":\"Logged out successfully.\",\"revoked_tokens\":1}\n");
        assertThat(contradiction.status()).isEqualTo(422);
        assertThat(contradiction.json().at("/errors/scope/0").asText())
                .isEqualTo("The scope field must be all when all is true.");
    }

    @Test
    void a_password_change_passes_both_passwords_and_a_wrong_current_one_is_a_422_on_it() {
        String body = "{\"current_password\":\"old one\",\"password\":\"new password\"}";
        var changed = api.postJson("/api/user/password", ANN_TOKEN, body);
        fakes.refuse(InvalidInput.of(Input.CURRENT_PASSWORD, Rule.INCORRECT));
        var wrong = api.postJson("/api/user/password", ANN_TOKEN, body);

        assertThat(fakes.calls().get(0))
                .isEqualTo(List.of("changeOwnPassword", ANNS_SESSION, "old one", new Password("new password")));
        assertThat(changed.body()).isEqualTo("{\"message\":\"Password changed successfully.\",\"revoked_tokens\":2}\n");
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.body())
                .isEqualTo("{\"message\":\"The password is incorrect.\","
                        + "\"errors\":{\"current_password\":[\"The password is incorrect.\"]}}\n");
    }

    @Test
    void the_own_tokens_mark_the_one_calling_current() {
        var answer = api.get("/api/user/tokens", ANN_TOKEN);

        assertThat(fakes.onlyCall().get(1)).isEqualTo(ANNS_SESSION);
        assertThat(answer.json().at("/data/0/current").asBoolean()).isTrue();
        assertThat(answer.json().at("/data/1/current").asBoolean()).isFalse();
    }

    @Test
    void an_api_key_is_created_with_its_token_shown_and_a_missing_one_is_the_users_404() {
        var created =
                api.postJson("/api/user/api-keys", ANN_TOKEN, "{\"name\":\"ci\",\"abilities\":[\"orders:read\"]}");
        var notAnId = api.delete("/api/user/api-keys/abc", ANN_TOKEN);
        fakes.refuse(new ApiKeyNotFound());
        var missing = api.delete("/api/user/api-keys/5", ANN_TOKEN);

        assertThat(fakes.calls().get(0).subList(0, 3)).isEqualTo(List.of("create", ANNS_SESSION, "ci"));
        assertThat(fakes.calls().get(0).get(4)).isEqualTo(Optional.of(new Abilities(List.of("orders:read"))));
        assertThat(fakes.calls().get(1)).isEqualTo(List.of("delete", ANNS_SESSION, 5L));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body())
                .isEqualTo("{\"message\":\"API key created successfully.\",\"api_key\":{\"id\":23,\"name\":\"ci\","
                        + "\"token\":\"" + KEY
                        + "\",\"created_at\":\"2025-01-02T03:04:05Z\",\"abilities\":[\"*\"]}}\n");
        assertThat(notAnId.body()).isEqualTo("{\"message\":\"API key not found.\"}\n");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body()).isEqualTo("{\"message\":\"API key not found.\"}\n");
    }
}
