package dev.whitelabel.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.whitelabel.domain.error.NotWhiteLabelAdmin;
import dev.whitelabel.domain.error.PlatformNotFound;
import dev.whitelabel.domain.error.ServiceClientNotFound;
import dev.whitelabel.domain.model.Actor;
import dev.whitelabel.domain.model.AuditActor;
import dev.whitelabel.domain.model.AuditEvent.AuditAction;
import dev.whitelabel.domain.model.LogoutTarget;
import dev.whitelabel.domain.model.NewToken;
import dev.whitelabel.domain.model.PageRequest;
import dev.whitelabel.domain.model.PlatformCreated;
import dev.whitelabel.domain.model.RecordedAuditEvent;
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
        var created = fixture.useCases.manageServiceClients().create(Fixture.adminOf(acme), " billing api ");

        assertThat(created.client().name()).isEqualTo("billing api");
        assertThat(created.client().clientId()).matches("wlc_[A-Za-z0-9]{20}");
        assertThat(created.secret()).matches("wls_[A-Za-z0-9]{40}");
        assertThat(created.toString()).doesNotContain(created.secret());
        var stored = fixture.storage.serviceClients().findByClientId(created.client().clientId()).orElseThrow();
        assertThat(stored.secretDigest().hex()).doesNotContain(created.secret().substring(4));
        assertThat(fixture.useCases.manageServiceClients().list(Fixture.adminOf(acme))).containsExactly(created.client());
        assertThat(fixture.useCases.manageServiceClients().list(Fixture.adminOf(globex))).isEmpty();
    }

    @Test
    void only_the_right_secret_of_an_undeleted_client_authenticates() {
        var created = fixture.useCases.manageServiceClients().create(Fixture.adminOf(acme), "api");
        var doors = fixture.useCases.serviceClientDoors();
        String id = created.client().clientId();

        assertThat(doors.authenticate(id, created.secret())).contains(created.client());
        assertThat(doors.authenticate(id, created.secret() + "x")).isEmpty();
        assertThat(doors.authenticate(id, "\u00e9" + created.secret().substring(1))).isEmpty();
        assertThat(doors.authenticate("wlc_unknown", created.secret())).isEmpty();

        assertThatThrownBy(() -> fixture.useCases.manageServiceClients().delete(Fixture.adminOf(globex), created.client().id()))
                .isInstanceOf(ServiceClientNotFound.class);
        fixture.useCases.manageServiceClients().delete(Fixture.adminOf(acme), created.client().id());

        assertThat(doors.authenticate(id, created.secret())).as("refused at once").isEmpty();
        assertThatThrownBy(() -> fixture.useCases.manageServiceClients().delete(Fixture.adminOf(acme), created.client().id()))
                .isInstanceOf(ServiceClientNotFound.class);
    }

    @Test
    void introspection_sees_live_tokens_of_the_clients_platform_only_and_never_marks_another_platforms_used() {
        var client = fixture.useCases.manageServiceClients().create(Fixture.adminOf(acme), "api").client();
        var ann = fixture.user(acme, "ann@acme.test");
        var expiring = fixture.useCases.createToken()
                .forAnyUser(ann.id(), new NewToken("phone", Optional.of(Duration.ofHours(1))));
        var gus = fixture.token(fixture.user(globex, "gus@globex.test"));
        var doors = fixture.useCases.serviceClientDoors();

        var holder = doors.introspect(client, expiring.token().value()).orElseThrow();
        assertThat(holder.user()).isEqualTo(ann);
        assertThat(holder.tokenId()).isEqualTo(expiring.tokenId());
        assertThat(holder.issuedAt()).isEqualTo(Fixture.NOW);
        assertThat(holder.expiresAt()).contains(Fixture.NOW.plus(Duration.ofHours(1)));

        assertThat(doors.introspect(client, gus.token().value())).isEmpty();
        assertThat(fixture.storage.tokens().findUnrevoked(gus.tokenId()).orElseThrow().lastUsedAt())
                .as("another platform's token is not even marked used").isEmpty();
        assertThat(doors.introspect(client, "1|" + "x".repeat(40))).isEmpty();

        fixture.useCases.logoutPlatformUser().logout(Fixture.adminOf(acme), LogoutTarget.user(ann.id()));
        assertThat(doors.introspect(client, expiring.token().value())).as("the very next check").isEmpty();
        fixture.clock.advance(Duration.ofHours(2));
        assertThat(doors.introspect(client, fixture.token(ann).token().value())).isPresent();
    }

    @Test
    void a_client_revokes_its_own_platforms_token_audited_as_itself_and_nothing_of_another_platform() {
        var client = fixture.useCases.manageServiceClients().create(Fixture.adminOf(acme), "api").client();
        var ann = fixture.token(fixture.user(acme, "ann@acme.test"));
        var gus = fixture.token(fixture.user(globex, "gus@globex.test"));
        var doors = fixture.useCases.serviceClientDoors();

        doors.revoke(client, gus.token().value());
        doors.revoke(client, "garbage");
        doors.revoke(client, ann.token().value());

        assertThat(fixture.authenticates(gus)).isTrue();
        assertThat(fixture.authenticates(ann)).isFalse();
        RecordedAuditEvent newest = fixture.useCases.readAuditTrail().read(Fixture.adminOf(acme), PageRequest.first())
                .items().get(0);
        assertThat(newest.event().action()).isEqualTo(AuditAction.TOKEN_REVOKED);
        assertThat(newest.event().actor()).isEqualTo(new AuditActor(AuditActor.Kind.SERVICE_CLIENT, Optional.of(client.id())));
        assertThat(newest.event().tokenId()).contains(ann.tokenId());
        assertThat(fixture.useCases.readAuditTrail().read(Fixture.adminOf(globex), PageRequest.first()).items())
                .noneMatch(recorded -> recorded.event().action() == AuditAction.TOKEN_REVOKED);
    }

    @Test
    void creation_and_deletion_are_audited_and_for_admins_and_the_operator_only() {
        var created = fixture.useCases.manageServiceClients().create(Actor.operator(acme.platform().id()), "cli");
        fixture.useCases.manageServiceClients().delete(Fixture.adminOf(acme), created.client().id());

        var trail = fixture.useCases.readAuditTrail().read(Fixture.adminOf(acme), PageRequest.first()).items();
        assertThat(trail.get(0).event().action()).isEqualTo(AuditAction.SERVICE_CLIENT_DELETED);
        assertThat(trail.get(0).event().serviceClientId()).contains(created.client().id());
        assertThat(trail.get(0).event().targetUserId()).isEmpty();
        assertThat(trail.get(1).event().action()).isEqualTo(AuditAction.SERVICE_CLIENT_CREATED);
        assertThat(trail.get(1).event().actor().kind()).isEqualTo(AuditActor.Kind.OPERATOR);

        var ann = fixture.caller(fixture.token(fixture.user(acme, "ann@acme.test")));
        assertThatThrownBy(() -> fixture.useCases.manageServiceClients().create(Actor.tokenOwner(ann.user()), "mine"))
                .isInstanceOf(NotWhiteLabelAdmin.class);
        assertThatThrownBy(() -> fixture.useCases.manageServiceClients().create(Actor.serviceClient(created.client()), "x"))
                .isInstanceOf(NotWhiteLabelAdmin.class);
        assertThatThrownBy(() -> fixture.useCases.manageServiceClients().create(Actor.operator(999), "x"))
                .isInstanceOf(PlatformNotFound.class);
    }
}
