package io.possync.connector.businesscentral;

import com.fasterxml.jackson.databind.JsonNode;
import io.possync.api.BatchLookupSink;
import io.possync.api.Customer;
import io.possync.api.Cursor;
import io.possync.api.Page;
import io.possync.api.EntityType;
import io.possync.api.FieldMode;
import io.possync.api.KeyType;
import io.possync.api.MappableField;
import io.possync.api.MappingDefaults;
import io.possync.api.NaturalKey;
import io.possync.api.Order;
import io.possync.api.OrderKind;
import io.possync.api.PossyncException;
import io.possync.api.RecordRejectedException;
import io.possync.api.Ref;
import io.possync.api.Sink;
import io.possync.api.Source;
import io.possync.api.TransientException;
import io.possync.api.Write;
import io.possync.api.WriteResult;
import io.possync.connector.businesscentral.internal.BatchResults;
import io.possync.connector.businesscentral.internal.BcFields;
import io.possync.connector.businesscentral.internal.BusinessCentralConverters;
import io.possync.connector.businesscentral.internal.EntityEndpoint;
import io.possync.connector.businesscentral.internal.BusinessCentralSession;
import io.possync.connector.businesscentral.internal.PaymentLines;
import io.possync.connector.businesscentral.internal.VariantLookup;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Business Central sales invoices or sales orders, written with their lines in one deep insert
 * (without {@code sequence}: FACTS.md §11) and found by {@code externalDocumentNumber}, which holds
 * the source order number. Also a source, for the ERP → POS direction.
 *
 * <pre>{@code
 * Flow.orders("pos-sales").from(lightspeed.orders()).to(businessCentral.postedSalesInvoices())
 *         .customers(businessCentral.customers()).products(businessCentral.items()).build();
 * }</pre>
 *
 * <p>The order's customer goes in as {@code customerId} when the flow resolved a Business Central id
 * (a GUID), else as {@code customerNumber} (a default debtor configured by number). On invoices
 * {@code pricesIncludeTax} is read-only; the customer's "Prices Including VAT" decides how unit prices
 * are read. Existing documents are updated header-only (no deep update).
 *
 * <p>A posting invoice sink ({@code BusinessCentral.postedSalesInvoices()}) posts every invoice it
 * creates ({@code Microsoft.NAV.post}, FACTS.md §3.9). It counts only posted invoices as existing, so
 * an invoice whose post failed is sent again by the engine, and is then posted from the draft already
 * there instead of being created twice. Thread-safe.
 */
public final class BusinessCentralSalesDocuments extends BusinessCentralCapability<Order> implements Source<Order>, Sink<Order>, BatchLookupSink<Order> {

    private static final String GUID = "/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-/";
    private static final String DRAFT = "status eq 'Draft'";
    private static final String POSTED = "status ne 'Draft'";

    private final OrderKind kind;
    private final boolean post;
    private final VariantLookup variants;
    private final PaymentLines payments;

    BusinessCentralSalesDocuments(BusinessCentralSession session, OrderKind kind, String currency, boolean post) {
        super(session, shape(kind, currency));
        this.kind = kind;
        this.post = post;
        this.variants = session.variants();
        this.payments = new PaymentLines(session);
    }

    private static EntityEndpoint.Shape<Order> shape(OrderKind kind, String currency) {
        boolean invoice = kind == OrderKind.INVOICE;
        String set = invoice ? "salesInvoices" : "salesOrders";
        String lines = invoice ? "salesInvoiceLines" : "salesOrderLines";
        return new EntityEndpoint.Shape<>(set, invoice ? "salesInvoice" : "salesOrder", EntityType.ORDER,
                Map.of(KeyType.ORDER_NUMBER, "externalDocumentNumber"), Optional.of(lines),
                Optional.of(invoice ? "salesInvoiceLine" : "salesOrderLine"), "externalDocumentNumber",
                row -> BusinessCentralConverters.salesDocument(row, kind, lines, currency));
    }

    /**
     * These documents as a source that also reads each document's customer as Business Central keeps
     * it (company or person, e-mail, address) — one more request per page, for all of the page's
     * customers — so a flow from Business Central can find or create the customer in its target:
     *
     * <pre>{@code
     * Flow.orders("erp orders→pos").from(bc.salesOrders().withCustomers()).to(pos.sales())
     *         .customers(pos.customers()).products(pos.items()).build();
     * }</pre>
     */
    public Source<Order> withCustomers() {
        return new WithCustomers(this);
    }

