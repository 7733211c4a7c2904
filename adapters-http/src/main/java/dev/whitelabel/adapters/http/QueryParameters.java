package dev.whitelabel.adapters.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The query parameters a route takes, declared where the route is registered: any other name is a
 * 400 naming it, before the route runs. Ignored, a misspelt name reads as no parameter at all: a
 * gateway set to {@code /auth/check?PLATFORM_ID=2} let every platform's tokens through, and
 * {@code ?serach=} listed every user. A route that takes none leaves its query string alone: nothing
 * is read from it that a typo could switch off, and cache busters ({@code ?v=} on the console's
 * files, a monitor's {@code ?_=}) keep working.
 */
final class QueryParameters {

    /**
     * Longest name shown, percent-encoded, in the refusal; a longer one is not shown at all, as it may
     * be a secret pasted in the wrong place (this product's own are 40 characters and more), and a
     * part of one would be a part of a secret.
     */
    private static final int SHOWN_NAME = 32;

    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private final List<String> names;
    private final String refusal;

    private QueryParameters(List<String> names) {
        this.names = List.copyOf(names);
        int last = names.size() - 1;
        String listed =
                last == 0 ? names.get(0) : String.join(", ", names.subList(0, last)) + " and " + names.get(last);
        this.refusal = ": this route takes " + listed + " only.";
    }

    static QueryParameters of(String... names) {
        return new QueryParameters(List.of(names));
    }

    QueryParameters and(String... more) {
        return new QueryParameters(
                Stream.concat(names.stream(), Stream.of(more)).toList());
    }

    /** {@code route}, run once the query string holds none but these names. */
    Handler around(Handler route) {
        return ctx -> {
            refuseOthers(ctx);
            route.handle(ctx);
        };
    }

    private void refuseOthers(Context ctx) {
        if (ctx.req().getQueryString() == null) {
            return;
        }
        for (Map.Entry<String, List<String>> parameter : ctx.queryParamMap().entrySet()) {
            String name = parameter.getKey();
            // access_token is BearerAuthentication's to refuse, as on every bearer route: RFC 6750's invalid_request
            boolean known = names.contains(name) || name.equals(BearerAuthentication.ACCESS_TOKEN);
            if (!known && !isEmptyPiece(name, parameter.getValue())) {
                throw new HttpProblem(400, "Unknown query parameter " + shown(name) + refusal);
            }
        }
    }

    /** What "?&", "a=1&&b=2" and a trailing '&' leave, as URL builders write them: no parameter. */
    private static boolean isEmptyPiece(String name, List<String> values) {
        return name.isEmpty() && values.stream().allMatch(String::isEmpty);
    }

    /**
     * The name as the caller may read it back: quoted, with every byte beyond letters, digits and
     * {@code -._~[]} percent-encoded, so that a control, bidi or invisible character shows as what it
     * is (the reason a name that looks right is unknown) and nothing of it can act on a page or a log.
     */
    private static String shown(String name) {
        var encoded = new StringBuilder(name.length());
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            boolean plain = (c >= 'A' && c <= 'Z')
                    || (c >= 'a' && c <= 'z')
                    || (c >= '0' && c <= '9')
                    || "-._~[]".indexOf(c) >= 0;
            if (plain) {
                encoded.append(c);
            } else {
                encoded.append('%').append(HEX.toHexDigits(b));
            }
            if (encoded.length() > SHOWN_NAME) {
                return "(a name too long to show)";
            }
        }
        return "'" + encoded + "'";
    }
}
