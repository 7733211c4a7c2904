package dev.whitelabel.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.whitelabel.domain.model.Abilities;
import dev.whitelabel.domain.model.NewToken;
import dev.whitelabel.domain.model.PlatformCreated;
import dev.whitelabel.domain.model.ServiceClientCreated;
import dev.whitelabel.domain.model.User;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OAuth2IntrospectionException;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.security.oauth2.server.resource.introspection.SpringOpaqueTokenIntrospector;

/**
 * RFC 7662 against a client nobody here wrote: Spring Security's own opaque-token introspector, as
 * a Spring resource server would configure it, with a service client's credentials.
 */
class SpringIntrospectorTest {

    @RegisterExtension
    final RunningApi running = new RunningApi();

    PlatformCreated acme;
    User ann;
    String annsToken;
    ServiceClientCreated client;
    OpaqueTokenIntrospector introspector;

    @BeforeEach
    void seed() {
        acme = running.platform("acme");
        ann = running.user(acme, "ann@acme.test");
        annsToken = running.token(ann);
        client = running.serviceClient(acme);
        introspector = SpringOpaqueTokenIntrospector.withIntrospectionUri(
                        "http://127.0.0.1:" + running.server.port() + "/oauth/introspect")
                .clientId(client.client().clientId())
                .clientSecret(client.secret())
                .build();
    }

    @Test
    void a_live_token_yields_the_principal_with_its_attributes() {
        var principal = introspector.introspect(annsToken);

        assertThat(principal.getName()).isEqualTo(Long.toString(ann.id()));
        assertThat(principal.<String>getAttribute("username")).isEqualTo("ann@acme.test");
        assertThat(principal.getAttributes()).containsEntry("active", true).containsKey("iat");
        assertThat(((Number) principal.getAttribute("platform_id")).longValue())
                .isEqualTo(acme.platform().id());
        assertThat(((Number) principal.getAttribute("token_id")).longValue()).isEqualTo(RunningApi.idOf(annsToken));
    }

    /** Spring reads RFC 7662's scope as the principal's authorities, each "SCOPE_" and one ability. */
    @Test
    void the_abilities_become_the_principals_scope_authorities() {
        String reader = running.token(
                ann,
                NewToken.named("reader").holding(Optional.of(new Abilities(List.of("orders:read", "invoices:read")))));

        var narrow = introspector.introspect(reader);
        var everything = introspector.introspect(annsToken);

        assertThat(narrow.getAuthorities())
                .extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("SCOPE_orders:read", "SCOPE_invoices:read");
        assertThat(narrow.<List<String>>getAttribute("scope")).containsExactly("orders:read", "invoices:read");
        assertThat(everything.getAuthorities())
                .extracting(GrantedAuthority::getAuthority)
                .containsExactly("SCOPE_*");
    }

    @Test
    void after_a_logout_the_very_next_introspection_rejects_it_as_an_invalid_token() {
        introspector.introspect(annsToken);

        running.api.postJson("/api/white-label/logout", RunningApi.adminToken(acme), "{\"email\":\"ann@acme.test\"}");

        assertThatThrownBy(() -> introspector.introspect(annsToken)).isInstanceOf(BadOpaqueTokenException.class);
    }

    @Test
    void wrong_client_credentials_fail_the_introspection_itself() {
        var impostor = SpringOpaqueTokenIntrospector.withIntrospectionUri(
                        "http://127.0.0.1:" + running.server.port() + "/oauth/introspect")
                .clientId(client.client().clientId())
                .clientSecret(client.secret() + "x")
                .build();

        assertThatThrownBy(() -> impostor.introspect(annsToken))
                .isInstanceOf(OAuth2IntrospectionException.class)
                .isNotInstanceOf(BadOpaqueTokenException.class);
    }
}
