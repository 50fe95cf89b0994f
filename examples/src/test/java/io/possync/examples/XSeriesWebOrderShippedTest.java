package io.possync.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.possync.api.OrderKind;
import io.possync.api.http.Secret;
import io.possync.api.internal.Json;
import io.possync.connector.businesscentral.BusinessCentral;
import io.possync.connector.businesscentral.BusinessCentralSettings;
import io.possync.connector.lightspeed.xseries.LightspeedXSeries;
import io.possync.connector.lightspeed.xseries.XSeriesSettings;
import io.possync.core.Flow;
import io.possync.core.SyncEngine;
import io.possync.core.SyncReport;
import io.possync.core.state.InMemoryStateStore;
import io.possync.testkit.businesscentral.BusinessCentralSandbox;
import io.possync.testkit.lightspeed.XSeriesSandbox;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An X-Series web order's round trip through Business Central: the sale awaiting dispatch becomes a sales order, the
 * warehouse posts its shipment in Business Central, and the shipment fulfils the sale in X-Series.
 */
class XSeriesWebOrderShippedTest {

    private final XSeriesSandbox pos = XSeriesSandbox.builder().outlet("Amsterdam").start();
    private final BusinessCentralSandbox erp = BusinessCentralSandbox.builder().start();
    private final SyncEngine engine = SyncEngine.builder().stateStore(new InMemoryStateStore()).build();

    @AfterEach
    void stop() {
        pos.close();
        erp.close();
    }

    private LightspeedXSeries xseries() {
        List<String> issued = pos.issuedRefreshTokens();
        return LightspeedXSeries.connect(XSeriesSettings.builder("possyncdemo", pos.clientId(), Secret.of(pos.clientSecret()),
                Secret.of(issued.get(issued.size() - 1))).endpoints(pos.apiUri(), pos.tokenUri()).includeWebOrders(true).build());
    }

    private BusinessCentral businessCentral() {
        return BusinessCentral.connect(BusinessCentralSettings.builder(BusinessCentralSettings.cloud(erp.tenant(), erp.environment(),
                        erp.clientId(), Secret.of(erp.clientSecret())), erp.companyName())
                .apiHost(erp.apiHost()).loginHost(erp.loginHost()).build());
    }

    private String webSale(String invoiceNumber, String sku) {
        String product = pos.seed("products", Json.MAPPER.createObjectNode().put("name", "Mug " + sku).put("sku", sku)
                .put("active", true).put("price_including_tax", new BigDecimal("9.95")).putNull("variant_parent_id")).get("id").asText();
        erp.seed("items", Json.MAPPER.createObjectNode().put("number", sku).put("displayName", "Mug " + sku).put("type", "Inventory")
                .put("unitPrice", 9.95));
        ObjectNode sale = Json.MAPPER.createObjectNode().put("status", "AWAITING_DISPATCH").put("invoice_number", invoiceNumber)
                .put("sale_date", "2026-12-01T10:00:00Z").put("total_price", new BigDecimal("16.45"))
                .put("total_tax", new BigDecimal("3.45"));
        sale.putArray("line_items").addObject().put("product_id", product).put("quantity", 2)
                .put("unit_price", new BigDecimal("8.22")).put("unit_tax", new BigDecimal("1.73"));
        return pos.seed("sales", sale).get("id").asText();
    }

    private String statusOf(String saleId) {
        return pos.records("sales").stream().filter(s -> s.get("id").asText().equals(saleId)).findFirst().orElseThrow()
                .path("status").asText();
    }

    @Test
    void aWebOrderShippedInBusinessCentralIsFulfilledInXSeries() {
        String shipped = webSale("WEB-1001", "MUG-1");
        String waiting = webSale("WEB-1002", "MUG-2");
        String debtor = erp.seed("customers", Json.MAPPER.createObjectNode().put("displayName", "Web shop").put("type", "Person"))
                .get("number").asText();
        LightspeedXSeries xseries = xseries();
        BusinessCentral bc = businessCentral();

        SyncReport orders = engine.run(Flow.orders("web orders→erp").from(xseries.sales()).to(bc.salesOrders()).kind(OrderKind.ORDER)
                .products(bc.items()).defaultDebtor(debtor).build());
        String salesOrder = erp.rows("salesOrders").stream().filter(o -> o.path("externalDocumentNumber").asText().equals("WEB-1001"))
                .findFirst().orElseThrow().get("id").asText();
        erp.postShipment(salesOrder);
        SyncReport status = engine.run(Flow.orderStatus("shipments→web orders").from(bc.salesShipments()).to(xseries.sales()).build());

        assertThat(orders.rejections()).isEmpty();
        assertThat(erp.rows("salesOrders")).hasSize(2);
        assertThat(status.rejections()).isEmpty();
        assertThat(statusOf(shipped)).isEqualTo("DISPATCHED_CLOSED");
        assertThat(statusOf(waiting)).isEqualTo("AWAITING_DISPATCH");
        assertThat(pos.requestCount("POST sales/fulfill")).isEqualTo(1);
    }
}
