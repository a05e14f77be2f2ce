package dev.investigator.render;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Renderers see only the neutral model: no vendor SDK, no source, no investigation internals, no Slack SDK. */
class RenderArchitectureTest {

    private final JavaClasses render = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.investigator.render");

    @Test
    void renderDependsOnlyOnTheModelJacksonAndTheJdk() {
        classes().that().resideInAPackage("dev.investigator.render..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        "dev.investigator.render..", "dev.investigator.model..", "com.fasterxml.jackson.databind..",
                        "java..")
                .check(render);
    }
}
