package io.possync.connector.buchhaltungsbutler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.possync.api.ConfigurationException;
import io.possync.api.Customer;
import io.possync.api.EntityType;
import io.possync.api.KeyType;
import io.possync.api.MappedRecord;
import io.possync.api.MappableField;
import io.possync.api.MappingDefaults;
import io.possync.api.NaturalKey;
import io.possync.api.RecordRejectedException;
import io.possync.api.Ref;
import io.possync.api.Sink;
import io.possync.api.TransientException;
import io.possync.api.Write;
import io.possync.api.WriteOutcomeUnknownException;
import io.possync.api.WriteResult;
import io.possync.connector.buchhaltungsbutler.internal.BuchhaltungsButlerSession;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Customers as BuchhaltungsButler debtor accounts (Debitoren), matched by customer number: the
 * debtor's {@code customer_number} is the customer's id in its source, because the debtor list has
 * no filter and no e-mail address to search by. The engine's link table is therefore the authority
 * on which debtor a customer is; the list (read once per connection, 500 per request) only finds
 * debtors made before the link existed.
 *
 * <pre>{@code
 * Flow<Order> sales = Flow.orders("pos-to-bookkeeping")
 *         .from(lightspeed.sales()).to(butler.receipts())
 *         .customers(butler.debtors()).customerMatchKey(KeyType.CUSTOMER_NUMBER)
 *         .defaultDebtor("10000")
 *         .build();
 * }</pre>
 *
 * <p>New debtors get the next free account number of the settings' range and are created 50 per
 * {@code /settings/add-batch/debtors} call; an item's error rejects that customer only, a batch
 * refused as a whole is sent item by item, and a batch whose answer was lost is read back and only
 * the missing debtors are sent again. A company is a debtor named after it with its contact person;
 * a person is a debtor named after them. Thread-safe.
 */
public final class BuchhaltungsButlerDebtors extends BuchhaltungsButlerCapability implements Sink<Customer> {

    private static final int BATCH = 50;
    private static final MappingDefaults DEFAULTS = MappingDefaults.builder("buchhaltungsbutler debtors")
            .field(MappableField.text("name").asRequired(), "(kind = 'COMPANY' and companyName) ? companyName"
                    + " : ($n := $join([contactPerson.firstName, contactPerson.lastName], ' '); $n != '' ? $n : email)")
            .field(MappableField.text("contact_person_name"), "kind = 'COMPANY' ? $join([contactPerson.firstName, contactPerson.lastName], ' ')")
            .field(MappableField.text("street"), "billingAddress.street ? $join([billingAddress.street, billingAddress.houseNumber,"
                    + " billingAddress.numberAddition], ' ')")
            .field(MappableField.text("zip"), "billingAddress.postalCode")
            .field(MappableField.text("city"), "billingAddress.city")
            .field(MappableField.text("country"), "billingAddress.country")
            .field(MappableField.text("sales_tax_id"), "vatNumber")
            .mappable(MappableField.text("email").describe("written only when mapped (e.g. `email`): the batch form has no e-mail,"
                    + " so a debtor with one is created through the single form, one request each"))
            .build();

    private final Map<String, String> accountByCustomerNumber = new HashMap<>();
    private final Set<Long> usedAccounts = new java.util.HashSet<>();
    private boolean loaded;

    BuchhaltungsButlerDebtors(BuchhaltungsButlerSession session) {
        super(session);
    }

    @Override
    public MappingDefaults defaultMapping() {
        return DEFAULTS;
    }

    @Override
    public Set<KeyType> supportedKeys() {
        return Set.of(KeyType.CUSTOMER_NUMBER);
    }

    @Override
    public synchronized Optional<Ref> find(NaturalKey key) {
        if (key.type() != KeyType.CUSTOMER_NUMBER) {
            return Optional.empty();
        }
        load(false);
        return Optional.ofNullable(accountByCustomerNumber.get(key.value())).map(BuchhaltungsButlerDebtors::ref);
    }

