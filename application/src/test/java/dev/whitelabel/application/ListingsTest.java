package dev.whitelabel.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.whitelabel.domain.model.AuditEvent.AuditAction;
import dev.whitelabel.domain.model.PageRequest;
import dev.whitelabel.domain.model.PlatformCreated;
import dev.whitelabel.domain.model.User;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ListingsTest {

    final Fixture fixture = new Fixture();
    final PlatformCreated acme = fixture.platform("acme");
    final PlatformCreated globex = fixture.platform("globex");

    @Test
    void an_admin_lists_and_searches_their_platform_users_only() {
        User ann = fixture.user(acme, "ann@acme.test");
        User bob = fixture.user(acme, "bob@acme.test");
        fixture.user(globex, "gus@globex.test");

        var all =
                fixture.useCases.listPlatformUsers().list(Fixture.adminOf(acme), Optional.empty(), PageRequest.first());
        var search = fixture.useCases
                .listPlatformUsers()
                .list(Fixture.adminOf(acme), Optional.of(" BOB "), PageRequest.first());

        assertThat(all.items()).containsExactly(ann, bob);
        assertThat(search.items()).containsExactly(bob);
    }

    @Test
    void the_audit_trail_records_token_creation_with_the_actor() {
        User ann = fixture.user(acme, "ann@acme.test");
        var token = fixture.token(ann);

        var trail = fixture.useCases
                .readAuditTrail()
                .read(Fixture.adminOf(acme), PageRequest.first())
                .items();

        var created = trail.get(0).event();
        assertThat(created.action()).isEqualTo(AuditAction.TOKEN_CREATED);
        assertThat(created.tokenId()).contains(token.tokenId());
        assertThat(created.actor().userId()).as("the operator has no user id").isEmpty();
        assertThat(trail).hasSize(2);
    }
}
