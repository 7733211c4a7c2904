package dev.whitelabel.adapters.http;

import dev.whitelabel.domain.error.ServiceClientNotFound;
import dev.whitelabel.domain.model.ServiceClient;
import dev.whitelabel.domain.port.in.CreateServiceClientUseCase;
import dev.whitelabel.domain.port.in.DeleteServiceClientUseCase;
import dev.whitelabel.domain.port.in.ListServiceClientsUseCase;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;

/** An admin's service clients: create (the secret shown once), list (never the secret), delete (refused at once). */
public final class ServiceClientRoutes implements RouteGroup {

    static final String PATH = "/api/white-label/service-clients";

    record Listed(long id, String name, String clientId, String createdAt) {
        static Listed of(ServiceClient client) {
            return new Listed(
                    client.id(),
                    client.name(),
                    client.clientId(),
                    client.createdAt().toString());
        }
    }

    record Created(long id, String name, String clientId, String clientSecret, String createdAt) {}

    record CreatedAnswer(String message, Created serviceClient) {}

    record Listing(List<Listed> serviceClients) {}

    private final CreateServiceClientUseCase createServiceClient;
    private final ListServiceClientsUseCase listServiceClients;
    private final DeleteServiceClientUseCase deleteServiceClient;
    private final RequestBody requestBody;

    public ServiceClientRoutes(
            CreateServiceClientUseCase createServiceClient,
            ListServiceClientsUseCase listServiceClients,
            DeleteServiceClientUseCase deleteServiceClient,
            RouteSupport support) {
        this.createServiceClient = createServiceClient;
        this.listServiceClients = listServiceClients;
        this.deleteServiceClient = deleteServiceClient;
        this.requestBody = support.requestBody;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post(PATH, this::create);
        routes.get(PATH, this::list);
        routes.delete(PATH + "/{id}", this::delete);
    }

    private void create(Context ctx) {
        var admin = BearerAuthentication.whiteLabelAdmin(ctx);
        var body = requestBody.read(ctx);
        var name = body.requiredText("name");
        body.requireValid();

        var created = createServiceClient.create(admin, name.orElseThrow());

        var client = created.client();
        ctx.status(201)
                .json(new CreatedAnswer(
                        "Service client created successfully.",
                        new Created(
                                client.id(),
                                client.name(),
                                client.clientId(),
                                created.secret(),
                                client.createdAt().toString())));
    }

    private void list(Context ctx) {
        var admin = BearerAuthentication.whiteLabelAdmin(ctx);
        ctx.json(new Listing(
                listServiceClients.list(admin).stream().map(Listed::of).toList()));
    }

    private void delete(Context ctx) {
        var admin = BearerAuthentication.whiteLabelAdmin(ctx);
        long id = PathIds.positive(ctx.pathParam("id")).orElseThrow(ServiceClientNotFound::new);

        deleteServiceClient.delete(admin, id);

        ctx.json(new ResponseBodies.Message("Service client deleted successfully."));
    }
}
