package dev.whitelabel.domain.error;

import java.util.List;

/** Input that breaks a rule, in the order the inputs were checked. */
public final class InvalidInput extends WhitelabelException {

    private final List<Violation> violations;

    public InvalidInput(List<Violation> violations) {
        super(summary(violations));
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("invalid input breaks at least one rule");
        }
        this.violations = List.copyOf(violations);
    }

    public static InvalidInput of(Input input, Violation.Rule rule) {
        return new InvalidInput(List.of(Violation.of(input, rule)));
    }

    public static InvalidInput of(Input input, Violation.Rule rule, long limit) {
        return new InvalidInput(List.of(new Violation(input, rule, limit)));
    }

    public List<Violation> violations() {
        return violations;
    }

    /** For logs and debugging only, in the domain's words; adapters word the answer. */
    private static String summary(List<Violation> violations) {
        return violations.stream()
                .map(violation -> violation.input() + " " + violation.rule()
                        + (violation.limit() == 0 ? "" : " " + violation.limit()))
                .reduce((a, b) -> a + ", " + b)
                .orElse("");
    }

    @Override
    public <R> R mappedBy(ErrorMapper<R> mapper) {
        return mapper.of(this);
    }
}
