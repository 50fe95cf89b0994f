package io.possync.connector.lightspeed.xseries;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.possync.api.Cursor;
import io.possync.api.EntityType;
import io.possync.api.Order;
import io.possync.api.OrderLine;
import io.possync.api.OrderTotals;
import io.possync.api.Payment;
import io.possync.api.Product;
import io.possync.api.Ref;
import io.possync.api.internal.Json;
import io.possync.core.Flow;
import io.possync.core.SyncEngine;
import io.possync.core.SyncReport;
import io.possync.core.state.InMemoryStateStore;
import io.possync.testkit.lightspeed.XSeriesSandbox;
import io.possync.testkit.shop.ListSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Barcodes come from {@code product_codes}; a product X-Series does not have is asked for once, not on every line. */
class XSeriesLookupsTest {

    private final XSeriesSandbox sandbox = XSeriesSandbox.builder().outlet("Amsterdam").start();

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private LightspeedXSeries pos() {
        return LightspeedXSeries.connect(SandboxSettings.sellingOnFirstRegister(sandbox).build());
    }

    @Test
    void theEanIsReadFromProductCodesAndAUpcBecomesAnEan13() {
        ObjectNode withEan = Json.MAPPER.createObjectNode().put("name", "Mug").put("sku", "MUG-1");
        withEan.putArray("product_codes").add(Json.MAPPER.createObjectNode().put("type", "CUSTOM").put("code", "123456"))
                .add(Json.MAPPER.createObjectNode().put("type", "EAN").put("code", "8712345678906"));
        ObjectNode withUpc = Json.MAPPER.createObjectNode().put("name", "Cup").put("sku", "CUP-1");
        withUpc.putArray("product_codes").add(Json.MAPPER.createObjectNode().put("type", "UPC").put("code", "012345678905"));
        sandbox.seed("products", withEan);
        sandbox.seed("products", withUpc);

        List<Product> products = pos().products().changesSince(Cursor.initial(), 100).records();

        assertThat(products).filteredOn(p -> p.sku().equals("MUG-1")).singleElement().satisfies(p -> assertThat(p.ean()).contains("8712345678906"));
        assertThat(products).filteredOn(p -> p.sku().equals("CUP-1")).singleElement().satisfies(p -> assertThat(p.ean()).contains("0012345678905"));
    }

    @Test
    void aSkuXSeriesDoesNotHaveIsLookedUpOnceForAllLinesAndSales() {
        List<Order> orders = List.of(order("WEB-1"), order("WEB-2"));
        SyncEngine engine = SyncEngine.builder().stateStore(new InMemoryStateStore()).build();
        long before = sandbox.requestCount();

        SyncReport report = engine.run(Flow.orders("s").from(new ListSource<>("webshop", orders)).to(pos().sales()).build());

        assertThat(report.rejections()).hasSize(2).allSatisfy(r -> assertThat(r.reason()).contains("'GONE-1' is not in X-Series"));
        long searches = sandbox.requestCount() - before;
        assertThat(searches).as("requests for two sales of a missing product (two lines each)").isLessThanOrEqualTo(4);
    }

    private static Order order(String number) {
        return Order.builder(new Ref("webshop", EntityType.ORDER, number), number, Instant.parse("2026-11-20T10:00:00Z")).currency("EUR")
                .lines(List.of(OrderLine.of("GONE-1", "Gone", BigDecimal.ONE, new BigDecimal("5"), new BigDecimal("21")),
                        OrderLine.of("GONE-1", "Gone", BigDecimal.ONE, new BigDecimal("5"), new BigDecimal("21"))))
                .payments(List.of(new Payment("Cash", new BigDecimal("10"))))
                .totals(new OrderTotals(new BigDecimal("8.26"), new BigDecimal("1.74"), new BigDecimal("10"))).build();
    }
}
