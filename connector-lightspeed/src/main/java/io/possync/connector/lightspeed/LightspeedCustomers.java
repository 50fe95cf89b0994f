package io.possync.connector.lightspeed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.possync.api.Cursor;
import io.possync.api.Customer;
import io.possync.api.EntityType;
import io.possync.api.KeyType;
import io.possync.api.MappedRecord;
import io.possync.api.MappableField;
import io.possync.api.MappingDefaults;
import io.possync.api.NaturalKey;
import io.possync.api.Page;
import io.possync.api.RecordRejectedException;
import io.possync.api.Ref;
import io.possync.api.Sink;
import io.possync.api.Source;
import io.possync.connector.lightspeed.internal.ChangeFeed;
import io.possync.connector.lightspeed.internal.Lenient;
import io.possync.connector.lightspeed.internal.LightspeedRetailSession;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Lightspeed Retail customers as a source and a sink, found by e-mail.
 *
 * <p>A customer with a company name is read as a company whose first and last name are its
 * contact person; without one, as a person. The primary e-mail (else the first), a mobile, work or
 * home phone, and the first address come from the customer's {@code Contact}. As a sink it creates
 * and updates customers with that contact; lookups filter on {@code Contact.email} (one request per
 * e-mail: the API has no IN filter on relation fields).
 *
 * <pre>{@code
 * Flow.customers("erp-debtors-to-pos").from(businessCentral.customers()).to(lightspeed.customers()).build();
 * }</pre>
 * Thread-safe.
 */
public final class LightspeedCustomers extends LightspeedRetailCapability implements Source<Customer>, Sink<Customer> {

    /** The lookup filter on a relation field (UNCONFIRMED in the public docs; kept in this one place). */
    static final String EMAIL_FILTER = "Contact.email";

    private static final MappingDefaults DEFAULTS = MappingDefaults.builder("lightspeed customers")
            .field(MappableField.text("firstName"), "contactPerson.firstName")
            .field(MappableField.text("lastName"), "contactPerson.lastName ? contactPerson.lastName"
                    + " : (kind = 'COMPANY' ? null : $substringBefore(email, '@'))")
            .field(MappableField.text("company"), "kind = 'COMPANY' ? companyName")
            .field(MappableField.text("vatNumber"), "vatNumber")
            .field(MappableField.text("email"), "email")
            .field(MappableField.text("phone"), "phone")
            .field(MappableField.text("address1"), "billingAddress.street ? $join([billingAddress.street, billingAddress.houseNumber,"
                    + " billingAddress.numberAddition], ' ')")
            .field(MappableField.text("city"), "billingAddress.city")
            .field(MappableField.text("zip"), "billingAddress.postalCode")
            .field(MappableField.text("state"), "billingAddress.region")
            .field(MappableField.text("countryCode"), "billingAddress.country")
            .mappable(MappableField.text("customerTypeID").describe("the customer type's id: the customer's group, read as"
                    + " group; map it with a value map, e.g. $valueMap('groups', group)"))
            .mappable(MappableField.object("customFields").describe("customer custom fields by name → value (CustomFieldValues)"))
            .build();
    private static final List<String> ADDRESS_FIELDS = List.of("address1", "city", "zip", "state", "countryCode");

    private final ChangeFeed<Customer> feed;

    LightspeedCustomers(LightspeedRetailSession session) {
        super(session);
        List<String> relations = new ArrayList<>(List.of("Contact"));
        if (!session.settings().customFields().isEmpty()) {
            relations.add("CustomFieldValues");
        }
        this.feed = new ChangeFeed<>(session, "Customer", "customerID", EntityType.CUSTOMER, Map.of(), relations,
                row -> List.of(converters.customer(row)));
    }

    @Override
    public Page<Customer> changesSince(Cursor cursor, int limit) {
        return feed.read(cursor, limit);
    }

    @Override
    public Optional<Customer> fetch(String id) {
        return session.get("Customer", id, List.of("Contact")).map(converters::customer);
    }

    @Override
    public MappingDefaults defaultMapping() {
        return DEFAULTS;
    }

    @Override
    public Set<KeyType> supportedKeys() {
        return Set.of(KeyType.EMAIL);
    }

    @Override
    public Optional<Ref> find(NaturalKey key) {
        if (key.type() != KeyType.EMAIL) {
            return Optional.empty();
        }
        Map<String, String> query = new LinkedHashMap<>();
        query.put(EMAIL_FILTER, key.value());
        query.put("load_relations", LightspeedRetailSession.relations(List.of("Contact")));
        query.put("limit", "2");
        for (JsonNode c : Lenient.list(session.list("Customer", query), "Customer")) {
            return Optional.of(ref(c));
        }
        return Optional.empty();
    }

    @Override
    public Ref create(MappedRecord<Customer> record) {
        return ref(session.create("Customer", body(record)));
    }

    @Override
    public Ref update(Ref target, MappedRecord<Customer> record) {
        return ref(session.update("Customer", target.id(), body(record)));
    }

    private ObjectNode body(MappedRecord<Customer> record) {
        ObjectNode f = record.fields();
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        for (String name : List.of("firstName", "lastName", "company", "vatNumber", "customerTypeID")) {
            if (f.hasNonNull(name)) {
                body.put(name, f.get(name).asText());
            }
        }
        if (body.path("firstName").asText("").isBlank() && body.path("lastName").asText("").isBlank()
                && body.path("company").asText("").isBlank()) {
            throw RecordRejectedException.builder("a Lightspeed customer needs a first name, last name or company")
                    .record(record.sourceRef()).fieldPath("lastName").build();
        }
        ObjectNode contact = body.putObject("Contact");
        if (f.hasNonNull("email")) {
            contact.putObject("Emails").putArray("ContactEmail").addObject()
                    .put("address", f.get("email").asText()).put("useType", "Primary");
        }
        if (f.hasNonNull("phone")) {
            contact.putObject("Phones").putArray("ContactPhone").addObject()
                    .put("number", f.get("phone").asText()).put("useType", "Mobile");
        }
        ObjectNode address = JsonNodeFactory.instance.objectNode();
        for (String name : ADDRESS_FIELDS) {
            if (f.hasNonNull(name)) {
                address.put(name, f.get(name).asText());
            }
        }
        if (!address.isEmpty()) {
            contact.putObject("Addresses").putArray("ContactAddress").add(address);
        }
        session.customFieldIds().body("Customer", f.get("customFields"), record.sourceRef())
                .ifPresent(values -> body.set("CustomFieldValues", values));
        return body;
    }

    private static Ref ref(JsonNode customer) {
        return new Ref(LightspeedRetail.SYSTEM, EntityType.CUSTOMER, Lenient.text(customer, "customerID")
                .orElseThrow(() -> new IllegalStateException("Lightspeed answered a customer without customerID")));
    }
}
