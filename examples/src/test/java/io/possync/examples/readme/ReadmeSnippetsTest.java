package io.possync.examples.readme;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Java snippet in a README is code that compiles: it equals a region marked
 * {@code // snippet <name>} … {@code // end snippet} in one of the {@code *ReadmeSnippets} classes of this
 * package, which the build compiles against the real API.
 */
class ReadmeSnippetsTest {

    private static final Path REPOSITORY = Path.of("..");
    private static final Path SNIPPETS = Path.of("src", "test", "java", "io", "possync", "examples", "readme");
    private static final Pattern REGION = Pattern.compile("(?ms)^[ \\t]*// snippet ([\\w-]+)\\n(.*?)^[ \\t]*// end snippet\\n");
    private static final Pattern JAVA_BLOCK = Pattern.compile("(?ms)^```java\\n(.*?)^```");

    @Test
    void everyJavaSnippetInAReadmeIsACompiledRegion() throws IOException {
        Map<String, String> regions = regions();
        List<String> problems = new ArrayList<>();
        for (Path readme : readmes()) {
            String text = Files.readString(readme);
            Matcher block = JAVA_BLOCK.matcher(text);
            while (block.find()) {
                String code = block.group(1).stripTrailing();
                if (!regions.containsValue(code)) {
                    int line = (int) text.substring(0, block.start()).lines().count() + 1;
                    problems.add(REPOSITORY.relativize(readme) + " line " + line + ": this snippet equals no compiled region in "
                            + SNIPPETS + "; first line: " + code.lines().findFirst().orElse(""));
                }
            }
        }
        assertThat(problems).as("README snippets that would not compile as shown").isEmpty();
    }

    @Test
    void everyCompiledRegionIsShownInAReadme() throws IOException {
        StringBuilder all = new StringBuilder();
        for (Path readme : readmes()) {
            Matcher block = JAVA_BLOCK.matcher(Files.readString(readme));
            while (block.find()) {
                all.append(block.group(1).stripTrailing()).append('\u0000');
            }
        }
        regions().forEach((name, code) -> assertThat(all.toString()).as("region '%s' is in no README", name)
                .contains(code + '\u0000'));
    }

    private static Map<String, String> regions() throws IOException {
        Map<String, String> regions = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(SNIPPETS)) {
            for (Path file : files.filter(f -> f.toString().endsWith("Snippets.java")).sorted().toList()) {
                Matcher m = REGION.matcher(Files.readString(file));
                while (m.find()) {
                    regions.put(m.group(1), dedent(m.group(2)));
                }
            }
        }
        assertThat(regions).as("regions in %s", SNIPPETS).isNotEmpty();
        return regions;
    }

    private static List<Path> readmes() throws IOException {
        try (Stream<Path> paths = Files.walk(REPOSITORY, 2)) {
            List<Path> found = paths.filter(p -> p.getFileName().toString().equals("README.md"))
                    .filter(p -> !p.toString().contains("target")).sorted().toList();
            assertThat(found).as("README files").contains(REPOSITORY.resolve("README.md"));
            return found;
        }
    }

    private static String dedent(String code) {
        int indent = code.lines().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        return String.join("\n", code.lines().map(l -> l.isBlank() ? "" : l.substring(indent)).toList()).stripTrailing();
    }
}
