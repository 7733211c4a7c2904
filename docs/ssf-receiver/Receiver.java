import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A Shared Signals receiver in one file, for docs/shared-signals.md: it reads the transmitter's
 * discovery document, verifies every security event token with nimbus-jose-jwt against its jwks_uri
 * (signature, typ secevent+jwt, issuer, audience, iat and jti present), and prints each as one JSON line.
 *
 *   poll DISCOVERY_URL AUDIENCE POLL_URL AUTHORIZATION         polls once, acknowledges what it verified
 *   push DISCOVERY_URL AUDIENCE PORT COUNT AUTHORIZATION       takes COUNT pushes on 127.0.0.1:PORT, each
 *                                                              with that Authorization header, then ends
 *
 * A push receiver answers a request that is not a POST with 405 (a way to see that it listens), a push
 * without the Authorization header the stream was given with 401, and gives up after a minute without
 * COUNT pushes (exit 1).
 *
 * Run it with the jar's classes: java -cp bootstrap/target/whitelabel.jar docs/ssf-receiver/Receiver.java ...
 */
public class Receiver {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient CLIENT = HttpClient.newHttpClient();

    public static void main(String[] args) throws Exception {
        JsonNode discovery = JSON.readTree(CLIENT.send(
                        HttpRequest.newBuilder(URI.create(args[1])).build(), HttpResponse.BodyHandlers.ofString())
                .body());
        var processor = processor(discovery, args[2]);
        if (args[0].equals("poll")) {
            poll(processor, args[3], args[4]);
        } else {
            push(processor, Integer.parseInt(args[3]), Integer.parseInt(args[4]), args[5]);
        }
    }

    static DefaultJWTProcessor<SecurityContext> processor(JsonNode discovery, String audience) throws Exception {
        var processor = new DefaultJWTProcessor<SecurityContext>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("secevent+jwt")));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(
                JWSAlgorithm.ES256,
                JWKSourceBuilder.create(URI.create(discovery.get("jwks_uri").asText()).toURL()).build()));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
                audience,
                new JWTClaimsSet.Builder().issuer(discovery.get("issuer").asText()).build(),
                Set.of("iat", "jti", "events", "sub_id")));
        return processor;
    }

    /** One line: what a receiver acts on. Throws when the token does not verify. */
    static String verified(DefaultJWTProcessor<SecurityContext> processor, String token) throws Exception {
        JWTClaimsSet claims = processor.process(token, null);
        ObjectNode line = JSON.createObjectNode();
        line.put("verified", true);
        line.put("jti", claims.getJWTID());
        var events = claims.getJSONObjectClaim("events");
        line.put("event", events.keySet().iterator().next());
        line.set("sub_id", JSON.valueToTree(claims.getJSONObjectClaim("sub_id")));
        line.set("payload", JSON.valueToTree(events.values().iterator().next()));
        return JSON.writeValueAsString(line);
    }

    static void poll(DefaultJWTProcessor<SecurityContext> processor, String url, String authorization) throws Exception {
        JsonNode answer = JSON.readTree(post(url, authorization, "{\"returnImmediately\":true}"));
        var acknowledged = JSON.createArrayNode();
        for (var set : answer.get("sets").properties()) {
            System.out.println(verified(processor, set.getValue().asText()));
            acknowledged.add(set.getKey());
        }
        post(url, authorization, "{\"returnImmediately\":true,\"maxEvents\":0,\"ack\":" + acknowledged + "}");
    }

    static String post(String url, String authorization, String body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    static void push(DefaultJWTProcessor<SecurityContext> processor, int port, int count, String authorization)
            throws Exception {
        var received = new CountDownLatch(count);
        var server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/", exchange -> {
            if (!exchange.getRequestMethod().equals("POST")) {
                exchange.sendResponseHeaders(405, -1);
                exchange.close();
                return;
            }
            if (!authorization.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                // not from the transmitter this receiver was set up with
                exchange.sendResponseHeaders(401, -1);
                exchange.close();
                return;
            }
            String token = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.US_ASCII);
            try {
                System.out.println(verified(processor, token));
                exchange.sendResponseHeaders(202, -1);
                received.countDown();
            } catch (Exception e) {
                // RFC 8935 section 2.3: the transmitter is told why, and does not send it again
                byte[] error = "{\"err\":\"invalid_request\",\"description\":\"not verified\"}".getBytes();
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(400, error.length);
                exchange.getResponseBody().write(error);
            }
            exchange.close();
        });
        server.start();
        boolean all = received.await(1, TimeUnit.MINUTES);
        server.stop(0);
        if (!all) {
            System.err.println("Fewer than " + count + " pushes in a minute.");
            System.exit(1);
        }
    }
}
