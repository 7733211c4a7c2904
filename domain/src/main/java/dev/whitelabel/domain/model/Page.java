package dev.whitelabel.domain.model;

import java.util.List;

/** One page of a listing and how many items there are in all. */
public record Page<T>(List<T> items, PageRequest request, long total) {

    public Page {
        items = List.copyOf(items);
    }

    public int lastPage() {
        return (int) Math.max(1, (total + request.perPage() - 1) / request.perPage());
    }
}
