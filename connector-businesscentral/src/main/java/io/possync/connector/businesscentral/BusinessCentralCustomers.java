package io.possync.connector.businesscentral;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.possync.api.Customer;
import io.possync.api.CustomerKind;
import io.possync.api.EntityType;
import io.possync.api.KeyType;
import io.possync.api.MappingDefaults;
import io.possync.api.RecordRejectedException;
import io.possync.api.Sink;
import io.possync.api.Source;
import io.possync.api.Write;
import io.possync.api.WriteResult;
import io.possync.connector.businesscentral.internal.BcFields;
import io.possync.connector.businesscentral.internal.ContactPersons;
import io.possync.connector.businesscentral.internal.BusinessCentralConverters;
import io.possync.connector.businesscentral.internal.EntityEndpoint;
import io.possync.connector.businesscentral.internal.BusinessCentralSession;
import io.possync.connector.businesscentral.internal.ReferenceCodes;

import io.possync.api.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Business Central customers (debtors) as a source and a sink: found by e-mail or number, created
 * as {@code Company} or {@code Person}, read incrementally by {@code lastModifiedDateTime}.
 *
 * <pre>{@code
 * Flow.customers("shop-customers").from(lightspeed.customers()).to(businessCentral.customers()).build();
 * }</pre>
 *
 * <p>New customers get the settings' payment terms, payment method, shipment method and VAT business
 * posting group (codes resolved to ids once) unless the mapping sets them. Customer and general
 * business posting groups are not on the standard customer entity: Business Central fills them from
 * the configuration template its "Config. Tmpl. Selection Rules" pick for API inserts (FACTS.md §3.2).
 * A company debtor's contact person becomes a {@code Person} contact under the customer's company
 * contact (the {@code contacts} entity, BC 18+; turn it off with {@code contactPersons(false)} for
 * BC 17). Thread-safe.
 */
public final class BusinessCentralCustomers extends BusinessCentralCapability<Customer> implements Source<Customer>, Sink<Customer> {

    private static final BcFields CUSTOMER = new BcFields("customer");
    private static final MappingDefaults DEFAULTS = defaults(false);
    private static final MappingDefaults DEFAULTS_WITH_CUSTOM_ROUTE = defaults(true);

    /** The defaults; with a custom API route also the price group, which only the route's customer page takes. */
    private static MappingDefaults defaults(boolean customRoute) {
        MappingDefaults.Builder b = MappingDefaults.builder("businesscentral customers")
            .field(CUSTOMER.text("displayName").asRequired(), "(kind = 'COMPANY' and companyName) ? companyName"
                    + " : ($n := $join([contactPerson.firstName, contactPerson.lastName], ' '); $n != '' ? $n : email)")
            .field(CUSTOMER.text("type").describe("Company or Person"), "kind = 'COMPANY' ? 'Company' : 'Person'")
            .field(CUSTOMER.text("email"), "email")
            .field(CUSTOMER.text("phoneNumber"), "phone")
            .field(CUSTOMER.text("addressLine1"), "billingAddress.street ? $join([billingAddress.street, billingAddress.houseNumber,"
                    + " billingAddress.numberAddition], ' ')")
            .field(CUSTOMER.text("city"), "billingAddress.city")
            .field(CUSTOMER.text("state"), "billingAddress.region")
            .field(CUSTOMER.text("postalCode"), "billingAddress.postalCode")
            .field(CUSTOMER.text("country"), "billingAddress.country")
            .field(CUSTOMER.text("taxRegistrationNumber"), "vatNumber")
            .mappable(CUSTOMER.text("number").describe("the customer number; empty: from the number series"))
            .mappable(CUSTOMER.text("addressLine2"))
            .mappable(CUSTOMER.text("website"))
            .mappable(CUSTOMER.text("salespersonCode"))
            .mappable(CUSTOMER.number("creditLimit"))
            .mappable(CUSTOMER.bool("taxLiable"))
            .mappable(CUSTOMER.text("currencyCode"))
            .mappable(CUSTOMER.text("blocked").describe("_x0020_ (not blocked), Ship, Invoice or All"))
            .mappable(CUSTOMER.id("paymentTermsId").describe("payment terms (GUID); default: the settings' paymentTerms code"))
            .mappable(CUSTOMER.id("paymentMethodId").describe("payment method (GUID); default: the settings' paymentMethod code"))
            .mappable(CUSTOMER.id("shipmentMethodId").describe("shipment method (GUID); default: the settings' shipmentMethod code"))
            .mappable(CUSTOMER.id("taxAreaId").describe("VAT business posting group (GUID); default: the settings' code"));
        if (customRoute) {
            b.mappable(CUSTOMER.text(CustomApi.CUSTOMER_PRICE_GROUP).describe("the customer price group, through the custom API"
                    + " route's customer page (PROPOSAL: CustomApi.CUSTOMER_PRICE_GROUP); map the customer's group to it with a value map"));
            b.mappable(io.possync.api.MappableField.object("customFields").describe("extension fields of the custom API route's customer page,"
                    + " name → value (CustomApi.withCustomerFields names those read back)"));
        }
        return b.build();
    }

