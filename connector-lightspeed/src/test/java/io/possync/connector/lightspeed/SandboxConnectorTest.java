package io.possync.connector.lightspeed;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.possync.api.AuthenticationException;
import io.possync.api.Customer;
import io.possync.api.Cursor;
import io.possync.api.EntityType;
import io.possync.api.MappedRecord;
import io.possync.api.NaturalKey;
import io.possync.api.Page;
import io.possync.api.Product;
import io.possync.api.ProductType;
import io.possync.api.RecordRejectedException;
import io.possync.api.Ref;
import io.possync.api.StockLevel;
import io.possync.api.TransientException;
import io.possync.api.WriteOutcomeUnknownException;
import io.possync.api.http.RetryPolicy;
import io.possync.api.http.Secret;
import io.possync.api.internal.Json;
import io.possync.testkit.Fault;
import io.possync.testkit.lightspeed.LightspeedSandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The R-Series connector against the Lightspeed sandbox: lookups, writes, reads and faults. */
class SandboxConnectorTest {

    private final LightspeedSandbox sandbox = LightspeedSandbox.builder().shop("Amsterdam").shop("Utrecht")
            .bucket(10_000, 10_000).start();

    @AfterEach
    void stop() {
        sandbox.close();
    }

    /** Settings with the latest refresh token the sandbox issued (earlier ones were rotated away). */
    static LightspeedRetailSettings.Builder settings(LightspeedSandbox sandbox) {
        List<String> issued = sandbox.issuedRefreshTokens();
        return LightspeedRetailSettings.builder(sandbox.clientId(), Secret.of(sandbox.clientSecret()),
                        Secret.of(issued.get(issued.size() - 1)))
                .endpoints(sandbox.apiUri(), sandbox.tokenUri())
                .overlap(Duration.ZERO)
                .requestTimeout(Duration.ofSeconds(2))
                .retryPolicy(RetryPolicy.builder().maxAttempts(6).initialBackoff(Duration.ofMillis(20))
                        .maxBackoff(Duration.ofMillis(200)).build());
    }

    private LightspeedRetail pos() {
        return LightspeedRetail.connect(settings(sandbox).build());
    }

    static ObjectNode item(String sku, String description) {
        ObjectNode item = Json.MAPPER.createObjectNode().put("description", description).put("customSku", sku);
        item.putObject("Prices").putArray("ItemPrice").addObject().put("amount", "9.95").put("useType", "Default");
        return item;
    }

    private static MappedRecord<Customer> customer(String email, String first, String last) {
        Customer c = Customer.builder(new Ref("erp", EntityType.CUSTOMER, email), Instant.now()).email(email).build();
        ObjectNode fields = Json.MAPPER.createObjectNode().put("firstName", first).put("lastName", last).put("email", email)
                .put("city", "Utrecht").put("countryCode", "NL");
        return new MappedRecord<>(c, fields);
    }

    private static MappedRecord<Product> product(String sku, ProductType type, ObjectNode fields) {
        Product p = Product.builder(new Ref("erp", EntityType.PRODUCT, sku), sku, Instant.now()).name("x").type(type).build();
        return new MappedRecord<>(p, fields);
    }

    @Test
    void theAccountIdIsReadFromTheTokenWhenNotConfigured() {
        assertThat(pos().accountId()).isEqualTo(sandbox.accountId());
    }

    @Test
    void aCreatedCustomerIsFoundByEmailAfterwards() {
        LightspeedRetail pos = pos();
        Ref created = pos.customers().create(customer("Anna@Example.nl", "Anna", "de Vries"));

        assertThat(pos.customers().find(NaturalKey.email("anna@example.nl"))).contains(created);
        assertThat(pos.customers().find(NaturalKey.email("someone@else.nl"))).isEmpty();
        assertThat(sandbox.records("Customer")).singleElement().satisfies(c -> {
            assertThat(c.path("firstName").asText()).isEqualTo("Anna");
            assertThat(c.path("Contact").path("Addresses").path("ContactAddress").get(0).path("countryCode").asText()).isEqualTo("NL");
        });
    }

