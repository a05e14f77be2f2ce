package dev.investigator;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The one-way flow of DESIGN.md, enforced: trigger → query → sources → correlator → model → renderer →
 * delivery, with vendor SDKs kept inside their adapters and only the wiring knowing everything.
 */
class ArchitectureTest {

    // Plain JUnit over ArchUnit's core API: the ArchUnit engine's results are not counted by Surefire here.
    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.investigator");

    static Stream<String> rules() {
        return Arrays.stream(ArchitectureTest.class.getDeclaredFields())
                .filter(f -> f.getType() == ArchRule.class && Modifier.isStatic(f.getModifiers()))
                .map(Field::getName);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void holds(String rule) throws ReflectiveOperationException {
        // A package that does not exist yet (slack/ before its issue) has nothing to break.
        ((ArchRule) ArchitectureTest.class.getDeclaredField(rule).get(null)).allowEmptyShould(true).check(PRODUCTION);
    }

    private static final String[] VENDOR_SDKS = {
        "com.datadog..", "okhttp3..", "software.amazon..", "com.slack..", "com.amazonaws.."
    };

    static final ArchRule modelIsPlainJava = classes().that().resideInAPackage("dev.investigator.model..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.investigator.model..")
            .because("the shared model is JDK-only records");

    static final ArchRule investigationKnowsNoVendor = classes().that().resideInAPackage("dev.investigator.investigation..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "java..", "dev.investigator.model..", "dev.investigator.investigation..",
                    "org.slf4j..", "org.apache.commons.text..")
            .because("the engine must not know any vendor, renderer or delivery");

    static final ArchRule configKnowsNoVendor = noClasses().that().resideInAPackage("dev.investigator.config..")
            .should().dependOnClassesThat().resideInAnyPackage(VENDOR_SDKS);

    static final ArchRule datadogStaysInItsAdapter = noClasses().that().resideOutsideOfPackages(
                    "dev.investigator.source.datadog..", "dev.investigator.app..", "dev.investigator")
            .should().dependOnClassesThat().resideInAPackage("com.datadog..");

    // The Slack SDK's SlackApiException exposes OkHttp's Response (status, Retry-After), so slack/ sees it too.
    static final ArchRule okHttpStaysInTheSentryAdapter = noClasses().that().resideOutsideOfPackages(
                    "dev.investigator.source.sentry..", "dev.investigator.slack..", "dev.investigator.app..", "dev.investigator")
            .should().dependOnClassesThat().resideInAPackage("okhttp3..");

    static final ArchRule awsStaysInTheXRayAdapter = noClasses().that().resideOutsideOfPackages(
                    "dev.investigator.source.xray..", "dev.investigator.app..", "dev.investigator")
            .should().dependOnClassesThat().resideInAPackage("software.amazon..");

    static final ArchRule onlySlackImportsBolt = noClasses().that().resideOutsideOfPackages(
                    "dev.investigator.slack..", "dev.investigator.app..", "dev.investigator")
            .should().dependOnClassesThat().resideInAPackage("com.slack..");

    static final ArchRule sourcesDoNotKnowEachOther = noClasses().that().resideInAPackage("dev.investigator.source.datadog..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.investigator.source.sentry..", "dev.investigator.source.xray..");

    static final ArchRule sentryDoesNotKnowOtherSources = noClasses().that().resideInAPackage("dev.investigator.source.sentry..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.investigator.source.datadog..", "dev.investigator.source.xray..");

    static final ArchRule xrayDoesNotKnowOtherSources = noClasses().that().resideInAPackage("dev.investigator.source.xray..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.investigator.source.datadog..", "dev.investigator.source.sentry..");

    static final ArchRule sourcesDoNotRenderOrDeliver = noClasses().that().resideInAPackage("dev.investigator.source..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "dev.investigator.render..", "dev.investigator.slack..", "dev.investigator.sandbox..", "dev.investigator.app..");

    static final ArchRule coreKnowsNoVendorOrDelivery = classes().that().resideInAnyPackage(
                    "dev.investigator.digest..", "dev.investigator.alert..", "dev.investigator.rotation..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "java..", "dev.investigator.model..", "dev.investigator.investigation..",
                    "dev.investigator.digest..", "dev.investigator.alert..", "dev.investigator.rotation..",
                    "org.slf4j..", "com.fasterxml.jackson..", "org.apache.commons.text..")
            .because("alerts, the rotation and the digest are pure core: sources, Slack and rendering depend on them, not the reverse");

    static final ArchRule renderersSeeOnlyTheModel = classes().that().resideInAPackage("dev.investigator.render..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "java..", "dev.investigator.render..", "dev.investigator.model..",
                    "dev.investigator.investigation..", "dev.investigator.digest..", "dev.investigator.alert..",
                    "dev.investigator.rotation..", "com.fasterxml.jackson..")
            .because("renderers see the neutral model (and the user's input problems), never a vendor or a source");

    static final ArchRule sandboxIsOnlyFakeServers = noClasses().that().resideInAPackage("dev.investigator.sandbox..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "dev.investigator.source..", "dev.investigator.render..", "dev.investigator.slack..", "dev.investigator.app..")
            .orShould().dependOnClassesThat().resideInAnyPackage(VENDOR_SDKS)
            .because("the sandbox plays the vendors; it must not borrow their clients or our adapters");

    // The benchmark runs the app as `run --sandbox` wires it, so it may know the wiring (and everything else).
    static final ArchRule nothingDependsOnTheWiring = noClasses().that().resideOutsideOfPackages(
                    "dev.investigator.app..", "dev.investigator.bench..", "dev.investigator")
            .should().dependOnClassesThat().resideInAnyPackage("dev.investigator.app..");

    static final ArchRule onlyTheCommandLineRunsTheBenchmark = noClasses().that().resideOutsideOfPackages(
                    "dev.investigator.app..", "dev.investigator.bench..", "dev.investigator")
            .should().dependOnClassesThat().resideInAnyPackage("dev.investigator.bench..");
}
