package io.possync.testkit;

import com.fasterxml.jackson.databind.node.TextNode;
import io.possync.testkit.accountview.AccountViewSandbox;
import io.possync.testkit.buchhaltungsbutler.BuchhaltungsButlerSandbox;
import io.possync.testkit.businesscentral.BusinessCentralSandbox;
import io.possync.testkit.lightspeed.LightspeedSandbox;
import io.possync.testkit.lightspeed.XSeriesSandbox;
import io.possync.testkit.mpluskassa.MplusSandbox;
import io.possync.testkit.winstore.WinstoreSandbox;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every sandbox keeps its vendor's records with the same verbs: {@code seed}, {@code records}/{@code rows}, {@code modify}. */
class SandboxVerbsTest {

    @Test
    void businessCentral() {
        try (BusinessCentralSandbox s = BusinessCentralSandbox.builder().start()) {
            String id = s.seed("customers", Map.of("number", "K1", "displayName", "Anna")).get("id").asText();
            s.modify("customers", id, "displayName", TextNode.valueOf("Anna B"));
            assertThat(s.rows("customers")).singleElement().satisfies(r -> assertThat(r.path("displayName").asText()).isEqualTo("Anna B"));
        }
    }

    @Test
    void lightspeedRetail() {
        try (LightspeedSandbox s = LightspeedSandbox.builder().start()) {
            String id = s.seed("Item", Map.of("description", "Mok", "customSku", "MOK-1")).get("itemID").asText();
            s.modify("Item", id, "description", "Mok groot");
            assertThat(s.records("Item")).singleElement().satisfies(r -> assertThat(r.path("description").asText()).isEqualTo("Mok groot"));
        }
    }

    @Test
    void lightspeedXSeries() {
        try (XSeriesSandbox s = XSeriesSandbox.builder().start()) {
            String id = s.seed("products", Map.of("name", "Mug", "sku", "MUG-1")).get("id").asText();
            s.modify("products", id, "name", TextNode.valueOf("Big mug"));
            assertThat(s.records("products")).singleElement().satisfies(r -> assertThat(r.path("name").asText()).isEqualTo("Big mug"));
        }
    }

    @Test
    void mplusKassa() {
        try (MplusSandbox s = MplusSandbox.builder().start()) {
            s.seed("articles", Map.of("articleNumber", 100001, "description", "Mok", "priceIncl", 995));
            String number = s.seed("relations", Map.of("name", "Anna", "email", "anna@example.nl")).get("relationNumber").asText();
            s.modify("relations", number, "name", "Anna B");
            assertThat(s.records("articles")).singleElement().satisfies(r -> assertThat(r.path("articleNumber").asLong()).isEqualTo(100001));
            assertThat(s.records("relations")).singleElement().satisfies(r -> assertThat(r.path("name").asText()).isEqualTo("Anna B"));
        }
    }

    @Test
    void buchhaltungsButler() {
        try (BuchhaltungsButlerSandbox s = BuchhaltungsButlerSandbox.builder().start()) {
            s.seed("debtors", Map.of("postingaccount_number", "10000", "name", "Barverkauf"));
            s.modify("debtors", "10000", "name", TextNode.valueOf("Kasse"));
            assertThat(s.records("debtors")).singleElement().satisfies(r -> assertThat(r.path("name").asText()).isEqualTo("Kasse"));
        }
    }

    @Test
    void winstore() {
        try (WinstoreSandbox s = WinstoreSandbox.builder().start()) {
            String key = s.seed("articles", Map.of("artnr", "1001", "description", "Runner shoe")).get("artkey").asText();
            s.modify("articles", key, "description", "Runner shoe II");
            assertThat(s.records("articles")).singleElement().satisfies(r -> assertThat(r.path("description").asText()).isEqualTo("Runner shoe II"));
        }
    }

    @Test
    void accountView() {
        try (AccountViewSandbox s = AccountViewSandbox.builder().start()) {
            s.seed("ARTICLE", Map.of("ART_CODE", "ART001", "ART_DESC1", "Voorbeeld"));
            s.modify("ARTICLE", "ART001", "ART_DESC1", "Voorbeeld 2");
            assertThat(s.records("ARTICLE")).singleElement().satisfies(r -> assertThat(r.path("ART_DESC1").asText()).isEqualTo("Voorbeeld 2"));
        }
    }
}
