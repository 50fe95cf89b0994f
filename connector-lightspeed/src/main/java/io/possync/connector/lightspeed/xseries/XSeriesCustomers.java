package io.possync.connector.lightspeed.xseries;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.possync.api.Customer;
import io.possync.api.EntityType;
import io.possync.api.KeyType;
import io.possync.api.MappableField;
import io.possync.api.MappedRecord;
import io.possync.api.MappingDefaults;
import io.possync.api.NaturalKey;
import io.possync.api.Ref;
import io.possync.api.Sink;
import io.possync.api.Source;
import io.possync.connector.lightspeed.xseries.internal.XSeriesConverters;
import io.possync.connector.lightspeed.xseries.internal.XSeriesSession;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * X-Series customers as a source and a sink, found by e-mail through {@code /search}.
 *
 * <pre>{@code
 * Flow.customers("erp-debtors-to-pos").from(businessCentral.customers()).to(xseries.customers()).build();
 * }</pre>
 * Thread-safe.
 */
public final class XSeriesCustomers extends XSeriesCapability<Customer> implements Source<Customer>, Sink<Customer> {

    private static final MappingDefaults DEFAULTS = MappingDefaults.builder("lightspeed x-series customers")
            .field(MappableField.text("first_name"), "contactPerson.firstName")
            .field(MappableField.text("last_name"), "contactPerson.lastName")
            .field(MappableField.text("company_name"), "kind = 'COMPANY' ? companyName")
            .field(MappableField.text("email"), "email")
            .field(MappableField.text("mobile"), "phone")
            .field(MappableField.text("physical_address_1"), "billingAddress.street ? $join([billingAddress.street, billingAddress.houseNumber,"
                    + " billingAddress.numberAddition], ' ')")
            .field(MappableField.text("physical_postcode"), "billingAddress.postalCode")
            .field(MappableField.text("physical_city"), "billingAddress.city")
            .field(MappableField.text("physical_state"), "billingAddress.region")
            .field(MappableField.text("physical_country_id"), "billingAddress.country")
            .mappable(MappableField.text("phone"))
            .mappable(MappableField.text("customer_code"))
            .mappable(MappableField.text("note"))
            .mappable(MappableField.text("physical_address_2"))
            .mappable(MappableField.text("website"))
            .mappable(MappableField.text("customer_group_id"))
            .mappable(MappableField.text("custom_field_1"))
            .mappable(MappableField.text("custom_field_2"))
            .mappable(MappableField.text("custom_field_3"))
            .mappable(MappableField.text("custom_field_4"))
            .build();


    XSeriesCustomers(XSeriesSession session) {
        super(session, "customers", EntityType.CUSTOMER, (c, row) -> List.of(c.customer(row)), XSeriesConverters::customer);
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
        for (JsonNode c : session.searchCustomers(key.value())) {
            return Optional.of(ref(c));
        }
        return Optional.empty();
    }

    @Override
    public Ref create(MappedRecord<Customer> record) {
        return ref(session.create("customers", body(record)));
    }

    @Override
    public Ref update(Ref target, MappedRecord<Customer> record) {
        return ref(session.update("customers", target.id(), body(record)));
    }

    private static ObjectNode body(MappedRecord<Customer> record) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        record.fields().fields().forEachRemaining(e -> {
            if (!e.getValue().isNull()) {
                body.set(e.getKey(), e.getValue());
            }
        });
        return body;
    }

    private static Ref ref(JsonNode customer) {
        return new Ref(LightspeedXSeries.SYSTEM, EntityType.CUSTOMER, customer.path("id").asText());
    }

}
