package io.possync.connector.winstore;

import io.possync.api.BatchLookupSink;
import io.possync.api.EntityType;
import io.possync.api.KeyType;
import io.possync.api.MappableField;
import io.possync.api.MappedRecord;
import io.possync.api.MappingDefaults;
import io.possync.api.NaturalKey;
import io.possync.api.Order;
import io.possync.api.RecordRejectedException;
import io.possync.api.Ref;
import io.possync.api.Sink;
import io.possync.api.http.ApiResponse;
import io.possync.connector.winstore.internal.OrderBody;
import io.possync.connector.winstore.internal.WinstoreNames.Operation;
import io.possync.connector.winstore.internal.WinstoreNames.Query;
import io.possync.connector.winstore.internal.WinstoreNames.Result;
import io.possync.connector.winstore.internal.WinstoreSession;
import io.possync.connector.winstore.internal.WireRecord;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static io.possync.connector.winstore.internal.WinstoreNames.Order.*;

/**
 * Orders posted into Winstore ({@code PostOrderWithStatusCode}, the only document Winstore's API
 * takes): the XML body the public client sends, element for element, from the mapped fields. Winstore
 * always wants a customer number: the order's customer link when the flow has one, else the settings'
 * default debtor (999999); the customer travels inside the order (e-mail and invoice address) — there
 * is no customer write. An order number Winstore has already is not posted again: it is looked up
 * first ({@code GetOrderStatus}, a PROPOSAL the settings can switch off), and a duplicate answer
 * (HTTP 409, PROPOSAL) resolves to the order there, so a retry after a lost answer never posts twice.
 * Orders are not changed once posted. An order's ref is its order number, the key Winstore finds it by.
 *
 * <pre>{@code
 * Flow.orders("erp-orders-to-winstore").from(businessCentral.salesOrders().withCustomers())
 *         .to(winstore.orders()).build();
 * }</pre>
 * Thread-safe.
 */
public final class WinstoreOrders extends WinstoreCapability implements Sink<Order>, BatchLookupSink<Order> {

    private final MappingDefaults defaults;

    WinstoreOrders(WinstoreSession session) {
        super(session);
        this.defaults = defaults(session.settings());
    }

    private static MappingDefaults defaults(WinstoreSettings s) {
        String branch = s.branch().map(b -> "'" + b + "'").orElse("''");
        return MappingDefaults.builder("winstore orders")
                .field(MappableField.text(NUMBER).alwaysWritten().describe("the source's order number; how the order is found again"),
                        "number")
                .mappable(MappableField.text(DATE).describe("local time yyyy-MM-dd HH:mm:ss; default: the order's creation in the"
                        + " settings' zone"))
                .field(MappableField.text(CUSTOMER_ID).alwaysWritten().describe("digits: the customer's link, else the settings'"
                        + " defaultCustomerId"), "links.customerId ? links.customerId : '" + s.defaultCustomerId() + "'")
                .field(MappableField.text(EMAIL), "customer.email")
                .field(MappableField.text(BRANCH).describe("default: the settings' branch"), branch)
                .field(MappableField.text(CHANNEL).describe("free text; default: the settings' channel, else the order's store"),
                        s.channel().map(c -> com.fasterxml.jackson.databind.node.TextNode.valueOf(c).toString()).orElse("store"))
                .field(MappableField.number(TOTAL).alwaysWritten(), "totals.gross")
                .field(MappableField.text(CURRENCY), "currency")
                .mappable(MappableField.text(SAVING_POINTS).describe("signed loyalty points change, e.g. +10; left out when empty"))
                .field(MappableField.text(FIRST_NAME), "customer.contactPerson.firstName")
                .field(MappableField.text(LAST_NAME).describe("default: the contact's last name, else the company name"),
                        "customer.contactPerson.lastName ? customer.contactPerson.lastName : customer.companyName")
                .field(MappableField.text(STREET), "billingAddress.street")
                .field(MappableField.text(HOUSE_NUMBER).describe("house number with its addition"),
                        "$join([billingAddress.houseNumber, billingAddress.numberAddition], '')")
                .field(MappableField.text(ZIP), "billingAddress.postalCode")
                .field(MappableField.text(COUNTRY).describe("the country's Dutch name (Nederland) for EU/EEA countries, the UK and"
                                + " Switzerland, else its code"),
                        "($n := $lookup(" + countryNames() + ", billingAddress.country); $n ? $n : billingAddress.country)")
                .field(MappableField.text(COUNTRY_ISO), "billingAddress.country")
                .field(MappableField.list(POSITIONS).alwaysWritten().describe("positions: product_id (UNCONFIRMED which key; default"
                                + " the line's EAN, else its SKU), amount (whole), single_price, type (S), branch, reduction (left out when 0)"),
                        "[lines.{'" + PRODUCT_ID + "': ean ? ean : sku, '" + AMOUNT + "': quantity, '" + SINGLE_PRICE + "': unitPrice, '"
                                + TYPE + "': '" + SALE_TYPE + "', '" + BRANCH + "': " + branch + ", '" + REDUCTION + "': discount}]")
                .build();
    }

