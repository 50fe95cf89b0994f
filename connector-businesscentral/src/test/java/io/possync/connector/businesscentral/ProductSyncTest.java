package io.possync.connector.businesscentral;

import io.possync.testkit.shop.ListSource;

import static org.assertj.core.api.Assertions.assertThat;

import io.possync.api.CategoryPath;
import io.possync.api.EntityType;
import io.possync.api.Price;
import io.possync.api.Product;
import io.possync.api.ProductType;
import io.possync.api.Ref;
import io.possync.connector.businesscentral.internal.ItemVariants;
import io.possync.core.Flow;
import io.possync.core.Outcome;
import io.possync.core.RunStatus;
import io.possync.core.SyncEngine;
import io.possync.core.SyncReport;
import io.possync.core.state.InMemoryStateStore;
import io.possync.testkit.businesscentral.BusinessCentralSandbox;
import io.possync.testkit.Fault;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Configurable products with size variants into Business Central items and item variants. */
class ProductSyncTest {

    private final BusinessCentralSandbox sandbox = BusinessCentralSandbox.builder().start();
    private final InMemoryStateStore store = new InMemoryStateStore();
    private final SyncEngine engine = SyncEngine.builder().stateStore(store).build();

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private static Product product(String id, String sku, ProductType type, String parent, int minute) {
        Product.Builder b = Product.builder(new Ref("pos", EntityType.PRODUCT, id), sku, Instant.parse("2026-11-01T08:00:00Z")
                        .plusSeconds(60L * minute))
                .name("T-shirt " + sku).type(type).price(new Price(new BigDecimal("19.95"), "EUR", true))
                .categories(List.of(CategoryPath.of("Men", "Shirts")));
        if (parent != null) {
            b.parentSku(parent).attributes(Map.of("size", sku.substring(sku.lastIndexOf('-') + 1)));
        }
        return b.build();
    }

    private List<Product> catalogue() {
        List<Product> products = new ArrayList<>();
        products.add(product("1", "TEE", ProductType.CONFIGURABLE, null, 1));
        products.add(product("2", "TEE-S", ProductType.VARIANT, "TEE", 2));
        products.add(product("3", "TEE-M", ProductType.VARIANT, "TEE", 3));
        products.add(product("4", "TEE-XXL", ProductType.VARIANT, "TEE", 4));
        products.add(product("5", "MUG", ProductType.SIMPLE, null, 5));
        return products;
    }

    /** Sale S1: the variant TEE-M and the simple item MUG. */
    private static io.possync.api.Order saleOfATeeAndAMug() {
        return io.possync.api.Order.builder(new Ref("pos", EntityType.ORDER, "S1"), "S1", Instant.now())
                .createdAt(Instant.now()).currency("EUR")
                .lines(List.of(io.possync.api.OrderLine.of("TEE-M", "T-shirt M", BigDecimal.ONE, new BigDecimal("19.95"), new BigDecimal("21")),
                        io.possync.api.OrderLine.of("MUG", "Mug", BigDecimal.ONE, new BigDecimal("9.95"), new BigDecimal("21"))))
                .totals(new io.possync.api.OrderTotals(new BigDecimal("29.90"), new BigDecimal("6.28"), new BigDecimal("36.18")))
                .build();
    }

    private Flow<Product> flow(List<Product> products) {
        BusinessCentral bc = BusinessCentral.connect(SandboxConnectorTest.settings(sandbox).build());
        return Flow.products("pos-items").from(new ListSource<>("pos", products)).to(bc.items()).build();
    }

