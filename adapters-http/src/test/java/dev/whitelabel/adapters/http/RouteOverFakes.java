package dev.whitelabel.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.whitelabel.domain.model.Abilities;
import dev.whitelabel.domain.model.Actor;
import dev.whitelabel.domain.model.AuthenticatedUser;
import dev.whitelabel.domain.model.LogoutResult;
import dev.whitelabel.domain.model.Page;
import dev.whitelabel.domain.model.PageRequest;
import dev.whitelabel.domain.model.Role;
import dev.whitelabel.domain.model.TokenSummary;
import dev.whitelabel.domain.model.User;
import dev.whitelabel.domain.port.in.AuthenticateTokenUseCase;
import dev.whitelabel.domain.port.in.ChangeOwnPasswordUseCase;
import dev.whitelabel.domain.port.in.DeleteUserUseCase;
import dev.whitelabel.domain.port.in.DisableUserUseCase;
import dev.whitelabel.domain.port.in.EnableUserUseCase;
import dev.whitelabel.domain.port.in.ListUserTokensUseCase;
import dev.whitelabel.domain.port.in.SetPasswordUseCase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One route group alone on a free port, over hand-written fakes of its use cases, so that its tests
 * see only what the route does: how it reads a request into a call, and how it answers what the call
 * gave back or threw. Fakes answer through {@link #answer}, which records each call. Register it with
 * {@code @RegisterExtension}.
 */
final class RouteOverFakes implements AfterEachCallback {

    static final Instant T0 = Instant.parse("2025-01-02T03:04:05Z");
    static final long PLATFORM = 7;
    static final User ADMIN = new User(1, PLATFORM, "Ada", "ada@acme.test", Role.ADMIN, T0, Optional.empty());
    static final User ANN = new User(2, PLATFORM, "Ann", "ann@acme.test", Role.USER, T0, Optional.empty());
    static final String ADMIN_TOKEN = "11|" + "a".repeat(40);
    static final String ANN_TOKEN = "22|" + "b".repeat(40);
    static final AuthenticatedUser ANNS_SESSION =
            new AuthenticatedUser(ANN, 22, T0, Optional.empty(), Abilities.EVERYTHING);
    static final Actor AS_ADMIN = Actor.whiteLabelAdmin(ADMIN);

    /** The only tokens the fake authentication knows: whether a token is alive is not the routes' business. */
    private static final Map<String, AuthenticatedUser> SESSIONS = Map.of(
            ADMIN_TOKEN,
            new AuthenticatedUser(ADMIN, 11, T0, Optional.empty(), Abilities.EVERYTHING),
            ANN_TOKEN,
            ANNS_SESSION);

    private final List<List<Object>> calls = new ArrayList<>();
    private RuntimeException refusal;
    private HttpServer server;

    /** The group served alone, with the fake authentication and a database that is always healthy. */
    ApiClient serve(Function<RouteSupport, RouteGroup> group) {
        server = HttpServer.create(
                        new KnownSessions(), () -> true, support -> List.of(group.apply(support)), RunningApi.SETTINGS)
                .start("127.0.0.1", 0);
        return new ApiClient(server.port());
    }

    /** What a fake gives back: records the call, then answers {@code value} or throws what {@link #refuse} set. */
    <T> T answer(T value, String method, Object... arguments) {
        var call = new ArrayList<>();
        call.add(method);
        call.addAll(Arrays.asList(arguments));
        calls.add(call);
        if (refusal != null) {
            throw refusal;
        }
        return value;
    }

    /** Every fake throws this from now on, as a use case refuses. */
    void refuse(RuntimeException refusal) {
        this.refusal = refusal;
    }

    /** Each call the fakes received, in order: its method's name, then its arguments. */
    List<List<Object>> calls() {
        return calls;
    }

    /** The one call the route made. */
    List<Object> onlyCall() {
        assertThat(calls).hasSize(1);
        return calls.get(0);
    }

    void assertNoCall() {
        assertThat(calls).as("no use case called").isEmpty();
    }

    /** The account use cases, which two groups call. */
    record Accounts(
            ChangeOwnPasswordUseCase changeOwnPassword,
            SetPasswordUseCase setPassword,
            DisableUserUseCase disable,
            EnableUserUseCase enable,
            DeleteUserUseCase delete) {}

    /** The account use cases, each recording its call; every logout of theirs ends {@code revoked} tokens. */
    Accounts accounts(int revoked) {
        var result = new LogoutResult(revoked);
        return new Accounts(
                change -> answer(
                        result, "changeOwnPassword", change.caller(), change.currentPassword(), change.password()),
                set -> answer(result, "setPassword", set.actor(), set.userId(), set.password()),
                (actor, userId) -> answer(result, "disable", actor, userId),
                (actor, userId) -> answer(null, "enable", actor, userId),
                (actor, userId) -> answer(result, "delete", actor, userId));
    }

    /** The tokens use case, which two groups call: every page it answers holds {@code tokens}. */
    ListUserTokensUseCase userTokens(List<TokenSummary> tokens) {
        return new ListUserTokensUseCase() {
            @Override
            public Page<TokenSummary> list(Actor actor, long userId, PageRequest page) {
                return answer(new Page<>(tokens, page, tokens.size()), "list", actor, userId, page);
            }

            @Override
            public Page<TokenSummary> listOwn(AuthenticatedUser caller, PageRequest page) {
                return answer(new Page<>(tokens, page, tokens.size()), "listOwn", caller, page);
            }
        };
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (server != null) {
            server.stop();
        }
    }

    private static final class KnownSessions implements AuthenticateTokenUseCase {
        @Override
        public Optional<AuthenticatedUser> authenticate(String presentedToken, Optional<String> clientIp) {
            return Optional.ofNullable(SESSIONS.get(presentedToken));
        }

        @Override
        public Optional<AuthenticatedUser> authenticateOnPlatform(
                String presentedToken, long platformId, Optional<String> clientIp) {
            return authenticate(presentedToken, clientIp)
                    .filter(holder -> holder.user().platformId() == platformId);
        }
    }
}
