package io.possync.examples;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** possync-bom names every published module, at the project's version, and nothing else. */
class BomTest {

    private static final List<String> NOT_PUBLISHED = List.of("examples", "examples-spring-boot", "benchmarks", "possync-bom");

    private static List<String> all(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        List<String> out = new java.util.ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    void theBomManagesEveryPublishedModule() throws IOException {
        List<String> modules = all(Pattern.compile("<module>([^<]+)</module>"), Files.readString(Path.of("../pom.xml"))).stream()
                .filter(m -> !NOT_PUBLISHED.contains(m)).toList();
        String bom = Files.readString(Path.of("../possync-bom/pom.xml"));
        List<String> managed = all(Pattern.compile("<artifactId>([^<]+)</artifactId><version>\\$\\{project.version}</version>"), bom);

        assertThat(managed).containsExactlyInAnyOrderElementsOf(modules);
    }
}
