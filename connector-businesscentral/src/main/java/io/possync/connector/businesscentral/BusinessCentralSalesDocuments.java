package io.possync.connector.businesscentral;

import io.possync.api.EntityType;
import io.possync.api.KeyType;
import io.possync.api.MappingDefaults;
import io.possync.api.Order;
import io.possync.api.OrderKind;
import io.possync.api.Sink;
import io.possync.api.Source;
import io.possync.connector.businesscentral.internal.Converters;
import io.possync.connector.businesscentral.internal.EntityEndpoint;
import io.possync.connector.businesscentral.internal.ODataSession;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Business Central sales invoices or sales orders, written with their lines in one deep insert
 * (without {@code sequence}: REFERENCE §11) and found by {@code externalDocumentNumber}, which holds
 * the source order number. Also a source, for the ERP → POS direction.
 *
 * <pre>{@code
 * Flow.orders("pos-sales").from(lightspeed.orders()).to(businessCentral.salesInvoices())
 *         .customers(businessCentral.customers()).products(businessCentral.items()).build();
 * }</pre>
 *
 * <p>The order's customer goes in as {@code customerId} when the flow resolved a Business Central id
 * (a GUID), else as {@code customerNumber} (a default debtor configured by number). On invoices
 * {@code pricesIncludeTax} is read-only; the customer's "Prices Including VAT" decides how unit prices
 * are read. Existing documents are updated header-only (no deep update). Posting is not done yet.
 * Thread-safe.
 */
public final class BusinessCentralSalesDocuments extends EndpointCapability<Order> implements Source<Order>, Sink<Order> {

    private static final String GUID = "/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-/";

    private final OrderKind kind;

    BusinessCentralSalesDocuments(ODataSession session, OrderKind kind, String currency) {
        super(session, shape(kind, currency));
        this.kind = kind;
    }

    private static EntityEndpoint.Shape<Order> shape(OrderKind kind, String currency) {
        boolean invoice = kind == OrderKind.INVOICE;
        String set = invoice ? "salesInvoices" : "salesOrders";
        String lines = invoice ? "salesInvoiceLines" : "salesOrderLines";
        return new EntityEndpoint.Shape<>(set, invoice ? "salesInvoice" : "salesOrder", EntityType.ORDER,
                Map.of(KeyType.ORDER_NUMBER, "externalDocumentNumber"), Optional.of(lines),
                Optional.of(invoice ? "salesInvoiceLine" : "salesOrderLine"), "externalDocumentNumber",
                row -> Converters.salesDocument(row, kind, lines, currency));
    }

    /** Whether this writes invoices or orders. */
    public OrderKind kind() {
        return kind;
    }

    @Override
    public MappingDefaults defaultMapping() {
        boolean invoice = kind == OrderKind.INVOICE;
        MappingDefaults.Builder b = MappingDefaults.builder()
                .field("externalDocumentNumber", "number")
                .field("customerId", "$contains(links.customerId, " + GUID + ") ? links.customerId")
                .field("customerNumber", "$not($contains(links.customerId, " + GUID + ")) ? links.customerId")
                .field(invoice ? "invoiceDate" : "orderDate", "$substring(createdAt, 0, 10)")
                .field("currencyCode", "currency");
        if (!invoice) {
            b.field("pricesIncludeTax", "pricesIncludeTax");
        }
        b.field(invoice ? "salesInvoiceLines" : "salesOrderLines", "[lines.{'lineType': 'Item', 'lineObjectNumber': sku,"
                + " 'description': description, 'quantity': quantity, 'unitPrice': unitPrice, 'discountAmount': discount}]");
        return b.build();
    }

    @Override
    public Set<KeyType> supportedKeys() {
        return Set.of(KeyType.ORDER_NUMBER);
    }
}
