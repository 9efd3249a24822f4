package io.aftercare;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;

/**
 * The package rules of the main code: features depend on each other one way only, and the Twilio SDK stays in one
 * package. Each rule's {@code check} throws an {@link AssertionError} naming every violation. Rules are methods, not
 * {@code ArchRule} fields: Surefire 3.5.3 does not run {@code @ArchTest} fields (TNG/ArchUnit#1442).
 */
@AnalyzeClasses(packages = "io.aftercare", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** A feature package with everything below it is one slice; no slice may reach back to one that reaches it. */
    @ArchTest
    static void shouldHaveNoPackageCycles(JavaClasses classes) {
        slices().matching("io.aftercare.(*)..").should().beFreeOfCycles().check(classes);
    }

    /** Changing or upgrading the SMS provider touches one package. */
    @ArchTest
    static void shouldUseTheTwilioSdkOnlyInTwilio(JavaClasses classes) {
        noClasses()
                .that()
                .resideOutsideOfPackage("io.aftercare.twilio..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("com.twilio..")
                .check(classes);
    }
}
