package io.possync.connector.lightspeed.xseries;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.possync.api.Cursor;
import io.possync.api.EntityType;
import io.possync.api.Price;
import io.possync.api.Product;
import io.possync.api.ProductType;
import io.possync.api.Ref;
import io.possync.api.internal.Json;
import io.possync.core.Flow;
import io.possync.core.Outcome;
import io.possync.core.RetrySchedule;
import io.possync.core.SyncEngine;
import io.possync.core.SyncReport;
import io.possync.core.state.InMemoryStateStore;
import io.possync.testkit.Fault;
import io.possync.testkit.lightspeed.XSeriesSandbox;
import io.possync.testkit.shop.ListSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Configurable products and their variants into X-Series as variant families: created in one request with their
 * attribute values, joined by later variants, updated family-wide or per variant, never twice.
 */
class XSeriesVariantFamiliesTest {

    private final XSeriesSandbox sandbox = XSeriesSandbox.builder().outlet("Amsterdam").start();
    private final InMemoryStateStore store = new InMemoryStateStore();
    private final SyncEngine engine = SyncEngine.builder().stateStore(store).build();
    private int minute;
    /** The source's change feed: a changed product comes again at its end. */
    private final List<Product> feed = new ArrayList<>();

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private LightspeedXSeries pos() {
        return LightspeedXSeries.connect(SandboxSettings.of(sandbox).build());
    }

    private Product tee(String name) {
        Map<String, String> axes = new LinkedHashMap<>();
        axes.put("colour", "");
        axes.put("size", "");
        return Product.builder(new Ref("erp", EntityType.PRODUCT, "TEE"), "TEE", at()).name(name).description("Organic cotton")
                .type(ProductType.CONFIGURABLE).attributes(axes).build();
    }

    private Product variant(String colour, String size, String price) {
        String sku = "TEE-" + colour.toUpperCase() + "-" + size;
        Map<String, String> values = new LinkedHashMap<>();
        values.put("colour", colour);
        values.put("size", size);
        return Product.builder(new Ref("erp", EntityType.PRODUCT, sku), sku, at()).name("T-shirt " + colour + " " + size)
                .type(ProductType.VARIANT).parentSku("TEE").price(new Price(new BigDecimal(price), "EUR", true)).attributes(values)
                .build();
    }

    private Instant at() {
        return Instant.parse("2026-11-01T08:00:00Z").plusSeconds(60L * ++minute);
    }

    private SyncReport run(LightspeedXSeries pos, List<Product> changes) {
        feed.addAll(changes);
        return engine.run(Flow.products("erp-items").from(new ListSource<>("erp", new ArrayList<>(feed))).to(pos.products())
                .retrySchedule(new RetrySchedule(Duration.ZERO, Duration.ZERO)).build());
    }

    private List<ObjectNode> family(String parentId) {
        return sandbox.records("products").stream().filter(p -> p.path("variant_parent_id").asText("").equals(parentId)).toList();
    }

    private ObjectNode parent() {
        return sandbox.records("products").stream().filter(p -> p.path("sku").asText().equals("TEE")).findFirst().orElseThrow();
    }

