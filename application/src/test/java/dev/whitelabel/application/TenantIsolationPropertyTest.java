package dev.whitelabel.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.whitelabel.domain.error.InvalidInput;
import dev.whitelabel.domain.error.ServiceClientNotFound;
import dev.whitelabel.domain.error.TokenNotFound;
import dev.whitelabel.domain.error.UserNotFound;
import dev.whitelabel.domain.error.WebhookNotFound;
import dev.whitelabel.domain.model.Abilities;
import dev.whitelabel.domain.model.Actor;
import dev.whitelabel.domain.model.Introspection;
import dev.whitelabel.domain.model.IssuedToken;
import dev.whitelabel.domain.model.LogoutTarget;
import dev.whitelabel.domain.model.NewToken;
import dev.whitelabel.domain.model.PageRequest;
import dev.whitelabel.domain.model.Password;
import dev.whitelabel.domain.model.PlatformCreated;
import dev.whitelabel.domain.model.ServiceClientCreated;
import dev.whitelabel.domain.model.SessionCap;
import dev.whitelabel.domain.model.User;
import dev.whitelabel.domain.model.UserReference;
import dev.whitelabel.domain.model.WebhookEndpoint;
import dev.whitelabel.domain.port.in.ChangeSessionCapCommand;
import dev.whitelabel.domain.port.in.CreateWebhookCommand;
import dev.whitelabel.domain.port.in.SetPasswordCommand;
import dev.whitelabel.domain.port.in.WebhookDeliveriesQuery;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Tenant isolation as a property: whatever sequence of admin operations runs, by whichever
 * platform's admin, against whichever user or token of any platform, no other platform is read or
 * changed.
 */
class TenantIsolationPropertyTest {

    static final int PLATFORMS = 3;
    static final int USERS_PER_PLATFORM = 3;
    static final int TOKENS_PER_USER = 2;

    enum Kind {
        LOGOUT_BY_ID,
        LOGOUT_BY_EMAIL,
        LOGOUT_ONE_TOKEN,
        CREATE_TOKEN,
        LIST_USERS,
        LIST_TOKENS,
        READ_AUDIT,
        // the endpoints other services use, through the acting platform's service client or gateway
        INTROSPECT,
        REVOKE_BY_SERVICE_CLIENT,
        CHECK_ON_PLATFORM,
        LIST_SERVICE_CLIENTS,
        DELETE_SERVICE_CLIENT,
        // webhooks: endpoints, their deliveries, and the events every revocation above puts in them
        LIST_WEBHOOKS,
        FIND_WEBHOOK,
        ENABLE_WEBHOOK,
        DELETE_WEBHOOK,
        READ_DELIVERIES,
        // the account's life and the platform's settings
        SET_PASSWORD,
        DISABLE,
        ENABLE,
        DELETE_USER,
        READ_SETTINGS,
        CHANGE_SETTINGS
    }

    /** The operations on the picked user, which must be refused unless the user is the acting platform's. */
    static final Set<Kind> ON_A_USER = EnumSet.of(
            Kind.LOGOUT_BY_ID,
            Kind.LOGOUT_BY_EMAIL,
            Kind.LOGOUT_ONE_TOKEN,
            Kind.CREATE_TOKEN,
            Kind.LIST_TOKENS,
            Kind.SET_PASSWORD,
            Kind.DISABLE,
            Kind.ENABLE,
            Kind.DELETE_USER);

    /** An admin of {@code platform} does {@code kind} to a user and a token picked among all platforms'. */
    record Operation(int platform, Kind kind, int user, int token) {}

    @Provide
    Arbitrary<List<Operation>> operations() {
        int users = PLATFORMS * USERS_PER_PLATFORM;
        var operation = Combinators.combine(
                        Arbitraries.integers().between(0, PLATFORMS - 1),
                        Arbitraries.of(Kind.class),
                        Arbitraries.integers().between(0, users - 1),
                        Arbitraries.integers().between(0, users * TOKENS_PER_USER - 1))
                .as(Operation::new);
        return operation.list().ofMinSize(1).ofMaxSize(25);
    }