    /** A JSONata object of the countries a Dutch or Belgian shop ships to most, code → Dutch name. */
    private static String countryNames() {
        Locale dutch = Locale.forLanguageTag("nl");
        return java.util.stream.Stream.of("NL", "BE", "LU", "DE", "FR", "AT", "DK", "SE", "FI", "IE", "ES", "PT", "IT", "GR", "PL", "CZ",
                        "SK", "HU", "SI", "HR", "RO", "BG", "EE", "LV", "LT", "MT", "CY", "NO", "IS", "LI", "CH", "GB")
                .map(c -> "'" + c + "': " + com.fasterxml.jackson.databind.node.TextNode.valueOf(new Locale("", c).getDisplayCountry(dutch)))
                .collect(Collectors.joining(", ", "{", "}"));
    }

    @Override
    public MappingDefaults defaultMapping() {
        return defaults;
    }

    @Override
    public Set<KeyType> supportedKeys() {
        return Set.of(KeyType.ORDER_NUMBER);
    }

    /** Each order number looked up with {@code GetOrderStatus} (one request each); nothing when the settings switch lookups off. */
    @Override
    public Map<NaturalKey, Ref> findAll(Collection<NaturalKey> keys) {
        Map<NaturalKey, Ref> found = new LinkedHashMap<>();
        if (!session.settings().orderLookup()) {
            return found;
        }
        for (NaturalKey key : keys) {
            if (key.type() != KeyType.ORDER_NUMBER) {
                continue;
            }
            for (WireRecord r : session.read(Operation.ORDER_STATUS, Query.ORDER_NUMBER, key.value())) {
                if (r.text(Result.ORDER_NUMBER).filter(key.value()::equals).isPresent()) {
                    found.put(key, ref(key.value()));
                }
            }
        }
        return found;
    }

    @Override
    public Ref create(MappedRecord<Order> record) {
        Order order = record.record();
        String body = OrderBody.of(order, record.fields(), session.settings().zone());
        ApiResponse answer;
        try {
            answer = session.post(Operation.POST_ORDER, body);
        } catch (RecordRejectedException e) {
            throw e.toBuilder().record(order.sourceRef()).fieldPath(positionNamedIn(e.reason(), record).orElse(null)).build();
        }
        // 200 created; 409 the order number is there already (PROPOSAL): either way the order is in Winstore once.
        // Its ref is the order number, which Winstore keys its orders on (GetOrderStatus, the status post).
        return ref(record.fields().path(NUMBER).asText(order.number()));
    }

    /** The position whose product id a refusal names ("Unknown product_id 8712…"). */
    private static Optional<String> positionNamedIn(String reason, MappedRecord<Order> record) {
        var positions = record.fields().path(POSITIONS);
        for (int i = 0; i < positions.size(); i++) {
            String id = positions.get(i).path(PRODUCT_ID).asText("");
            if (!id.isEmpty() && reason.contains(id)) {
                return Optional.of(POSITIONS + "[" + i + "]." + PRODUCT_ID);
            }
        }
        return Optional.empty();
    }

    /** An order in Winstore is not changed by the sync once it was posted. */
    @Override
    public Ref update(Ref target, MappedRecord<Order> record) {
        throw RecordRejectedException.builder("order " + record.record().number() + " is order " + target.id()
                + " in Winstore already; it is not changed").record(record.sourceRef()).build();
    }

    private static Ref ref(String id) {
        return new Ref(Winstore.SYSTEM, EntityType.ORDER, id);
    }
}