    @Test
    void aCustomersGroupIsWrittenAsItsCustomerTypeThroughAValueMap() {
        Customer c = Customer.builder(new Ref("erp", EntityType.CUSTOMER, "K1"), Instant.now()).email("jan@example.nl").group("GROOTHANDEL")
                .build();
        MappedRecord<Customer> mapped = new MappedRecord<>(c, io.possync.core.mapping.internal.CompiledMapping.compile(
                io.possync.core.mapping.Mapping.of(pos().customers().defaultMapping())
                        .withValueMap(io.possync.core.mapping.ValueMap.builder("types").row("GROOTHANDEL", "2").build())
                        .override("customerTypeID", "$valueMap('types', group)"))
                .apply(Json.MAPPER.valueToTree(c), c.sourceRef(), false).put("lastName", "Jansen"));

        pos().customers().create(mapped);

        assertThat(sandbox.records("Customer")).singleElement().satisfies(r -> assertThat(r.path("customerTypeID").asText()).isEqualTo("2"));
    }

    @Test
    void anUpdateChangesTheCustomerInPlace() {
        LightspeedRetail pos = pos();
        Ref created = pos.customers().create(customer("anna@example.nl", "Anna", "de Vries"));

        pos.customers().update(created, customer("anna@example.nl", "Anna", "Jansen"));

        assertThat(sandbox.records("Customer")).singleElement()
                .satisfies(c -> assertThat(c.path("lastName").asText()).isEqualTo("Jansen"));
    }

    @Test
    void itemsAreLookedUpFiftySkusPerRequest() {
        IntStream.range(0, 120).forEach(i -> sandbox.seed("Item", item("SKU-" + i, "Item " + i)));
        LightspeedRetail pos = pos();
        pos.accountId();
        long before = sandbox.requestCount();

        List<NaturalKey> keys = new ArrayList<>();
        IntStream.range(0, 130).forEach(i -> keys.add(NaturalKey.sku("SKU-" + i)));
        Map<NaturalKey, Ref> found = pos.items().findAll(keys);

        assertThat(found).hasSize(120).containsKey(NaturalKey.sku("SKU-119")).doesNotContainKey(NaturalKey.sku("SKU-120"));
        assertThat(sandbox.requestCount() - before).isEqualTo(3);
    }

    @Test
    void salesAreLookedUpFiftyOrderNumbersPerRequest() {
        IntStream.range(0, 70).forEach(i -> sandbox.seed("Sale", Json.MAPPER.createObjectNode().put("completed", "true")
                .put("referenceNumber", "WEB-" + i).put("shopID", "1")));
        LightspeedRetail pos = pos();
        pos.accountId();
        long before = sandbox.requestCount();

        List<NaturalKey> keys = new ArrayList<>();
        IntStream.range(0, 80).forEach(i -> keys.add(NaturalKey.orderNumber("WEB-" + i)));
        keys.add(NaturalKey.orderNumber("WEB,ODD"));
        Map<NaturalKey, Ref> found = pos.sales().findAll(keys);

        assertThat(found).hasSize(70).containsKey(NaturalKey.orderNumber("WEB-69")).doesNotContainKey(NaturalKey.orderNumber("WEB-70"));
        assertThat(sandbox.requestCount() - before).as("two of 50 and the number with a comma alone").isEqualTo(3);
    }

    @Test
    void anArchivedItemIsFoundSoItIsUpdatedNotDuplicated() {
        ObjectNode seeded = sandbox.seed("Item", item("OLD-1", "Retired mug"));
        sandbox.modify("Item", seeded.get("itemID").asText(), "archived", "true");

        assertThat(pos().items().find(NaturalKey.sku("OLD-1"))).hasValueSatisfying(r -> assertThat(r.id())
                .isEqualTo(seeded.get("itemID").asText()));
    }

    @Test
    void archivedItemsAreReadAsUnpublishedProducts() {
        ObjectNode seeded = sandbox.seed("Item", item("OLD-1", "Retired mug"));
        sandbox.modify("Item", seeded.get("itemID").asText(), "archived", "true");

        Page<Product> page = pos().items().changesSince(Cursor.initial(), 100);

        assertThat(page.records()).singleElement().satisfies(p -> assertThat(p.published()).isFalse());
    }

