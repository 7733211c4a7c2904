package dev.whitelabel.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.whitelabel.adapters.persistence.BcryptPasswordHasher;
import dev.whitelabel.application.WhitelabelUseCases;
import dev.whitelabel.domain.model.Actor;
import dev.whitelabel.domain.model.DeliveryLimits;
import dev.whitelabel.domain.model.Device;
import dev.whitelabel.domain.model.EmailAddress;
import dev.whitelabel.domain.model.LogoutTarget;
import dev.whitelabel.domain.model.NewPlatform;
import dev.whitelabel.domain.model.NewPlatformUser;
import dev.whitelabel.domain.model.NewToken;
import dev.whitelabel.domain.model.PlatformCreated;
import dev.whitelabel.domain.model.Role;
import dev.whitelabel.domain.model.SecurityEventType;
import dev.whitelabel.domain.model.StreamDelivery;
import dev.whitelabel.domain.model.StreamStatus;
import dev.whitelabel.domain.model.WebhookPolicy;
import dev.whitelabel.domain.port.in.ChangeStreamStatusCommand;
import dev.whitelabel.domain.port.in.CreateWebhookCommand;
import dev.whitelabel.domain.port.in.StreamSettings;
import dev.whitelabel.domain.port.out.SecurityEventPusher;
import dev.whitelabel.domain.port.out.UserEntry;
import dev.whitelabel.domain.port.out.WebhookSender;
import java.io.File;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The admin console in headless Chromium (Debian's chromium and chromium-driver, which .ci/run
 * installs): sign in with an admin token, find a user, revoke one token, log the user out of all,
 * and check through the API that every token is refused; see a token's device, disable, enable and
 * delete a user, set the session cap, see the admin's own sessions and log out everywhere else, see
 * a webhook the service disabled for failing and enable it again, see the platform's Shared Signals
 * streams with their status and last push.
 * Saves target/console.png: the README walk-through's logout of Ann, which docs/console-screenshot
 * copies to docs/console.png.
 */
class ConsoleBrowserTest {

    /**
     * Selenium looks for a DevTools module matching the browser's version and warns on every start when
     * there is none; these tests drive the browser through WebDriver alone. Held here, since
     * java.util.logging keeps its loggers weakly.
     */
    static final List<Logger> QUIET_SELENIUM = Stream.of("org.openqa.selenium.devtools", "org.openqa.selenium.chromium")
            .map(Logger::getLogger)
            .peek(logger -> logger.setLevel(Level.SEVERE))
            .toList();

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final String HOSTILE_NAME = "<img src=x onerror=alert(1)>";

    /** On H2, whose ids count as the README's do: the screenshot shows the walk-through's token ids. */
    @RegisterExtension
    final RunningApi running = new RunningApi(RunningApi.SETTINGS, RunningApi.Store.H2);

    @TempDir
    Path profile;

    WebDriver browser;
    WebDriverWait wait;
    PlatformCreated acme;
    List<String> annsTokens;

