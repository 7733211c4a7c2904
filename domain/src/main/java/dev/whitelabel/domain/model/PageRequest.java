package dev.whitelabel.domain.model;

import dev.whitelabel.domain.error.InvalidInput;

/** Which page of a listing, counted from 1, and how many items a page holds. */
public record PageRequest(int page, int perPage) {

    public static final int DEFAULT_PER_PAGE = 15;
    public static final int MAX_PER_PAGE = 100;

    public PageRequest {
        if (page < 1) {
            throw InvalidInput.of("page", "The page field must be at least 1.");
        }
        if (perPage < 1 || perPage > MAX_PER_PAGE) {
            throw InvalidInput.of("per_page", "The per page field must be between 1 and " + MAX_PER_PAGE + ".");
        }
    }

    public static PageRequest first() {
        return new PageRequest(1, DEFAULT_PER_PAGE);
    }

    public long offset() {
        return (long) (page - 1) * perPage;
    }
}