    @Test
    void aMatrixPrecedesItsVariantsAsAConfigurableProduct() {
        ObjectNode matrix = sandbox.seed("ItemMatrix", Json.MAPPER.createObjectNode().put("description", "T-shirt")
                .put("itemAttributeSetID", "1"));
        for (String size : List.of("S", "M")) {
            ObjectNode variant = item("TEE-" + size, "T-shirt " + size).put("itemMatrixID", matrix.get("itemMatrixID").asText());
            variant.putObject("ItemAttributes").put("attribute1", "Navy").put("attribute2", size).put("itemAttributeSetID", "1");
            sandbox.seed("Item", variant);
        }

        List<Product> products = pos().items().changesSince(Cursor.initial(), 100).records();

        assertThat(products).extracting(Product::sku, Product::type).containsExactly(
                org.assertj.core.groups.Tuple.tuple("matrix-" + matrix.get("itemMatrixID").asText(), ProductType.CONFIGURABLE),
                org.assertj.core.groups.Tuple.tuple("TEE-S", ProductType.VARIANT),
                org.assertj.core.groups.Tuple.tuple("TEE-M", ProductType.VARIANT));
        assertThat(products.get(2).attributes()).containsEntry("size", "M").containsEntry("color", "Navy");
    }

    @Test
    void aNewItemGetsItsPriceAndItsCategoryPathCreatedOnce() {
        LightspeedRetail pos = pos();
        ObjectNode fields = Json.MAPPER.createObjectNode().put("description", "Mug").put("customSku", "MUG-1")
                .put("price", new BigDecimal("12.50")).put("category", "Kitchen|Mugs").put("archived", false);
        Ref mug = pos.items().create(product("MUG-1", ProductType.SIMPLE, fields));
        pos.items().create(product("MUG-2", ProductType.SIMPLE, fields.deepCopy().put("customSku", "MUG-2")));

        assertThat(sandbox.records("Category")).extracting(c -> c.path("fullPathName").asText())
                .containsExactlyInAnyOrder("Kitchen", "Kitchen|Mugs");
        assertThat(pos.items().fetch(mug.id())).hasValueSatisfying(p -> {
            assertThat(p.price()).hasValueSatisfying(pr -> assertThat(pr.amount()).isEqualByComparingTo("12.50"));
            assertThat(p.categories()).singleElement().satisfies(c -> assertThat(c.segments()).containsExactly("Kitchen", "Mugs"));
        });
    }

    @Test
    void aTooLongDescriptionIsRejectedBeforeAnythingIsSent() {
        LightspeedRetail pos = pos();
        ObjectNode fields = Json.MAPPER.createObjectNode().put("description", "x".repeat(256)).put("customSku", "LONG");

        assertThatThrownBy(() -> pos.items().create(product("LONG", ProductType.SIMPLE, fields)))
                .isInstanceOfSatisfying(RecordRejectedException.class, e -> assertThat(e.fieldPath()).contains("description"))
                .hasMessageContaining("256 characters");
        assertThat(sandbox.writeCount()).isZero();
    }

    private static MappedRecord<Product> variant(String sku, String parent, String colour, String size) {
        Product p = Product.builder(new Ref("erp", EntityType.PRODUCT, sku), sku, Instant.now()).name("T-shirt " + size)
                .type(ProductType.VARIANT).parentSku(parent).attributes(Map.of("colour", colour, "size", size)).build();
        return new MappedRecord<>(p, Json.MAPPER.createObjectNode().put("description", "T-shirt " + colour + " " + size)
                .put("customSku", sku).put("price", new BigDecimal("19.95")));
    }

    @Test
    void aConfigurableProductBecomesAMatrixAndItsVariantsTheMatrixsItems() {
        LightspeedRetail pos = pos();
        Product tee = Product.builder(new Ref("erp", EntityType.PRODUCT, "TEE"), "TEE", Instant.now()).name("T-shirt")
                .type(ProductType.CONFIGURABLE).attributes(Map.of("Size", "", "Color", "")).build();
        Ref matrix = pos.items().create(new MappedRecord<>(tee, Json.MAPPER.createObjectNode().put("description", "T-shirt")
                .put("price", new BigDecimal("19.95"))));
        pos.items().create(variant("TEE-NAVY-M", "TEE", "Navy", "M"));

        assertThat(matrix.id()).startsWith("matrix-");
        assertThat(sandbox.records("ItemMatrix")).singleElement()
                .satisfies(m -> assertThat(m.path("itemAttributeSetID").asText()).isEqualTo("1"));
        List<Product> read = pos.items().changesSince(Cursor.initial(), 100).records();
        assertThat(read).extracting(Product::sku).containsExactly(matrix.id(), "TEE-NAVY-M");
        assertThat(read.get(1).attributes()).containsEntry("color", "Navy").containsEntry("size", "M");
    }

