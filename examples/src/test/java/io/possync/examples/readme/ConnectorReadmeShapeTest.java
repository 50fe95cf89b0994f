package io.possync.examples.readme;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every connector's README follows one template, so a user finds the same things in the same order
 * for every vendor: what it can do, how to set it up, what a mapping may write, which facts it rests on
 * and which of them no source settles. A vendor's own sections (setting up an account, how an order is
 * booked) may stand between them.
 */
class ConnectorReadmeShapeTest {

    private static final List<String> SECTIONS = List.of("## Capabilities", "## Settings", "## Mappable fields",
            "## Facts and their sources", "## UNCONFIRMED");

    static Stream<Path> connectorReadmes() throws IOException {
        try (Stream<Path> modules = Files.list(Path.of(".."))) {
            List<Path> readmes = modules.filter(m -> m.getFileName().toString().startsWith("connector-"))
                    .map(m -> m.resolve("README.md")).sorted().toList();
            assertThat(readmes).as("connector READMEs").hasSizeGreaterThanOrEqualTo(4);
            return readmes.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("connectorReadmes")
    void hasTheTemplatesSectionsInOrder(Path readme) throws IOException {
        List<String> headings = Files.readAllLines(readme).stream().filter(l -> l.startsWith("## ")).toList();

        int previous = -1;
        for (String section : SECTIONS) {
            int at = indexOf(headings, section);
            assertThat(at).as("%s: section '%s' (headings: %s)", readme, section, headings).isGreaterThanOrEqualTo(0);
            assertThat(at).as("%s: '%s' comes after the sections before it in the template", readme, section).isGreaterThan(previous);
            previous = at;
        }
    }

    @ParameterizedTest
    @MethodSource("connectorReadmes")
    void opensWithAnExampleThatConnects(Path readme) throws IOException {
        String text = Files.readString(readme);
        int firstSection = text.indexOf("\n## ");

        assertThat(text.substring(0, firstSection)).as("%s: the part before the first section", readme)
                .contains("```java").contains(".connect(");
    }

    private static int indexOf(List<String> headings, String section) {
        for (int i = 0; i < headings.size(); i++) {
            if (headings.get(i).equals(section) || headings.get(i).startsWith(section + " ")) {
                return i;
            }
        }
        return -1;
    }
}