    /** The documents with their customers; see {@link #withCustomers()}. */
    private static final class WithCustomers implements Source<Order>, io.possync.api.Metered {
        private final BusinessCentralSalesDocuments documents;

        WithCustomers(BusinessCentralSalesDocuments documents) {
            this.documents = documents;
        }

        @Override
        public String system() {
            return documents.system();
        }

        @Override
        public io.possync.api.RequestCounter requests() {
            return documents.requests();
        }

        @Override
        public Page<Order> changesSince(Cursor cursor, int limit) {
            Page<Order> page = documents.changesSince(cursor, limit);
            return new Page<>(documents.withCustomers(page.records()), page.unreadable(), page.next(), page.hasMore());
        }

        @Override
        public Optional<Order> fetch(String id) {
            return documents.fetch(id).map(o -> documents.withCustomers(List.of(o)).get(0));
        }
    }

    private List<Order> withCustomers(List<Order> orders) {
        List<String> ids = orders.stream().map(BusinessCentralSalesDocuments::customerId).filter(Optional::isPresent).map(Optional::get)
                .distinct().toList();
        if (ids.isEmpty()) {
            return orders;
        }
        Map<String, Customer> byId = new java.util.HashMap<>();
        for (List<String> chunk : session.inChunks(ids)) {
            session.readAll(BusinessCentralSession.inFilter(session.companyPath() + "/customers", "id in (" + String.join(",", chunk) + ")")
                    .build()).forEach(row -> byId.put(row.path("id").asText(), BusinessCentralConverters.customer(row)));
        }
        return orders.stream().map(o -> customerId(o).map(byId::get).map(c -> o.toBuilder().customer(c).build()).orElse(o)).toList();
    }

    private static Optional<String> customerId(Order order) {
        return order.raw().map(r -> r.path("customerId").asText("")).filter(id -> !id.isBlank() && !id.startsWith("00000000-0000"));
    }

    /** Whether this writes invoices or orders. */
    public OrderKind kind() {
        return kind;
    }

    /** Whether created invoices are posted. */
    public boolean posts() {
        return post;
    }

    @Override
    public MappingDefaults defaultMapping() {
        boolean invoice = kind == OrderKind.INVOICE;
        BcFields doc = new BcFields(invoice ? "salesInvoice" : "salesOrder");
        MappingDefaults.Builder b = MappingDefaults.builder("businesscentral " + (invoice ? "salesInvoices" : "salesOrders"))
                .field(doc.text("externalDocumentNumber").alwaysWritten().describe("the source's order number; how the"
                        + " document is found again"), "number")
                .field(doc.id("customerId"), "$contains(links.customerId, " + GUID + ") ? links.customerId")
                .field(doc.text("customerNumber"), "$not($contains(links.customerId, " + GUID + ")) ? links.customerId")
                .field(doc.date(invoice ? "invoiceDate" : "orderDate"), "$substring(createdAt, 0, 10)")
                .field(doc.text("currencyCode"), "currency");
        if (!invoice) {
            b.field(doc.bool("pricesIncludeTax"), "pricesIncludeTax");
        }
        b.field(MappableField.list(invoice ? "salesInvoiceLines" : "salesOrderLines").onCreateOnly().describe("lines: lineType,"
                + " lineObjectNumber, description, quantity, unitPrice, discountAmount, taxCode (deep insert; Business Central has"
                + " no deep update)"), linesExpression(session.settings().bookkeeping()), FieldMode.CREATE_ONLY);
        b.mappable(doc.date("postingDate"));
        if (invoice) {
            b.mappable(doc.date("dueDate")).mappable(doc.text("customerPurchaseOrderReference"));
        } else {
            b.mappable(doc.date("requestedDeliveryDate")).mappable(doc.bool("partialShipping"));
        }
        for (String address : List.of("shipToName", "shipToContact", "sellToAddressLine1", "sellToAddressLine2", "sellToCity",
                "sellToCountry", "sellToState", "sellToPostCode", "shipToAddressLine1", "shipToAddressLine2", "shipToCity",
                "shipToCountry", "shipToState", "shipToPostCode")) {
            b.mappable(doc.text(address));
        }
        return b.mappable(doc.text("salesperson")).mappable(doc.text("shortcutDimension1Code"))
                .mappable(doc.text("shortcutDimension2Code")).mappable(doc.number("discountAmount"))
                .mappable(doc.id("paymentTermsId")).mappable(doc.id("shipmentMethodId"))
                .mappable(doc.text("phoneNumber")).mappable(doc.text("email")).build();
    }

