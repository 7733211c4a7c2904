package dev.whitelabel.adapters.http;

import static dev.whitelabel.adapters.http.RouteOverFakes.ADMIN_TOKEN;
import static dev.whitelabel.adapters.http.RouteOverFakes.ANN;
import static dev.whitelabel.adapters.http.RouteOverFakes.AS_ADMIN;
import static dev.whitelabel.adapters.http.RouteOverFakes.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.whitelabel.domain.error.InvalidCredentials;
import dev.whitelabel.domain.error.TooManyLoginAttempts;
import dev.whitelabel.domain.error.UserNotFound;
import dev.whitelabel.domain.model.Abilities;
import dev.whitelabel.domain.model.Actor;
import dev.whitelabel.domain.model.EmailAddress;
import dev.whitelabel.domain.model.IssuedToken;
import dev.whitelabel.domain.model.NewPlatformUser;
import dev.whitelabel.domain.model.NewToken;
import dev.whitelabel.domain.model.Password;
import dev.whitelabel.domain.model.PlainTextToken;
import dev.whitelabel.domain.model.SignedIn;
import dev.whitelabel.domain.model.UserReference;
import dev.whitelabel.domain.port.in.CreateTokenUseCase;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Register, login and token alone, over fake use cases (AccountRoutesTest runs the real ones). */
class AccountRoutesFakeTest {

    static final String TOKEN = "9|" + "c".repeat(40);
    static final Abilities READER = new Abilities(List.of("orders:read"));
    static final SignedIn SIGNED_IN =
            new SignedIn(ANN, new IssuedToken(PlainTextToken.parse(TOKEN).orElseThrow(), "ci", READER, T0));
    static final String ISSUED_TO_ANN =
            "\"user\":{\"id\":2,\"name\":\"Ann\",\"email\":\"ann@acme.test\"},\"token\":\"" + TOKEN + "\"";

    @RegisterExtension
    final RouteOverFakes fakes = new RouteOverFakes();

    ApiClient api;

    @BeforeEach
    void serve() {
        api = fakes.serve(support -> new AccountRoutes(
                (actor, user, firstToken) -> fakes.answer(SIGNED_IN, "register", actor, user, firstToken),
                (actor, email, password, token, person) ->
                        fakes.answer(SIGNED_IN, "login", actor, email, password, token, person),
                new CreateTokenUseCase() {
                    @Override
                    public SignedIn forPlatformUser(Actor actor, UserReference user, NewToken token) {
                        return fakes.answer(SIGNED_IN, "forPlatformUser", actor, user, token);
                    }

                    @Override
                    public IssuedToken forAnyUser(long userId, NewToken token) {
                        throw new AssertionError("the operator's command line only");
                    }
                },
                support));
    }

    @Test
    void register_hands_the_new_user_and_the_named_device_over_and_answers_201() {
        var answer = api.postJson(
                "/api/white-label/register",
                ADMIN_TOKEN,
                "{\"name\":\"Ann\",\"email\":\"ann@acme.test\",\"password\":\"correct horse\","
                        + "\"device_name\":\"Ann's phone\",\"abilities\":[\"orders:read\"]}\n");

        var call = fakes.onlyCall();
        assertThat(call.subList(0, 3))
                .isEqualTo(List.of(
                        "register",
                        AS_ADMIN,
                        new NewPlatformUser(
                                "Ann",
                                new EmailAddress("ann@acme.test"),
                                Optional.of(new Password("correct horse")),
                                Optional.empty())));
        var firstToken = (NewToken) call.get(3);
        assertThat(firstToken.name()).isEqualTo("api-token");
        assertThat(firstToken.device().name()).contains("Ann's phone");
        assertThat(firstToken.abilities()).contains(READER);
        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.body())
                .isEqualTo("{\"message\":\"Registration successful.\"," + ISSUED_TO_ANN
                        + ",\"abilities\":[\"orders:read\"]}\n");
    }

    @Test
    void login_names_the_token_api_token_unless_told_and_answers_the_token() {
        var answer = api.postJson(
                "/api/white-label/login", ADMIN_TOKEN, "{\"email\":\"ann@acme.test\",\"password\":\"secret\"}");

        var call = fakes.onlyCall();
        assertThat(call.subList(0, 4))
                .isEqualTo(List.of("login", AS_ADMIN, new EmailAddress("ann@acme.test"), "secret"));
        assertThat(((NewToken) call.get(4)).name()).isEqualTo("api-token");
        assertThat(((NewToken) call.get(4)).abilities())
                .as("left to the issuer")
                .isEmpty();
        assertThat(call.get(5)).as("no trusted proxy named the person").isEqualTo(Optional.empty());
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body())
                .isEqualTo("{\"message\":\"Login successful.\"," + ISSUED_TO_ANN
                        + ",\"token_name\":\"ci\",\"abilities\":[\"orders:read\"]}\n");
    }

    @Test
    void a_refused_login_is_401_or_429_with_retry_after() {
        String body = "{\"email\":\"ann@acme.test\",\"password\":\"secret\"}";
        fakes.refuse(new InvalidCredentials());
        var wrong = api.postJson("/api/white-label/login", ADMIN_TOKEN, body);
        fakes.refuse(new TooManyLoginAttempts(Duration.ofSeconds(30)));
        var throttled = api.postJson("/api/white-label/login", ADMIN_TOKEN, body);

        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.body()).isEqualTo("{\"error\":\"Invalid credentials.\"}\n");
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.header("Retry-After")).contains("30");
        assertThat(throttled.body())
                .isEqualTo("{\"message\":\"Too many login attempts. Please try again in 30 seconds.\"}\n");
    }

    @Test
    void a_token_is_asked_for_the_user_named_with_its_name_and_lifetime() {
        var answer = api.postJson(
                "/api/white-label/token",
                ADMIN_TOKEN,
                "{\"user_id\":2,\"token_name\":\"ci\",\"expires_in\":3600,\"abilities\":[\"orders:read\"]}\n");
        fakes.refuse(new UserNotFound());
        var unknown = api.postJson("/api/white-label/token", ADMIN_TOKEN, "{\"email\":\"nobody@acme.test\"}");

        var call = fakes.calls().get(0);
        var token = (NewToken) call.get(3);
        assertThat(call.subList(0, 3)).isEqualTo(List.of("forPlatformUser", AS_ADMIN, UserReference.byId(2)));
        assertThat(token.name()).isEqualTo("ci");
        assertThat(token.expiresIn()).contains(Duration.ofHours(1));
        assertThat(token.abilities()).contains(READER);
        assertThat(answer.json().get("message").asText()).isEqualTo("Token created successfully.");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).isEqualTo("{\"error\":\"User not found.\"}\n");
    }
}
