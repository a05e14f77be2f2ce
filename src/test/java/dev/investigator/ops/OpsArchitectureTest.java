package dev.investigator.ops;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** ops reads the model and the engine and talks Micrometer, Logback and the JDK; it knows no vendor, Slack or renderer. */
class OpsArchitectureTest {

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.investigator");

    @Test
    void opsDependsOnlyOnTheModelTheEngineMetricsAndLogging() {
        classes().that().resideInAPackage("dev.investigator.ops..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        "java..", "com.sun.net.httpserver..",
                        "dev.investigator.ops..", "dev.investigator.model..", "dev.investigator.investigation..",
                        "io.micrometer..", "org.slf4j..", "ch.qos.logback..")
                .check(PRODUCTION);
    }

    @Test
    void onlyTheWiringAndTheSlackAppUseOps() {
        noClasses().that().resideInAnyPackage(
                        "dev.investigator.model..", "dev.investigator.investigation..", "dev.investigator.source..",
                        "dev.investigator.render..", "dev.investigator.sandbox..", "dev.investigator.config..")
                .should().dependOnClassesThat().resideInAPackage("dev.investigator.ops..")
                .allowEmptyShould(true)
                .check(PRODUCTION);
    }
}
