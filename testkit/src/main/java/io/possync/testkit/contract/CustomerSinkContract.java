package io.possync.testkit.contract;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.possync.api.Customer;
import io.possync.api.EntityType;
import io.possync.api.MappedRecord;
import io.possync.api.NaturalKey;
import io.possync.api.Ref;

import java.time.Instant;

/**
 * The {@link SinkContract} for a customers sink that finds customers by e-mail address: customer {@code i} is
 * {@code contract{i}@example.com}, and the connector's test gives only the vendor's fields for it.
 *
 * <pre>{@code
 * class ShopCustomersSinkContractTest extends CustomerSinkContract {
 *     protected ObjectNode fields(int i, String email) {
 *         return Json.MAPPER.createObjectNode().put("name", "Contract " + i).put("email", email);
 *     }
 *     ...
 * }
 * }</pre>
 */
public abstract class CustomerSinkContract extends SinkContract<Customer> {

    /** The mapped fields of customer {@code i}, whose e-mail address is {@code email}, in the vendor's names. */
    protected abstract ObjectNode fields(int i, String email);

    @Override
    protected final MappedRecord<Customer> newRecord(int i) {
        String email = "contract" + i + "@example.com";
        Customer c = Customer.builder(new Ref("source", EntityType.CUSTOMER, "C" + i), Instant.parse("2026-11-20T10:00:00Z"))
                .email(email).build();
        return new MappedRecord<>(c, fields(i, email));
    }

    /** The customer's e-mail address. */
    @Override
    protected NaturalKey keyOf(MappedRecord<Customer> record) {
        return NaturalKey.email(record.record().email().orElseThrow());
    }
}
