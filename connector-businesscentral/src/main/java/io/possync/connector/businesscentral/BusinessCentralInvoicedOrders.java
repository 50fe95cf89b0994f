package io.possync.connector.businesscentral;

import com.fasterxml.jackson.databind.JsonNode;
import io.possync.api.EntityType;
import io.possync.api.Order;
import io.possync.api.OrderKind;
import io.possync.api.Page;
import io.possync.api.Ref;
import io.possync.api.http.ApiRequest;
import io.possync.connector.businesscentral.internal.BusinessCentralConverters;
import io.possync.connector.businesscentral.internal.BusinessCentralSession;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Posted invoices of sales orders as the source of an order-status flow: each posted invoice that names its order
 * ({@code orderId}) reads as that order, with the invoice's status — {@code COMPLETED} while open, {@code PAID} once
 * paid, {@code CANCELLED} when cancelled — under the order's ref, so the engine traces it through the order flow's link
 * back to the shop's order even after posting removed the order.
 *
 * <pre>{@code
 * Flow.orderStatus("invoiced→shop").from(businessCentral.invoicedOrders()).to(shop.orderStatus())
 *         .statusMap(StatusMap.identity().ignore(OrderStatus.COMPLETED)).build();
 * }</pre>
 *
 * <p>It reads posted invoices by {@code lastModifiedDateTime}, with their lines, one request per page; drafts and
 * invoices of no order are passed over. Thread-safe.
 */
public final class BusinessCentralInvoicedOrders extends PostedDocumentSource {

    private static final String NO_ORDER = "00000000-0000-0000-0000-000000000000";

    private final String currency;

    BusinessCentralInvoicedOrders(BusinessCentralSession session, String currency) {
        super(session, "salesInvoices", "salesInvoiceLines",
                row -> BusinessCentralConverters.salesDocument(row, OrderKind.INVOICE, "salesInvoiceLines", currency));
        this.currency = currency;
    }

    @Override
    Page<Order> asOrders(Page<Order> page) {
        List<Order> orders = new ArrayList<>();
        for (Order invoice : page.records()) {
            asOrder(invoice).ifPresent(orders::add);
        }
        return new Page<>(orders, page.unreadable(), page.next(), page.hasMore());
    }

    /** The latest posted invoice of sales order {@code id}, as that order. */
    @Override
    public Optional<Order> fetch(String id) {
        JsonNode page = session.read(ApiRequest.get(session.companyPath() + "/salesInvoices")
                .query("$filter", "orderId eq " + id + " and status ne 'Draft'").query("$orderby", "lastModifiedDateTime desc")
                .query("$top", "1").query("$expand", "salesInvoiceLines").build());
        for (JsonNode row : page.path("value")) {
            return asOrder(BusinessCentralConverters.salesDocument(row, OrderKind.INVOICE, "salesInvoiceLines", currency));
        }
        return Optional.empty();
    }

    /** A posted invoice of an order as that order; empty for a draft or an invoice of no order. */
    private static Optional<Order> asOrder(Order invoice) {
        JsonNode row = invoice.raw().orElseThrow();
        String orderId = row.path("orderId").asText("");
        boolean draft = row.path("status").asText("Draft").equals("Draft");
        if (draft || orderId.isEmpty() || orderId.equals(NO_ORDER)) {
            return Optional.empty();
        }
        return Optional.of(invoice.toBuilder().sourceRef(new Ref(BusinessCentral.SYSTEM, EntityType.ORDER, orderId))
                .number(row.path("orderNumber").asText(invoice.number())).kind(OrderKind.ORDER).build());
    }
}
