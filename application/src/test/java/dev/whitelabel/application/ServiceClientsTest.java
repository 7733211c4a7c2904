package dev.whitelabel.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.whitelabel.adapters.persistence.BcryptPasswordHasher;
import dev.whitelabel.domain.error.NotWhiteLabelAdmin;
import dev.whitelabel.domain.error.PlatformNotFound;
import dev.whitelabel.domain.error.ServiceClientNotFound;
import dev.whitelabel.domain.error.TooManyLoginAttempts;
import dev.whitelabel.domain.model.Actor;
import dev.whitelabel.domain.model.AuditActor;
import dev.whitelabel.domain.model.AuditEvent.AuditAction;
import dev.whitelabel.domain.model.AuthenticatedUser;
import dev.whitelabel.domain.model.Introspection;
import dev.whitelabel.domain.model.LoginThrottle;
import dev.whitelabel.domain.model.LogoutTarget;
import dev.whitelabel.domain.model.NewToken;
import dev.whitelabel.domain.model.PageRequest;
import dev.whitelabel.domain.model.PlatformCreated;
import dev.whitelabel.domain.model.RecordedAuditEvent;
import dev.whitelabel.domain.model.ServiceClientCreated;
import dev.whitelabel.domain.model.TokenDigest;
import dev.whitelabel.domain.model.WebhookPolicy;
import dev.whitelabel.domain.port.out.HostResolver;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Service clients, introspection and revocation on the in-memory adapter. */
class ServiceClientsTest {

    final Fixture fixture = new Fixture();
    final PlatformCreated acme = fixture.platform("acme");
    final PlatformCreated globex = fixture.platform("globex");

    @Test
    void a_client_gets_a_public_id_and_a_secret_shown_once_and_stored_as_a_digest() {
        var created = fixture.useCases.createServiceClient().create(Fixture.adminOf(acme), " billing api ");

        assertThat(created.client().name()).isEqualTo("billing api");
        assertThat(created.client().clientId()).matches("wlc_[A-Za-z0-9]{20}");
        assertThat(created.secret()).matches("wls_[A-Za-z0-9]{40}");
        assertThat(created.toString()).doesNotContain(created.secret());
        var stored = fixture.storage
                .serviceClients()
                .findWithToken(created.client().clientId(), -1)
                .orElseThrow()
                .client();
        assertThat(stored.secretDigest().hex()).doesNotContain(created.secret().substring(4));
        assertThat(fixture.useCases.listServiceClients().list(Fixture.adminOf(acme)))
                .containsExactly(created.client());
        assertThat(fixture.useCases.listServiceClients().list(Fixture.adminOf(globex)))
                .isEmpty();
    }

    /** What the client is told about {@code token}: its holder while it is active, empty while inactive. */
    Optional<AuthenticatedUser> introspect(ServiceClientCreated client, String token) {
        var answer =
                fixture.useCases.introspectToken().introspect(client.client().clientId(), client.secret(), token);
        assertThat(answer).isNotInstanceOf(Introspection.InvalidClient.class);
        return answer instanceof Introspection.Active active ? Optional.of(active.holder()) : Optional.empty();
    }

    boolean authenticates(String clientId, String secret) {
        return !(fixture.useCases.introspectToken().introspect(clientId, secret, "x")
                instanceof Introspection.InvalidClient);
    }

