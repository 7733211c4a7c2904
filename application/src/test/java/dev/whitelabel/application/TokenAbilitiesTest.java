package dev.whitelabel.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.whitelabel.domain.error.Input;
import dev.whitelabel.domain.error.InvalidInput;
import dev.whitelabel.domain.error.NotWhiteLabelAdmin;
import dev.whitelabel.domain.error.Violation;
import dev.whitelabel.domain.error.Violation.Rule;
import dev.whitelabel.domain.model.Abilities;
import dev.whitelabel.domain.model.Actor;
import dev.whitelabel.domain.model.AuthenticatedUser;
import dev.whitelabel.domain.model.Device;
import dev.whitelabel.domain.model.EmailAddress;
import dev.whitelabel.domain.model.Introspection;
import dev.whitelabel.domain.model.NewPlatformUser;
import dev.whitelabel.domain.model.NewToken;
import dev.whitelabel.domain.model.PageRequest;
import dev.whitelabel.domain.model.Password;
import dev.whitelabel.domain.model.PlatformCreated;
import dev.whitelabel.domain.model.TokenSummary;
import dev.whitelabel.domain.model.User;
import dev.whitelabel.domain.model.UserReference;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Sanctum's abilities through every way a token is issued; they only ever narrow. */
class TokenAbilitiesTest {

    static final Abilities ORDERS = new Abilities(List.of("orders:read", "orders:write"));
    static final Abilities READ = new Abilities(List.of("orders:read"));

    final Fixture fixture = new Fixture();
    final PlatformCreated acme = fixture.platform("acme");
    final User ann = fixture.user(acme, "ann@acme.test");

    @Test
    void a_token_holds_every_ability_unless_asked_for_fewer() {
        var everything = fixture.token(ann);
        var orders = fixture.useCases.createToken().forAnyUser(ann.id(), asking(ORDERS));

        assertThat(everything.abilities()).isEqualTo(Abilities.EVERYTHING);
        assertThat(acme.adminToken().abilities()).isEqualTo(Abilities.EVERYTHING);
        assertThat(orders.abilities()).isEqualTo(ORDERS);
        assertThat(fixture.caller(everything).abilities()).isEqualTo(Abilities.EVERYTHING);
        assertThat(fixture.caller(orders).abilities()).isEqualTo(ORDERS);
        assertThat(fixture.useCases
                        .listUserTokens()
                        .list(Fixture.adminOf(acme), ann.id(), PageRequest.first())
                        .items())
                .extracting(TokenSummary::abilities)
                .containsExactly(ORDERS, Abilities.EVERYTHING);
    }

    @Test
    void register_login_and_an_admins_token_keep_the_abilities_asked_for() {
        var admin = Fixture.adminOf(acme);
        var bo = new NewPlatformUser(
                "Bo", new EmailAddress("bo@acme.test"), Optional.of(new Password("correct horse")), Optional.empty());

        var registered = fixture.useCases.registerPlatformUser().register(admin, bo, asking(READ));
        var loggedIn = fixture.useCases
                .loginPlatformUser()
                .login(admin, new EmailAddress("bo@acme.test"), "correct horse", asking(ORDERS));
        var created = fixture.useCases.createToken().forPlatformUser(admin, UserReference.byId(ann.id()), asking(READ));

        assertThat(fixture.caller(registered.token()).abilities()).isEqualTo(READ);
        assertThat(fixture.caller(loggedIn.token()).abilities()).isEqualTo(ORDERS);
        assertThat(fixture.caller(created.token()).abilities()).isEqualTo(READ);
    }

