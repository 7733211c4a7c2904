package dev.whitelabel.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.whitelabel.domain.model.DeliveryLimits;
import dev.whitelabel.domain.model.LoginThrottle;
import dev.whitelabel.domain.model.WebhookPolicy;
import java.io.IOException;
import java.lang.reflect.AnnotatedElement;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** The Configuration table of docs/configuration.md says what the command line does: every flag, its variable and its default. */
class ConfigurationTableTest {

    static final Path CONFIGURATION = Path.of("..", "docs", "configuration.md");
    static final Pattern FLAG = Pattern.compile("--[a-z-]+");
    static final Pattern VARIABLE = Pattern.compile("WHITELABEL_[A-Z_]+");
    static final Pattern ENV_DEFAULT = Pattern.compile("\\$\\{env:(WHITELABEL_[A-Z_]+)(?::-(.*))?}");

    record Row(Optional<String> flag, List<String> variables, String defaultValue) {}

    /** As the annotations spell it, before picocli reads the environment: the variable and the fallback. */
    record Declared(String flag, Optional<String> variable, Optional<String> fallback) {}

    @Test
    void every_flag_with_a_variable_is_in_the_table_with_that_variable_and_default() throws IOException {
        var rows = rows();
        for (Declared option : declared().values()) {
            if (option.variable().isEmpty()) {
                continue;
            }
            var row = rows.stream()
                    .filter(r -> r.flag().equals(Optional.of(option.flag())))
                    .findFirst();
            assertThat(row).as("a row for %s", option.flag()).isPresent();
            assertThat(row.get().variables())
                    .as("the variable of %s", option.flag())
                    .containsExactly(option.variable().get());
            option.fallback()
                    .filter(fallback -> !fallback.isEmpty())
                    .ifPresent(fallback -> assertThat(row.get().defaultValue())
                            .as("the default of %s", option.flag())
                            .isEqualTo(fallback));
        }
    }

    @Test
    void every_row_names_a_flag_or_variable_the_code_reads_with_the_default_it_has() throws IOException {
        var declared = declared();
        Map<String, String> environmentOnly = Map.of(
                "WHITELABEL_LOGIN_FAILURES_PER_EMAIL", String.valueOf(LoginThrottle.DEFAULT.perEmail()),
                "WHITELABEL_LOGIN_FAILURES_PER_IP", String.valueOf(LoginThrottle.DEFAULT.perIp()),
                "WHITELABEL_LOGIN_FAILURE_WINDOW_SECONDS",
                        String.valueOf(LoginThrottle.DEFAULT.window().toSeconds()),
                "WHITELABEL_WEBHOOK_TIMEOUT_SECONDS",
                        String.valueOf(DeliveryLimits.DEFAULT.attemptDeadline().toSeconds()),
                "WHITELABEL_WEBHOOK_ATTEMPTS_PER_ENDPOINT", String.valueOf(DeliveryLimits.DEFAULT.perEndpoint()),
                "WHITELABEL_WEBHOOK_DISABLE_AFTER", "P" + WebhookPolicy.DEFAULT_DISABLE_AFTER.toDays() + "D");
        for (Row row : rows()) {
            if (row.flag().isPresent()) {
                var option = declared.get(row.flag().get());
                assertThat(option).as("an option %s", row.flag().get()).isNotNull();
                option.fallback()
                        .filter(fallback ->
                                !fallback.isEmpty() && option.variable().isEmpty())
                        .ifPresent(fallback -> assertThat(row.defaultValue())
                                .as("the default of %s", option.flag())
                                .isEqualTo(fallback));
            } else {
                for (String variable : row.variables()) {
                    if (environmentOnly.containsKey(variable)) {
                        assertThat(row.defaultValue())
                                .as("the default of %s", variable)
                                .isEqualTo(environmentOnly.get(variable));
                    }
                }
            }
        }
    }

    /** Every option of every command, by its long name; the mixed-in database options once. */
    static Map<String, Declared> declared() {
        var options = new LinkedHashMap<String, Declared>();
        collect(new CommandLine(new Main()).getCommandSpec(), options);
        return options;
    }

    private static void collect(CommandSpec command, Map<String, Declared> options) {
        List<Class<?>> classes = new ArrayList<>();
        classes.add(command.userObject().getClass());
        command.mixins()
                .values()
                .forEach(mixin -> classes.add(mixin.userObject().getClass()));
        for (Class<?> type : classes) {
            Stream.concat(Stream.of(type.getDeclaredFields()), Stream.of(type.getDeclaredMethods()))
                    .map(member -> ((AnnotatedElement) member).getAnnotation(Option.class))
                    .filter(option -> option != null && option.names()[0].startsWith("--"))
                    .forEach(option -> options.putIfAbsent(option.names()[0], declared(option)));
        }
        command.subcommands().values().forEach(sub -> collect(sub.getCommandSpec(), options));
    }

    private static Declared declared(Option option) {
        String value = option.defaultValue();
        if (value.equals(Option.NULL_VALUE) || value.equals("__no_default_value__")) {
            return new Declared(option.names()[0], Optional.empty(), Optional.empty());
        }
        Matcher env = ENV_DEFAULT.matcher(value);
        if (env.matches()) {
            return new Declared(option.names()[0], Optional.of(env.group(1)), Optional.ofNullable(env.group(2)));
        }
        return new Declared(option.names()[0], Optional.empty(), Optional.of(value));
    }

    static List<Row> rows() throws IOException {
        List<String> lines = Files.readAllLines(CONFIGURATION, StandardCharsets.UTF_8);
        int start = lines.indexOf("# Configuration");
        assertThat(start).as("the Configuration section").isNotNegative();
        List<Row> rows = new ArrayList<>();
        boolean inTable = false;
        for (String line : lines.subList(start + 1, lines.size())) {
            if (!line.startsWith("|")) {
                if (inTable) {
                    break;
                }
                continue;
            }
            inTable = true;
            String[] cells = line.split("\\|", -1);
            if (cells[1].strip().equals("flag") || cells[1].startsWith("---")) {
                continue;
            }
            Matcher flag = FLAG.matcher(cells[1]);
            List<String> variables = VARIABLE.matcher(cells[2])
                    .results()
                    .map(match -> match.group())
                    .toList();
            rows.add(new Row(
                    flag.find() ? Optional.of(flag.group()) : Optional.empty(),
                    variables,
                    cells[3].replace("`", "").strip()));
        }
        assertThat(rows).as("rows of the Configuration table").hasSizeGreaterThan(10);
        return rows;
    }
}
