package org.mltrading.auth;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "org.mltrading.auth", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule the_auth_server_depends_on_no_other_platform_module =
            noClasses()
                    .that().resideInAPackage("org.mltrading.auth..")
                    .should().dependOnClassesThat().resideOutsideOfPackages(
                            "org.mltrading.auth..", "java..", "javax..", "jakarta..",
                            "org.springframework..", "com.nimbusds..", "com.fasterxml..", "org.slf4j..",
                            // libraries: TOTP, the access-audit collection's driver, the store's pool
                            "dev.samstevens.totp..", "com.mongodb..", "org.bson..", "com.zaxxer.hikari..")
                    .because("the auth server talks to the platform only through tokens and JWKS");

    @ArchTest
    static final ArchRule feature_packages_are_free_of_cycles =
            slices().matching("org.mltrading.auth.(*)..").should().beFreeOfCycles();
}