    @Test
    void an_admins_narrow_token_passes_on_its_own_abilities_and_never_more() {
        var narrowAdmin = Actor.whiteLabelAdmin(fixture.caller(
                fixture.useCases.createToken().forAnyUser(acme.admin().id(), asking(ORDERS))));
        var createToken = fixture.useCases.createToken();
        var anns = UserReference.byId(ann.id());

        var inherited = createToken.forPlatformUser(narrowAdmin, anns, NewToken.named("default"));
        var narrower = createToken.forPlatformUser(narrowAdmin, anns, asking(READ));

        assertThat(inherited.token().abilities()).isEqualTo(ORDERS);
        assertThat(narrower.token().abilities()).isEqualTo(READ);
        int tokensBefore = tokensOf(ann).size();
        for (var wider : List.of(
                Abilities.EVERYTHING,
                new Abilities(List.of("orders:read", "orders:delete")),
                new Abilities(List.of("*", "orders:read")))) {
            assertThatThrownBy(() -> createToken.forPlatformUser(narrowAdmin, anns, asking(wider)))
                    .isInstanceOf(InvalidInput.class)
                    .satisfies(e -> assertThat(((InvalidInput) e).violations())
                            .containsExactly(Violation.of(Input.ABILITIES, Rule.NOT_HELD_BY_THE_ISSUER)));
        }
        assertThat(tokensOf(ann)).hasSize(tokensBefore);
    }

    @Test
    void an_api_key_holds_at_most_what_the_token_creating_it_holds() {
        var reader = fixture.caller(fixture.useCases.createToken().forAnyUser(ann.id(), asking(READ)));
        var apiKeys = fixture.useCases.createApiKey();

        var inherited = apiKeys.create(reader, "inherited", Device.UNKNOWN, Optional.empty());
        var same = apiKeys.create(reader, "same", Device.UNKNOWN, Optional.of(READ));

        assertThat(inherited.key().abilities()).isEqualTo(READ);
        assertThat(same.key().abilities()).isEqualTo(READ);
        assertThat(fixture.useCases
                        .authenticateToken()
                        .authenticate(inherited.token().value()))
                .map(AuthenticatedUser::abilities)
                .contains(READ);
        assertThatThrownBy(() -> apiKeys.create(reader, "wider", Device.UNKNOWN, Optional.of(Abilities.EVERYTHING)))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> apiKeys.create(reader, "wider", Device.UNKNOWN, Optional.of(ORDERS)))
                .isInstanceOf(InvalidInput.class);
        assertThat(fixture.useCases.listApiKeys().list(reader))
                .extracting(TokenSummary::name)
                .containsExactly("same", "inherited", "asked");
    }

    @Test
    void abilities_never_make_a_platform_user_an_admin() {
        var holdsEverything = fixture.caller(fixture.token(ann));

        assertThatThrownBy(() -> Actor.whiteLabelAdmin(holdsEverything)).isInstanceOf(NotWhiteLabelAdmin.class);
    }

    @Test
    void introspection_answers_the_abilities_for_the_clients_platform_only() {
        var globex = fixture.platform("globex");
        var reader = fixture.useCases.createToken().forAnyUser(ann.id(), asking(READ));
        var acmeClient = fixture.useCases.createServiceClient().create(Fixture.adminOf(acme), "billing");
        var globexClient = fixture.useCases.createServiceClient().create(Fixture.adminOf(globex), "billing");
        var introspect = fixture.useCases.introspectToken();

        var answer = introspect.introspect(
                acmeClient.client().clientId(),
                acmeClient.secret(),
                reader.token().value());

        assertThat(answer)
                .isInstanceOfSatisfying(
                        Introspection.Active.class,
                        active -> assertThat(active.holder().abilities()).isEqualTo(READ));
        assertThat(introspect.introspect(
                        globexClient.client().clientId(),
                        globexClient.secret(),
                        reader.token().value()))
                .isInstanceOf(Introspection.Inactive.class);
        assertThat(fixture.useCases
                        .authenticateToken()
                        .authenticateOnPlatform(
                                reader.token().value(), globex.platform().id()))
                .isEmpty();
    }

    private List<TokenSummary> tokensOf(User user) {
        return fixture.useCases
                .listUserTokens()
                .list(Fixture.adminOf(acme), user.id(), PageRequest.first())
                .items();
    }

    private static NewToken asking(Abilities abilities) {
        return NewToken.named("asked").holding(Optional.of(abilities));
    }
}