    @BeforeEach
    void start() {
        assumeTrue(
                Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)");
        // the README walk-through's platform, user and tokens, made in its order
        acme = running.useCases
                .createPlatform()
                .create(new NewPlatform("Acme", new EmailAddress("admin@acme.test"), "Platform admin"));
        var ann = running.user(acme, "ann@acme.test");
        annsTokens = Stream.of("phone", "laptop", "tablet")
                .map(name -> running.token(ann, NewToken.named(name)))
                .toList();
        running.useCases
                .createPlatformUser()
                .create(acme.platform().id(), new NewPlatformUser(HOSTILE_NAME, new EmailAddress("mallory@acme.test")));
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // without the background-networking flags Chromium keeps calling outside hosts this machine refuses
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1280,900",
                "--user-data-dir=" + profile.toAbsolutePath());
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(10));
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    WebElement visible(String id) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }

    void signIn(String token) {
        browser.get("http://127.0.0.1:" + running.server.port() + "/console");
        visible("token").sendKeys(token);
        browser.findElement(By.cssSelector("#sign-in-form button")).click();
    }

    void search(String text) {
        var search = visible("search");
        search.clear();
        search.sendKeys(text);
        browser.findElement(By.cssSelector("#search-form button")).click();
    }

    @Test
    void an_admin_revokes_a_token_then_logs_the_user_out_of_all() throws Exception {
        signIn(RunningApi.adminToken(acme));
        search("ann@");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("user-rows"), "ann@acme.test"));
        assertThat(browser.findElements(By.cssSelector("#user-rows tr"))).hasSize(1);
        browser.findElement(By.xpath("//tbody[@id='user-rows']//button[text()='Open']"))
                .click();

        wait.until(ExpectedConditions.numberOfElementsToBe(
                By.xpath("//tbody[@id='token-rows']//button[text()='Revoke']"), 3));
        browser.findElement(By.xpath("//tbody[@id='token-rows']//button[text()='Revoke']"))
                .click();
        wait.until(ExpectedConditions.textToBe(By.id("notice"), "Token revoked."));
        wait.until(ExpectedConditions.numberOfElementsToBe(
                By.xpath("//tbody[@id='token-rows']//button[text()='Revoke']"), 2));

        browser.findElement(By.id("logout-all")).click();
        visible("confirm-yes").click();
        wait.until(ExpectedConditions.textToBe(By.id("notice"), "Logged out: 2 tokens revoked."));
        wait.until(ExpectedConditions.numberOfElementsToBe(
                By.xpath("//tbody[@id='token-rows']//button[text()='Revoke']"), 0));
        assertThat(browser.findElements(By.cssSelector("#token-rows tr")))
                .extracting(WebElement::getText)
                .as("the walk-through's tokens, the tablet revoked first as there")
                .satisfiesExactly(
                        tablet -> assertThat(tablet).startsWith("4 tablet"),
                        laptop -> assertThat(laptop).startsWith("3 laptop"),
                        phone -> assertThat(phone).startsWith("2 phone"));
        Path screenshot =
                ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(screenshot, Path.of("target", "console.png"), StandardCopyOption.REPLACE_EXISTING);

        for (String token : annsTokens) {
            assertThat(running.me(token)).as("every token is refused now").isEqualTo(401);
        }
        browser.findElement(By.id("show-audit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("audit-rows"), "logout all"));
        assertThat(browser.findElement(By.id("audit-rows")).getText()).contains("logout token");
    }

    static final String DEVICE_AGENT = "Mozilla/5.0 (Linux; Android 14; Pixel 8) ConsoleTest/1.0";

    /** The token is issued through the API as a client would, with a device name and a User-Agent. */
    @Test
    void an_admin_sees_a_tokens_device_disables_enables_and_deletes_users_and_sets_the_session_cap() {
        String admin = RunningApi.adminToken(acme);
        running.user(acme, "dev@acme.test");
        var issued = running.api.send(running.api
                .request("/api/white-label/token", admin)
                .header("Content-Type", "application/json")
                .header("User-Agent", DEVICE_AGENT)
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"email\":\"dev@acme.test\",\"device_name\":\"Ann's phone\","
                                + "\"abilities\":[\"orders:read\",\"orders:write\"]}")));
        assertThat(issued.status()).isEqualTo(200);
        String devsToken = issued.json().get("token").asText();
        assertThat(running.me(devsToken)).isEqualTo(200);

        signIn(admin);
        search("dev@");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("user-rows"), "dev@acme.test"));
        assertThat(userRow("dev@acme.test").getText()).contains("active");
        userButton("dev@acme.test", "Open").click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("token-rows"), "Ann's phone"));
        var tokenCells = browser.findElements(By.cssSelector("#token-rows tr td")).stream()
                .map(td -> (String) ((ChromeDriver) browser).executeScript("return arguments[0].textContent", td))
                .toList();
        assertThat(tokenCells)
                .as("abilities, device name, user agent, IP address, last-used IP")
                .containsSubsequence(
                        "api-token", "orders:read orders:write", "Ann's phone", DEVICE_AGENT, "127.0.0.1", "127.0.0.1");

        browser.findElement(By.id("back-to-users")).click();
        userButton("dev@acme.test", "Disable").click();
        wait.until(ExpectedConditions.textToBe(By.id("notice"), "User disabled successfully. 1 token revoked."));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("user-rows"), "disabled since"));
        assertThat(userRow("dev@acme.test").getAttribute("class")).isEqualTo("disabled");
        assertThat(running.me(devsToken)).as("disabling ends the tokens").isEqualTo(401);
        userButton("dev@acme.test", "Enable").click();
        wait.until(ExpectedConditions.textToBe(By.id("notice"), "User enabled successfully."));
        wait.until(ExpectedConditions.visibilityOfElementLocated(userButtonLocator("dev@acme.test", "Disable")));
        assertThat(userRow("dev@acme.test").getText()).contains("active").doesNotContain("disabled since");

        browser.findElement(By.id("show-settings")).click();
        wait.until(ExpectedConditions.textToBe(By.id("settings-max"), "no cap"));
        assertThat(browser.findElement(By.id("settings-policy")).getText()).startsWith("evict_oldest");
        browser.findElement(By.id("max-tokens")).sendKeys("3");
        new Select(browser.findElement(By.id("cap-policy"))).selectByValue("reject");
        browser.findElement(By.cssSelector("#settings-form button")).click();
        wait.until(ExpectedConditions.textToBe(By.id("notice"), "Settings updated successfully."));
        wait.until(ExpectedConditions.textToBe(By.id("settings-max"), "3"));
        assertThat(browser.findElement(By.id("settings-policy")).getText()).startsWith("reject");
        assertThat(running.api.get("/api/white-label/settings", admin).body())
                .isEqualTo("{\"settings\":{\"max_tokens_per_user\":3,\"session_cap_policy\":\"reject\"}}\n");
        browser.findElement(By.id("max-tokens")).clear();
        browser.findElement(By.cssSelector("#settings-form button")).click();
        wait.until(ExpectedConditions.textToBe(By.id("settings-max"), "no cap"));
        assertThat(running.api
                        .get("/api/white-label/settings", admin)
                        .json()
                        .at("/settings/max_tokens_per_user")
                        .isNull())
                .as("an empty max lifts the cap")
                .isTrue();

        browser.findElement(By.id("show-users")).click();
        search("ann@");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("user-rows"), "ann@acme.test"));
        userButton("ann@acme.test", "Delete").click();
        wait.until(ExpectedConditions.alertIsPresent()).dismiss();
        assertThat(userRow("ann@acme.test").isDisplayed())
                .as("a dismissed prompt deletes nothing")
                .isTrue();
        userButton("ann@acme.test", "Delete").click();
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        wait.until(ExpectedConditions.textToBe(By.id("notice"), "User deleted successfully. 3 tokens revoked."));
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#user-rows tr"), 0));
        for (String token : annsTokens) {
            assertThat(running.me(token)).isEqualTo(401);
        }
        browser.findElement(By.id("show-audit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("audit-rows"), "user deleted"));
        assertThat(browser.findElement(By.id("audit-rows")).getText())
                .contains("user disabled")
                .contains("user enabled");
    }

    @Test
    void an_admin_sees_their_own_sessions_and_logs_out_everywhere_else() {
        String admin = RunningApi.adminToken(acme);
        String laptop = running.token(
                acme.admin(),
                NewToken.named("laptop")
                        .on(new Device(Optional.of("laptop"), Optional.of("Mozilla/5.0"), Optional.empty())));
        assertThat(running.me(laptop)).isEqualTo(200);

        signIn(admin);
        visible("users");
        browser.findElement(By.id("show-sessions")).click();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#session-rows tr"), 2));
        var current = browser.findElement(By.cssSelector("#session-rows tr.current"));
        assertThat(current.findElement(By.tagName("td")).getText()).isEqualTo(String.valueOf(RunningApi.idOf(admin)));
        assertThat(current.findElement(By.className("this-session")).getText()).isEqualTo("this session");
        assertThat(browser.findElements(By.cssSelector("#session-rows tr.current")))
                .as("only one is this session")
                .hasSize(1);
        var other = sessionRow(RunningApi.idOf(laptop));
        assertThat(other.getAttribute("class")).isNotEqualTo("current");
        assertThat(other.getText()).contains("laptop").contains("Mozilla/5.0").doesNotContain("this session");

        browser.findElement(By.id("logout-others")).click();
        wait.until(ExpectedConditions.textToBe(By.id("notice"), "Logged out successfully. 1 token revoked."));
        wait.until(ExpectedConditions.attributeToBe(sessionRowLocator(RunningApi.idOf(laptop)), "class", "revoked"));
        assertThat(sessionRow(RunningApi.idOf(admin)).getAttribute("class")).isEqualTo("current");
        assertThat(browser.findElement(By.id("problem")).isDisplayed()).isFalse();
        assertThat(running.me(laptop)).as("the other session is refused now").isEqualTo(401);
        assertThat(running.me(admin)).as("the console's own session stays live").isEqualTo(200);
    }

    static By sessionRowLocator(long tokenId) {
        return By.xpath("//tbody[@id='session-rows']/tr[td[1][text()='" + tokenId + "']]");
    }

    WebElement sessionRow(long tokenId) {
        return browser.findElement(sessionRowLocator(tokenId));
    }

    static By userButtonLocator(String email, String label) {
        return By.xpath("//tbody[@id='user-rows']/tr[td[text()='" + email + "']]//button[text()='" + label + "']");
    }

    WebElement userButton(String email, String label) {
        return wait.until(ExpectedConditions.elementToBeClickable(userButtonLocator(email, label)));
    }

    WebElement userRow(String email) {
        return browser.findElement(By.xpath("//tbody[@id='user-rows']/tr[td[text()='" + email + "']]"));
    }

    @Test
    void user_text_shows_as_text_never_as_html() {
        signIn(RunningApi.adminToken(acme));
        search("mallory");

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("user-rows"), HOSTILE_NAME));
        assertThat(browser.findElements(By.cssSelector("#user-rows img"))).isEmpty();
    }

    /**
     * Names the server refuses now, as rows written before it did may hold them (written here
     * straight through the storage port, below the checks): the console shows each honestly.
     */
    @Test
    void a_name_that_would_spoof_the_console_is_shown_for_what_it_is() {
        long platform = acme.platform().id();
        for (var spoof : List.of(
                Map.entry("Ann\u202Egnp.exe", "rlo@acme.test"),
                Map.entry("Z" + "\u0301".repeat(80), "zalgo@acme.test"),
                Map.entry("B\u200Bo\uFEFFb", "zero@acme.test"))) {
            running.storage
                    .users()
                    .add(new UserEntry(
                            platform,
                            spoof.getKey(),
                            new EmailAddress(spoof.getValue()),
                            Optional.empty(),
                            Optional.empty(),
                            Role.USER,
                            Instant.now()));
        }
        signIn(RunningApi.adminToken(acme));
        search("@acme.test");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("user-rows"), "zalgo@acme.test"));

        assertThat(settled(() -> nameOf("rlo@acme.test"))).isEqualTo("Ann\u27e8U+202E\u27e9gnp.exe");
        assertThat(settled(() -> nameOf("zero@acme.test"))).isEqualTo("B\u27e8U+200B\u27e9o\u27e8U+FEFF\u27e9b");
        assertThat(settled(() -> nameOf("zalgo@acme.test")))
                .isEqualTo("Z" + "\u0301".repeat(30) + "\u27e8+50 marks\u27e9");
        double plain = settled(() -> rowHeight("ann@acme.test", browser.findElements(By.cssSelector("#user-rows tr"))));
        assertThat(settled(() -> rowHeight("zalgo@acme.test", browser.findElements(By.cssSelector("#user-rows tr")))))
                .as("the marks stay in their row")
                .isLessThan(plain * 2);
        assertThat(settled(() -> ((ChromeDriver) browser)
                        .executeScript(
                                "return getComputedStyle(arguments[0]).overflow",
                                rowOf("zalgo@acme.test", browser.findElements(By.cssSelector("#user-rows tr")))
                                        .findElements(By.tagName("td"))
                                        .get(1))))
                .isEqualTo("hidden");
    }

    /** What {@code read} reads once the listing stops being drawn again (a load started earlier may still land). */
    <T> T settled(Supplier<T> read) {
        return wait.ignoring(StaleElementReferenceException.class).until(driver -> read.get());
    }

    String nameOf(String email) {
        return (String) ((ChromeDriver) browser)
                .executeScript(
                        "return arguments[0].textContent",
                        rowOf(email, browser.findElements(By.cssSelector("#user-rows tr")))
                                .findElements(By.tagName("td"))
                                .get(1));
    }

    static WebElement rowOf(String email, List<WebElement> rows) {
        return rows.stream()
                .filter(row -> row.getText().contains(email))
                .findFirst()
                .orElseThrow();
    }

    static double rowHeight(String email, List<WebElement> rows) {
        return rowOf(email, rows).getRect().getHeight();
    }

    @Test
    void an_admin_creates_a_service_client_sees_its_secret_once_and_deletes_it() {
        signIn(RunningApi.adminToken(acme));
        visible("users");
        browser.findElement(By.id("show-clients")).click();
        visible("client-name").sendKeys("billing api");
        browser.findElement(By.cssSelector("#client-form button")).click();
        wait.until(ExpectedConditions.textToBe(By.id("notice"), "Service client created."));

        String clientId = visible("new-client-id").getText();
        String secret = visible("new-client-secret").getText();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("client-rows"), clientId));
        assertThat(browser.findElement(By.id("client-rows")).getText())
                .contains("billing api")
                .doesNotContain(secret);
        assertThat(introspectionStatus(clientId, secret)).isEqualTo(200);

        browser.findElement(By.xpath("//tbody[@id='client-rows']//button[text()='Delete']"))
                .click();
        browser.switchTo().alert().accept();
        wait.until(ExpectedConditions.textToBe(By.id("notice"), "Service client deleted."));
        // the listing is read again after the notice shows
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#client-rows tr"), 0));
        assertThat(introspectionStatus(clientId, secret)).as("refused at once").isEqualTo(401);
        browser.findElement(By.id("show-audit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("audit-rows"), "service client deleted"));
    }

    @Test
    void an_admin_sees_a_webhooks_deliveries_and_makes_a_failed_one_due_again() {
        var allowingLocal = new WhitelabelUseCases(
                running.storage, new BcryptPasswordHasher(4), Clock.systemUTC(), new WebhookPolicy(true));
        var endpoint = allowingLocal
                .createWebhook()
                .create(new CreateWebhookCommand(
                        Actor.whiteLabelAdmin(acme.admin()), "http://127.0.0.1:9/hooks", Set.of()))
                .endpoint();
        running.useCases
                .logoutPlatformUser()
                .logout(Actor.whiteLabelAdmin(acme.admin()), LogoutTarget.user("ann@acme.test"));
        allowingLocal
                .deliverWebhooks(delivery -> CompletableFuture.completedFuture(
                        new WebhookSender.Outcome(Optional.of(503), Optional.empty())))
                .deliverDue();

        signIn(RunningApi.adminToken(acme));
        visible("users");
        browser.findElement(By.id("show-webhooks")).click();
        visible("webhook-url").sendKeys("http://10.1.2.3/hooks");
        browser.findElement(By.cssSelector("#webhook-form button")).click();
        assertThat(visible("problem").getText()).isEqualTo("The url field must point to a public address.");

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("webhook-rows"), endpoint.url()));
        browser.findElement(By.xpath("//tbody[@id='webhook-rows']//button[text()='Deliveries']"))
                .click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("delivery-rows"), "HTTP 503"));
        assertThat(browser.findElement(By.id("delivery-rows")).getText()).contains("user.logged_out");
        browser.findElement(By.xpath("//tbody[@id='delivery-rows']//button[text()='Retry now']"))
                .click();
        wait.until(ExpectedConditions.textToBe(By.id("notice"), "Delivery due again now."));
    }

    @Test
    void an_admin_sees_a_webhook_the_service_disabled_for_failing_and_enables_it_again() {
        var impatient = new WhitelabelUseCases(
                running.storage,
                new BcryptPasswordHasher(4),
                Clock.systemUTC(),
                new WebhookPolicy(true, Duration.ZERO));
        var endpoint = impatient
                .createWebhook()
                .create(new CreateWebhookCommand(
                        Actor.whiteLabelAdmin(acme.admin()), "http://127.0.0.1:9/hooks", Set.of()))
                .endpoint();
        running.useCases
                .logoutPlatformUser()
                .logout(Actor.whiteLabelAdmin(acme.admin()), LogoutTarget.user("ann@acme.test"));
        impatient
                .deliverWebhooks(delivery -> CompletableFuture.completedFuture(
                        new WebhookSender.Outcome(Optional.of(503), Optional.empty())))
                .deliverDue();

        signIn(RunningApi.adminToken(acme));
        visible("users");
        browser.findElement(By.id("show-webhooks")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("webhook-rows"), "disabled since"));
        browser.findElement(By.id("show-audit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("audit-rows"), "webhook disabled"));
        assertThat(browser.findElement(By.id("audit-rows")).getText())
                .contains("the service")
                .contains("webhook " + endpoint.id());
        browser.findElement(By.id("show-webhooks")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("webhook-rows"), "disabled since"));
        browser.findElement(By.xpath("//tbody[@id='webhook-rows']//button[text()='Enable']"))
                .click();

        wait.until(ExpectedConditions.textMatches(
                By.id("notice"), Pattern.compile("Webhook enabled successfully\\. [0-9]+ deliver(y|ies) due now\\.")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("webhook-rows"), "active"));
        assertThat(browser.findElements(By.xpath("//tbody[@id='webhook-rows']//button[text()='Enable']")))
                .isEmpty();
    }

    /**
     * A pushed stream whose last push failed, and a polled one a receiver named with markup and disabled
     * with a reason in markup too: each shown as text, the push's authorization header nowhere.
     */
    @Test
    void an_admin_sees_the_platforms_shared_signals_streams_with_their_status_and_last_push() {
        var allowingLocal = new WhitelabelUseCases(
                running.storage, new BcryptPasswordHasher(4), Clock.systemUTC(), new WebhookPolicy(true));
        var admin = Actor.whiteLabelAdmin(acme.admin());
        var pushed = allowingLocal
                .createEventStream()
                .create(
                        admin,
                        new StreamSettings(
                                StreamDelivery.push("http://127.0.0.1:9/ssf", Optional.of("Bearer receiver-secret")),
                                Set.of(SecurityEventType.SESSION_REVOKED, SecurityEventType.ACCOUNT_DISABLED),
                                Optional.of("risk engine")));
        var polled = allowingLocal
                .createEventStream()
                .create(
                        admin,
                        new StreamSettings(
                                StreamDelivery.POLL,
                                Set.of(SecurityEventType.SESSION_REVOKED),
                                Optional.of(HOSTILE_NAME)));
        allowingLocal
                .changeStreamStatus()
                .change(new ChangeStreamStatusCommand(
                        admin, polled.id(), StreamStatus.DISABLED, Optional.of("<b>receiver retired</b>")));
        running.useCases.logoutPlatformUser().logout(admin, LogoutTarget.user("ann@acme.test"));
        assertThat(allowingLocal
                        .deliverSecurityEvents(
                                running.storage,
                                running.signer,
                                (delivery, token) -> CompletableFuture.completedFuture(
                                        SecurityEventPusher.Outcome.failed("answered 503", true)),
                                DeliveryLimits.DEFAULT)
                        .deliverDue())
                .isEqualTo(1);

        signIn(RunningApi.adminToken(acme));
        visible("users");
        browser.findElement(By.id("show-streams")).click();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#stream-rows tr"), 2));
        visible("streams");

        var pushCells = cellsOf(streamRow(pushed.id()));
        assertThat(pushCells.subList(0, 6))
                .containsExactly(
                        String.valueOf(pushed.id()),
                        "risk engine",
                        "push",
                        "http://127.0.0.1:9/ssf",
                        "session-revoked, account-disabled",
                        "enabled");
        assertThat(pushCells.get(6))
                .as("the last push: when, and why it failed")
                .endsWith(": failed, answered 503");
        var disabled = streamRow(polled.id());
        assertThat(disabled.getAttribute("class")).isEqualTo("disabled");
        assertThat(cellsOf(disabled))
                .containsExactly(
                        String.valueOf(polled.id()),
                        HOSTILE_NAME,
                        "poll",
                        running.publicUrl.endpoint(acme.platform().id(), "poll/" + polled.id()),
                        "session-revoked",
                        "disabled: <b>receiver retired</b>",
                        "polled by the receiver");
        assertThat(browser.findElements(By.cssSelector("#stream-rows img, #stream-rows b")))
                .as("text, never markup")
                .isEmpty();
        assertThat(browser.getPageSource()).doesNotContain("receiver-secret");
    }

    static By streamRowLocator(long streamId) {
        return By.xpath("//tbody[@id='stream-rows']/tr[td[1][text()='" + streamId + "']]");
    }

    WebElement streamRow(long streamId) {
        return browser.findElement(streamRowLocator(streamId));
    }

    /** Each cell's text as the page holds it (getText would hide what the CSS hides). */
    List<String> cellsOf(WebElement row) {
        return row.findElements(By.tagName("td")).stream()
                .map(td -> (String) ((ChromeDriver) browser).executeScript("return arguments[0].textContent", td))
                .toList();
    }

    int introspectionStatus(String clientId, String secret) {
        return running.api
                .send(running.api
                        .request("/oauth/introspect", null)
                        .header("Authorization", "Basic " + OAuthRoutesTest.basic(clientId, secret))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("token=x")))
                .status();
    }

    @Test
    void errors_are_said_in_plain_words() {
        signIn("1|" + "x".repeat(40));
        assertThat(visible("problem").getText()).startsWith("That token is not valid");

        signIn(running.token(running.user(acme, "bob@acme.test")));
        assertThat(visible("problem").getText()).isEqualTo("That token does not belong to a white-label admin.");
    }

    @Test
    void the_token_is_kept_in_session_storage_never_in_the_url_or_a_cookie() {
        String admin = RunningApi.adminToken(acme);
        signIn(admin);
        visible("users");

        assertThat(browser.getCurrentUrl()).doesNotContain(admin.substring(2));
        assertThat(browser.manage().getCookies()).isEmpty();
        assertThat(((ChromeDriver) browser).executeScript("return sessionStorage.getItem('whitelabel.adminToken')"))
                .isEqualTo(admin);
        browser.findElement(By.id("sign-out")).click();
        assertThat(((ChromeDriver) browser).executeScript("return sessionStorage.getItem('whitelabel.adminToken')"))
                .isNull();
    }

    @Test
    void pages_and_api_answers_carry_the_security_headers() {
        for (var answer : List.of(
                running.api.get("/console", null),
                running.api.get("/api/user/me", null),
                running.api.get("/docs", null))) {
            assertThat(answer.header("Content-Security-Policy"))
                    .hasValueSatisfying(csp -> assertThat(csp)
                            .contains("script-src 'self'")
                            .contains("frame-ancestors 'none'")
                            .doesNotContain("script-src 'self' 'unsafe-inline'"));
            assertThat(answer.header("X-Content-Type-Options")).contains("nosniff");
            assertThat(answer.header("Referrer-Policy")).contains("no-referrer");
            assertThat(answer.header("X-Frame-Options")).contains("DENY");
        }
        assertThat(running.api.get("/console", null).body())
                .doesNotContain("http://")
                .doesNotContain("https://")
                .doesNotContain("<script>");
        assertThat(new File("src/main/resources/console/console.js")).content().doesNotContain("innerHTML");
    }
}
