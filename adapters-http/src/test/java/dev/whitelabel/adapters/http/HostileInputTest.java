package dev.whitelabel.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.whitelabel.domain.model.Actor;
import dev.whitelabel.domain.model.PageRequest;
import dev.whitelabel.domain.model.PlatformCreated;
import dev.whitelabel.domain.model.User;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile and malformed requests, one table row each: every one gets a clear 4xx in the contract's
 * shape, echoes nothing, names no class, and leaves the database as it was. Run on the in-memory
 * adapter, an H2 file and PostgreSQL, so that the databases answer alike.
 */
class HostileInputTest {

    static final String MARKER = "SECRET-MARKER-7f3a";
    static final String JSON = "application/json";
    static final String FORM = "application/x-www-form-urlencoded";
    static final String LOGOUT = "/api/white-label/logout";
    static final String REGISTER = "/api/white-label/register";
    static final String TOKEN = "/api/white-label/token";
    static final String SETTINGS = "/api/white-label/settings";
    static final String OWN_PASSWORD = "/api/user/password";

    /** {@code body} null sends none; {@code rawBody} sends bytes that are not valid UTF-8 text. */
    record Case(String name, String method, String path, String contentType, String body, byte[] rawBody, int status) {
        static Case post(String name, String path, String contentType, String body, int status) {
            return new Case(name, "POST", path, contentType, body, null, status);
        }

        static Case json(String name, String body, int status) {
            return post(name, LOGOUT, JSON, body, status);
        }

        static Case patch(String name, String body, int status) {
            return new Case(name, "PATCH", SETTINGS, JSON, body, null, status);
        }

