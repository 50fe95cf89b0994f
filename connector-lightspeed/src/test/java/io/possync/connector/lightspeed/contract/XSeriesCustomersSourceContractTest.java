package io.possync.connector.lightspeed.contract;

import io.possync.api.Customer;
import io.possync.api.Source;
import io.possync.api.internal.Json;
import io.possync.connector.lightspeed.xseries.LightspeedXSeries;
import io.possync.testkit.SandboxFaults;
import io.possync.testkit.contract.SourceContract;
import io.possync.testkit.lightspeed.XSeriesSandbox;
import org.junit.jupiter.api.AfterEach;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Lightspeed X-Series customers as a {@link Source}: the contract every source passes. */
class XSeriesCustomersSourceContractTest extends SourceContract<Customer> {

    private final XSeriesSandbox sandbox = XSeriesSandbox.builder().start();
    private int next;

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Override
    protected Source<Customer> source() {
        return LightspeedXSeries.connect(Sandboxes.xSeries(sandbox, sandbox.clientSecret()).pageSize(pageSize()).build()).customers();
    }

    @Override
    protected Source<Customer> sourceWithWrongCredentials() {
        return LightspeedXSeries.connect(Sandboxes.xSeries(sandbox, "wrong").build()).customers();
    }

    @Override
    protected List<String> seed(int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            next++;
            ids.add(sandbox.seed("customers", Json.MAPPER.createObjectNode().put("first_name", "Customer " + next)
                    .put("email", "c" + next + "@example.com")).get("id").asText());
        }
        return ids;
    }

    @Override
    protected void modify(String id) {
        sandbox.modify("customers", id, "last_name", Json.MAPPER.getNodeFactory().textNode("Renamed"));
    }

    /** X-Series reads by version, which is global and never shared: there are no equal time stamps to get wrong. */
    @Override
    protected Set<Trait> lacks() {
        return Set.of(Trait.EQUAL_TIMESTAMPS);
    }

    @Override
    protected String unknownId() {
        return "0a000000-0000-4000-0000-0000000fffff";
    }

    @Override
    protected SandboxFaults faults() {
        return sandbox.faults();
    }
}