    @Property(tries = 300)
    void no_admin_operation_reads_or_changes_another_platform(@ForAll("operations") List<Operation> operations) {
        var fixture = new Fixture();
        List<PlatformCreated> platforms = new ArrayList<>();
        List<User> users = new ArrayList<>();
        List<IssuedToken> tokens = new ArrayList<>();
        List<ServiceClientCreated> clients = new ArrayList<>();
        List<WebhookEndpoint> webhooks = new ArrayList<>();
        Set<Long> deleted = new HashSet<>();
        for (int p = 0; p < PLATFORMS; p++) {
            var platform = fixture.platform("p" + p);
            platforms.add(platform);
            clients.add(fixture.useCases.createServiceClient().create(Fixture.adminOf(platform), "api"));
            webhooks.add(fixture.useCasesAllowingPrivateTargets
                    .createWebhook()
                    .create(new CreateWebhookCommand(Fixture.adminOf(platform), "http://127.0.0.1:9/p" + p, Set.of()))
                    .endpoint());
            for (int u = 0; u < USERS_PER_PLATFORM; u++) {
                var user = fixture.user(platform, "u" + u + "@p" + p + ".test");
                users.add(user);
                for (int t = 0; t < TOKENS_PER_USER; t++) {
                    // abilities of this platform's own naming, so that an answer with another's shows
                    var abilities = new Abilities(List.of("p" + p + ":u" + u + ":t" + t, "p" + p + ":read"));
                    tokens.add(fixture.useCases
                            .createToken()
                            .forAnyUser(user.id(), NewToken.named("api-token").holding(Optional.of(abilities))));
                }
            }
        }

        for (Operation operation : operations) {
            var actingPlatform = platforms.get(operation.platform());
            long actingId = actingPlatform.platform().id();
            List<String> othersBefore = new ArrayList<>();
            for (var other : platforms) {
                othersBefore.add(other == actingPlatform ? "" : snapshot(fixture, other, users, tokens));
            }

            apply(
                    fixture,
                    Actor.whiteLabelAdmin(actingPlatform.admin()),
                    clients.get(operation.platform()),
                    operation,
                    users,
                    tokens,
                    clients,
                    webhooks,
                    actingId,
                    deleted);

            for (int p = 0; p < PLATFORMS; p++) {
                var other = platforms.get(p);
                if (other != actingPlatform) {
                    assertThat(snapshot(fixture, other, users, tokens))
                            .as("platform %d after %s", p, operation)
                            .isEqualTo(othersBefore.get(p));
                }
            }
        }
    }

