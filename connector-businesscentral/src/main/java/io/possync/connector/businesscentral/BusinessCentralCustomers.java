package io.possync.connector.businesscentral;

import io.possync.api.Customer;
import io.possync.api.EntityType;
import io.possync.api.KeyType;
import io.possync.api.MappingDefaults;
import io.possync.api.Sink;
import io.possync.api.Source;
import io.possync.connector.businesscentral.internal.Converters;
import io.possync.connector.businesscentral.internal.EntityEndpoint;
import io.possync.connector.businesscentral.internal.ODataSession;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Business Central customers (debtors) as a source and a sink: found by e-mail or number, created
 * as {@code Company} or {@code Person}, read incrementally by {@code lastModifiedDateTime}.
 *
 * <pre>{@code
 * Flow.customers("shop-customers").from(lightspeed.customers()).to(businessCentral.customers()).build();
 * }</pre>
 *
 * <p>Posting groups are not on the standard customer entity: Business Central fills them from the
 * configuration template its "Config. Tmpl. Selection Rules" pick for API inserts (REFERENCE §3.2).
 * A company debtor's contact person goes into the mapping's {@code displayName} only; contacts
 * (the {@code contacts} entity, BC 18+) are not written yet. Thread-safe.
 */
public final class BusinessCentralCustomers extends EndpointCapability<Customer> implements Source<Customer>, Sink<Customer> {

    private static final MappingDefaults DEFAULTS = MappingDefaults.builder()
            .field("displayName", "(kind = 'COMPANY' and companyName) ? companyName"
                    + " : ($n := $join([contactPerson.firstName, contactPerson.lastName], ' '); $n != '' ? $n : email)")
            .field("type", "kind = 'COMPANY' ? 'Company' : 'Person'")
            .field("email", "email")
            .field("phoneNumber", "phone")
            .field("addressLine1", "billingAddress.street ? $join([billingAddress.street, billingAddress.houseNumber,"
                    + " billingAddress.numberAddition], ' ')")
            .field("city", "billingAddress.city")
            .field("state", "billingAddress.region")
            .field("postalCode", "billingAddress.postalCode")
            .field("country", "billingAddress.country")
            .field("taxRegistrationNumber", "vatNumber")
            .build();

    BusinessCentralCustomers(ODataSession session) {
        super(session, new EntityEndpoint.Shape<>("customers", "customer", EntityType.CUSTOMER,
                Map.of(KeyType.EMAIL, "email", KeyType.CUSTOMER_NUMBER, "number"), Optional.empty(), Optional.empty(),
                "email", Converters::customer));
    }

    @Override
    public MappingDefaults defaultMapping() {
        return DEFAULTS;
    }

    @Override
    public Set<KeyType> supportedKeys() {
        return Set.of(KeyType.EMAIL, KeyType.CUSTOMER_NUMBER);
    }
}