    /**
     * Item lines (with the tax code for the order's country and the line's VAT rate, when one is set),
     * then shipping as a G/L account line on the country's revenue account (when one is set).
     */
    static String linesExpression(BusinessCentralSettings.Bookkeeping books) {
        String taxCode = books.taxCodes().isEmpty() ? ""
                : ", 'taxCode': $lookup(" + literal(books.taxCodes()) + ", $country & ':' & $string(taxRate))";
        String items = "[lines.{'lineType': 'Item', 'lineObjectNumber': sku, 'description': description, 'quantity': quantity,"
                + " 'unitPrice': unitPrice, 'discountAmount': discount" + taxCode + "}]";
        String shipping = "[]";
        if (!books.shippingAccounts().isEmpty()) {
            shipping = "(shipping.cost > 0 and $account) ? [{'lineType': 'Account', 'lineObjectNumber': $account,"
                    + " 'description': $substring('Shipping ' & shipping.method, 0, 100), 'quantity': 1, 'unitPrice': shipping.cost}] : []";
        }
        String country = "$country := billingAddress.country ? billingAddress.country"
                + " : (customer.billingAddress.country ? customer.billingAddress.country : " + quote(books.homeCountry()) + ")";
        String account = "$account := $lookup(" + literal(books.shippingAccounts()) + ", $country);"
                + " $account := $account ? $account : $lookup(" + literal(books.shippingAccounts()) + ", '*')";
        return "(" + country + "; " + account + "; $append(" + items + ", " + shipping + "))";
    }

    private static String literal(Map<String, String> map) {
        StringBuilder s = new StringBuilder("{");
        map.forEach((k, v) -> s.append(s.length() == 1 ? "" : ", ").append(quote(k)).append(": ").append(quote(v)));
        return s.append('}').toString();
    }

    /** A JSONata string literal: double-quoted with JSON escapes (JSONata has no {@code \'}). */
    private static String quote(String s) {
        return com.fasterxml.jackson.databind.node.TextNode.valueOf(s).toString();
    }

    /**
     * A line whose SKU is an item variant (a configurable product's variant) is written as its
     * parent item with {@code itemVariantId}; Business Central has no item with the variant's SKU.
     */
    private void pointVariantLinesAtTheirItems(List<Write<Order>> writes) {
        String linesField = kind == OrderKind.INVOICE ? "salesInvoiceLines" : "salesOrderLines";
        java.util.Set<String> skus = new java.util.LinkedHashSet<>();
        for (Write<Order> w : writes) {
            for (JsonNode line : w.record().fields().path(linesField)) {
                if (line.path("lineType").asText("Item").equals("Item") && !line.has("itemVariantId")) {
                    skus.add(line.path("lineObjectNumber").asText(""));
                }
            }
        }
        skus.remove("");
        if (skus.isEmpty()) {
            return;
        }
        // Items first (an item whose number equals a variant's SKU wins); what is no item may be a variant.
        skus.removeAll(variants.itemNumbers(new ArrayList<>(skus)));
        if (skus.isEmpty()) {
            return;
        }
        Map<String, VariantLookup.Variant> found = variants.find(skus);
        for (Write<Order> w : writes) {
            for (JsonNode line : w.record().fields().path(linesField)) {
                VariantLookup.Variant v = found.get(line.path("lineObjectNumber").asText(""));
                if (v != null && line instanceof com.fasterxml.jackson.databind.node.ObjectNode o) {
                    o.put("lineObjectNumber", v.itemNumber()).put("itemVariantId", v.id());
                }
            }
        }
    }

    @Override
    public Set<KeyType> supportedKeys() {
        return Set.of(KeyType.ORDER_NUMBER);
    }

    @Override
    public Map<NaturalKey, Ref> findAll(Collection<NaturalKey> keys) {
        return post ? endpoint.findAll(keys, Optional.of(POSTED)) : endpoint.findAll(keys);
    }

    @Override
    public void expectLookups(Collection<NaturalKey> keys) {
        endpoint.expectLookups(keys, post ? Optional.of(POSTED) : Optional.empty());
    }