    /** Runs the operation; anything it reads must be the acting platform's own. */
    private static void apply(
            Fixture fixture,
            Actor admin,
            ServiceClientCreated client,
            Operation operation,
            List<User> users,
            List<IssuedToken> tokens,
            List<ServiceClientCreated> clients,
            List<WebhookEndpoint> webhooks,
            long actingId,
            Set<Long> deleted) {
        User user = users.get(operation.user());
        IssuedToken token = tokens.get(operation.token());
        long tokenId = token.tokenId();
        var introspection = fixture.useCases.introspectToken();
        var revocation = fixture.useCases.revokeToken();
        var useCases = fixture.useCases;
        try {
            switch (operation.kind()) {
                case LOGOUT_BY_ID -> useCases.logoutPlatformUser().logout(admin, LogoutTarget.user(user.id()));
                case LOGOUT_BY_EMAIL -> useCases.logoutPlatformUser().logout(admin, LogoutTarget.user(user.email()));
                case LOGOUT_ONE_TOKEN ->
                    useCases.logoutPlatformUser()
                            .logout(admin, LogoutTarget.user(user.id()).onlyToken(tokenId));
                case CREATE_TOKEN -> {
                    var asked = new Abilities(List.of("p" + operation.platform() + ":read"));
                    var signedIn = useCases.createToken()
                            .forPlatformUser(
                                    admin,
                                    UserReference.byId(user.id()),
                                    NewToken.named("t").holding(Optional.of(asked)));
                    assertThat(signedIn.user().platformId()).isEqualTo(actingId);
                    assertThat(signedIn.token().abilities()).isEqualTo(asked);
                }
                case LIST_USERS ->
                    assertThat(useCases.listPlatformUsers()
                                    .list(admin, Optional.empty(), new PageRequest(1, 100))
                                    .items())
                            .allSatisfy(
                                    listed -> assertThat(listed.platformId()).isEqualTo(actingId));
                case LIST_TOKENS -> useCases.listUserTokens().list(admin, user.id(), new PageRequest(1, 100));
                case READ_AUDIT ->
                    assertThat(useCases.readAuditTrail()
                                    .read(admin, new PageRequest(1, 100))
                                    .items())
                            .allSatisfy(recorded ->
                                    assertThat(recorded.event().platformId()).isEqualTo(actingId));
                case INTROSPECT -> {
                    var answer = introspection.introspect(
                            client.client().clientId(),
                            client.secret(),
                            token.token().value());
                    if (answer instanceof Introspection.Active active) {
                        assertThat(active.holder().user().platformId()).isEqualTo(actingId);
                        assertThat(active.holder().tokenId()).isEqualTo(tokenId);
                        assertThat(active.holder().abilities()).isEqualTo(token.abilities());
                    }
                }
                case REVOKE_BY_SERVICE_CLIENT ->
                    revocation.revoke(
                            client.client().clientId(),
                            client.secret(),
                            token.token().value());
                case CHECK_ON_PLATFORM ->
                    useCases.authenticateToken()
                            .authenticateOnPlatform(token.token().value(), actingId)
                            .ifPresent(holder -> {
                                assertThat(holder.user().platformId()).isEqualTo(actingId);
                                assertThat(holder.abilities()).isEqualTo(token.abilities());
                                assertThat(holder.abilities().allows("p" + operation.platform() + ":read"))
                                        .isTrue();
                            });
                case LIST_SERVICE_CLIENTS ->
                    assertThat(useCases.listServiceClients().list(admin))
                            .allSatisfy(
                                    listed -> assertThat(listed.platformId()).isEqualTo(actingId));
                case LIST_WEBHOOKS ->
                    assertThat(useCases.listWebhooks().list(admin))
                            .allSatisfy(
                                    listed -> assertThat(listed.platformId()).isEqualTo(actingId));
                case FIND_WEBHOOK -> {
                    var target = webhooks.get(operation.user() % webhooks.size());
                    assertThat(useCases.findWebhook().find(admin, target.id()).platformId())
                            .isEqualTo(actingId);
                }
                case ENABLE_WEBHOOK -> {
                    var target = webhooks.get(operation.user() % webhooks.size());
                    useCases.enableWebhook().enable(admin, target.id());
                    assertThat(target.platformId())
                            .as("enabled another platform's endpoint")
                            .isEqualTo(actingId);
                }
                case DELETE_WEBHOOK -> {
                    var target = webhooks.get(operation.user() % webhooks.size());
                    useCases.deleteWebhook().delete(admin, target.id());
                    assertThat(target.platformId())
                            .as("deleted another platform's endpoint")
                            .isEqualTo(actingId);
                }
                case READ_DELIVERIES -> {
                    var target = webhooks.get(operation.user() % webhooks.size());
                    useCases.listWebhookDeliveries()
                            .deliveries(new WebhookDeliveriesQuery(admin, target.id(), new PageRequest(1, 100)));
                    assertThat(target.platformId())
                            .as("read another platform's deliveries")
                            .isEqualTo(actingId);
                }
                case SET_PASSWORD ->
                    useCases.setPassword()
                            .setPassword(new SetPasswordCommand(admin, user.id(), new Password("new password")));
                case DISABLE -> useCases.disableUser().disable(admin, user.id());
                case ENABLE -> useCases.enableUser().enable(admin, user.id());
                case DELETE_USER -> {
                    useCases.deleteUser().delete(admin, user.id());
                    deleted.add(user.id());
                }
                case READ_SETTINGS -> useCases.readSessionCap().sessionCap(admin);
                case CHANGE_SETTINGS ->
                    useCases.changeSessionCap()
                            .changeSessionCap(new ChangeSessionCapCommand(
                                    admin,
                                    Optional.of(OptionalInt.of(1 + operation.token())),
                                    Optional.of(SessionCap.Policy.EVICT_OLDEST)));
                case DELETE_SERVICE_CLIENT -> {
                    var target = clients.get(operation.user() % clients.size()).client();
                    useCases.deleteServiceClient().delete(admin, target.id());
                    assertThat(target.platformId())
                            .as("deleted another platform's client")
                            .isEqualTo(actingId);
                }
            }
            assertThat(!ON_A_USER.contains(operation.kind()) || user.platformId() == actingId)
                    .as("%s succeeded on another platform's user", operation)
                    .isTrue();
        } catch (UserNotFound refused) {
            assertThat(user.platformId() != actingId || deleted.contains(user.id()))
                    .as("%s refused a user of the acting platform", operation)
                    .isTrue();
        } catch (InvalidInput disabled) {
            assertThat(operation.kind()).isEqualTo(Kind.CREATE_TOKEN);
            assertThat(user.platformId()).isEqualTo(actingId);
        } catch (TokenNotFound refused) {
            assertThat(user.platformId()).isEqualTo(actingId);
        } catch (ServiceClientNotFound refused) {
            assertThat(operation.kind()).isEqualTo(Kind.DELETE_SERVICE_CLIENT);
        } catch (WebhookNotFound refused) {
            assertThat(operation.kind())
                    .isIn(Kind.FIND_WEBHOOK, Kind.ENABLE_WEBHOOK, Kind.DELETE_WEBHOOK, Kind.READ_DELIVERIES);
        }
    }

