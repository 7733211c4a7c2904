package dev.whitelabel.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.whitelabel.adapters.persistence.BcryptPasswordHasher;
import dev.whitelabel.adapters.persistence.memory.InMemoryStorage;
import dev.whitelabel.application.WhitelabelUseCases;
import dev.whitelabel.domain.model.Actor;
import dev.whitelabel.domain.model.EmailAddress;
import dev.whitelabel.domain.model.LogoutTarget;
import dev.whitelabel.domain.model.NewPlatform;
import dev.whitelabel.domain.model.NewPlatformUser;
import dev.whitelabel.domain.model.PageRequest;
import dev.whitelabel.domain.model.WebhookPolicy;
import dev.whitelabel.domain.port.in.CreateWebhookCommand;
import dev.whitelabel.domain.port.in.WebhookDeliveriesQuery;
import dev.whitelabel.domain.port.out.WebhookSender;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Graceful shutdown of delivery: closing stops new claims, waits for the sends in flight, then closes the sender. */
class WebhookDispatcherTest {

    @Test
    void closing_lets_a_send_in_flight_finish_and_record_its_outcome_then_claims_nothing_more() throws Exception {
        var useCases = new WhitelabelUseCases(
                InMemoryStorage.create(), new BcryptPasswordHasher(4), Clock.systemUTC(), new WebhookPolicy(true));
        var acme =
                useCases.createPlatform().create(new NewPlatform("Acme", new EmailAddress("admin@acme.test"), "Ada"));
        var admin = Actor.whiteLabelAdmin(acme.admin());
        var endpoint = useCases.createWebhook()
                .create(new CreateWebhookCommand(admin, "http://127.0.0.1:9/hooks", Set.of()))
                .endpoint();
        var ann = useCases.createPlatformUser()
                .create(acme.platform().id(), new NewPlatformUser("Ann", new EmailAddress("ann@acme.test")));
        var sending = new CountDownLatch(1);
        var sends = new AtomicInteger();
        var answered = new AtomicBoolean();
        WebhookSender slowReceiver = delivery -> {
            sends.incrementAndGet();
            sending.countDown();
            return CompletableFuture.supplyAsync(
                    () -> {
                        answered.set(true);
                        return new WebhookSender.Outcome(Optional.of(204), Optional.empty());
                    },
                    CompletableFuture.delayedExecutor(500, TimeUnit.MILLISECONDS));
        };
        var answeredWhenTheSenderClosed = new CompletableFuture<Boolean>();
        useCases.logoutPlatformUser().logout(admin, LogoutTarget.user(ann.id()));

        var dispatcher = new WebhookDispatcher(
                useCases.deliverWebhooks(slowReceiver),
                Duration.ofSeconds(5),
                () -> answeredWhenTheSenderClosed.complete(answered.get()),
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
        assertThat(sending.await(5, TimeUnit.SECONDS)).isTrue();
        dispatcher.close();

        var delivery = useCases.listWebhookDeliveries()
                .deliveries(new WebhookDeliveriesQuery(admin, endpoint.id(), PageRequest.first()))
                .items()
                .get(0);
        assertThat(delivery.deliveredAt())
                .as("the send in flight finished and was recorded")
                .isPresent();
        assertThat(answeredWhenTheSenderClosed.getNow(false))
                .as("the sender closed after it")
                .isTrue();
        useCases.logoutPlatformUser().logout(admin, LogoutTarget.user(ann.id()));
        Thread.sleep(3 * WebhookDispatcher.LATEST.toMillis());
        assertThat(sends.get()).as("no claim after closing").isEqualTo(1);
    }

    @Test
    void the_endpoints_it_disables_for_failing_are_counted_in_the_metrics() throws Exception {
        var useCases = new WhitelabelUseCases(
                InMemoryStorage.create(),
                new BcryptPasswordHasher(4),
                Clock.systemUTC(),
                new WebhookPolicy(true, Duration.ZERO));
        var acme =
                useCases.createPlatform().create(new NewPlatform("Acme", new EmailAddress("admin@acme.test"), "Ada"));
        var admin = Actor.whiteLabelAdmin(acme.admin());
        var endpoint = useCases.createWebhook()
                .create(new CreateWebhookCommand(admin, "http://127.0.0.1:9/hooks", Set.of()))
                .endpoint();
        var ann = useCases.createPlatformUser()
                .create(acme.platform().id(), new NewPlatformUser("Ann", new EmailAddress("ann@acme.test")));
        useCases.logoutPlatformUser().logout(admin, LogoutTarget.user(ann.id()));
        var metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        var sent = new CountDownLatch(1);
        WebhookSender gone = delivery -> {
            sent.countDown();
            return CompletableFuture.completedFuture(new WebhookSender.Outcome(Optional.of(410), Optional.empty()));
        };

        try (var dispatcher =
                new WebhookDispatcher(useCases.deliverWebhooks(gone), Duration.ofSeconds(5), () -> {}, metrics)) {
            assertThat(sent.await(5, TimeUnit.SECONDS)).isTrue();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (useCases.findWebhook()
                            .find(admin, endpoint.id())
                            .disabledAt()
                            .isEmpty()
                    && System.nanoTime() < deadline) {
                Thread.sleep(WebhookDispatcher.SOONEST.toMillis());
            }
        }

        assertThat(metrics.scrape()).contains("whitelabel_webhook_endpoints_disabled_total 1.0");
    }
}
