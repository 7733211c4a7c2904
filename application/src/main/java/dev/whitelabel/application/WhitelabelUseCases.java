package dev.whitelabel.application;

import dev.whitelabel.domain.model.LoginThrottle;
import dev.whitelabel.domain.model.WebhookPolicy;
import dev.whitelabel.domain.port.in.AuthenticateTokenUseCase;
import dev.whitelabel.domain.port.in.CheckHealthUseCase;
import dev.whitelabel.domain.port.in.CreatePlatformUseCase;
import dev.whitelabel.domain.port.in.CreatePlatformUserUseCase;
import dev.whitelabel.domain.port.in.CreateTokenUseCase;
import dev.whitelabel.domain.port.in.DeliverWebhooksUseCase;
import dev.whitelabel.domain.port.in.ListPlatformUsersUseCase;
import dev.whitelabel.domain.port.in.ListUserTokensUseCase;
import dev.whitelabel.domain.port.in.LoginPlatformUserUseCase;
import dev.whitelabel.domain.port.in.LogoutPlatformUserUseCase;
import dev.whitelabel.domain.port.in.LogoutSelfUseCase;
import dev.whitelabel.domain.port.in.ManageAccountsUseCase;
import dev.whitelabel.domain.port.in.ManageApiKeysUseCase;
import dev.whitelabel.domain.port.in.ManageSettingsUseCase;
import dev.whitelabel.domain.port.in.ManageServiceClientsUseCase;
import dev.whitelabel.domain.port.in.ManageWebhooksUseCase;
import dev.whitelabel.domain.port.in.PruneTokensUseCase;
import dev.whitelabel.domain.port.in.ReadAuditTrailUseCase;
import dev.whitelabel.domain.port.in.RegisterPlatformUserUseCase;
import dev.whitelabel.domain.port.in.ServiceClientDoorsUseCase;
import dev.whitelabel.domain.port.in.UseCases;
import dev.whitelabel.domain.port.out.PasswordHasher;
import dev.whitelabel.domain.port.out.Storage;
import dev.whitelabel.domain.port.out.WebhookSender;
import java.time.Clock;

/** Every use case over one storage, built with plain constructors: the whole product, minus its adapters. */
public final class WhitelabelUseCases implements UseCases {

    private final AuthenticateTokenUseCase authenticateToken;
    private final LogoutPlatformUserUseCase logoutPlatformUser;
    private final LogoutSelfUseCase logoutSelf;
    private final CreatePlatformUseCase createPlatform;
    private final CreatePlatformUserUseCase createPlatformUser;
    private final RegisterPlatformUserUseCase registerPlatformUser;
    private final LoginPlatformUserUseCase loginPlatformUser;
    private final CreateTokenUseCase createToken;
    private final ListPlatformUsersUseCase listPlatformUsers;
    private final ListUserTokensUseCase listUserTokens;
    private final ReadAuditTrailUseCase readAuditTrail;
    private final ManageApiKeysUseCase manageApiKeys;
    private final PruneTokensUseCase pruneTokens;
    private final CheckHealthUseCase checkHealth;
    private final ManageServiceClientsUseCase manageServiceClients;
    private final ServiceClientDoorsUseCase serviceClientDoors;
    private final ManageWebhooksUseCase manageWebhooks;
    private final ManageAccountsUseCase manageAccounts;
    private final ManageSettingsUseCase manageSettings;
    private final Storage storage;
    private final Clock clock;
    private final WebhookTargets webhookTargets;

    public WhitelabelUseCases(Storage storage, PasswordHasher passwordHasher, Clock clock) {
        this(storage, passwordHasher, clock, WebhookPolicy.publicTargetsOnly());
    }

    public WhitelabelUseCases(Storage storage, PasswordHasher passwordHasher, Clock clock, WebhookPolicy webhookPolicy) {
        this(storage, passwordHasher, clock, webhookPolicy, LoginThrottle.DEFAULT);
    }

