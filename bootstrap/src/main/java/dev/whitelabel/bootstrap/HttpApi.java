package dev.whitelabel.bootstrap;

import dev.whitelabel.adapters.http.AccountLifecycleRoutes;
import dev.whitelabel.adapters.http.AccountRoutes;
import dev.whitelabel.adapters.http.HttpServer;
import dev.whitelabel.adapters.http.HttpSettings;
import dev.whitelabel.adapters.http.ListingRoutes;
import dev.whitelabel.adapters.http.LogoutRoute;
import dev.whitelabel.adapters.http.OAuthRoutes;
import dev.whitelabel.adapters.http.PublicUrl;
import dev.whitelabel.adapters.http.RouteGroups;
import dev.whitelabel.adapters.http.SelfServiceRoutes;
import dev.whitelabel.adapters.http.ServiceClientRoutes;
import dev.whitelabel.adapters.http.SettingsRoutes;
import dev.whitelabel.adapters.http.SharedSignalsRoutes;
import dev.whitelabel.adapters.http.WebhookRoutes;
import dev.whitelabel.application.WhitelabelUseCases;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;

/** The HTTP API over the use cases: each route group gets the use cases it calls, and only those. */
public final class HttpApi {

    private HttpApi() {}

    /** An unstarted server with a metrics registry of its own. */
    public static HttpServer create(WhitelabelUseCases useCases, HttpSettings settings) {
        return create(useCases, settings, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    }

    /** The same, its Shared Signals issuers on http://localhost with a server key of its own. */
    public static HttpServer create(
            WhitelabelUseCases useCases, HttpSettings settings, PrometheusMeterRegistry metricsRegistry) {
        return create(useCases, settings, metricsRegistry, SharedSignals.ephemeral(new PublicUrl("http://localhost")));
    }

    public static HttpServer create(
            WhitelabelUseCases useCases,
            HttpSettings settings,
            PrometheusMeterRegistry metricsRegistry,
            SharedSignals sharedSignals) {
        return HttpServer.create(
                useCases.authenticateToken(),
                useCases.checkHealth(),
                routeGroups(useCases, sharedSignals),
                settings,
                metricsRegistry);
    }

    /** In the order Javalin tries them: the routes called most first. */
    static RouteGroups routeGroups(WhitelabelUseCases u, SharedSignals sharedSignals) {
        var transmitter = u.transmitter(sharedSignals.signer());
        return support -> List.of(
                new OAuthRoutes(u.introspectToken(), u.revokeToken(), support),
                new SelfServiceRoutes(
                        u.logoutSelf(),
                        u.createApiKey(),
                        u.listApiKeys(),
                        u.deleteApiKey(),
                        u.listUserTokens(),
                        u.changeOwnPassword(),
                        support),
                new LogoutRoute(u.logoutPlatformUser(), support),
                new AccountRoutes(u.registerPlatformUser(), u.loginPlatformUser(), u.createToken(), support),
                new ListingRoutes(u.listPlatformUsers(), u.listUserTokens(), u.readAuditTrail()),
                new AccountLifecycleRoutes(u.setPassword(), u.disableUser(), u.enableUser(), u.deleteUser(), support),
                new SettingsRoutes(u.readSessionCap(), u.changeSessionCap(), support),
                new ServiceClientRoutes(
                        u.createServiceClient(), u.listServiceClients(), u.deleteServiceClient(), support),
                new WebhookRoutes(
                        u.createWebhook(),
                        u.listWebhooks(),
                        u.findWebhook(),
                        u.enableWebhook(),
                        u.deleteWebhook(),
                        u.listWebhookDeliveries(),
                        u.retryDelivery(),
                        support),
                new SharedSignalsRoutes(
                        transmitter.findTransmitter(),
                        transmitter.publishSigningKeys(),
                        u.createEventStream(),
                        u.listEventStreams(),
                        u.findEventStream(),
                        u.updateEventStream(),
                        u.deleteEventStream(),
                        u.changeStreamStatus(),
                        u.changeStreamSubjects(),
                        u.verifyEventStream(),
                        transmitter.pollSecurityEvents(),
                        u.authenticateReceiver(),
                        sharedSignals.publicUrl(),
                        support));
    }
}