    @Test
    void variantsBecomeItemVariantsOfTheirParentItem() {
        SyncReport report = engine.run(flow(catalogue()));

        assertThat(report.count(Outcome.CREATED)).isEqualTo(5);
        assertThat(sandbox.rows("items")).extracting(i -> i.path("number").asText()).containsExactlyInAnyOrder("TEE", "MUG");
        String parentId = sandbox.rows("items").stream().filter(i -> i.path("number").asText().equals("TEE")).findFirst()
                .orElseThrow().get("id").asText();
        assertThat(sandbox.rows("itemVariants")).hasSize(3).allSatisfy(v -> assertThat(v.path("itemId").asText()).isEqualTo(parentId))
                .extracting(v -> v.path("code").asText()).containsExactlyInAnyOrder("S", "M", "XXL");
    }

    @Test
    void aSecondRunWritesNothing() {
        engine.run(flow(catalogue()));

        SyncReport again = engine.run(Flow.products("pos-items").from(new ListSource<>("pos", catalogue()))
                .to(BusinessCentral.connect(SandboxConnectorTest.settings(sandbox).build()).items()).build());

        assertThat(again.count(Outcome.CREATED) + again.count(Outcome.UPDATED)).isZero();
    }

    @Test
    void aVariantWhoseParentIsMissingWaitsForIt() {
        SyncReport report = engine.run(flow(List.of(product("9", "CAP-L", ProductType.VARIANT, "CAP", 1))));

        assertThat(report.rejections()).singleElement().satisfies(r -> {
            assertThat(r.fieldPath()).contains("parentSku");
            assertThat(r.reason()).contains("'CAP'");
        });
    }

    @Test
    void aVariantCreateWhoseAnswerWasLostResolvesToTheExistingVariant() {
        BusinessCentral bc = BusinessCentral.connect(SandboxConnectorTest.settings(sandbox).build());
        engine.run(Flow.products("setup").from(new ListSource<>("pos", List.of(catalogue().get(0), catalogue().get(4))))
                .to(bc.items()).build());
        // The next write is the batch of the three variants: it lands, its answer is lost.
        sandbox.faults().nextWrite(Fault.lostResponse());

        SyncReport report = engine.run(flow(catalogue()));

        assertThat(report.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(report.rejections()).isEmpty();
        assertThat(sandbox.rows("itemVariants")).hasSize(3);
        assertThat(sandbox.faults().injected(Fault.Kind.LOST_RESPONSE)).isEqualTo(1);
    }

    @Test
    void longVariantCodesAreStableHashes() {
        String code = ItemVariants.code("SNEAKER-BLACK-WHITE-44", "SNEAKER");

        assertThat(code).hasSize(10).startsWith("V").isEqualTo(ItemVariants.code("SNEAKER-BLACK-WHITE-44", "SNEAKER"));
        assertThat(ItemVariants.code("TEE-RED-M", "TEE")).isEqualTo("RED-M");
    }

    /** A web server with one image, as a shop's CDN would be. */
    private static com.sun.net.httpserver.HttpServer images(byte[] image) throws java.io.IOException {
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/tee.jpg", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "image/jpeg");
            exchange.sendResponseHeaders(200, image.length);
            exchange.getResponseBody().write(image);
            exchange.close();
        });
        server.start();
        return server;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void theProductsMainImageBecomesTheItemsPicture() throws Exception {
        byte[] image = "\u00ff\u00d8 a tiny jpeg".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        com.sun.net.httpserver.HttpServer cdn = images(image);
        try {
            String url = "http://127.0.0.1:" + cdn.getAddress().getPort() + "/tee.jpg";
            Product mug = product("5", "MUG", ProductType.SIMPLE, null, 5).toBuilder().imageUrls(List.of(url)).build();

            SyncReport report = engine.run(flow(List.of(mug)));

            assertThat(report.count(Outcome.CREATED)).isEqualTo(1);
            assertThat(sandbox.rows("items").get(0).path("_pictureSha256").asText()).isEqualTo(sha256(image));
            assertThat(sandbox.rows("items").get(0).has("_pictureBytes")).isTrue();
        } finally {
            cdn.stop(0);
        }
    }

