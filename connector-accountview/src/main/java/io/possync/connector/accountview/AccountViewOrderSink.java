package io.possync.connector.accountview;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.possync.api.BatchLookupSink;
import io.possync.api.EntityType;
import io.possync.api.KeyType;
import io.possync.api.MappedRecord;
import io.possync.api.NaturalKey;
import io.possync.api.Order;
import io.possync.api.RecordRejectedException;
import io.possync.api.Ref;
import io.possync.api.Sink;
import io.possync.api.Write;
import io.possync.api.WriteResult;
import io.possync.connector.accountview.internal.AccountViewSession;
import io.possync.connector.accountview.internal.DataQuery;
import io.possync.connector.accountview.internal.Jsonata;
import io.possync.connector.accountview.internal.Tables;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the sales-order and invoice sinks share: an order is one header row with its lines, found again
 * by the source's order number in one header field ({@code COMMENT1} of a sales order, {@code INV_NR}
 * of an invoice; PROPOSAL P-9) — all the numbers of a page in one read — and never changed once written
 * (AccountView takes no update of either).
 */
abstract class AccountViewOrderSink extends AccountViewCapability implements Sink<Order>, BatchLookupSink<Order> {

    private final String businessObject;
    private final String headerTable;
    private final String keyField;

    AccountViewOrderSink(AccountViewSession session, String businessObject, String headerTable, String keyField) {
        super(session);
        this.businessObject = businessObject;
        this.headerTable = headerTable;
        this.keyField = keyField;
    }

    @Override
    public Set<KeyType> supportedKeys() {
        return Set.of(KeyType.ORDER_NUMBER);
    }

    @Override
    public Map<NaturalKey, Ref> findAll(Collection<NaturalKey> keys) {
        Map<String, NaturalKey> byNumber = new LinkedHashMap<>();
        keys.stream().filter(k -> k.type() == KeyType.ORDER_NUMBER).forEach(k -> byNumber.put(k.value(), k));
        Map<NaturalKey, Ref> found = new LinkedHashMap<>();
        if (byNumber.isEmpty()) {
            return found;
        }
        Tables t = session.read(DataQuery.of(businessObject).oneOf(keyField, byNumber.keySet())
                .page(1, Math.max(10, byNumber.size() * 2), keyField));
        for (ObjectNode row : t.of(headerTable)) {
            NaturalKey key = byNumber.get(row.path(keyField).asText(""));
            if (key != null) {
                found.putIfAbsent(key, ref(idOf(row).orElse(key.value())));
            }
        }
        return found;
    }

    /** The key AccountView gave the written header row, if it has one of its own. */
    abstract Optional<String> idOf(ObjectNode headerRow);

    /** An order written once is not changed. */
    @Override
    public Ref update(Ref target, MappedRecord<Order> record) {
        throw RecordRejectedException.builder("order " + record.record().number() + " is " + target.id() + " in AccountView already;"
                + " AccountView takes no change of it").record(record.sourceRef()).build();
    }

    /** Creates the orders in turn, after checking in one read that every article they name exists (when they name articles). */
    @Override
    public List<WriteResult> writeAll(List<Write<Order>> writes) {
        Set<String> existing = existingArticles(writes);
        List<WriteResult> results = new ArrayList<>(writes.size());
        for (Write<Order> w : writes) {
            Ref source = w.record().sourceRef();
            try {
                if (w instanceof Write.Create<Order> c) {
                    checkArticles(c.record(), existing);
                    results.add(new WriteResult.Written(source, create(c.record()), true));
                } else if (w instanceof Write.Update<Order> u) {
                    results.add(new WriteResult.Written(source, update(u.target(), u.record()), false));
                }
            } catch (RecordRejectedException | io.possync.api.TransientException e) {
                results.add(new WriteResult.Failed(source, e));
            }
        }
        return results;
    }

    /** The article codes the lines of {@code record} name ({@code lineField} of each line); none for an invoice. */
    abstract List<String> articles(MappedRecord<Order> record);

    /** The path of line {@code index}'s article field, for a rejection. */
    abstract String articlePath(int index);

    private Set<String> existingArticles(List<Write<Order>> writes) {
        Set<String> codes = new java.util.LinkedHashSet<>();
        writes.forEach(w -> codes.addAll(articles(w.record())));
        Set<String> existing = new java.util.HashSet<>();
        if (!codes.isEmpty()) {
            session.read(DataQuery.of("AK1").oneOf("ART_CODE", codes).page(1, Math.max(10, codes.size() * 2), "ART_CODE")).of("ARTICLE")
                    .forEach(r -> existing.add(r.path("ART_CODE").asText("")));
        }
        return existing;
    }

    private void checkArticles(MappedRecord<Order> record, Set<String> existing) {
        List<String> codes = articles(record);
        for (int i = 0; i < codes.size(); i++) {
            if (!existing.contains(codes.get(i))) {
                throw RecordRejectedException.builder("AccountView has no article '" + codes.get(i) + "'").record(record.sourceRef())
                        .fieldPath(articlePath(i)).build();
            }
        }
    }

    /** The country an order's amounts are booked for: its billing address's, else the settings' home country. */
    static String countryExpression(AccountViewSettings s) {
        return "($country := billingAddress.country ? billingAddress.country : " + Jsonata.quote(s.homeCountry()) + ")";
    }

    static BigDecimal decimal(Order order, String path, JsonNode v) {
        if (v.isNumber()) {
            return v.decimalValue();
        }
        try {
            return new BigDecimal(v.asText(""));
        } catch (NumberFormatException e) {
            throw RecordRejectedException.builder(path + " must be a number, the mapping gave "
                    + (v.isMissingNode() || v.isNull() ? "nothing" : "'" + v.asText() + "'")).record(order.sourceRef()).fieldPath(path).build();
        }
    }

    static String text(JsonNode fields, String name) {
        JsonNode v = fields.path(name);
        return v.isMissingNode() || v.isNull() ? "" : v.asText().strip();
    }

    static Ref ref(String id) {
        return new Ref(AccountView.SYSTEM, EntityType.ORDER, id);
    }
}