    /** All that is stored of one platform, read without going through any admin's permissions. */
    private static String snapshot(
            Fixture fixture, PlatformCreated platform, List<User> users, List<IssuedToken> tokens) {
        var admin = Actor.whiteLabelAdmin(platform.admin());
        var state = new StringBuilder();
        state.append(fixture.useCases.listPlatformUsers().list(admin, Optional.empty(), new PageRequest(1, 100)));
        state.append(fixture.useCases.readAuditTrail().read(admin, new PageRequest(1, 100)));
        state.append(fixture.useCases.listServiceClients().list(admin));
        state.append(fixture.useCases.readSessionCap().sessionCap(admin));
        // every endpoint of the platform, with the deliveries of its events: none may come from another platform's
        // revocations
        for (var endpoint : fixture.useCases.listWebhooks().list(admin)) {
            state.append(endpoint)
                    .append(fixture.useCases
                            .listWebhookDeliveries()
                            .deliveries(new WebhookDeliveriesQuery(admin, endpoint.id(), new PageRequest(1, 100))));
        }
        for (User user : users) {
            if (user.platformId() == platform.platform().id()) {
                try {
                    state.append(fixture.useCases.listUserTokens().list(admin, user.id(), new PageRequest(1, 100)));
                } catch (UserNotFound deleted) {
                    state.append("deleted ").append(user.id());
                }
            }
        }
        for (IssuedToken token : tokens) {
            fixture.storage
                    .tokens()
                    .findUnrevoked(token.tokenId())
                    .filter(found ->
                            found.owner().platformId() == platform.platform().id())
                    .ifPresent(found -> state.append(found.tokenId()).append(','));
        }
        return state.toString();
    }
}