    @Test
    void anUpdateLeavesAnItemsPictureAloneUnlessPicturesOnUpdateIsOn() throws Exception {
        byte[] image = "\u00ff\u00d8 a tiny jpeg".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        com.sun.net.httpserver.HttpServer cdn = images(image);
        try {
            String url = "http://127.0.0.1:" + cdn.getAddress().getPort() + "/tee.jpg";
            Product mug = product("5", "MUG", ProductType.SIMPLE, null, 5).toBuilder().imageUrls(List.of(url)).build();
            Product renamed = mug.toBuilder().name("Stoneware mug").modifiedAt(mug.modifiedAt().plusSeconds(60)).build();
            Product again = renamed.toBuilder().name("Stoneware mug, blue").modifiedAt(mug.modifiedAt().plusSeconds(120)).build();
            engine.run(flow(List.of(mug)));
            String id = sandbox.rows("items").get(0).path("id").asText();
            sandbox.modify("items", id, "_pictureSha256", com.fasterxml.jackson.databind.node.TextNode.valueOf("set in Business Central"));

            engine.run(flow(List.of(mug, renamed)));
            assertThat(sandbox.rows("items").get(0).path("_pictureSha256").asText()).isEqualTo("set in Business Central");

            BusinessCentral replacing = BusinessCentral.connect(SandboxConnectorTest.settings(sandbox).picturesOnUpdate(true).build());
            engine.run(Flow.products("pos-items").from(new ListSource<>("pos", List.of(mug, renamed, again))).to(replacing.items()).build());
            assertThat(sandbox.rows("items").get(0).path("_pictureSha256").asText()).isEqualTo(sha256(image));
        } finally {
            cdn.stop(0);
        }
    }

    @Test
    void aMissingImageRejectsTheRecordNamingTheUrlButTheItemExists() throws Exception {
        com.sun.net.httpserver.HttpServer cdn = images(new byte[] {1});
        try {
            String url = "http://127.0.0.1:" + cdn.getAddress().getPort() + "/gone.jpg";
            Product mug = product("5", "MUG", ProductType.SIMPLE, null, 5).toBuilder().imageUrls(List.of(url)).build();

            SyncReport report = engine.run(flow(List.of(mug)));

            assertThat(report.rejections()).singleElement().satisfies(r -> {
                assertThat(r.fieldPath()).contains("imageUrls[0]");
                assertThat(r.reason()).contains("gone.jpg").contains("404");
            });
            assertThat(sandbox.rows("items")).hasSize(1);
        } finally {
            cdn.stop(0);
        }
    }

    @Test
    void aVariantSkuIsFoundAsAProductWhateverItsCodeForm() {
        List<Product> products = new ArrayList<>(catalogue());
        products.add(product("6", "matrix-7", ProductType.CONFIGURABLE, null, 6));
        products.add(product("7", "TEE-12-NAVY-M", ProductType.VARIANT, "matrix-7", 7));
        engine.run(flow(products));
        BusinessCentral bc = BusinessCentral.connect(SandboxConnectorTest.settings(sandbox).build());

        var found = bc.items().findAll(List.of(io.possync.api.NaturalKey.sku("TEE-M"), io.possync.api.NaturalKey.sku("TEE-12-NAVY-M"),
                io.possync.api.NaturalKey.sku("MUG"), io.possync.api.NaturalKey.sku("TEE-XL")));

        assertThat(found.keySet()).extracting(io.possync.api.NaturalKey::value).containsExactlyInAnyOrder("TEE-M", "TEE-12-NAVY-M", "MUG");
        assertThat(sandbox.rows("itemVariants")).extracting(v -> v.get("id").asText())
                .contains(found.get(io.possync.api.NaturalKey.sku("TEE-M")).id(), found.get(io.possync.api.NaturalKey.sku("TEE-12-NAVY-M")).id());
    }

