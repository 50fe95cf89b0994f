package io.possync.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.possync.api.CategoryPath;
import io.possync.api.EntityType;
import io.possync.api.MappingDefaults;
import io.possync.api.Money;
import io.possync.api.Order;
import io.possync.api.Price;
import io.possync.api.Product;
import io.possync.api.Ref;
import io.possync.api.StockLevel;
import io.possync.api.http.Secret;
import io.possync.api.internal.Json;
import io.possync.connector.buchhaltungsbutler.BuchhaltungsButler;
import io.possync.connector.buchhaltungsbutler.BuchhaltungsButlerSettings;
import io.possync.connector.businesscentral.BusinessCentral;
import io.possync.connector.businesscentral.BusinessCentralSettings;
import io.possync.connector.lightspeed.LightspeedRetail;
import io.possync.connector.lightspeed.LightspeedRetailSettings;
import io.possync.connector.lightspeed.xseries.LightspeedXSeries;
import io.possync.connector.lightspeed.xseries.XSeriesSettings;
import io.possync.connector.mpluskassa.MplusKassa;
import io.possync.connector.accountview.AccountView;
import io.possync.connector.accountview.AccountViewSettings;
import io.possync.connector.winstore.Winstore;
import io.possync.connector.winstore.WinstoreSettings;
import io.possync.connector.mpluskassa.MplusSettings;
import io.possync.core.mapping.Mapping;
import io.possync.core.mapping.internal.CompiledMapping;
import io.possync.testkit.shop.SyntheticShop;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every connector's default mapping is evaluated directly (not by the JSONata interpreter), and
 * yields over synthetic shop data exactly what the interpreter yields.
 */
class DefaultMappingsTest {

    private static final Instant T = Instant.parse("2026-11-23T00:00:00Z");

