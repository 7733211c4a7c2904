package dev.whitelabel.adapters.http;

import dev.whitelabel.domain.port.in.ListPlatformUsersUseCase;
import dev.whitelabel.domain.port.in.ListUserTokensUseCase;
import dev.whitelabel.domain.port.in.ReadAuditTrailUseCase;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Optional;

/** What an admin reads of their platform: its users, a user's tokens, the audit trail. Paginated. */
public final class ListingRoutes implements RouteGroup {

    /** Part of the email of the users listed. */
    private static final String SEARCH = "search";

    private final ListPlatformUsersUseCase listPlatformUsers;
    private final ListUserTokensUseCase listUserTokens;
    private final ReadAuditTrailUseCase readAuditTrail;

    public ListingRoutes(
            ListPlatformUsersUseCase listPlatformUsers,
            ListUserTokensUseCase listUserTokens,
            ReadAuditTrailUseCase readAuditTrail) {
        this.listPlatformUsers = listPlatformUsers;
        this.listUserTokens = listUserTokens;
        this.readAuditTrail = readAuditTrail;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/white-label/users", Paginated.PARAMETERS.and(SEARCH).around(this::users));
        routes.get("/api/white-label/users/{id}/tokens", Paginated.PARAMETERS.around(this::tokens));
        routes.get("/api/white-label/audit", Paginated.PARAMETERS.around(this::audit));
    }

    private void users(Context ctx) {
        var admin = BearerAuthentication.whiteLabelAdmin(ctx);
        var page = Paginated.request(ctx);
        Optional<String> search = Optional.ofNullable(ctx.queryParam(SEARCH)).filter(text -> !text.isBlank());

        var users = listPlatformUsers.list(admin, search, page);

        ctx.json(Paginated.of(ctx, users, ResponseBodies.ListedUser::of, search.map(text -> Map.entry(SEARCH, text))));
    }

    private void tokens(Context ctx) {
        var admin = BearerAuthentication.whiteLabelAdmin(ctx);
        long userId = PathIds.user(ctx);
        var page = Paginated.request(ctx);

        var tokens = listUserTokens.list(admin, userId, page);

        ctx.json(Paginated.of(ctx, tokens, ResponseBodies.ListedToken::of, Optional.empty()));
    }

    private void audit(Context ctx) {
        var admin = BearerAuthentication.whiteLabelAdmin(ctx);
        var page = Paginated.request(ctx);

        var events = readAuditTrail.read(admin, page);

        ctx.json(Paginated.of(ctx, events, ResponseBodies.ListedAuditEvent::of, Optional.empty()));
    }
}
