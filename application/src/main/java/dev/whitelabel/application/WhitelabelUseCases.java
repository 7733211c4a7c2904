package dev.whitelabel.application;

import dev.whitelabel.domain.model.DeliveryLimits;
import dev.whitelabel.domain.model.LoginThrottle;
import dev.whitelabel.domain.model.WebhookPolicy;
import dev.whitelabel.domain.port.in.AuthenticateReceiverUseCase;
import dev.whitelabel.domain.port.in.AuthenticateTokenUseCase;
import dev.whitelabel.domain.port.in.ChangeOwnPasswordUseCase;
import dev.whitelabel.domain.port.in.ChangeSessionCapUseCase;
import dev.whitelabel.domain.port.in.ChangeStreamStatusUseCase;
import dev.whitelabel.domain.port.in.ChangeStreamSubjectsUseCase;
import dev.whitelabel.domain.port.in.CheckHealthUseCase;
import dev.whitelabel.domain.port.in.CreateApiKeyUseCase;
import dev.whitelabel.domain.port.in.CreateEventStreamUseCase;
import dev.whitelabel.domain.port.in.CreatePlatformUseCase;
import dev.whitelabel.domain.port.in.CreatePlatformUserUseCase;
import dev.whitelabel.domain.port.in.CreateServiceClientUseCase;
import dev.whitelabel.domain.port.in.CreateTokenUseCase;
import dev.whitelabel.domain.port.in.CreateWebhookUseCase;
import dev.whitelabel.domain.port.in.DeleteApiKeyUseCase;
import dev.whitelabel.domain.port.in.DeleteEventStreamUseCase;
import dev.whitelabel.domain.port.in.DeleteServiceClientUseCase;
import dev.whitelabel.domain.port.in.DeleteUserUseCase;
import dev.whitelabel.domain.port.in.DeleteWebhookUseCase;
import dev.whitelabel.domain.port.in.DeliverSecurityEventsUseCase;
import dev.whitelabel.domain.port.in.DeliverWebhooksUseCase;
import dev.whitelabel.domain.port.in.DisableUserUseCase;
import dev.whitelabel.domain.port.in.EnableUserUseCase;
import dev.whitelabel.domain.port.in.EnableWebhookUseCase;
import dev.whitelabel.domain.port.in.FindEventStreamUseCase;
import dev.whitelabel.domain.port.in.FindWebhookUseCase;
import dev.whitelabel.domain.port.in.IntrospectTokenUseCase;
import dev.whitelabel.domain.port.in.ListApiKeysUseCase;
import dev.whitelabel.domain.port.in.ListEventStreamsUseCase;
import dev.whitelabel.domain.port.in.ListPlatformUsersUseCase;
import dev.whitelabel.domain.port.in.ListServiceClientsUseCase;
import dev.whitelabel.domain.port.in.ListUserTokensUseCase;
import dev.whitelabel.domain.port.in.ListWebhookDeliveriesUseCase;
import dev.whitelabel.domain.port.in.ListWebhooksUseCase;
import dev.whitelabel.domain.port.in.LoginPlatformUserUseCase;
import dev.whitelabel.domain.port.in.LogoutPlatformUserUseCase;
import dev.whitelabel.domain.port.in.LogoutSelfUseCase;
import dev.whitelabel.domain.port.in.PruneTokensUseCase;
import dev.whitelabel.domain.port.in.ReadAuditTrailUseCase;
import dev.whitelabel.domain.port.in.ReadSessionCapUseCase;
import dev.whitelabel.domain.port.in.RegisterPlatformUserUseCase;
import dev.whitelabel.domain.port.in.RetryDeliveryUseCase;
import dev.whitelabel.domain.port.in.RevokeTokenUseCase;
import dev.whitelabel.domain.port.in.SetPasswordUseCase;
import dev.whitelabel.domain.port.in.UpdateEventStreamUseCase;
import dev.whitelabel.domain.port.in.VerifyEventStreamUseCase;
import dev.whitelabel.domain.port.out.HostResolver;
import dev.whitelabel.domain.port.out.PasswordHasher;
import dev.whitelabel.domain.port.out.SecurityEventPusher;
import dev.whitelabel.domain.port.out.SecurityEventSigner;
import dev.whitelabel.domain.port.out.Storage;
import dev.whitelabel.domain.port.out.Transactions;
import dev.whitelabel.domain.port.out.WebhookSender;
import java.time.Clock;
import java.time.Duration;