    @Override
    public Ref create(MappedRecord<Customer> record) {
        WriteResult result = writeAll(List.of(new Write.Create<>(record))).get(0);
        if (result instanceof WriteResult.Failed f) {
            throw f.error();
        }
        return ((WriteResult.Written) result).target();
    }

    @Override
    public Ref update(Ref target, MappedRecord<Customer> record) {
        ObjectNode body = session.body().put("postingaccount_number", Long.parseLong(target.id()));
        fields(record).fields().forEachRemaining(e -> body.set(e.getKey(), e.getValue()));
        body.remove("customer_number");
        session.write("settings/update/debtor", body);
        return target;
    }

    @Override
    public synchronized List<WriteResult> writeAll(List<Write<Customer>> writes) {
        Map<Write<Customer>, WriteResult> results = new HashMap<>();
        List<Write<Customer>> creates = new ArrayList<>();
        for (Write<Customer> w : writes) {
            if (w instanceof Write.Update<Customer> u) {
                try {
                    results.put(w, new WriteResult.Written(w.record().sourceRef(), update(u.target(), u.record()), false));
                } catch (RecordRejectedException e) {
                    results.put(w, new WriteResult.Failed(w.record().sourceRef(), e.withRecord(w.record().sourceRef())));
                } catch (TransientException e) {
                    results.put(w, new WriteResult.Failed(w.record().sourceRef(), e));
                }
            } else {
                creates.add(w);
            }
        }
        if (!creates.isEmpty()) {
            load(false);
            List<Write<Customer>> missing = new ArrayList<>();
            for (Write<Customer> w : creates) {
                String account = accountByCustomerNumber.get(customerNumber(w));
                if (account != null) {
                    results.put(w, new WriteResult.Written(w.record().sourceRef(), ref(account), false));
                } else {
                    missing.add(w);
                }
            }
            Map<Boolean, List<Write<Customer>>> byEmail = missing.stream()
                    .collect(Collectors.partitioningBy(w -> fields(w.record()).has("email")));
            List<Write<Customer>> batched = byEmail.get(false);
            for (int from = 0; from < batched.size(); from += BATCH) {
                createChunk(batched.subList(from, Math.min(batched.size(), from + BATCH)), results, 1);
            }
            byEmail.get(true).forEach(w -> createOne(w, results));
        }
        List<WriteResult> out = new ArrayList<>(writes.size());
        writes.forEach(w -> out.add(results.get(w)));
        return out;
    }

    private void createChunk(List<Write<Customer>> chunk, Map<Write<Customer>, WriteResult> results, int attempt) {
        ObjectNode body = session.body();
        ArrayNode items = body.putArray("debtors");
        Map<String, Write<Customer>> byNumber = new LinkedHashMap<>();
        Map<Write<Customer>, String> accounts = new HashMap<>();
        for (Write<Customer> w : chunk) {
            String account = String.valueOf(nextAccount());
            ObjectNode item = fields(w.record());
            item.put("postingaccount_number", account);
            items.add(item);
            byNumber.put(customerNumber(w), w);
            accounts.put(w, account);
        }
        try {
            JsonNode answer = session.write("settings/add-batch/debtors", body);
            for (JsonNode error : answer.path("errors")) {
                Write<Customer> w = byNumber.get(error.path("request_data").path("customer_number").asText());
                if (w != null) {
                    usedAccounts.remove(Long.parseLong(accounts.get(w)));
                    results.put(w, new WriteResult.Failed(w.record().sourceRef(), RecordRejectedException.builder(
                            "BuchhaltungsButler refused the debtor (error " + error.path("error_code").asText("?") + "): "
                                    + error.path("message").asText("")).record(w.record().sourceRef())
                            .vendorCode(error.path("error_code").asText("")).build()));
                }
            }
            for (Write<Customer> w : chunk) {
                if (!results.containsKey(w)) {
                    accountByCustomerNumber.put(customerNumber(w), accounts.get(w));
                    results.put(w, new WriteResult.Written(w.record().sourceRef(), ref(accounts.get(w)), true));
                }
            }
        } catch (WriteOutcomeUnknownException lost) {
            load(true);
            List<Write<Customer>> still = new ArrayList<>();
            for (Write<Customer> w : chunk) {
                String account = accountByCustomerNumber.get(customerNumber(w));
                if (account != null) {
                    results.put(w, new WriteResult.Written(w.record().sourceRef(), ref(account), true));
                } else {
                    still.add(w);
                }
            }
            if (!still.isEmpty() && attempt < 3) {
                createChunk(still, results, attempt + 1);
            } else {
                still.forEach(w -> results.put(w, new WriteResult.Failed(w.record().sourceRef(), lost)));
            }
        } catch (RecordRejectedException wholeBatch) {
            chunk.forEach(w -> usedAccounts.remove(Long.parseLong(accounts.get(w))));
            chunk.forEach(w -> createOne(w, results));
        } catch (TransientException busy) {
            chunk.forEach(w -> results.put(w, new WriteResult.Failed(w.record().sourceRef(), busy)));
        }
    }