        static Case request(String name, String method, String path, int status) {
            return new Case(name, method, path, null, null, null, status);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        String nest = "[".repeat(5_000);
        String deepField = "{\"email\":" + "{\"a\":".repeat(100) + "1" + "}".repeat(100) + "}";
        List<Case> cases = new ArrayList<>(List.of(
                Case.json("user_id as a string", "{\"user_id\":\"1\"}", 422),
                Case.json("user_id as a float", "{\"user_id\":1.9}", 422),
                Case.json("user_id as 1.0", "{\"user_id\":1.0}", 422),
                Case.json("user_id in exponent form", "{\"user_id\":1e3}", 422),
                Case.json("user_id as a boolean", "{\"user_id\":true}", 422),
                Case.json("user_id as an array", "{\"user_id\":[1]}", 422),
                Case.json("user_id as an object", "{\"user_id\":{\"id\":1}}", 422),
                Case.json("user_id null alone", "{\"user_id\":null}", 422),
                Case.json("user_id zero", "{\"user_id\":0}", 422),
                Case.json("user_id negative", "{\"user_id\":-5}", 422),
                Case.json("user_id beyond a long", "{\"user_id\":99999999999999999999999}", 422),
                Case.json("user_id 1e400", "{\"user_id\":1e400}", 422),
                Case.json("email as a number", "{\"email\":123}", 422),
                Case.json("email as a boolean", "{\"email\":true}", 422),
                Case.json("email as an array", "{\"email\":[]}", 422),
                Case.json("email as an object", "{\"email\":{}}", 422),
                Case.json("email not an address", "{\"email\":\"" + MARKER + "\"}", 422),
                Case.json("email with a NUL", "{\"email\":\"ann\\u0000@acme.test\"}", 422),
                Case.json("email with a control character", "{\"email\":\"ann\\u0007@acme.test\"}", 422),
                Case.json("email over 254 characters", "{\"email\":\"" + "a".repeat(250) + "@x.io\"}", 422),
                Case.json("token_id as a string", "{\"user_id\":1,\"token_id\":\"" + MARKER + "\"}", 422),
                Case.json("token_id as a float", "{\"user_id\":1,\"token_id\":1.5}", 422),
                Case.json("token_id negative", "{\"user_id\":1,\"token_id\":-1}", 422),
                Case.json("except_token_id as a string", "{\"user_id\":1,\"except_token_id\":\"" + MARKER + "\"}", 422),
                Case.json("except_token_id as a float", "{\"user_id\":1,\"except_token_id\":1.5}", 422),
                Case.json(
                        "except_token_id beyond a long",
                        "{\"user_id\":1,\"except_token_id\":99999999999999999999}",
                        422),
                Case.json("duplicate keys", "{\"user_id\":1,\"user_id\":2}", 400),
                Case.json("the JSON null", "null", 400),
                Case.json("an empty body", "", 422),
                Case.json("an array body", "[{\"user_id\":1}]", 400),
                Case.json("a string body", "\"" + MARKER + "\"", 400),
                Case.json("a number body", "123", 400),
                Case.json("truncated JSON", "{\"email\":\"" + MARKER, 400),
                Case.json("trailing data", "{\"user_id\":1} " + MARKER, 400),
                Case.json("comments", "{/* " + MARKER + " */\"user_id\":1}", 400),
                Case.json("single quotes", "{'user_id':1}", 400),
                Case.json("a nesting bomb", nest, 400),
                Case.json("a deeply nested field", deepField, 400),
                Case.json("a body over 64 KiB", "{\"email\":\"" + MARKER + "x".repeat(70_000) + "\"}", 413),
                Case.json(
                        "a token in the body besides the header",
                        "{\"user_id\":1,\"access_token\":\"" + MARKER + "\"}",
                        400),
                new Case(
                        "invalid UTF-8 in JSON",
                        "POST",
                        LOGOUT,
                        JSON,
                        null,
                        new byte[] {'{', '"', 'e', 'm', 'a', 'i', 'l', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'
                        },
                        400),
                Case.post("text/plain", LOGOUT, "text/plain", "user_id=1&" + MARKER, 415),
                Case.post("application/xml", LOGOUT, "application/xml", "<user_id>1</user_id>", 415),
                Case.post("multipart/form-data", LOGOUT, "multipart/form-data; boundary=x", "--x--", 415),
                Case.post("a body with no content type", LOGOUT, null, "{\"user_id\":1}", 415),
                Case.post("a form with a bad escape", LOGOUT, FORM, "email=%ZZ" + MARKER, 400),
                Case.post("a form with invalid UTF-8", LOGOUT, FORM, "email=%FF%FE", 400),
                Case.post("a form user_id that is not a number", LOGOUT, FORM, "user_id=" + MARKER, 422),
                Case.post("a form user_id that is a float", LOGOUT, FORM, "user_id=1.5", 422),
                Case.post("a form user_id given twice", LOGOUT, FORM, "user_id=1&user_id=2", 422),
                Case.post("a form token besides the header", LOGOUT, FORM, "user_id=1&access_token=" + MARKER, 400),
                Case.post(
                        "register: a name over 255 characters",
                        REGISTER,
                        JSON,
                        "{\"name\":\"" + "n".repeat(256)
                                + "\",\"email\":\"x@acme.test\",\"password\":\"correct horse\"}",
                        422),
                Case.post(
                        "register: a name with a NUL",
                        REGISTER,
                        JSON,
                        "{\"name\":\"A\\u0000" + MARKER
                                + "\",\"email\":\"x@acme.test\",\"password\":\"correct horse\"}",
                        422),
                Case.post(
                        "register: a short password",
                        REGISTER,
                        JSON,
                        "{\"name\":\"X\",\"email\":\"x@acme.test\",\"password\":\"" + MARKER.substring(0, 6) + "\"}",
                        422),
                Case.post(
                        "register: a password over 72 bytes",
                        REGISTER,
                        JSON,
                        "{\"name\":\"X\",\"email\":\"x@acme.test\",\"password\":\"" + MARKER + "p".repeat(80) + "\"}",
                        422),
                Case.post(
                        "register: an unknown timezone",
                        REGISTER,
                        JSON,
                        "{\"name\":\"X\",\"email\":\"x@acme.test\",\"password\":\"correct horse\",\"timezone\":\"Mars/"
                                + MARKER + "\"}",
                        422),
                Case.post(
                        "register: a name that is an array",
                        REGISTER,
                        JSON,
                        "{\"name\":[\"X\"],\"email\":\"x@acme.test\",\"password\":\"correct horse\"}",
                        422),
                Case.post("register: no email", REGISTER, JSON, "{\"name\":\"X\",\"password\":\"correct horse\"}", 422),
                Case.post(
                        "register: a password that is a number",
                        REGISTER,
                        JSON,
                        "{\"name\":\"X\",\"email\":\"x@acme.test\",\"password\":12345678}",
                        422),
                Case.post("token: expires_in as a string", TOKEN, JSON, "{\"user_id\":1,\"expires_in\":\"60\"}", 422),
                Case.post("token: expires_in negative", TOKEN, JSON, "{\"user_id\":1,\"expires_in\":-1}", 422),
                Case.post(
                        "token: expires_in of 1e20 seconds",
                        TOKEN,
                        JSON,
                        "{\"user_id\":1,\"expires_in\":100000000000000000000}",
                        422),
                Case.post(
                        "token: a name over 255 characters",
                        TOKEN,
                        JSON,
                        "{\"user_id\":1,\"token_name\":\"" + "t".repeat(300) + "\"}",
                        422),
                Case.post("api key: a name that is an object", "/api/user/api-keys", JSON, "{\"name\":{}}", 422),
                Case.post("self logout: all as a string", "/api/user/logout", JSON, "{\"all\":\"true\"}", 422),
                Case.post("self logout: all as a number", "/api/user/logout", JSON, "{\"all\":1}", 422),
                Case.post(
                        "self logout: an unknown scope",
                        "/api/user/logout",
                        JSON,
                        "{\"scope\":\"" + MARKER + "\"}",
                        422),
                Case.post("self logout: scope as an array", "/api/user/logout", JSON, "{\"scope\":[\"all\"]}", 422),
                Case.post("self logout: scope with a NUL", "/api/user/logout", JSON, "{\"scope\":\"all\\u0000\"}", 422),
                Case.post("register: a name with a lone surrogate", REGISTER, JSON, register("A\\ud800" + MARKER), 422),
                Case.post(
                        "register: a name ending in a lone high surrogate",
                        REGISTER,
                        JSON,
                        register(MARKER + "\\ud83d"),
                        422),
                Case.post(
                        "register: a name with a right-to-left override",
                        REGISTER,
                        JSON,
                        register("Ann\u202Egnp.exe"),
                        422),
                Case.post("register: a name with a zero-width space", REGISTER, JSON, register("An\u200Bn"), 422),
                Case.post("register: a name with a byte order mark", REGISTER, JSON, register("\uFEFFAnn"), 422),
                Case.post("register: a name with a noncharacter", REGISTER, JSON, register("Ann\uFFFF"), 422),
                Case.post("register: a name with a line separator", REGISTER, JSON, register("Ann\u2028Bob"), 422),
                Case.post(
                        "register: a name stacking 31 combining marks",
                        REGISTER,
                        JSON,
                        register("Z" + "\u0301".repeat(31)),
                        422),
                Case.post("register: a name of 256 emoji", REGISTER, JSON, register("\uD83D\uDE00".repeat(256)), 422),
                Case.post(
                        "register: a password with a lone surrogate",
                        REGISTER,
                        JSON,
                        "{\"name\":\"X\",\"email\":\"x@acme.test\",\"password\":\"correct horse\\udc00\"}",
                        422),
                Case.post(
                        "register: a form name with a NUL",
                        REGISTER,
                        FORM,
                        "name=A%00" + MARKER + "&email=x%40acme.test&password=correct+horse",
                        422),
                Case.post(
                        "login: a password with a NUL",
                        "/api/white-label/login",
                        JSON,
                        "{\"email\":\"ann@acme.test\",\"password\":\"correct\\u0000" + MARKER + "\"}",
                        422),
                Case.post(
                        "token: a name with a right-to-left override",
                        TOKEN,
                        JSON,
                        "{\"user_id\":1,\"token_name\":\"\u202E" + MARKER + "\"}",
                        422),
                Case.post(
                        "api key: a name with a lone surrogate",
                        "/api/user/api-keys",
                        JSON,
                        "{\"name\":\"key\\udfff\"}",
                        422),
                Case.post(
                        "register: a device name with a right-to-left override",
                        REGISTER,
                        JSON,
                        "{\"name\":\"X\",\"email\":\"x@acme.test\",\"password\":\"correct horse\",\"device_name\":\"\u202E"
                                + MARKER + "\"}",
                        422),
                Case.post(
                        "register: a device name over 255 characters",
                        REGISTER,
                        JSON,
                        "{\"name\":\"X\",\"email\":\"x@acme.test\",\"password\":\"correct horse\",\"device_name\":\""
                                + "d".repeat(256) + "\"}",
                        422),
                Case.post(
                        "login: a device name with a NUL",
                        "/api/white-label/login",
                        JSON,
                        "{\"email\":\"ann@acme.test\",\"password\":\"x\",\"device_name\":\"a\\u0000" + MARKER + "\"}",
                        422),
                Case.post(
                        "token: a device name that is an array",
                        TOKEN,
                        JSON,
                        "{\"user_id\":1,\"device_name\":[\"x\"]}",
                        422),
                Case.post(
                        "api key: a device name with a control character",
                        "/api/user/api-keys",
                        JSON,
                        "{\"name\":\"ci\",\"device_name\":\"ci\\u0007" + MARKER + "\"}",
                        422),
                Case.post(
                        "own password: no current password",
                        OWN_PASSWORD,
                        JSON,
                        "{\"password\":\"battery staple\"}",
                        422),
                Case.post(
                        "own password: a current password that is a number",
                        OWN_PASSWORD,
                        JSON,
                        "{\"current_password\":12345678,\"password\":\"battery staple\"}",
                        422),
                Case.post(
                        "own password: a wrong current password",
                        OWN_PASSWORD,
                        JSON,
                        "{\"current_password\":\"" + MARKER + "\",\"password\":\"battery staple\"}",
                        422),
                Case.post(
                        "own password: a new password with a NUL",
                        OWN_PASSWORD,
                        JSON,
                        "{\"current_password\":\"x\",\"password\":\"battery\\u0000" + MARKER + "\"}",
                        422),
                Case.post(
                        "admin password: a password that is a number",
                        "/api/white-label/users/999999/password",
                        JSON,
                        "{\"password\":12345678}",
                        422),
                Case.post(
                        "admin password: a password over 72 bytes",
                        "/api/white-label/users/999999/password",
                        JSON,
                        "{\"password\":\"" + MARKER + "p".repeat(80) + "\"}",
                        422),
                Case.post(
                        "admin password: a user id that is not a number",
                        "/api/white-label/users/" + MARKER + "/password",
                        JSON,
                        "{\"password\":\"battery staple\"}",
                        404),
                Case.request(
                        "disable: a user id beyond a long",
                        "POST",
                        "/api/white-label/users/99999999999999999999/disable",
                        404),
                Case.request("enable: a user id of zero", "POST", "/api/white-label/users/0/enable", 404),
                Case.request("delete: a user id in exponent form", "DELETE", "/api/white-label/users/1e3", 404),
                Case.request(
                        "delete: no user id (the users listing takes GET only)",
                        "DELETE",
                        "/api/white-label/users/",
                        405),
                Case.request("GET on disable", "GET", "/api/white-label/users/1/disable", 405),
                Case.patch("settings: max as a string", "{\"max_tokens_per_user\":\"5\"}", 422),
                Case.patch("settings: max as a float", "{\"max_tokens_per_user\":1.5}", 422),
                Case.patch("settings: max negative", "{\"max_tokens_per_user\":-1}", 422),
                Case.patch("settings: max beyond an int", "{\"max_tokens_per_user\":99999999999}", 422),
                Case.patch("settings: max 1e400", "{\"max_tokens_per_user\":1e400}", 422),
                Case.patch("settings: an unknown policy", "{\"session_cap_policy\":\"" + MARKER + "\"}", 422),
                Case.patch("settings: a policy with a NUL", "{\"session_cap_policy\":\"reject\\u0000\"}", 422),
                Case.patch("settings: a policy as an array", "{\"session_cap_policy\":[\"reject\"]}", 422),
                Case.patch("settings: a body that is an array", "[{\"max_tokens_per_user\":1}]", 400),
                Case.request("PUT on settings", "PUT", SETTINGS, 405),
                Case.request("a search with a NUL", "GET", "/api/white-label/users?search=ann%00" + MARKER, 422),
                Case.request(
                        "a search with an unpaired surrogate's bytes",
                        "GET",
                        "/api/white-label/users?search=%ED%A0%80" + MARKER,
                        400),
                Case.request("a search that is not UTF-8", "GET", "/api/white-label/users?search=%FF" + MARKER, 400),
                Case.request("an unknown query parameter", "GET", "/api/white-label/users?serach=" + MARKER, 400),
                Case.request(
                        "a query parameter named like a pasted token",
                        "GET",
                        "/api/white-label/users?1%7C" + MARKER + "x".repeat(30),
                        400),
                Case.request(
                        "a query parameter name with a right-to-left override",
                        "GET",
                        "/api/white-label/users?search%E2%80%AE=" + MARKER,
                        400),
                Case.request("a page without a value", "GET", "/api/white-label/users?page", 422),
                Case.request("an unknown route", "GET", "/api/" + MARKER, 404),
                Case.request("an unknown top-level route", "GET", "/" + MARKER, 404),
                Case.request("DELETE on the logout route", "DELETE", LOGOUT, 405),
                Case.request("PUT on /api/user/me", "PUT", "/api/user/me", 405),
                Case.request("a negative page", "GET", "/api/white-label/users?page=-1", 422),
                Case.request(
                        "a per_page that is not a number", "GET", "/api/white-label/users?per_page=" + MARKER, 422),
                Case.request(
                        "a user id beyond a long in the path",
                        "GET",
                        "/api/white-label/users/99999999999999999999/tokens",
                        404),
                Case.request("an API key id in exponent form", "DELETE", "/api/user/api-keys/1e3", 404),
                Case.request(
                        "a token in the query string besides the header",
                        "GET",
                        "/api/user/me?access_token=" + MARKER,
                        400)));
        return cases.stream();
    }

