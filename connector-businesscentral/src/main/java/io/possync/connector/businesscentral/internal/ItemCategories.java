package io.possync.connector.businesscentral.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes sure item categories exist before items refer to them: codes not seen before are looked up
 * in one {@code in} filter, missing ones created in one {@code $batch}. Known codes are remembered
 * for the connection, so a catalogue sync asks once per category. A category that cannot be created
 * makes the items that refer to it fail with Business Central's own relation error.
 */
public final class ItemCategories {

    private final BusinessCentralSession session;
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    /** Categories of {@code session}'s company. */
    public ItemCategories(BusinessCentralSession session) {
        this.session = session;
    }

    /** Ensures every code of {@code wanted} (code to display name) exists. */
    public void ensure(Map<String, String> wanted) {
        List<String> unknown = wanted.keySet().stream().filter(c -> !known.contains(c)).toList();
        if (unknown.isEmpty()) {
            return;
        }
        for (int from = 0; from < unknown.size(); from += 40) {
            List<String> chunk = unknown.subList(from, Math.min(unknown.size(), from + 40));
            StringBuilder filter = new StringBuilder("code in (");
            for (int i = 0; i < chunk.size(); i++) {
                filter.append(i == 0 ? "" : ",").append(BusinessCentralSession.literal(chunk.get(i)));
            }
            session.readAll(BusinessCentralSession.inFilter(session.companyPath() + "/itemCategories",
                    filter.append(')').toString()).query("$select", "id,code").build()).forEach(row -> known.add(row.path("code").asText()));
        }
        List<BusinessCentralSession.BatchOp> creates = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        for (String code : unknown) {
            if (!known.contains(code)) {
                String name = wanted.get(code);
                creates.add(new BusinessCentralSession.BatchOp("POST", session.companyPath() + "/itemCategories", Optional.empty(),
                        JsonNodeFactory.instance.objectNode().put("code", code)
                                .put("displayName", name.length() > 100 ? name.substring(0, 100) : name)));
                codes.add(code);
            }
        }
        if (creates.isEmpty()) {
            return;
        }
        List<JsonNode> answers = session.batch(creates);
        for (int i = 0; i < answers.size(); i++) {
            int status = answers.get(i).path("status").asInt();
            // 409: another process created it meanwhile, which is as good.
            if (status == 201 || status == 200 || status == 409) {
                known.add(codes.get(i));
            }
        }
    }
}
