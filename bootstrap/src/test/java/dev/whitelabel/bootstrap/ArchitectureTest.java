package dev.whitelabel.bootstrap;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.constructors;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructor;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import dev.whitelabel.adapters.http.PublicUrl;
import dev.whitelabel.adapters.http.RouteGroup;
import dev.whitelabel.adapters.http.RouteSupport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Dependencies point inward: adapters -> application -> domain; only bootstrap sees everything. */
class ArchitectureTest {

    static final JavaClasses PRODUCT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.whitelabel");

    @Test
    void the_rules_see_every_module() {
        for (String probe : new String[] {
            "dev.whitelabel.domain.model.User", "dev.whitelabel.application.LogoutPlatformUser",
            "dev.whitelabel.adapters.http.HttpServer", "dev.whitelabel.adapters.persistence.jdbi.JdbiStorage",
            "dev.whitelabel.bootstrap.Main"
        }) {
            assertThat(PRODUCT.contain(probe)).as(probe).isTrue();
        }
    }

    @Test
    void layers_depend_inward_only() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("Domain")
                .definedBy("dev.whitelabel.domain..")
                .layer("Application")
                .definedBy("dev.whitelabel.application..")
                .layer("HTTP adapter")
                .definedBy("dev.whitelabel.adapters.http..")
                .layer("Persistence adapter")
                .definedBy("dev.whitelabel.adapters.persistence..")
                .layer("Bootstrap")
                .definedBy("dev.whitelabel.bootstrap..")
                .whereLayer("Bootstrap")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("HTTP adapter")
                .mayOnlyBeAccessedByLayers("Bootstrap")
                .whereLayer("Persistence adapter")
                .mayOnlyBeAccessedByLayers("Bootstrap")
                .whereLayer("Application")
                .mayOnlyBeAccessedByLayers("Bootstrap")
                .whereLayer("Domain")
                .mayOnlyBeAccessedByLayers("Application", "HTTP adapter", "Persistence adapter", "Bootstrap")
                .check(PRODUCT);
    }

    @Test
    void the_domain_and_the_use_cases_are_plain_java() {
        noClasses()
                .that()
                .resideInAnyPackage("dev.whitelabel.domain..", "dev.whitelabel.application..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.javalin..",
                        "org.jdbi..",
                        "org.h2..",
                        "com.fasterxml..",
                        "java.sql..",
                        "javax.sql..",
                        "com.zaxxer..",
                        "org.flywaydb..",
                        "org.springframework..",
                        "picocli..",
                        "org.slf4j..")
                .check(PRODUCT);
    }

    /**
     * The wire is the adapters' business: no method of the core writes or reads a wire name or JSON,
     * and no string in its source is a JSON fragment or a snake_case field name ({@code "token_id"}).
     */
    @Test
    void no_json_names_in_the_core() throws IOException {
        noMethods()
                .that()
                .areDeclaredInClassesThat()
                .resideInAnyPackage("dev.whitelabel.domain..", "dev.whitelabel.application..")
                .should()
                .haveNameMatching("(?i).*(json|wirename|body).*")
                .check(PRODUCT);
        Pattern wireLiteral = Pattern.compile("\"[a-z][a-z.]*_[a-z_.]*[a-z]\"|\\\\\"\\s*:|\\{\\s*\\\\\"");
        for (String module : new String[] {"domain", "application"}) {
            try (Stream<Path> sources = Files.walk(Path.of("..", module, "src", "main", "java"))) {
                for (Path source : sources.filter(path -> path.toString().endsWith(".java"))
                        .toList()) {
                    assertThat(Files.readAllLines(source))
                            .as(source.toString())
                            .noneMatch(line -> wireLiteral.matcher(line).find());
                }
            }
        }
    }

    /** The use cases are built only by WhitelabelUseCases: adapters and bootstrap see them through their port.in interfaces. */
    @Test
    void whitelabel_use_cases_is_the_applications_one_public_class() {
        // besides the transmitter's use cases, which it makes once bootstrap has the signer
        classes()
                .that()
                .resideInAPackage("dev.whitelabel.application..")
                .and()
                .arePublic()
                .should()
                .haveNameMatching("dev\\.whitelabel\\.application\\.(WhitelabelUseCases|TransmitterUseCases)")
                .check(PRODUCT);
    }

    /** Javalin's public API only (its {@code unsafe} state is the router's insides), and no JDK internals but one. */
    @Test
    void no_internal_apis() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("io.javalin.config.JavalinState")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("io.javalin.router.InternalRouter")
                .check(PRODUCT);
        noClasses()
                .that()
                .doNotHaveFullyQualifiedName(StopSignals.class.getName())
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("sun..", "jdk.internal..", "com.sun..", "io.javalin..internal..")
                .check(PRODUCT);
    }

    /**
     * No service locator: a route group is built from the use-case interfaces it calls and the server's
     * shared parts, and nothing else.
     */
    @Test
    void route_groups_are_given_use_case_interfaces_only() {
        constructors()
                .that()
                .areDeclaredInClassesThat()
                .implement(RouteGroup.class)
                .should(new ArchCondition<JavaConstructor>("take only port.in interfaces, RouteSupport and PublicUrl") {
                    @Override
                    public void check(JavaConstructor constructor, ConditionEvents events) {
                        constructor.getRawParameterTypes().stream()
                                .filter(type -> !type.isEquivalentTo(RouteSupport.class))
                                // where receivers reach the service: a setting, not a use case
                                .filter(type -> !type.isEquivalentTo(PublicUrl.class))
                                .filter(type -> !type.isInterface()
                                        || !type.getPackageName().equals("dev.whitelabel.domain.port.in"))
                                .forEach(type -> events.add(SimpleConditionEvent.violated(
                                        constructor, constructor.getFullName() + " takes " + type.getName())));
                    }
                })
                .check(PRODUCT);
    }

    @Test
    void the_domain_knows_no_other_layer() {
        noClasses()
                .that()
                .resideInAPackage("dev.whitelabel.domain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.whitelabel.application..", "dev.whitelabel.adapters..")
                .check(PRODUCT);
    }

    @Test
    void the_http_adapter_calls_use_cases_through_port_in_only() {
        noClasses()
                .that()
                .resideInAPackage("dev.whitelabel.adapters.http")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.whitelabel.domain.port.out..",
                        "dev.whitelabel.application..",
                        "dev.whitelabel.adapters.persistence..",
                        "dev.whitelabel.adapters.http.webhooks..")
                .check(PRODUCT);
    }

    /** The one outbound part of the HTTP adapter: it implements a port.out and drives nothing. */
    @Test
    void the_webhook_sender_implements_port_out_and_calls_no_use_case() {
        noClasses()
                .that()
                .resideInAPackage("dev.whitelabel.adapters.http.webhooks..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.whitelabel.domain.port.in..",
                        "dev.whitelabel.application..",
                        "dev.whitelabel.adapters.persistence..",
                        "io.javalin..")
                .check(PRODUCT);
    }
}