    @Override
    public List<WriteResult> writeAll(List<Write<Order>> writes) {
        pointVariantLinesAtTheirItems(writes);
        if (kind == OrderKind.INVOICE && payments.enabled()) {
            // Payments first: an invoice whose payments could not be entered waits, so none is ever missing.
            Map<Integer, WriteResult> unpaid = payments.enter(writes, "customerId", "customerNumber");
            if (!unpaid.isEmpty()) {
                List<Integer> rest = new ArrayList<>();
                for (int i = 0; i < writes.size(); i++) {
                    if (!unpaid.containsKey(i)) {
                        rest.add(i);
                    }
                }
                WriteResult[] results = new WriteResult[writes.size()];
                unpaid.forEach((i, r) -> results[i] = r);
                place(results, rest, rest.isEmpty() ? List.of() : invoices(rest.stream().map(writes::get).toList()));
                return List.of(results);
            }
        }
        return invoices(writes);
    }

    private List<WriteResult> invoices(List<Write<Order>> writes) {
        if (!post) {
            return super.writeAll(writes);
        }
        WriteResult[] results = new WriteResult[writes.size()];
        List<Integer> creates = new ArrayList<>();
        List<Integer> others = new ArrayList<>();
        for (int i = 0; i < writes.size(); i++) {
            (writes.get(i) instanceof Write.Create ? creates : others).add(i);
        }
        place(results, others, others.isEmpty() ? List.of() : super.writeAll(others.stream().map(writes::get).toList()));

        Map<String, Ref> drafts = new HashMap<>();
        List<NaturalKey> numbers = creates.stream().map(i -> number(writes.get(i))).filter(n -> !n.isEmpty())
                .map(NaturalKey::orderNumber).toList();
        if (!numbers.isEmpty()) {
            endpoint.findAll(numbers, Optional.of(DRAFT)).forEach((k, ref) -> drafts.put(k.value(), ref));
        }
        Map<Integer, Ref> toPost = new LinkedHashMap<>();
        List<Integer> toCreate = new ArrayList<>();
        for (int i : creates) {
            Ref draft = drafts.get(number(writes.get(i)));
            if (draft != null) {
                toPost.put(i, draft);
            } else {
                toCreate.add(i);
            }
        }
        if (!toCreate.isEmpty()) {
            List<WriteResult> created = super.writeAll(toCreate.stream().map(writes::get).toList());
            for (int k = 0; k < toCreate.size(); k++) {
                if (created.get(k) instanceof WriteResult.Written w) {
                    toPost.put(toCreate.get(k), w.target());
                } else {
                    results[toCreate.get(k)] = created.get(k);
                }
            }
        }
        postAll(writes, toPost, results);
        return List.of(results);
    }

    private static void place(WriteResult[] results, List<Integer> indexes, List<WriteResult> written) {
        for (int k = 0; k < indexes.size(); k++) {
            results[indexes.get(k)] = written.get(k);
        }
    }

    private void postAll(List<Write<Order>> writes, Map<Integer, Ref> toPost, WriteResult[] results) {
        if (toPost.isEmpty()) {
            return;
        }
        List<Integer> indexes = new ArrayList<>(toPost.keySet());
        List<BusinessCentralSession.BatchOp> ops = indexes.stream().map(i -> new BusinessCentralSession.BatchOp("POST",
                session.companyPath() + "/salesInvoices(" + toPost.get(i).id() + ")/Microsoft.NAV.post", Optional.empty(),
                null)).toList();
        List<JsonNode> answers;
        try {
            answers = session.batch(ops);
        } catch (TransientException | RecordRejectedException e) {
            // Posted or not is unknown, or the batch failed: the drafts stay, and the retry posts them.
            BatchResults.failAll(indexes, writes, e, results);
            return;
        }
        for (int k = 0; k < indexes.size(); k++) {
            int i = indexes.get(k);
            Ref source = writes.get(i).record().sourceRef();
            JsonNode answer = answers.get(k);
            if (BatchResults.succeeded(answer)) {
                results[i] = new WriteResult.Written(source, toPost.get(i), true);
                continue;
            }
            PossyncException error = BatchResults.error(answer);
            results[i] = BatchResults.failed(source, error instanceof RecordRejectedException r
                    ? RecordRejectedException.builder("the invoice was created as draft " + toPost.get(i).id()
                            + " but could not be posted: " + r.reason()).vendorCode(r.vendorCode().orElse(null)).build()
                    : error);
        }
    }

    private static String number(Write<Order> w) {
        return w.record().fields().path("externalDocumentNumber").asText("");
    }
}