/**
 * Every use case over one storage, built with plain constructors: the whole product, minus its adapters, and the
 * application module's one public class. Nobody is handed it whole: bootstrap gives each route group and command
 * the use cases it calls, and Java callers take the ones they need. Adding a use case: its port interface, its
 * (package-private) class, and here one component and one {@code new} in the building constructor, in the same place.
 */
public record WhitelabelUseCases(
        AuthenticateTokenUseCase authenticateToken,
        LogoutPlatformUserUseCase logoutPlatformUser,
        LogoutSelfUseCase logoutSelf,
        CreatePlatformUseCase createPlatform,
        CreatePlatformUserUseCase createPlatformUser,
        RegisterPlatformUserUseCase registerPlatformUser,
        LoginPlatformUserUseCase loginPlatformUser,
        CreateTokenUseCase createToken,
        ListPlatformUsersUseCase listPlatformUsers,
        ListUserTokensUseCase listUserTokens,
        ReadAuditTrailUseCase readAuditTrail,
        CreateApiKeyUseCase createApiKey,
        ListApiKeysUseCase listApiKeys,
        DeleteApiKeyUseCase deleteApiKey,
        PruneTokensUseCase pruneTokens,
        CheckHealthUseCase checkHealth,
        CreateServiceClientUseCase createServiceClient,
        ListServiceClientsUseCase listServiceClients,
        DeleteServiceClientUseCase deleteServiceClient,
        IntrospectTokenUseCase introspectToken,
        RevokeTokenUseCase revokeToken,
        CreateWebhookUseCase createWebhook,
        ListWebhooksUseCase listWebhooks,
        FindWebhookUseCase findWebhook,
        EnableWebhookUseCase enableWebhook,
        DeleteWebhookUseCase deleteWebhook,
        ListWebhookDeliveriesUseCase listWebhookDeliveries,
        RetryDeliveryUseCase retryDelivery,
        ChangeOwnPasswordUseCase changeOwnPassword,
        SetPasswordUseCase setPassword,
        DisableUserUseCase disableUser,
        EnableUserUseCase enableUser,
        DeleteUserUseCase deleteUser,
        ReadSessionCapUseCase readSessionCap,
        ChangeSessionCapUseCase changeSessionCap,
        CreateEventStreamUseCase createEventStream,
        ListEventStreamsUseCase listEventStreams,
        FindEventStreamUseCase findEventStream,
        UpdateEventStreamUseCase updateEventStream,
        DeleteEventStreamUseCase deleteEventStream,
        ChangeStreamStatusUseCase changeStreamStatus,
        ChangeStreamSubjectsUseCase changeStreamSubjects,
        VerifyEventStreamUseCase verifyEventStream,
        AuthenticateReceiverUseCase authenticateReceiver,
        WebhookDeliveries webhookDeliveries,
        Transmitters transmitters) {

    public WhitelabelUseCases(Storage storage, PasswordHasher passwordHasher, Clock clock) {
        this(storage, passwordHasher, clock, WebhookPolicy.publicTargetsOnly());
    }

    public WhitelabelUseCases(
            Storage storage, PasswordHasher passwordHasher, Clock clock, WebhookPolicy webhookPolicy) {
        this(storage, passwordHasher, clock, webhookPolicy, LoginThrottle.DEFAULT, HostResolver.SYSTEM);
    }

    /** {@code hostResolver} answers the check of a webhook target at creation: give the sender the same one. */
    public WhitelabelUseCases(
            Storage storage,
            PasswordHasher passwordHasher,
            Clock clock,
            WebhookPolicy webhookPolicy,
            LoginThrottle loginThrottle,
            HostResolver hostResolver) {
        this(new Shared(storage, passwordHasher, clock, webhookPolicy, loginThrottle, hostResolver));
    }

    /** The building constructor: one line per use case, in the order of the components. */
    private WhitelabelUseCases(Shared s) {
        this(
                new AuthenticateToken(s.storage.tokens(), s.liveTokens),
                new LogoutPlatformUser(s.platformUsers, s.revocations, s.transactions, s.clock),
                new LogoutSelf(s.revocations, s.transactions, s.clock),
                new CreatePlatform(s.storage.platforms(), s.storage.users(), s.tokenIssuer, s.transactions, s.clock),
                new CreatePlatformUser(s.storage.platforms(), s.newUsers, s.clock),
                new RegisterPlatformUser(s.newUsers, s.tokenIssuer, s.transactions, s.clock),
                new LoginPlatformUser(
                        s.storage.users(), s.passwordHasher, s.tokenIssuer, s.throttling, s.transactions, s.clock),
                new CreateToken(s.platformUsers, s.storage.users(), s.tokenIssuer, s.transactions, s.clock),
                new ListPlatformUsers(s.storage.users()),
                new ListUserTokens(s.platformUsers, s.storage.tokens()),
                new ReadAuditTrail(s.storage.auditLog()),
                s.manageApiKeys(),
                s.manageApiKeys(),
                s.manageApiKeys(),
                new PruneTokens(s.storage.tokens(), s.throttling, s.clock),
                s.storage.probe()::answers,
                s.manageServiceClients(),
                s.manageServiceClients(),
                s.manageServiceClients(),
                new IntrospectToken(s.serviceClients),
                new RevokeToken(s.serviceClients, s.revocations, s.transactions, s.clock),
                s.manageWebhooks(),
                s.manageWebhooks(),
                s.manageWebhooks(),
                s.manageWebhooks(),
                s.manageWebhooks(),
                s.manageWebhooks(),
                s.manageWebhooks(),
                s.manageAccounts(),
                s.manageAccounts(),
                s.manageAccounts(),
                s.manageAccounts(),
                s.manageAccounts(),
                s.manageSettings(),
                s.manageSettings(),
                s.manageEventStreams(),
                s.manageEventStreams(),
                s.manageEventStreams(),
                s.manageEventStreams(),
                s.manageEventStreams(),
                s.manageEventStreams(),
                s.manageEventStreams(),
                s.manageEventStreams(),
                new AuthenticateReceiver(s.serviceClients),
                new WebhookDeliveries(s.storage, s.clock, s.deliveryActivity, s.disableAfter),
                new Transmitters(s.storage, s.manageEventStreams(), s.pushActivity, s.clock));
    }

    /** The dispatcher's step over the same storage, sending with {@code sender}; each running instance takes it in a loop. */
    public DeliverWebhooksUseCase deliverWebhooks(WebhookSender sender) {
        return deliverWebhooks(sender, DeliveryLimits.DEFAULT);
    }

    /** The same, sharing the instance within {@code limits}; one per instance, since it keeps the lanes of its endpoints. */
    public DeliverWebhooksUseCase deliverWebhooks(WebhookSender sender, DeliveryLimits limits) {
        return webhookDeliveries.sendingWith(sender, limits);
    }

    /**
     * The same over {@code storage}, the same database reached another way: a server gives its dispatcher
     * a pool of its own, so that claims never queue behind requests for a connection, nor they behind it.
     */
    public DeliverWebhooksUseCase deliverWebhooks(Storage storage, WebhookSender sender, DeliveryLimits limits) {
        return webhookDeliveries.over(storage, sender, limits);
    }

    /**
     * The platforms' transmitters, signing with {@code signer}: give every instance over one database the
     * same server key, so that each opens the keys the others made.
     */
    public TransmitterUseCases transmitter(SecurityEventSigner signer) {
        return transmitters.signingWith(signer);
    }

    /** The pusher's step over {@code storage} (a pool of its own, as for webhooks); one per instance. */
    public DeliverSecurityEventsUseCase deliverSecurityEvents(
            Storage storage, SecurityEventSigner signer, SecurityEventPusher pusher, DeliveryLimits limits) {
        return transmitters.pushing(storage, signer, pusher, limits);
    }

    /** The parts several use cases share, built once per WhitelabelUseCases. */
    private static final class Shared {
        final Storage storage;
        final PasswordHasher passwordHasher;
        final Clock clock;
        final Transactions transactions;
        final WebhookTargets webhookTargets;
        final Duration disableAfter;
        final Revocations revocations;
        final TokenIssuer tokenIssuer;
        final PlatformUsers platformUsers;
        final NewUsers newUsers;
        final LiveTokens liveTokens;
        final LoginThrottling throttling;
        final ServiceClientAuthentication serviceClients;
        final DeliveryActivity deliveryActivity = new DeliveryActivity();
        final DeliveryActivity pushActivity = new DeliveryActivity();

        Shared(
                Storage storage,
                PasswordHasher passwordHasher,
                Clock clock,
                WebhookPolicy webhookPolicy,
                LoginThrottle loginThrottle,
                HostResolver hostResolver) {
            this.storage = storage;
            this.passwordHasher = passwordHasher;
            this.clock = clock;
            this.transactions = storage.transactions();
            this.webhookTargets = new WebhookTargets(webhookPolicy, hostResolver);
            this.disableAfter = webhookPolicy.disableAfter();
            this.revocations = new Revocations(
                    storage.tokens(),
                    storage.auditLog(),
                    new Webhooks(storage.webhooks(), storage.transactions(), deliveryActivity),
                    new SecurityEvents(storage.eventStreams(), storage.transactions(), pushActivity));
            this.tokenIssuer = new TokenIssuer(storage.tokens(), storage.auditLog(), storage.platforms(), revocations);
            this.platformUsers = new PlatformUsers(storage.users());
            this.newUsers = new NewUsers(storage.users(), passwordHasher);
            this.liveTokens = new LiveTokens(storage.tokens(), clock);
            this.throttling = new LoginThrottling(storage.loginFailures(), loginThrottle, transactions, clock);
            this.serviceClients =
                    new ServiceClientAuthentication(storage.serviceClients(), liveTokens, throttling, clock);
        }

        // Classes of several operations, one use-case interface each: every component gets an instance of its own.
        ManageAccounts manageAccounts() {
            return new ManageAccounts(
                    platformUsers,
                    storage.users(),
                    storage.tokens(),
                    passwordHasher,
                    revocations,
                    throttling,
                    transactions,
                    clock);
        }

        ManageApiKeys manageApiKeys() {
            return new ManageApiKeys(storage.tokens(), tokenIssuer, revocations, transactions, clock);
        }

        ManageServiceClients manageServiceClients() {
            return new ManageServiceClients(
                    storage.platforms(), storage.serviceClients(), storage.auditLog(), transactions, clock);
        }

        ManageSettings manageSettings() {
            return new ManageSettings(storage.platforms());
        }

        ManageEventStreams manageEventStreams() {
            return new ManageEventStreams(
                    storage.platforms(), storage.eventStreams(), webhookTargets, transactions, pushActivity, clock);
        }

        ManageWebhooks manageWebhooks() {
            return new ManageWebhooks(
                    storage.platforms(), storage.webhooks(), webhookTargets, storage.auditLog(), transactions, clock);
        }
    }
}