    static Stream<Arguments> defaultMappings() {
        BusinessCentral bc = BusinessCentral.connect(BusinessCentralSettings.builder(
                BusinessCentralSettings.cloud("t", "e", "c", Secret.of("s")),
                "x")
                .homeCountry("NL").taxCode("NL", new BigDecimal("21"), "HOOG").taxCode("NL", new BigDecimal("9"), "LAAG")
                .taxCode("BE", new BigDecimal("21"), "BE21").shippingAccount("NL", "8100").shippingAccount("*", "8190").build());
        LightspeedRetail ls = LightspeedRetail.connect(LightspeedRetailSettings.builder("id", Secret.of("s"), Secret.of("r"))
                .accountId("1").salesInto("1", "1", "1").build());
        LightspeedXSeries xs = LightspeedXSeries.connect(XSeriesSettings.builder("shop", "id", Secret.of("s"), Secret.of("r")).build());
        MplusKassa mplus = MplusKassa.connect(MplusSettings.builder(43_200, "ident", Secret.of("s")).build());
        BuchhaltungsButler bb = BuchhaltungsButler.connect(BuchhaltungsButlerSettings.builder("client", Secret.of("s"),
                Secret.of("k")).build());
        AccountView av = AccountView.connect(AccountViewSettings.builder("id", Secret.of("s"), Secret.of("r"), "DEMO")
                .revenueAccount("*", "8000").revenueAccount("BE", "8100").vatCode("*", new BigDecimal("21"), "2")
                .vatCode("NL", new BigDecimal("9"), "1").shippingArticle("VERZEND").build());
        Winstore winstore = Winstore.connect(WinstoreSettings.builder("user", Secret.of("s")).branch(1).build());
        return Stream.of(
                Arguments.of("Business Central sales invoices", bc.salesInvoices().defaultMapping(), EntityType.ORDER),
                Arguments.of("Business Central sales orders", bc.salesOrders().defaultMapping(), EntityType.ORDER),
                Arguments.of("Business Central customers", bc.customers().defaultMapping(), EntityType.CUSTOMER),
                Arguments.of("Business Central items", bc.items().defaultMapping(), EntityType.PRODUCT),
                Arguments.of("Business Central stock", bc.stock().defaultMapping(), EntityType.STOCK_LEVEL),
                Arguments.of("Lightspeed sales", ls.sales().defaultMapping(), EntityType.ORDER),
                Arguments.of("Lightspeed customers", ls.customers().defaultMapping(), EntityType.CUSTOMER),
                Arguments.of("Lightspeed items", ls.items().defaultMapping(), EntityType.PRODUCT),
                Arguments.of("Lightspeed stock", ls.stock().defaultMapping(), EntityType.STOCK_LEVEL),
                Arguments.of("X-Series sales", xs.sales().defaultMapping(), EntityType.ORDER),
                Arguments.of("X-Series customers", xs.customers().defaultMapping(), EntityType.CUSTOMER),
                Arguments.of("X-Series products", xs.products().defaultMapping(), EntityType.PRODUCT),
                Arguments.of("X-Series inventory", xs.inventory().defaultMapping(), EntityType.STOCK_LEVEL),
                Arguments.of("MplusKASSA orders", mplus.orders().defaultMapping(), EntityType.ORDER),
                Arguments.of("MplusKASSA invoices", mplus.invoices().defaultMapping(), EntityType.ORDER),
                Arguments.of("MplusKASSA proposals", mplus.proposals().defaultMapping(), EntityType.ORDER),
                Arguments.of("MplusKASSA relations", mplus.relations().defaultMapping(), EntityType.CUSTOMER),
                Arguments.of("MplusKASSA articles", mplus.articles().defaultMapping(), EntityType.PRODUCT),
                Arguments.of("MplusKASSA stock", mplus.stock().defaultMapping(), EntityType.STOCK_LEVEL),
                Arguments.of("BuchhaltungsButler receipts", bb.receipts().defaultMapping(), EntityType.ORDER),
                Arguments.of("BuchhaltungsButler debtors", bb.debtors().defaultMapping(), EntityType.CUSTOMER),
                Arguments.of("Winstore orders", winstore.orders().defaultMapping(), EntityType.ORDER),
                Arguments.of("AccountView debtors", av.debtors().defaultMapping(), EntityType.CUSTOMER),
                Arguments.of("AccountView sales orders", av.salesOrders().defaultMapping(), EntityType.ORDER),
                Arguments.of("AccountView sales invoices", av.salesInvoices().defaultMapping(), EntityType.ORDER));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("defaultMappings")
    void everyFieldIsEvaluatedDirectly(String name, MappingDefaults defaults, EntityType type) {
        assertThat(CompiledMapping.compile(Mapping.of(defaults)).interpretedTargets()).as(name).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("defaultMappings")
    void directEvaluationYieldsWhatTheInterpreterYields(String name, MappingDefaults defaults, EntityType type) {
        CompiledMapping direct = CompiledMapping.compile(Mapping.of(defaults));
        CompiledMapping interpreted = CompiledMapping.compile(Mapping.of(defaults), false);
        List<ObjectNode> inputs = inputs(type);
        for (ObjectNode input : inputs) {
            for (boolean forUpdate : new boolean[] {false, true}) {
                JsonNode expected = interpreted.apply(input, new Ref("pos", type, "1"), forUpdate);
                JsonNode actual = direct.apply(input, new Ref("pos", type, "1"), forUpdate);
                assertThat(actual.equals(NUMBERS_BY_VALUE, expected)).as("%s over %s:%n direct %s%n JSONata %s", name, input,
                        actual, expected).isTrue();
            }
        }
        assertThat(inputs).hasSizeGreaterThan(10);
    }

    private static final Comparator<JsonNode> NUMBERS_BY_VALUE = (x, y) -> x.isNumber() && y.isNumber()
            ? x.decimalValue().compareTo(y.decimalValue()) : x.equals(y) ? 0 : 1;

    private static List<ObjectNode> inputs(EntityType type) {
        SyntheticShop shop = SyntheticShop.builder().orders(120).linesPerOrder(3).build();
        List<ObjectNode> inputs = new ArrayList<>();
        int i = 0;
        for (Order o : shop.orders()) {
            i++;
            if (type == EntityType.ORDER) {
                ObjectNode json = Json.MAPPER.valueToTree(o);
                ObjectNode links = json.putObject("links");
                if (i % 3 == 1) {
                    links.put("customerId", "f2a5738a-44e3-ea11-bb43-000d3a2feca" + i % 10);
                } else if (i % 3 == 2) {
                    links.put("customerId", "D" + (10000 + i));
                }
                ObjectNode products = links.putObject("products");
                o.lines().forEach(l -> products.put(l.sku(), "item-" + l.sku()));
                inputs.add(json);
            } else if (type == EntityType.CUSTOMER && o.customer().isPresent()) {
                inputs.add(Json.MAPPER.valueToTree(o.customer().get()));
            }
        }
        if (type == EntityType.PRODUCT) {
            for (String sku : shop.skus()) {
                Product.Builder b = Product.builder(new Ref("pos", EntityType.PRODUCT, sku), sku, T).name("Product " + sku)
                        .price(new Price(new BigDecimal("19.950"), "EUR", true));
                if (sku.hashCode() % 2 == 0) {
                    b.ean("8712345678906").cost(new Money(new BigDecimal("7.1"), "EUR"))
                            .categories(List.of(new CategoryPath(List.of("Kleding", "T shirts heren"))))
                            .attributes(Map.of("size", "M")).published(false);
                }
                inputs.add(Json.MAPPER.valueToTree(b.build()));
            }
        }
        if (type == EntityType.STOCK_LEVEL) {
            for (String sku : shop.skus()) {
                StockLevel s = StockLevel.of("pos", sku, "shop-1", BigDecimal.TEN, BigDecimal.ONE, new BigDecimal("9.000"), T);
                ObjectNode json = Json.MAPPER.valueToTree(s);
                json.put("quantity", s.available());
                inputs.add(json);
            }
        }
        return inputs;
    }
}
