package io.possync.connector.lightspeed.xseries;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.possync.api.AuthenticationException;
import io.possync.api.Customer;
import io.possync.api.CustomerKind;
import io.possync.api.Cursor;
import io.possync.api.EntityType;
import io.possync.api.MappedRecord;
import io.possync.api.NaturalKey;
import io.possync.api.Order;
import io.possync.api.OrderStatus;
import io.possync.api.Page;
import io.possync.api.Product;
import io.possync.api.ProductType;
import io.possync.api.Ref;
import io.possync.api.StockLevel;
import io.possync.api.http.RetryPolicy;
import io.possync.api.http.Secret;
import io.possync.api.internal.Json;
import io.possync.testkit.Fault;
import io.possync.testkit.ScaledTime;
import io.possync.testkit.lightspeed.XSeriesSandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

/** The X-Series connector against its sandbox: shapes, the version feed, rotating tokens and the request budget. */
class XSeriesConnectorTest {

    private final ScaledTime time = ScaledTime.startingAt(Instant.parse("2026-11-01T09:00:00Z"), 1_000);
    private final XSeriesSandbox sandbox = XSeriesSandbox.builder().outlet("Amsterdam").outlet("Utrecht").time(time).start();
    private final List<String> stored = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private XSeriesSettings.Builder settings() {
        return SandboxSettings.of(sandbox).timeSource(time)
                .onTokenRotation(t -> stored.add(t.reveal()))
                .retryPolicy(RetryPolicy.builder().maxAttempts(6).initialBackoff(Duration.ofMillis(20))
                        .maxElapsed(Duration.ofHours(1)).build());   // an hour of a clock 1,000 times faster
    }

    private ObjectNode product(String sku, String parentId) {
        ObjectNode p = Json.MAPPER.createObjectNode().put("name", "Organic T-shirt").put("sku", sku).put("active", true)
                .put("price_including_tax", new BigDecimal("29.00")).put("price_excluding_tax", new BigDecimal("23.97"))
                .put("supply_price", new BigDecimal("11.00")).put("has_variants", parentId == null && sku.equals("TEE"));
        if (parentId != null) {
            p.put("variant_parent_id", parentId).put("variant_name", "Organic T-shirt / Navy / M");
            ArrayNode options = p.putArray("variant_options");
            options.addObject().put("name", "Colour").put("value", "Navy");
            options.addObject().put("name", "Size").put("value", "M");
        } else {
            p.putNull("variant_parent_id");
        }
        return sandbox.seed("products", p);
    }

    private ObjectNode sale(String productId, String status, String outlet, int n) {
        ObjectNode s = Json.MAPPER.createObjectNode().put("invoice_number", "INV-" + n).put("status", status).put("outlet_id", outlet)
                .put("sale_date", "2026-11-01T10:00:00Z").put("total_price", new BigDecimal("47.94")).put("total_tax", new BigDecimal("10.06"));
        s.putArray("line_items").addObject().put("product_id", productId).put("quantity", 2)
                .put("unit_price", new BigDecimal("23.97")).put("unit_tax", new BigDecimal("5.03")).put("total_discount", new BigDecimal("0"));
        s.putArray("payments").addObject().put("name", "Card").put("amount", new BigDecimal("58.00"));
        return sandbox.seed("sales", s);
    }

