package io.possync.connector.businesscentral.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.possync.api.ConfigurationException;
import io.possync.api.http.ApiRequest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Codes a bookkeeper knows ({@code 14 DAYS}, {@code BANK}) resolved to the ids Business Central's
 * API wants, once per connection. A code the company does not have is a configuration error naming
 * the setting, raised before any record is written with it.
 */
public final class ReferenceCodes {

    private final BusinessCentralSession session;
    private final Map<String, String> ids = new ConcurrentHashMap<>();

    /** Codes of {@code session}'s company. */
    public ReferenceCodes(BusinessCentralSession session) {
        this.session = session;
    }

    /**
     * The id of the row with {@code code} in {@code entitySet} (paymentTerms, paymentMethods,
     * shipmentMethods, taxAreas).
     *
     * @throws ConfigurationException naming {@code setting} when the company has no such code
     */
    public String id(String entitySet, String code, String setting) {
        return ids.computeIfAbsent(entitySet + "/" + code, k -> {
            JsonNode page = session.read(ApiRequest.get(session.companyPath() + "/" + entitySet)
                    .query("$filter", "code eq " + BusinessCentralSession.literal(code)).query("$select", "id,code").build());
            for (JsonNode row : page.path("value")) {
                if (row.path("code").asText().equalsIgnoreCase(code)) {
                    return row.path("id").asText();
                }
            }
            throw new ConfigurationException("businesscentral." + setting, "the company has no " + entitySet
                    + " entry with code '" + code + "'");
        });
    }
}