    @Test
    void anOrderLineForAVariantIsWrittenAsItsParentItemWithTheVariant() {
        engine.run(flow(catalogue()));
        BusinessCentral bc = BusinessCentral.connect(SandboxConnectorTest.settings(sandbox).build());
        io.possync.api.Order order = saleOfATeeAndAMug();

        SyncReport report = engine.run(Flow.orders("pos-sales").from(new ListSource<>("pos", List.of(order))).to(bc.salesInvoices())
                .customers(bc.customers()).products(bc.items()).defaultDebtor(sandbox.rows("customers").isEmpty()
                        ? sandbox.seed("customers", io.possync.api.internal.Json.MAPPER.createObjectNode().put("displayName", "Kassa")
                                .put("type", "Company")).get("number").asText() : "").build());

        assertThat(report.count(Outcome.CREATED)).isEqualTo(1);
        String variantId = sandbox.rows("itemVariants").stream().filter(v -> v.path("code").asText().equals("M")).findFirst()
                .orElseThrow().get("id").asText();
        assertThat(sandbox.rows("salesInvoices").get(0).path("_lines").findParents("lineType")).extracting(l -> l.path("lineObjectNumber").asText(), l -> l.path("itemVariantId").asText(""))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("TEE", variantId), org.assertj.core.groups.Tuple.tuple("MUG", ""));
    }

    @Test
    void manyVariantSkusAreFoundWithAFewQueries() {
        List<Product> products = new ArrayList<>();
        List<io.possync.api.NaturalKey> keys = new ArrayList<>();
        for (int m = 1; m <= 6; m++) {
            products.add(product("m" + m, "matrix-" + m, ProductType.CONFIGURABLE, null, m));
            for (String size : List.of("S", "M", "L")) {
                for (String colour : List.of("NAVY", "SAND", "BLACK")) {
                    String sku = "TEE-" + m + "-" + colour + "-" + size;
                    products.add(product(sku, sku, ProductType.VARIANT, "matrix-" + m, m));
                    keys.add(io.possync.api.NaturalKey.sku(sku));
                }
            }
        }
        SyncReport written = engine.run(flow(products));
        BusinessCentral bc = BusinessCentral.connect(SandboxConnectorTest.settings(sandbox).build());
        bc.items().find(io.possync.api.NaturalKey.sku("none"));
        long before = bc.requests().count();

        var found = bc.items().findAll(keys);

        assertThat(written.count(Outcome.CREATED)).isEqualTo(60);
        assertThat(found).hasSize(54);
        assertThat(bc.requests().count() - before).isLessThanOrEqualTo(10);
    }

    @Test
    void aSaleOfVariantsAndItemsTheConnectionAlreadyKnowsReadsNoItemOrVariantAgain() {
        BusinessCentral bc = BusinessCentral.connect(SandboxConnectorTest.settings(sandbox).build());
        engine.run(Flow.products("pos-items").from(new ListSource<>("pos", catalogue())).to(bc.items()).build());
        String debtor = sandbox.seed("customers", io.possync.api.internal.Json.MAPPER.createObjectNode().put("displayName", "Kassa")
                .put("type", "Company")).get("number").asText();
        io.possync.api.Order order = saleOfATeeAndAMug();
        long variantReads = sandbox.requestCount("GET itemVariants");
        long itemReads = sandbox.requestCount("GET items");

        SyncReport report = engine.run(Flow.orders("pos-sales").from(new ListSource<>("pos", List.of(order))).to(bc.salesInvoices())
                .customers(bc.customers()).products(bc.items()).defaultDebtor(debtor).build());

        assertThat(report.count(Outcome.CREATED)).isEqualTo(1);
        assertThat(sandbox.requestCount("GET itemVariants") - variantReads).as("the variant this connection wrote").isZero();
        assertThat(sandbox.requestCount("GET items") - itemReads).as("MUG, found by the product check in the $batch").isZero();
    }

    @Test
    void aPageOfMoreThanAHundredItemsAndVariantsIsWrittenInBatchesOfAHundred() {
        List<Product> products = new ArrayList<>();
        for (int m = 1; m <= 30; m++) {
            products.add(product("m" + m, "SHIRT" + m, ProductType.CONFIGURABLE, null, 1));
            for (String size : List.of("S", "M", "L", "XL")) {
                products.add(product("m" + m + size, "SHIRT" + m + "-" + size, ProductType.VARIANT, "SHIRT" + m, 2));
            }
        }
        BusinessCentral bc = BusinessCentral.connect(SandboxConnectorTest.settings(sandbox).build());

        SyncReport report = engine.run(Flow.products("pos-items").from(new ListSource<>("pos", products)).to(bc.items())
                .pageSize(1000).build());

        assertThat(report.count(Outcome.REJECTED)).as(report.rejections().toString()).isZero();
        assertThat(report.count(Outcome.CREATED)).isEqualTo(150);
        assertThat(sandbox.rows("items")).hasSize(30);
        assertThat(sandbox.rows("itemVariants")).hasSize(120);
    }

    @Test
    void newProductsCanBeCreatedAsDraftsAndAnUpdateLeavesThemSo() {
        BusinessCentral bc = BusinessCentral.connect(SandboxConnectorTest.settings(sandbox).build());
        Product tee = product("p1", "TEE", ProductType.SIMPLE, null, 1);
        Flow<Product> drafts = Flow.products("pos-items").from(new ListSource<>("pos", List.of(tee))).to(bc.items())
                .newProducts(io.possync.core.Publication.DRAFT).build();

        engine.run(drafts);
        assertThat(sandbox.rows("items")).singleElement().satisfies(i -> assertThat(i.path("blocked").asBoolean()).isTrue());

        Product renamed = tee.toBuilder().name("T-shirt, organic").modifiedAt(tee.modifiedAt().plusSeconds(60)).build();
        // ListSource's cursor is a position: the change comes after the first record
        engine.run(Flow.products("pos-items").from(new ListSource<>("pos", List.of(tee, renamed))).to(bc.items()).build());

        assertThat(sandbox.rows("items")).singleElement().satisfies(i -> {
            assertThat(i.path("displayName").asText()).isEqualTo("T-shirt, organic");
            assertThat(i.path("blocked").asBoolean()).as("still a draft: publishing is the user's, in Business Central").isTrue();
        });
    }

    @Test
    void bySourceAProductIsCreatedAsTheSourceHasIt() {
        BusinessCentral bc = BusinessCentral.connect(SandboxConnectorTest.settings(sandbox).build());
        Product hidden = product("p1", "TEE", ProductType.SIMPLE, null, 1).toBuilder().published(false).build();
        Product shown = product("p2", "MUG", ProductType.SIMPLE, null, 2);

        engine.run(Flow.products("pos-items").from(new ListSource<>("pos", List.of(hidden, shown))).to(bc.items()).build());

        assertThat(sandbox.rows("items")).extracting(i -> i.path("number").asText(), i -> i.path("blocked").asBoolean())
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("TEE", true), org.assertj.core.groups.Tuple.tuple("MUG", false));
    }

    @Test
    void productsWithoutStockManagementBecomeNonInventoryItems() {
        BusinessCentral bc = BusinessCentral.connect(SandboxConnectorTest.settings(sandbox).build());
        Product giftWrap = product("p1", "WRAP", ProductType.SIMPLE, null, 1);

        engine.run(Flow.products("pos-items").from(new ListSource<>("pos", List.of(giftWrap))).to(bc.items())
                .stockManaged(false).build());

        assertThat(sandbox.rows("items")).singleElement().satisfies(i -> assertThat(i.path("type").asText()).isEqualTo("Non_x002D_Inventory"));
        assertThat(bc.items().changesSince(io.possync.api.Cursor.initial(), 10).records()).singleElement()
                .satisfies(p -> assertThat(p.managesStock()).as("read back").isFalse());
    }
}