    @Test
    void aVariantFindsItsMatrixAfterARestartThroughItsSiblingsAndAMatrixIsNotCreatedTwice() {
        Product tee = Product.builder(new Ref("erp", EntityType.PRODUCT, "TEE"), "TEE", Instant.now()).name("T-shirt")
                .type(ProductType.CONFIGURABLE).attributes(Map.of("size", "", "color", "")).build();
        MappedRecord<Product> teeRecord = new MappedRecord<>(tee, Json.MAPPER.createObjectNode().put("description", "T-shirt"));
        LightspeedRetail first = pos();
        first.items().create(teeRecord);
        first.items().create(variant("TEE-NAVY-M", "TEE", "Navy", "M"));

        LightspeedRetail restarted = LightspeedRetail.connect(settings(sandbox).build());
        restarted.items().create(variant("TEE-SAND-L", "TEE", "Sand", "L"));
        restarted.items().create(teeRecord);

        assertThat(sandbox.records("ItemMatrix")).hasSize(1);
        assertThat(sandbox.records("Item")).extracting(i -> i.path("itemMatrixID").asText()).containsOnly("1");
    }

    @Test
    void aConfigurableProductWithoutAMatchingAttributeSetIsRejectedWithTheReason() {
        Product odd = Product.builder(new Ref("erp", EntityType.PRODUCT, "ODD"), "ODD", Instant.now()).name("Odd")
                .type(ProductType.CONFIGURABLE).attributes(Map.of("material", "")).build();

        assertThatThrownBy(() -> pos().items().create(new MappedRecord<>(odd, Json.MAPPER.createObjectNode().put("description", "Odd"))))
                .isInstanceOfSatisfying(RecordRejectedException.class, e -> assertThat(e.fieldPath()).contains("attributes"))
                .hasMessageContaining("no ItemAttributeSet with the axes [material]");
    }

