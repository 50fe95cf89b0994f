package io.possync.connector.businesscentral.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** {@code in} lookups hold as many values as the URL budget allows, and never more than one server page. */
class InChunksTest {

    @Test
    void shortValuesAreCappedAtOneHundredPerLookup() {
        List<String> numbers = IntStream.range(0, 250).mapToObj(i -> "'" + i + "'").toList();

        List<List<String>> chunks = BusinessCentralSession.inChunks(numbers, BusinessCentralSession.MAX_IN_CHARACTERS);

        assertThat(chunks).extracting(List::size).containsExactly(100, 100, 50);
    }

    @Test
    void longValuesAreChunkedByTheirEncodedLength() {
        List<String> emails = IntStream.range(0, 100).mapToObj(i -> "'customer.number." + i + "@bakkerij-example.nl'").toList();

        List<List<String>> chunks = BusinessCentralSession.inChunks(emails, BusinessCentralSession.MAX_IN_CHARACTERS);

        assertThat(chunks).hasSizeGreaterThan(1);
        for (List<String> chunk : chunks) {
            int encoded = chunk.stream().mapToInt(v -> java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8).length() + 3)
                    .sum();
            assertThat(encoded).isLessThanOrEqualTo(BusinessCentralSession.MAX_IN_CHARACTERS);
        }
        assertThat(chunks.stream().mapToInt(List::size).sum()).isEqualTo(100);
    }
}
