package io.possync.core.internal.run;

import io.possync.api.Capability;
import io.possync.api.Metered;
import io.possync.api.RequestCounter;
import io.possync.core.Flow;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The requests a run sent, per system: each connection's counter read at the start and again at the end. */
final class RequestTally {

    private final List<Capability> capabilities;
    private final Map<RequestCounter, Long> baseline = new IdentityHashMap<>();

    RequestTally(Flow<?> flow) {
        List<Capability> all = new ArrayList<>();
        all.add(flow.source());
        flow.sink().ifPresent(all::add);
        flow.statusSink().ifPresent(all::add);
        flow.customerSink().ifPresent(all::add);
        flow.productSink().ifPresent(all::add);
        this.capabilities = List.copyOf(all);
        for (Capability c : capabilities) {
            if (c instanceof Metered m) {
                baseline.putIfAbsent(m.requests(), m.requests().count());
            }
        }
    }

    /** Requests per system since the run started; capabilities sharing one counter are counted once. */
    Map<String, Long> sinceStart() {
        Map<String, Long> bySystem = new LinkedHashMap<>();
        Set<RequestCounter> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Capability c : capabilities) {
            if (c instanceof Metered m && seen.add(m.requests())) {
                long delta = m.requests().count() - baseline.getOrDefault(m.requests(), 0L);
                bySystem.merge(c.system(), delta, Long::sum);
            }
        }
        return bySystem;
    }
}
