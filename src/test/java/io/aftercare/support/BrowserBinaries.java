package io.aftercare.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where Debian's Chromium and its chromedriver are ({@code apt-get install chromium chromium-driver}, which {@code
 * .ci/run} does when they are missing). Selenium Manager would download a driver and a browser of its own: the tests
 * use these binaries instead, found here and handed to Selenium by path.
 *
 * @param chromium the browser (Debian's {@code /usr/bin/chromium} wrapper or {@code /usr/lib/chromium/chromium})
 * @param chromedriver the driver of the same Chromium build
 */
record BrowserBinaries(Path chromium, Path chromedriver) {

    /** Overrides the browser's path, for a machine whose Chromium lives elsewhere. */
    static final String CHROMIUM_PROPERTY = "aftercare.test.chromium";

    /** Overrides the driver's path. */
    static final String CHROMEDRIVER_PROPERTY = "aftercare.test.chromedriver";

    /**
     * The installed binaries, or an {@link AssertionError} that says which one is missing and how to install it: a
     * page test that cannot start its browser fails, it never skips.
     */
    static BrowserBinaries find() {
        Path chromium = find(CHROMIUM_PROPERTY, List.of("chromium", "chromium-browser"), "/usr/lib/chromium/chromium");
        Path chromedriver = find(CHROMEDRIVER_PROPERTY, List.of("chromedriver"), "/usr/lib/chromium/chromedriver");
        return new BrowserBinaries(chromium, chromedriver);
    }

    private static Path find(String property, List<String> names, String debianPath) {
        String configured = System.getProperty(property);
        if (configured != null) {
            return executable(Path.of(configured))
                    .orElseThrow(() -> new AssertionError(
                            "-D" + property + "=" + configured + " is not an executable file" + INSTALL_HINT));
        }
        List<Path> candidates = new ArrayList<>();
        String path = System.getenv().getOrDefault("PATH", "");
        for (String directory : path.split(java.io.File.pathSeparator)) {
            if (!directory.isBlank()) {
                names.forEach(name -> candidates.add(Path.of(directory, name)));
            }
        }
        names.forEach(name -> candidates.add(Path.of("/usr/bin", name)));
        candidates.add(Path.of(debianPath));
        return candidates.stream()
                .map(BrowserBinaries::executable)
                .flatMap(Optional::stream)
                .findFirst()
                .orElseThrow(() -> new AssertionError("No " + names.get(0) + " on the PATH (" + path
                        + "), in /usr/bin or at " + debianPath + INSTALL_HINT + " (or set -D" + property + ")"));
    }

    private static Optional<Path> executable(Path candidate) {
        return Files.isRegularFile(candidate) && Files.isExecutable(candidate)
                ? Optional.of(candidate)
                : Optional.empty();
    }

    private static final String INSTALL_HINT =
            ": the page tests need Debian's Chromium; install it with `apt-get install -y chromium chromium-driver`"
                    + " (.ci/run does when it runs as root)";
}
