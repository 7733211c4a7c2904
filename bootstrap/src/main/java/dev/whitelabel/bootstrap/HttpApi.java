package dev.whitelabel.bootstrap;

import dev.whitelabel.adapters.http.AccountLifecycleRoutes;
import dev.whitelabel.adapters.http.AccountRoutes;
import dev.whitelabel.adapters.http.HttpServer;
import dev.whitelabel.adapters.http.HttpSettings;
import dev.whitelabel.adapters.http.ListingRoutes;
import dev.whitelabel.adapters.http.LogoutRoute;
import dev.whitelabel.adapters.http.OAuthRoutes;
import dev.whitelabel.adapters.http.RouteGroup;
import dev.whitelabel.adapters.http.SelfServiceRoutes;
import dev.whitelabel.adapters.http.ServiceClientRoutes;
import dev.whitelabel.adapters.http.SettingsRoutes;
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

    public static HttpServer create(
            WhitelabelUseCases useCases, HttpSettings settings, PrometheusMeterRegistry metricsRegistry) {
        return HttpServer.create(
                useCases.authenticateToken(), useCases.checkHealth(), routeGroups(useCases), settings, metricsRegistry);
    }

    /** In the order Javalin tries them: the routes called most first. */
    static List<RouteGroup> routeGroups(WhitelabelUseCases u) {
        return List.of(
                OAuthRoutes.of(u.introspectToken(), u.revokeToken()),
                SelfServiceRoutes.of(
                        u.logoutSelf(),
                        u.createApiKey(),
                        u.listApiKeys(),
                        u.deleteApiKey(),
                        u.listUserTokens(),
                        u.changeOwnPassword()),
                LogoutRoute.of(u.logoutPlatformUser()),
                AccountRoutes.of(u.registerPlatformUser(), u.loginPlatformUser(), u.createToken()),
                ListingRoutes.of(u.listPlatformUsers(), u.listUserTokens(), u.readAuditTrail()),
                AccountLifecycleRoutes.of(u.setPassword(), u.disableUser(), u.enableUser(), u.deleteUser()),
                SettingsRoutes.of(u.readSessionCap(), u.changeSessionCap()),
                ServiceClientRoutes.of(u.createServiceClient(), u.listServiceClients(), u.deleteServiceClient()),
                WebhookRoutes.of(
                        u.createWebhook(),
                        u.listWebhooks(),
                        u.findWebhook(),
                        u.enableWebhook(),
                        u.deleteWebhook(),
                        u.listWebhookDeliveries(),
                        u.retryDelivery()));
    }
}
