package io.possync.connector.mpluskassa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.possync.api.Cursor;
import io.possync.api.EntityType;
import io.possync.api.KeyType;
import io.possync.api.MappedRecord;
import io.possync.api.MappingDefaults;
import io.possync.api.Metered;
import io.possync.api.NaturalKey;
import io.possync.api.Order;
import io.possync.api.OrderLine;
import io.possync.api.Page;
import io.possync.api.Payment;
import io.possync.api.RecordRejectedException;
import io.possync.api.Ref;
import io.possync.api.RequestCounter;
import io.possync.api.Sink;
import io.possync.api.Source;
import io.possync.connector.mpluskassa.internal.MplusConverters;
import io.possync.connector.mpluskassa.internal.MplusDates;
import io.possync.connector.mpluskassa.internal.SoapSession;
import io.possync.connector.mpluskassa.internal.SyncMarkerFeed;
import io.possync.connector.mpluskassa.internal.Unscaled;
import io.possync.connector.mpluskassa.internal.Xml;
import org.w3c.dom.Element;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Orders in MplusKASSA (REFERENCE §5). As a sink, {@code createOrder} with {@code extOrderId} = the
 * source's order number — MplusKASSA keeps it unique — on the settings' branch, workplace and
 * employee: lines by article number (the flow's product links, else a numeric SKU), quantities with
 * their decimal places, prices in cents (including or excluding VAT as the order has them), payments
 * by method. Before any create the numbers are looked up ({@code getOrdersByExtOrderIds}, 100 per
 * request), so an order whose answer was lost is found instead of entered twice; an
 * {@code EXT-ORDER-ID-ALREADY-EXISTS} answer is read back with {@code findOrder}. Orders are not
 * changed after entry. As a source, {@code getOrders} by sync marker with their lines.
 *
 * <pre>{@code
 * Flow.orders("webshop-to-till").from(shop.orders()).to(mplus.orders())
 *         .customers(mplus.relations()).products(mplus.articles()).build();
 * }</pre>
 * Thread-safe.
 */
public final class MplusOrders implements Source<Order>, Sink<Order>, Metered {

    private static final int LOOKUP_CHUNK = 100;
    private static final MappingDefaults DEFAULTS = MappingDefaults.builder()
            .field("extOrderId", "number")
            .field("reference", "$substring('possync ' & number, 0, 50)")
            .field("relationNumber", "links.customerId")
            .field("articleNumbers", "links.products")
            .build();

    private final SoapSession session;
    private final SyncMarkerFeed<Order> feed;

    MplusOrders(SoapSession session) {
        this.session = session;
        this.feed = new SyncMarkerFeed<>((marker, limit) -> {
            Element answer = session.read(Xml.el("getOrders").add(Xml.el("request").add("syncMarker", marker).add("syncMarkerLimit", limit)
                    .add(Xml.el("articlePluNumbers")).add(Xml.el("articleBarcodes")).add("includeLineList", true)));
            List<SyncMarkerFeed.Marked<Order>> rows = new ArrayList<>();
            for (Element list : Xml.children(answer, "orderList")) {
                for (Element o : Xml.children(list, "order")) {
                    rows.add(new SyncMarkerFeed.Marked<>(Xml.longValue(o, "syncMarker").orElse(0L), Xml.text(o, "orderId").orElse(""),
                            MplusConverters.order(o, session.settings().currency(), session.settings().zone())));
                }
            }
            return rows;
        });
    }

    @Override
    public String system() {
        return SoapSession.SYSTEM;
    }

    @Override
    public Page<Order> changesSince(Cursor cursor, int limit) {
        return feed.read(cursor, Math.min(limit, session.settings().pageSize()));
    }

    @Override
    public Optional<Order> fetch(String id) {
        Element answer = session.read(Xml.el("getOrder").add("orderId", id));
        return Xml.child(answer, "order").filter(o -> SoapSession.result(answer).endsWith("-OK"))
                .map(o -> MplusConverters.order(o, session.settings().currency(), session.settings().zone()));
    }

    @Override
    public MappingDefaults defaultMapping() {
        return DEFAULTS;
    }

    @Override
    public Set<KeyType> supportedKeys() {
        return Set.of(KeyType.ORDER_NUMBER);
    }

    @Override
    public Optional<Ref> find(NaturalKey key) {
        return Optional.ofNullable(findAll(List.of(key)).get(key));
    }

    /** The orders with these numbers as {@code extOrderId}, {@value #LOOKUP_CHUNK} per request. */
    @Override
    public Map<NaturalKey, Ref> findAll(Collection<NaturalKey> keys) {
        Map<String, NaturalKey> byNumber = new LinkedHashMap<>();
        keys.stream().filter(k -> k.type() == KeyType.ORDER_NUMBER).forEach(k -> byNumber.put(k.value(), k));
        Map<NaturalKey, Ref> found = new LinkedHashMap<>();
        List<String> numbers = new ArrayList<>(byNumber.keySet());
        for (int from = 0; from < numbers.size(); from += LOOKUP_CHUNK) {
            Xml.El ids = Xml.el("extOrderIds");
            numbers.subList(from, Math.min(numbers.size(), from + LOOKUP_CHUNK)).forEach(n -> ids.add("id", n));
            Element answer = session.read(Xml.el("getOrdersByExtOrderIds").add(Xml.el("request").add(ids)));
            for (Element list : Xml.children(answer, "orderList")) {
                for (Element o : Xml.children(list, "order")) {
                    NaturalKey key = byNumber.get(Xml.text(o, "extOrderId").orElse(""));
                    if (key != null) {
                        found.put(key, ref(Xml.text(o, "orderId").orElse("")));
                    }
                }
            }
        }
        return found;
    }

    @Override
    public Ref create(MappedRecord<Order> record) {
        Order order = record.record();
        ObjectNode f = record.fields();
        String ext = f.path("extOrderId").asText(order.number());
        MplusSettings s = session.settings();
        Xml.El o = Xml.el("order").add("orderId", "").add("extOrderId", ext).add("orderType", s.orderType())
                .add("entryBranchNumber", s.branchNumber()).add("employeeNumber", s.employeeNumber())
                .add(MplusDates.dateTime("entryTimestamp", order.createdAt(), s.zone()));
        relationNumber(f).ifPresent(n -> o.add("relationNumber", n));
        o.add(MplusDates.date("financialDate", LocalDate.ofInstant(order.createdAt(), s.zone())))
                .add("financialBranchNumber", s.branchNumber()).add("workplaceNumber", s.workplaceNumber())
                .add("reference", f.path("reference").asText(null))
                .add("vatMethod", order.pricesIncludeTax() ? "VAT-METHOD-INCLUSIVE" : "VAT-METHOD-EXCLUSIVE")
                .add(lines(order, f.path("articleNumbers"))).add(payments(order));
        Element answer = session.write(Xml.el("createOrder").add(o));
        String result = SoapSession.result(answer);
        if (result.equals("CREATE-ORDER-RESULT-OK")) {
            return ref(Xml.child(answer, "info").flatMap(i -> Xml.text(i, "orderId")).orElse(""));
        }
        if (result.equals("CREATE-ORDER-RESULT-EXT-ORDER-ID-ALREADY-EXISTS")) {
            Element existing = session.read(Xml.el("findOrder").add("extOrderId", ext));
            return ref(Xml.child(existing, "order").flatMap(e -> Xml.text(e, "orderId")).orElseThrow(() ->
                    RecordRejectedException.builder("MplusKASSA says order " + ext + " exists but findOrder does not find it")
                            .record(order.sourceRef()).fieldPath("number").build()));
        }
        throw RecordRejectedException.builder("MplusKASSA refused the order (" + result + "): "
                        + Xml.text(answer, "errorMessage").orElse("no message"))
                .record(order.sourceRef()).vendorCode(result).build();
    }

    /** An order in MplusKASSA is not changed after it was entered. */
    @Override
    public Ref update(Ref target, MappedRecord<Order> record) {
        throw RecordRejectedException.builder("order " + record.record().number() + " is order " + target.id()
                + " in MplusKASSA already; entered orders are not changed").record(record.sourceRef()).build();
    }

    private static Optional<Long> relationNumber(ObjectNode f) {
        String v = f.path("relationNumber").asText("");
        // A flow's default debtor "0" means: no relation (an anonymous sale).
        return v.matches("\\d{1,18}") && Long.parseLong(v) > 0 ? Optional.of(Long.parseLong(v)) : Optional.empty();
    }

    private Xml.El lines(Order order, JsonNode articleNumbers) {
        Xml.El list = Xml.el("lineList");
        for (int i = 0; i < order.lines().size(); i++) {
            OrderLine line = order.lines().get(i);
            String article = articleNumbers.path(line.sku()).asText(line.sku());
            if (!article.matches("\\d{1,18}")) {
                throw reject(order, "lines[" + i + "].sku", "'" + line.sku() + "' is no MplusKASSA article number (digits only);"
                        + " add the products flow's links (.products(mplus.articles())) or map the SKU to a number");
            }
            long[] quantity = Unscaled.quantity(line.quantity());
            long price = cents(order, "lines[" + i + "].unitPrice", line.unitPrice());
            Xml.El data = Xml.el("data").add("quantity", quantity[0]).add("decimalPlaces", quantity[1]);
            data.add(order.pricesIncludeTax() ? "price" : "priceExcl", price);
            if (line.discount().signum() != 0) {
                data.add(order.pricesIncludeTax() ? "discountAmount" : "discountAmountExcl", cents(order, "lines[" + i + "].discount",
                        line.discount()));
            }
            list.add(Xml.el("line").add("articleNumber", Long.parseLong(article)).add("text", truncate(line.description(), 250))
                    .add(data));
        }
        return list;
    }

    private Xml.El payments(Order order) {
        Xml.El list = Xml.el("paymentList");
        for (int i = 0; i < order.payments().size(); i++) {
            Payment p = order.payments().get(i);
            list.add(Xml.el("payment").add("method", p.method()).add("amount", cents(order, "payments[" + i + "].amount", p.amount())));
        }
        return list;
    }

    private static long cents(Order order, String field, BigDecimal amount) {
        return Unscaled.cents(amount).orElseThrow(() -> reject(order, field, amount.toPlainString()
                + " has more than two decimals; MplusKASSA keeps amounts in cents"));
    }

    private static RecordRejectedException reject(Order order, String field, String reason) {
        return RecordRejectedException.builder(reason).record(order.sourceRef()).fieldPath(field).build();
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    private static Ref ref(String orderId) {
        return new Ref(SoapSession.SYSTEM, EntityType.ORDER, orderId);
    }

    @Override
    public RequestCounter requests() {
        return session.api().requests();
    }
}
