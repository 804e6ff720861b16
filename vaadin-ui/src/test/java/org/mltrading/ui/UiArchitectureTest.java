package org.mltrading.ui;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.vaadin.flow.router.Route;
import org.junit.jupiter.api.Test;

class UiArchitectureTest {

    private final JavaClasses ui = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.mltrading.ui");

    @Test
    void views_are_package_private_and_reached_through_their_feature_navigation() {
        classes().that().areAnnotatedWith(Route.class).should().notHaveModifier(JavaModifier.PUBLIC).check(ui);
    }

    @Test
    void the_ui_talks_to_the_platform_only_through_the_graphql_contract() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("org.mltrading.query..", "org.mltrading.command..", "org.mltrading.api..",
                        "org.mltrading.auth..", "org.mltrading.ml..", "org.mltrading.ops..")
                .check(ui);
    }

    @Test
    void views_never_see_generated_graphql_client_builders() {
        noClasses().that().areAnnotatedWith(Route.class).should().dependOnClassesThat()
                .resideInAnyPackage("org.mltrading.graphql..", "org.springframework.graphql..")
                .check(ui);
    }
}
