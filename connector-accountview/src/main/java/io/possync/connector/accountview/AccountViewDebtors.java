package io.possync.connector.accountview;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.possync.api.BatchLookupSink;
import io.possync.api.Cursor;
import io.possync.api.Customer;
import io.possync.api.EntityType;
import io.possync.api.FieldMode;
import io.possync.api.KeyType;
import io.possync.api.MappableField;
import io.possync.api.MappedRecord;
import io.possync.api.MappingDefaults;
import io.possync.api.NaturalKey;
import io.possync.api.Page;
import io.possync.api.RecordRejectedException;
import io.possync.api.Ref;
import io.possync.api.Sink;
import io.possync.api.Source;
import io.possync.api.internal.Unreadable;
import io.possync.connector.accountview.internal.AccountViewConverters;
import io.possync.connector.accountview.internal.AccountViewSession;
import io.possync.connector.accountview.internal.ChangedSincePages;
import io.possync.connector.accountview.internal.DataQuery;
import io.possync.connector.accountview.internal.Jsonata;
import io.possync.connector.accountview.internal.MaxLengths;
import io.possync.connector.accountview.internal.Tables;
import io.possync.connector.accountview.internal.WriteBody;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Debtors ({@code AR1}, table {@code CONTACT}) as a source — changed since {@code CNG_DATE} — and as a
 * sink: found by e-mail ({@code MAIL_BUS}) or debtor number ({@code SUB_NR}), several in one read;
 * created with {@code POST} (AccountView numbers the debtor and answers its {@code SUB_NR}); updated
 * with {@code PUT} (PROPOSAL P-8, switched by {@code debtorUpdates}). A company keeps its contact person
 * in {@code MAIN_CONT} (P-6); the collective account comes from the settings; every value is checked
 * against its field's length before it is sent.
 *
 * <pre>{@code
 * Flow.customers("pos-customers").from(lightspeed.customers()).to(accountView.debtors()).build();
 * }</pre>
 * Thread-safe.
 */
public final class AccountViewDebtors extends AccountViewCapability implements Source<Customer>, Sink<Customer>, BatchLookupSink<Customer> {

    private static final String NAME = "(companyName ? companyName : $join([contactPerson.firstName, contactPerson.lastName], ' '))";

    private final MappingDefaults defaults;

    AccountViewDebtors(AccountViewSession session) {
        super(session);
        this.defaults = MappingDefaults.builder("accountview debtors")
                .mappable(MappableField.text("SUB_NR").onCreateOnly().maxLength(10).describe("the debtor number; default: AccountView"
                        + " numbers new debtors"))
                .field(MappableField.text("ACCT_NAME").asRequired().maxLength(40).describe("company name, or the person's full name"),
                        "$substring(" + NAME + ", 0, 40)")
                .field(MappableField.text("SRC_CODE").asRequired().maxLength(10).describe("search code"),
                        "$substring($uppercase(companyName ? companyName : contactPerson.lastName ? contactPerson.lastName : email), 0, 10)")
                .field(MappableField.text("ACCT_NR").maxLength(10).describe("collective account; default: the settings'"),
                        Jsonata.quote(session.settings().collectiveAccount()), FieldMode.CREATE_ONLY)
                .field(MappableField.text("ADDRESS1").maxLength(80), "$join([billingAddress.street, billingAddress.houseNumber &"
                        + " (billingAddress.numberAddition ? billingAddress.numberAddition : '')], ' ')")
                .field(MappableField.text("POST_CODE").maxLength(10), "billingAddress.postalCode")
                .field(MappableField.text("CITY").maxLength(35), "billingAddress.city")
                .field(MappableField.text("CNT_CODE").maxLength(2), "billingAddress.country")
                .field(MappableField.text("MAIL_BUS").maxLength(50).describe("how the debtor is found again"), "email")
                .field(MappableField.text("TEL_BUS").maxLength(20), "phone")
                .field(MappableField.text("VAT_NR").maxLength(14), "vatNumber")
                .field(MappableField.text("MAIN_CONT").maxLength(40).describe("a company's contact person (PROPOSAL P-6)"),
                        "kind = 'COMPANY' ? $join([contactPerson.firstName, contactPerson.lastName], ' ')")
                .mappable(MappableField.text("DISC_CODE").maxLength(2).describe("payment condition code (PROPOSAL P-7: map the POS"
                        + " payment term with a value map)"))
                .mappable(MappableField.text("LNG_CODE").maxLength(5))
                .mappable(MappableField.text("RPL_GRP").maxLength(10).describe("relation group: the customer's group, read as"
                        + " group; map it with a value map, e.g. $valueMap('groups', group)"))
                .build();
    }