    @Test
    void wrong_secrets_past_the_limit_are_refused_for_that_client_id_and_a_right_one_never_is() {
        var throttled = new WhitelabelUseCases(
                fixture.storage,
                new BcryptPasswordHasher(4),
                fixture.clock,
                WebhookPolicy.publicTargetsOnly(),
                new LoginThrottle(5, 3, Duration.ofMinutes(15)),
                HostResolver.SYSTEM);
        var introspection = throttled.introspectToken();
        var revocation = throttled.revokeToken();
        var attacked = fixture.useCases.createServiceClient().create(Fixture.adminOf(acme), "attacked");
        String id = attacked.client().clientId();
        for (int i = 0; i < 3; i++) {
            assertThat(introspection.introspect(id, "wls_guess" + i, "x"))
                    .isInstanceOf(Introspection.InvalidClient.class);
            fixture.clock.advance(Duration.ofMinutes(1));
        }

        assertThatThrownBy(() -> introspection.introspect(id, "wls_guess", "x"))
                .isInstanceOf(TooManyLoginAttempts.class)
                .hasMessage("Too many login attempts. Please try again in 720 seconds.");
        assertThatThrownBy(() -> revocation.revoke(id, "wls_guess", "x")).isInstanceOf(TooManyLoginAttempts.class);
        assertThat(introspection.introspect(id, attacked.secret(), "x"))
                .as("whoever knows the id cannot shut the client out")
                .isInstanceOf(Introspection.Inactive.class);
        assertThat(revocation.revoke(id, attacked.secret(), "x")).isTrue();

        for (int i = 0; i < 3; i++) {
            introspection.introspect("wlc_nobody", "wls_guess", "x");
        }
        assertThatThrownBy(() -> introspection.introspect("wlc_nobody", "wls_guess", "x"))
                .as("an unknown id is counted as a known one")
                .isInstanceOf(TooManyLoginAttempts.class);
        assertThat(fixture.storage
                        .loginFailures()
                        .latestForClient(
                                TokenDigest.of("wlc_nobody").hex(),
                                fixture.clock.instant().minusSeconds(60),
                                10))
                .as("refused secrets are not written down")
                .hasSize(3);

        fixture.clock.advance(Duration.ofMinutes(13));
        assertThat(introspection.introspect(id, "wls_guess", "x")).isInstanceOf(Introspection.InvalidClient.class);
    }

    @Test
    void only_the_right_secret_of_an_undeleted_client_authenticates() {
        var created = fixture.useCases.createServiceClient().create(Fixture.adminOf(acme), "api");
        String id = created.client().clientId();

        assertThat(authenticates(id, created.secret())).isTrue();
        assertThat(authenticates(id, created.secret() + "x")).isFalse();
        assertThat(authenticates(id, "\u00e9" + created.secret().substring(1))).isFalse();
        assertThat(authenticates("wlc_unknown", created.secret())).isFalse();
        assertThat(fixture.useCases.revokeToken().revoke(id, "wrong", "x")).isFalse();

        assertThatThrownBy(() -> fixture.useCases
                        .deleteServiceClient()
                        .delete(Fixture.adminOf(globex), created.client().id()))
                .isInstanceOf(ServiceClientNotFound.class);
        fixture.useCases
                .deleteServiceClient()
                .delete(Fixture.adminOf(acme), created.client().id());

        assertThat(authenticates(id, created.secret())).as("refused at once").isFalse();
        assertThatThrownBy(() -> fixture.useCases
                        .deleteServiceClient()
                        .delete(Fixture.adminOf(acme), created.client().id()))
                .isInstanceOf(ServiceClientNotFound.class);
    }

    @Test
    void introspection_sees_live_tokens_of_the_clients_platform_only_and_never_marks_another_platforms_used() {
        var client = fixture.useCases.createServiceClient().create(Fixture.adminOf(acme), "api");
        var ann = fixture.user(acme, "ann@acme.test");
        var expiring = fixture.useCases
                .createToken()
                .forAnyUser(ann.id(), new NewToken("phone", Optional.of(Duration.ofHours(1))));
        var gus = fixture.token(fixture.user(globex, "gus@globex.test"));

        var holder = introspect(client, expiring.token().value()).orElseThrow();
        assertThat(holder.user()).isEqualTo(ann);
        assertThat(holder.tokenId()).isEqualTo(expiring.tokenId());
        assertThat(holder.issuedAt()).isEqualTo(Fixture.NOW);
        assertThat(holder.expiresAt()).contains(Fixture.NOW.plus(Duration.ofHours(1)));

        assertThat(introspect(client, gus.token().value())).isEmpty();
        assertThat(fixture.storage
                        .tokens()
                        .findUnrevoked(gus.tokenId())
                        .orElseThrow()
                        .lastUsedAt())
                .as("another platform's token is not even marked used")
                .isEmpty();
        assertThat(introspect(client, "1|" + "x".repeat(40))).isEmpty();
        assertThat(introspect(client, "not a token")).isEmpty();

        fixture.useCases.logoutPlatformUser().logout(Fixture.adminOf(acme), LogoutTarget.user(ann.id()));
        assertThat(introspect(client, expiring.token().value()))
                .as("the very next check")
                .isEmpty();
        var fresh = fixture.token(ann);
        fixture.clock.advance(Duration.ofHours(2));
        assertThat(introspect(client, fresh.token().value())).isPresent();
        assertThat(introspect(client, expiring.token().value())).as("expired").isEmpty();
    }

