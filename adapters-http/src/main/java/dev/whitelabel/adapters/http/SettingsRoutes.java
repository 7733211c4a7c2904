package dev.whitelabel.adapters.http;

import dev.whitelabel.domain.model.SessionCap;
import dev.whitelabel.domain.port.in.ChangeSessionCapCommand;
import dev.whitelabel.domain.port.in.ChangeSessionCapUseCase;
import dev.whitelabel.domain.port.in.ReadSessionCapUseCase;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.OptionalInt;

/** An admin reads and changes their platform's settings: the cap on each user's live tokens. */
public final class SettingsRoutes implements RouteGroup {

    private final ReadSessionCapUseCase readSessionCap;
    private final ChangeSessionCapUseCase changeSessionCap;
    private final RequestBody requestBody;

    public SettingsRoutes(
            ReadSessionCapUseCase readSessionCap, ChangeSessionCapUseCase changeSessionCap, RouteSupport support) {
        this.readSessionCap = readSessionCap;
        this.changeSessionCap = changeSessionCap;
        this.requestBody = support.requestBody;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/white-label/settings", this::read);
        routes.patch("/api/white-label/settings", this::change);
    }

    private void read(Context ctx) {
        var admin = BearerAuthentication.whiteLabelAdmin(ctx);
        ctx.json(new ResponseBodies.SettingsRead(ResponseBodies.Settings.of(readSessionCap.sessionCap(admin))));
    }

    private void change(Context ctx) {
        var admin = BearerAuthentication.whiteLabelAdmin(ctx);
        var body = requestBody.read(ctx);
        // clamped only to fit an int: anything past the domain's range is refused all the same
        var max = body.valid(
                body.clearableInteger("max_tokens_per_user")
                        .map(number -> number.isPresent()
                                ? OptionalInt.of((int)
                                        Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, number.getAsLong())))
                                : OptionalInt.empty()),
                SessionCap::validMax);
        var policy = body.valid(body.optionalText("session_cap_policy"), WireNames::policy);
        body.requireValid();

        var changed = changeSessionCap.changeSessionCap(new ChangeSessionCapCommand(admin, max, policy));

        ctx.json(new ResponseBodies.SettingsChanged(
                "Settings updated successfully.", ResponseBodies.Settings.of(changed)));
    }
}
