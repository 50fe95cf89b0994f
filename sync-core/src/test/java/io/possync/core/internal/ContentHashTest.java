package io.possync.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.possync.api.internal.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The content hash is stored in every link: its canonical form must never change. */
class ContentHashTest {

    @Test
    void theHashIsTheSha256OfTheCanonicalForm() throws Exception {
        JsonNode json = Json.MAPPER.readTree("{\"number\":\"S1\",\"lines\":[{\"sku\":\"T\\\"1\\\\\",\"quantity\":2.000,"
                + "\"unitPrice\":19.950},{\"sku\":\"Café ☕\",\"quantity\":1,\"unitPrice\":0.00}],\"total\":100,"
                + "\"paid\":true,\"note\":null,\"modifiedAt\":\"2026-11-23T00:00:00Z\",\"raw\":{\"x\":1}}");

        String canonical = "{\"lines\":[{\"quantity\":2,\"sku\":\"T\\\"1\\\\\",\"unitPrice\":19.95,},{\"quantity\":1,"
                + "\"sku\":\"Café ☕\",\"unitPrice\":0,},],\"note\":null,\"number\":\"S1\",\"paid\":true,\"total\":100,}";
        assertThat(ContentHash.of(json)).isEqualTo(sha256(canonical));
    }

    @Test
    void keyOrderAndTrailingZerosDoNotChangeTheHash() throws Exception {
        JsonNode a = Json.MAPPER.readTree("{\"a\":1.50,\"b\":{\"d\":[1,2],\"c\":\"x\"}}");
        JsonNode b = Json.MAPPER.readTree("{\"b\":{\"c\":\"x\",\"d\":[1.0,2.00]},\"a\":1.5}");

        assertThat(ContentHash.of(a)).isEqualTo(ContentHash.of(b));
    }

    @Test
    void rawAndModifiedAtAreLeftOutAtEveryDepth() throws Exception {
        JsonNode a = Json.MAPPER.readTree("{\"a\":1,\"modifiedAt\":\"1\",\"lines\":[{\"raw\":{\"v\":1},\"s\":\"x\"}]}");
        JsonNode b = Json.MAPPER.readTree("{\"a\":1,\"modifiedAt\":\"2\",\"lines\":[{\"raw\":{\"v\":2},\"s\":\"x\"}]}");

        assertThat(ContentHash.of(a)).isEqualTo(ContentHash.of(b));
    }

    @Test
    void aLongTextIsHashedWhole() throws Exception {
        String longText = "é".repeat(700) + "x".repeat(2000);
        JsonNode a = Json.MAPPER.createObjectNode().put("t", longText);
        JsonNode b = Json.MAPPER.createObjectNode().put("t", longText + "y");

        assertThat(ContentHash.of(a)).isEqualTo(sha256("{\"t\":\"" + longText + "\",}")).isNotEqualTo(ContentHash.of(b));
    }

    private static String sha256(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void everyDecimalIsHashedAsItsPlainFormWithoutTrailingZeros() throws Exception {
        for (String v : new String[] {"0.000", "-0.50", "100.00", "19.950", "-7.25", "0.0001", "-0.000120", "123456789012.3400",
                "1E+3", "12345678901234567890.10", "0.1234567890123456789"}) {
            java.math.BigDecimal d = new java.math.BigDecimal(v);
            JsonNode json = Json.MAPPER.createObjectNode().put("v", d);
            String plain = d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
            assertThat(ContentHash.of(json)).as(v).isEqualTo(sha256("{\"v\":" + plain + ",}"));
        }
    }

    @Test
    void decimalsAreWrittenAsStrippingTrailingZerosWrites() {
        for (String v : new String[] {"0", "0.000", "-0.50", "100", "100.00", "1E+3", "1.2345E-9", "19.950", "-7", "12345678901234567890.10"}) {
            java.math.BigDecimal d = new java.math.BigDecimal(v);
            assertThat(ContentHash.plainWithoutTrailingZeros(d)).as(v)
                    .isEqualTo(d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString());
        }
    }
}