    static String register(String name) {
        return "{\"name\":\"" + name + "\",\"email\":\"x@acme.test\",\"password\":\"correct horse\"}";
    }

    @RegisterExtension
    final RunningApi running = new RunningApi(RunningApi.SETTINGS, store());

    /** The in-memory adapter here; the runs on H2 and PostgreSQL override it. */
    RunningApi.Store store() {
        return RunningApi.Store.MEMORY;
    }

    PlatformCreated acme;
    String admin;

    @BeforeEach
    void seed() {
        acme = running.platform("acme");
        admin = RunningApi.adminToken(acme);
        User ann = running.user(acme, "ann@acme.test");
        running.token(ann);
        running.globexUsersToken();
    }

    /** Everything stored, as the use cases read it (reading through HTTP would itself write last_used_at). */
    String database() {
        var actor = Actor.whiteLabelAdmin(acme.admin());
        var users = running.useCases.listPlatformUsers().list(actor, Optional.empty(), PageRequest.first());
        var state = new StringBuilder(users.toString());
        for (User user : users.items()) {
            state.append(running.useCases.listUserTokens().list(actor, user.id(), PageRequest.first()));
        }
        state.append(running.useCases.readSessionCap().sessionCap(actor));
        return state.append(running.useCases.readAuditTrail().read(actor, PageRequest.first()))
                .toString();
    }

