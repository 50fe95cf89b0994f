package io.possync.testkit.businesscentral.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What posting a sales order does in the sandbox, as a user in the client or {@code Microsoft.NAV.shipAndInvoice} does
 * it: a shipment posts a {@code salesShipments} row (the order's number in {@code orderNumber}, its
 * {@code externalDocumentNumber}, one {@code salesShipmentLines} row per item line shipped; fields as in the
 * {@code salesShipment_get} and {@code salesShipmentLine_get} samples), raises each order line's {@code shippedQuantity}
 * and sets {@code fullyShipped} when nothing is left; invoicing posts a {@code salesInvoices} row (status {@code Open},
 * {@code orderId} and {@code orderNumber} of the order) and removes the fully shipped and invoiced order.
 */
final class SalesPostings {

    private final SandboxApi api;

    SalesPostings(SandboxApi api) {
        this.api = api;
    }

    /**
     * Posts a shipment of {@code quantities} (item number → quantity) of order {@code orderId}, everything left when
     * {@code quantities} is empty; returns the shipment.
     */
    ObjectNode ship(String orderId, Map<String, BigDecimal> quantities) {
        ObjectNode order = order(orderId);
        ObjectNode shipment = JsonNodeFactory.instance.objectNode()
                .put("id", UUID.randomUUID().toString())
                .put("number", api.nextPostedNumber("S-SHPT"));
        for (String field : List.of("externalDocumentNumber", "customerId", "customerNumber", "customerName", "billToName",
                "billToCustomerNumber", "shipToName", "shipToContact", "shipToAddressLine1", "shipToAddressLine2", "shipToCity",
                "shipToCountry", "shipToState", "shipToPostCode", "currencyCode", "pricesIncludeTax", "phoneNumber", "email")) {
            if (order.has(field)) {
                shipment.set(field, order.get(field));
            }
        }
        String today = api.today();
        shipment.put("invoiceDate", today).put("postingDate", today).put("dueDate", today)
                .put("customerPurchaseOrderReference", "").put("orderNumber", order.path("number").asText())
                .put("paymentTermsCode", "").put("shipmentMethodCode", "").put("salesperson", "");
        ArrayNode lines = shipment.putArray("_lines");
        Map<String, BigDecimal> toShip = new java.util.HashMap<>(quantities);
        int sequence = 0;
        for (JsonNode line : order.path("_lines")) {
            if (!line.path("lineType").asText("Item").equals("Item")) {
                continue;
            }
            BigDecimal ordered = line.path("quantity").decimalValue();
            BigDecimal shipped = line.path("shippedQuantity").decimalValue();
            BigDecimal left = ordered.subtract(shipped);
            String item = line.path("lineObjectNumber").asText();
            // A quantity per item number is shipped from the item's lines in their order.
            BigDecimal now = quantities.isEmpty() ? left : left.min(toShip.getOrDefault(item, BigDecimal.ZERO));
            if (now.signum() <= 0) {
                continue;
            }
            toShip.computeIfPresent(item, (k, v) -> v.subtract(now));
            ((ObjectNode) line).put("shippedQuantity", shipped.add(now));
            sequence += 10000;
            lines.addObject().put("id", UUID.randomUUID().toString()).put("documentId", shipment.get("id").asText())
                    .put("documentNo", shipment.get("number").asText()).put("sequence", sequence).put("lineType", "Item")
                    .put("lineObjectNumber", line.path("lineObjectNumber").asText())
                    .put("description", line.path("description").asText("")).put("unitOfMeasureCode", "PCS")
                    .put("unitPrice", line.path("unitPrice").decimalValue()).put("quantity", now)
                    .put("discountPercent", line.path("discountPercent").decimalValue())
                    .put("taxPercent", line.path("taxPercent").decimalValue()).put("shipmentDate", today);
        }
        toShip.forEach((item, rest) -> {
            if (rest.signum() > 0) {
                throw new SandboxApi.ApiError(400, "Application_DialogException", "You cannot ship " + rest.toPlainString()
                        + " more units of " + item + " than the order has left.");
            }
        });
        if (lines.isEmpty()) {
            throw new SandboxApi.ApiError(400, "Application_DialogException", "There is nothing to post.");
        }
        boolean allShipped = true;
        for (JsonNode line : order.path("_lines")) {
            if (line.path("lineType").asText("Item").equals("Item")
                    && line.path("shippedQuantity").decimalValue().compareTo(line.path("quantity").decimalValue()) < 0) {
                allShipped = false;
            }
        }
        api.modify("salesOrders", orderId, "fullyShipped", JsonNodeFactory.instance.booleanNode(allShipped));
        return api.seed("salesShipments", shipment);
    }

    /** {@code Microsoft.NAV.shipAndInvoice}: ships what is left, posts the invoice and removes the order. */
    void shipAndInvoice(String orderId) {
        ObjectNode order = order(orderId);
        if (!order.path("fullyShipped").asBoolean(false)) {
            ship(orderId, Map.of());
            order = order(orderId);
        }
        ObjectNode invoice = order.deepCopy();
        invoice.remove(List.of("fullyShipped", "partialShipping", "orderDate", "@odata.etag", "lastModifiedDateTime"));
        invoice.put("id", UUID.randomUUID().toString()).put("number", api.nextPostedNumber("PS-INV"))
                .put("orderId", orderId).put("orderNumber", order.path("number").asText()).put("status", "Open")
                .put("invoiceDate", api.today());
        invoice.set("remainingAmount", order.path("totalAmountIncludingTax"));
        api.seed("salesInvoices", invoice);
        api.remove("salesOrders", orderId);
    }

    private ObjectNode order(String orderId) {
        return api.row("salesOrders", orderId).orElseThrow(() -> new SandboxApi.ApiError(404, "Internal_RecordNotFound",
                "The salesOrders does not exist. Identification fields and values: Id='" + orderId + "'"));
    }
}