    @Override
    public Page<Customer> changesSince(Cursor cursor, int limit) {
        ChangedSincePages position = ChangedSincePages.of(cursor);
        int size = session.settings().connection().pageSize();
        List<ObjectNode> rows = session.read(position.query("AR1", "SUB_NR", size, session.settings().overlap())).of("CONTACT");
        List<Customer> customers = new ArrayList<>();
        List<RecordRejectedException> unreadable = new ArrayList<>();
        for (ObjectNode row : rows) {
            try {
                customers.add(AccountViewConverters.debtor(row, session.settings()));
            } catch (RuntimeException e) {
                unreadable.add(Unreadable.record(ref(row.path("SUB_NR").asText("(no SUB_NR)")), e));
            }
        }
        boolean full = rows.size() >= size;
        return new Page<>(customers, unreadable, position.after(rows, full).cursor(), full);
    }

    @Override
    public Optional<Customer> fetch(String number) {
        return session.read(DataQuery.of("AR1").equal("SUB_NR", number).page(1, 1, "SUB_NR")).of("CONTACT").stream().findFirst()
                .map(r -> AccountViewConverters.debtor(r, session.settings()));
    }

    @Override
    public MappingDefaults defaultMapping() {
        return defaults;
    }

    @Override
    public Set<KeyType> supportedKeys() {
        return Set.of(KeyType.EMAIL, KeyType.CUSTOMER_NUMBER);
    }

    /** One read per key type, every value of that type in it ({@code FilterIsListOfValues}). */
    @Override
    public Map<NaturalKey, Ref> findAll(Collection<NaturalKey> keys) {
        Map<NaturalKey, Ref> found = new LinkedHashMap<>();
        lookUp(keys, KeyType.EMAIL, "MAIL_BUS", found);
        lookUp(keys, KeyType.CUSTOMER_NUMBER, "SUB_NR", found);
        return found;
    }

    private void lookUp(Collection<NaturalKey> keys, KeyType type, String field, Map<NaturalKey, Ref> found) {
        Map<String, NaturalKey> byValue = new LinkedHashMap<>();
        keys.stream().filter(k -> k.type() == type).forEach(k -> byValue.put(type == KeyType.EMAIL ? k.value().toLowerCase(java.util.Locale.ROOT)
                : k.value(), k));
        if (byValue.isEmpty()) {
            return;
        }
        Tables t = session.read(DataQuery.of("AR1").oneOf(field, byValue.keySet()).page(1, Math.max(byValue.size() * 2, 10), "SUB_NR"));
        for (ObjectNode row : t.of("CONTACT")) {
            String value = row.path(field).asText("");
            NaturalKey key = byValue.get(type == KeyType.EMAIL ? value.toLowerCase(java.util.Locale.ROOT) : value);
            if (key != null) {
                found.putIfAbsent(key, ref(row.path("SUB_NR").asText()));
            }
        }
    }

    @Override
    public Ref create(MappedRecord<Customer> record) {
        Tables written = session.write("POST", body(record, Optional.empty()));
        String number = written.of("CONTACT").stream().findFirst().map(r -> r.path("SUB_NR").asText("")).filter(n -> !n.isEmpty())
                .orElseThrow(() -> RecordRejectedException.builder("AccountView answered the new debtor without its SUB_NR")
                        .record(record.sourceRef()).build());
        return ref(number);
    }

    @Override
    public Ref update(Ref target, MappedRecord<Customer> record) {
        if (!session.settings().debtorUpdates()) {
            throw RecordRejectedException.builder("debtor " + target.id() + " exists; updates are switched off (debtorUpdates)")
                    .record(record.sourceRef()).build();
        }
        session.write("PUT", body(record, Optional.of(target.id())));
        return target;
    }

    private ObjectNode body(MappedRecord<Customer> record, Optional<String> number) {
        WriteBody.Row row = new WriteBody.Row();
        number.ifPresent(n -> row.text("SUB_NR", n));
        record.fields().fields().forEachRemaining(f -> {
            JsonNode v = f.getValue();
            if (v.isNull() || (number.isPresent() && f.getKey().equals("SUB_NR"))) {
                return;
            }
            String text = v.asText().strip();
            if (text.isEmpty()) {
                return;
            }
            row.text(f.getKey(), MaxLengths.check(MaxLengths.CONTACT, f.getKey(), f.getKey(), text, record.sourceRef()));
        });
        for (String required : List.of("ACCT_NAME", "SRC_CODE")) {
            if (number.isEmpty() && !row.values().containsKey(required)) {
                throw RecordRejectedException.builder(required + " is empty; AccountView needs it for a debtor").record(record.sourceRef())
                        .fieldPath(required).build();
            }
        }
        return WriteBody.of("AR1", session.settings().connection().timeSource().now(), "CONTACT", row, null, List.of());
    }

    private static Ref ref(String number) {
        return new Ref(AccountView.SYSTEM, EntityType.CUSTOMER, number);
    }
}
