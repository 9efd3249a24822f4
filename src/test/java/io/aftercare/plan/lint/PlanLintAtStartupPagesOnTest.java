package io.aftercare.plan.lint;

import static org.assertj.core.api.Assertions.assertThat;

import io.aftercare.plan.Plans;
import io.aftercare.support.CapturedLog;
import io.aftercare.support.PagesOnProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** With pages, a plan whose short texts fit lints clean: one line at INFO, no warning. */
@QuarkusTest
@TestProfile(PagesOnProfile.class)
class PlanLintAtStartupPagesOnTest {

    @Inject
    PlanLintAtStartup check;

    @Inject
    Plans plans;

    @Test
    void shouldSayInOneLineThatThePlanLintsClean() {
        List<String> lines;
        try (CapturedLog log = CapturedLog.start()) {
            check.lintPlanInForce();
            lines = Arrays.stream(log.text().split("\n"))
                    .filter(line ->
                            line.contains("Aftercare plan " + plans.current().version()))
                    .toList();
        }

        assertThat(lines)
                .singleElement()
                .asString()
                .contains(" INFO ")
                .contains("lints clean against the healthcare profile (14 short texts with a sample page link)");
    }
}
