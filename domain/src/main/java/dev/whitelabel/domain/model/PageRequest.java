package dev.whitelabel.domain.model;

import dev.whitelabel.domain.error.Input;
import dev.whitelabel.domain.error.InvalidInput;
import dev.whitelabel.domain.error.Violation.Rule;

/** Which page of a listing, counted from 1, and how many items a page holds. */
public record PageRequest(int page, int perPage) {

    public static final int DEFAULT_PER_PAGE = 15;
    public static final int MAX_PER_PAGE = 100;

    public PageRequest {
        if (page < 1) {
            throw InvalidInput.of(Input.PAGE, Rule.AT_LEAST, 1);
        }
        if (perPage < 1 || perPage > MAX_PER_PAGE) {
            throw InvalidInput.of(Input.PAGE_SIZE, Rule.BETWEEN_ONE_AND, MAX_PER_PAGE);
        }
    }

    public static PageRequest first() {
        return new PageRequest(1, DEFAULT_PER_PAGE);
    }

    public long offset() {
        return (long) (page - 1) * perPage;
    }
}
