package dev.whitelabel.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * A newcomer asks every command for help the way they know: {@code --help}, {@code -h} or
 * {@code help <command>}, and reads what each option is for, at every depth of the command tree.
 */
class CommandHelpTest {

    record Run(int exitCode, String out, String err) {}

    /** A command by the words that name it, {@code user logout} as {@code [user, logout]}. */
    record Path(List<String> words, CommandSpec spec) {
        String shown() {
            return words.isEmpty() ? "whitelabel" : "whitelabel " + String.join(" ", words);
        }
    }

    @TestFactory
    Stream<DynamicTest> every_command_answers_help_with_its_usage_and_exit_code_0() {
        return commands().stream()
                .flatMap(command -> Stream.of("--help", "-h")
                        .map(flag -> DynamicTest.dynamicTest(command.shown() + " " + flag, () -> {
                            var run = run(command.words(), flag);

                            assertThat(run.exitCode()).as(run.err()).isZero();
                            assertThat(run.out()).contains("Usage: " + command.shown() + " ");
                            assertThat(run.err()).isEmpty();
                        })));
    }

    /** picocli's help command reads one word: {@code help user} lists {@code user}'s own subcommands. */
    @TestFactory
    Stream<DynamicTest> help_names_a_command_and_answers_its_usage() {
        return commands().stream()
                .filter(command -> command.words().size() == 1)
                .map(command -> DynamicTest.dynamicTest(
                        "whitelabel help " + command.words().get(0), () -> {
                            var run = run(List.of("help", command.words().get(0)));

                            assertThat(run.exitCode()).as(run.err()).isZero();
                            assertThat(run.out()).contains("Usage: " + command.shown() + " ");
                        }));
    }

    @TestFactory
    Stream<DynamicTest> every_option_and_parameter_says_what_it_is_for() {
        return commands().stream()
                .flatMap(command -> Stream.concat(
                                command.spec().options().stream(), command.spec().positionalParameters().stream())
                        .map(arg -> DynamicTest.dynamicTest(
                                command.shown() + " " + label(arg),
                                () -> assertThat(String.join(" ", arg.description()))
                                        .as("%s %s", command.shown(), label(arg))
                                        .isNotBlank())));
    }

    /** Main and every subcommand below it, to any depth, each once, by its name rather than its aliases. */
    static List<Path> commands() {
        var all = new ArrayList<Path>();
        collect(new CommandLine(new Main()), List.of(), all);
        return all;
    }

    private static void collect(CommandLine command, List<String> words, List<Path> all) {
        all.add(new Path(words, command.getCommandSpec()));
        command.getSubcommands().values().stream().distinct().forEach(subcommand -> {
            var below = new ArrayList<>(words);
            below.add(subcommand.getCommandName());
            collect(subcommand, List.copyOf(below), all);
        });
    }

    private static String label(ArgSpec arg) {
        return arg instanceof CommandLine.Model.OptionSpec option ? option.longestName() : arg.paramLabel();
    }

    private static Run run(List<String> words, String... more) {
        var args = new ArrayList<>(words);
        args.addAll(List.of(more));
        var out = new StringWriter();
        var err = new StringWriter();
        int code = Main.run(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }
}
