package dev.whitelabel.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.whitelabel.domain.model.Abilities;
import dev.whitelabel.domain.model.AuthenticatedUser;
import dev.whitelabel.domain.model.Device;
import dev.whitelabel.domain.model.PlainTextToken;
import dev.whitelabel.domain.model.PlatformCreated;
import dev.whitelabel.domain.model.TokenDigest;
import dev.whitelabel.domain.model.User;
import dev.whitelabel.domain.port.out.TokenEntry;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuthenticateTokenTest {

    final Fixture fixture = new Fixture();
    final PlatformCreated acme = fixture.platform("acme");
    final User ann = fixture.user(acme, "ann@acme.test");

    @Test
    void a_live_token_names_its_owner_and_itself() {
        var token = fixture.token(ann);

        assertThat(fixture.useCases
                        .authenticateToken()
                        .authenticate(token.token().value()))
                .contains(new AuthenticatedUser(
                        ann, token.tokenId(), Fixture.NOW, Optional.empty(), Abilities.EVERYTHING));
    }

    @Test
    void a_token_with_the_wrong_secret_or_a_bad_shape_is_refused() {
        var token = fixture.token(ann);
        var authenticate = fixture.useCases.authenticateToken();
        String wrongSecret = token.tokenId() + "|" + "x".repeat(PlainTextToken.SECRET_LENGTH);

        assertThat(authenticate.authenticate(wrongSecret)).isEmpty();
        assertThat(authenticate.authenticate(token.token().secret())).isEmpty();
        assertThat(authenticate.authenticate(token.token().value() + "x")).isEmpty();
        assertThat(authenticate.authenticate("")).isEmpty();
        assertThat(authenticate.authenticate(null)).isEmpty();
    }

    @Test
    void an_expired_token_is_refused() {
        String secret = "s".repeat(PlainTextToken.SECRET_LENGTH);
        long id = fixture.storage
                .tokens()
                .issue(new TokenEntry(
                        acme.platform().id(),
                        ann.id(),
                        "old",
                        TokenDigest.of(secret),
                        Optional.of(Fixture.NOW),
                        Fixture.NOW.minusSeconds(60),
                        Device.UNKNOWN,
                        Abilities.EVERYTHING));

        assertThat(fixture.useCases.authenticateToken().authenticate(id + "|" + secret))
                .isEmpty();
    }

    @Test
    void tokens_are_at_least_128_bits_and_never_repeat() {
        var first = fixture.token(ann).token();
        var second = fixture.token(ann).token();

        // 40 characters of a 62-letter alphabet: log2(62) * 40 = 238 bits
        assertThat(first.secret()).hasSize(40).matches("[A-Za-z0-9]+");
        assertThat(first.secret()).isNotEqualTo(second.secret());
        assertThat(first.toString()).doesNotContain(first.secret());
    }
}
