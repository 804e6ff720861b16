package org.mltrading.ops.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Pins the module boundaries of STYLE.md and ARCHITECTURE.md across every module: ops is the one module
 * whose test classpath holds all of them. Rules name full packages ({@code org.mltrading.query..}), not
 * {@code ..query..}, so third-party packages such as {@code org.springframework.data.mongodb.core.query}
 * never count as ours.
 */
@AnalyzeClasses(packages = "org.mltrading", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String OURS = "org.mltrading..";
    private static final String API = "org.mltrading.api..";
    private static final String COMMAND = "org.mltrading.command..";
    private static final String QUERY = "org.mltrading.query..";
    private static final String UI = "org.mltrading.ui..";
    private static final String AUTH = "org.mltrading.auth..";
    private static final String ML = "org.mltrading.ml..";
    private static final String OPS = "org.mltrading.ops..";
    private static final String GRAPHQL = "org.mltrading.graphql..";

    /** A class of ours outside the given packages. */
    private static DescribedPredicate<JavaClass> oursOutside(String... allowed) {
        return resideInAPackage(OURS).and(DescribedPredicate.not(resideInAnyPackage(allowed)))
                .as("classes of ours outside " + String.join(", ", allowed));
    }

    // --- published language -------------------------------------------------------------------------

    @ArchTest
    static final ArchRule api_depends_on_nothing_of_ours_but_itself = noClasses()
            .that().resideInAPackage(API)
            .should().dependOnClassesThat(oursOutside(API));

    @ArchTest
    static final ArchRule api_does_not_depend_on_spring = noClasses()
            .that().resideInAPackage(API)
            .should().dependOnClassesThat().resideInAPackage("org.springframework..");

    @ArchTest
    static final ArchRule commands_and_events_are_records = classes()
            .that().resideInAPackage(API)
            .and().haveNameMatching(".*(Command|Event)")
            .should().beRecords();

    @ArchTest
    static final ArchRule events_carry_a_revision = classes()
            .that().resideInAPackage(API)
            .and().haveSimpleNameEndingWith("Event")
            .should().beAnnotatedWith("org.axonframework.serialization.Revision");

    // --- module boundaries ---------------------------------------------------------------------------

    @ArchTest
    static final ArchRule command_side_never_depends_on_query_ui_auth_or_ops = noClasses()
            .that().resideInAPackage(COMMAND)
            .should().dependOnClassesThat().resideInAnyPackage(QUERY, UI, AUTH, OPS);

    @ArchTest
    static final ArchRule query_side_depends_only_on_api_and_graphql = noClasses()
            .that().resideInAPackage(QUERY)
            .should().dependOnClassesThat(oursOutside(QUERY, API, GRAPHQL));

    @ArchTest
    static final ArchRule ui_depends_only_on_graphql_types = noClasses()
            .that().resideInAPackage(UI)
            .should().dependOnClassesThat(oursOutside(UI, GRAPHQL));

    @ArchTest
    static final ArchRule auth_server_depends_on_nothing_else_of_ours = noClasses()
            .that().resideInAPackage(AUTH)
            .should().dependOnClassesThat(oursOutside(AUTH));

    @ArchTest
    static final ArchRule ml_bridge_does_not_depend_on_query_ui_or_command = noClasses()
            .that().resideInAPackage(ML)
            .should().dependOnClassesThat().resideInAnyPackage(QUERY, UI, COMMAND);

    @ArchTest
    static final ArchRule generated_graphql_types_stay_at_the_graphql_edge = noClasses()
            .that().resideInAnyPackage(COMMAND, API)
            .should().dependOnClassesThat().resideInAPackage(GRAPHQL);

    // --- feature slices ------------------------------------------------------------------------------

    @ArchTest
    static final ArchRule feature_slices_are_free_of_cycles = slices()
            .matching("org.mltrading.(*).(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule api_features_are_free_of_cycles = featureSlicesOf("api");

    @ArchTest
    static final ArchRule command_features_are_free_of_cycles = featureSlicesOf("command");

    @ArchTest
    static final ArchRule query_features_are_free_of_cycles = featureSlicesOf("query");

    @ArchTest
    static final ArchRule ui_features_are_free_of_cycles = featureSlicesOf("ui");

    @ArchTest
    static final ArchRule auth_features_are_free_of_cycles = featureSlicesOf("auth");

    @ArchTest
    static final ArchRule ml_features_are_free_of_cycles = featureSlicesOf("ml");

    @ArchTest
    static final ArchRule ops_features_are_free_of_cycles = featureSlicesOf("ops");

    /** ml-service-bridge has no sub-packages yet: an empty set of slices is no violation. */
    private static ArchRule featureSlicesOf(String module) {
        return slices().matching("org.mltrading." + module + ".(*)..")
                .should().beFreeOfCycles()
                .allowEmptyShould(true);
    }

    // --- language ------------------------------------------------------------------------------------

    @ArchTest
    static final ArchRule nothing_of_ours_is_compiled_from_kotlin = noClasses()
            .that().resideInAPackage(OURS)
            .should().beAnnotatedWith("kotlin.Metadata");
}
