package io.possync.connector.businesscentral.internal;

import io.possync.connector.businesscentral.BusinessCentral;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.possync.api.ConfigurationException;
import io.possync.api.RecordRejectedException;
import io.possync.api.http.ApiRequest;

/**
 * The contact person of a company debtor as a {@code Person} contact under the customer's company
 * contact (FACTS.md §3.3: {@code contacts} from BC 18; {@code customers(...)/contactsInformation}
 * links a customer to its contacts). Business Central creates the company contact itself, through
 * the business relation its Marketing Setup names for customers; a person with the same name under
 * that company is not created twice. Contacts are never changed or removed: a renamed contact person
 * is added beside the old one, which the ERP's users may still need. Thread-safe.
 */
public final class ContactPersons {

    private final BusinessCentralSession session;

    public ContactPersons(BusinessCentralSession session) {
        this.session = session;
    }

    /** Makes sure customer {@code customerId}'s company contact has a person contact named {@code name}. */
    public void ensure(String customerId, String name, String email) {
        String company = companyContactNumber(customerId);
        JsonNode existing = session.read(ApiRequest.get(session.companyPath() + "/contacts")
                .query("$filter", "companyNumber eq " + BusinessCentralSession.literal(company) + " and displayName eq " + BusinessCentralSession.literal(name))
                .query("$select", "id").build());
        if (existing.path("value").size() > 0) {
            return;
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("type", "Person").put("displayName", name)
                .put("companyNumber", company);
        if (email != null && !email.isBlank()) {
            body.put("email", email);
        }
        MaxLengths.check("contact", body, null, null);
        session.api().sendForJson(ApiRequest.post(session.companyPath() + "/contacts", body.toString()).build());
    }

    private String companyContactNumber(String customerId) {
        JsonNode links;
        try {
            links = session.read(ApiRequest.get(session.companyPath() + "/customers(" + customerId + ")/contactsInformation").build());
        } catch (RecordRejectedException e) {
            if (e.vendorCode().filter(c -> c.contains("ResourceNotFound")).isPresent()) {
                throw new ConfigurationException(BusinessCentral.SYSTEM, "this Business Central has no contacts API (BC 18 or later);"
                        + " turn contactPersons off in the settings");
            }
            throw e;
        }
        for (JsonNode link : links.path("value")) {
            if (link.path("contactType").asText().equals("Company")) {
                return link.path("contactNumber").asText();
            }
        }
        throw RecordRejectedException.builder("Business Central made no company contact for this company customer: give the"
                + " Marketing Setup a business relation code for customers").fieldPath("contactPerson").build();
    }
}
