package io.possync.connector.businesscentral;

import com.fasterxml.jackson.databind.JsonNode;
import io.possync.api.EntityType;
import io.possync.api.Order;
import io.possync.api.Page;
import io.possync.api.RecordRejectedException;
import io.possync.api.Ref;
import io.possync.connector.businesscentral.internal.BusinessCentralConverters;
import io.possync.connector.businesscentral.internal.BusinessCentralSession;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Posted sales shipments as the source of an order-status flow: each shipment that completes its sales order reads as
 * that order, {@code SHIPPED}, under the order's ref, so the engine traces it through the order flow's link back to
 * the shop's order.
 *
 * <pre>{@code
 * Flow.orderStatus("shipped→shop").from(businessCentral.salesShipments()).to(lightspeed.orders()).build();
 * }</pre>
 *
 * <p>A shipment names its order only by number ({@code orderNumber}); per page of shipments the source looks the
 * numbers up among the open sales orders (one request) and, for those no longer there because
 * {@code Microsoft.NAV.shipAndInvoice} or a user posted them in full, among the posted invoices, whose {@code orderId}
 * keeps the order's id (one more request, only then). A shipment of an order that is still open and not
 * {@code fullyShipped} is a partial delivery: it is not read as shipped (the order's last shipment will be). A shipment
 * whose order is neither open nor invoiced (deleted) is unreadable, naming both numbers. Business Central's posted
 * shipments carry no carrier or tracking number. Thread-safe.
 */
public final class BusinessCentralShipments extends PostedDocumentSource {

    BusinessCentralShipments(BusinessCentralSession session, String currency) {
        super(session, "salesShipments", "salesShipmentLines", row -> BusinessCentralConverters.shipment(row, currency));
    }

    @Override
    Page<Order> asOrders(Page<Order> page) {
        Map<String, Origin> origins = origins(page.records().stream().map(Order::number).toList());
        List<Order> shipped = new ArrayList<>();
        List<RecordRejectedException> unreadable = new ArrayList<>(page.unreadable());
        for (Order shipment : page.records()) {
            Origin origin = origins.get(shipment.number());
            if (origin == null) {
                unreadable.add(orphan(shipment));
            } else if (origin.shipped()) {
                shipped.add(asOrder(shipment, origin));
            }
        }
        return new Page<>(shipped, unreadable, page.next(), page.hasMore());
    }

    /**
     * The shipped state of sales order {@code id} (the ref this source gives its records), or of the order of shipment
     * {@code id} (the ref of an unreadable one): its latest shipment, when the order is shipped in full.
     */
    @Override
    public Optional<Order> fetch(String id) {
        Optional<Order> ofShipment = document(id);
        Optional<String> number = ofShipment.map(Order::number).or(() -> orderNumber(id));
        if (number.isEmpty()) {
            return Optional.empty();
        }
        Origin origin = origins(List.of(number.get())).get(number.get());
        if (origin == null) {
            throw orphan(ofShipment.orElseThrow(() -> new IllegalStateException("order " + id + " was found and then lost")));
        }
        if (!origin.shipped()) {
            return Optional.empty();
        }
        Optional<Order> shipment = ofShipment.isPresent() ? ofShipment : latestShipment(number.get());
        return shipment.map(s -> asOrder(s, origin));
    }

    /** Where an order is: open (with whether it is shipped in full) or posted (shipped and invoiced). */
    private record Origin(String orderId, boolean shipped) {
    }

    /** The origin of each order number: open sales orders first, then posted invoices for the rest. */
    private Map<String, Origin> origins(List<String> orderNumbers) {
        Set<String> wanted = new LinkedHashSet<>(orderNumbers);
        Map<String, Origin> found = new HashMap<>();
        if (wanted.isEmpty()) {
            return found;
        }
        for (JsonNode row : rowsWhere("salesOrders", "number", wanted, "id,number,fullyShipped")) {
            found.put(row.path("number").asText(), new Origin(row.path("id").asText(), row.path("fullyShipped").asBoolean(false)));
        }
        wanted.removeAll(found.keySet());
        if (!wanted.isEmpty()) {
            for (JsonNode row : rowsWhere("salesInvoices", "orderNumber", wanted, "id,orderId,orderNumber")) {
                String orderId = row.path("orderId").asText("");
                if (!orderId.isEmpty() && !orderId.equals("00000000-0000-0000-0000-000000000000")) {
                    found.putIfAbsent(row.path("orderNumber").asText(), new Origin(orderId, true));
                }
            }
        }
        return found;
    }

    private List<JsonNode> rowsWhere(String entitySet, String field, Set<String> values, String select) {
        List<JsonNode> rows = new ArrayList<>();
        List<String> literals = values.stream().map(BusinessCentralSession::literal).toList();
        for (List<String> chunk : session.inChunks(literals)) {
            JsonNode page = session.read(BusinessCentralSession.inFilter(session.companyPath() + "/" + entitySet,
                    field + " in (" + String.join(",", chunk) + ")").query("$select", select).build());
            page.path("value").forEach(rows::add);
        }
        return rows;
    }

    /** The number of sales order {@code id}, open or posted. */
    private Optional<String> orderNumber(String id) {
        Optional<String> open = session.readOptional(session.companyPath() + "/salesOrders(" + id + ")?$select=id,number")
                .map(row -> row.path("number").asText());
        if (open.isPresent()) {
            return open;
        }
        JsonNode posted = session.read(io.possync.api.http.ApiRequest.get(session.companyPath() + "/salesInvoices")
                .query("$filter", "orderId eq " + id).query("$select", "id,orderNumber").build());
        for (JsonNode row : posted.path("value")) {
            return Optional.of(row.path("orderNumber").asText());
        }
        return Optional.empty();
    }

    private Optional<Order> latestShipment(String orderNumber) {
        JsonNode page = session.read(io.possync.api.http.ApiRequest.get(session.companyPath() + "/salesShipments")
                .query("$filter", "orderNumber eq " + BusinessCentralSession.literal(orderNumber))
                .query("$orderby", "lastModifiedDateTime desc").query("$top", "1").query("$expand", "salesShipmentLines").build());
        for (JsonNode row : page.path("value")) {
            return Optional.of(BusinessCentralConverters.shipment(row, session.settings().currency()));
        }
        return Optional.empty();
    }

    private static Order asOrder(Order shipment, Origin origin) {
        return shipment.toBuilder().sourceRef(new Ref(BusinessCentral.SYSTEM, EntityType.ORDER, origin.orderId())).build();
    }

    private static RecordRejectedException orphan(Order shipment) {
        return RecordRejectedException.builder("shipment " + shipment.customFields().getOrDefault("shipmentNumber", shipment.sourceRef().id())
                        + " names sales order " + shipment.number() + ", which is neither open nor invoiced in Business Central")
                .record(shipment.sourceRef()).fieldPath("orderNumber").build();
    }
}