    @Test
    void aProductWhoseInventoryIsNotTrackedIsReadAsManagingNoStock() {
        sandbox.seed("products", Json.MAPPER.createObjectNode().put("name", "Gift wrapping").put("sku", "GIFTWRAP").put("active", true)
                .put("price_including_tax", new BigDecimal("2.00")).put("has_variants", false).put("has_inventory", false)
                .putNull("variant_parent_id"));
        product("TEE-PLAIN", null);

        List<Product> products = LightspeedXSeries.connect(settings().build()).products().changesSince(Cursor.initial(), 100).records();

        assertThat(products).extracting(Product::sku, Product::managesStock).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("GIFTWRAP", false), org.assertj.core.groups.Tuple.tuple("TEE-PLAIN", true));
    }

    @Test
    void aVariantIsReadWithItsFamilysParentSkuOptionsAndPrice() {
        String parent = product("TEE", null).get("id").asText();
        product("TEE-NAVY-M", parent);

        List<Product> products = LightspeedXSeries.connect(settings().build()).products().changesSince(Cursor.initial(), 100).records();

        assertThat(products).extracting(Product::sku, Product::type).containsExactly(
                org.assertj.core.groups.Tuple.tuple("TEE", ProductType.CONFIGURABLE),
                org.assertj.core.groups.Tuple.tuple("TEE-NAVY-M", ProductType.VARIANT));
        Product variant = products.get(1);
        assertThat(variant.parentSku()).contains("TEE");
        assertThat(variant.name()).isEqualTo("Organic T-shirt / Navy / M");
        assertThat(variant.attributes()).containsExactly(entry("colour", "Navy"), entry("size", "M"));
        assertThat(variant.price()).hasValueSatisfying(p -> {
            assertThat(p.amount()).isEqualByComparingTo("29.00");
            assertThat(p.includesTax()).isTrue();
        });
        assertThat(variant.cost()).hasValueSatisfying(c -> assertThat(c.amount()).isEqualByComparingTo("11.00"));
    }

    @Test
    void closedSalesOfTheConfiguredOutletsAreReadOnceAcrossPagesWithTheirLinesAndPayments() {
        String product = product("MUG", null).get("id").asText();
        List<String> outlets = sandbox.outletIds();
        for (int i = 0; i < 450; i++) {
            sale(product, i % 10 == 9 ? "VOIDED" : "CLOSED", outlets.get(i % 3 == 2 ? 1 : 0), i);
        }
        LightspeedXSeries pos = LightspeedXSeries.connect(settings().pageSize(100).outlets(outlets.get(0)).build());

        List<Order> orders = new ArrayList<>();
        Cursor cursor = Cursor.initial();
        Page<Order> page;
        do {
            page = pos.sales().changesSince(cursor, 100);
            orders.addAll(page.records());
            cursor = page.next();
        } while (page.hasMore());

        long expected = java.util.stream.IntStream.range(0, 450).filter(i -> i % 10 != 9 && i % 3 != 2).count();
        Set<String> numbers = new HashSet<>();
        orders.forEach(o -> numbers.add(o.number()));
        assertThat(orders).hasSize((int) expected);
        assertThat(numbers).hasSize((int) expected);
        Order first = orders.get(0);
        assertThat(first.status()).isEqualTo(OrderStatus.COMPLETED);
        assertThat(first.lines()).singleElement().satisfies(l -> {
            assertThat(l.sku()).isEqualTo("MUG");
            assertThat(l.quantity()).isEqualByComparingTo("2");
            assertThat(l.taxRate()).isEqualByComparingTo("20.98");
        });
        assertThat(first.payments()).singleElement().satisfies(p -> {
            assertThat(p.method()).isEqualTo("Card");
            assertThat(p.amount()).isEqualByComparingTo("58.00");
        });
        assertThat(first.totals().gross()).isEqualByComparingTo("58.00");

        assertThat(pos.sales().changesSince(cursor, 100).records()).as("nothing new").isEmpty();
        String changed = sandbox.records("sales").get(0).get("id").asText();
        sandbox.modify("sales", changed, "note", TextNode.valueOf("corrected"));
        assertThat(pos.sales().changesSince(cursor, 100).records()).extracting(o -> o.sourceRef().id()).containsExactly(changed);
    }

    @Test
    void aCreatedCustomerIsFoundByEmailAndReadAsACompanyWithItsContact() {
        LightspeedXSeries pos = LightspeedXSeries.connect(settings().build());
        Customer source = Customer.builder(new Ref("erp", EntityType.CUSTOMER, "10000"), Instant.now()).email("piet@jansen.nl").build();
        ObjectNode fields = Json.MAPPER.createObjectNode().put("first_name", "Piet").put("last_name", "Jansen")
                .put("company_name", "Bakkerij Jansen").put("email", "piet@jansen.nl").put("physical_city", "Utrecht")
                .put("physical_country_id", "NL");

        Ref created = pos.customers().create(new MappedRecord<>(source, fields));

        assertThat(pos.customers().find(NaturalKey.email("PIET@jansen.nl"))).contains(created);
        assertThat(pos.customers().fetch(created.id())).hasValueSatisfying(c -> {
            assertThat(c.kind()).isEqualTo(CustomerKind.COMPANY);
            assertThat(c.contactPerson()).hasValueSatisfying(p -> assertThat(p.lastName()).contains("Jansen"));
            assertThat(c.billingAddress()).hasValueSatisfying(a -> assertThat(a.country()).isEqualTo("NL"));
        });
    }

    @Test
    void inventoryIsReadPerOutletWithTheProductsSku() {
        String product = product("MUG", null).get("id").asText();
        for (String outlet : sandbox.outletIds()) {
            sandbox.seed("inventory", Json.MAPPER.createObjectNode().put("product_id", product).put("outlet_id", outlet)
                    .put("inventory_level", 7));
        }

        List<StockLevel> levels = LightspeedXSeries.connect(settings().build()).inventory().changesSince(Cursor.initial(), 100).records();

        assertThat(levels).hasSize(2).allSatisfy(l -> {
            assertThat(l.sku()).isEqualTo("MUG");
            assertThat(l.onHand()).isEqualByComparingTo("7");
        }).extracting(StockLevel::location).containsExactlyElementsOf(sandbox.outletIds());
    }

    @Test
    void rotatedRefreshTokensReachTheCallbackAndTheOldOneIsRefused() {
        product("MUG", null);
        String initial = sandbox.issuedRefreshTokens().get(0);
        LightspeedXSeries pos = LightspeedXSeries.connect(settings().build());
        pos.products().changesSince(Cursor.initial(), 100);
        sandbox.expireAccessTokens();

        assertThat(pos.products().changesSince(Cursor.initial(), 100).records()).hasSize(1);
        assertThat(stored).containsExactlyElementsOf(sandbox.issuedRefreshTokens().subList(1, sandbox.issuedRefreshTokens().size()))
                .hasSize(2);
        LightspeedXSeries stale = LightspeedXSeries.connect(XSeriesSettings.builder("possyncdemo", sandbox.clientId(),
                Secret.of(sandbox.clientSecret()), Secret.of(initial)).endpoints(sandbox.apiUri(), sandbox.tokenUri()).timeSource(time).build());
        assertThatThrownBy(() -> stale.products().changesSince(Cursor.initial(), 1)).isInstanceOf(AuthenticationException.class);
    }

    @Test
    void requestsAnotherClientMadeAreCountedFromTheRemainingHeaderSoNoneMeets429() {
        // A slower clock than the other tests': 300 requests must fit well inside one 5-minute window.
        ScaledTime slower = ScaledTime.startingAt(Instant.parse("2026-11-01T09:00:00Z"), 100);
        try (XSeriesSandbox shared = XSeriesSandbox.builder().time(slower).start()) {
            String product = shared.seed("products", Json.MAPPER.createObjectNode().put("name", "Mug").put("sku", "MUG"))
                    .get("id").asText();
            java.util.function.Supplier<LightspeedXSeries> connect = () -> {
                List<String> issued = shared.issuedRefreshTokens();
                return LightspeedXSeries.connect(XSeriesSettings.builder("possyncdemo", shared.clientId(),
                        Secret.of(shared.clientSecret()), Secret.of(issued.get(issued.size() - 1)))
                        .endpoints(shared.apiUri(), shared.tokenUri()).timeSource(slower).build());
            };
            LightspeedXSeries other = connect.get();
            long otherStart = slower.nanoTime();
            for (int i = 0; i < 300; i++) {
                other.products().fetch(product);
            }
            double otherSeconds = (slower.nanoTime() - otherStart) / 1e9;
            LightspeedXSeries pos = connect.get();

            long start = slower.nanoTime();
            for (int i = 0; i < 100; i++) {
                assertThat(pos.products().fetch(product)).isPresent();
            }
            double seconds = (slower.nanoTime() - start) / 1e9;

            assertThat(shared.throttledCount()).isZero();
            assertThat(seconds).as("the other client used 300 of 350 in %.0f s: the rest waited for the window", otherSeconds)
                    .isGreaterThan(300 - otherSeconds - 60);
        }
    }

    @Test
    void a429WithAnHttpDateRetryAfterAndA503AreRetried() {
        String product = product("MUG", null).get("id").asText();
        LightspeedXSeries pos = LightspeedXSeries.connect(settings().build());
        pos.products().fetch(product);
        sandbox.faults().next(Fault.status(429, Duration.ofSeconds(30))).next(Fault.status(503)).next(Fault.malformed());

        assertThat(pos.products().fetch(product)).isPresent();
        assertThat(sandbox.faults().injected()).isEqualTo(3);
    }
}
