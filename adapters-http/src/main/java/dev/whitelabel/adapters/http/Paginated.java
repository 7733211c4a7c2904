package dev.whitelabel.adapters.http;

import dev.whitelabel.domain.model.Page;
import dev.whitelabel.domain.model.PageRequest;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** A page of a listing in Laravel's paginator shape: data, links, meta. */
record Paginated<T>(List<T> data, Paginated.Links links, Paginated.Meta meta) {

    private static final String PAGE = "page";
    private static final String PER_PAGE = "per_page";
    /** What every paginated listing takes in its query string. */
    static final QueryParameters PARAMETERS = QueryParameters.of(PAGE, PER_PAGE);

    record Links(String first, String last, String prev, String next) {}

    record Meta(int currentPage, Long from, int lastPage, String path, int perPage, Long to, long total) {}

    /** Reads {@code page} and {@code per_page} from the query string, or refuses them Laravel-style. */
    static PageRequest request(Context ctx) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        int page = number(ctx, PAGE, 1, errors);
        int perPage = number(ctx, PER_PAGE, PageRequest.DEFAULT_PER_PAGE, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequest(errors);
        }
        return new PageRequest(page, perPage);
    }

    /**
     * The answer for {@code page}; links keep the listing's filter ({@code filterName=filterValue})
     * when there is one.
     */
    static <S, T> Paginated<T> of(
            Context ctx, Page<S> page, Function<S, T> mapping, Optional<Map.Entry<String, String>> filter) {
        var request = page.request();
        String path = ctx.path();
        String query = filter.map(f -> "&" + f.getKey() + "=" + URLEncoder.encode(f.getValue(), StandardCharsets.UTF_8))
                .orElse("");
        Function<Integer, String> link =
                number -> path + "?" + PAGE + "=" + number + "&" + PER_PAGE + "=" + request.perPage() + query;
        int current = request.page();
        boolean empty = page.items().isEmpty();
        var links = new Links(
                link.apply(1),
                link.apply(page.lastPage()),
                current > 1 ? link.apply(current - 1) : null,
                current < page.lastPage() ? link.apply(current + 1) : null);
        var meta = new Meta(
                current,
                empty ? null : request.offset() + 1,
                page.lastPage(),
                path,
                request.perPage(),
                empty ? null : request.offset() + page.items().size(),
                page.total());
        return new Paginated<>(page.items().stream().map(mapping).toList(), links, meta);
    }

    private static int number(Context ctx, String name, int fallback, Map<String, List<String>> errors) {
        List<String> values = ctx.queryParams(name);
        if (values.isEmpty()) {
            return fallback;
        }
        if (values.size() > 1 || !values.get(0).matches("-?[0-9]{1,9}")) {
            errors.put(name, List.of("The " + name.replace('_', ' ') + " field must be an integer."));
            return fallback;
        }
        // the range is PageRequest's to check
        return Integer.parseInt(values.get(0));
    }
}