    @Test
    void aConfigurableProductAndItsVariantsBecomeOneFamilyInOneRequest() {
        SyncReport report = run(pos(), List.of(tee("T-shirt"), variant("red", "M", "29.00"), variant("red", "L", "29.00"),
                variant("blue", "M", "31.00")));

        assertThat(report.rejections()).isEmpty();
        assertThat(report.count(Outcome.CREATED)).isEqualTo(4);
        assertThat(sandbox.requestCount("POST products")).isEqualTo(1);
        assertThat(sandbox.requestCount("GET products by family name")).isEqualTo(1);
        ObjectNode parent = parent();
        assertThat(parent.path("has_variants").asBoolean()).isTrue();
        assertThat(parent.path("description").asText()).isEqualTo("Organic cotton");
        assertThat(family(parent.get("id").asText())).extracting(p -> p.path("sku").asText(), p -> p.path("name").asText(),
                        p -> p.path("variant_name").asText(), p -> p.path("price_including_tax").decimalValue().stripTrailingZeros().toPlainString())
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("TEE-RED-M", "T-shirt", "T-shirt / red / M", "29"),
                        org.assertj.core.groups.Tuple.tuple("TEE-RED-L", "T-shirt", "T-shirt / red / L", "29"),
                        org.assertj.core.groups.Tuple.tuple("TEE-BLUE-M", "T-shirt", "T-shirt / blue / M", "31"));
    }

    @Test
    void theAttributesAreCreatedOnceAndTheFamilyReadsBackAsTheConfigurableProductAndItsVariants() {
        sandbox.seed("variant_attributes", Map.of("name", "Color"));
        LightspeedXSeries pos = pos();

        run(pos, List.of(tee("T-shirt"), variant("red", "M", "29.00"), variant("blue", "L", "29.00")));
        List<Product> read = pos.products().changesSince(Cursor.initial(), 100).records();

        assertThat(sandbox.records("variant_attributes")).extracting(a -> a.path("name").asText()).containsExactlyInAnyOrder("Color", "Size");
        assertThat(sandbox.requestCount("POST variant_attributes")).isEqualTo(1);
        assertThat(read).filteredOn(p -> p.type() == ProductType.CONFIGURABLE).singleElement()
                .satisfies(p -> assertThat(p.sku()).isEqualTo("TEE"));
        assertThat(read).filteredOn(p -> p.type() == ProductType.VARIANT)
                .extracting(Product::sku, p -> p.parentSku().orElse(""), p -> p.attributes().get("color"), p -> p.attributes().get("size"))
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("TEE-RED-M", "TEE", "red", "M"),
                        org.assertj.core.groups.Tuple.tuple("TEE-BLUE-L", "TEE", "blue", "L"));
    }

    @Test
    void aVariantsEanIsWrittenAsItsEanCode() {
        Product red = variant("red", "M", "29.00").toBuilder().ean("8712345678906").build();

        run(pos(), List.of(tee("T-shirt"), red));

        assertThat(family(parent().get("id").asText())).singleElement().satisfies(v -> assertThat(v.path("product_codes").toString())
                .contains("\"type\":\"EAN\"").contains("8712345678906"));
    }

    @Test
    void aVariantAddedLaterJoinsItsFamilyFoundByTheParentSkuInAnotherProcess() {
        run(pos(), List.of(tee("T-shirt"), variant("red", "M", "29.00")));

        SyncReport later = run(pos(), List.of(variant("green", "S", "29.00")));

        assertThat(later.rejections()).isEmpty();
        assertThat(family(parent().get("id").asText())).extracting(p -> p.path("sku").asText(), p -> p.path("name").asText())
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("TEE-RED-M", "T-shirt"),
                        org.assertj.core.groups.Tuple.tuple("TEE-GREEN-S", "T-shirt"));
        assertThat(sandbox.records("products").stream().filter(p -> p.path("sku").asText().equals("TEE"))).hasSize(1);
    }

    @Test
    void anUpdatedConfigurableProductRenamesTheWholeFamilyAndAnUpdatedVariantOnlyItself() {
        run(pos(), List.of(tee("T-shirt"), variant("red", "M", "29.00"), variant("red", "L", "29.00")));

        SyncReport update = run(pos(), List.of(tee("Organic T-shirt"), variant("red", "M", "25.00")));

        assertThat(update.count(Outcome.UPDATED)).isEqualTo(2);
        assertThat(family(parent().get("id").asText())).extracting(p -> p.path("sku").asText(), p -> p.path("name").asText(),
                        p -> p.path("price_including_tax").decimalValue().stripTrailingZeros().toPlainString())
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("TEE-RED-M", "Organic T-shirt", "25"),
                        org.assertj.core.groups.Tuple.tuple("TEE-RED-L", "Organic T-shirt", "29"));
        assertThat(parent().path("name").asText()).isEqualTo("Organic T-shirt");
    }

    @Test
    void aConfigurableProductWithoutVariantsWaitsTheFirstVariantCreatesItsFamilyAndTheRetryLinksIt() {
        LightspeedXSeries pos = pos();
        SyncReport alone = run(pos, List.of(tee("T-shirt")));

        SyncReport withVariant = run(pos, List.of(variant("red", "M", "29.00")));
        SyncReport next = run(pos, List.of());

        assertThat(alone.rejections()).singleElement().satisfies(r -> assertThat(r.reason()).contains("waits for one"));
        assertThat(withVariant.count(Outcome.CREATED)).as("the variant, with its family").isEqualTo(1);
        assertThat(next.rejections()).isEmpty();
        assertThat(next.count(Outcome.UPDATED)).as("the configurable product, found by its SKU").isEqualTo(1);
        assertThat(parent().path("name").asText()).isEqualTo("T-shirt");
        assertThat(family(parent().get("id").asText())).singleElement().satisfies(v -> assertThat(v.path("sku").asText()).isEqualTo("TEE-RED-M"));
    }

    @Test
    void aVariantWithoutAttributeValuesIsRejectedByNameAndItsSiblingsAreWritten() {
        Product bare = Product.builder(new Ref("erp", EntityType.PRODUCT, "TEE-X"), "TEE-X", at()).name("T-shirt ?")
                .type(ProductType.VARIANT).parentSku("TEE").build();

        SyncReport report = run(pos(), List.of(tee("T-shirt"), variant("red", "M", "29.00"), bare));

        assertThat(report.rejections()).singleElement().satisfies(r -> {
            assertThat(r.reason()).contains("TEE-X").contains("no attribute values");
            assertThat(r.fieldPath()).hasValue("variant_definitions");
        });
        assertThat(family(parent().get("id").asText())).extracting(p -> p.path("sku").asText()).containsExactly("TEE-RED-M");
    }

    @Test
    void aLostAnswerToTheFamilyCreateIsHealedWithoutADuplicate() {
        sandbox.seed("variant_attributes", Map.of("name", "Colour"));
        sandbox.seed("variant_attributes", Map.of("name", "Size"));
        sandbox.faults().nextWrite(Fault.lostResponse());
        List<Product> products = List.of(tee("T-shirt"), variant("red", "M", "29.00"), variant("blue", "M", "29.00"));

        SyncReport first = run(pos(), products);
        SyncReport retry = run(pos(), List.of());

        assertThat(first.count(Outcome.CREATED)).isZero();
        assertThat(retry.rejections()).isEmpty();
        assertThat(sandbox.requestCount("POST products")).isEqualTo(1);
        assertThat(sandbox.records("products")).extracting(p -> p.path("sku").asText())
                .containsExactlyInAnyOrder("TEE", "TEE-RED-M", "TEE-BLUE-M");
    }

    @Test
    void aFailedFamilyCreateFailsEveryRecordOfItAloneAndTheRetryWritesThem() {
        sandbox.seed("variant_attributes", Map.of("name", "Colour"));
        sandbox.seed("variant_attributes", Map.of("name", "Size"));
        sandbox.faults().nextWrite(Fault.status(503));
        LightspeedXSeries once = LightspeedXSeries.connect(SandboxSettings.of(sandbox)
                .retryPolicy(io.possync.api.http.RetryPolicy.none()).build());
        Product mug = Product.builder(new Ref("erp", EntityType.PRODUCT, "MUG-1"), "MUG-1", at()).name("Mug")
                .price(new Price(new BigDecimal("9.95"), "EUR", true)).build();

        SyncReport failed = run(once, List.of(tee("T-shirt"), variant("red", "M", "29.00"), variant("red", "L", "29.00"), mug));
        SyncReport retried = run(pos(), List.of());

        assertThat(failed.count(Outcome.CREATED)).as("the simple product").isEqualTo(1);
        assertThat(failed.rejections()).hasSize(3).allSatisfy(r -> assertThat(r.transientFailure()).isTrue());
        assertThat(retried.rejections()).isEmpty();
        assertThat(sandbox.records("products")).extracting(p -> p.path("sku").asText())
                .containsExactlyInAnyOrder("MUG-1", "TEE", "TEE-RED-M", "TEE-RED-L");
    }
}
