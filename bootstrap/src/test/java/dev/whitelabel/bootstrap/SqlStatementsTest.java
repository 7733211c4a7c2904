package dev.whitelabel.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.whitelabel.adapters.persistence.BcryptPasswordHasher;
import dev.whitelabel.adapters.persistence.Database;
import dev.whitelabel.adapters.persistence.DatabaseSettings;
import dev.whitelabel.adapters.persistence.jdbi.JdbiStorage;
import dev.whitelabel.application.WhitelabelUseCases;
import dev.whitelabel.domain.error.InvalidCredentials;
import dev.whitelabel.domain.model.Actor;
import dev.whitelabel.domain.model.EmailAddress;
import dev.whitelabel.domain.model.Introspection;
import dev.whitelabel.domain.model.LogoutTarget;
import dev.whitelabel.domain.model.NewPlatform;
import dev.whitelabel.domain.model.NewPlatformUser;
import dev.whitelabel.domain.model.NewToken;
import dev.whitelabel.domain.model.Password;
import dev.whitelabel.domain.model.PlatformCreated;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The statements the use cases send to a real database, counted at the JDBC driver: an ordinary
 * authenticated request reads once and writes nothing; a logout-all costs the same statements for
 * 10 tokens as for 2,000.
 */
class SqlStatementsTest {

    @TempDir
    Path directory;

    final CountingDataSource counter = new CountingDataSource();
    final TestDatabases databases = new TestDatabases();
    WhitelabelUseCases useCases;

    @AfterEach
    void close() throws Exception {
        databases.close();
    }

    void open(String database) {
        HikariDataSource pool =
                databases.closeLater(Database.open(DatabaseSettings.of(databases.url(database, directory))));
        useCases = new WhitelabelUseCases(
                JdbiStorage.over(counter.wrap(pool)), new BcryptPasswordHasher(4), Clock.systemUTC());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void an_ordinary_authenticated_request_is_one_read_and_no_write(String database) {
        open(database);
        var acme = platform();
        String token = acme.adminToken().token().value();
        useCases.authenticateToken().authenticate(token); // the first use in a minute records last_used_at

        counter.reset();
        assertThat(useCases.authenticateToken().authenticate(token)).isPresent();

        assertThat(counter.statements()).hasSize(1);
        assertThat(counter.statements().get(0)).contains("from tokens t join users u");
        assertThat(counter.writes()).isZero();
    }

    /** The endpoints other services use: a gateway's check and a service client's introspection. */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void a_forward_auth_check_and_an_introspection_are_one_read_each_and_no_write(String database) {
        open(database);
        var acme = platform();
        String token = acme.adminToken().token().value();
        var client = useCases.createServiceClient().create(Actor.whiteLabelAdmin(acme.admin()), "api");
        useCases.authenticateToken().authenticate(token); // the first use in a minute records last_used_at

        counter.reset();
        assertThat(useCases.authenticateToken()
                        .authenticateOnPlatform(token, acme.platform().id()))
                .isPresent();
        assertThat(useCases.introspectToken().introspect(client.client().clientId(), client.secret(), token))
                .isInstanceOf(Introspection.Active.class);

        assertThat(counter.statements()).hasSize(2);
        assertThat(counter.statements().get(1)).contains("join service_clients c");
        assertThat(counter.writes()).isZero();
    }

    /**
     * Login throttling: an attempt locks its email's count and takes its place (a key row updated, a
     * failure inserted) before the hash; a failure keeps the place, a success deletes it beside its token.
     */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void an_attempt_takes_its_place_in_two_writes_and_a_success_gives_it_back_in_one(String database) {
        open(database);
        var acme = platform();
        var admin = Actor.whiteLabelAdmin(acme.admin());
        useCases.registerPlatformUser()
                .register(
                        admin,
                        new NewPlatformUser(
                                "Ann",
                                new EmailAddress("ann@acme.test"),
                                Optional.of(new Password("correct horse")),
                                Optional.empty()));
        var email = new EmailAddress("ann@acme.test");
        useCases.loginPlatformUser().login(admin, email, "correct horse", NewToken.named("t"));

        counter.reset();
        assertThatThrownBy(() -> useCases.loginPlatformUser().login(admin, email, "wrong horse", NewToken.named("t")))
                .isInstanceOf(InvalidCredentials.class);
        assertThat(counter.writes()).isEqualTo(2);
        assertThat(counter.statements())
                .anyMatch(sql -> sql.contains("update login_throttle_keys"))
                .anyMatch(sql -> sql.contains("insert into login_failures"));

        counter.reset();
        useCases.loginPlatformUser().login(admin, email, "correct horse", NewToken.named("t"));
        // the place, taken and given back; the email's count reset; the token and its audit event
        assertThat(counter.writes()).isEqualTo(6);
        assertThat(counter.statements()).anyMatch(sql -> sql.contains("delete from login_failures"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void a_logout_all_sends_the_same_statements_for_10_tokens_as_for_2000(String database) {
        open(database);
        var acme = platform();

        List<String> few = logoutAllStatements(acme, "few@acme.test", 10);
        List<String> many = logoutAllStatements(acme, "many@acme.test", 2_000);

        assertThat(many).isEqualTo(few);
        assertThat(few.stream().filter(sql -> sql.strip().startsWith("update")).count())
                .as("updates: the user's generation only")
                .isEqualTo(1);
        // bump the generation, record its end, audit, and the insert-selects of the webhook and Shared Signals
        // outboxes, which find no endpoint and no stream here
        assertThat(counter.writes()).isEqualTo(5);
    }

    private List<String> logoutAllStatements(PlatformCreated platform, String email, int tokens) {
        var user = useCases.createPlatformUser()
                .create(platform.platform().id(), new NewPlatformUser("U", new EmailAddress(email)));
        for (int i = 0; i < tokens; i++) {
            useCases.createToken().forAnyUser(user.id(), NewToken.named("t"));
        }
        counter.reset();
        var result = useCases.logoutPlatformUser()
                .logout(Actor.whiteLabelAdmin(platform.admin()), LogoutTarget.user(user.id()));
        assertThat(result.revokedTokens()).isEqualTo(tokens);
        return counter.statements();
    }

    private PlatformCreated platform() {
        return useCases.createPlatform().create(new NewPlatform("Acme", new EmailAddress("admin@acme.test"), "Ada"));
    }
}