    private void createOne(Write<Customer> w, Map<Write<Customer>, WriteResult> results) {
        String account = String.valueOf(nextAccount());
        ObjectNode body = session.body();
        fields(w.record()).fields().forEachRemaining(e -> body.set(e.getKey(), e.getValue()));
        body.put("postingaccount_number", account);
        try {
            session.write("settings/add/debtor", body);
            accountByCustomerNumber.put(customerNumber(w), account);
            results.put(w, new WriteResult.Written(w.record().sourceRef(), ref(account), true));
        } catch (RecordRejectedException e) {
            usedAccounts.remove(Long.parseLong(account));
            results.put(w, new WriteResult.Failed(w.record().sourceRef(), e.withRecord(w.record().sourceRef())));
        } catch (TransientException e) {
            results.put(w, new WriteResult.Failed(w.record().sourceRef(), e));
        }
    }

    private ObjectNode fields(MappedRecord<Customer> record) {
        ObjectNode out = record.fields().deepCopy();
        List<String> empty = new ArrayList<>();
        out.fields().forEachRemaining(e -> {
            if (e.getValue().isNull() || e.getValue().asText().isBlank()) {
                empty.add(e.getKey());
            }
        });
        out.remove(empty);
        out.put("customer_number", record.record().sourceRef().id());
        return out;
    }

    private static String customerNumber(Write<Customer> w) {
        return w.record().record().sourceRef().id();
    }

    private long nextAccount() {
        BuchhaltungsButlerSettings.DebtorAccounts range = session.settings().debtorAccounts();
        long next = usedAccounts.stream().filter(a -> a >= range.first() && a <= range.last()).max(Long::compare)
                .map(a -> a + 1).orElse(range.first());
        if (next > range.last()) {
            throw new ConfigurationException("buchhaltungsbutler.debtorAccounts", "every debtor account from " + range.first() + " to "
                    + range.last() + " is used; widen the range");
        }
        usedAccounts.add(next);
        return next;
    }

    private void load(boolean again) {
        if (loaded && !again) {
            return;
        }
        int pageSize = session.settings().connection().pageSize();
        for (int offset = 0; ; offset += pageSize) {
            JsonNode page = session.read("settings/get/debtors", session.body().put("limit", pageSize).put("offset", offset));
            for (JsonNode d : page.path("data")) {
                String account = d.path("postingaccount_number").asText();
                try {
                    usedAccounts.add(Long.parseLong(account));
                } catch (NumberFormatException e) {
                    continue;
                }
                if (d.hasNonNull("customer_number") && !d.get("customer_number").asText().isBlank()) {
                    accountByCustomerNumber.putIfAbsent(d.get("customer_number").asText(), account);
                }
            }
            if (page.path("data").size() < pageSize) {
                break;
            }
        }
        loaded = true;
    }

    private static Ref ref(String account) {
        return new Ref(BuchhaltungsButler.SYSTEM, EntityType.CUSTOMER, account);
    }

}
