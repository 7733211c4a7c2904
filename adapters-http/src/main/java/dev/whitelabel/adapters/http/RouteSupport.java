package dev.whitelabel.adapters.http;

/**
 * What the server gives every route group besides its use cases: one body reader, one reading of client
 * devices, one set of metrics, one bearer authentication. Built only by the server.
 */
public final class RouteSupport {

    final RequestBody requestBody;
    final ClientDevices clientDevices;
    final ApiMetrics metrics;
    final BearerAuthentication bearer;

    RouteSupport(
            RequestBody requestBody, ClientDevices clientDevices, ApiMetrics metrics, BearerAuthentication bearer) {
        this.requestBody = requestBody;
        this.clientDevices = clientDevices;
        this.metrics = metrics;
        this.bearer = bearer;
    }
}