    @Test
    void a_client_revokes_its_own_platforms_token_audited_as_itself_and_nothing_of_another_platform() {
        var created = fixture.useCases.createServiceClient().create(Fixture.adminOf(acme), "api");
        var client = created.client();
        var ann = fixture.token(fixture.user(acme, "ann@acme.test"));
        var gus = fixture.token(fixture.user(globex, "gus@globex.test"));
        var revocation = fixture.useCases.revokeToken();

        assertThat(revocation.revoke(
                        client.clientId(), created.secret(), gus.token().value()))
                .isTrue();
        assertThat(revocation.revoke(client.clientId(), created.secret(), "garbage"))
                .isTrue();
        assertThat(revocation.revoke(
                        client.clientId(), created.secret(), ann.token().value()))
                .isTrue();

        assertThat(fixture.authenticates(gus)).isTrue();
        assertThat(fixture.authenticates(ann)).isFalse();
        RecordedAuditEvent newest = fixture.useCases
                .readAuditTrail()
                .read(Fixture.adminOf(acme), PageRequest.first())
                .items()
                .get(0);
        assertThat(newest.event().action()).isEqualTo(AuditAction.TOKEN_REVOKED);
        assertThat(newest.event().actor())
                .isEqualTo(new AuditActor(AuditActor.Kind.SERVICE_CLIENT, Optional.of(client.id())));
        assertThat(newest.event().tokenId()).contains(ann.tokenId());
        assertThat(fixture.useCases
                        .readAuditTrail()
                        .read(Fixture.adminOf(globex), PageRequest.first())
                        .items())
                .noneMatch(recorded -> recorded.event().action() == AuditAction.TOKEN_REVOKED);
    }

    @Test
    void creation_and_deletion_are_audited_and_for_admins_and_the_operator_only() {
        var created = fixture.useCases
                .createServiceClient()
                .create(Actor.operator(acme.platform().id()), "cli");
        fixture.useCases
                .deleteServiceClient()
                .delete(Fixture.adminOf(acme), created.client().id());

        var trail = fixture.useCases
                .readAuditTrail()
                .read(Fixture.adminOf(acme), PageRequest.first())
                .items();
        assertThat(trail.get(0).event().action()).isEqualTo(AuditAction.SERVICE_CLIENT_DELETED);
        assertThat(trail.get(0).event().serviceClientId())
                .contains(created.client().id());
        assertThat(trail.get(0).event().targetUserId()).isEmpty();
        assertThat(trail.get(1).event().action()).isEqualTo(AuditAction.SERVICE_CLIENT_CREATED);
        assertThat(trail.get(1).event().actor().kind()).isEqualTo(AuditActor.Kind.OPERATOR);

        var ann = fixture.caller(fixture.token(fixture.user(acme, "ann@acme.test")));
        assertThatThrownBy(() -> fixture.useCases.createServiceClient().create(Actor.tokenOwner(ann), "mine"))
                .isInstanceOf(NotWhiteLabelAdmin.class);
        assertThatThrownBy(
                        () -> fixture.useCases.createServiceClient().create(Actor.serviceClient(created.client()), "x"))
                .isInstanceOf(NotWhiteLabelAdmin.class);
        assertThatThrownBy(() -> fixture.useCases.createServiceClient().create(Actor.operator(999), "x"))
                .isInstanceOf(PlatformNotFound.class);
    }
}
