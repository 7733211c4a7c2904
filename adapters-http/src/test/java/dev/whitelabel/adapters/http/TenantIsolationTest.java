package dev.whitelabel.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.whitelabel.domain.model.Actor;
import dev.whitelabel.domain.model.PageRequest;
import dev.whitelabel.domain.model.PlatformCreated;
import dev.whitelabel.domain.model.User;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two platforms; the admin of one calls every admin endpoint against the other's user. Nothing of
 * the other platform is read, and everything of it is as it was afterwards.
 */
class TenantIsolationTest {

    @RegisterExtension
    final RunningApi running = new RunningApi();

    ApiClient api;
    String acmeAdmin;
    String globexAdmin;
    User gus;
    String gusToken;

    @BeforeEach
    void seed() {
        api = running.api;
        PlatformCreated acme = running.platform("acme");
        PlatformCreated globex = running.platform("globex");
        acmeAdmin = RunningApi.adminToken(acme);
        globexAdmin = RunningApi.adminToken(globex);
        running.user(acme, "ann@acme.test");
        api.postJson(
                "/api/white-label/register",
                globexAdmin,
                "{\"name\":\"Gus\",\"email\":\"gus@globex.test\",\"password\":\"correct horse\"}");
        gus = running.useCases
                .listPlatformUsers()
                .list(Actor.whiteLabelAdmin(globex.admin()), Optional.empty(), PageRequest.first())
                .items()
                .get(0);
        gusToken = running.token(gus);
    }

    /** Everything globex's admin can see of globex. */
    String globexState() {
        return api.get("/api/white-label/users", globexAdmin).body()
                + api.get("/api/white-label/users/" + gus.id() + "/tokens", globexAdmin)
                        .body()
                + api.get("/api/white-label/audit", globexAdmin).body();
    }

    @Test
    void no_admin_endpoint_of_one_platform_reads_or_changes_the_other() {
        String before = globexState();
        long gusTokenId = RunningApi.idOf(gusToken);
        String notFound = "{\"error\":\"User not found.\"}\n";

        assertThat(api.postJson("/api/white-label/logout", acmeAdmin, "{\"user_id\":" + gus.id() + "}")
                        .body())
                .isEqualTo(notFound);
        assertThat(api.postJson("/api/white-label/logout", acmeAdmin, "{\"email\":\"gus@globex.test\"}")
                        .body())
                .isEqualTo(notFound);
        assertThat(api.postJson(
                                "/api/white-label/logout",
                                acmeAdmin,
                                "{\"user_id\":" + gus.id() + ",\"token_id\":" + gusTokenId + "}")
                        .body())
                .isEqualTo(notFound);
        assertThat(api.postJson("/api/white-label/token", acmeAdmin, "{\"user_id\":" + gus.id() + "}")
                        .body())
                .isEqualTo(notFound);
        assertThat(api.postJson("/api/white-label/token", acmeAdmin, "{\"email\":\"gus@globex.test\"}")
                        .body())
                .isEqualTo(notFound);
        assertThat(api.postJson(
                                "/api/white-label/login",
                                acmeAdmin,
                                "{\"email\":\"gus@globex.test\",\"password\":\"correct horse\"}")
                        .body())
                .isEqualTo("{\"error\":\"Invalid credentials.\"}\n");
        assertThat(api.get("/api/white-label/users/" + gus.id() + "/tokens", acmeAdmin)
                        .body())
                .isEqualTo(notFound);
        assertThat(api.get("/api/white-label/users?search=globex", acmeAdmin)
                        .json()
                        .at("/meta/total")
                        .asInt())
                .isZero();
        assertThat(api.get("/api/white-label/users", acmeAdmin).body()).doesNotContain("globex");
        assertThat(api.get("/api/white-label/audit", acmeAdmin).json().toString())
                .doesNotContain("\"target_user_id\":" + gus.id() + ",");
        assertThat(api.postJson(
                                "/api/white-label/register",
                                acmeAdmin,
                                "{\"name\":\"Gus\",\"email\":\"gus@globex.test\",\"password\":\"correct horse\"}")
                        .status())
                .as("the same email on another platform is another user")
                .isEqualTo(201);

        assertThat(globexState()).isEqualTo(before);
        assertThat(running.me(gusToken)).isEqualTo(200);
    }

    @Test
    void a_user_of_one_platform_cannot_delete_a_key_of_the_other() {
        String annsToken = running.token(running.user(running.platform("initech"), "ann@initech.test"));

        var answer = api.delete("/api/user/api-keys/" + RunningApi.idOf(gusToken), annsToken);

        assertThat(answer.status()).isEqualTo(404);
        assertThat(running.me(gusToken)).isEqualTo(200);
    }
}
