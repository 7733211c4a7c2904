package dev.whitelabel.adapters.persistence.jdbi;

import dev.whitelabel.domain.model.Page;
import dev.whitelabel.domain.model.PageRequest;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/** One page of a query: the total count and the rows of the page, from the same FROM ... WHERE. */
final class JdbiPages {

    private JdbiPages() {}

    static <T> Page<T> fetch(
            Handle handle,
            String columns,
            String fromWhere,
            String orderBy,
            Map<String, ?> parameters,
            RowMapper<T> mapper,
            PageRequest request) {
        long total = handle.createQuery("select count(*) " + fromWhere)
                .bindMap(parameters)
                .mapTo(Long.class)
                .one();
        var items = handle.createQuery("select " + columns + " " + fromWhere + " order by " + orderBy
                        + " limit :pageLimit offset :pageOffset")
                .bindMap(parameters)
                .bind("pageLimit", request.perPage())
                .bind("pageOffset", request.offset())
                .map(mapper)
                .list();
        return new Page<>(items, request, total);
    }
}
