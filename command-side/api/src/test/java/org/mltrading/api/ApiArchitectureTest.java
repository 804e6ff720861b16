package org.mltrading.api;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The published language stays plain Java: everyone depends on it, so it depends on nothing of ours
 * and on no Spring. Axon annotations ({@code @Revision}, {@code @TargetAggregateIdentifier}) and
 * Jackson annotations are the only framework types it may name. The cross-module rules live in ops'
 * {@code ArchitectureTest}.
 */
@AnalyzeClasses(packages = "org.mltrading.api", importOptions = ImportOption.DoNotIncludeTests.class)
class ApiArchitectureTest {

    @ArchTest
    static final ArchRule api_depends_on_nothing_of_ours_but_itself = noClasses()
            .that().resideInAPackage("org.mltrading.api..")
            .should().dependOnClassesThat(resideInAPackage("org.mltrading..")
                    .and(DescribedPredicate.not(resideInAPackage("org.mltrading.api..")))
                    .as("classes of ours outside org.mltrading.api"));

    @ArchTest
    static final ArchRule api_does_not_depend_on_spring = noClasses()
            .that().resideInAPackage("org.mltrading.api..")
            .should().dependOnClassesThat().resideInAPackage("org.springframework..");

    @ArchTest
    static final ArchRule api_does_not_use_generated_graphql_types = noClasses()
            .that().resideInAPackage("org.mltrading.api..")
            .should().dependOnClassesThat().resideInAPackage("org.mltrading.graphql..");

    @ArchTest
    static final ArchRule commands_and_events_are_records = classes()
            .that().haveNameMatching(".*(Command|Event)")
            .should().beRecords();

    @ArchTest
    static final ArchRule events_carry_a_revision = classes()
            .that().haveSimpleNameEndingWith("Event")
            .should().beAnnotatedWith("org.axonframework.serialization.Revision");

    @ArchTest
    static final ArchRule features_are_free_of_cycles = slices()
            .matching("org.mltrading.api.(*)..")
            .should().beFreeOfCycles();
}
