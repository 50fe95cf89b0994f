package io.possync.connector.mpluskassa;

import io.possync.api.Address;
import io.possync.api.ContactPerson;
import io.possync.api.Cursor;
import io.possync.api.Customer;
import io.possync.api.CustomerKind;
import io.possync.api.EntityType;
import io.possync.api.KeyType;
import io.possync.api.Order;
import io.possync.api.OrderLine;
import io.possync.api.OrderTotals;
import io.possync.api.Payment;
import io.possync.api.Price;
import io.possync.api.Product;
import io.possync.api.Ref;
import io.possync.api.StockLevel;
import io.possync.core.Flow;
import io.possync.core.SyncEngine;
import io.possync.core.SyncReport;
import io.possync.core.state.InMemoryStateStore;
import io.possync.testkit.mpluskassa.MplusSandbox;
import io.possync.testkit.shop.ListSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every request the connector sends — products, relations, orders and stock, written and read —
 * validates against the XML schema in the vendor's WSDL.
 */
class RequestSchemaTest {

    private static final Instant T = Instant.parse("2026-11-20T10:15:00Z");
    private final MplusSandbox sandbox = MplusSandbox.builder().start();

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void everyRequestOfEveryCapabilityIsValidAgainstTheWsdlSchema() throws Exception {
        MplusKassa mplus = MplusKassa.connect(Sandbox.settings(sandbox).build());
        InMemoryStateStore store = new InMemoryStateStore();
        SyncEngine engine = SyncEngine.builder().stateStore(store).build();
        Product tee = Product.builder(new Ref("erp", EntityType.PRODUCT, "1"), "100231", T).name("T-shirt & co").ean("8712345678906")
                .categories(List.of(io.possync.api.CategoryPath.of("Men", "Shirts")))
                .price(new Price(new BigDecimal("19.95"), "EUR", true)).build();
        Product mug = Product.builder(new Ref("erp", EntityType.PRODUCT, "2"), "100232", T).name("Mug")
                .price(new Price(new BigDecimal("6.50"), "EUR", false)).build();
        Customer company = Customer.builder(new Ref("erp", EntityType.CUSTOMER, "C1"), T).kind(CustomerKind.COMPANY)
                .companyName("Bakkerij Jansen").contactPerson(ContactPerson.of("Piet", "Jansen")).email("piet@bakkerij.example")
                .phone("+31 30 123").vatNumber("NL001").billingAddress(Address.builder().street("Oudegracht").houseNumber("1")
                        .postalCode("3511 AA").city("Utrecht").country("NL").build()).build();
        Order order = Order.builder(new Ref("shop", EntityType.ORDER, "9"), "WEB-1042", T).createdAt(T).currency("EUR")
                .customer(company)
                .lines(List.of(new OrderLine("100231", java.util.Optional.empty(), "T-shirt", new BigDecimal("2"), new BigDecimal("19.95"),
                                new BigDecimal("21"), new BigDecimal("1.00")),
                        OrderLine.of("100232", "Mug", new BigDecimal("0.5"), new BigDecimal("6.50"), new BigDecimal("21"))))
                .payments(List.of(new Payment("PIN", new BigDecimal("42.15"))))
                .totals(new OrderTotals(new BigDecimal("34.83"), new BigDecimal("7.32"), new BigDecimal("42.15"))).build();

        Product redM = Product.builder(new Ref("erp", EntityType.PRODUCT, "3"), "100233", T).name("T-shirt red M")
                .type(io.possync.api.ProductType.VARIANT).parentSku("100231").attributes(java.util.Map.of("colour", "Red", "size", "M"))
                .price(new Price(new BigDecimal("19.95"), "EUR", true)).build();
        SyncReport products = engine.run(Flow.products("erp-products").from(new ListSource<>("erp", List.of(tee, mug, redM)))
                .to(mplus.articles()).build());
        SyncReport customers = engine.run(Flow.customers("erp-customers").from(new ListSource<>("erp", List.of(company)))
                .to(mplus.relations()).build());
        SyncReport orders = engine.run(Flow.orders("shop-orders").from(new ListSource<>("shop", List.of(order))).to(mplus.orders())
                .customers(mplus.relations()).products(mplus.articles()).build());
        SyncReport stock = engine.run(Flow.stock("erp-stock").from(new ListSource<>("erp", List.of(StockLevel.of("erp", "100231", "1",
                new BigDecimal("12.5"), BigDecimal.ZERO, new BigDecimal("12.5"), T)))).to(mplus.stock()).build());
        Product renamed = tee.toBuilder().name("T-shirt v2").modifiedAt(T.plusSeconds(60)).build();
        engine.run(Flow.products("erp-products").from(new ListSource<>("erp", List.of(tee, mug, redM, renamed))).to(mplus.articles())
                .build());
        Customer moved = company.toBuilder().phone("+31 30 999").modifiedAt(T.plusSeconds(60)).build();
        engine.run(Flow.customers("erp-customers").from(new ListSource<>("erp", List.of(company, moved))).to(mplus.relations()).build());
        mplus.articles().changesSince(Cursor.initial(), 50);
        mplus.relations().changesSince(Cursor.initial(), 50);
        mplus.orders().changesSince(Cursor.initial(), 50);
        mplus.stock().changesSince(Cursor.initial(), 50);
        mplus.orders().fetch(sandbox.orders().get(0).orderId());
        mplus.relations().fetch(sandbox.relations().keySet().iterator().next().toString());
        mplus.articles().findAll(List.of(new io.possync.api.NaturalKey(KeyType.SKU, "TEE-RED")));
        // Links are per source record and target system: the invoice and the offer come from records of their own.
        Order asInvoice = order.toBuilder().sourceRef(new Ref("erp", EntityType.ORDER, "inv-9")).build();
        Order asOffer = order.toBuilder().sourceRef(new Ref("erp", EntityType.ORDER, "off-9")).build();
        SyncReport invoices = engine.run(Flow.orders("erp-invoices").from(new ListSource<>("erp", List.of(asInvoice))).to(mplus.invoices())
                .customers(mplus.relations()).products(mplus.articles()).build());
        SyncReport offers = engine.run(Flow.orders("erp-offers").from(new ListSource<>("erp", List.of(asOffer))).to(mplus.proposals())
                .customers(mplus.relations()).products(mplus.articles()).build());
        sandbox.ringUp(100231, 2, "CASH", 0);
        String receipt = sandbox.ringUp(100232, 1, "PIN", sandbox.relations().keySet().iterator().next());
        mplus.receipts().changesSince(Cursor.initial(), 50);
        mplus.receipts().fetch(receipt);

        assertThat(List.of(products, customers, orders, stock, invoices, offers)).allSatisfy(r -> assertThat(r.rejections()).isEmpty());
        assertThat(bodiesContaining("<ns1:colour>Red</ns1:colour>")).as("a variant's colour was written").isTrue();
        List<String> bodies = sandbox.receivedBodies();
        Set<String> operations = new TreeSet<>();
        List<String> invalid = new ArrayList<>();
        for (String body : bodies) {
            operations.add(body.replaceAll("(?s).*<SOAP-ENV:Body><ns1:(\\w+).*", "$1"));
            try {
                WsdlSchema.validate(body);
            } catch (org.xml.sax.SAXException e) {
                invalid.add(e.getMessage() + " in " + body);
            }
        }
        assertThat(invalid).isEmpty();
        assertThat(operations).contains("createProduct", "updateProduct", "getProducts", "findRelationV2", "createRelation",
                "updateRelation", "getRelations", "getRelation", "createOrder", "getOrdersByExtOrderIds", "getOrders", "getOrder",
                "setStock", "getStock", "getStockHistoryV2", "saveInvoice", "findInvoice", "saveProposal", "getProposals", "getReceipts", "getArticleGroups",
                "newArticleGroup");
        System.out.println(bodies.size() + " requests of " + operations.size() + " operations validated: " + operations);
    }

    @Test
    void theSchemaCheckRefusesAnOrderWhoseElementsAreOutOfSequence() {
        String wrong = "<SOAP-ENV:Envelope xmlns:SOAP-ENV=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:ns1=\"urn:mplusqapi\">"
                + "<SOAP-ENV:Body><ns1:createOrder><ns1:order><ns1:extOrderId>1</ns1:extOrderId><ns1:orderId></ns1:orderId>"
                + "</ns1:order></ns1:createOrder></SOAP-ENV:Body></SOAP-ENV:Envelope>";

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> WsdlSchema.validate(wrong)).isInstanceOf(org.xml.sax.SAXException.class)
                .hasMessageContaining("extOrderId");
    }

    private boolean bodiesContaining(String text) {
        return sandbox.receivedBodies().stream().anyMatch(b -> b.contains(text));
    }
}