    public WhitelabelUseCases(
            Storage storage, PasswordHasher passwordHasher, Clock clock, WebhookPolicy webhookPolicy,
            LoginThrottle loginThrottle) {
        this.storage = storage;
        this.clock = clock;
        this.webhookTargets = new WebhookTargets(webhookPolicy);
        var transactions = storage.transactions();
        var revocations = new Revocations(storage.tokens(), storage.auditLog(), new Webhooks(storage.webhooks()));
        var tokenIssuer = new TokenIssuer(storage.tokens(), storage.auditLog(), storage.platforms(), revocations);
        var platformUsers = new PlatformUsers(storage.users());
        var newUsers = new NewUsers(storage.users(), passwordHasher);
        var liveTokens = new LiveTokens(storage.tokens(), clock);
        var throttling = new LoginThrottling(storage.loginFailures(), loginThrottle);
        this.authenticateToken = new AuthenticateToken(storage.tokens(), liveTokens);
        this.logoutPlatformUser = new LogoutPlatformUser(platformUsers, revocations, transactions, clock);
        this.logoutSelf = new LogoutSelf(revocations, transactions, clock);
        this.createPlatform = new CreatePlatform(storage.platforms(), storage.users(), tokenIssuer, transactions, clock);
        this.createPlatformUser = new CreatePlatformUser(storage.platforms(), newUsers, clock);
        this.registerPlatformUser = new RegisterPlatformUser(newUsers, tokenIssuer, transactions, clock);
        this.loginPlatformUser = new LoginPlatformUser(
                storage.users(), passwordHasher, tokenIssuer, throttling, transactions, clock);
        this.createToken = new CreateToken(platformUsers, storage.users(), tokenIssuer, transactions, clock);
        this.listPlatformUsers = new ListPlatformUsers(storage.users());
        this.listUserTokens = new ListUserTokens(platformUsers, storage.tokens());
        this.readAuditTrail = new ReadAuditTrail(storage.auditLog());
        this.manageApiKeys = new ManageApiKeys(storage.tokens(), tokenIssuer, revocations, transactions, clock);
        this.pruneTokens = new PruneTokens(storage.tokens(), throttling, clock);
        this.checkHealth = storage.probe()::answers;
        this.manageServiceClients = new ManageServiceClients(
                storage.platforms(), storage.serviceClients(), storage.auditLog(), transactions, clock);
        this.manageWebhooks = new ManageWebhooks(storage.platforms(), storage.webhooks(), webhookTargets, clock);
        this.manageAccounts = new ManageAccounts(platformUsers, storage.users(), storage.tokens(), passwordHasher,
                revocations, throttling, storage.auditLog(), transactions, clock);
        this.manageSettings = new ManageSettings(storage.platforms());
        this.serviceClientDoors = new ServiceClientDoors(
                storage.serviceClients(), liveTokens, revocations, transactions, clock);
    }

    @Override
    public AuthenticateTokenUseCase authenticateToken() {
        return authenticateToken;
    }

    @Override
    public LogoutPlatformUserUseCase logoutPlatformUser() {
        return logoutPlatformUser;
    }

    @Override
    public LogoutSelfUseCase logoutSelf() {
        return logoutSelf;
    }

    @Override
    public CreatePlatformUseCase createPlatform() {
        return createPlatform;
    }

    @Override
    public CreatePlatformUserUseCase createPlatformUser() {
        return createPlatformUser;
    }

    @Override
    public RegisterPlatformUserUseCase registerPlatformUser() {
        return registerPlatformUser;
    }

    @Override
    public LoginPlatformUserUseCase loginPlatformUser() {
        return loginPlatformUser;
    }

    @Override
    public CreateTokenUseCase createToken() {
        return createToken;
    }

    @Override
    public ListPlatformUsersUseCase listPlatformUsers() {
        return listPlatformUsers;
    }

    @Override
    public ListUserTokensUseCase listUserTokens() {
        return listUserTokens;
    }

    @Override
    public ReadAuditTrailUseCase readAuditTrail() {
        return readAuditTrail;
    }

    @Override
    public ManageApiKeysUseCase manageApiKeys() {
        return manageApiKeys;
    }

    @Override
    public PruneTokensUseCase pruneTokens() {
        return pruneTokens;
    }

    @Override
    public CheckHealthUseCase checkHealth() {
        return checkHealth;
    }

    @Override
    public ManageServiceClientsUseCase manageServiceClients() {
        return manageServiceClients;
    }

    @Override
    public ServiceClientDoorsUseCase serviceClientDoors() {
        return serviceClientDoors;
    }

    @Override
    public ManageWebhooksUseCase manageWebhooks() {
        return manageWebhooks;
    }

    @Override
    public ManageAccountsUseCase manageAccounts() {
        return manageAccounts;
    }

    @Override
    public ManageSettingsUseCase manageSettings() {
        return manageSettings;
    }

    /** The dispatcher's step over the same storage, sending with {@code sender}; each running instance takes it in a loop. */
    public DeliverWebhooksUseCase deliverWebhooks(WebhookSender sender) {
        return new DeliverWebhooks(storage.webhooks(), sender, webhookTargets, storage.transactions(), clock);
    }
}