    private final ContactPersons contacts;
    private final Optional<io.possync.connector.businesscentral.internal.ExtensionFields> extensionFields;
    private final java.util.Optional<io.possync.connector.businesscentral.internal.PostingGroupWriter> postingGroups;

    BusinessCentralCustomers(BusinessCentralSession session) {
        super(session, new EntityEndpoint.Shape<>("customers", "customer", EntityType.CUSTOMER,
                Map.of(KeyType.EMAIL, "email", KeyType.CUSTOMER_NUMBER, "number"), Optional.empty(), Optional.empty(),
                "email", BusinessCentralConverters::customer, withDefaults(session)));
        this.contacts = session.settings().contactPersons() ? new ContactPersons(session) : null;
        this.postingGroups = io.possync.connector.businesscentral.internal.PostingGroupWriter.forCustomers(session);
        this.extensionFields = io.possync.connector.businesscentral.internal.ExtensionFields.forCustomers(session);
    }

    /** Adds the settings' payment terms, methods and VAT group to a new customer whose mapping left them out. */
    private static UnaryOperator<ObjectNode> withDefaults(BusinessCentralSession session) {
        ReferenceCodes codes = new ReferenceCodes(session);
        BusinessCentralSettings.CustomerDefaults d = session.settings().customerDefaults();
        return fields -> {
            d.paymentTerms().filter(c -> !fields.has("paymentTermsId"))
                    .ifPresent(c -> fields.put("paymentTermsId", codes.id("paymentTerms", c, "paymentTerms")));
            d.paymentMethod().filter(c -> !fields.has("paymentMethodId"))
                    .ifPresent(c -> fields.put("paymentMethodId", codes.id("paymentMethods", c, "paymentMethod")));
            d.shipmentMethod().filter(c -> !fields.has("shipmentMethodId"))
                    .ifPresent(c -> fields.put("shipmentMethodId", codes.id("shipmentMethods", c, "shipmentMethod")));
            d.vatBusinessPostingGroup().filter(c -> !fields.has("taxAreaId"))
                    .ifPresent(c -> fields.put("taxAreaId", codes.id("taxAreas", c, "vatBusinessPostingGroup")));
            return fields;
        };
    }

    /**
     * Each customer with the extension fields named on the custom route in its {@code customFields}, and with
     * {@code customerPriceGroup} among them, that as its group.
     */
    @Override
    Page<Customer> withRouteFields(Page<Customer> page) {
        // The price group, when the route names it among the fields read, is also the customer's classification.
        return io.possync.connector.businesscentral.internal.ExtensionFields.onPage(page, extensionFields, Customer::customFields,
                (r, fields) -> r.toBuilder().customFields(fields).group(fields.getOrDefault(CustomApi.CUSTOMER_PRICE_GROUP,
                        r.group().orElse(null))).build());
    }

    /** Writes the customers, then the posting groups of each one created (custom API), then the contact person of each company. */
    @Override
    public List<WriteResult> writeAll(List<Write<Customer>> writes) {
        // The standard customer has no price group: it goes through the custom route after the customer is written.
        Map<Integer, ObjectNode> viaRoute = io.possync.connector.businesscentral.internal.PostingGroupWriter.takeOut(writes,
                CustomApi.CUSTOMER_PRICE_GROUP, io.possync.connector.businesscentral.internal.PostingGroupWriter.CUSTOM_FIELDS);
        List<WriteResult> results = new ArrayList<>(super.writeAll(writes));
        postingGroups.ifPresent(g -> g.customers(results, viaRoute));
        if (contacts == null) {
            return results;
        }
        List<ContactPersons.Need> needs = new ArrayList<>();
        List<Integer> of = new ArrayList<>();
        for (int i = 0; i < writes.size(); i++) {
            Customer c = writes.get(i).record().record();
            if (!(results.get(i) instanceof WriteResult.Written written) || c.kind() != CustomerKind.COMPANY || c.contactPerson().isEmpty()) {
                continue;
            }
            String name = String.join(" ", c.contactPerson().get().firstName().orElse(""),
                    c.contactPerson().get().lastName().orElse("")).trim();
            if (!name.isEmpty()) {
                needs.add(new ContactPersons.Need(written.target().id(), name, c.email().orElse(null)));
                of.add(i);
            }
        }
        // The customer is written; a failed contact person fails the record, and writing it again on the retry is harmless.
        contacts.ensureAll(needs).forEach((k, e) -> {
            int i = of.get(k);
            io.possync.api.Ref source = results.get(i).source();
            results.set(i, new WriteResult.Failed(source, e instanceof RecordRejectedException r ? r.withRecord(source) : e));
        });
        return results;
    }

    @Override
    public MappingDefaults defaultMapping() {
        return session.settings().customApi().isPresent() ? DEFAULTS_WITH_CUSTOM_ROUTE : DEFAULTS;
    }

    @Override
    public Set<KeyType> supportedKeys() {
        return Set.of(KeyType.EMAIL, KeyType.CUSTOMER_NUMBER);
    }
}
