package dev.whitelabel.adapters.http;

/**
 * What the server gives every route group besides its use cases: one body reader, one reading of client
 * devices, one set of metrics. Built only by the server.
 */
public final class RouteSupport {

    final RequestBody requestBody;
    final ClientDevices clientDevices;
    final ApiMetrics metrics;

    RouteSupport(RequestBody requestBody, ClientDevices clientDevices, ApiMetrics metrics) {
        this.requestBody = requestBody;
        this.clientDevices = clientDevices;
        this.metrics = metrics;
    }
}
