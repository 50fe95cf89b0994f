package io.possync.spring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.possync.core.Flow;
import io.possync.core.SyncEngine;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

/**
 * The Actuator endpoint {@code possync}: every flow, whether it runs on the schedule, and its last report (as
 * {@link io.possync.core.SyncReport#toJson()} writes it); {@code /actuator/possync/{flow}} for one flow.
 * Expose it with {@code management.endpoints.web.exposure.include=health,possync}.
 *
 * <pre>
 * {"sales":{"scheduled":true,"failuresInARow":0,"lastReport":{"flow":"sales","status":"COMPLETED",...}}}
 * </pre>
 */
@Endpoint(id = "possync")
public final class PossyncEndpoint {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SyncEngine engine;
    private final RunHistory history;
    private final PossyncProperties properties;

    /** The endpoint over {@code engine}'s flows and their {@code history}. */
    public PossyncEndpoint(SyncEngine engine, RunHistory history, PossyncProperties properties) {
        this.engine = engine;
        this.history = history;
        this.properties = properties;
    }

    /** Every flow, in registration order. */
    @ReadOperation
    public Map<String, Object> flows() {
        Map<String, Object> all = new LinkedHashMap<>();
        engine.flows().forEach(f -> all.put(f.name(), describe(f)));
        return all;
    }

    /** One flow; null (404) when there is none of that name. */
    @ReadOperation
    public Map<String, Object> flow(@Selector String name) {
        return engine.flows().stream().filter(f -> f.name().equals(name)).findFirst().map(this::describe).orElse(null);
    }

    private Map<String, Object> describe(Flow<?> flow) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("entityType", flow.entityType().name());
        d.put("scheduled", properties.runs(flow.name()));
        Optional<RunHistory.FlowRecord> record = history.of(flow.name());
        d.put("failuresInARow", record.map(RunHistory.FlowRecord::failuresInARow).orElse(0));
        d.put("lastReport", record.map(r -> asMap(r.last().toJson())).orElse(null));
        return d;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(String json) {
        try {
            return JSON.readValue(json, Map.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a possync report is not JSON", e);
        }
    }
}