    ApiClient.Answer send(Case c) {
        var request = running.api.request(c.path(), admin);
        if (c.contentType() != null) {
            request.header("Content-Type", c.contentType());
        }
        HttpRequest.BodyPublisher body = c.rawBody() != null
                ? HttpRequest.BodyPublishers.ofByteArray(c.rawBody())
                : c.body() != null
                        ? HttpRequest.BodyPublishers.ofString(c.body(), StandardCharsets.UTF_8)
                        : HttpRequest.BodyPublishers.noBody();
        return running.api.send(request.method(c.method(), body));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void a_hostile_request_gets_a_clear_4xx_echoes_nothing_and_changes_nothing(Case c) {
        String before = database();

        var answer = send(c);

        assertThat(answer.status()).isEqualTo(c.status());
        assertThat(answer.header("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith(JSON));
        var json = answer.json();
        assertThat(json.has("message") || json.has("error")).as(answer.body()).isTrue();
        assertThat(answer.body())
                .doesNotContain(MARKER)
                .doesNotContain("Exception")
                .doesNotContain("java.")
                .doesNotContain("dev.whitelabel")
                .doesNotContain("\tat ");
        assertThat(database()).isEqualTo(before);
    }

    @Test
    void there_are_at_least_fifty_cases() {
        assertThat(cases().count()).isGreaterThanOrEqualTo(50);
    }
}