    @Test
    void stockIsReadPerShopWithoutTheAllShopsSummary() {
        ObjectNode mug = sandbox.seed("Item", item("MUG-1", "Mug"));
        for (ObjectNode s : sandbox.records("ItemShop")) {
            if (!s.path("shopID").asText().equals("0")) {
                sandbox.modify("ItemShop", s.get("itemShopID").asText(), "qoh", s.path("shopID").asText().equals("1") ? "4" : "6");
            }
        }

        List<StockLevel> levels = pos().stock().changesSince(Cursor.initial(), 100).records();

        assertThat(levels).extracting(StockLevel::sku, StockLevel::location, l -> l.onHand().intValue())
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("MUG-1", "1", 4),
                        org.assertj.core.groups.Tuple.tuple("MUG-1", "2", 6));
        assertThat(sandbox.records("ItemShop")).filteredOn(s -> s.path("shopID").asText().equals("0"))
                .singleElement().satisfies(s -> assertThat(s.path("qoh").asText()).isEqualTo("10"));
        assertThat(mug.get("itemID").asText()).isNotBlank();
    }

    @Test
    void stockIsWrittenToTheShopOfItsLocation() {
        sandbox.seed("Item", item("MUG-1", "Mug"));
        LightspeedRetail pos = pos();
        StockLevel level = StockLevel.of("erp", "MUG-1", "2", new BigDecimal("17"), BigDecimal.ZERO, new BigDecimal("17"), Instant.now());
        Ref target = pos.stock().find(NaturalKey.sku("MUG-1")).orElseThrow();

        pos.stock().update(target, new MappedRecord<>(level, Json.MAPPER.createObjectNode().put("qoh", 17)));

        assertThat(sandbox.records("ItemShop")).filteredOn(s -> s.path("shopID").asText().equals("2"))
                .singleElement().satisfies(s -> assertThat(s.path("qoh").asText()).isEqualTo("17"));
    }

    @Test
    void stockForALocationThatIsNoShopNeedsTheStockShopSetting() {
        sandbox.seed("Item", item("MUG-1", "Mug"));
        StockLevel level = StockLevel.of("erp", "MUG-1", "ALL", new BigDecimal("3"), BigDecimal.ZERO, new BigDecimal("3"), Instant.now());
        LightspeedRetail unset = pos();
        Ref target = unset.stock().find(NaturalKey.sku("MUG-1")).orElseThrow();
        MappedRecord<StockLevel> record = new MappedRecord<>(level, Json.MAPPER.createObjectNode().put("qoh", 3));

        assertThatThrownBy(() -> unset.stock().update(target, record)).hasMessageContaining("set stockShop");

        LightspeedRetail configured = LightspeedRetail.connect(settings(sandbox).stockShop("1").build());
        configured.stock().update(configured.stock().find(NaturalKey.sku("MUG-1")).orElseThrow(), record);
        assertThat(sandbox.records("ItemShop")).filteredOn(s -> s.path("shopID").asText().equals("1"))
                .singleElement().satisfies(s -> assertThat(s.path("qoh").asText()).isEqualTo("3"));
    }

    @Test
    void onlyCompletedNotVoidedSalesOfTheConfiguredShopsAreRead() {
        ObjectNode mug = sandbox.seed("Item", item("MUG-1", "Mug"));
        String[][] sales = {{"true", "false", "1"}, {"false", "false", "1"}, {"true", "true", "1"}, {"true", "false", "2"}};
        for (String[] s : sales) {
            ObjectNode sale = Json.MAPPER.createObjectNode().put("completed", s[0]).put("voided", s[1]).put("shopID", s[2]);
            sale.putObject("SaleLines").putArray("SaleLine").addObject().put("itemID", mug.get("itemID").asText())
                    .put("unitQuantity", "1").put("unitPrice", "9.95").put("tax1Rate", "0.21");
            sandbox.seed("Sale", sale);
        }

        List<io.possync.api.Order> orders = LightspeedRetail.connect(settings(sandbox).shops("1").build()).sales()
                .changesSince(Cursor.initial(), 100).records();

        assertThat(orders).singleElement().satisfies(o -> {
            assertThat(o.number()).isEqualTo("1");
            assertThat(o.lines()).singleElement().satisfies(l -> assertThat(l.sku()).isEqualTo("MUG-1"));
            assertThat(o.totals().gross()).isEqualByComparingTo("12.04");
        });
    }

    @Test
    void aMissingRecordIsEmptyNotAnError() {
        assertThat(pos().items().fetch("999")).isEmpty();
    }

    @Test
    void aWrongClientSecretIsAnAuthenticationFailure() {
        LightspeedRetail pos = LightspeedRetail.connect(LightspeedRetailSettings.builder(sandbox.clientId(), Secret.of("wrong"),
                Secret.of(sandbox.initialRefreshToken())).endpoints(sandbox.apiUri(), sandbox.tokenUri()).build());

        assertThatThrownBy(pos::accountId).isInstanceOf(AuthenticationException.class).hasMessageNotContaining("wrong");
    }

    @Test
    void aConflictOnAWriteRejectsTheRecordWithTheVendorsStatus() {
        LightspeedRetail pos = pos();
        pos.accountId();
        sandbox.faults().nextWrite(Fault.status(409));

        assertThatThrownBy(() -> pos.customers().create(customer("a@b.nl", "A", "B")))
                .isInstanceOfSatisfying(RecordRejectedException.class, e -> assertThat(e.vendorCode()).contains("409"));
    }

    @Test
    void throttlingWithAndWithoutRetryAfterAndOutagesAreRetried() {
        sandbox.seed("Item", item("MUG-1", "Mug"));
        LightspeedRetail pos = pos();
        pos.accountId();
        sandbox.faults().next(Fault.status(429)).next(Fault.status(429, Duration.ofSeconds(1))).next(Fault.status(503))
                .next(Fault.status(500));

        assertThat(pos.items().find(NaturalKey.sku("MUG-1"))).isPresent();
        assertThat(sandbox.faults().injected()).isEqualTo(4);
    }

    @Test
    void aTimedOutOrMalformedReadIsRetried() {
        sandbox.seed("Item", item("MUG-1", "Mug"));
        LightspeedRetail pos = pos();
        pos.accountId();
        sandbox.faults().next(Fault.delay(Duration.ofSeconds(3))).next(Fault.malformed());

        assertThat(pos.items().find(NaturalKey.sku("MUG-1"))).isPresent();
        assertThat(sandbox.faults().injected()).isEqualTo(2);
    }

    @Test
    void aPersistentOutageIsTransient() {
        LightspeedRetail pos = pos();
        pos.accountId();
        for (int i = 0; i < 10; i++) {
            sandbox.faults().next(Fault.status(503));
        }

        assertThatThrownBy(() -> pos.items().find(NaturalKey.sku("MUG-1"))).isInstanceOf(TransientException.class);
    }

    @Test
    void aCreateWhoseAnswerIsLostIsAnUnknownOutcomeAndWasNotSentTwice() {
        LightspeedRetail pos = pos();
        pos.accountId();
        sandbox.faults().nextWrite(Fault.lostResponse());

        assertThatThrownBy(() -> pos.customers().create(customer("a@b.nl", "A", "B")))
                .isInstanceOf(WriteOutcomeUnknownException.class);
        assertThat(sandbox.records("Customer")).hasSize(1);
        assertThat(pos.customers().find(NaturalKey.email("a@b.nl"))).isPresent();
    }

    @Test
    void aCancelledErpOrderVoidsItsSaleAndACompletedOneChangesNothing() {
        ObjectNode mug = sandbox.seed("Item", item("MUG-1", "Mug"));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            ObjectNode sale = Json.MAPPER.createObjectNode().put("completed", "true").put("shopID", "1");
            sale.putObject("SaleLines").putArray("SaleLine").addObject().put("itemID", mug.get("itemID").asText())
                    .put("unitQuantity", "1").put("unitPrice", "9.95");
            ids.add(sandbox.seed("Sale", sale).get("saleID").asText());
        }
        LightspeedRetail pos = pos();

        pos.sales().writeStatus(new Ref("lightspeed", EntityType.ORDER, ids.get(0)), io.possync.api.OrderStatus.CANCELLED);
        pos.sales().writeStatus(new Ref("lightspeed", EntityType.ORDER, ids.get(1)), io.possync.api.OrderStatus.PAID);

        assertThat(sandbox.records("Sale")).extracting(s -> s.path("voided").asText()).containsExactly("true", "false");
        assertThatThrownBy(() -> pos.sales().writeStatus(new Ref("lightspeed", EntityType.ORDER, ids.get(1)),
                io.possync.api.OrderStatus.REFUNDED)).isInstanceOf(RecordRejectedException.class).hasMessageContaining("no status");
    }

    @Test
    void aNewItemGetsTheProductsMainImageAsItsOneImage() throws Exception {
        byte[] jpeg = "\u00ff\u00d8 a tiny jpeg".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        com.sun.net.httpserver.HttpServer cdn = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        cdn.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, jpeg.length);
            exchange.getResponseBody().write(jpeg);
            exchange.close();
        });
        cdn.start();
        try {
            String url = "http://127.0.0.1:" + cdn.getAddress().getPort() + "/mug.jpg";
            Product mug = Product.builder(new Ref("erp", EntityType.PRODUCT, "MUG-9"), "MUG-9", Instant.now()).name("Mug")
                    .imageUrls(List.of(url)).build();
            LightspeedRetail pos = pos();

            Ref item = pos.items().create(new MappedRecord<>(mug, Json.MAPPER.createObjectNode().put("description", "Mug")
                    .put("customSku", "MUG-9")));
            pos.items().update(item, new MappedRecord<>(mug, Json.MAPPER.createObjectNode().put("description", "Mug")));

            Product read = pos.items().fetch(item.id()).orElseThrow();
            assertThat(read.imageUrls()).as("one image, not uploaded again on update").hasSize(1);
            java.net.http.HttpResponse<byte[]> served = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(read.imageUrls().get(0))).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            assertThat(served.body()).isEqualTo(jpeg);
        } finally {
            cdn.stop(0);
        }
    }
}
